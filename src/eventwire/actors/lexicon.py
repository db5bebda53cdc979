"""The actor lexicon: shipped Phoenix entries, curated tables and user dictionaries, with lookup.

Four layers, later ones winning for the same phrase: the converted Phoenix/PETRARCH2 dictionaries
(``data/actors.jsonl.gz``), the hand-curated tables (``data/countries_extra.tsv``,
``data/agents_extra.tsv``, ``data/orgs_extra.tsv``), the dated office-holders
(``data/office_holders.tsv``, :mod:`eventwire.actors.officeholders`) and user dictionaries
(:mod:`eventwire.actors.userdict`).  A phrase
defined in a layer hides every entry of the layers below for that phrase; within a layer a phrase
may name several entries (real ambiguity, e.g. "brussels"), returned in file order.

The package data is read with :mod:`importlib.resources`, never from the source dictionaries.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from eventwire import diskcache
from eventwire.actors.entries import KINDS, NULL_CODE, CodeSpan, LexEntry, Match, normalise
from eventwire.actors.officeholders import load_layer as load_office_holders

# Defined with the other settings, so that the CLI reads it without importing the lexicon.
from eventwire.config import DICT_ENV as DICT_ENV

DATA_PACKAGE = "eventwire"
DATA_DIR = "data"
ACTORS_FILE = "actors.jsonl.gz"
COUNTRIES_EXTRA = "countries_extra.tsv"
AGENTS_EXTRA = "agents_extra.tsv"
ORGS_EXTRA = "orgs_extra.tsv"
FORMAT_VERSION = 1


class EntryTable:
    """The shipped entries, kept as parsed JSON rows and made into :class:`LexEntry` on access.

    Building all ~28,000 records up front costs more than everything else in loading; a document
    touches a few dozen of them.
    """

    def __init__(self, rows: list[list[Any]], sources: Sequence[str]) -> None:
        # Tuples, not JSON's lists: the table is unpickled at every start (disk cache), and
        # 28,000 rows of nested lists took 39 ms to unpickle, as tuples 16.
        self._rows = [
            (kind, tuple(phrases), tuple(tuple(span) for span in codes), source, line)
            for kind, phrases, codes, source, line in rows
        ]
        self._sources = list(sources)
        self._built: dict[int, LexEntry] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, entry_id: int) -> LexEntry:
        entry = self._built.get(entry_id)
        if entry is None:
            kind, phrases, codes, source, line = self._rows[entry_id]
            spans = tuple(CodeSpan(code, _day(start), _day(end)) for code, start, end in codes)
            entry = LexEntry(entry_id, kind, tuple(phrases), spans, self._sources[source], line)
            self._built[entry_id] = entry
        return entry

    def phrases_of(self, entry_id: int) -> tuple[str, ...]:
        phrases: tuple[str, ...] = self._rows[entry_id][1]
        return phrases

    def kind_of(self, entry_id: int) -> str:
        kind: str = self._rows[entry_id][0]
        return kind

    def codes_of(self, entry_id: int) -> list[str]:
        return [row[0] for row in self._rows[entry_id][2]]


class Lexicon:
    """Phrase -> entries, with date-resolved lookup and the country, agent and demonym helpers.

    Entry ids are positions: the shipped table first, then the curated and user layers.
    """

    def __init__(
        self,
        table: EntryTable,
        added: list[LexEntry],
        index: dict[str, list[int]],
        upper_only: frozenset[str],
        user_from: int | None = None,
    ) -> None:
        self._table = table
        self._added = added
        self._index = index
        self._upper_only = upper_only
        # The id of the first entry of a user dictionary (None: no user layer).
        self._user_from = user_from
        # Derived views, built on first use: most callers only need lookup().
        self._countries: frozenset[str] | None = None
        self._agents: dict[str, str] | None = None
        self._demonyms: dict[str, str] | None = None
        # The disk-cache key of what this lexicon was built from (eventwire.diskcache), which
        # indexes built from it are stored under; None: not known, build them in memory.
        self.digest: str | None = None

    def warm(self) -> Lexicon:
        """Build the derived views now (before the lexicon is stored in the disk cache)."""
        self.country_of("")
        self.agent("")
        self.demonym("")
        return self

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        table: EntryTable,
        layers: Iterable[Iterable[LexEntry]] = (),
        *,
        upper_only: frozenset[str] = frozenset(),
    ) -> Lexicon:
        """Index the shipped table, then each layer on top (a later layer hides earlier ones)."""
        index: dict[str, list[int]] = {}
        for entry_id in range(len(table)):
            for phrase in table.phrases_of(entry_id):
                index.setdefault(phrase, []).append(entry_id)
        lexicon = cls(table, [], index, upper_only)
        for layer in layers:
            lexicon = lexicon.with_entries(list(layer))
        return lexicon

    def with_entries(self, extra: Sequence[LexEntry], *, user: bool = False) -> Lexicon:
        """A new lexicon with ``extra`` as its top layer; this one (cached) stays unchanged.

        ``user`` marks the layer as a user dictionary's (:meth:`from_user`)."""
        user_from = self._user_from
        if user and user_from is None:
            user_from = len(self)
        added = list(self._added)
        index = dict(self._index)
        layer_index: dict[str, list[int]] = {}
        for entry in extra:
            new_id = len(self._table) + len(added)
            entry = LexEntry(
                new_id, entry.kind, entry.phrases, entry.codes, entry.source, entry.line
            )
            added.append(entry)
            for phrase in entry.phrases:
                ids = layer_index.setdefault(phrase, [])
                if new_id not in ids:
                    ids.append(new_id)
        index.update(layer_index)
        upper = frozenset(p for p in self._upper_only if p not in layer_index)
        return Lexicon(self._table, added, index, upper, user_from)

    # -- queries ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._table) + len(self._added)

    def entry(self, entry_id: int) -> LexEntry:
        if entry_id < len(self._table):
            return self._table[entry_id]
        return self._added[entry_id - len(self._table)]

    def from_user(self, entry: LexEntry) -> bool:
        """Whether an entry of this lexicon comes from a user dictionary (not the shipped data)."""
        return self._user_from is not None and entry.id >= self._user_from

    def entries(self, phrase: str) -> list[LexEntry]:
        """The visible entries for a phrase (normalised; a leading "the" is optional)."""
        key = normalise(phrase)
        ids = self._index.get(key)
        if ids is None and key.startswith("the "):
            ids = self._index.get(key[4:])
        if ids is None and not key.startswith("the "):
            # Phoenix stores some names only with the article ("THE_ISLAMIC_STATE").
            ids = self._index.get(f"the {key}")
        return [self.entry(i) for i in ids or ()]

    def lookup(self, phrase: str, on: date | None = None) -> list[Match]:
        """Entries for ``phrase`` with the code that applies on ``on`` (the article's date).

        Codes are resolved by :func:`eventwire.actors.entries.resolve`: the dated code covering
        the day, else the undated default, else ``None`` (the entry is still returned, so a
        known name outside its dated roles is recognised but left uncoded).
        """
        key = normalise(phrase)
        return [Match(e, key, e.code_on(on)) for e in self.entries(key)]

    def code(self, phrase: str, on: date | None = None) -> str | None:
        """The first non-empty code for ``phrase`` on ``on``, or None."""
        return next((m.code for m in self.lookup(phrase, on) if m.code), None)

    def phrases(self) -> Iterator[tuple[str, int]]:
        """Every visible (phrase, entry id) pair, for building a spaCy PhraseMatcher."""
        for phrase, ids in self._index.items():
            for entry_id in ids:
                yield phrase, entry_id

    def kinds_of(self, phrase: str) -> set[str]:
        """The kinds of the entries visible for a normalised phrase (found as :meth:`entries`)."""
        ids = self._index.get(phrase)
        if ids is None and not phrase.startswith("the "):
            ids = self._index.get(f"the {phrase}")
        return {self._kind(entry_id) for entry_id in ids} if ids else set()

    def upper_only(self, phrase: str) -> bool:
        """True for phrases that are also common words ("us") and should match only in capitals."""
        return normalise(phrase) in self._upper_only

    def country_of(self, code: str) -> str | None:
        """The country (ISO3-like) a code belongs to: ``IRNGOV`` -> ``IRN``; ``IGOUNO`` -> None."""
        if self._countries is None:
            self._countries = frozenset(
                code[:3]
                for entry_id in range(len(self))
                if self._kind(entry_id) in ("country", "demonym", "capital")
                for code in self._codes(entry_id)
                if code != NULL_CODE
            )
        head = code.strip().lstrip("~")[:3].upper()
        return head if head in self._countries else None

    def agent(self, phrase: str) -> str | None:
        """The sector code of a role word: ``police`` -> ``COP``, ``army`` -> ``MIL``.

        The code is returned without its tilde (the lexicon entry keeps the TABARI form:
        ``~GOV`` appends, ``NGO~`` prepends).
        """
        if self._agents is None:
            self._agents = self._first_code_by_phrase("agent")
        raw = self._agents.get(normalise(phrase))
        return raw.strip("~") if raw else None

    def demonym(self, word: str) -> str | None:
        """The country of a demonym or adjective: ``Iranian`` -> ``IRN``, ``the British`` -> GBR."""
        if self._demonyms is None:
            self._demonyms = {p: c[:3] for p, c in self._first_code_by_phrase("demonym").items()}
        key = normalise(word)
        found = self._demonyms.get(key)
        if found is None and key.startswith("the "):
            found = self._demonyms.get(key[4:])
        return found

    def kinds(self) -> dict[str, int]:
        """Number of entries per kind (all layers, hidden entries included)."""
        counts: dict[str, int] = {}
        for entry_id in range(len(self)):
            kind = self._kind(entry_id)
            counts[kind] = counts.get(kind, 0) + 1
        return counts

    def _kind(self, entry_id: int) -> str:
        if entry_id < len(self._table):
            return self._table.kind_of(entry_id)
        return self._added[entry_id - len(self._table)].kind

    def _codes(self, entry_id: int) -> list[str]:
        if entry_id < len(self._table):
            return self._table.codes_of(entry_id)
        return [span.code for span in self._added[entry_id - len(self._table)].codes]

    def _first_code_by_phrase(self, kind: str) -> dict[str, str]:
        """Visible phrase -> first code, for entries of one kind (hidden phrases are skipped)."""
        found: dict[str, str] = {}
        for entry_id in range(len(self)):
            if self._kind(entry_id) != kind:
                continue
            phrases = (
                self._table.phrases_of(entry_id)
                if entry_id < len(self._table)
                else self._added[entry_id - len(self._table)].phrases
            )
            for phrase in phrases:
                if phrase in found:
                    continue
                for visible in self._index.get(phrase, ()):
                    codes = self._codes(visible)
                    if self._kind(visible) == kind and codes:
                        found[phrase] = codes[0]
                        break
        return found


