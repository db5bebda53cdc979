"""The per-entry pattern index (patterns.entry_patterns) picks what trying every pattern picks."""

from __future__ import annotations

from eventwire.events.patterns import (
    Compiled,
    Words,
    _applies,
    _best_pattern,
    _compiled,
    _try,
    entry_patterns,
    lexicon,
)
from eventwire.events.verbs import VerbEntry


def words(*phrase: str) -> Words:
    """A Words of plain words (each its own lemma), as match_verb builds from tokens."""
    found = Words([])
    found.seq = [(w, w) for w in phrase]
    found.vocab = set(phrase)
    return found


def brute_force(entry: VerbEntry, after: Words, before: Words) -> tuple[int, Compiled] | None:
    """The best pattern by trying every pattern of the block, as before the index."""
    best: tuple[tuple[int, bool], Compiled] | None = None
    for c in _compiled(entry.block):
        if not _applies(c, entry):
            continue
        n = _try(c, after, before, [])
        if n > 0 and (best is None or (n, c.author == entry.lemma) > best[0]):
            best = ((n, c.author == entry.lemma), c)
    return None if best is None else (best[0][0], best[1])


def phrases_of(c: Compiled) -> tuple[Words, Words]:
    """The after and before words a pattern matches with the first alternative of each term."""
    after = [w for term in c.after for w in (term[0] if term else ())]
    before = [w for term in c.before for w in (term[0] if term else ())]
    return words(*after, "the", "talks"), words(*before)


def test_indexed_patterns_choose_as_trying_every_pattern() -> None:
    checked = 0
    for entry in lexicon().entries[::7]:  # every 7th entry: a few hundred, each block's words
        for c in _compiled(entry.block)[:12]:
            after, before = phrases_of(c)
            found = _best_pattern([entry], after, before, [])
            expected = brute_force(entry, after, before)
            got = None if found is None else (found[0][0], found[1])
            assert got == expected, (entry.lemma, c.pattern.line)
            checked += 1
    assert checked > 500


def test_index_holds_exactly_the_patterns_that_apply() -> None:
    for entry in lexicon().entries[::5]:
        indexed = entry_patterns(entry).patterns
        assert indexed == tuple(c for c in _compiled(entry.block) if _applies(c, entry))
        assert entry_patterns(entry) is entry_patterns(entry)  # built once per entry
