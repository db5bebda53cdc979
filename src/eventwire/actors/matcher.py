"""Fast longest-match of lexicon phrases over spaCy tokens (a dict of keys plus a prefix set).

A key is a phrase lowercased with every run of non-word characters turned into one space, so
"al-Qaeda", "al Qaeda" and the tokens ``al`` ``-`` ``Qaeda`` all give ``al qaeda``, and
"Iran’s" (typographic apostrophe) and "Iran's" agree. The same function keys both the lexicon
phrases and the token windows, which is what makes the dict lookup exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from eventwire import diskcache
from eventwire.actors.entries import Match
from eventwire.actors.lexicon import Lexicon, default_lexicon
from eventwire.actors.wordlists import NAME_WORDS, word_list

_NON_WORD = re.compile(r"[\W_]+")

# Kinds written as common nouns ("police", "officials"): they may match in lower case.
LOWERCASE_KINDS = frozenset({"agent", "blocker"})
# Kinds that are names: a one-word hit must be a proper noun (or an acronym) in the parse, so
# that a surname that is also an English word ("Bush" vs "bush") is not matched as a name.
NAME_KINDS = frozenset({"person", "org", "igo", "ngo", "mnc", "nonstate"})


def key_of(text: str) -> str:
    """The matching key of a phrase or token: lowercase words separated by single spaces."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


# Token keys by the token's form (its ORTH hash): a form's key never changes, and a document's
# words are mostly words seen before. Bounded by the vocabulary the process has read.
_KEYS_BY_FORM: dict[int, str] = {}


