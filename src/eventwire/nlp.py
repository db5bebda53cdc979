"""The only place spaCy is loaded: one pipeline per process, batched parsing for later stages."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.config import DEFAULT_MODEL
from eventwire.errors import ConfigError
from eventwire.records import Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from eventwire.pipeline import Document

# Batches of 64 texts measured fastest for the small English pipeline on 2 cores (MODELS.md).
BATCH_SIZE = 64


def model_name() -> str:
    """The configured pipeline: ``EVENTWIRE_MODEL`` (a package name or a path), else the default."""
    return os.environ.get("EVENTWIRE_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process; a missing model raises a ConfigError."""
    import spacy  # spaCy takes ~1 s to import: only commands that parse text pay for it

    chosen = name or model_name()
    try:
        return spacy.load(chosen)
    except OSError as exc:
        raise ConfigError(
            f"cannot load the spaCy pipeline {chosen!r}: install it (make install) or set "
            f"EVENTWIRE_MODEL to an installed pipeline package or a pipeline folder ({exc})"
        ) from exc


def parse(texts: Iterable[str], name: str | None = None) -> Iterator[Doc]:
    """Parse texts in batches with the configured pipeline, in input order."""
    yield from load(name).pipe(texts, batch_size=BATCH_SIZE)


def stage(doc: Document) -> Document:
    """Pipeline stage: parse the body once and record its sentences (offsets into the body)."""
    parsed = load()(doc.body)
    doc.parsed = parsed
    doc.sentences = [
        Sentence(idx=i, start=sent.start_char, end=sent.end_char, text=sent.text)
        for i, sent in enumerate(parsed.sents)
    ]
    return doc
