"""Our supplementary verbs (``data/verbs_extra.tsv``), the companion of the verb pattern file.

The verb pattern file (``data/verbs.txt``, :mod:`eventwire.events.verbs`) lacks some verbs the
CAMEO codebook names for a code ("urge" for 02, "deface" for 171).  The table adds them, one line
per verb with the code whose codebook definition names the act; they are used only where the
pattern file has no entry for the lemma, or where its default has no code and no pattern matches
(:func:`eventwire.events.patterns.match_verb`).  A verb with the code ``---`` keeps only its
patterns: its block default is the wrong sense too often ("took place", "the court ruled").
Event nouns live in one place, ``data/vocabulary/event_nouns.tsv``
(:mod:`eventwire.events.nominal`): a ``noun`` line here is refused with a message saying so,
rather than silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA_PACKAGE = "eventwire"
EXTRA_FILE = "data/verbs_extra.tsv"
# A verb line with this code withdraws the dictionary's default: only patterns code the verb.
NO_DEFAULT = "---"


@dataclass(frozen=True, slots=True)
class ExtraEntry:
    """One line of the table: a verb lemma, its code and why (``targets`` is always empty: the
    column is kept so the table keeps its layout)."""

    kind: str  # "verb"
    words: str
    code: str
    targets: tuple[str, ...]
    why: str


def parse(text: str) -> list[ExtraEntry]:
    """Entries of a table in the ``kind words code targets why`` format (``#`` comments)."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "noun":
            raise ValueError(
                f"{EXTRA_FILE}:{number}: event nouns belong in data/vocabulary/event_nouns.tsv"
            )
        code_ok = cells[2].isdigit() or (cells[0] == "verb" and cells[2] == NO_DEFAULT)
        if len(cells) != 5 or cells[0] != "verb" or not code_ok:
            raise ValueError(f"{EXTRA_FILE}:{number}: bad line {line!r}")
        kind, words, code, targets, why = cells
        preps = tuple(p for p in targets.split(",") if p)
        out.append(ExtraEntry(kind, words.lower(), code, preps, why))
    return out


@lru_cache(maxsize=1)
def entries() -> tuple[ExtraEntry, ...]:
    text = resources.files(DATA_PACKAGE).joinpath(EXTRA_FILE).read_text(encoding="utf-8")
    return tuple(parse(text))


@lru_cache(maxsize=1)
def verbs() -> dict[str, str]:
    """Verb lemma -> code."""
    return {e.words: e.code for e in entries() if e.kind == "verb"}
