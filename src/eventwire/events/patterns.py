"""Verb patterns against a dependency parse: a verb token -> the CAMEO code its phrase says.

The PETRARCH2 dictionary writes patterns as ``- <before> * <after> [code]`` over flat text.  Here
each side becomes a set of parse regions: ``after`` terms must occur in the verb's complements
(objects, particles, open clausal complements, prepositional phrases), a ``(PREP obj)`` phrase
must be a prepositional child of the verb (or of its open complement) whose object subtree holds
the terms, and ``before`` terms must occur in the subject or the auxiliaries.  Among matching
patterns the most specific (most words matched) wins, ties going to dictionary order; a null
code (``---``) from the winning pattern means the phrase is not an event.  Without any match the
verb's own default code applies, which the dictionary also uses as a last resort.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire import vocabulary
from eventwire.actors.lexicon import default_lexicon
from eventwire.events import codes, extra_verbs, verbs
from eventwire.events.verbdict import VerbCode, VerbPattern
from eventwire.events.verbs import VerbEntry, VerbLexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

# Children whose subtree is the verb's own phrase; clauses of their own are left out so that a
# pattern never matches words belonging to another event.
COMPLEMENTS = {"dobj", "obj", "attr", "oprd", "dative", "prt", "xcomp", "acomp", "prep", "agent"}
COMPLEMENTS |= {"npadvmod", "pcomp"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
TEMPORAL_PREPS = frozenset(vocabulary.listed("event_prepositions", "temporal"))
# Objects of a temporal preposition that name a time of an event ("at the start of the talks").
PHASES = frozenset(vocabulary.listed("verb_pattern_words", "phase"))
NOT_IN_PHRASE = {"relcl", "advcl", "conj", "cc", "parataxis", "punct", "appos", "acl"}
# Words of a pattern that name no thing: prepositions, particles, pronouns, and the light nouns
# of verb idioms ("take part", "take place").
FUNCTION_WORDS = frozenset(vocabulary.listed("verb_pattern_words", "function_word"))


@dataclass(frozen=True, slots=True)
class Compiled:
    """A pattern with its synonym sets expanded into word sequences."""

    pattern: VerbPattern
    owner: str | None  # the verb a bare-preposition pattern is restricted to (see _applies)
    author: str | None  # the block verb its comment names, content patterns included
    after: tuple[tuple[tuple[str, ...], ...], ...]  # per term: its alternatives
    before: tuple[tuple[tuple[str, ...], ...], ...]
    preps: tuple[tuple[str, tuple[tuple[tuple[str, ...], ...], ...]], ...]
    # Per after/before term, the first words of its alternatives: a phrase with none of them
    # cannot match the term, which one set operation tells before any scan.
    after_firsts: tuple[frozenset[str], ...] = ()
    before_firsts: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """The code chosen for a verb token and where it came from (for explanation)."""

    code: VerbCode
    entry: VerbEntry | None
    pattern: VerbPattern | None
    words: int  # how many words the pattern matched (0 for a default)
    lemma: str
    # The pattern matched a passive subject as the thing acted on ("the accord was signed").
    on_passive_subject: bool = False

    @property
    def rule(self) -> str:
        if self.pattern is not None:
            return f"pattern:{self.pattern.block}:{self.pattern.line}"
        if self.entry is not None:
            return f"verb:{self.entry.block}:{self.entry.line}"
        return "verb:extra"

    def dictionary_line(self) -> str:
        """The pattern or verb line as the dictionary wrote it, roughly, for ``explain``."""
        p = self.pattern
        if p is None:
            return f"{self.lemma.upper()} [{self.code}]"
        before = " ".join(
            [*p.before, *(f"({pp.prep} {' '.join(pp.objects)})" for pp in p.before_preps)]
        )
        after = " ".join(
            [*p.after, *(f"({pp.prep} {' '.join(pp.objects)})" for pp in p.after_preps)]
        )
        return f"- {before} * {after} [{p.code}]".replace("  ", " ")


@lru_cache(maxsize=1)
def lexicon() -> VerbLexicon:
    return verbs.load()


@lru_cache(maxsize=512)
def _compiled(block: str) -> tuple[Compiled, ...]:
    lx = lexicon()

    def terms(items: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], ...], ...]:
        return tuple(tuple(lx.expand(t)) for t in items)

    members = _block_verbs(block)
    out = []
    for p in lx.patterns.get(block, ()):
        preps = tuple((pp.prep, terms(pp.objects)) for pp in (*p.before_preps, *p.after_preps))
        words = p.comment.split()
        author = members.get(words[0].lower().replace("_", " ")) if words else None
        owner = None if _has_content(p) else author
        after, before = terms(p.after), terms(p.before)
        out.append(
            Compiled(p, owner, author, after, before, preps, _firsts(after), _firsts(before))
        )
    return tuple(out)


def _firsts(terms: tuple[tuple[tuple[str, ...], ...], ...]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(alt[0] for alt in alternatives if alt) for alternatives in terms)


@lru_cache(maxsize=512)
def _block_verbs(block: str) -> dict[str, str]:
    """The verbs of a block: each lemma, verb word and listed form ("rallied") -> its lemma."""
    entries = [e for e in lexicon().entries if e.block == block]
    names: dict[str, str] = {}
    # Lemmas first, so "call" names the verb "call", not the "call" of "call up".
    for e in entries:
        names.setdefault(e.lemma, e.lemma)
    for e in entries:
        for name in (e.verb, *e.forms):
            names.setdefault(name, e.lemma)
    return names


def _has_content(p: VerbPattern) -> bool:
    """Whether a pattern names a thing (a noun term or a preposition's object), not only
    prepositions and particles."""
    terms = (*p.before, *p.after)
    return any(t not in FUNCTION_WORDS for t in terms) or any(
        pp.objects for pp in (*p.before_preps, *p.after_preps)
    )


def _applies(c: Compiled, entry: VerbEntry) -> bool:
    """A pattern of bare prepositions or particles ("call on", "head to", "break with") is an
    idiom of the verb it was written for, which its comment names: TABARI kept patterns per
    verb, PETRARCH2 merged synonyms into blocks.  Applied to a synonym it is an accident of the
    merge ("telephoned X on Tuesday" is not an appeal, "ordered X to appear" not an intent to
    cooperate).  Patterns naming a thing ("cancelled restrictions", "suspended aid") keep
    applying to the whole block, where the noun, not the verb, carries the sense."""
    if c.owner is not None and c.owner != entry.lemma:
        return False
    return not _subject_pattern_of_another_sense(c, entry)


def _subject_pattern_of_another_sense(c: Compiled, entry: VerbEntry) -> bool:
    """A pattern naming only the subject ("troops *", 192) tells what its author verb means with
    such a subject ("troops took the town": occupation); it carries over to the block's synonyms
    that share the author's code (CAPTURE, SEIZE), not to a verb with a sense of its own ("soldiers
    arrested twenty men" stays ARREST's 173): the subject says who acts, not what is done."""
    if c.after or c.preps or not c.before or c.author is None or c.author == entry.lemma:
        return False
    return _author_code(entry.block, c.author) not in (None, entry.code)


@lru_cache(maxsize=1024)
def _author_code(block: str, author: str) -> VerbCode | None:
    """The code of the block verb a pattern's comment names."""
    return next((e.code for e in lexicon().entries if e.block == block and e.lemma == author), None)


def _subtree(token: Token, skip: set[str]) -> list[Token]:
    """The token's subtree without the subtrees of children whose relation is in ``skip``."""
    found = [token]
    for child in token.children:
        if child.dep_ not in skip:
            found.extend(_subtree(child, skip))
    return found


class Words:
    """A phrase's words as (form, lemma) pairs in text order, with the set of both for a quick
    test: most pattern words are absent, and the set rejects them before any scan."""

    __slots__ = ("seq", "vocab")

    def __init__(self, tokens: list[Token]) -> None:
        self.seq = [(t.lower_, t.lemma_.lower()) for t in sorted(tokens, key=lambda t: t.i)]
        self.vocab = {w for pair in self.seq for w in pair}


def _words(tokens: list[Token]) -> Words:
    return Words(tokens)


def _has(words: Words, alternatives: tuple[tuple[str, ...], ...]) -> int:
    """Length of the first alternative found as a contiguous run in the phrase, else 0."""
    seq, vocab = words.seq, words.vocab
    for alt in alternatives:
        if not all(w in vocab for w in alt):
            continue
        n = len(alt)
        for i in range(len(seq) - n + 1):
            if all(alt[k] in seq[i + k] for k in range(n)):
                return n
    return 0


def _prep_children(verb: Token) -> list[Token]:
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent", "dative")]
    for comp in verb.children:
        if comp.dep_ in ("xcomp", "dobj", "obj"):
            preps.extend(c for c in comp.children if c.dep_ in ("prep", "agent"))
    return preps


def _try(
    c: Compiled,
    after: Words,
    before: Words,
    preps: list[tuple[str, Words]],
) -> int:
    """Words matched by a compiled pattern, or -1 when it does not match."""
    for firsts in c.after_firsts:
        if after.vocab.isdisjoint(firsts):
            return -1
    for firsts in c.before_firsts:
        if before.vocab.isdisjoint(firsts):
            return -1
    total = 0
    for alternatives in c.after:
        n = _has(after, alternatives)
        if not n:
            return -1
        total += n
    for alternatives in c.before:
        n = _has(before, alternatives)
        if not n:
            return -1
        total += n
    for prep, objects in c.preps:
        best = -1
        for word, obj in preps:
            if word != prep:
                continue
            got = [_has(obj, alternatives) for alternatives in objects]
            if all(got):
                best = max(best, 1 + sum(got))
        if best < 0:
            return -1
        total += best
    return total


def _when_phrase(child: Token) -> bool:
    """ "during the visit", "after talks", "at the start of a trip", "on the first day of the
    strike": a phrase that says when the act happened, whose words are not what was done
    ("made remarks at the start of a trip" is no trip)."""
    if child.dep_ != "prep":
        return False
    if child.lower_ in TEMPORAL_PREPS:
        return True
    return child.lower_ in ("at", "on") and any(
        c.dep_ == "pobj" and c.lemma_.lower() in PHASES for c in child.children
    )


def entries_for(verb: Token) -> list[VerbEntry]:
    """Lexicon entries whose words fit the verb token (multi-word verbs need their particle)."""
    lx = lexicon()
    found = []
    following = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "agent")}
    for entry in lx.entries_for(verb.lemma_.lower()):
        if entry.before:
            continue  # "re-arrest" style prefixes: spaCy splits them off; rare in news text
        if entry.after and not set(entry.after) <= following:
            continue
        found.append(entry)
    return found


