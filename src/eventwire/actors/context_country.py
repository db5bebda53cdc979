"""A country from the context for actors the text names without one (the last actor rule).

Most people and groups a news story names carry no country word: "Police arrested 20
protesters in Nairobi", "Superintendent Yolanda Yu said", "Stormy Daniels testified". A
reader takes the country from the clause (the place the clause happens in) or from the story
(the country it is about), and so does this rule, in that order:

1. ``clause place``: a place in the actor's own clause, read as where the clause happens
   ("in Nairobi" after "arrested"), gives a sector-only group its country. Only locative
   prepositions count (``group_prep`` and ``clause_prep`` of ``actor_places.tsv``): "troops
   sent to Iraq" are not Iraqi.
2. ``article country``: the country the article is about: the dateline, and the countries of
   the article's coded actors and country names, counted over the whole text; used only when
   one country clearly leads (more than :data:`LEAD_SHARE` of the counted mentions, at least
   :data:`LEAD_MIN` of them). Persons with no code at all get it when the country merely leads
   (:data:`PERSON_LEAD_SHARE`), bare or with the sector their title gave ("Superintendent" →
   COP).

An actor's ``resolved_by`` says which rule gave the country and ``detail`` shows the count, so
a user can see and filter the guesses ("article country" is a default, not a reading).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from eventwire.actors.draft import Draft, Work, join_code
from eventwire.actors.group_places import sentence_country
from eventwire.actors.roles import COUNTRY_KINDS
from eventwire.actors.wordlists import PLACES, word_list
from eventwire.document import Document
from eventwire.records import Actor
from eventwire.whenwhere import gazetteer
from eventwire.whenwhere.places import dateline_name, geocode, places_of

# The country the article is about must have more than this share of the country mentions
# counted, and at least LEAD_MIN of them: a story that names Russia 5 times and Ukraine 4 times
# is about both, and its "officials" could be either side's. Groups need a clear majority
# (they make events); a person's country only needs the leading country of the story
# (measured on the Wikinews gold: 0.4 for persons gives 215 of 247 right against 209 with 0.5
# and one false event fewer; 0.4 for groups too adds two false events and no right one).
LEAD_SHARE = 0.5
PERSON_LEAD_SHARE = 0.4
LEAD_MIN = 3
# A dateline ("NAIROBI, Kenya —") says where the story was written: worth a few mentions.
DATELINE_WEIGHT = 2
# Prepositions whose object places the clause ("arrested protesters in Nairobi").
CLAUSE_PREPS = word_list(PLACES, "group_prep") | word_list(PLACES, "clause_prep")
# Sectors whose groups take no country from the article, only from their clause's place.
UNLOCATED_SECTORS = frozenset(s.upper() for s in word_list(PLACES, "unlocated_sector"))
# Sectors whose groups take no country from the place their clause happens in: armies and
# peacekeepers are as often abroad ("NATO peacekeeping troops have arrived in Bosnia").
UNPLACED_SECTORS = UNLOCATED_SECTORS | frozenset(
    s.upper() for s in word_list(PLACES, "unplaced_sector")
)
# Nouns for people posted in (or come to) a country not their own: no country from the context.
POSTED_ABROAD = word_list(PLACES, "posted_abroad")
# Clause boundaries: a place below one of these belongs to another clause.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis"})


ARTICLE_COUNTRY = "article country"
CLAUSE_PLACE = "clause place"
# A dictionary person with no role on the article's day: their country, and a title's sector.
DICTIONARY_COUNTRY = "dictionary country"


def roleless(actor: Actor | None) -> bool:
    """A person whose only code is a country the context gave: listed as an actor, no party to an
    event (the events stage skips them; see docs/actors.md)."""
    return (
        actor is not None
        and actor.kind == "person"
        and actor.resolved_by in (ARTICLE_COUNTRY, DICTIONARY_COUNTRY)
        and not actor.sector
    )


@dataclass(frozen=True)
class Lead:
    """The country an article is about, with the counts that made it lead (for ``detail``)."""

    country: str
    mentions: int
    total: int

    def clear(self) -> bool:
        """Whether the lead is a majority (enough for groups, not only persons)."""
        return self.mentions > LEAD_SHARE * self.total

    def why(self) -> str:
        return f"the article is about {self.country} ({self.mentions} of {self.total} mentions)"


def article_lead(
    work: Work, dateline_country: str | None, place_countries: list[str]
) -> Lead | None:
    """The country that clearly leads the article's country mentions, or None.

    Counted: every mention of a coded group, state or organisation; each coded person once (a
    story about a Libyan in Reading names him ten times, and is still about the UK); country
    names, capitals and demonyms that are no actor's; every place phrase the gazetteer placed;
    the dateline twice.
    """
    counts: Counter[str] = Counter()
    for draft in work.drafts:
        if draft.country:
            counts[draft.country] += 1 if draft.kind == "person" else len(draft.mentions)
    for hit in work.hits:
        if hit.start in work.owner:
            continue  # already counted as an actor's mention
        match = hit.first(*COUNTRY_KINDS)
        country = work.lexicon.country_of(match.code) if match and match.code else None
        if country:
            counts[country] += 1
    counts.update(place_countries)
    if dateline_country:
        counts[dateline_country] += DATELINE_WEIGHT
    if not counts:
        return None
    country, top = counts.most_common(1)[0]
    total = sum(counts.values())
    if top < LEAD_MIN or top <= PERSON_LEAD_SHARE * total:
        return None
    return Lead(country, top, total)


def situate(work: Work, doc: Document) -> None:
    """Give sector-only groups and uncoded persons a country from their clause or the article."""
    if not any(_needs_country(d) for d in work.drafts):
        return
    _share_list_titles(work)
    dateline = dateline_name(doc)
    dateline_country = geocode(dateline, None).country if dateline else None
    # A place that is also a lexicon hit (a capital) is counted once, as the hit.
    place_countries = [
        r.location.country
        for r in places_of(doc)
        if r.location is not None and r.location.country and work.hit_covering(r.head) is None
    ]
    lead = article_lead(work, dateline_country, place_countries)
    places = _clause_places(work, doc)
    for draft in list(work.drafts):
        if not _needs_country(draft):
            continue
        if draft.kind == "person":
            if lead is not None:
                _give(draft, lead.country, ARTICLE_COUNTRY, lead.why())
            continue
        _place_group(work, draft, places, lead)


def _share_list_titles(work: Work) -> None:
    """ "Greek prime minister Kyriakos Mitsotakis and energy minister Konstantinos Hatzidakis":
    a title without a country in a list of titled persons takes the country of the person it
    is coordinated with (the country word is written once for the pair)."""
    for draft in work.drafts:
        if draft.kind != "person" or draft.code or draft.role is None or not draft.role.sector:
            continue
        role = draft.role
        for _start, end, _how in draft.mentions:
            # spaCy hangs the conjunct on the name or on a word of its title.
            partners = (
                _coordinated_person(work, work.tokens[i])
                for i in (end - 1, *range(role.start, role.end))
            )
            partner = next((p for p in partners if p is not None and p is not draft), None)
            country = partner.role.country if partner is not None and partner.role else None
            if partner is None or not country:
                continue
            why = f"{draft.role_text} with the country of {partner.name}'s title, listed with it"
            _give_role_country(draft, country, why)
            break
        if not draft.code:
            place = _title_place(work, role.start, role.end)
            if place is not None:
                _give_role_country(draft, place[0], f"{draft.role_text}, '{place[1]}' in it")


def _give_role_country(draft: Draft, country: str, why: str) -> None:
    draft.set_code(country, draft.role.sector if draft.role is not None else None)
    draft.resolved_by = "role"
    draft.detail = f"{why} → {draft.code}"


def _title_place(work: Work, start: int, end: int) -> tuple[str, str] | None:
    """ "Northamptonshire's chief constable", "Texas Governor": a place the gazetteer knows,
    named in the title as whose post it is (a possessive or a place entity)."""
    tokens = work.parsed
    for i in range(start, end):
        token = tokens[i]
        possessive = i + 1 < end and tokens[i + 1].tag_ == "POS"
        if token.pos_ != "PROPN" or not (possessive or token.ent_type_ in ("GPE", "LOC")):
            continue
        country = gazetteer.country_of(token.text, sentence_country(work, i))
        if country:
            return country, token.text
    return None


def _coordinated_person(work: Work, token: Any) -> Draft | None:
    """The person draft whose name is the conjunct head of ``token`` ("X and Y": X for Y)."""
    if token.dep_ != "conj" or token.head.pos_ != "PROPN":
        return None  # a name, not a pronoun ("Both he and the county's commissioner X")
    owner = work.owner.get(token.head.i)
    return owner if owner is not None and owner.kind == "person" else None


def _needs_country(draft: Draft) -> bool:
    if draft.code or not draft.mentions:
        return False
    if draft.kind == "person":
        # A person the dictionary knows but codes nothing on the day (Osama bin Laden after
        # 2011, a minister between posts) is who the dictionary says, not a national of
        # whatever country the article is about.
        return draft.entry is None
    return draft.kind == "agent" and bool(draft.sector)


def _give(draft: Draft, country: str, how: str, why: str) -> None:
    draft.set_code(country, draft.sector)
    draft.resolved_by = how
    said = f"{draft.detail}; " if draft.detail else ""
    draft.detail = f"{said}{why} → {draft.code}"
    draft.mentions = [
        (s, e, how if m in ("ner", "guess", "self") else m) for s, e, m in draft.mentions
    ]


def _place_group(work: Work, draft: Draft, places: dict[int, str], lead: Lead | None) -> None:
    """Each mention of a group takes its clause's place, else the article's country; mentions
    that end up in different countries become different actors ("police" in two countries)."""
    by_country: dict[str, list[tuple[int, int, str]]] = {}
    reasons: dict[str, tuple[str, str]] = {}
    unplaced = []
    placeable = (draft.sector or "") not in UNPLACED_SECTORS
    if _posted_abroad(work, draft):
        return
    if lead is not None and not lead.clear():
        lead = None
    for mention in draft.mentions:
        owned = _has_owner(work, mention[0], mention[1])
        found = _clause_country(work, mention[1] - 1, places) if placeable and not owned else None
        if found is not None:
            by_country.setdefault(found[0], []).append(mention)
            reasons.setdefault(found[0], (CLAUSE_PLACE, f"in the clause: '{found[1]}'"))
        elif lead is not None and not owned and (draft.sector or "") not in UNLOCATED_SECTORS:
            by_country.setdefault(lead.country, []).append(mention)
            reasons.setdefault(lead.country, (ARTICLE_COUNTRY, lead.why()))
        else:
            unplaced.append(mention)
    if not by_country:
        return
    draft.mentions = unplaced
    for country, mentions in by_country.items():
        how, why = reasons[country]
        code = join_code(country, draft.sector)
        target = work.by_key.get(f"code:{code}")
        if target is None:
            target = work.draft(
                f"code:{code}", name=draft.name, kind=draft.kind, sector=draft.sector
            )
            target.detail = draft.detail
            _give(target, country, how, why)
        target.mentions.extend((s, e, how) for s, e, _ in mentions)
        for s, e, _ in mentions:
            for i in range(s, e):
                work.owner[i] = target


def _posted_abroad(work: Work, draft: Draft) -> bool:
    """ "the ambassador", "peacekeepers", "refugees": people in a country not their own."""
    return any(work.tokens[end - 1].lemma_.lower() in POSTED_ABROAD for _, end, _ in draft.mentions)


def _has_owner(work: Work, start: int, end: int) -> bool:
    """ "Red Cross officials", "Hamas gunmen": a name before the group noun says whose it is;
    the text gave no country, and the place or the article must not invent one."""
    head = work.tokens[end - 1]
    return any(c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN" for c in head.children)


def _clause_places(work: Work, doc: Document) -> dict[int, str]:
    """Head token -> country of each place phrase after a locative preposition."""
    found: dict[int, str] = {}
    for ref in places_of(doc):
        if ref.location is None or not ref.location.country:
            continue
        head = work.tokens[ref.head]
        prep = head.head
        if head.dep_ == "pobj" and prep.lower_ in CLAUSE_PREPS:
            found[ref.head] = ref.location.country
    return found


def _clause_country(work: Work, i: int, places: dict[int, str]) -> tuple[str, str] | None:
    """The country of the first place of the clause that holds token ``i``."""
    if not places:
        return None
    verb = _clause_verb(work.tokens[i])
    if verb is None:
        return None
    for j in sorted(places):
        token = work.tokens[j]
        other = _clause_verb(token)
        if other is not None and other.i == verb.i:  # spaCy makes a new Token on each access
            return places[j], token.text
    return None


def _clause_verb(token: Any) -> Any:
    """The verb heading the token's clause (None when it is in no verbal clause)."""
    node = token
    while True:
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.dep_ in CLAUSE_DEPS or node.head.i == node.i:
            return None
        node = node.head
