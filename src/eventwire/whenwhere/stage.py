"""Pipeline stage: when and where each coded event happened, from its clause and the narrative."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date
from typing import Any

from eventwire.document import Document
from eventwire.events.mood import stated_by
from eventwire.records import Event, published_day
from eventwire.whenwhere.dates import Timeline
from eventwire.whenwhere.places import (
    Gazette,
    dateline_name,
    geocode,
    headline_city,
    main_country,
    places_of,
)

# A country whose actors are this share of the article's actor mentions can hold its main place.
ACTOR_SHARE = 0.2


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


class SameDayScenes:
    """Where the article last set a scene on a given day: "In his Tuesday talk at the Atlantic
    Council's Washington headquarters, ..." then, paragraphs later, "Later on Tuesday Mitsotakis
    met with President Trump" happened in Washington too.  Only for an event whose own sentence
    names its day (not one inheriting it), after a sentence that names the same day and sets a
    scene, and that no clause, sentence or paragraph places."""

    def __init__(self, gazette: Gazette, timeline: Timeline) -> None:
        self._scenes = [
            (sent, scene, timeline.date_of(sent.root)) for sent, scene in gazette.scenes()
        ]

    def scene_before(self, token: Any, when: Any) -> Any:
        if when.basis not in ("explicit", "relative") or when.precision != "day":
            return None
        for sent, scene, day in reversed(self._scenes):
            if sent.start >= token.sent.start:
                continue
            # The scene's sentence must name its day too: an inherited day is a guess.
            if (
                day.basis in ("explicit", "relative")
                and day.precision == "day"
                and day.day == when.day
            ):
                return scene
        return None


def stage(doc: Document) -> Document:
    """Give each event its date and place from the text (see whenwhere.dates and .places).

    An article without a publication day keeps only explicit dates: "on Wednesday" means nothing
    without knowing which week the story was written in.
    """
    if not doc.events or doc.parsed is None:
        return doc
    published = published_day(doc.article.published)
    timeline = Timeline(doc.parsed, published or date.today())
    dateline = dateline_name(doc)
    country = main_country(doc)
    dateline_place = geocode(dateline, country) if dateline else headline_city(doc, country)
    mentions = Counter(a.code[:3] for a in doc.actors for _ in a.mentions if len(a.code) >= 3)
    total = sum(mentions.values())
    actor_countries = frozenset(c for c, n in mentions.items() if n >= ACTOR_SHARE * total)
    gazette = Gazette(doc.parsed, places_of(doc), dateline_place, country, actor_countries)
    same_day = SameDayScenes(gazette, timeline)
    situated = []
    for event in doc.events:
        token = trigger_token(doc, event)
        if token is None:
            situated.append(event)
            continue
        why = doc.explanations.setdefault(event.event_id, {})
        place, why["place_basis"] = gazette.place_of(token)
        event = dataclasses.replace(event, location=place)
        when = timeline.date_of(token)
        if why.get("mood") == "intent":  # dated on the day it was stated (events.mood)
            when = timeline.date_stated(token, stated_by(token))
        if why["place_basis"] in ("dateline", "main"):
            scene = same_day.scene_before(token, when)
            if scene is not None:
                event = dataclasses.replace(event, location=scene)
                why["place_basis"] = "same-day"
        if published is None and when.basis != "explicit":
            event = dataclasses.replace(event, date=None, date_basis="unknown")
        else:
            event = dataclasses.replace(
                event,
                date=when.day.isoformat(),
                date_basis=when.basis,
                date_precision=when.precision,
                date_end=when.last.isoformat() if when.last else None,
            )
            why["date_evidence"] = when.evidence
        situated.append(event)
    doc.events = situated
    return doc