# -- reading the package data -------------------------------------------------------------------


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def read_shipped(raw: bytes) -> tuple[EntryTable, frozenset[str]]:
    """Parse ``actors.jsonl.gz`` content: a header line, then one JSON array per entry."""
    text = gzip.decompress(raw).decode("utf-8")
    head, _, body = text.partition("\n")
    header = json.loads(head)
    if header.get("format") != FORMAT_VERSION:
        raise ValueError(
            f"{ACTORS_FILE}: format {header.get('format')!r}, expected {FORMAT_VERSION}"
        )
    # One json.loads over the whole body is several times faster than one call per line.
    rows: list[list[Any]] = json.loads("[" + ",".join(body.splitlines()) + "]")
    return EntryTable(rows, header["sources"]), frozenset(header.get("upper_only", ()))


def read_countries_extra(text: str, source: str = COUNTRIES_EXTRA) -> list[LexEntry]:
    """Curated demonyms, capitals and metonyms: ``code<TAB>kind<TAB>phrase|phrase...``."""
    entries: list[LexEntry] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith(("#", "code\t")):
            continue
        code, kind, phrases = line.split("\t")
        if kind not in KINDS:
            raise ValueError(f"{source}:{number}: unknown kind {kind!r}")
        names = tuple(dict.fromkeys(normalise(p) for p in phrases.split("|") if p.strip()))
        entries.append(LexEntry(-1, kind, names, (CodeSpan(code),), source, number))
    return entries


