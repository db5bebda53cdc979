"""Convert the CAMEO code tables and the CAMEO->PLOVER crosswalk into ``cameo_codes.tsv``.

Run once, when the source tables change; the output is committed and the package never reads the
source files at run time::

    .venv/bin/python scripts/convert_tables.py [--source ../shared/reference/tables] [--out DIR]

Inputs (each names its source in its header): ``cameo_event_codes.tsv`` (GDELT lookup via
gdeltPyR: names and Goldstein values), ``cameo_root_codes.tsv`` (root names, quad classes) and
``cameo2plover.json`` (the 2021 PLOVER crosswalk, CC BY-SA 4.0) and ``plover_types.tsv`` (the
PLOVER manual's type per CAMEO range).

Where the crosswalk's entry for a code names another type than the manual's translation table gives
its CAMEO range (0813/0814 ease curfew/emergency: crosswalk RETREAT, manual 081-083 CONCEDE; 163
impose sanctions: crosswalk COERCE, manual 16 SANCTION; 1712 destroy property and 175 repression:
crosswalk ASSAULT, manual 17 COERCE; 191 blockade and 192 occupy: crosswalk COERCE, manual 19
ASSAULT), the manual wins: it is the codebook the PLOVER gold standard was coded with.  The
crosswalk's mode is kept when the manual lists it among the new type's modes.

The GDELT lookup numbers four blocks (035x, 10x, 12x, 16x) differently from the CAMEO 1.1b3 manual
that both the PETRARCH2 verb dictionary and the crosswalk use (e.g. its 128 is "Veto", which is 129
in CAMEO 1.1b3, and its 166 "Impose embargo" is 163).  Because the verb dictionary emits 1.1b3
codes, its rows are re-keyed by meaning (:data:`RENUMBERED`) and rows with no 1.1b3 equivalent are
dropped; such codes take their name from the crosswalk and their Goldstein value from the nearest
ancestor that has one (``goldstein_basis`` says which).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "tables"
OUT_DIR = ROOT / "src" / "eventwire" / "data"
OUT_FILE = "cameo_codes.tsv"

# GDELT-lookup code -> CAMEO 1.1b3 code with the same meaning; None: no 1.1b3 equivalent.
RENUMBERED: dict[str, str | None] = {
    "0353": None,  # "accede to political demands"
    "0354": "0353",  # release persons or property
    "0355": "0354",  # ease economic sanctions
    "0356": "0355",  # allow international involvement
    "0357": "0356",  # de-escalate military engagement
    "101": None,  # "demand information, investigation"
    "105": "108",  # demand mediation
    "106": None,  # "demand withdrawal"
    "107": None,  # "demand ceasefire"
    "108": "106",  # demand meeting, negotiation
    "121": None,  # "reject proposal"
    "1211": None,
    "1212": None,
    "1213": None,
    "124": "125",  # reject proposal to meet
    "125": "126",  # reject mediation
    "126": "128",  # defy norms, law
    "127": None,  # "reject accusation, deny responsibility"
    "128": "129",  # veto
    "163": "164",  # halt negotiations
    "164": "166",  # expel or withdraw
    "1641": "1661",
    "1642": "1662",
    "1643": "1663",
    "166": "163",  # impose embargo, boycott, or sanctions
}

# CAMEO 1.1b3 codes the PETRARCH2 verb dictionary uses that neither table lists.
SUPPLEMENT: dict[str, str] = {
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "176": "Attack cybernetically",
    "1951": "Employ precision-guided aerial munitions",
    "1952": "Employ remotely piloted aerial munitions",
}

COLUMNS = (
    "code",
    "level",
    "root",
    "name",
    "goldstein",
    "goldstein_basis",
    "quad_class",
    "plover",
    "plover_mode",
    "plover_context",
    "plover_basis",
)


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:]  # header


def manual_types(path: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    """The PLOVER manual's type per CAMEO root or three-digit range ("081-083" -> CONCEDE), and
    each type's modes."""
    by_range: dict[str, str] = {}
    modes: dict[str, set[str]] = {}
    for row in _rows(path):
        kind, ranges = row[0], row[4]
        modes[kind] = {m for m in (row[6] if len(row) > 6 else "").split(",") if m}
        for part in (p.strip() for p in ranges.split(",")):
            if "-" in part:
                first, last = part.split("-")
                for number in range(int(first), int(last) + 1):
                    by_range[f"{number:03d}"] = kind
            elif part:
                by_range[part] = kind
    return by_range, modes


def _manual_type(code: str, by_range: dict[str, str]) -> str | None:
    return by_range.get(code[:3]) or by_range.get(code[:2])


