"""Nominal and light-verb events: "held talks with", "a meeting with", "an attack on".

An event noun makes an event when the text says who did it and to whom:

* the target is the object of a relational preposition of the noun ("talks *with* China",
  "strikes *on* positions of the Syrian army");
* the source is the noun's possessor or nationality adjective ("*its* strikes", "*Israeli*
  raids"), else the subject of the verb the noun depends on when that verb is a light verb
  ("*X* held talks", "*X* carried out raids") or the noun sits in a prepositional phrase of it
  ("In a meeting with Y, *X* warned") -- a content verb ("X condemned the attack on Y") does not
  lend its subject, since X did not attack.

Codes follow the CAMEO codebook's noun examples for each root.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire import vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Token

# The event nouns, one table for the coder and the parser's trigger words
# (data/vocabulary/event_nouns.tsv): noun lemma or "modifier noun" -> (CAMEO code, prepositions
# that introduce the target).
EVENT_NOUNS: dict[str, tuple[str, tuple[str, ...]]] = {
    row["noun"].lower(): (row["code"], tuple(p for p in row["targets"].split(",") if p))
    for row in vocabulary.table("event_nouns")
}
# Verbs that carry no event of their own in front of an event noun.
LIGHT_VERBS = vocabulary.words("event_light_verbs")
# Prepositions under which an event noun sets the scene of the clause's own subject ("in a
# meeting with Y, X warned"); not "after", which names an earlier event, often somebody else's.
SCENE_PREPS = vocabulary.listed("event_prepositions", "scene")
# Verbs whose participle, hung on a lawsuit noun, names by its object whom the suit is against.
CONTESTING_VERBS = vocabulary.listed("verb_classes", "contesting", "verb")
# Prepositions introducing the parties of a mutual event noun ("a meeting between X and Y").
MEMBER_PREPS = vocabulary.listed("event_prepositions", "members")


# The lemmas an event noun token can have: the last word of a "modifier noun" row, the noun of
# a "noun of X" row (event_noun looks no other way); any other noun is none, whatever its
# modifiers, so they are not read.
HEAD_LEMMAS = frozenset(
    {key.rsplit(" ", 1)[-1] for key in EVENT_NOUNS} | {key.split(" of ")[0] for key in EVENT_NOUNS}
)


def event_noun(token: Token) -> tuple[str, tuple[str, ...]] | None:
    """The code and target prepositions of an event noun token (compounds like "air strike")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = token.lemma_.lower()
    if lemma not in HEAD_LEMMAS and " " not in lemma:
        return None
    # "hunger strike", "general strike", "martial law": the modifier picks the sense.
    modifiers = [c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")]
    for modifier in reversed(modifiers):
        if f"{modifier} {lemma}" in EVENT_NOUNS:
            return EVENT_NOUNS[f"{modifier} {lemma}"]
    # "a letter of intent", "a memorandum of understanding": the "of" phrase names the act.
    for named in _of_objects(token):
        if f"{lemma} of {named}" in EVENT_NOUNS:
            return EVENT_NOUNS[f"{lemma} of {named}"]
    return EVENT_NOUNS.get(lemma)


def _of_objects(token: Token) -> list[str]:
    return [
        pobj.lemma_.lower()
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def target_tokens(noun: Token, preps: tuple[str, ...]) -> list[tuple[Token, str]]:
    """Objects of the noun's target prepositions ("strikes on positions of the Syrian army")."""
    return _objects(noun, preps, "pobj")


def contested_tokens(noun: Token) -> list[tuple[Token, str]]:
    """ "lawsuits challenging X", "a lawsuit attempting to prevent X from ...": a lawsuit's
    participle whose object (or its open complement's object) is the one sued."""
    for clause in noun.children:
        if clause.dep_ != "acl" or clause.tag_ != "VBG":
            continue
        verbs = [clause] + [c for c in clause.children if c.dep_ == "xcomp"]
        for verb in verbs:
            if verb.lemma_.lower() not in CONTESTING_VERBS:
                continue
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if objects:
                return [(objects[0], f"{noun.lower_}→{verb.lower_}→dobj")]
    return []


def member_tokens(noun: Token) -> list[tuple[Token, str]]:
    """Objects of the noun's member prepositions ("talks between Iran and Russia"), else of
    the verb it is the object of ("a memorandum was signed between Norway and Iceland", "an
    accord was reached between X and Y"): the parse hangs the phrase on either."""
    lemma = noun.lemma_.lower()
    found = [
        (pobj, how)
        for pobj, how in _objects(noun, MEMBER_PREPS, "members")
        # "a memorandum of understanding": the "of" phrase names the act, not its parties
        if f"{lemma} of {pobj.lemma_.lower()}" not in EVENT_NOUNS
    ]
    if not found and noun.dep_ in ("nsubjpass", "dobj") and noun.head.pos_ == "VERB":
        found = _objects(noun.head, MEMBER_PREPS, "verb-members")
    if not found:
        found = _established_between(noun)
    return found


def _established_between(noun: Token) -> list[tuple[Token, str]]:
    """ "a deal establishing diplomatic relations between Israel and the UAE", "an agreement
    normalising ties between X and Y": a participle of the noun whose object lists the
    parties."""
    for clause in noun.children:
        if clause.dep_ != "acl" or clause.tag_ != "VBG":
            continue
        for obj in clause.children:
            if obj.dep_ == "dobj":
                return _objects(obj, ("between",), "established-members")
    return []


def _objects(noun: Token, preps: tuple[str, ...], label: str) -> list[tuple[Token, str]]:
    found = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found.append((pobj, f"{noun.lower_}→{prep.lower_}→{label}"))
    return found


def is_light_object(noun: Token) -> bool:
    """Whether the noun is the object of a light verb ("held talks", "gave a welcome")."""
    return noun.dep_ in ("dobj", "obj", "nsubjpass") and noun.head.lemma_.lower() in LIGHT_VERBS


def source_token(noun: Token) -> tuple[Token | None, str]:
    """The doer of a nominal event: possessor, nationality adjective, or a light verb's subject."""
    light = is_light_object(noun)
    for child in noun.children:
        # "Israel mounted its invasion": a possessive pronoun under a light verb is the
        # verb's subject, which names the doer where the pronoun does not.
        if child.dep_ == "poss" and not (light and child.pos_ == "PRON"):
            return child, "poss"
    for child in noun.children:
        if f"{child.lemma_.lower()} {noun.lemma_.lower()}" in EVENT_NOUNS:
            continue  # part of the event's name ("general strike"), not its doer
        if child.dep_ in ("amod", "compound") and child.pos_ in ("ADJ", "PROPN"):
            if child.pos_ == "ADJ" and not child.text[:1].isupper():
                continue  # "the naval blockade": a kind of act, not a nationality
            return child, child.dep_
    head = noun.head
    if light:
        return head, f"light:{head.lemma_.lower()}"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in SCENE_PREPS:
        verb = head.head
        if verb.pos_ in ("VERB", "AUX"):
            return verb, f"scene:{head.lower_}"
    return None, ""
