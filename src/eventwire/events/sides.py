"""Which actors are an event's source and target, given its trigger verb and code.

The subject (or passive agent, or, for an unresolved pronoun in a reported clause, the reporter)
is the source; the target is the first of: a direct object that names an actor, the participants
of a meeting object, a target preposition's object, a passive subject, the target of an open or
"demanded that" complement, the place where it happened (PETRARCH's convention), and finally a
group of people without a nationality ("dispersed demonstrators", also in a purpose clause:
"opened fire to disperse demonstrators"), which :func:`domestic_event` turns into the source's
own state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire import vocabulary
from eventwire.events import parties, place_states
from eventwire.events.mood import is_purpose_clause
from eventwire.events.parties import Party

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.document import Document

RELATIVE_TAGS = {"WDT", "WP", "WP$"}
PLACE_KINDS = {"country", "city", "place", "capital", "region"}
# Sectors of people a state acts on at home when the text gives them no nationality
# (demonstrators, refugees, workers, students, civilians, clergy); armed forces and officials
# without a country are no evidence of whose they are.
DOMESTIC_GROUPS = {"OPP", "REF", "LAB", "EDU", "CVL", "REL"}
GRIEVANCE_PREPS = vocabulary.listed("event_prepositions", "grievance")
# "cooperation among the participating nations": the group the act is shared among.
GROUP_PREPS = frozenset(vocabulary.listed("event_prepositions", "group"))
# "demonstrated in Cusco": where it happened, whose state is the target when nobody else is.
PLACE_PREPS = frozenset(vocabulary.listed("event_prepositions", "place"))
# Verbs of leaving, whose "from" phrase names the one left ("withdrew from Lebanon").
DEPARTING = frozenset(vocabulary.listed("verb_classes", "departing"))
# Verbs of taking, whose "from" phrase names the one dispossessed ("confiscated weapons from
# armed groups": CAMEO 171, seize property, is done to its owner).
TAKING = frozenset(vocabulary.listed("verb_classes", "taking"))
# Verbs whose "from" phrase is their target before any other preposition.
FROM_FIRST = DEPARTING | TAKING
# Verbs of receiving, whose "from" phrase names the other party ("received weapons from X").
RECEIVING = frozenset(vocabulary.listed("verb_classes", "receiving"))
# Yield codes whose codebook names an act a state does to its own people (CAMEO 080 yield,
# 081 ease administrative sanctions, 082 ease popular dissent, 083 accede to demands for reform).
DOMESTIC_YIELDS = {"080", "081", "082", "083"}
# Coercion a state does to its own people (CAMEO 172 administrative sanctions such as curfews and
# martial law, 173 arrest, 174 expel, 175 repression) and the threat of it (137); 170/171 are
# left out: their verbs ("block", "take") are too often something else.
DOMESTIC_COERCION = {"137", "172", "173", "174", "175"}


def domestic_event(code: str, targets: list[Party]) -> bool:
    """An event with no foreign party in view is aimed at the source's own state: protests
    (CAMEO 14) by default, and any event whose target is a group of people the text gives no
    nationality ("dispersed demonstrators", "will not accept refugees")."""
    if any(t.code for t in targets):
        return False
    if code[:2] == "08" and code[:3] in DOMESTIC_YIELDS:
        # "lifted the curfew", "resigned", "called off the strike": a concession with no one
        # named is made at home (CAMEO 081-083: sanctions, dissent, demands for reform).
        return True
    if code[:3] in DOMESTIC_COERCION:
        # "imposed martial law", "declared a state of siege", "arrested 12": coercion (and its
        # threat) with no one foreign in view is what a state does at home.
        return True
    return code[:2] == "14" or any(t.how.endswith(":group") for t in targets)


def by_the_public(found: list[Party]) -> bool:
    """Whether every coded party is a group of the public (protesters, workers, students...)."""
    coded = [p for p in found if p.actor is not None and p.code]
    return bool(coded) and all(
        p.actor is not None and p.actor.sector in DOMESTIC_GROUPS for p in coded
    )


def people_groups(named: list[Party], how: str) -> list[Party]:
    """The uncoded groups of people among an object's parties ("demonstrators", "refugees")."""
    return [
        Party(p.actor, p.token, f"{how}:group")
        for p in named
        if p.actor is not None
        and p.actor.kind == "agent"
        and not p.actor.country
        and p.actor.sector in DOMESTIC_GROUPS
    ]


def sources(doc: Document, verb: Token) -> tuple[list[Party], str]:
    subject, how = parties.subject_of(verb)
    if subject is None:
        return [], "∅"
    if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
        subject, how = verb.head, "relcl-head"
    found = parties.actors_of(doc, subject, how)
    if subject.pos_ == "PRON" and not any(p.code for p in found):
        # "Switzerland said it had expelled ...": an unresolved pronoun subject of a reported
        # clause is the reporter.
        node = verb
        while node.dep_ in ("conj", "xcomp", "advcl", "acomp") and node.head is not node:
            node = node.head
        if node.dep_ == "ccomp" and node.head.pos_ == "VERB":
            reporter, _ = parties.subject_of(node.head)
            if reporter is not None and reporter.pos_ != "PRON":
                return parties.actors_of(doc, reporter, "reporter"), "reporter"
    return found, how