def _ancestors(code: str) -> list[str]:
    """The code itself, then its three-digit parent, then its root (the crosswalk's fallback)."""
    chain = [code]
    if len(code) == 4:
        chain.append(code[:3])
    if len(code) >= 3:
        chain.append(code[:2])
    return chain


def build(source: Path) -> tuple[list[dict[str, str]], list[str]]:
    """Rows of ``cameo_codes.tsv`` and notes on what was re-keyed, dropped or inherited."""
    notes: list[str] = []
    names: dict[str, str] = {}
    goldstein: dict[str, float] = {}
    for code, _level, name, score in _rows(source / "cameo_event_codes.tsv"):
        target = RENUMBERED.get(code, code)
        if target is None:
            notes.append(f"dropped GDELT-lookup row {code} {name!r}: no CAMEO 1.1b3 equivalent")
            continue
        if target != code:
            notes.append(f"re-keyed GDELT-lookup row {code} {name!r} -> {target}")
        names[target] = name
        goldstein[target] = float(score)
    quad: dict[str, int] = {}
    for row in _rows(source / "cameo_root_codes.tsv"):
        root, name, quad_class = row[0], row[1], row[2]
        names[root] = name
        quad[root] = int(quad_class)
    crosswalk: dict[str, dict[str, str | None]] = json.loads(
        (source / "cameo2plover.json").read_text(encoding="utf-8")
    )
    for code, entry in crosswalk.items():
        if code not in names:
            names[code] = str(entry.get("description") or entry["event"])
            notes.append(f"name of {code} from the crosswalk: {names[code]!r}")
    by_range, type_modes = manual_types(source / "plover_types.tsv")
    for code, name in SUPPLEMENT.items():
        if code not in names:
            names[code] = name
            notes.append(f"name of {code} from the CAMEO 1.1b3 manual (curated): {name!r}")

    out: list[dict[str, str]] = []
    for code in sorted(names):
        basis = "exact"
        value = goldstein.get(code)
        if value is None:
            inherited = [goldstein[a] for a in _ancestors(code)[1:] if a in goldstein]
            value = inherited[0] if inherited else None
            basis = "parent" if inherited else "none"
        plover = mode = context = ""
        plover_basis = "none"
        for level, ancestor in enumerate(_ancestors(code)):
            if ancestor in crosswalk:
                entry = crosswalk[ancestor]
                plover = str(entry["event"])
                # A parent's mode and context describe the parent's sub-codes, not this one.
                if level == 0:
                    mode = str(entry.get("mode") or "")
                    context = str(entry.get("context") or "")
                plover_basis = "exact" if level == 0 else "parent"
                break
        manual = _manual_type(code, by_range) if len(code) > 2 else None
        if plover and manual and manual != plover:
            if plover_basis == "exact":
                notes.append(f"PLOVER type of {code}: crosswalk {plover}, manual {manual}")
            plover, plover_basis = manual, "manual"
            mode = mode if mode in type_modes.get(manual, set()) else ""
        out.append(
            {
                "code": code,
                "level": str(len(code) - 1),
                "root": code[:2],
                "name": names[code],
                "goldstein": "" if value is None else f"{value:g}",
                "goldstein_basis": basis,
                "quad_class": str(quad[code[:2]]),
                "plover": plover,
                "plover_mode": mode,
                "plover_context": context,
                "plover_basis": plover_basis,
            }
        )
    return out, notes


def write(rows: list[dict[str, str]], notes: list[str], out_dir: Path) -> Path:
    header = [
        "# CAMEO event codes (CAMEO 1.1b3 numbering) with Goldstein value, quad class and PLOVER.",
        "# Written by scripts/convert_tables.py from ../shared/reference/tables; do not edit.",
        "# Names/Goldstein: GDELT CAMEO lookup (linwoodc3/gdeltPyR cameoCodeTable.tsv), re-keyed",
        "#   where its numbering differs from CAMEO 1.1b3; quad class: root table (01-05 / 06-08 /",
        "#   09-13 / 14-20). PLOVER type/mode/context: CAMEO->PLOVER crosswalk of the PLOVER",
        "#   manual (openeventdata/PLOVER), CC BY-SA 4.0; 'parent' = inherited from the 3-digit",
        "#   code or the root, 'none' = no PLOVER type (CAMEO 01 and 02 were dropped by PLOVER).",
        *(f"# note: {n}" for n in notes),
        "\t".join(COLUMNS),
    ]
    body = ["\t".join(row[c] for c in COLUMNS) for row in rows]
    path = out_dir / OUT_FILE
    path.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    rows, notes = build(args.source)
    path = write(rows, notes, args.out)
    print(f"{path}: {len(rows)} codes, {len(notes)} notes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
