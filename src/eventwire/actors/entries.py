"""Typed records of the actor lexicon (entries, dated codes, matches) and the date-resolution rule.

Resolution of an entry's code on a day (``resolve``):

1. Among the *dated* codes whose range covers the day (limits inclusive), the one that starts
   latest wins, so a new role takes over on its first day (Putin: RUSELI up to 1999-08-09 and
   RUSGOV from 1999-08-09 gives RUSGOV on the 9th); equal starts go to the first listed.
2. If no dated code covers the day, the first *undated* code is used (the entry's default).
3. If there is none, the entry has no code on that day (``None``).
4. Without a day (``on=None``) the default is used; an entry with only dated codes then gets
   its most recent one (latest end, open-ended counting as latest), the best guess for news.
   A default that names nobody's country or organisation (a bare sector such as ``ELI``, or
   ``---``) also yields to the most recent dated code: Phoenix gives the former UN
   Secretaries-General ``ELI`` outside their term, and an undated story about Kofi Annan is far
   more likely about the Secretary-General (IGOUNO) than about an elite of no country.

The null code ``---`` resolves to ``None`` too: such entries exist to stop a phrase being coded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from eventwire import diskcache

NULL_CODE = "---"
# CAMEO sector codes: a code made of one of these alone says what someone is, not whose.
SECTOR_CODES = frozenset(
    {"ELI", "GOV", "MIL", "REB", "OPP", "CVL", "BUS", "MED", "EDU", "LAB", "LEG", "JUD", "COP"}
    | {"SPY", "REF", "HLH", "AGR", "CRM", "UAF", "PTY", "RAD", "HRI", "ENV", "DEV", "SET"}
)
_SPACES = re.compile(r"\s+")

KINDS = frozenset(
    {
        "country",  # a state, territory or former state (IRN, SUN)
        "person",  # a named person, usually with dated roles
        "org",  # a domestic institution or party coded to a country sector
        "igo",  # an intergovernmental organisation or a post in one
        "ngo",  # a non-governmental organisation or movement
        "mnc",  # a multinational corporation
        "nonstate",  # an armed non-state group (rebels, militias, terrorist groups)
        "agent",  # a generic role word (police, minister); its code is a sector (~COP)
        "demonym",  # the adjective / people-noun of a country (Iranian, the British)
        "capital",  # a capital or seat of government: a place, or an actor as a metonym
        "metonym",  # a building or epithet standing for a state (the Kremlin, the Zionist regime)
        "blocker",  # a phrase recognised so that it is *not* coded (Indian Ocean)
    }
)


@dataclass(frozen=True, slots=True)
class CodeSpan:
    """A code valid from ``start`` to ``end``, both inclusive; None leaves that side open."""

    __reduce__ = diskcache.by_fields  # (cached: unpickled at every start)

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def to_dict(self) -> dict[str, str | None]:
        return {
            "code": self.code,
            "from": self.start.isoformat() if self.start else None,
            "until": self.end.isoformat() if self.end else None,
        }


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon entry: phrases (the first is the name), kind, codes and where it came from."""

    __reduce__ = diskcache.by_fields  # (cached: unpickled at every start)

    id: int
    kind: str
    phrases: tuple[str, ...]
    codes: tuple[CodeSpan, ...]
    source: str  # file name (shipped data: the original Phoenix file) for attribution/explain
    line: int | None = None

    @property
    def name(self) -> str:
        return self.phrases[0]

    def code_on(self, on: date | None) -> str | None:
        """This entry's code on a day, by the rule in the module docstring."""
        return resolve(self.codes, on)

    def origin(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon hit: the entry, the phrase that matched and the code resolved on the day."""

    __reduce__ = diskcache.by_fields  # (cached: unpickled at every start)

    entry: LexEntry
    phrase: str
    code: str | None

    @property
    def kind(self) -> str:
        return self.entry.kind


def resolve(codes: Sequence[CodeSpan], on: date | None) -> str | None:
    """Pick the code that applies on a day (see the module docstring for the rule)."""
    chosen: CodeSpan | None = None
    if on is not None:
        for span in codes:
            if not (span.dated and span.covers(on)):
                continue
            if chosen is None or (span.start or date.min) > (chosen.start or date.min):
                chosen = span
    if chosen is None:
        chosen = next((span for span in codes if not span.dated), None)
    if on is None and (chosen is None or chosen.code in SECTOR_CODES or chosen.code == NULL_CODE):
        # Rule 4: the most recent dated code; a bare-sector default only when there is none.
        for span in codes:
            if span.dated and (
                not chosen or not chosen.dated or (span.end or date.max) > (chosen.end or date.max)
            ):
                chosen = span
    if chosen is None or chosen.code == NULL_CODE:
        return None
    return chosen.code


def normalise(phrase: str) -> str:
    """The lexicon's phrase form: lowercase words separated by single spaces (``_`` = space)."""
    return _SPACES.sub(" ", phrase.replace("_", " ")).strip().lower()