# Verbs whose subject did the agentless coercion they report ("X announced Y was banned").
ANNOUNCING = vocabulary.listed("verb_classes", "announcing", "verb")


def is_announced_coercion(verb: Token, code: str) -> bool:
    """A coercive act (CAMEO 17) in the agentless passive, in a clause an announcing verb
    governs: "announced (that) X was banned"."""
    if code[:2] != "17" or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in ANNOUNCING:
        return False
    children = [c.dep_ for c in verb.children]
    return "auxpass" in children and "agent" not in children


def coercion_announcer(doc: Document, verb: Token, code: str) -> Found | None:
    """ "The federation announced two players were banned": a coercive act (CAMEO 17) told in
    the passive with no agent, in a clause an authority announces, is that authority's own
    (a ban, an arrest, a state of emergency are announced by those who impose them)."""
    if not is_announced_coercion(verb, code):
        return None
    subject, how = parties.subject_of(verb.head)
    if subject is None:
        return None
    found = _coded(doc, subject, f"announcer:{how}")
    return (found, f"announcer:{how}") if found else None


Found = tuple[list[Party], str]


@dataclass
class TargetSearch:
    """One verb's search for its target (see ``TARGET_RULES``): the verb, its code, and a group
    of people without a nationality met on the way, the last resort."""

    doc: Document
    verb: Token
    code: str
    groups: list[Party] = field(default_factory=list)
    groups_how: str = ""


def _coded(doc: Document, token: Token, how: str) -> list[Party]:
    return [p for p in parties.actors_of(doc, token, how) if p.code]


def complained_about(s: TargetSearch) -> Found | None:
    """1. A disapproval (CAMEO 11) is aimed at the one complained about ("over Israeli raids")."""
    if s.code[:2] != "11":
        return None
    found, path = grievance_targets(s.doc, s.verb)
    return (found, path) if found else None


def direct_object(s: TargetSearch) -> Found | None:
    """2. The direct object that names an actor; else the participants it names ("a meeting
    attended by X"); else a target preposition on it ("held talks with X", "signed a deal with
    X").  A group of people it names without a nationality is kept as the last resort."""
    obj, how = parties.object_of(s.verb)
    if obj is None or (how not in parties.OBJECT_DEPS and how != parties.SHIFTED_OBJECT):
        return None
    named = parties.actors_of(s.doc, obj, how)
    found = [p for p in named if p.code]
    if found:
        return found, how
    s.groups, s.groups_how = people_groups(named, how), how
    joined = parties.participants(s.doc, obj)
    if joined:
        return joined, "dobj→relcl→agent"
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ in parties.TARGET_PREPS:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = _coded(s.doc, pobj, f"pobj:{child.lower_}")
                if found:
                    return found, f"dobj→{child.lower_}→pobj"
    return None


def verb_preposition(s: TargetSearch) -> Found | None:
    """3. A target preposition on the verb, in order; "from" first for verbs of leaving and
    taking ("withdrew from Lebanon", "seized arms from X"), last for verbs of receiving."""
    if parties.statement_author(s.verb) is not None:
        return None  # "condemned in a statement by X": the statement names the doer
    preps: tuple[str, ...] = parties.TARGET_PREPS
    lemma = s.verb.lemma_.lower()
    if lemma in FROM_FIRST:
        preps = ("from", *preps)
    elif lemma in RECEIVING:
        preps = (*preps, "from")  # "received weapons from the government": the giver
    phrases = [c for c in s.verb.children if c.dep_ in ("prep", "dative")]  # read once
    for prep in preps:
        # Every phrase of the first preposition that names someone: "met with the IMF, then
        # with President Trump" met both.
        found = [
            party
            for child in phrases
            if child.lower_ == prep
            for pobj in child.children
            if pobj.dep_ == "pobj"
            for party in _coded(s.doc, pobj, f"pobj:{prep}")
        ]
        if found:
            return found, f"prep:{prep}→pobj"
    return None


def shared_among(s: TargetSearch) -> Found | None:
    """4. The members of a gathering the act is shared among ("among the participating
    nations")."""
    found, path = group_targets(s.doc, s.verb)
    return (found, path) if found else None


def passive_subject(s: TargetSearch) -> Found | None:
    """5. The passive subject when an agent is named ("X was attacked by Y", "X was condemned
    in a statement by Y") or an announcer does the coercion ("announced X was banned")."""
    passive = parties.passive_target(s.verb)
    agent = any(c.dep_ == "agent" for c in s.verb.children)
    announced = is_announced_coercion(s.verb, s.code)  # "announced X was banned"
    if passive is not None and (agent or announced or parties.statement_author(s.verb) is not None):
        return parties.actors_of(s.doc, passive, "nsubjpass"), "nsubjpass"
    return None


def is_lawsuit(code: str) -> bool:
    """CAMEO 115 (bring lawsuit against): in "X sued to stop Y" the one sued is not Y, the
    thing the suit would stop, so an open complement names no target of a lawsuit."""
    return code.startswith("115")


