"""The verb lexicon: verb lemmas -> default CAMEO codes and the patterns that refine them.

The source is the project's verb pattern file, ``data/verbs.txt`` (PETRARCH2 syntax, parsed by
:mod:`eventwire.events.verbdict`; it began as PETRARCH2's CAMEO.2.0.txt and is now edited in
place).  Compiling it takes about a second (parsing, and spaCy's lemma tables for the verb
words), so ``data/verbs.json.gz`` is its compiled cache, written by ``scripts/compile_verbs.py``
and stamped with the SHA-256 of the text it came from.  :func:`load` reads the cache when the
stamp matches the shipped text and otherwise compiles the text itself (with a warning to rebuild
the cache): an edit to ``verbs.txt`` is never ignored.  Lookups go by lemma, as spaCy gives them
(``"ask"``, ``"ask for"``): the dictionary's inflected forms are mapped to their lemma when
compiling, and ``aliases`` catch the forms whose lemma, as spaCy computes it, differs from the
dictionary's verb.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire import diskcache
from eventwire.config import Settings
from eventwire.events.verbdict import (
    PrepPhrase,
    VerbCode,
    VerbDictionary,
    VerbPattern,
    parse_verb_dictionary,
)

DATA_PACKAGE = "eventwire"
SOURCE_FILE = "data/verbs.txt"  # the verb pattern file: the source, edited in place
VERBS_FILE = "data/verbs.json.gz"  # its compiled cache
# 2: the cache records the SHA-256 of the source text it was compiled from.
FORMAT_VERSION = 2
SOURCE_NOTE = (
    "verbs.txt, from CAMEO.2.0.txt (openeventdata/petrarch2, petrarch2/data/dictionaries), "
    "MIT licence, Copyright (c) 2015 Open Event Data Alliance"
)
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One verb of the lexicon: a (possibly multi-word) lemma and its default code.

    ``verb`` is the lemma of the word the parser tags as the verb; ``before``/``after`` are the
    other words of a multi-word verb (``("re", "-")`` for "re-arrest", ``("for",)`` for "ask for").
    ``code`` is the verb's own code or, failing that, its block's; a null code means the verb
    makes no event unless a pattern matches.
    """

    __reduce__ = diskcache.by_fields  # (cached: unpickled at every start)

    lemma: str
    verb: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    code: VerbCode
    block: str
    line: int
    forms: tuple[str, ...] = ()

    @property
    def is_multiword(self) -> bool:
        return bool(self.before or self.after)


def _identity(word: str, inflected: bool) -> str:
    return word


def _never(word: str) -> bool:
    return False


