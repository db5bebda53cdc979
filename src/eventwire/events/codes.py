"""CAMEO event codes: names, roots, Goldstein values, quad classes and the CAMEO->PLOVER crosswalk.

Reads ``data/cameo_codes.tsv`` (written by ``scripts/convert_tables.py``) once per process.  Codes
follow the CAMEO 1.1b3 numbering used by the PETRARCH2 verb dictionary and the PLOVER crosswalk.

Quad classes are those of the shipped root table (the GDELT convention): 1 verbal cooperation
(roots 01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict
(14-20).  PLOVER types follow the crosswalk, falling back from a four-digit code to its
three-digit parent and then to its root, as the crosswalk lists only some leaves.  CAMEO 01 (public
statements) and 02 (appeals) have no PLOVER type: PLOVER dropped them, so :func:`plover_of`
returns ``(None, None)`` for them rather than guessing one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA_PACKAGE = "eventwire"
CODES_FILE = "data/cameo_codes.tsv"

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and what it maps to."""

    code: str
    name: str
    root: str
    goldstein: float | None
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None
    # "exact" when the table gives the value for this code, "parent" when it is inherited.
    goldstein_basis: str
    plover_basis: str

    @property
    def level(self) -> int:
        """1 for a root (``04``), 2 for a three-digit code, 3 for a four-digit one."""
        return len(self.code) - 1


def _optional(text: str) -> str | None:
    return text or None


@lru_cache(maxsize=1)
def table() -> dict[str, CameoCode]:
    """All known codes, keyed by code; read from the package data once per process."""
    text = resources.files(DATA_PACKAGE).joinpath(CODES_FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    codes: dict[str, CameoCode] = {}
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        codes[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            root=row["root"],
            goldstein=float(row["goldstein"]) if row["goldstein"] else None,
            quad_class=int(row["quad_class"]),
            plover=_optional(row["plover"]),
            plover_mode=_optional(row["plover_mode"]),
            plover_context=_optional(row["plover_context"]),
            goldstein_basis=row["goldstein_basis"],
            plover_basis=row["plover_basis"],
        )
    return codes


def is_valid(code: str) -> bool:
    """True for a CAMEO code in the table (``"04"``, ``"043"``, ``"0214"``)."""
    return code in table()


def cameo_info(code: str) -> CameoCode:
    """The table entry of a code; KeyError names the code when it is not a CAMEO code."""
    try:
        return table()[code]
    except KeyError:
        raise KeyError(f"not a CAMEO event code: {code!r}") from None


def _lineage(code: str) -> list[str]:
    """The code, its three-digit parent and its root: the crosswalk's fallback order."""
    chain = [code]
    if len(code) == 4:
        chain.append(code[:3])
    if len(code) >= 3:
        chain.append(code[:2])
    return chain


def root_of(code: str) -> str:
    """The two-digit root of a code (``"0214"`` -> ``"02"``); ValueError if no valid root."""
    root = code[:2]
    if len(code) not in (2, 3, 4) or not code.isdigit() or root not in table():
        raise ValueError(f"not a CAMEO event code: {code!r}")
    return root


def plover_of(code: str) -> tuple[str | None, str | None]:
    """PLOVER (type, mode) of a CAMEO code via the crosswalk; ``(None, None)`` for 01/02.

    A code missing from the table (a sub-code the table does not list) falls back to its nearest
    listed ancestor; the mode is only kept when the matched entry is the code itself, since a
    parent's mode does not necessarily describe every child.
    """
    root_of(code)  # validates
    codes = table()
    for ancestor in _lineage(code):
        entry = codes.get(ancestor)
        if entry is not None:
            mode = entry.plover_mode if ancestor == code else None
            return entry.plover, mode
    return None, None


def quad_class_of(code: str) -> int:
    """Quad class 1-4 of a code (by its root)."""
    return cameo_info(root_of(code)).quad_class


def goldstein_of(code: str) -> float | None:
    """Goldstein value of a code, falling back to its parent or root when it is not listed."""
    root_of(code)
    codes = table()
    for ancestor in _lineage(code):
        entry = codes.get(ancestor)
        if entry is not None and entry.goldstein is not None:
            return entry.goldstein
    return None


# The codebook's DEMAND category (10) mirrors APPEAL (02) sub-code for sub-code: 0241 appeal for
# a change in leadership, 1041 demand it; 026 appeal to meet, 106 demand a meeting.
MIRRORED = {"02": "10", "10": "02"}


def mirrored(code: str, root: str) -> str:
    """``code`` moved to the mirrored ``root`` (02 <-> 10) keeping its sub-code where the table
    lists it, else the root's general code; other codes come back unchanged."""
    if MIRRORED.get(code[:2]) != root:
        return code
    for candidate in (root + code[2:], root + code[2:3], root + "0"):
        if is_valid(candidate):
            return candidate
    return code
