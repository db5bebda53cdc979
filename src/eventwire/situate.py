"""Pipeline stage: when and where each coded event happened, from its clause and the narrative."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from eventwire.pipeline import Document
from eventwire.records import Event, published_day


def trigger_token(doc: Document, event: Event) -> Any:
    """The token whose verb or noun fired the event (from its explanation), else the span's root."""
    why = doc.explanations.get(event.event_id, {})
    start, end = event.span
    span = doc.parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    word = why.get("trigger")
    for token in span:
        if token.text == word:
            return token
    return span.root


def stage(doc: Document) -> Document:
    """Give each event its date (and basis) from the text; the publication day when nothing says.

    An article without a publication day keeps only explicit dates: "on Wednesday" means nothing
    without knowing which week the story was written in.
    """
    from eventwire.when import Timeline

    if not doc.events or doc.parsed is None:
        return doc
    published = published_day(doc.article.published)
    timeline = Timeline(doc.parsed, published or date.today())
    situated = []
    for event in doc.events:
        token = trigger_token(doc, event)
        when = timeline.date_of(token) if token is not None else None
        if when is None:
            situated.append(event)
        elif published is None and when.basis != "explicit":
            situated.append(dataclasses.replace(event, date=None, date_basis="unknown"))
        else:
            day = when.day.isoformat()
            situated.append(dataclasses.replace(event, date=day, date_basis=when.basis))
            doc.explanations.setdefault(event.event_id, {})["date_evidence"] = when.evidence
    doc.events = situated
    return doc
