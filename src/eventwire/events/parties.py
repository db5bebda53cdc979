"""Source and target of an event from the parse: the actors behind subjects, objects and PPs.

A noun phrase yields one actor per coordinated conjunct ("Russia and China" -> two), and a group
noun yields the actors its own modifiers name ("officials from Iran, Russia and China" -> three);
clauses inside the phrase (relative clauses, participles) are left out, since they describe
other events.  Places are never parties: objects of "in", "at", "near" are not read as targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventwire import vocabulary
from eventwire.actors.index import actor_at, actors_in
from eventwire.actors.lexicon import default_lexicon
from eventwire.events import gatherings
from eventwire.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.document import Document

CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct"}
# Prepositions that introduce the other party of an event ("talks with", "attack on").
# Prepositions that only say where a thing is ("camps near the Thai border"): the country they
# name is no party to what is done to the thing.
BOUNDARIES = frozenset(vocabulary.listed("event_party_words", "boundary"))
# Nouns of statements whose "by" phrase names who performed a passive act through them.
STATEMENTS = frozenset(vocabulary.listed("event_party_words", "statement"))
# Nouns of people who back or oppose someone ("a Trump supporter", "critics of Putin"): the
# person named in their phrase is not who they are (event_party_words.tsv, list follower).
FOLLOWERS = frozenset(vocabulary.listed("event_party_words", "follower"))
# The modifiers naming the one followed: "a Trump supporter" (compound, or amod as spaCy
# often reads it), "Trump's critics", "fans of X".
FOLLOWED_DEPS = ("compound", "amod", "poss", "prep", "nmod")
# Prepositions introducing such a statement ("in a joint statement by X").
STATEMENT_MEDIA = frozenset(vocabulary.listed("event_prepositions", "medium"))
# Prepositions that locate a thing only when their object is a boundary ("on the Thai border").
BOUNDARY_PREPS = frozenset(vocabulary.listed("event_prepositions", "boundary"))
# Prepositions that name a thing's topic ("evidence about contacts with X"): X is what it is
# about, not the one it is given to or done with.
TOPIC_PREPS = frozenset(vocabulary.listed("event_prepositions", "topic"))
WHERE_ONLY = frozenset(vocabulary.listed("event_prepositions", "where_only"))
# Verbs by whose agent a noun names a party to it: a meeting's participants ("a meeting joined
# by X"), a proposal's author ("the peace plan proposed by France"); not "victims killed by X".
# Verbs whose object statement is their subject's own: "signed a letter urging X to".
ISSUING = frozenset(vocabulary.listed("event_appeals", "issuing"))
JOINING = frozenset(vocabulary.listed("verb_classes", "joining"))
# Participles whose passive subject holds the stance they name ("is opposed to", "is committed
# to"): with no agent, that subject is the one who acts.
STATIVE_PASSIVES = frozenset(vocabulary.listed("verb_classes", "stative_passive"))
# Prepositions that introduce the other party of an event ("talks with", "attack on"), in the
# order they are tried.
TARGET_PREPS = vocabulary.listed("event_prepositions", "target")
SUBJECT_DEPS = ("nsubj", "csubj")
OBJECT_DEPS = ("dobj", "obj", "dative", "attr", "oprd")
# "denounced as a crime Serbia's crackdown": an object moved after its "as" description.
SHIFTED_OBJECT = "as→shifted-object"


@dataclass(frozen=True, slots=True)
class Party:
    """An actor found for one side, with the parse path that found it (for explanation)."""

    actor: Actor | None
    token: int  # the head token of the phrase it came from
    how: str  # "nsubj", "dobj", "pobj:with", "agent", "poss", "inherited:nsubj"...

    @property
    def code(self) -> str:
        return self.actor.code if self.actor is not None else ""

    @property
    def name(self) -> str:
        return self.actor.name if self.actor is not None else ""


def _span(tokens: list[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _phrase(token: Token, top: bool = True) -> list[Token]:
    """The token's phrase without clauses; its own conjuncts are phrases of their own, but those
    inside a modifier stay ("counterparts from Russia and China")."""
    skip = CLAUSES | {"conj", "cc"} if top else CLAUSES
    found = [token]
    for child in token.children:
        if child.dep_ in skip or (child.dep_ == "prep" and _aside(child)):
            continue
        found.extend(_phrase(child, False))
    return found


def _aside(prep: Token) -> bool:
    """A phrase that only locates the thing or says what it is about: no party to it."""
    return _where_only(prep) or prep.lower_ in TOPIC_PREPS


def _where_only(prep: Token) -> bool:
    """ "near the border", "on the Thai border": a phrase that only locates the thing."""
    if prep.lower_ in WHERE_ONLY:
        return True
    return prep.lower_ in BOUNDARY_PREPS and any(
        c.dep_ == "pobj" and c.lemma_.lower() in BOUNDARIES for c in prep.children
    )


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("Russia, China and India")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
            out.extend(conjuncts(child))
        elif child.dep_ == "appos" and _listed(child):
            # "The US, Russia, and Switzerland": spaCy often reads a list of three names as
            # an apposition with its own conjuncts; a name with coordinated names is a list.
            out.extend(conjuncts(child))
    return out


def _listed(appos: Token) -> bool:
    return appos.pos_ == "PROPN" and any(
        c.dep_ == "conj" and c.pos_ == "PROPN" for c in appos.children
    )


def actors_of(doc: Document, token: Token, how: str, refer: bool = True) -> list[Party]:
    """The actors one noun phrase names: one per conjunct; a group noun gives its members, and
    with ``refer`` a group phrase the parties enumerated before it (events.gatherings)."""
    parties: list[Party] = []
    for head in conjuncts(token):
        start, end = head.idx, head.idx + len(head.text)
        actor = actor_at(doc, start, end)
        if actor is not None and actor.code:
            parties.append(Party(actor, head.i, how))
            continue
        phrase = _phrase(head)
        lo, hi = _span(phrase)
        inside = _followers(head, [a for a in actors_in(doc, lo, hi) if a.code])
        own = demonym_actors(head) if inside else []
        if own and _after(head, inside, (lo, hi)):
            parties.extend(Party(a, head.i, f"{how}:demonym") for a in own)
        elif inside:
            # "his counterparts from Russia, China" names the counterparts' countries; a person
            # with a role is more specific than the bare country that gave it.
            parties.extend(Party(a, head.i, how) for a in _prefer_people(inside))
        else:
            groups = demonym_actors(head)
            parties.extend(Party(a, head.i, f"{how}:demonym") for a in groups)
            # "the participating nations", "both sides": the countries enumerated before.
            referred = group_members(doc, head, how) if refer and not groups else []
            parties.extend(referred)
            if not groups and not referred:
                parties.append(Party(actor, head.i, how))
    return _unique(parties)


def _followers(head: Token, inside: list[Actor]) -> list[Actor]:
    """The actors of a phrase as who its head is: "a Trump supporter" is an American, not Trump,
    whose office would make a shooting of the supporter an attack on the government (PLOVER's
    "supporters of former President Ahmed Ben Bella" are Algerians); an appositive still says
    who they are ("his opponent Joe Biden")."""
    if head.lemma_.lower() not in FOLLOWERS:
        return inside
    spans = [_span(list(child.subtree)) for child in head.children if child.dep_ in FOLLOWED_DEPS]
    out: list[Actor] = []
    for actor in inside:
        followed = actor.kind == "person" and any(
            lo <= m.start < hi for m in actor.mentions for lo, hi in spans
        )
        if followed and actor.country:
            actor = Actor(head.text, actor.country, actor.country, None, "agent", "follower")
        elif followed:
            continue
        if all(a.code != actor.code for a in out):
            out.append(actor)
    return out


def _after(head: Token, inside: list[Actor], span: tuple[int, int]) -> bool:
    """Whether the actors found in a phrase are all named in a prepositional phrase after its head
    ("the Turkish and Greek sides of Cyprus"): they are what the head belongs to, not who it is."""
    lo, hi = span
    end = head.idx + len(head.text)
    named = [m.start for a in inside for m in a.mentions if lo <= m.start < hi]
    return (
        bool(named)
        and all(start > end for start in named)
        and any(c.dep_ == "prep" for c in head.children)
    )


def demonym_actors(head: Token) -> list[Actor]:
    """ "Palestinian prisoners", "Hungarian and Romanian officials": nationality words the actors
    stage left uncoded still give the group's countries (and a sector when the noun is an
    agent)."""
    lexicon = default_lexicon()
    words = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i]
    # "Panamanian army officers", "US Predator attacks": the nationality may modify the
    # compound rather than the head.
    words += [
        m
        for c in words
        if c.dep_ == "compound"
        for m in c.children
        if m.dep_ in ("amod", "compound")
    ]
    words = [w for c in words for w in conjuncts(c)]
    # "the Turkish-Libyan agreement", "the US-Chinese deal": the first of two hyphened
    # nationalities hangs on the second.
    words += [m for c in words for m in c.children if m.dep_ == "npadvmod" and _hyphened(m, c)]
    sector = lexicon.agent(head.lemma_.lower()) or ""
    found = []
    for word in words:
        country = lexicon.demonym(word.text) or _country_name(word)
        if country:
            name = f"{word.text} {head.text}"
            found.append(Actor(name, country + sector, country, sector or None, "agent", "demonym"))
    return found


def _country_name(word: Token) -> str | None:
    """A country's name used as a modifier ("US Predator attacks", "Iran nuclear talks")."""
    if word.dep_ != "compound" or word.pos_ != "PROPN":
        return None
    for match in default_lexicon().lookup(word.text, None):
        if match.kind == "country" and match.code and len(match.code) == 3:
            return match.code
    return None