@dataclass(frozen=True, slots=True)
class EntryPatterns:
    """The compiled patterns of an entry's block that apply to it (``_applies``), in dictionary
    order, indexed by the first words of their first after term (else of their first before
    term): a phrase holding none of those words fails ``_try``'s first test, so only the
    patterns some word of the phrase indexes are tried, in the same order."""

    patterns: tuple[Compiled, ...]
    by_after: dict[str, tuple[int, ...]]
    by_before: dict[str, tuple[int, ...]]
    unindexed: frozenset[int]  # patterns with no after or before term: always tried

    def candidates(self, after: Words, before: Words) -> list[Compiled]:
        found = set(self.unindexed)
        for word in after.vocab & self.by_after.keys():
            found.update(self.by_after[word])
        for word in before.vocab & self.by_before.keys():
            found.update(self.by_before[word])
        return [self.patterns[i] for i in sorted(found)]


# Derived from _compiled (cached per block for the process, like it), so it needs no other
# invalidation: it changes only when the lexicon does, which _compiled does not follow either.
@lru_cache(maxsize=2048)
def entry_patterns(entry: VerbEntry) -> EntryPatterns:
    """The patterns applying to ``entry``, indexed for :meth:`EntryPatterns.candidates`."""
    patterns = tuple(c for c in _compiled(entry.block) if _applies(c, entry))
    by_after: dict[str, list[int]] = {}
    by_before: dict[str, list[int]] = {}
    unindexed = set()
    for i, c in enumerate(patterns):
        if c.after_firsts:
            for word in c.after_firsts[0]:
                by_after.setdefault(word, []).append(i)
        elif c.before_firsts:
            for word in c.before_firsts[0]:
                by_before.setdefault(word, []).append(i)
        else:
            unindexed.add(i)
    return EntryPatterns(
        patterns,
        {w: tuple(ids) for w, ids in by_after.items()},
        {w: tuple(ids) for w, ids in by_before.items()},
        frozenset(unindexed),
    )


