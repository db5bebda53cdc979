"""Pipeline stage (the last): offsets moved from the parsed body onto the article's own text.

Every stage reads ``Document.body``, the text normalised by ``clean_text`` (one space for a run
of spaces, no zero-width characters, ASCII digits...), and gives offsets into it. The article's
text is what the input gave, and what is stored and shown; this stage moves each sentence's,
mention's and event's offsets onto it through ``Document.body_map`` and sets their ``text`` to
the slice they now index, so ``article.text[start:end] == text`` holds for each of them.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eventwire.document import Document


def stage(doc: Document) -> Document:
    """Move ``doc``'s sentence, mention and event offsets from ``doc.body`` to the article's text
    (once: ``doc.on_text`` says it is done)."""
    if doc.on_text:
        return doc
    text = doc.article.text
    body_map = doc.body_map

    def to_text(start: int, end: int) -> tuple[int, int]:
        return body_map.span(start, end) if body_map is not None else (start, end)

    def slice_of(start: int, end: int) -> dict[str, Any]:
        start, end = to_text(start, end)
        return {"start": start, "end": end, "text": text[start:end]}

    doc.sentences = [dataclasses.replace(s, **slice_of(s.start, s.end)) for s in doc.sentences]
    # New Actor objects in a new list, so no index cached on the old offsets is used again.
    doc.actors = [
        dataclasses.replace(
            a, mentions=[dataclasses.replace(m, **slice_of(m.start, m.end)) for m in a.mentions]
        )
        for a in doc.actors
    ]
    doc.events = [
        dataclasses.replace(e, span=to_text(*e.span), text=doc.sentences[e.sentence].text)
        for e in doc.events
    ]
    doc.on_text = True
    return doc