def _hyphened(first: Token, second: Token) -> bool:
    """Whether a hyphen joins two words ("Turkish-Libyan")."""
    return second.i - first.i == 2 and first.nbor(1).text == "-"


def _prefer_people(actors: list[Actor]) -> list[Actor]:
    people = [a for a in actors if a.kind in ("person", "agent") and a.country]
    return people or actors


def _unique(parties: list[Party]) -> list[Party]:
    seen: set[str] = set()
    out = []
    for p in parties:
        key = (p.actor.country or p.code if p.actor else "") or f"#{p.token}"
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def subject_of(verb: Token) -> tuple[Token | None, str]:
    """The token that acts: the subject, a passive's agent, or a governing verb's subject."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child, child.dep_
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, "agent"
    author = statement_author(verb)
    if author is not None:
        return author, "agent:statement"
    holder = _stance_holder(verb)
    if holder is not None:
        return holder, "nsubjpass:stance"
    if verb.dep_ == "conj" and _bare_conjunct_of_finite(verb):
        return None, ""
    if verb.dep_ in ("xcomp", "advcl", "conj", "acl", "pcomp", "acomp") and verb.head is not verb:
        # "agreed to visit", "..., warning X": the controller is the governing verb's subject.
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            issuer = statement_issuer(verb.head)
            if issuer is not None:
                return issuer, "statement-issuer"  # "signed a letter urging X": the signer
            return verb.head, "acl-head"
        head, how = subject_of(verb.head)
        return head, f"inherited:{how}"
    if verb.dep_ == "relcl" and verb.head is not verb:
        return verb.head, "relcl-head"
    return None, ""


def _bare_conjunct_of_finite(verb: Token) -> bool:
    """ "jailed a student for helping militants join a group": a bare infinitive with no
    subject or auxiliary of its own cannot be coordinated with a finite or participle verb
    ("has jailed ... and join"); the parser made it a conjunct of the clause's verb when it
    is the complement of a causative ("helping militants join"), so it does not share that
    verb's subject."""
    if verb.tag_ != "VB" or verb.head.tag_ not in ("VBD", "VBN", "VBZ"):
        return False
    own = ("aux", "auxpass", "nsubj", "nsubjpass", "mark")
    return not any(c.dep_ in own for c in verb.children)


