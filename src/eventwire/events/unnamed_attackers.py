"""Attacks by an unidentified perpetrator: "gunmen attacked", "a bomb exploded", "was attacked".

CAMEO codes an act of force whose doer the report does not identify with the source left
unknown ("---"), as long as the attacked party is known: the PETRARCH2 GSR codes "Insurgents
bombarded a government-held part of Syria's second city" ``--- -> SYR``, the PLOVER GSR a
suicide bombing with no named bomber with an empty source.  This is allowed only for material
conflict (CAMEO 18 assault, 19 fight, 20 mass violence), where the target alone is news; a
statement or a meeting with an unknown side says nothing.

An unidentified perpetrator is a *generic* doer, never an unresolved name or pronoun (those are
somebody the coder failed to place, and coding them unknown would be a wrong dyad):

* a common noun for attackers ("gunmen", "militants", "assailants", "a suicide bomber"), or
  people qualified as unidentified ("unknown men", "armed men");
* the attack or its weapon as the subject ("a terrorist attack targeted", "a bomb exploded",
  "a rocket hit");
* a passive with no agent ("the convoy was attacked"), or whose agent is one of the above
  ("was blown up by a missile").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire import vocabulary
from eventwire.actors.lexicon import default_lexicon
from eventwire.events import parties
from eventwire.events.parties import Party
from eventwire.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.document import Document

CONFLICT_ROOTS = {"18", "19", "20"}
# The words that name an unidentified doer (data/vocabulary/event_attacker_nouns.tsv).
ATTACKER_WORDS = "event_attacker_nouns"
# Nouns that name attackers without saying whose they are.
ATTACKERS = frozenset(vocabulary.listed(ATTACKER_WORDS, "attacker"))
# Nouns for people or groups that are anonymous only when qualified as such ("armed men").
PEOPLE = frozenset(vocabulary.listed(ATTACKER_WORDS, "people"))
UNNAMED = frozenset(vocabulary.listed(ATTACKER_WORDS, "unnamed"))
# The attack or its means as the grammatical doer: "a bomb exploded", "an attack targeted".
MEANS = frozenset(vocabulary.listed(ATTACKER_WORDS, "means"))
# Military things whose owner is the target of an attack on them ("attacked a base in Syria"),
# and the modifiers that make any noun one ("a military convoy").
MILITARY_OBJECTS = frozenset(vocabulary.listed(ATTACKER_WORDS, "military_object"))
MILITARY_MODIFIERS = frozenset(vocabulary.listed(ATTACKER_WORDS, "military_modifier"))
MODIFIERS = ("amod", "compound")
# Words naming an accident or a natural cause: an agentless passive beside one is no attack.
ACCIDENTS = frozenset(vocabulary.listed(ATTACKER_WORDS, "accident"))
# Verbs whose passive subject takes part rather than suffers ("were engaged in fighting").
PARTICIPATION = frozenset(vocabulary.listed("verb_classes", "participation"))


def applies(code: str) -> bool:
    return code[:2] in CONFLICT_ROOTS


def _plural(word: str) -> str:
    if word.endswith("s") or word.endswith("men"):
        return word
    # gunman → gunmen, militiaman → militiamen (never "gunmans").
    return word[:-3] + "men" if word.endswith("man") else f"{word}s"


def perpetrator(subject: Token) -> str | None:
    """What the text calls the doer when the subject is a generic attacker, else None."""
    if subject.pos_ != "NOUN":
        return None  # names and pronouns are somebody, just not recognised
    lemma = subject.lemma_.lower()
    modifiers = [c for c in subject.children if c.dep_ in ("amod", "compound") and c.i < subject.i]
    if lemma in ATTACKERS:
        return " ".join([*(m.lower_ for m in modifiers), _plural(subject.lower_)])
    if lemma in PEOPLE and any(m.lower_ in UNNAMED for m in modifiers):
        return " ".join([*(m.lower_ for m in modifiers), subject.lower_])
    if lemma in MEANS:
        # "a terrorist attack": the modifier names the doer's kind.
        kinds = [m.lemma_.lower() for m in modifiers if m.lemma_.lower() in ATTACKERS]
        return _plural(kinds[0]) if kinds else "unidentified attackers"
    return None


def unnamed_source(doc: Document, verb: Token, sources: list[Party]) -> Party | None:
    """The unknown doer of a conflict verb, when its subject is generic or it is an agentless
    passive; None when the doer is named (coded or not)."""
    if any(p.code for p in sources):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if subject is not None:
        name = perpetrator(subject)
        how = "nsubj:unnamed"
    elif by is not None:
        # "was blown up by a missile", "were shot by gunmen"
        name, how, subject = perpetrator(by), "agent:unnamed", by
    elif _agentless_passive(verb) and not named_means(doc, verb) and not _accident(verb):
        name, how = "unidentified attackers", "passive:unnamed"
        subject = verb
    else:
        return None
    if name is None:
        return None
    return Party(Actor(name, "", None, None, "unknown", "unnamed"), subject.i, how)


def _agentless_passive(verb: Token) -> bool:
    """ "X was attacked" with no "by": the doer is not said -- unless the passive is one of
    participation ("were engaged in fighting": the subject is the doer)."""
    children = {c.dep_ for c in verb.children}
    if "nsubjpass" not in children or "agent" in children:
        return False
    return verb.lemma_.lower() not in PARTICIPATION


def _accident(verb: Token) -> bool:
    """ "seven people were killed when a bomber crashed", "died in the fire": the sentence names
    an accident or a natural cause, not an attacker."""
    return any(t.lemma_.lower() in ACCIDENTS for t in verb.sent)


def named_means(doc: Document, verb: Token) -> bool:
    """ "killed in an Israeli air strike": the attack noun of a PP names its doer, and the
    nominal event is coded from it."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            # "in Israeli tank shelling": any modifier before the noun may name the doer
            mods = [m for m in pobj.subtree if m.i < pobj.i and m.dep_ in (*MODIFIERS, "poss")]
            for mod in mods:
                if default_lexicon().demonym(mod.text) or any(
                    p.code for p in parties.actors_of(doc, mod, "means")
                ):
                    return True
    return False


def attribute(
    doc: Document, verb: Token, sources: list[Party], targets: list[Party]
) -> tuple[list[Party], list[Party], str] | None:
    """(sources, targets, path) of a conflict verb with an unidentified doer, else None.

    An agentless passive's subject is the attacked party ("Iraqi police were attacked"); a
    target found from the place of an attack on a military object is that state's military
    ("attacked a military parade in Ahvaz" -> IRNMIL)."""
    unnamed = unnamed_source(doc, verb, sources)
    if unnamed is None:
        return None
    path = unnamed.how
    attacked = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if unnamed.how.startswith(("passive", "agent")) and attacked is not None:
        named = [p for p in parties.actors_of(doc, attacked, "nsubjpass") if p.code]
        if named:
            return [unnamed], named, path
    return [unnamed], [_military(verb, t) for t in targets], path


def _military(verb: Token, target: Party) -> Party:
    """A place's state as the owner of an attacked military object is its armed forces."""
    actor = target.actor
    if actor is None or not target.how.startswith("place") or not actor.country:
        return target
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    military = any(
        o.lemma_.lower() in MILITARY_OBJECTS
        or any(m.lower_ in MILITARY_MODIFIERS for m in o.children if m.dep_ in MODIFIERS)
        for o in objects
    )
    if not military:
        return target
    code = f"{actor.country}MIL"
    owner = Actor(f"{actor.name} military", code, actor.country, "MIL", "agent", "place")
    return Party(owner, target.token, f"{target.how}:military")
