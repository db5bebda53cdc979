"""Where a protest by an unnamed crowd happened, and whether the text tells it as happening.

News tells many protests without naming the protesters: "Protests escalated later in June with
the police killing of X in Atlanta", "the shooting of X in Kenosha led to protests", "in Hong
Kong it was met with protests".  News coders code such a crowd as the public (sector OPP) of the
country where the protest happened (eval/data/NEWS-GOLD.md), like the actors stage places an
unnamed group (docs/actors.md, "Country from the context"): by a place of its own clause, else by
the country the article is clearly about.  :func:`eventwire.events.coder._protest_at` builds the
event from the place found here.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from eventwire import vocabulary
from eventwire.actors import context_country
from eventwire.document import Document
from eventwire.events import nominal, sides
from eventwire.events.mood import mood_of
from eventwire.events.parties import Party
from eventwire.records import Actor
from eventwire.whenwhere.places import places_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# Protest nouns whose unnamed protesters are the public of the place (event_party_words.tsv).
CROWD_PROTESTS = frozenset(vocabulary.listed("event_party_words", "crowd_protest"))
# Prepositions putting such a protest in the scene of a clause ("met with protests").
CROWD_SCENES = frozenset(
    (*nominal.SCENE_PREPS, *vocabulary.listed("event_prepositions", "crowd_scene"))
) - frozenset(vocabulary.listed("event_prepositions", "crowd_topic"))
# Verbs whose result is a protest that then happened ("led to protests", "sparked protests").
CROWD_CAUSES = frozenset(vocabulary.listed("event_party_words", "crowd_cause"))
# Crowd nouns that are a protest only where their clause names the place ("unrest").
PLACED_CROWDS = frozenset(vocabulary.listed("event_party_words", "placed_crowd"))
# Clause boundaries: a place below one of these is another clause's (as for unnamed groups).
CLAUSE_DEPS = context_country.CLAUSE_DEPS
# The article's lead country: as for unnamed groups, more than half of at least 3 mentions.
LEAD_SHARE = context_country.LEAD_SHARE
LEAD_MIN = context_country.LEAD_MIN


def is_crowd_protest(noun: Token) -> bool:
    return noun.lemma_.lower() in CROWD_PROTESTS or noun.lower_ in CROWD_PROTESTS


def only_placed(noun: Token) -> bool:
    """A crowd noun that is a protest only told as happening where its clause places it
    ("Unrest continued in Portland"), whoever it is said to be of."""
    return noun.lemma_.lower() in PLACED_CROWDS


def told_as_happening(noun: Token) -> bool:
    """The noun is what the clause is about ("Protests escalated", "a protest took place"), the
    scene of it ("met with protests", "during protests") or what an act brought about ("led to
    protests", "sparked protests"), not the object of another act ("agreed to postpone the
    demonstration") or a purpose ("converging for a rally")."""
    while noun.dep_ in ("conj", "appos"):  # "led to protests and unrest"; a misparsed name
        noun = noun.head  # before the noun ("A Black Lives Matter protest") makes it an appos
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return _happening(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ in CROWD_SCENES:
        # the scene of a clause ("met with protests"), not a topic ("a summit on the unrest")
        scene = noun.head.head
        return scene.pos_ in ("VERB", "AUX") and _happening(scene)
    cause = _causing_verb(noun)
    return cause is not None and _happening(cause)


def _happening(verb: Token) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return True
    mood = mood_of(verb)  # "Protests are not reported in Mosul", "could spark protests"
    return mood.coded and not mood.negated and mood.kind != "intent"


def _causing_verb(noun: Token) -> Token | None:
    """ "sparked protests" (object), "led to protests" (the verb's "to" phrase)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "to":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head if head.pos_ == "VERB" and head.lemma_.lower() in CROWD_CAUSES else None


def crowd_place(doc: Document, noun: Token) -> Party | None:
    """Where the unnamed crowd's protest happened: a place of the noun's own clause ("in Hong
    Kong it was met with protests"), else the country the article is clearly about."""
    verb = clause_verb(noun)
    if verb is not None:
        heads = [t for t in verb.subtree if _same_clause(t, verb)]
        heads.sort(key=lambda t: (t.i != verb.i, t.i))  # the verb's own place first
        for head in heads:
            found, _ = sides.place_targets(doc, [head])
            if found and not _holds(doc, found[0].token, noun):
                return Party(found[0].actor, found[0].token, "place:clause")
    lead = None if only_placed(noun) else lead_country(doc)
    if lead is None:
        return None
    actor = Actor(lead, lead, lead, None, "place", context_country.ARTICLE_COUNTRY)
    return Party(actor, -1, "place:article")


def clause_verb(token: Token) -> Token | None:
    """The verb heading the token's clause (None when it is in no verbal clause)."""
    node = token
    # a gerund the parser tags as a verb under a preposition is a noun ("after the police
    # shooting of X in Paris"), not a clause of its own
    while node.pos_ not in ("VERB", "AUX") or node.dep_ == "pobj":
        if node.dep_ in CLAUSE_DEPS or node.head.i == node.i:
            return None
        node = node.head
    return node


def _holds(doc: Document, phrase: int, noun: Token) -> bool:
    """Whether the place phrase is the protest's own phrase: "in a protest with the Iraq
    Veterans" names no place of the protest."""
    assert doc.parsed is not None
    return phrase >= 0 and noun in doc.parsed[phrase].subtree


def _same_clause(token: Token, verb: Token) -> bool:
    found = clause_verb(token)
    return found is not None and found.i == verb.i


def lead_country(doc: Document) -> str | None:
    """The country more than half of the article's coded actor mentions and place phrases name
    (at least 3), as the actors stage finds the country an article is about."""
    counts: Counter[str] = Counter()
    for actor in doc.actors:
        if actor.country and actor.resolved_by != context_country.ARTICLE_COUNTRY:
            counts[actor.country] += 1 if actor.kind == "person" else len(actor.mentions)
    counts.update(r.location.country for r in places_of(doc) if r.location and r.location.country)
    if not counts:
        return None
    country, top = counts.most_common(1)[0]
    if top < LEAD_MIN or top <= LEAD_SHARE * sum(counts.values()):
        return None
    return country


# Verbs of surrounding: the public's is obstruction (event_party_words.tsv).
CROWD_OBSTRUCTING = frozenset(vocabulary.listed("event_party_words", "crowd_obstructing"))
# Verbs of a crowd coming together (event_party_words.tsv, list crowd_gathering).
CROWD_GATHERINGS = frozenset(vocabulary.listed("event_party_words", "crowd_gathering"))


def gathering_purpose(verb: Token) -> Token | None:
    """ "thousands rallied in Washington to protest the results", "gathered outside the
    embassy to denounce the strikes": the purpose clause of a crowd's gathering verb, whose act
    the gathering is (the coder codes it when it is a protest)."""
    if verb.lemma_.lower() not in CROWD_GATHERINGS:
        return None
    return next((c for c in verb.children if _infinitive_clause(c)), None)


def _infinitive_clause(token: Token) -> bool:
    if token.dep_ not in ("advcl", "xcomp") or token.pos_ != "VERB":
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
