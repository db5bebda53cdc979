"""Event places: place phrases in the parse, geocoded offline, attached to events by clause.

1. Place phrases: a GPE/LOC/FAC name after a locative preposition ("in Tehran", "near
   Damascus", "outside Kabul"), the "city/province of X" construction ("the southern Iranian city
   of Ahvaz"), and "X province" compounds ("Yemen's Hodeidah province").
2. Each is geocoded with :mod:`eventwire.whenwhere.gazetteer` (GeoNames data from a PyPI package);
   a country named beside it ("Iranian", "Yemen's", "Kabul, Afghanistan") or, failing that, the
   article's most named country breaks ties (Tripoli LBY vs LBN). A name the gazetteer does not
   know keeps its name with the other fields empty.
3. An event takes the place of its own clause, else of its sentence, else the narrative's last
   place, else the dateline's city, else none.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire import vocabulary
from eventwire.actors.lexicon import default_lexicon
from eventwire.clean import strip_dateline
from eventwire.document import Document
from eventwire.errors import ConfigError
from eventwire.records import Location, PlaceRef
from eventwire.whenwhere import gazetteer

PLACE_PREPS = frozenset(vocabulary.listed("event_place_words", "place_prep"))
PLACE_NOUNS = frozenset(vocabulary.listed("event_place_words", "place_noun"))
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Nouns whose place is the scene of what follows ("a meeting in Tehran ... Speaking there, ...").
GATHERINGS = frozenset(vocabulary.listed("event_place_words", "gathering"))


def _country_word(token: Any) -> str | None:
    """ISO3 of a country name or demonym token ("Iranian", "Yemen"), via the actor lexicon."""
    lexicon = default_lexicon()
    found = lexicon.demonym(token.text)
    if found:
        return found
    for match in lexicon.lookup(token.text, None):
        if match.entry.kind == "country" and match.code:
            return match.code[:3]
    return None


def _hint_near(name_root: Any) -> str | None:
    """A country stated beside a place name: its modifiers, possessor or "X, Country" apposition."""
    around = list(name_root.children) + list(name_root.head.children) + [name_root.head]
    for token in around:
        if token.i == name_root.i:
            continue
        if token.dep_ in ("amod", "poss", "compound", "appos", "npadvmod", "conj"):
            code = _country_word(token)
            if code:
                return code
    return None


_COMPASS = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western)\s+)+",
    re.IGNORECASE,
)


def _lexicon_country(name: str) -> str | None:
    # Names the gazetteer lacks but the actor lexicon knows as a country or its part: "US",
    # "Britain", "Scotland" (GeoNames files the UK's nations under GB, without their names).
    for match in default_lexicon().lookup(name, None):
        if match.entry.kind in ("country", "capital") and match.code:
            return match.code[:3]
    return None


LANDMARKS_FILE = "data/landmarks.tsv"
# Gazetteer features by how precisely they place an event (Location.precision).
PRECISION = {"country": "country", "region": "country", "state": "admin1", "city": "city"}


@lru_cache(maxsize=1)
def landmarks() -> dict[str, Location]:
    """Buildings and institutions that stand for governments, by lookup key, at their city.

    From ``data/landmarks.tsv``; the point is the city's gazetteer point. A row whose city the
    gazetteer lacks stops with a ConfigError naming the row, as a malformed vocabulary file does.
    """
    text = resources.files("eventwire").joinpath(LANDMARKS_FILE).read_text(encoding="utf-8")
    table: dict[str, Location] = {}
    for row in vocabulary.parse(text, LANDMARKS_FILE):
        admin1 = row["admin1"] or None
        cities = [
            p
            for p in gazetteer.lookup(row["city"], row["country"])
            if p.country == row["country"] and p.feature == "city" and admin1 in (None, p.admin1)
        ]
        if not cities:
            raise ConfigError(f"{LANDMARKS_FILE}: {row['name']}: no city {row['city']!r}")
        city = cities[0]
        place = Location(
            f"{row['name']}, {city.name}",
            city.country,
            city.admin1,
            city.lat,
            city.lon,
            "landmark",
            "landmark",
        )
        for name in [row["name"], *row["aliases"].split("|")]:
            if name.strip():
                table[gazetteer.key(name)] = place
    return table


def landmark(name: str) -> Location | None:
    """The landmark a place name is ("the White House", "Élysée Palace"), else None."""
    found = landmarks().get(gazetteer.key(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)))
    return None if found is None else dataclasses.replace(found)


def geocode(name: str, hint: str | None) -> Location:
    """The best gazetteer place for a name; a country or US state has no coordinates here.

    A landmark of ``data/landmarks.tsv`` is its city ("White House" is Washington, not the
    Casablanca GeoNames also calls so). "northern Syria" is looked up as Syria (its country is
    right, its point would not be), and a name only the actor lexicon knows ("US", "Scotland")
    gets its country.
    """
    known = landmark(name)
    if known is not None:
        return known
    places = gazetteer.lookup(name, hint)
    if not places:
        whole = _lexicon_country(name)  # "Northern Ireland" is a name, not a part of Ireland
        if whole is not None:
            return Location(name=name, country=whole, feature="country", precision="country")
        core = _COMPASS.sub("", name)
        country = (gazetteer.country_of(core, hint) if core != name else None) or (
            _lexicon_country(core)
        )
        feature = None if country is None else "country" if core == name else "region"
        return Location(
            name=name, country=country, feature=feature, precision=PRECISION.get(feature or "")
        )
    best = places[0]
    precision = PRECISION.get(best.feature)
    if best.feature != "city":
        return Location(best.name, best.country, best.admin1, None, None, best.feature, precision)
    return Location(
        best.name, best.country, best.admin1, best.lat, best.lon, best.feature, precision
    )


def _candidates(parsed: Any) -> list[Any]:
    """Entity spans, plus proper nouns outside any entity (spaCy misses many small cities)."""
    spans = list(parsed.ents)
    covered = {i for ent in parsed.ents for i in range(ent.start, ent.end)}
    spans.extend(parsed[t.i : t.i + 1] for t in parsed if t.pos_ == "PROPN" and t.i not in covered)
    return spans


def _locative(span: Any) -> bool:
    root = span.root
    head = root.head
    # A landmark is a place whatever the NER label ("outside the White House" is often ORG).
    labelled = getattr(span, "label_", "") in PLACE_LABELS or landmark(span.text) is not None
    if root.dep_ == "pobj" and head.lower_ in PLACE_PREPS:
        return labelled
    # "the city of Ahvaz": the construction itself says it is a place, whatever the NER label.
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in PLACE_NOUNS:
        return True
    # "(in) Hodeidah province": the name modifies a place noun that is itself locative.
    if root.dep_ == "compound" and head.lemma_ in PLACE_NOUNS:
        return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS
    return False


def place_refs(parsed: Any, default_hint: str | None) -> list[PlaceRef]:
    """Every geocodable place phrase of a parsed body, in text order."""
    refs: dict[int, PlaceRef] = {}
    for span in _candidates(parsed):
        if not _locative(span):
            continue
        root = span.root
        head = root.head
        noun = head.head if head.lower_ == "of" else head
        hint = _hint_near(noun) or _hint_near(root) or default_hint
        name = span.text[4:] if span.text.lower().startswith("the ") else span.text
        refs[root.i] = PlaceRef(root.i, geocode(name, hint), _sets_scene(root))
    return [refs[i] for i in sorted(refs)]


def _sets_scene(root: Any) -> bool:
    holder = root.head.head if root.dep_ == "pobj" else root.head
    if holder.pos_ == "NOUN" and holder.lemma_ not in GATHERINGS:
        return False
    node = holder
    while node.head.i != node.i:
        if node.dep_ in ("advcl", "ccomp", "pcomp", "relcl", "acl", "xcomp"):
            return False
        node = node.head
    return True


def article_country(actor_codes: list[str]) -> str | None:
    """The country the article names most, as a tie-breaker for ambiguous place names."""
    counts = Counter(code[:3] for code in actor_codes if len(code) >= 3 and code[:3].isalpha())
    return counts.most_common(1)[0][0] if counts else None


def places_of(doc: Document) -> list[PlaceRef]:
    """The place phrases of a parsed document, found once and kept on it: event targets ("a
    protest in Beijing" is aimed at China) and event locations read the same list, geocoded with
    the same tie-breaker, the country the article's actor mentions name most."""
    if doc.places is None:
        doc.places = place_refs(doc.parsed, main_country(doc))
    return doc.places


def dateline_name(doc: Document) -> str | None:
    """The city of a dateline ("KABUL (Reuters) -"): from the reader, or the body's start."""
    place = doc.article.meta.get("place")
    if isinstance(place, str) and place:
        return place
    found = strip_dateline(doc.body.split("\n", 1)[0])
    return found.place if found.found else None


def main_country(doc: Document) -> str | None:
    """The country the article's actors are mentioned with most (a tie-breaker for places)."""
    return article_country([a.code for a in doc.actors for _ in a.mentions])


class Gazette:
    """Places for the events of one document, by clause, sentence and narrative."""

    def __init__(self, parsed: Any, refs: list[PlaceRef], dateline: Location | None) -> None:
        self.parsed = parsed
        self.refs = refs
        self.dateline = dateline
        self._index = {sent.start: i for i, sent in enumerate(parsed.sents)}
        self._frames = self._narrative()

    def _in(self, sent: Any) -> list[PlaceRef]:
        return [r for r in self.refs if sent.start <= r.head < sent.end]

    def _narrative(self) -> list[Location | None]:
        frames: list[Location | None] = []
        current: Location | None = None
        for sent in self.parsed.sents:
            frames.append(current)
            scene = [r for r in self._in(sent) if r.frames]
            if scene:
                current = scene[0].location
        return frames

    def place_of(self, trigger: Any) -> tuple[Location | None, str]:
        """(location, basis) of an event's trigger: clause | sentence | inherited | dateline."""
        sent = trigger.sent
        refs = self._in(sent)
        for ref in refs:
            head = self.parsed[ref.head]
            if trigger.left_edge.i <= head.i <= trigger.right_edge.i:
                return ref.location, "clause"
        if refs:
            return refs[0].location, "sentence"
        inherited = self._frames[self._index.get(sent.start, 0)]
        if inherited is not None:
            return inherited, "inherited"
        if self.dateline is not None:
            return self.dateline, "dateline"
        return None, "none"
