"""The office-holders layer: named heads of state and government, ministers, central bankers, IGO
heads and armed-group leaders with dated codes (``data/office_holders.tsv``).

One row is one person in one office over one span (``name, aliases, code, from, until, role,
country, source, note``); the rows of one name become one ``person`` entry with one
:class:`CodeSpan` per row, so the article's date picks the office (``Donald Trump``: USAGOV
2017-01-20..2021-01-20, USAELI to 2025-01-19, USAGOV from 2025-01-20).

Phrases are the name and its aliases.  Two guards keep the layer from coding the wrong thing:

* an alias that two different people of the file share is used by neither (the full names stay);
* a phrase that the layers below know as a place, a people or a role word (``lagos``, ``hague``,
  ``tunis``) is not taken over by a person: those kinds are listed in :data:`PLACE_KINDS`.

The layer sits above the Phoenix and curated layers and below user dictionaries
(:func:`eventwire.actors.lexicon.default_lexicon`).  A phrase of the layer hides the entries below
it, but the file starts in about 2000: so that an older article still reads Phoenix's roles of the
same person ("Vladimir Putin" in 1995: RUSELI), :func:`with_earlier_roles` gives a person the
codes of the lower entry of the same full name for the days before their first row.

Legislators (``data/legislators.tsv``: members of the US Congress, same columns, built by
``docs/office-holders/convert_legislators.py``) are a lower tier of the same layer, read by
:func:`add_legislators`.  They are many and their names plain, so a member never hides a better
entry: a member of the same name as an office-holder of the same country becomes part of that
person (the office-holder's rows win on their days, the member's fill the others); a member's
phrase that an office-holder, a Phoenix person entry with an undated role, or any non-person entry
below holds is not taken; a Phoenix person entry with dated roles only keeps them and the member's
rows fill the days they leave.

Building the layer (8,900 rows of both files, the guards, the older roles) costs ~0.25 s per
process, so ``data/office_holders.json.gz`` is a compiled cache of the finished layer, stamped with
the SHA-256 of both TSVs and of the lower layers' files; :func:`load_layer` reads it when the stamp
matches and builds the layer otherwise, with a warning to run ``scripts/compile_office_holders.py``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.resources.abc import Traversable
from typing import Any, Protocol

from eventwire.actors.entries import CodeSpan, LexEntry, normalise
from eventwire.actors.tabari import ACTOR_CODE

log = logging.getLogger(__name__)

OFFICE_HOLDERS = "office_holders.tsv"
LEGISLATORS = "legislators.tsv"
CACHE_FILE = "office_holders.json.gz"
FORMAT_VERSION = 2
COLUMNS = ("name", "aliases", "code", "from", "until", "role", "country", "source", "note")
# Kinds of the layers below that a person's phrase must not hide.
PLACE_KINDS = frozenset({"country", "capital", "demonym", "metonym", "agent", "blocker"})


@dataclass
class _Person:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)  # normalised, without the name
    spans: list[CodeSpan] = field(default_factory=list)


def _row_error(source: str, number: int, message: str) -> ValueError:
    return ValueError(f"{source}:{number}: {message}")


def read_rows(text: str, source: str = OFFICE_HOLDERS) -> list[tuple[int, dict[str, str]]]:
    """The data rows of the file as (line number, column -> value); malformed rows raise."""
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        values = line.split("\t")
        if tuple(values) == COLUMNS:
            continue
        if len(values) != len(COLUMNS):
            raise _row_error(source, number, f"{len(values)} columns, expected {len(COLUMNS)}")
        rows.append((number, dict(zip(COLUMNS, values, strict=True))))
    return rows


def _span(row: dict[str, str], source: str, number: int) -> CodeSpan:
    code = row["code"].strip()
    if not ACTOR_CODE.match(code):
        raise _row_error(source, number, f"bad actor code {code!r}")
    try:
        start = date.fromisoformat(row["from"]) if row["from"] else None
        end = date.fromisoformat(row["until"]) if row["until"] else None
    except ValueError as exc:
        raise _row_error(source, number, f"bad date: {exc}") from None
    if start and end and end < start:
        raise _row_error(source, number, "'until' is before 'from'")
    return CodeSpan(code, start, end)


def read_office_holders(
    text: str,
    source: str = OFFICE_HOLDERS,
    below: Callable[[str], set[str]] | None = None,
) -> list[LexEntry]:
    """One ``person`` entry per name, its rows as dated codes, guarded phrases only.

    ``below(phrase)`` gives the kinds the lower layers hold for a phrase; a phrase with one of
    :data:`PLACE_KINDS` is left out (omit it to skip that guard, as tests of the file do).
    """
    return guarded(_people(text, source), below)


def guarded(entries: list[LexEntry], below: Callable[[str], set[str]] | None) -> list[LexEntry]:
    """The entries without the phrases ``below`` knows as places, peoples or role words."""
    if below is None:
        return entries
    kept: list[LexEntry] = []
    for entry in entries:
        phrases = tuple(p for p in entry.phrases if not below(p) & PLACE_KINDS)
        if len(phrases) == len(entry.phrases):
            kept.append(entry)
        elif phrases:
            kept.append(LexEntry(-1, entry.kind, phrases, entry.codes, entry.source, entry.line))
    return kept


def with_earlier_roles(entry: LexEntry, older: Sequence[LexEntry]) -> LexEntry:
    """``entry`` with the codes of ``older`` (the lower entries of its name) before its first day.

    A dated older code is cut to end the day before, a later one dropped: from its first row on,
    the file speaks for the person.  An undated one (the older entry's default, "ELI" for a former
    UN Secretary-General) stays the default for the days no row covers.
    """
    starts = [span.start for span in entry.codes]
    if not older or None in starts:
        return entry
    first = min(start for start in starts if start is not None)
    last = first - timedelta(days=1)
    earlier = tuple(
        CodeSpan(span.code, span.start, min(span.end or last, last)) if span.dated else span
        for other in older
        if other.kind not in PLACE_KINDS
        for span in other.codes
        if span.start is None or span.start < first
    )
    if not earlier:
        return entry
    return LexEntry(-1, entry.kind, entry.phrases, entry.codes + earlier, entry.source, entry.line)


def without(spans: Sequence[CodeSpan], taken: Sequence[CodeSpan]) -> list[CodeSpan]:
    """The dated ``spans`` cut so that they cover no day a dated span of ``taken`` covers."""
    cover = sorted((s.start or date.min, s.end or date.max) for s in taken if s.dated)
    out: list[CodeSpan] = []
    for span in spans:
        pieces = [(span.start or date.min, span.end or date.max)]
        for lo, hi in cover:
            next_pieces = []
            for a, b in pieces:
                if hi < a or lo > b:
                    next_pieces.append((a, b))
                    continue
                if a < lo:
                    next_pieces.append((a, lo - timedelta(days=1)))
                if hi < b:
                    next_pieces.append((hi + timedelta(days=1), b))
            pieces = next_pieces
        out += [
            CodeSpan(span.code, None if a == date.min else a, None if b == date.max else b)
            for a, b in pieces
        ]
    return out


def add_legislators(
    holders: list[LexEntry],
    text: str,
    below: Below,
    holders_text: str = "",
    source: str = LEGISLATORS,
) -> list[LexEntry]:
    """``holders`` (the finished office-holders) with the members of ``text`` as a lower tier.

    * a member named like an office-holder with a code of the member's country is that person:
      the member's rows are added, cut around the days the person's dated codes cover;
      an office-holder of the same name from another country keeps the name, the member is dropped;
    * a member's phrase is not taken when an office-holder holds it (even an alias the
      office-holders' guard dropped), or the layers below hold it as anything but a person;
    * a Phoenix person entry under a member's phrases: with dated roles only, one of them of the
      member's country, it becomes part of the member, its roles winning on their days; otherwise
      (an undated role, another country's person, two entries) it keeps those phrases.
    """
    members = _people(text, source)
    out = list(holders)
    index = {entry.name: i for i, entry in enumerate(out)}
    held = {phrase for entry in holders for phrase in entry.phrases}
    held |= _all_phrases(holders_text)

    def free(phrase: str) -> bool:
        return phrase not in held and not below.kinds_of(phrase) - {"person"}

    for member in members:
        country = member.codes[0].code[:3]
        i = index.get(member.name)
        if i is not None:
            person = out[i]
            if not any(span.code.startswith(country) for span in person.codes):
                continue
            # An alias Phoenix holds for someone is left to Phoenix here.
            extra = tuple(
                p
                for p in member.phrases[1:]
                if free(p) and not below.kinds_of(p) and p not in person.phrases
            )
            joined = person.codes + tuple(without(member.codes, person.codes))
            out[i] = LexEntry(
                -1, person.kind, person.phrases + extra, joined, person.source, person.line
            )
            continue
        phrases = [p for p in member.phrases if free(p)]
        older = {e.id: e for p in phrases for e in below.entries(p) if e.kind == "person"}
        codes: tuple[CodeSpan, ...] = member.codes
        old = next(iter(older.values())) if len(older) == 1 else None
        if (
            old
            and all(span.dated for span in old.codes)
            and any(span.code.startswith(country) for span in old.codes)
        ):
            codes = old.codes + tuple(without(member.codes, old.codes))
        elif older:
            phrases = [p for p in phrases if not any(e.kind == "person" for e in below.entries(p))]
        if phrases:
            out.append(LexEntry(-1, "person", tuple(phrases), codes, source, member.line))
    return out


def _all_phrases(text: str) -> set[str]:
    """Every name and alias of a file, before any guard."""
    phrases: set[str] = set()
    for _, row in read_rows(text) if text else ():
        phrases.add(normalise(row["name"]))
        phrases.update(normalise(a) for a in row["aliases"].split("|") if a.strip())
    return phrases


def _people(text: str, source: str) -> list[LexEntry]:
    people: dict[str, _Person] = {}
    for number, row in read_rows(text, source):
        key = normalise(row["name"])
        if not key:
            raise _row_error(source, number, "missing name")
        person = people.get(key)
        if person is None:
            person = people[key] = _Person(row["name"], number)
        person.spans.append(_span(row, source, number))
        for alias in row["aliases"].split("|"):
            alias = normalise(alias)
            if alias and alias != key and alias not in person.aliases:
                person.aliases.append(alias)
    owners: dict[str, set[str]] = {}
    for key, person in people.items():
        for phrase in (key, *person.aliases):
            owners.setdefault(phrase, set()).add(key)
    entries: list[LexEntry] = []
    for key, person in people.items():
        # An alias two people share (or another person's name) names neither.
        phrases = [key] + [alias for alias in person.aliases if len(owners[alias]) == 1]
        spans = tuple(sorted(person.spans, key=lambda s: (s.start or date.min, s.end or date.max)))
        entries.append(LexEntry(-1, "person", tuple(phrases), spans, source, person.line))
    return entries


# -- the layer and its compiled cache -----------------------------------------------------------


class Below(Protocol):
    """What the layer needs of the lexicon under it (Phoenix and the curated tables)."""

    def kinds_of(self, phrase: str) -> set[str]: ...

    def entries(self, phrase: str) -> list[LexEntry]: ...


def build_layer(
    text: str, below: Below, source: str = OFFICE_HOLDERS, legislators: str = ""
) -> list[LexEntry]:
    """The layer over ``below``: guarded phrases, the older roles of the same names, and the
    members of ``legislators`` (the text of ``legislators.tsv``) as a lower tier."""
    people = read_office_holders(text, source, below=below.kinds_of)
    people = [with_earlier_roles(person, below.entries(person.name)) for person in people]
    if legislators:
        people = add_legislators(people, legislators, below, text)
    return people


def stamp(*sources: bytes) -> str:
    """SHA-256 over the TSVs (office-holders, legislators) and the files of the layers below (the
    guard and the older roles depend on them too)."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(hashlib.sha256(source).digest())
    return digest.hexdigest()


def cache_bytes(entries: Sequence[LexEntry], source_stamp: str) -> bytes:
    """The compiled layer: gzip'd JSON, ``mtime=0`` so it is reproducible byte for byte."""
    data = {
        "format": FORMAT_VERSION,
        "source_sha256": source_stamp,
        "entries": [
            [
                list(e.phrases),
                [[s.code, _iso(s.start), _iso(s.end)] for s in e.codes],
                e.line,
                e.source,
            ]
            for e in entries
        ],
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(payload.encode("utf-8"), mtime=0)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _from_cache(data: dict[str, Any]) -> list[LexEntry]:
    day = date.fromisoformat
    return [
        LexEntry(
            -1,
            "person",
            tuple(phrases),
            tuple(CodeSpan(c, day(a) if a else None, day(b) if b else None) for c, a, b in spans),
            source,
            line,
        )
        for phrases, spans, line, source in data["entries"]
    ]


def load_layer(
    data_dir: Traversable, below: Below, lower_sources: Sequence[bytes]
) -> list[LexEntry]:
    """The shipped layer: from the cache when it was compiled from these very files."""
    source = data_dir.joinpath(OFFICE_HOLDERS).read_bytes()
    members = data_dir.joinpath(LEGISLATORS)
    legislators = members.read_bytes() if members.is_file() else b""
    cache = data_dir.joinpath(CACHE_FILE)
    if cache.is_file():
        data = json.loads(gzip.decompress(cache.read_bytes()))
        if data.get("format") == FORMAT_VERSION and data.get("source_sha256") == stamp(
            source, legislators, *lower_sources
        ):
            return _from_cache(data)
    log.warning(
        "%s or the lexicon under it changed since %s was compiled: building the layer now; "
        "run scripts/compile_office_holders.py to rebuild the cache",
        OFFICE_HOLDERS,
        CACHE_FILE,
    )
    return build_layer(source.decode("utf-8"), below, legislators=legislators.decode("utf-8"))
