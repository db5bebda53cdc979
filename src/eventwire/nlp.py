"""The only place spaCy is loaded: one pipeline per process, batched and selective parsing.

Parsing is the costliest step, and some sentences of a news story hold no codable event. With
``EVENTWIRE_PARSE=selective`` ``parse_many`` works in two passes:

1. Tag every sentence cheaply: tok2vec, tagger, lemmatizer and spaCy's rule-based sentencizer.
2. Run the dependency parser and the entity recogniser only on *candidate* sentences — those with
   an event word (a verb or event noun of the coding lexicon) and a possible actor (a proper noun
   or a lexicon actor word) — each as a small Doc, and copy heads, labels and entities back.
   Other sentences get a flat tree (every token under the first), which the later stages read as
   "no event here".

``EVENTWIRE_PARSE=full`` (the default) parses everything in one pass; docs/performance.md has
the measurements that chose it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from eventwire.actors import default_lexicon
from eventwire.config import DEFAULT_MODEL
from eventwire.errors import ConfigError
from eventwire.events import extra_verbs, nominal, verbs
from eventwire.records import Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from eventwire.document import Document

# Texts handed to the pipeline together (``parse``'s grouping).
BATCH_SIZE = 64
# Texts per pass of the networks inside ``nlp.pipe``: with numpy's matrix products (cpu_ops),
# passes of 8-32 texts parsed the 120 first Wikinews articles in 8-12 % less CPU than passes of
# 64, whose arrays outgrow the CPU's caches (docs/performance.md). The output does not depend on it.
PIPE_BATCH = 16
ACTOR_POS = {"PROPN"}


def model_name() -> str:
    """The configured pipeline: ``EVENTWIRE_MODEL`` (a package name or a path), else the default."""
    return os.environ.get("EVENTWIRE_MODEL") or DEFAULT_MODEL


def parse_mode() -> str:
    # Full parsing is the default: on news, ~74 % of sentences are candidates (Wikinews sample),
    # and the second tok2vec pass costs more than the parses it saves (docs/performance.md).
    mode = os.environ.get("EVENTWIRE_PARSE", "full")
    if mode not in ("selective", "full"):
        raise ConfigError(f"EVENTWIRE_PARSE must be 'selective' or 'full', not {mode!r}")
    return mode


def _spacy_load(name: str, **kwargs: Any) -> Language:
    """spacy.load, its networks computing with :class:`eventwire.cpu_ops.CoderOps`."""
    import spacy  # spaCy takes ~1 s to import: only commands that parse text pay for it

    from eventwire.cpu_ops import coder_ops

    with coder_ops():
        return spacy.load(name, **kwargs)


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process; a missing model raises a ConfigError."""
    from eventwire import remembered_rules

    chosen = name or model_name()
    try:
        pipeline = _spacy_load(chosen)
    except OSError as exc:
        raise ConfigError(
            f"cannot load the spaCy pipeline {chosen!r}: install it (make install) or set "
            f"EVENTWIRE_MODEL to an installed pipeline package or a pipeline folder ({exc})"
        ) from exc
    # The same tags, lemmas and morphology for about a quarter less parsing time.
    remembered_rules.install(pipeline)
    return pipeline


@lru_cache(maxsize=4)
def _cheap(name: str | None = None) -> Language:
    """A second copy of the pipeline for the first pass: tagging and sentence splitting only."""
    chosen = name or model_name()
    nlp = _spacy_load(chosen, exclude=["parser", "ner", "senter"])
    # Punctuation rules split news sentences closer to the parser than the statistical senter
    # does (on the seed, senter joined five pairs of sentences the parser keeps apart).
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """Lemmas that can start an event: pattern-file verbs, our extra verbs and the event nouns
    (one table, data/vocabulary/event_nouns.tsv; the head word of "hunger strike")."""
    lexicon = verbs.load()
    words = {e.verb for e in lexicon.entries} | set(lexicon.aliases)
    words |= set(extra_verbs.verbs())
    words |= {noun.split()[-1] for noun in nominal.EVENT_NOUNS}
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def _actor_words() -> frozenset[str]:
    """Lower-case single words that name actors without a capital (police, army, rebels)."""
    return frozenset(
        phrase
        for phrase, _ in default_lexicon().phrases()
        if " " not in phrase and phrase.isalpha()
    )