def _token_keys(parsed: Any) -> list[str]:
    """The matching key of every token of a Doc, read from its ORTH array."""
    from spacy.attrs import ORTH

    known, strings = _KEYS_BY_FORM, parsed.vocab.strings
    keys = []
    for orth in parsed.to_array(ORTH).tolist():
        key = known.get(orth)
        if key is None:
            key = known[orth] = key_of(strings[orth])
        keys.append(key)
    return keys


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon phrase found at tokens ``start``..``end`` (exclusive) with its entries."""

    start: int
    end: int
    key: str
    matches: tuple[Match, ...]

    def kinds(self) -> set[str]:
        return {m.kind for m in self.matches}

    def first(self, *kinds: str) -> Match | None:
        return next((m for m in self.matches if m.kind in kinds), None)


# A phrase index's tables: phrases by key, key prefixes, keys only written upper-case.
IndexTables = tuple[dict[str, tuple[str, ...]], set[str], set[str]]


class PhraseIndex:
    """Keys of every visible lexicon phrase, their word prefixes, and the phrases behind a key."""

    def __init__(self, lexicon: Lexicon, built: IndexTables | None = None) -> None:
        self.lexicon = lexicon
        self.phrases: dict[str, tuple[str, ...]] = {}
        self.prefixes: set[str] = set()
        self.upper_only: set[str] = set()
        if built is not None:  # the tables of an index stored in the disk cache
            self.phrases, self.prefixes, self.upper_only = built
            return
        phrases: dict[str, list[str]] = {}
        for phrase, _entry_id in lexicon.phrases():
            key = key_of(phrase)
            if not key:
                continue
            keys = [key, key[4:]] if key.startswith("the ") else [key]
            for k in keys:
                known = phrases.setdefault(k, [])
                if phrase not in known:
                    known.append(phrase)
                words = k.split(" ")
                for n in range(1, len(words)):
                    self.prefixes.add(" ".join(words[:n]))
                if lexicon.upper_only(phrase):
                    self.upper_only.add(k)
        # Tuples: the tables are unpickled at every start (disk cache), lists took half as long
        # again.
        self.phrases = {k: tuple(found) for k, found in phrases.items()}

    def find(self, parsed: Any, day: Any = None) -> list[Hit]:
        """Longest non-overlapping hits, left to right, never crossing a sentence boundary."""
        tokens: Sequence[Any] = parsed
        keys = _token_keys(parsed)
        sent_end = [0] * len(keys)
        for sent in parsed.sents:
            sent_end[sent.start : sent.end] = [sent.end] * (sent.end - sent.start)
        hits: list[Hit] = []
        phrases, prefixes = self.phrases, self.prefixes
        i = 0
        while i < len(keys):
            if keys[i] not in phrases and keys[i] not in prefixes:
                i += 1  # no phrase starts here (most words): _longest would find none
                continue
            found = self._longest(tokens, keys, i, sent_end[i], day)
            if found is None:
                i += 1
                continue
            hits.append(found)
            i = found.end
        return hits

    def _longest(
        self, tokens: Sequence[Any], keys: list[str], i: int, limit: int, day: Any
    ) -> Hit | None:
        """The longest hit starting at token i (``find`` calls it only where a phrase or a
        phrase's prefix starts, never on an empty key)."""
        key = keys[i]
        j = i
        best: Hit | None = None
        while True:
            if key in self.phrases:
                hit = self._accept(tokens, i, j + 1, key, day)
                if hit is not None:
                    best = hit
            if key not in self.prefixes:
                break
            j += 1
            # Punctuation tokens inside a name ("al - Qaeda", "St. John 's") add nothing.
            while j < limit and not keys[j]:
                if tokens[j].text not in ("-", "‐", "–", "'", "’", "."):
                    return best
                j += 1
            if j >= limit:
                break
            key = f"{key} {keys[j]}"
        return best

    def _accept(
        self, tokens: Sequence[Any], start: int, end: int, key: str, day: Any
    ) -> Hit | None:
        text = "".join(t.text_with_ws for t in tokens[start:end]).strip()
        matches: list[Match] = []
        for phrase in self.phrases[key]:
            matches.extend(self.lexicon.lookup(phrase, day))
        if key in self.upper_only and not text.replace(".", "").isupper():
            return None
        first = tokens[start]
        if first.lower_ == "the" and end - start > 1:
            first = tokens[start + 1]
        capital = (
            first.text[:1].isupper() or first.text[:1].isdigit() or particle_name(tokens, first)
        )
        kept = []
        for m in matches:
            if m.kind in LOWERCASE_KINDS:
                kept.append(m)
            elif not capital:
                continue
            elif m.kind in NAME_KINDS and end - start == 1:
                # A capital at the start of a sentence says nothing ("Youth suicide rates"):
                # there the word must also be a named entity for spaCy.
                if first.is_sent_start and not first.ent_type_:
                    continue
                if first.pos_ == "PROPN" or (first.text.isupper() and len(first.text) > 1):
                    kept.append(m)
            else:
                kept.append(m)
        if not kept:
            return None
        # Keep one Match per entry (several phrases of an entry can share a key).
        unique = tuple({m.entry.id: m for m in kept}.values())
        return Hit(start, end, key, unique)


# Arabic article forms written in lower case before a capitalised name: "al-Shabab", "el-Sisi"
# (data/vocabulary/actor_name_words.tsv).
NAME_PARTICLES = word_list(NAME_WORDS, "particle")


def particle_name(tokens: Sequence[Any], first: Any) -> bool:
    """ "al-Shabab", "al Qaeda": a lower-case article particle before a capitalised word."""
    if first.lower_ not in NAME_PARTICLES:
        return False
    i = first.i + 1
    while i < len(tokens) and tokens[i].text in ("-", "‐", "–"):
        i += 1
    return i < len(tokens) and bool(tokens[i].text[:1].isupper())


@lru_cache(maxsize=4)
def _index_for(lexicon: Lexicon) -> PhraseIndex:
    """The lexicon's phrase index, its tables from the disk cache when the lexicon's is known."""
    if lexicon.digest is None:
        return PhraseIndex(lexicon)

    def tables() -> IndexTables:
        index = PhraseIndex(lexicon)
        return index.phrases, index.prefixes, index.upper_only

    return PhraseIndex(lexicon, diskcache.cached("phrases", lexicon.digest, tables))


def phrase_index(lexicon: Lexicon | None = None) -> PhraseIndex:
    """The phrase index of a lexicon (the shipped one by default), built once per process."""
    chosen = lexicon or default_lexicon()
    return _index_for(chosen)
