"""spaCy's attribute ruler and rule lemmatizer, their answers remembered: same output, less work.

Both components are rules, and run as spaCy runs them they cost about a quarter of the parse
(1.3 CPU s of 5 on the first 120 Wikinews articles): the attribute ruler's Matcher tries its 179
patterns on every token, and the English lemmatizer works out again the lemma of every token
its own cache skips (every singular noun, every base-form verb). Yet each component's answer for
a token is a function of a few of the token's attributes:

- an attribute-ruler pattern of one token reads only the token's TAG, DEP, IS_SPACE and LOWER
  (and of LOWER only whether it is one of the words the patterns name, and which of their regular
  expressions it matches); what the rules set also depends on what the token had before (POS,
  MORPH, LEMMA), so that is part of the key too;
- the rule lemmatizer's answer depends on the token's form, POS and MORPH (spaCy's own cache key).

So :class:`RememberedRules` asks the real components once per distinct key and then answers each
token from the document's arrays. Patterns of several tokens ("gon na", "there is") depend on
their neighbours: a small Matcher of those patterns alone finds them, and each stretch they cover is
ruled by the real attribute ruler. A pipeline whose rules read anything else keeps spaCy's own
components (:func:`install` leaves it alone), so the output is the same by construction; a test
compares every token of the Wikinews sample.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

if TYPE_CHECKING:
    from collections.abc import Hashable

NAME = "eventwire_remembered_rules"
RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
# What a one-token attribute-ruler pattern may read for its answer to be a function of our key.
_KEY_ATTRS = {"TAG", "DEP", "LOWER", "IS_SPACE"}
_RULED = [POS, MORPH, LEMMA]
_RULER_KEY = [TAG, DEP, IS_SPACE, LOWER, POS, MORPH, LEMMA]
_STRETCH = [TAG, DEP, POS, MORPH, LEMMA]


class RememberedRules:
    """The attribute ruler followed by the lemmatizer, answering from remembered results."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        # (spaCy's type stubs lack Token.set_morph and MorphAnalysis.key: Any where they are used)
        self.ruler, self.lemmatizer = ruler, _with_index_sets(lemmatizer)
        self.strings = ruler.vocab.strings
        words, regexes, longer = _pattern_words(ruler)
        self.words = {self.strings.add(w) for w in words}
        self.regexes = regexes
        self.longer = Matcher(ruler.vocab)
        for n, pattern in enumerate(longer):
            self.longer.add(f"longer-{n}", [pattern])
        self._word_class: dict[int, Hashable] = {}
        self._ruled: dict[tuple[Any, ...], tuple[int, int, int, int, int, bool]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        lemmatizer(Doc(ruler.vocab, words=[]))  # spaCy checks the lemma tables on first use

    def __call__(self, doc: Doc) -> Doc:
        self._rule(doc)
        self._lemmatize(doc)
        return doc

    def _classify(self, lowers: set[int]) -> None:
        """Remember what the patterns can tell of each new lower-case form: the form itself if
        they name it, else which of their regular expressions match it."""
        for lower in lowers - self._word_class.keys():
            if lower in self.words:
                self._word_class[lower] = lower
            else:
                text = self.strings[lower]
                self._word_class[lower] = tuple(bool(r.search(text)) for r in self.regexes)

    def _ask(self, doc: Any, i: int) -> tuple[int, int, int, int, int, bool]:
        """The real ruler's answer for token i alone (no pattern of several tokens can match)."""
        token = self.ruler(_stretch(doc, i, i + 1))[0]
        tag, dep = token.tag, token.dep
        changes = tag != doc[i].tag or dep != doc[i].dep
        return token.pos, token.morph.key, token.lemma, tag, dep, changes

    def _rule(self, doc: Any) -> None:
        rows = doc.to_array(_RULER_KEY).tolist()
        self._classify({row[3] for row in rows})
        word = self._word_class
        keys = [
            (tag, dep, space, word[lower], pos, morph, lemma)
            for tag, dep, space, lower, pos, morph, lemma in rows
        ]
        ruled = self._ruled
        if not ruled.keys() >= set(keys):
            for i, key in enumerate(keys):
                if key not in ruled:
                    ruled[key] = self._ask(doc, i)
        # Patterns of several tokens match on the attributes as they were: rule them first.
        stretches = _merged((start, end) for _, start, end in self.longer(doc))
        pieces = [(start, self.ruler(_stretch(doc, start, end))) for start, end in stretches]
        answers = [ruled[key] for key in keys]
        doc.from_array(_RULED, numpy.array([a[:3] for a in answers], dtype="uint64"))
        # Few rules change a tag or a label (whitespace tokens): those are set one by one.
        for i, answer in enumerate(answers):
            if answer[5]:
                doc[i].tag, doc[i].dep = answer[3], answer[4]
        for start, piece in pieces:
            _copy_ruled(piece, doc, start)

    def _lemmatize(self, doc: Any) -> None:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        if all(row[3] for row in rows):
            return
        lemmas, known = [row[3] for row in rows], self._lemmas
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:  # set by the attribute ruler: spaCy's lemmatizer keeps it too
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = known[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))


