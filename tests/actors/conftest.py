"""Fixtures for actor recognition tests: the spaCy model is loaded once per session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.document import Document
from eventwire.records import Actor, Article

Recognise = Callable[..., Document]


@pytest.fixture(scope="session")
def recognise() -> Recognise:
    """Parse a text and run the actors stage: ``recognise(text, published=date)`` -> Document."""
    from eventwire import nlp
    from eventwire.actors import recognize

    nlp.load()  # once per session; nlp.stage reuses the cached pipeline

    def run(text: str, published: date | None = date(2019, 6, 1)) -> Document:
        doc = Document(article=Article(id="test", text=text, published=published))
        return recognize.stage(nlp.stage(doc))

    return run


def by_name(doc: Document, name: str) -> Actor:
    """The actor whose name or some mention is ``name``."""
    for actor in doc.actors:
        if actor.name == name or any(m.text == name for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor {name!r} in {[a.name for a in doc.actors]}")


def codes(doc: Document) -> set[str]:
    return {a.code for a in doc.actors}