class VerbLexicon:
    """Verb entries by lemma, block patterns, synonym sets."""

    def __init__(
        self,
        entries: Iterable[VerbEntry],
        patterns: dict[str, list[VerbPattern]],
        synsets: dict[str, tuple[str, ...]],
        aliases: dict[str, str] | None = None,
        source: str = "",
    ) -> None:
        self.entries = list(entries)
        self.patterns = patterns
        self.synsets = synsets
        self.aliases = dict(aliases or {})
        self.source = source
        self._by_verb: dict[str, list[VerbEntry]] = {}
        self._by_lemma: dict[str, list[VerbEntry]] = {}
        for entry in self.entries:
            self._by_verb.setdefault(entry.verb, []).append(entry)
            self._by_lemma.setdefault(entry.lemma, []).append(entry)
        # Multi-word verbs first: PETRARCH tries them before the single word.
        for found in self._by_verb.values():
            found.sort(key=lambda e: (not e.is_multiword, e.line))

    @classmethod
    def from_dictionary(
        cls,
        parsed: VerbDictionary,
        lemmatise: Callable[[str, bool], str] = _identity,
        known_verb: Callable[[str], bool] = _never,
        source: str = "",
    ) -> VerbLexicon:
        """Build a lexicon from a parsed dictionary.

        ``lemmatise(word, inflected)`` maps a verb word to its lemma: a verb line's own word is
        taken as a base form unless shown otherwise (``inflected=False``), a listed irregular
        form as inflected.  A listed form whose lemma differs from its entry's verb becomes an
        alias of it, unless that lemma is a verb of its own (in the lexicon, or ``known_verb``):
        "lain" listed under LAY must not send every "lie" to LAY.
        """
        entries: list[VerbEntry] = []
        seen: set[tuple[str, str, int]] = set()
        candidates: dict[str, str] = {}
        for form in parsed.verbs:
            verb = lemmatise(form.verb, False)
            words = (*form.before, verb, *form.after)
            lemma = " ".join(words).replace(" - ", "-")
            key = (lemma, form.block, form.line)
            if key in seen:
                continue
            seen.add(key)
            entries.append(
                VerbEntry(
                    lemma,
                    verb,
                    form.before,
                    form.after,
                    form.code,
                    form.block,
                    form.line,
                    form.forms,
                )
            )
            for inflected in form.forms:
                parts = inflected.split()
                if len(parts) != len(form.words):
                    continue  # a listed form of another shape; nothing to align it with
                other = lemmatise(parts[form.head], True)
                if other != verb:
                    candidates.setdefault(other, verb)
        verbs = {e.verb for e in entries}
        aliases = {
            k: v for k, v in sorted(candidates.items()) if k not in verbs and not known_verb(k)
        }
        patterns: dict[str, list[VerbPattern]] = {}
        for block in parsed.blocks:
            patterns.setdefault(block.name, []).extend(block.patterns)
        return cls(entries, patterns, dict(parsed.synsets), aliases, source)

    # -- lookups -----------------------------------------------------------------------------

    def entries_for(self, lemma: str) -> list[VerbEntry]:
        """Entries for a lemma: a multi-word lemma exactly; a single word, every verb whose
        verb word it is (multi-word verbs first, so a caller can check their other words)."""
        lemma = lemma.lower().strip()
        if " " in lemma or "-" in lemma:
            return list(self._by_lemma.get(lemma, ()))
        found = self._by_verb.get(lemma)
        if found is None and lemma in self.aliases:
            found = self._by_verb.get(self.aliases[lemma])
        return list(found or ())

    def patterns_for(self, lemma: str) -> list[VerbPattern]:
        """The patterns of every block the lemma's entries belong to, in dictionary order."""
        blocks = dict.fromkeys(e.block for e in self.entries_for(lemma))
        return [p for block in blocks for p in self.patterns.get(block, ())]

    def synset(self, name: str) -> tuple[str, ...]:
        """Members of a synonym set (``"&currency"``); KeyError if it is not defined."""
        return self.synsets[name.lower()]

    def expand(self, term: str) -> list[tuple[str, ...]]:
        """The word sequences a pattern term stands for, synonym sets (also nested) expanded."""
        return [tuple(words.split()) for words in self._expand(term, frozenset())]

    def _expand(self, term: str, active: frozenset[str]) -> list[str]:
        results = [""]
        for word in term.split():
            if word.startswith("&") and word not in active and word in self.synsets:
                options = [
                    expanded
                    for member in self.synsets[word]
                    for expanded in self._expand(member, active | {word})
                ]
            else:
                options = [word]
            results = [f"{r} {o}".strip() for r in results for o in options]
        return results

    def __len__(self) -> int:
        return len(self.entries)

    # -- package data --------------------------------------------------------------------------

    def to_data(self, source_sha256: str = "") -> dict[str, Any]:
        """A JSON-ready form (see ``src/eventwire/data/README.events.md``), stamped with the
        SHA-256 of the source text it was compiled from."""
        return {
            "format": FORMAT_VERSION,
            "source": self.source,
            "source_sha256": source_sha256,
            "synsets": {k: list(v) for k, v in sorted(self.synsets.items())},
            "aliases": self.aliases,
            "verbs": [
                [
                    e.lemma,
                    e.verb,
                    list(e.before),
                    list(e.after),
                    str(e.code),
                    e.block,
                    e.line,
                    list(e.forms),
                ]
                for e in self.entries
            ],
            "patterns": {
                block: [_pattern_row(p) for p in patterns]
                for block, patterns in self.patterns.items()
                if patterns
            },
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> VerbLexicon:
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"verb lexicon format {data.get('format')!r} is not {FORMAT_VERSION}")
        entries = [
            VerbEntry(
                lemma,
                verb,
                tuple(before),
                tuple(after),
                VerbCode.parse(code),
                block,
                line,
                tuple(forms),
            )
            for lemma, verb, before, after, code, block, line, forms in data["verbs"]
        ]
        patterns = {
            block: [_pattern_from_row(block, row) for row in rows]
            for block, rows in data["patterns"].items()
        }
        synsets = {k: tuple(v) for k, v in data["synsets"].items()}
        return cls(entries, patterns, synsets, data["aliases"], data.get("source", ""))