def read_agents_extra(text: str, source: str = AGENTS_EXTRA) -> list[LexEntry]:
    """Curated agent phrases: ``phrase<TAB>~CODE``."""
    entries: list[LexEntry] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith(("#", "phrase\t")):
            continue
        phrase, code = line.split("\t")
        entries.append(
            LexEntry(-1, "agent", (normalise(phrase),), (CodeSpan(code.strip()),), source, number)
        )
    return entries


def _lower_sources(data: Traversable) -> list[bytes]:
    """The files of the layers under the office-holders, in the order they are stacked."""
    names = (ACTORS_FILE, COUNTRIES_EXTRA, AGENTS_EXTRA, ORGS_EXTRA)
    return [data.joinpath(name).read_bytes() for name in names]


def base_lexicon(sources: Sequence[bytes] | None = None) -> Lexicon:
    """Phoenix and the curated tables, the layers under the office-holders."""
    actors, countries, agents, orgs = sources or _lower_sources(_data_dir())
    # The collector would otherwise walk the young heap many times while JSON builds ~300,000
    # small objects, none of them cyclic (a third of the load time).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        shipped, upper = read_shipped(actors)
    finally:
        if gc_was_enabled:
            gc.enable()
    curated = read_countries_extra(countries.decode("utf-8"))
    curated += read_agents_extra(agents.decode("utf-8"))
    # Same layout as the countries table (code, kind, phrases); kinds igo/ngo/nonstate/...
    curated += read_countries_extra(orgs.decode("utf-8"), ORGS_EXTRA)
    return Lexicon.build(shipped, [curated], upper_only=upper)