def statement_author(verb: Token) -> Token | None:
    """ "Turkey was condemned in a joint statement by Egypt": a passive act done through a
    statement is done by the statement's author."""
    if not _is_passive(verb) and not any(
        c.dep_ in ("nsubjpass", "csubjpass") for c in verb.children
    ):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in STATEMENT_MEDIA:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in STATEMENTS:
                continue
            for by in noun.children:
                if by.dep_ in ("prep", "agent") and by.lower_ == "by":
                    author = next((c for c in by.children if c.dep_ == "pobj"), None)
                    if author is not None:
                        return author
    return None


def statement_issuer(noun: Token) -> Token | None:
    """Who issued a statement noun: "a letter by X", "X's statement", "X signed / issued a
    letter" (an issuing verb, event_appeals.tsv), "X said in a statement"."""
    if noun.lemma_.lower() not in STATEMENTS:
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            if author is not None:
                return author
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.lemma_.lower() in ISSUING:
        return subject_of(head)[0]
    in_statement = noun.dep_ == "pobj" and head.lower_ in STATEMENT_MEDIA
    if in_statement and head.head.pos_ == "VERB" and not _is_passive(head.head):
        return subject_of(head.head)[0]  # "said in a letter urging X"
    return None


def _stance_holder(verb: Token) -> Token | None:
    """ "Israel is opposed to French mediation", "Vietnam is committed to reform": with no
    agent, the participle names its passive subject's own stance, not something done to it."""
    if verb.lemma_.lower() not in STATIVE_PASSIVES:
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    if not any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
        return None
    return passive_target(verb)