def _best_pattern(
    entries: list[VerbEntry],
    after: Words,
    before: Words,
    preps: list[tuple[str, Words]],
) -> tuple[tuple[int, bool], Compiled, VerbEntry] | None:
    """The longest pattern of the entries' blocks that the clause's words fit."""
    best: tuple[tuple[int, bool], Compiled, VerbEntry] | None = None
    for entry in entries:
        for c in entry_patterns(entry).candidates(after, before):
            n = _try(c, after, before, preps)
            if n > 0 and (best is None or (n, c.author == entry.lemma) > best[0]):
                # Of equally long matches, the one written for this verb ("ratified the
                # treaty" 057, not the block's "approved the treaty" 031): TABARI's patterns
                # were per verb before PETRARCH2 merged synonyms into blocks.
                best = ((n, c.author == entry.lemma), c, entry)
    return best


def _passive_object(verb: Token) -> list[Token]:
    """The tokens of a passive clause's subject when it is a thing ("the agreement" of "was
    signed"), else none.  A person or group acted on ("protesters were arrested") keeps the
    verb's own code: the coder's party rules, not the object patterns, read who they are."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    if any(not _a_thing(c) for c in subjects):
        return []
    return [t for c in subjects for t in _subtree(c, NOT_IN_PHRASE)]


def _a_thing(head: Token) -> bool:
    """Whether a noun phrase head names a thing: a common noun, not a named entity or a role."""
    if head.pos_ != "NOUN" or head.ent_type_:
        return False
    return default_lexicon().agent(head.lemma_.lower()) is None


def match_verb(verb: Token) -> VerbMatch | None:
    """The code of a verb token from its patterns, else its default; None if not in the lexicon."""
    lemma = verb.lemma_.lower()
    entries = entries_for(verb)
    if not entries:
        code = extra_verbs.verbs().get(lemma)
        if code is None or code == extra_verbs.NO_DEFAULT:
            return None
        return VerbMatch(VerbCode(code), None, None, 0, lemma)
    after_tokens: list[Token] = []
    for child in verb.children:
        if child.i > verb.i and child.dep_ in COMPLEMENTS and not _when_phrase(child):
            after_tokens.extend(_subtree(child, NOT_IN_PHRASE | {"ccomp"}))
    before_tokens: list[Token] = [
        t
        for child in verb.children
        if child.dep_ in SUBJECTS | {"aux", "neg", "advmod"} and child.i < verb.i
        for t in _subtree(child, NOT_IN_PHRASE)
    ]
    after = _words(after_tokens)
    before = _words(before_tokens)
    preps = [(p.lower_, _words(_subtree(p, NOT_IN_PHRASE)[1:])) for p in _prep_children(verb)]
    multi = [e for e in entries if e.after]
    # A multi-word verb ("call off") claims the token before the single word does.
    best = _best_pattern(multi or entries, after, before, preps)
    passive_object = _passive_object(verb)
    on_passive_subject = False
    if best is None and passive_object:
        # "The agreement was signed by the ministers": a passive's subject is what was acted
        # on, which the patterns (written for the active voice) look for after the verb.
        acted_on = _words(passive_object + after_tokens)
        best = _best_pattern(multi or entries, acted_on, before, preps)
        on_passive_subject = best is not None
    if best is not None:
        (n, _), c, entry = best
        chosen = c.pattern.code
        own = (entry.code.forward or "")[:2]
        forward = chosen.forward
        if forward is not None and own and codes.mirrored(forward, own) != forward:
            # "demanded the removal of X": the pattern ("removal", written for URGE) gives
            # the sub-code, the verb its category: a demand (1041), not an appeal (0241).
            chosen = VerbCode(codes.mirrored(forward, own), chosen.reverse)
        return VerbMatch(chosen, entry, c.pattern, n, lemma, on_passive_subject)
    entry = (multi or entries)[0]
    fallback = extra_verbs.verbs().get(lemma)
    if fallback == extra_verbs.NO_DEFAULT:
        return None  # "took place", "ruled that": only a pattern says which act it is
    if entry.code.forward is None and fallback:
        # The dictionary codes "reject"/"refuse" only through patterns; our table gives the
        # bare verb its codebook default (120 Reject, not specified below).
        return VerbMatch(VerbCode(fallback), entry, None, 0, lemma)
    return VerbMatch(entry.code, entry, None, 0, lemma)