def _data_dir() -> Traversable:
    return resources.files(DATA_PACKAGE).joinpath(DATA_DIR)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon (Phoenix, curated tables, office-holders), read once per process:
    from the disk cache when the package has not changed since it was stored there."""
    key = diskcache.key_of("lexicon")
    lexicon = diskcache.cached("lexicon", key, _build_default_lexicon)
    lexicon.digest = key
    return lexicon


def _build_default_lexicon() -> Lexicon:
    data = _data_dir()
    sources = _lower_sources(data)
    base = base_lexicon(sources)
    # Above Phoenix and the curated tables, below user dictionaries; a person does not take a
    # phrase the layers below hold as a place, people or role word ("Lagos", "Hague"), and keeps
    # the roles Phoenix gives the same name before the file's first row for them.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        people = load_office_holders(data, base, sources)
    finally:
        if gc_was_enabled:
            gc.enable()
    return base.with_entries(people).warm()


def load(extra: Sequence[Path | str] = ()) -> Lexicon:
    """The shipped lexicon with user dictionaries (YAML, CSV or TABARI ``.txt``) layered on top.

    Later files win over earlier ones and all of them over the shipped data, phrase by phrase.
    Raises :class:`eventwire.errors.InputError` naming file, line and field for a bad entry.
    """
    base = default_lexicon()
    if not extra:
        return base
    from eventwire.actors.userdict import read_user_dictionary  # (YAML parsing: only paid here)

    lexicon = base
    for path in extra:
        lexicon = lexicon.with_entries(read_user_dictionary(Path(path)), user=True)
    # Indexes built from this lexicon are cached under its dictionaries' bytes too.
    lexicon.digest = diskcache.key_of(base.digest or "", *(Path(p).read_bytes() for p in extra))
    return lexicon


def configured_lexicon() -> Lexicon:
    """The lexicon in force: the shipped one plus the user dictionaries named in EVENTWIRE_DICT.

    EVENTWIRE_DICT holds paths separated by the OS path separator (``:`` on Unix); the CLI's
    ``--dict`` sets it, so worker processes inherit the same dictionaries.
    """
    raw = os.environ.get(DICT_ENV, "")
    return _cached_load(tuple(p for p in raw.split(os.pathsep) if p.strip()))


@lru_cache(maxsize=8)
def _cached_load(paths: tuple[str, ...]) -> Lexicon:
    return load(paths)
