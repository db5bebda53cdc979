"""Names to show for actor codes: the lexicon's own name of a country or international body
(CAN -> "Canada"), else the name the code was most often recognised by in the articles.

An actor code collects every name that resolved to it: a city or province resolves to its
country (British Columbia -> CAN), a person to their country. Any one of those names (the
alphabetically first, as the pages showed) misnames the actor; the lexicon's first phrase of the
country's entry is the country's own name, and for other codes the most mentioned name is the
one readers know it by.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from eventwire.actors.lexicon import default_lexicon

# Entries whose first phrase names the code itself (not a member, a city or an office).
NAMED_KINDS = ("country", "igo")
# Words kept lower-case inside a title ("Democratic Republic of the Congo").
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "del", "da", "al"})


def title_case(phrase: str) -> str:
    """A lexicon phrase (stored lower-case) as a name: "united states of america" ->
    "United States of America"; a leading article is dropped ("the united nations")."""
    words = phrase.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(
        w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


@lru_cache(maxsize=1)
def lexicon_names() -> Mapping[str, str]:
    """Code -> name for every country and international body of the shipped lexicon: the first
    phrase of the first entry of that kind coding exactly that code, undated."""
    lexicon = default_lexicon()
    names: dict[str, str] = {}
    for entry_id in range(len(lexicon)):
        entry = lexicon.entry(entry_id)
        if entry.kind not in NAMED_KINDS or len(entry.codes) != 1 or not entry.phrases:
            continue
        span = entry.codes[0]
        if span.start is None and span.end is None and span.code not in names:
            names[span.code] = title_case(entry.phrases[0])
    return names


def most_frequent_name(counts: Iterable[tuple[str, int]]) -> str:
    """The name with most mentions; ties go to the longer (fuller) name, then the first in
    alphabetical order, so the choice does not depend on row order."""
    best = min(counts, key=lambda nc: (-nc[1], -len(nc[0]), nc[0]), default=("", 0))
    return best[0]


def display_names(
    codes: Iterable[str], mentions: Mapping[str, list[tuple[str, int]]]
) -> dict[str, str]:
    """A name for each code: the lexicon's, else the most mentioned of ``mentions[code]``
    (name, mention count) pairs, else ""."""
    known = lexicon_names()
    return {code: known.get(code) or most_frequent_name(mentions.get(code, ())) for code in codes}