def _with_index_sets(lemmatizer: Any) -> Any:
    """A copy of the lemmatizer whose word index per part of speech is a set, not a list.

    The rule lemmatizer tests each form its suffix rules make with ``form in index``, and the
    English index is a list of up to 57,528 words: about 60 µs a test, 0.5 CPU s on the first
    120 Wikinews articles. Membership of a string in a set is membership in the list, so the
    lemmas are the same; the pipeline's own lemmatizer keeps its lists (it saves them to disk).
    """
    from spacy.lookups import Lookups, Table

    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            sets = Table(name=name)
            for pos, words in table.items():
                sets[pos] = frozenset(words)
            table = sets
        lookups.set_table(name, table)
    mine = copy.copy(lemmatizer)
    mine.lookups, mine.cache = lookups, {}
    # (spaCy binds ``lemmatize`` to the instance's mode method when it builds the component)
    mine.lemmatize = getattr(mine, f"{mine.mode}_lemmatize")
    return mine


def _stretch(doc: Any, start: int, end: int) -> Doc:
    """The tokens from start to end as a Doc of their own, with the very attributes the rules
    read (``Span.as_doc`` would relabel a token whose head lies outside)."""
    tokens = doc[start:end]
    piece = Doc(
        doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens]
    )
    piece.from_array(_STRETCH, doc.to_array(_STRETCH)[start:end])
    return piece


def _copy_ruled(piece: Any, doc: Any, start: int) -> None:
    for j, ruled in enumerate(piece):
        token = doc[start + j]
        token.pos, token.lemma = ruled.pos, ruled.lemma
        token.set_morph(ruled.morph.key)
        if ruled.tag != token.tag:
            token.tag = ruled.tag
        if ruled.dep != token.dep:
            token.dep = ruled.dep


def _merged(spans: Any) -> list[tuple[int, int]]:
    """Overlapping stretches joined, so that every pattern matching inside one lies within it."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


class Unsupported(Exception):
    """A rule reads more than :class:`RememberedRules` keys on."""


def _pattern_words(ruler: Any) -> tuple[set[str], list[re.Pattern[str]], list[Any]]:
    """The lower-case words one-token patterns name, their LOWER regular expressions, and the
    patterns of several tokens; :class:`Unsupported` if a one-token pattern reads anything else."""
    words: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    longer: list[Any] = []
    for rule in ruler.patterns:
        for pattern in rule["patterns"]:
            if len(pattern) != 1:
                longer.append(pattern)
                continue
            for attr, value in pattern[0].items():
                if attr not in _KEY_ATTRS:
                    raise Unsupported(attr)
                if attr != "LOWER":
                    _check_value(value, ("IN", "NOT_IN"))
                elif isinstance(value, str):
                    words.add(value)
                elif _check_value(value, ("IN", "NOT_IN", "REGEX")) == "REGEX":
                    regexes.append(re.compile(value["REGEX"]))
                else:
                    words.update(next(iter(value.values())))
    return words, regexes, longer


def _check_value(value: Any, operators: tuple[str, ...]) -> str | None:
    if not isinstance(value, dict):
        return None
    if len(value) != 1 or next(iter(value)) not in operators:
        raise Unsupported(value)
    return str(next(iter(value)))


def _supported(nlp: Language) -> bool:
    names = nlp.pipe_names
    if RULER not in names or LEMMATIZER not in names:
        return False
    ruler, lemmatizer = nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER)
    if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer):
        return False
    # The lemmatizer must answer from form, POS and MORPH alone: rule mode, not overwriting the
    # ruler's lemmas, and no subclass reading more (English only overrides is_base_form, which
    # reads POS and MORPH).
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    if lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return False
    if type(lemmatizer) not in (Lemmatizer, EnglishLemmatizer):
        return False
    # Nothing between the two may change what the lemmatizer reads.
    if names.index(LEMMATIZER) != names.index(RULER) + 1:
        return False
    try:
        _pattern_words(ruler)
    except Unsupported:
        return False
    return True


@Language.factory(NAME)
def _make(nlp: Language, name: str) -> RememberedRules:
    return RememberedRules(nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER))


def install(nlp: Language) -> bool:
    """Put :class:`RememberedRules` in place of the pipeline's attribute ruler and lemmatizer,
    when they are the kind it answers for exactly; whether it did."""
    if not _supported(nlp):
        return False
    nlp.add_pipe(NAME, before=RULER, validate=False)  # (annotations are strings here)
    nlp.disable_pipe(RULER)
    nlp.disable_pipe(LEMMATIZER)
    return True