def _pattern_row(p: VerbPattern) -> list[Any]:
    return [
        list(p.before),
        [[pp.prep, *pp.objects] for pp in p.before_preps],
        list(p.after),
        [[pp.prep, *pp.objects] for pp in p.after_preps],
        str(p.code),
        p.line,
        p.comment,
        p.source,
        p.target,
        p.compound,
    ]


def _pattern_from_row(block: str, row: list[Any]) -> VerbPattern:
    before, before_preps, after, after_preps, code, line, comment, source, target, compound = row
    return VerbPattern(
        block=block,
        before=tuple(before),
        before_preps=tuple(PrepPhrase(pp[0], tuple(pp[1:])) for pp in before_preps),
        after=tuple(after),
        after_preps=tuple(PrepPhrase(pp[0], tuple(pp[1:])) for pp in after_preps),
        code=VerbCode.parse(code),
        line=line,
        comment=comment,
        source=source,
        target=target,
        compound=compound,
    )


def source_text() -> bytes:
    """The shipped verb pattern file, as bytes (what the cache's stamp is a hash of)."""
    return resources.files(DATA_PACKAGE).joinpath(SOURCE_FILE).read_bytes()


def stamp(source: bytes) -> str:
    return hashlib.sha256(source).hexdigest()


def spacy_verb_lemmatiser() -> tuple[Callable[[str, bool], str], Callable[[str], bool]]:
    """``(lemmatise, known_verb)`` from the lookup tables of the spaCy pipeline the coder runs.

    As in spaCy, an inflected form's listed exception wins over the suffix rules; a verb line's
    own word is kept when spaCy knows it as a verb lemma (``found`` stays "found", not "find").
    A word changes only on positive evidence, so the lexicon's keys are what spaCy will give.
    """
    import spacy  # only when compiling: the cache spares every run spaCy's lemma tables
    from spacy.pipeline import Lemmatizer

    pipe = spacy.load(Settings.from_env().model, enable=["lemmatizer"]).get_pipe("lemmatizer")
    if not isinstance(pipe, Lemmatizer):
        raise TypeError("the spaCy pipeline has no rule lemmatizer")
    lookups = pipe.lookups
    index = set(lookups.get_table("lemma_index")["verb"])
    exceptions: dict[str, list[str]] = dict(lookups.get_table("lemma_exc")["verb"])
    rules: list[list[str]] = list(lookups.get_table("lemma_rules")["verb"])

    def lemmatise(word: str, inflected: bool) -> str:
        if not word.isalpha() or (word in index and not inflected):
            return word
        if word in exceptions:
            return exceptions[word][0]
        if word in index:
            return word
        for old, new in rules:
            if word.endswith(old) and (candidate := word[: len(word) - len(old)] + new) in index:
                return candidate
        return word

    return lemmatise, index.__contains__


def compile_source(text: str) -> tuple[VerbDictionary, VerbLexicon]:
    """Parse a verb pattern file and build its lexicon with spaCy's verb lemmas."""
    parsed = parse_verb_dictionary(text)
    lemmatise, known_verb = spacy_verb_lemmatiser()
    lexicon = VerbLexicon.from_dictionary(parsed, lemmatise, known_verb, source=SOURCE_NOTE)
    return parsed, lexicon


def cache_bytes(lexicon: VerbLexicon, source: bytes) -> bytes:
    """The compiled cache of ``lexicon``, stamped with its source; mtime=0 keeps it reproducible
    byte for byte, so a test can tell a stale cache."""
    data = lexicon.to_data(stamp(source))
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(payload.encode("utf-8"), mtime=0)


def read_cache() -> dict[str, Any]:
    raw = resources.files(DATA_PACKAGE).joinpath(VERBS_FILE).read_bytes()
    data: dict[str, Any] = json.loads(gzip.decompress(raw))
    return data


@lru_cache(maxsize=1)
def load() -> VerbLexicon:
    """The verb lexicon of the shipped pattern file, read once: from the disk cache of built
    objects (eventwire.diskcache), else from its compiled file when that was compiled from this
    very text, else compiled now."""
    source = source_text()
    return diskcache.cached("verbs", diskcache.key_of(source), lambda: _load_compiled(source))


def _load_compiled(source: bytes) -> VerbLexicon:
    data = read_cache()
    if data.get("format") == FORMAT_VERSION and data.get("source_sha256") == stamp(source):
        return VerbLexicon.from_data(data)
    log.warning(
        "%s changed since %s was compiled: compiling it now; "
        "run scripts/compile_verbs.py to rebuild the cache",
        SOURCE_FILE,
        VERBS_FILE,
    )
    return compile_source(source.decode("utf-8"))[1]