def passive_target(verb: Token) -> Token | None:
    """The subject of a passive verb is its target ("Syria was attacked"); a passive conjunct
    shares its head's subject ("Turkey is under sanctions and was condemned by Egypt")."""
    own = next((c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")), None)
    if own is not None or verb.dep_ != "conj" or not _is_passive(verb):
        return own
    return next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def object_of(verb: Token) -> tuple[Token | None, str]:
    """The target: a direct object (or one moved after its "as" description), else the object of
    a target preposition, else a passive's subject."""
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            return child, child.dep_
    shifted = _shifted_object(verb)
    if shifted is not None:
        return shifted, SHIFTED_OBJECT
    for prep in TARGET_PREPS:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == prep:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, f"pobj:{prep}"
    passive = passive_target(verb)
    if passive is not None:
        return passive, "nsubjpass"
    return None, ""


def _shifted_object(verb: Token) -> Token | None:
    """ "denounced as an ugly crime Serbia's crackdown": a long object moved after its "as"
    description, which the parser reads as an apposition to the description or as a second
    object of "as"; it is the verb's object."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if len(pobjs) > 1:
                return pobjs[-1]
            for pobj in pobjs:
                appos = next((c for c in pobj.children if c.dep_ == "appos"), None)
                if appos is not None and not _bracketed(appos):
                    return appos  # "(Vice President of ...)" only spells the description out
    return None


def _bracketed(token: Token) -> bool:
    """Whether the phrase of ``token`` stands in brackets."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text in ("(", "[")


def participants(doc: Document, noun: Token) -> list[Party]:
    """Who joined or attended a meeting noun ("a meeting ... joined/attended by X and Y") or
    authored a proposal ("the plan proposed by France")."""
    found: list[Party] = []
    for clause in noun.subtree:
        if clause.dep_ not in ("relcl", "acl") or clause.pos_ != "VERB":
            continue
        if clause.lemma_.lower() not in JOINING:
            continue  # "victims killed by X": the agent did something else to them
        for child in clause.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    found.extend(actors_of(doc, pobj, "participant"))
    return found


def domestic(source: Party) -> Party | None:
    """The source's own country as the target of an event that names no foreign party."""
    actor = source.actor
    if actor is None or not actor.country:
        return None
    country = Actor(actor.country, actor.country, actor.country, None, "country", "domestic")
    return Party(country, -1, "domestic")


def enumerations(doc: Document, before: int) -> list[list[Party]]:
    """Noun phrases before token ``before`` that name two or more countries, in text order."""
    found: list[list[Party]] = []
    for token in doc.parsed[:before]:
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        named = [
            p
            for p in actors_of(doc, token, "enumerated", refer=False)
            if p.actor and p.actor.country
        ]
        if len({p.actor.country for p in named if p.actor}) >= 2:
            found.append(named)
    return found


def group_members(doc: Document, token: Token, how: str) -> list[Party]:
    """The parties a marked group phrase refers to, or [] when it is not one or none precede."""
    size = gatherings.group_size(token)
    if size is None:
        return role_members(doc, token, how)
    for group in reversed(enumerations(doc, token.i)):
        countries = {p.actor.country for p in group if p.actor}
        if size in (0, len(countries)):
            return [Party(p.actor, token.i, f"{how}:group-ref") for p in group]
    return []


# How many words before a person's name may make up their title ("Israeli prime minister").
TITLE_SPAN = 5


def role_members(doc: Document, token: Token, how: str) -> list[Party]:
    """The people "the energy ministers" refers to: each person named earlier in the same
    paragraph under a title holding the role and every word that narrows it ("energy minister
    Yuval Steinitz, ... energy minister Konstantinos Hatzidakis"); at least two of them, and as
    many as the phrase says when it gives a number.  Else []."""
    role = gatherings.role_plural(token)
    if role is None:
        return []
    word, narrowing, size = role
    assert doc.parsed is not None
    text = doc.parsed.text
    begin = text.rfind("\n\n", 0, token.sent.start_char) + 1  # the paragraph's first character
    found: list[Party] = []
    for actor in doc.actors:
        if actor.kind != "person" or not actor.code or any(p.actor is actor for p in found):
            continue
        for mention in actor.mentions:
            if not begin <= mention.start < token.idx:
                continue
            title = _title_words(doc.parsed, mention.start)
            if word in title and narrowing <= title:
                found.append(Party(actor, token.i, f"{how}:role-ref"))
                break
    if len(found) < 2 or (size and len(found) != size):
        return []
    return found


def _title_words(parsed: Any, start: int) -> set[str]:
    """The lower-case lemmas of the title words right before the name starting at ``start``:
    ("energy minister" Yuval Steinitz); the run stops at punctuation, a conjunction or a
    determiner."""
    span = parsed.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return set()
    first = span[0]
    words: set[str] = set()
    for i in range(first.i - 1, max(first.sent.start, first.i - TITLE_SPAN) - 1, -1):
        t = parsed[i]
        if t.is_punct or t.pos_ in ("CCONJ", "DET", "ADP", "VERB", "AUX", "PRON"):
            break
        words.add(t.lemma_.lower())
    return words