def complement_clauses(s: TargetSearch) -> Found | None:
    """6. In the order of the verb's dependents: an open complement's target ("offered to
    negotiate with X"), a purpose clause's ("to help defend Saudi Arabia"), the subject of a
    complement clause after the verb ("demanded that X withdraw")."""
    for child in s.verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and not is_lawsuit(s.code):
            found, path = targets(s.doc, child, s.code)
            if found:
                return found, f"xcomp→{path}"
        if child.dep_ == "advcl" and is_purpose_clause(child):
            found, path = targets(s.doc, child, s.code)
            if any(p.code for p in found):
                return found, f"purpose→{path}"
            if found and not s.groups and path.endswith(":group"):
                s.groups, s.groups_how = found, f"purpose→{path.removesuffix(':group')}"
        if child.dep_ == "ccomp" and child.i > s.verb.i:
            subject = next((c for c in child.children if c.dep_ in clause_subject_deps(s)), None)
            if subject is not None:
                found = _coded(s.doc, subject, "ccomp:nsubj")
                if found:
                    return found, "ccomp→nsubj"
    return None


# Roots of asking (appeal 02, demand 10): the one asked is the one who would act.
ASKING_ROOTS = ("02", "10")


def clause_subject_deps(s: TargetSearch) -> tuple[str, ...]:
    """The dependencies of a complement clause's subject that can be the target.  An appeal or
    demand is aimed at the one who would act; a passive clause's subject ("hoped the officers
    would be indicted", "demanded that the prisoners be freed") is the one acted upon, and
    the one asked (a court, a captor) is unnamed."""
    if s.code[:2] in ASKING_ROOTS:
        return ("nsubj",)
    return ("nsubj", "nsubjpass")


def where_it_happened(s: TargetSearch) -> Found | None:
    """7. The state of a place named on the verb or its object (PETRARCH's convention:
    "protested in Beijing" is aimed at China)."""
    heads = [s.verb] + [c for c in s.verb.children if c.dep_ in parties.OBJECT_DEPS]
    found, path = place_targets(s.doc, heads)
    return (found, path) if found else None


# The target order (docs/events.md, "Targets"): the first rule that finds one wins; a group of
# people without a nationality met on the way is the last resort.
TARGET_RULES = (
    complained_about,
    direct_object,
    verb_preposition,
    shared_among,
    passive_subject,
    complement_clauses,
    where_it_happened,
)


def targets(doc: Document, verb: Token, code: str) -> Found:
    """The target of ``verb``'s event of ``code`` and the path that found it."""
    search = TargetSearch(doc, verb, code)
    for rule in TARGET_RULES:
        found = rule(search)
        if found is not None:
            return found
    if search.groups:
        return search.groups, f"{search.groups_how}:group"
    return [], "∅"


def grievance_targets(doc: Document, verb: Token) -> tuple[list[Party], str]:
    """ "complained to the UN over Israeli raids": a disapproval (CAMEO 11) is aimed at the one
    complained about ("about"/"over" on the verb or its object), not at whom it is addressed."""
    return phrase_targets(doc, verb, GRIEVANCE_PREPS)


def phrase_targets(doc: Document, verb: Token, preps: tuple[str, ...]) -> tuple[list[Party], str]:
    """The coded actors of the first of these prepositions' objects on the verb or its object
    ("over Israeli raids", "received weapons from X")."""
    heads = [verb] + [c for c in verb.children if c.dep_ in parties.OBJECT_DEPS]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    how = f"pobj:{child.lower_}"
                    found = [p for p in parties.actors_of(doc, pobj, how) if p.code]
                    if found:
                        return found, f"prep:{child.lower_}→pobj"
    return [], "∅"


def group_targets(doc: Document, verb: Token) -> tuple[list[Party], str]:
    """ "urged cooperation among the participating nations": a group named before, by reference
    (events.gatherings), after "among"/"between" on the verb, its object or its PP's object."""
    heads = [verb] + [c for c in verb.children if c.dep_ in parties.OBJECT_DEPS]
    heads += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in GROUP_PREPS:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found = parties.group_members(doc, pobj, f"pobj:{child.lower_}")
                    if found:
                        return found, f"prep:{child.lower_}→group"
    return [], "∅"


def place_targets(doc: Document, heads: list[Token]) -> tuple[list[Party], str]:
    """Without a named target, the place where it happened stands for it (the PETRARCH
    convention): "arrived in Amman", "protested in Beijing" -> the place's country."""
    for head in heads:
        for child in head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in PLACE_PREPS:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found = [
                        p
                        for p in parties.actors_of(doc, pobj, "place")
                        if p.actor is not None and p.actor.kind in PLACE_KINDS
                    ]
                    if found:
                        return found, f"prep:{child.lower_}→place"
                    # Cities are not actors: the geocoded place phrase gives the state.
                    place = place_states.place_actor(doc, pobj)
                    if place is not None:
                        return [Party(place, pobj.i, "place")], f"prep:{child.lower_}→place"
    return [], "∅"
