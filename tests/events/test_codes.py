"""CAMEO code table: names, roots, Goldstein, quad classes, the PLOVER crosswalk and fallbacks."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.events import codes
from eventwire.events.codes import cameo_info, goldstein_of, is_valid, plover_of, root_of

REPO = Path(__file__).resolve().parents[2]


def test_lookup_of_a_leaf_code() -> None:
    info = cameo_info("0214")
    assert info.root == "02"
    assert info.level == 3
    assert info.goldstein == pytest.approx(3.4)
    assert info.quad_class == 1


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)],
)
def test_quad_class_boundaries_follow_the_root_table(root: str, quad: int) -> None:
    # The shipped root table (GDELT convention) puts 09 in verbal and 14 in material conflict.
    assert cameo_info(root).quad_class == quad
    assert codes.quad_class_of(root + "0") == quad


def test_validity_and_roots() -> None:
    assert is_valid("043")
    assert is_valid("04")
    assert is_valid("1246")
    assert not is_valid("345")
    assert not is_valid("0")
    assert not is_valid("")
    assert root_of("0214") == "02"
    with pytest.raises(ValueError, match="not a CAMEO"):
        root_of("99")
    with pytest.raises(KeyError, match="not a CAMEO"):
        cameo_info("999")


def test_plover_exact_and_with_mode() -> None:
    assert plover_of("043") == ("CONSULT", "visit")
    assert plover_of("0841") == ("RETREAT", "release")
    assert plover_of("081") == ("CONCEDE", None)


def test_plover_falls_back_to_parent_then_root_without_the_parents_mode() -> None:
    # 1952 is not in the crosswalk: its parent 195 (aerial weapons) gives the type only.
    assert cameo_info("195").plover_mode is not None
    assert plover_of("1952") == ("ASSAULT", None)
    assert plover_of("176") == ("COERCE", None)  # root 17


def test_plover_manual_range_wins_over_a_crosswalk_entry_that_leaves_it() -> None:
    # The manual files 081-083 under CONCEDE, root 16 under SANCTION, 17 under COERCE and 19
    # under ASSAULT; the crosswalk's own entries for these codes name other types.
    assert plover_of("0813") == ("CONCEDE", None)
    assert plover_of("163")[0] == "SANCTION"
    assert plover_of("1712") == ("COERCE", "seize")  # the mode is one COERCE has
    assert plover_of("175")[0] == "COERCE"
    assert plover_of("192")[0] == "ASSAULT"
    # Where both agree nothing changes.
    assert plover_of("0871") == ("RETREAT", "ceasefire")


def test_statements_and_appeals_have_no_plover_type() -> None:
    for code in ("01", "010", "02", "020", "0214"):
        assert plover_of(code) == (None, None)


def test_renumbered_blocks_follow_cameo_1_1b3() -> None:
    # The GDELT lookup calls 128 "Veto"; in CAMEO 1.1b3 (the verb dictionary's numbering) it is 129.
    assert cameo_info("129").name == "Veto"
    assert cameo_info("128").name.startswith("Defy norms")
    assert cameo_info("164").name.startswith("Halt negotiations")
    assert cameo_info("163").name.startswith("Impose embargo")
    assert cameo_info("163").goldstein == pytest.approx(-8.0)


def test_goldstein_inherits_when_the_table_has_none() -> None:
    assert cameo_info("1246").goldstein_basis == "parent"
    assert goldstein_of("1246") == cameo_info("12").goldstein
    assert cameo_info("0256").goldstein == cameo_info("025").goldstein  # inherited


def test_every_code_has_root_quad_and_goldstein() -> None:
    table = codes.table()
    assert len(table) > 300
    for code, info in table.items():
        assert info.root == code[:2]
        assert info.quad_class in (1, 2, 3, 4)
        assert info.goldstein is not None, code
        if info.root not in ("01", "02"):
            assert info.plover, code


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "convert_tables", REPO / "scripts" / "convert_tables.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_committed_table_matches_a_fresh_conversion(shared: Path, tmp_path: Path) -> None:
    converter = _converter()
    source = shared / "reference" / "tables"
    assert converter.main(["--source", str(source), "--out", str(tmp_path)]) == 0
    fresh = (tmp_path / "cameo_codes.tsv").read_text(encoding="utf-8")
    committed = (REPO / "src" / "eventwire" / "data" / "cameo_codes.tsv").read_text("utf-8")
    assert fresh == committed, "re-run scripts/convert_tables.py and commit"


def test_demand_mirrors_appeal_sub_codes() -> None:
    assert codes.mirrored("0241", "10") == "1041"  # change in leadership
    assert codes.mirrored("026", "10") == "106"  # meeting, negotiation
    assert codes.mirrored("1034", "02") == "0234"  # peacekeeping
    assert codes.mirrored("190", "10") == "190"  # only 02 <-> 10