def is_candidate(sent: Any) -> bool:
    """Whether a tagged sentence may hold a codable event: an event word and a possible actor."""
    triggers, actors = _triggers(), _actor_words()
    has_trigger = any(t.lemma_.lower() in triggers for t in sent if t.pos_ in ("VERB", "NOUN"))
    if not has_trigger:
        return False
    return any(t.pos_ in ACTOR_POS or t.lower_ in actors for t in sent)


def _parse_full(texts: Sequence[str]) -> list[Doc]:
    return list(load().pipe(texts, batch_size=PIPE_BATCH))


def _parse_selective(texts: Sequence[str]) -> list[Doc]:
    full = load()
    tagged = list(_cheap().pipe(texts, batch_size=PIPE_BATCH))
    chosen = [(d, s) for d, doc in enumerate(tagged) for s in doc.sents if is_candidate(s)]
    pieces = [span.as_doc() for _, span in chosen]
    for name in ("tok2vec", "parser", "ner"):
        component: Any = full.get_pipe(name)
        pieces = list(component.pipe(pieces, batch_size=BATCH_SIZE * 8))
    by_doc: dict[int, list[tuple[Any, Doc]]] = {}
    for (d, span), piece in zip(chosen, pieces, strict=True):
        by_doc.setdefault(d, []).append((span, piece))
    return [_merge(doc, by_doc.get(d, [])) for d, doc in enumerate(tagged)]


def _merge(doc: Doc, parsed: list[tuple[Any, Doc]]) -> Doc:
    """Copy candidate sentences' trees and entities into the tagged Doc; flat trees elsewhere."""
    import numpy
    from spacy.attrs import DEP, HEAD
    from spacy.tokens import Span

    strings = doc.vocab.strings
    heads = numpy.zeros(len(doc), dtype="int32")  # relative offsets: 0 marks a root
    deps = numpy.full(len(doc), strings.add("dep"), dtype="uint64")
    for sent in doc.sents:
        deps[sent.start] = strings.add("ROOT")
        for i in range(sent.start + 1, sent.end):
            heads[i] = sent.start - i
    ents: list[Any] = []
    for span, piece in parsed:
        for token in piece:
            i = span.start + token.i
            heads[i] = token.head.i - token.i
            deps[i] = strings.add(token.dep_)
        ents.extend(
            Span(doc, span.start + e.start, span.start + e.end, label=e.label_) for e in piece.ents
        )
    values: Any = numpy.stack([heads.astype("uint64"), deps], axis=1)
    doc.from_array([HEAD, DEP], values)
    doc.ents = ents
    return doc


def parse_many(texts: Sequence[str]) -> list[Doc]:
    """Parse a batch of texts: in full (the default) or selectively (``EVENTWIRE_PARSE``, see
    the module docstring)."""
    if not texts:
        return []
    return _parse_full(texts) if parse_mode() == "full" else _parse_selective(texts)


def parse_titles(titles: Sequence[str]) -> list[Doc]:
    """Parse a batch of headlines with the whole pipeline: one batch costs half of parsing
    them one at a time, with the same result."""
    return list(load().pipe(titles, batch_size=PIPE_BATCH)) if titles else []


def parse(texts: Iterable[str]) -> Iterator[Doc]:
    """Parse texts in batches, in input order."""
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= BATCH_SIZE:
            yield from parse_many(batch)
            batch = []
    yield from parse_many(batch)


def attach(doc: Document, parsed: Doc) -> Document:
    """Give a Document its parse and the sentence list derived from it."""
    doc.parsed = parsed
    doc.sentences = [
        Sentence(idx=i, start=sent.start_char, end=sent.end_char, text=sent.text)
        for i, sent in enumerate(parsed.sents)
    ]
    return doc


def stage(doc: Document) -> Document:
    """Pipeline stage: parse the body once (unless a batch parse already did)."""
    if doc.parsed is not None:
        return doc
    return attach(doc, parse_many([doc.body])[0])
