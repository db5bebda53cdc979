"""Event places: place phrases in the parse, geocoded offline, attached to events by clause.

1. Place phrases: a GPE/LOC/FAC name after a locative preposition ("in Tehran", "near
   Damascus", "outside Kabul"), the "city/province of X" construction ("the southern Iranian city
   of Ahvaz"), and "X province" compounds ("Yemen's Hodeidah province").
2. Each is geocoded with :mod:`eventwire.whenwhere.gazetteer` (GeoNames data from a PyPI package);
   a country named beside it ("Iranian", "Yemen's", "Kabul, Afghanistan") or, failing that, the
   article's most named country breaks ties (Tripoli LBY vs LBN). A name the gazetteer does not
   know keeps its name with the other fields empty.
3. An event takes the place of its own clause (a place phrase under its trigger, or the city of
   a seat of government that is its subject: "Athens expelled ...", "the Kremlin announced
   ..."), else of its sentence, else the last scene-setting place of its paragraph, else the
   dateline's city, else the article's main place (the city it names most, at least twice and
   40% of its place mentions, else the country its actors are mentioned with most), else none.
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
from eventwire.whenwhere import centroids, gazetteer

PLACE_PREPS = frozenset(vocabulary.listed("event_place_words", "place_prep"))
PLACE_NOUNS = frozenset(vocabulary.listed("event_place_words", "place_noun"))
SITE_NOUNS = frozenset(vocabulary.listed("event_place_words", "site_noun"))
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Nouns whose place is the scene of what follows ("a meeting in Tehran ... Speaking there, ...").
GATHERINGS = frozenset(vocabulary.listed("event_place_words", "gathering"))
# Last words of named spots ("Freedom Plaza") that take the city they are in.
SPOT_NOUNS = frozenset(vocabulary.listed("event_place_words", "spot_noun"))


def _spot(place: Location) -> bool:
    """Whether an ungeocoded name is a named spot ("Forbury Gardens"), not a region ("Asia")."""
    words = place.name.split()
    return place.country is None and len(words) > 1 and words[-1].lower() in SPOT_NOUNS


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
        place = _at_city(row["name"], cities[0])
        for name in [row["name"], *row["aliases"].split("|")]:
            if name.strip():
                table[gazetteer.key(name)] = place
    return table


def landmark(name: str) -> Location | None:
    """The landmark a place name is ("the White House", "Élysée Palace"), else None."""
    found = landmarks().get(gazetteer.key(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)))
    return None if found is None else dataclasses.replace(found)


def geocode(name: str, hint: str | None, state: str | None = None) -> Location:
    """The best gazetteer place for a name; a country or US state has no coordinates here.

    A landmark of ``data/landmarks.tsv`` is its city ("White House" is Washington, not the
    Casablanca GeoNames also calls so). "northern Syria" is looked up as Syria (its country is
    right, its point would not be), and a name only the actor lexicon knows ("US", "Scotland")
    gets its country. ``state`` (a US state's code, from "Kenosha, Wisconsin") breaks ties among
    US places of one name.
    """
    known = landmark(name)
    if known is not None:
        return known
    places = gazetteer.lookup(name, hint)
    if state is not None:  # "Wilmington, Delaware": that state's Wilmington, not North Carolina's
        places.sort(key=lambda p: (p.country, p.admin1) != ("USA", state))
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
    best = _city_state(places)
    precision = PRECISION.get(best.feature)
    if best.feature != "city":
        return Location(best.name, best.country, best.admin1, None, None, best.feature, precision)
    return Location(
        best.name, best.country, best.admin1, best.lat, best.lon, best.feature, precision
    )


def _city_state(places: list[gazetteer.Place]) -> gazetteer.Place:
    """The first place, except that a country too small for the map's shapes (no centroid)
    which shares its name with one of its cities is that city: "Hong Kong", "Monaco" happen
    in the city, while "Luxembourg" or "Djibouti" name a country with land of its own."""
    best = places[0]
    if best.feature != "country" or centroids.country_centroid(best.country) is not None:
        return best
    same = (p for p in places if p.feature == "city" and p.country == best.country)
    return next((p for p in same if p.name == best.name), best)


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
    # "at the company's Washington headquarters": premises stand where their labelled name is.
    if root.dep_ == "compound" and head.lemma_ in SITE_NOUNS:
        return labelled and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS
    return False


def _state_near(name_root: Any) -> str | None:
    """The US state written beside a place name: "Kenosha, Wisconsin", "Wilmington, Delaware"."""
    for token in name_root.children:
        if token.dep_ in ("appos", "npadvmod", "conj", "npmod") and token.i > name_root.i:
            words = [t for t in token.subtree if t.i <= token.i and t.pos_ == "PROPN"]
            text = " ".join(t.text for t in words) or token.text
            states = [p for p in gazetteer.lookup(text) if p.feature == "state"]
            if states:
                return states[0].admin1
    return None


def _at_city(name: str, city: Location | gazetteer.Place) -> Location:
    """A named spot ("Freedom Plaza", "White House") placed at the city it is in."""
    return Location(
        f"{name}, {city.name}",
        city.country,
        city.admin1,
        city.lat,
        city.lon,
        "landmark",
        "landmark",
    )


def _city_of_spot(parsed: Any, root: Any, name: str, refs: dict[int, PlaceRef]) -> Location | None:
    """The city of a named spot the gazetteer does not know, when the text says it.

    A city named in the same phrase ("rallied at Freedom Plaza in ... Washington, DC", "in
    Athens at the Zappeion Hall": a city under the same head), else a city the name begins with
    when the article names that city as a place elsewhere ("London Bridge", "Saint Louis
    University"): a leading city word alone is no proof ("Hyde Park" is no park of Hyde).
    """
    holder = root.head.head if root.dep_ == "pobj" else root.head
    near = [
        r.location
        for i, r in refs.items()
        if i != root.i
        and r.location.precision == "city"
        and (holder.left_edge.i <= i <= holder.right_edge.i)
        and abs(i - root.i) <= 12
    ]
    if near:
        return near[0]
    words = name.split()
    cities = {gazetteer.key(r.location.name): r.location for r in refs.values()}
    for cut in range(len(words) - 1, 0, -1):
        found = geocode(" ".join(words[:cut]), None)
        if found.precision == "city" and gazetteer.key(found.name) in cities:
            return cities[gazetteer.key(found.name)]
    return None


def place_refs(parsed: Any, default_hint: str | None) -> list[PlaceRef]:
    """Every geocodable place phrase of a parsed body, in text order."""
    refs: dict[int, PlaceRef] = {}
    spans: dict[int, tuple[Any, str]] = {}
    for span in _candidates(parsed):
        if not _locative(span):
            continue
        root = span.root
        head = root.head
        noun = head.head if head.lower_ == "of" else head
        hint = _hint_near(noun) or _hint_near(root) or default_hint
        name = span.text[4:] if span.text.lower().startswith("the ") else span.text
        place = geocode(name, hint, _state_near(root))
        refs[root.i] = PlaceRef(root.i, place, _sets_scene(root))
        spans[root.i] = (root, name)
    for i, (root, name) in spans.items():
        ref = refs[i]
        if _spot(ref.location):
            city = _city_of_spot(parsed, root, name, refs)
            if city is not None:
                refs[i] = dataclasses.replace(ref, location=_at_city(ref.location.name, city))
    return [refs[i] for i in sorted(refs)]


def _sets_scene(root: Any) -> bool:
    if root.dep_ == "compound" and root.head.dep_ == "pobj":
        root = root.head  # "at its Washington headquarters" frames as the phrase does
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


def headline_city(doc: Document, hint: str | None) -> Location | None:
    """The city a headline places the story in ("Three killed in stabbing attack in Reading,
    UK"): its last place phrase geocoded to a city or landmark, for a text with no dateline."""
    title = doc.article.title
    if not title:
        return None
    parsed = doc.title_parsed
    if parsed is None:  # a Document parsed on its own (the nlp stage alone)
        from eventwire import nlp

        parsed = nlp.parse_titles([title])[0]
    cities = [
        r.location for r in place_refs(parsed, hint) if r.location.precision in ("city", "landmark")
    ]
    return cities[-1] if cities else None


def main_country(doc: Document) -> str | None:
    """The country the article's actors are mentioned with most (a tie-breaker for places)."""
    return article_country([a.code for a in doc.actors for _ in a.mentions])


MAIN_MENTIONS = 2
MAIN_SHARE = 0.4
SUBJECTS = ("nsubj", "nsubjpass")


def _capital(token: Any) -> Location | None:
    """The city of a capital the actor lexicon knows, named by one token ("Athens", "Tehran")."""
    capitals = [m for m in default_lexicon().lookup(token.text, None) if m.entry.kind == "capital"]
    if not capitals or not capitals[0].code:
        return None
    place = geocode(token.text, capitals[0].code[:3])
    return place if place.precision == "city" and place.country == capitals[0].code[:3] else None


def _seats_named(parsed: Any) -> list[PlaceRef]:
    """Capitals that are a clause's subject ("In this vein, Tehran is building ..."): they vote
    for the article's main place as place phrases do."""
    found = []
    for token in parsed:
        if token.pos_ == "PROPN" and token.dep_ in SUBJECTS:
            place = _capital(token)
            if place is not None:
                found.append(PlaceRef(token.i, place))
    return found


def _main_place(refs: list[PlaceRef], countries: frozenset[str] | None = None) -> Location | None:
    """The article's main place, for events the text gives no other place: the city it names
    most as a place (a landmark counts for its city), else the place it names most, when that
    is at least two mentions and a :data:`MAIN_SHARE` of them (a round-up naming a dozen cities
    twice at most has no main place); the first named of equals. A country or region is the
    main place only if it is one of ``countries``, those of the article's leading actors: a
    Burundi obituary naming Kenya twice, where the widow was treated, is not set in Kenya."""
    named = [r.location for r in refs if r.location.country]
    cities = [p for p in named if p.lat is not None]
    if countries:
        named = [p for p in named if p.country in countries]
    for places in (cities, named):
        counts = Counter(_point(p) for p in places)
        if not counts:
            continue
        best = max(counts.values())
        if best < MAIN_MENTIONS or best < MAIN_SHARE * len(places):
            continue
        first = next(p for p in places if counts[_point(p)] == best)
        # A landmark stands for its city here: "the White House" is not the story's place.
        if first.precision == "landmark":
            same = (p for p in places if _point(p) == _point(first) and p.precision == "city")
            return next(same, first)
        return first
    return None


def _point(place: Location) -> tuple[Any, ...]:
    if place.lat is not None:
        return (place.country, place.lat, place.lon)
    return (place.country, place.admin1, place.precision)


def _paragraph_starts(parsed: Any) -> list[bool]:
    """For each sentence, whether a line break stands between it and the sentence before."""
    starts: list[bool] = []
    previous_end = None
    text = parsed.text  # Doc.text joins every token anew on each access
    for sent in parsed.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            starts.append(previous_end is None)
            continue
        begin = words[0].idx
        starts.append(previous_end is None or "\n" in text[previous_end:begin])
        previous_end = words[-1].idx + len(words[-1].text)
    return starts


def _seat_of(trigger: Any) -> Location | None:
    """The city of a seat of government that is the trigger's subject: "Athens expelled the
    ambassador", "the Kremlin announced" happened in Athens and Moscow (a capital named by the
    actor lexicon, or a landmark of ``data/landmarks.tsv``)."""
    for child in trigger.children:
        if child.dep_ not in SUBJECTS or child.pos_ != "PROPN":
            continue
        words = [t for t in child.subtree if t.pos_ in ("PROPN", "DET") or t.i == child.i]
        name = " ".join(t.text for t in words if t.i <= child.i)
        found = landmark(name) or _capital(child)
        if found is not None:
            return found
    return None


def _finest(scene: list[Location]) -> Location:
    """The first scene-setting place, or a finer one inside its country ("at the United States
    think tank's Washington headquarters" is in Washington)."""
    first = scene[0]
    rank = {"country": 0, "admin1": 1, "city": 2, "landmark": 3}
    inside = [p for p in scene if p.country == first.country]
    return max(inside, key=lambda p: rank.get(p.precision or "", -1))


class Gazette:
    """Places for the events of one document, by clause, sentence and narrative."""

    def __init__(
        self,
        parsed: Any,
        refs: list[PlaceRef],
        dateline: Location | None,
        country: str | None = None,
        actor_countries: frozenset[str] | None = None,
    ) -> None:
        self.parsed = parsed
        # A spot no phrase placed ("in Forbury Gardens") is at the dateline's city.
        if dateline is not None and dateline.precision == "city":
            refs = [
                dataclasses.replace(r, location=_at_city(r.location.name, dateline))
                if _spot(r.location)
                else r
                for r in refs
            ]
        self.refs = refs
        self.dateline = dateline
        self._index = {sent.start: i for i, sent in enumerate(parsed.sents)}
        self._frames = self._narrative()
        votes = sorted(refs + _seats_named(parsed), key=lambda r: r.head)
        self.main = _main_place(votes, actor_countries)
        # Failing a main place, the country the article's actors are mentioned with most.
        named = gazetteer.country_name(country) if country else None  # not "IGO"
        if self.main is None and named is not None:
            self.main = geocode(named, country)

    def _in(self, sent: Any) -> list[PlaceRef]:
        return [r for r in self.refs if sent.start <= r.head < sent.end]

    def _narrative(self) -> list[Location | None]:
        """The scene each sentence inherits: the last scene-setting place before it in its
        paragraph. A new paragraph starts with no scene: in news a paragraph change is often a
        change of story line (background, reactions elsewhere), and a scene carried across it
        placed a debate in Cleveland and fighting in Azerbaijan at the White House."""
        frames: list[Location | None] = []
        current: Location | None = None
        starts = _paragraph_starts(self.parsed)
        for sent, new_paragraph in zip(self.parsed.sents, starts, strict=True):
            if new_paragraph:
                current = None
            frames.append(current)
            scene = [r.location for r in self._in(sent) if r.frames]
            if scene:
                current = _finest(scene)
        return frames

    def scenes(self) -> list[tuple[Any, Location]]:
        """(sentence, scene) for each sentence that sets one, in text order."""
        found = []
        for sent in self.parsed.sents:
            scene = [r.location for r in self._in(sent) if r.frames]
            if scene:
                found.append((sent, _finest(scene)))
        return found

    def place_of(self, trigger: Any) -> tuple[Location | None, str]:
        """(location, basis) of an event's trigger: clause | sentence | inherited | dateline |
        main | none."""
        sent = trigger.sent
        refs = self._in(sent)
        for ref in refs:
            head = self.parsed[ref.head]
            if trigger.left_edge.i <= head.i <= trigger.right_edge.i:
                return ref.location, "clause"
        seat = _seat_of(trigger)
        if seat is not None:
            return seat, "clause"
        if refs:
            return refs[0].location, "sentence"
        inherited = self._frames[self._index.get(sent.start, 0)]
        if inherited is not None:
            return inherited, "inherited"
        if self.dateline is not None:
            return self.dateline, "dateline"
        if self.main is not None:
            return self.main, "main"
        return None, "none"
