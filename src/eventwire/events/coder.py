"""Pipeline stage: code the events of a parsed, actor-tagged article (CAMEO + PLOVER).

For every clause verb of a sentence the verb lexicon's patterns give a code
(:mod:`eventwire.events.patterns`), clause constructions may change it ("said that X must" is a
demand: :mod:`eventwire.events.clauses`); the parse gives the parties
(:mod:`eventwire.events.sides`, :mod:`eventwire.events.parties`):
subject or passive agent as source, direct object, a target preposition's object or a meeting's
participants as target, one event per source/target pair.  Event nouns add nominal events
(:mod:`eventwire.events.nominal`).  :mod:`eventwire.events.mood` decides whether the text
asserts the event: negated events are kept and flagged, intents get the CAMEO intent codes,
questions and conditionals are dropped.  Each event's explanation goes to
``doc.explanations[event_id]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventwire import vocabulary
from eventwire.actors import context_country
from eventwire.actors.index import actors_in
from eventwire.document import Document
from eventwire.events import (
    boilerplate,
    clauses,
    codes,
    crowds,
    evaluations,
    implied_authority,
    nominal,
    parties,
    place_states,
    sides,
    unnamed_attackers,
)
from eventwire.events.mood import (
    INTENT_CODES,
    REPORTING,
    Mood,
    intent_code,
    is_purpose_clause,
    mood_of,
    unreal_noun,
)
from eventwire.events.parties import Party
from eventwire.events.patterns import VerbMatch, match_verb
from eventwire.events.record import Explanation, build
from eventwire.events.verbdict import VerbCode
from eventwire.records import Actor, Event

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


__all__ = ["Explanation", "explain", "stage"]

CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "parataxis", "pcomp"}
# Verb defaults whose dictionary block code is the wrong sense when no pattern decides: a bare
# "agreed (on/upon)" is CAMEO 03 (express intent to cooperate), not 050 (diplomatic cooperation).
DEFAULT_SENSE = vocabulary.mapping("verb_default_senses", "verb", "code")
NO_EVENT = "---"  # a verb_default_senses code: the bare verb is no event
# Verbs whose subject is the victim of the act their dictionary code names.
VICTIM_SUBJECT = frozenset(vocabulary.listed("verb_classes", "victim_subject"))
# Sectors of armed groups fighting their own state.
INSURGENTS = {"REB", "INS"}
# PLOVER types that require a recipient (PLOVER manual, per-category "Requires recipient").
NEEDS_RECIPIENT = {"COOPERATE", "AID", "SANCTION"}
# Roots whose act, with nobody else named, is aimed at home: yielding (resigning, lifting a
# curfew), demanding ("demanded immediate elections"), rejecting, threatening.  Measured on
# Wikinews, the others mostly name no one because the object is a thing ("condemned
# anti-semitism", "Thai law forbids", "took place"), and nobody consults, supports or aids
# oneself (04-07).
AT_HOME_ROOTS = {"08", "10", "12", "13"}
# Verbs that commit their subject to their complement's act (data/vocabulary/verb_classes.tsv).
COMMITTING = frozenset(vocabulary.listed("verb_classes", "committing"))
PUBLIC_DEMANDS = frozenset(vocabulary.listed("verb_classes", "public_demand"))
LEGAL_TEXTS = frozenset(vocabulary.listed("event_party_words", "legal_text"))
# Roots whose acts coordinated subjects do to one another when no one else is named: consult,
# diplomatic cooperation (sign agreements), material cooperation, fight.
MUTUAL_ROOTS = {"04", "05", "06", "19"}
# Plain statements (CAMEO 01: "said", "announced", "commented", "expressed condolences") are
# not events in eventwire's convention (eval/data/NEWS-GOLD.md): what a statement says is coded
# when it is an appeal, a demand, praise, criticism, a rejection or a threat.  Measured on the 292
# Wikinews articles, the 30 root-01 events were all statements about no act.
UNCODED_ROOTS = {"01"}
# Roots whose target can be any person the act is done to: coerce, assault, fight, mass violence.
VICTIM_ROOTS = {"17", "18", "19", "20"}
# Time prepositions naming an earlier event ("since the accord"): background, not news.
EARLIER_PREPS = frozenset(vocabulary.listed("event_prepositions", "temporal")) - {"during"}
# Intents (03) coordinated subjects express to each other ("Chile and Peru agreed to ...",
# "are seeking to deepen a partnership"), except pledges, which are made to a third party.
PLEDGING = COMMITTING - {"agree"}
# Verbs of intending: "plans to impose restrictions" states the complement's act as an intent,
# like a commitment does, though to no one in particular.
INTENDING = frozenset(vocabulary.listed("verb_classes", "planning"))
# Verbs whose open complement is the act they express an intent to do.
INTENT_GOVERNORS = COMMITTING | INTENDING


@dataclass
class Candidate:
    """One coded trigger before it becomes events: code, parties, mood and how it was found."""

    code: str
    sources: list[Party]
    targets: list[Party]
    mood: Mood
    explanation: Explanation
    span: tuple[int, int]
    # TABARI paired codes "[a:b]": ``reverse`` is b, the target's act towards the source
    # ("received the envoy" [043:042]: the host hosts, the envoy's state visits); with
    # ``reverse_only`` ("[:b]": "received assurances from X") only that act is coded.
    reverse: str | None = None
    reverse_only: bool = False
    # A pattern coding the same act both ways ("signed an accord" [057:057]): done together.
    symmetric: bool = False


def stage(doc: Document) -> Document:
    """Fill ``doc.events`` (run the nlp and actors stages first)."""
    if doc.parsed is None:
        raise ValueError("events stage needs doc.parsed: run the nlp stage first")
    events: list[Event] = []
    explanations: dict[str, dict[str, Any]] = {}
    skip = boilerplate.spans(doc.parsed.text)  # link lines, captions, "Sources" (boilerplate)
    for idx, sent in enumerate(doc.parsed.sents):
        for event, why in code_sentence(doc, idx, sent):
            if skip and boilerplate.on_boilerplate(event.span, skip):
                continue
            if event.event_id not in explanations:
                events.append(event)
                explanations[event.event_id] = why.to_dict()
    doc.events = events
    doc.explanations = explanations
    return doc


def code_sentence(doc: Document, idx: int, sent: Span) -> list[tuple[Event, Explanation]]:
    """Events of one sentence, verbs first, one per (source, target, root)."""
    verbs = [(verb, c) for verb in sent if (c := _verb_candidate(doc, verb)) is not None]
    nouns = [(noun, c) for noun in sent if (c := _noun_candidate(doc, noun)) is not None]
    # "gave a warm welcome to X": a light verb's own default (giving, 060) is no event when
    # the event noun it carries found its parties; its patterns ("gave assurances") still are.
    carried = {
        noun.head.i
        for noun, c in nouns
        if nominal.is_light_object(noun) and any(t.code for t in c.targets)
    }
    found = [
        c for verb, c in verbs if not (verb.i in carried and c.explanation.rule.startswith("verb:"))
    ]
    found += [c for _, c in nouns]
    out: list[tuple[Event, Explanation]] = []
    seen: set[tuple[str, str, str]] = set()
    for cand in found:
        targets = cand.targets
        if _mutual(cand) and not any(t.code for t in targets):
            cand.sources = _names_in_one_subject(doc, cand.sources)
        # Subjects of the trigger itself or of an event noun's light verb, not inherited ones.
        # A passive's agents count as its subjects when its pattern codes one act done
        # together ("the accord was signed by X, Y and Z", [057:057]); other agents ("the
        # meeting was attended by X and Y", [043:042]) each did it, not to each other.
        by_agent = cand.symmetric
        coordinated = [
            s
            for s in cand.sources
            if s.code
            and ("nsubj" in s.how or (by_agent and s.how.split(":")[0] == "agent"))
            and "inherited" not in s.how
        ]
        # A place standing in for a target ("met in Athens") says where coordinated subjects
        # met, not with whom: "Cyprus, Greece and Israel met in Athens" is a meeting of the
        # three (Greece is one of them, not its host).
        only_places = bool(targets) and all(t.how.startswith("place") for t in targets)
        if (
            (only_places or not any(t.code for t in targets))
            and len({s.code for s in coordinated}) > 1
            and _mutual(cand)
        ):
            targets = cand.sources  # "Israel and Lebanon renewed talks": each with the other
        for src in cand.sources or [Party(None, -1, "")]:
            for tgt in targets or [Party(None, -1, "")]:
                nobody = src.code and not tgt.code and sides.domestic_event(cand.code, targets)
                # "Iraqi Kurds demonstrated in Kirkuk": conflict at home is aimed at the
                # source's own state, which the place only stands for.
                if nobody or _home_ground(src, tgt, cand.code):
                    home = parties.domestic(src)
                    if home is not None and home.code == src.code and _bare_person(src):
                        # A person known only by their country ("Gammon withdrew") acts at
                        # home in no role the codebook can name: no domestic event.
                        continue
                    tgt = home or tgt
                if not (src.code or src.how.endswith(":unnamed")) or not tgt.code:
                    # An event without a known actor on a side cannot be placed in any dyad;
                    # measured, dropping them costs little recall and saves much precision.
                    continue
                if (context_country.roleless(src.actor) and not _assailant(cand.code, tgt)) or (
                    context_country.roleless(tgt.actor) and not _victim_of_force(cand.code, src)
                ):
                    # Measured on the Wikinews gold: events of people known only by the
                    # article's country were right 1 time in 4 (statements, careers, asides).
                    # A private person on the receiving end of force is the exception: "police
                    # shot Rayshard Brooks" names a victim, whatever their role.
                    continue
                if src.actor is tgt.actor or (src.code == tgt.code and tgt.how != "domestic"):
                    continue
                if _at_home(src, tgt, cand.code):
                    continue
                acts = [] if cand.reverse_only else [(src, tgt, cand.code, "")]
                if cand.reverse is not None and src.code and tgt.code and tgt.how != "domestic":
                    acts.append((tgt, src, cand.reverse, "paired code: the target's act"))
                for one, other, code, note in acts:
                    key = (one.code or "", other.code or "", code[:2])
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(_event(doc, idx, sent, cand, one, other, code, note))
    if not out:
        out = _without_recipient(doc, idx, sent, verbs)
    return [(e, x) for e, x in out if e.cameo[:2] not in UNCODED_ROOTS]


def _without_recipient(
    doc: Document, idx: int, sent: Span, verbs: list[tuple[Token, Candidate]]
) -> list[tuple[Event, Explanation]]:
    """The sentence's main event when it names no one on the receiving end ("X agreed to
    resign", "X rejected the plan"): PLOVER types other than COOPERATE, AID and SANCTION do
    not need a recipient.  Only the main clause, and only when nothing else was coded, since
    a side clause without a target is more often background than news."""
    for verb, cand in verbs:
        plover = codes.plover_of(cand.code)[0]
        if not _main_clause(verb) or plover is None or plover in NEEDS_RECIPIENT:
            continue
        if cand.reverse_only:
            continue
        committed = cand.code[:2] == "03" and verb.lemma_.lower() in COMMITTING
        insurgent = (
            cand.code[:2] in unnamed_attackers.CONFLICT_ROOTS
            and all(
                s.actor is not None and s.actor.sector in INSURGENTS for s in cand.sources if s.code
            )
            and not _abroad(doc, sent, cand.sources)
        )
        if cand.code[:2] not in AT_HOME_ROOTS and not committed and not insurgent:
            # ("agreed to resign" is a commitment at home; "Boko Haram launched attacks", an
            # insurgency's violence, is aimed at its own state)
            continue
        if cand.code[:2] == "10" and verb.lemma_.lower() not in PUBLIC_DEMANDS:
            # "demanded elections" asks its own state; "ordered three days of mourning",
            # "signed a decree", "said the 36 must face charges" ask no one.
            continue
        named = [s for s in cand.sources if s.code]
        if not named:
            continue
        note = "no recipient named: the source's own state"
        return [
            _event(doc, idx, sent, cand, src, home, cand.code, note)
            for src in named
            # A state aiming its own act at itself ("Albania denounced" -> ALB ALB) is a
            # missed recipient, not a domestic event: only a part of the state acts at home.
            if (home := parties.domestic(src)) is not None and home.code != src.code
        ]
    return []


def _abroad(doc: Document, sent: Span, sources: list[Party]) -> bool:
    """Whether the sentence names a place outside the sources' countries ("... blew themselves
    up in Tel Aviv"): then their violence was not at home."""
    homes = {s.actor.country for s in sources if s.actor is not None and s.actor.country}
    return any(
        place.country not in homes
        for token in sent
        if (place := place_states.place_at(doc, token.i)) is not None and place.country
    )


def _main_clause(verb: Token) -> bool:
    if verb.dep_ == "ROOT":
        return True
    # "X said it would ...": the reported clause is the news.
    head = verb.head
    return verb.dep_ == "ccomp" and head.dep_ == "ROOT" and head.lemma_.lower() in REPORTING


def _event(
    doc: Document,
    idx: int,
    sent: Span,
    cand: Candidate,
    src: Party,
    tgt: Party,
    code: str,
    note: str,
) -> tuple[Event, Explanation]:
    why = cand.explanation
    why = Explanation(**{**why.to_dict(), "source_how": src.how, "target_how": tgt.how})
    if note:
        why.notes.append(note)
    event = build(
        doc_id=doc.article.id,
        sentence=idx,
        text=sent.text,
        span=cand.span,
        source=(src.code, src.name),
        target=(tgt.code, tgt.name),
        code=code,
        published=doc.article.published,
        negated=cand.mood.negated,
        explanation=why,
    )
    return event, why


def _bare_person(party: Party) -> bool:
    return party.actor is not None and party.actor.kind == "person" and not party.actor.sector


def _home_ground(src: Party, tgt: Party, code: str) -> bool:
    """A conflictual event whose target is only the place where it happened, in the source's
    own country."""
    if code[:2] < "10" or not tgt.how.startswith("place") or src.actor is None:
        return False
    return bool(src.actor.country) and src.actor.country == (
        tgt.actor.country if tgt.actor is not None else None
    )


def _at_home(src: Party, tgt: Party, code: str) -> bool:
    """A cooperative event whose only target is a place in the source's own country says where
    it acted, not with whom ("Iranian officials attended a meeting in Tehran"); conflict at home
    (a curfew, bombs, protests) is aimed at its own state, as the PLOVER GSR codes it."""
    home = src.actor.country if src.actor is not None else None
    if not home or home != (tgt.actor.country if tgt.actor is not None else None):
        return False
    # "called for cooperation among the participating nations": nobody appeals to itself.
    return tgt.how.endswith("group-ref") or (tgt.how.startswith("place") and code[:2] < "10")


def _participial_adjunct(verb: Token) -> bool:
    """ "..., offering support", "..., citing opposition": a participle adjunct without a subject
    of its own elaborates the main event and is not coded as an event of its own."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or clauses.asking_adjunct(verb):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def _describing_clause(verb: Token) -> bool:
    """ "the faction that controls Afghanistan", "Macedonia, which is preparing an offensive":
    a relative clause in the present describes who someone is, as background to the news."""
    if verb.dep_ != "relcl":
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True  # "that controls"
    present_aux = any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return verb.tag_ == "VBG" and present_aux  # "which is preparing"


def _governor_codes(verb: Token) -> bool:
    """An open complement ("agreed to set up") belongs to its governing verb's pattern, and so
    does a bare verb coordinated with it ("called on X to unite and expel Y")."""
    verb = _first_bare_conjunct(verb)
    if verb.dep_ == "xcomp":
        governor = verb.head
    elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        governor = verb.head.head  # "warned X against keeping up", "accused X of attacking"
    else:
        return False
    if governor.pos_ != "VERB":
        return False
    m = match_verb(governor)
    return m is not None and m.code.forward is not None


def _first_bare_conjunct(verb: Token) -> Token:
    """The first of coordinated bare infinitives without subjects of their own ("to unite and
    expel"): the later ones share its "to" and its place in the sentence."""
    while (
        verb.dep_ == "conj"
        and verb.tag_ == "VB"
        and verb.head.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        verb = verb.head
    return verb


@dataclass
class VerbReading:
    """What the verb path has decided so far about one clause verb (see ``VERB_RULES``)."""

    doc: Document
    verb: Token
    m: VerbMatch | None = None
    mood: Mood = field(default_factory=lambda: Mood("happened", False))
    code: str = ""
    reverse: str | None = None
    sources: list[Party] = field(default_factory=list)
    source_path: str = ""
    targets: list[Party] = field(default_factory=list)
    target_path: str = ""
    # Set by a rule that ends the path with a candidate of its own (a construction, a "[:b]"
    # pattern); a rule that ends the path without one leaves it None.
    result: Candidate | None = None

    def candidate(self) -> Candidate:
        assert self.m is not None  # code_from_lexicon stops the path without a match
        path = f"{self.source_path}←{self.verb.text}→{self.target_path}"
        why = _explain(self.verb, self.m, path, self.mood)
        span = _span(self.verb, self.sources, self.targets)
        symmetric = self.m.pattern is not None and self.m.code.reverse == self.m.code.forward
        return Candidate(
            self.code,
            self.sources,
            self.targets,
            self.mood,
            why,
            span,
            self.reverse,
            symmetric=symmetric,
        )


def clause_can_report(r: VerbReading) -> bool:
    """1. Only a clause verb that can carry news of its own: not a purpose clause ("to
    help"), a complement its governor's pattern codes ("agreed to set up"), a participial
    adjunct (", citing opposition") or a present relative clause describing someone."""
    verb = r.verb
    if verb.pos_ != "VERB" or (verb.dep_ not in CLAUSE_DEPS and not clauses.statement_appeal(verb)):
        return False
    if is_purpose_clause(verb) or _governor_codes(verb) or _participial_adjunct(verb):
        return False
    return not _describing_clause(verb)


def asserted(r: VerbReading) -> bool:
    """2. The text asserts it: questions, conditionals and hypotheticals end the path
    (:func:`eventwire.events.mood.mood_of`); negation is kept as a flag."""
    r.m = match_verb(r.verb)
    r.mood = mood_of(r.verb)
    return r.mood.coded


def fixed_by_construction(r: VerbReading) -> bool:
    """3. A clause construction fixes the code and the one asked (a refusal, "said X must",
    an appeal): :func:`_construction`; the path ends with its candidate."""
    construction = _construction(r.verb, r.m, r.mood)
    if construction is None:
        return True
    code, asked, note = construction
    m = VerbMatch(VerbCode(code), r.m.entry if r.m else None, None, 0, r.verb.lemma_.lower())
    mood = r.mood
    if note == "refusal":
        mood = Mood("happened", False, "refusal: a negated commitment to cooperate")
    code = _asked_for(r.verb, code, asked)
    sources, source_path = sides.sources(r.doc, r.verb)
    targets, target_path = sides.targets(r.doc, r.verb, code)
    if asked is not None:
        named = [p for p in parties.actors_of(r.doc, asked, f"{note}:nsubj") if p.code]
        if named:
            targets, target_path = named, f"{note}→nsubj"
    why = _explain(r.verb, m, f"{source_path}←{r.verb.text}→{target_path}", mood)
    why.notes.append(f"construction: {note}")
    r.result = Candidate(code, sources, targets, mood, why, _span(r.verb, sources, targets))
    return False


def code_from_lexicon(r: VerbReading) -> bool:
    """4. The verb lexicon's pattern, else its default, gives the code; an intent word's open
    complement with no code of its own is a commitment (030); a "[:b]" pattern (the subject
    receives) ends the path with the other party's act."""
    m, verb = r.m, r.verb
    if (m is None or m.code.forward is None) and r.mood.kind == "intent" and verb.dep_ == "xcomp":
        # "is willing to withdraw", "vowed to continue": the commitment itself is CAMEO 030.
        m = r.m = VerbMatch(VerbCode("030"), None, None, 0, verb.lemma_.lower())
    reverse = m.code.reverse if m is not None and m.pattern is not None else None
    if m is not None and reverse == m.code.forward:
        # "[046:046]": a symmetric act ("held talks with") is one interaction, recorded once.
        reverse = None
    if m is None:
        return False
    if m.code.forward is None:
        if reverse is not None:
            r.result = _reverse_candidate(r.doc, verb, m, reverse, r.mood)
        return False
    r.code, r.reverse = m.code.forward, reverse
    return True


def sense_and_intent(r: VerbReading) -> bool:
    """5. A default with a known wrong sense takes its right one ("agreed" is 030); an intent
    takes the intent code (130 with an ultimatum); a committing verb's complement names the
    kind of intent ("pledged to provide aid")."""
    assert r.m is not None
    verb = r.verb
    if r.m.pattern is None and r.m.lemma in DEFAULT_SENSE:
        if DEFAULT_SENSE[r.m.lemma] == NO_EVENT:
            return False  # "expects no turmoil", "needs experience": no act at all
        r.code = DEFAULT_SENSE[r.m.lemma]
    if r.mood.kind == "intent":
        r.code = "130" if clauses.has_ultimatum(verb) else intent_code(r.code)
    complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if complement is not None and verb.lemma_.lower() in INTENT_GOVERNORS:
        # "agreed to set up", "pledged to provide aid": an expressed intent (CAMEO 03), whose
        # kind is the complement's event when the codebook has an intent code for it.
        inner = match_verb(complement)
        inner_code = inner.code.forward if inner is not None else None
        r.code = intent_code(inner_code) if inner_code and inner_code[:2] in INTENT_CODES else "030"
    r.code = _asked_for(verb, r.code)
    return True


def _asked_for(verb: Token, code: str, asked: Token | None = None) -> str:
    """An unspecified appeal or demand (020, 100) takes the code of the act it asks for ("urged
    Russia to release the prisoners": 0253; :func:`eventwire.events.clauses.specific_code`)."""
    if code not in clauses.ASKED_FOR:
        return code
    act = clauses.asked_act(verb, asked)
    inner = match_verb(act) if act is not None else None
    if inner is None or (inner.pattern is None and inner.lemma not in clauses.ASKED_BY_DEFAULT):
        return code  # a verb's default is often another sense ("urged residents to evacuate")
    return clauses.specific_code(code, act, inner.code.forward)


def evaluative_description(r: VerbReading) -> bool:
    """5b. A describing verb whose description of its object is negative or positive is
    criticism (111) or praise (051), whatever its block says: "called Trump a clown" is no
    phone call, "described the speech as flat" no plain statement
    (:mod:`eventwire.events.evaluations`)."""
    code = evaluations.evaluative_code(r.verb)
    if code is not None and r.mood.kind != "intent" and r.code[:2] != code[:2]:
        # (a pattern's own criticism, "labeled X as a terrorist" 1123, is more specific)
        r.code, r.reverse = code, None
    return True


def gathered_to_protest(r: VerbReading) -> bool:
    """5c. A crowd that gathered to protest ("thousands rallied in Washington to protest the
    results") made that protest: the gathering takes its purpose's protest code
    (:func:`eventwire.events.crowds.gathering_purpose`), not a rally of support (053)."""
    purpose = crowds.gathering_purpose(r.verb)
    inner = match_verb(purpose) if purpose is not None and r.mood.kind != "intent" else None
    if inner is None:
        return True
    # The gathering picks the protest sense: "to protest the election" is no "contest".
    senses = [inner.code.forward, inner.entry.code.forward if inner.entry else None]
    protest = next((c for c in senses if c and c[:2] == "14"), None)
    if protest is not None:
        r.code, r.reverse = protest, None
    return True


def not_a_report(r: VerbReading) -> bool:
    """6. A reporting verb with a complement clause is no event: the one it reports is."""
    return not (r.code[:2] == "01" and any(c.dep_ == "ccomp" for c in r.verb.children))


def find_sources(r: VerbReading) -> bool:
    """7. The source (:func:`eventwire.events.sides.sources`); the public's blocking is a
    protest (144), its destroying violent protest (145), not what a state does (170, 171)."""
    assert r.m is not None
    if _subject_lemma(r.verb) in LEGAL_TEXTS:
        # "Interpol's constitution prohibits ...", "the amendment, which banned the sale of
        # alcohol": a standing text's rule, not an act of its author.
        return False
    r.sources, r.source_path = sides.sources(r.doc, r.verb)
    if not any(p.code for p in r.sources):
        announced = sides.coercion_announcer(r.doc, r.verb, r.code)
        if announced is not None:
            r.sources, r.source_path = announced
    if sides.by_the_public(r.sources):
        if r.m.pattern is None and r.m.lemma in crowds.CROWD_OBSTRUCTING:
            # "protesters surrounded the senator": obstruction (144), not an armed siege
            r.code = "144"
        elif r.m.pattern is None and r.code == "170":
            # "workers blocked the bridge": the public obstructing passage protests (CAMEO
            # 144); the block's default, coercion (170), is what authorities do.
            r.code = "144"
        elif r.code[:3] == "171":
            # "protesters destroyed / set fire to buildings": violent protest (145, PLOVER
            # PROTEST "vandalize"), where the same act by a state is seizing or damaging
            # property (171).
            r.code = "145"
    return True


def _subject_lemma(verb: Token) -> str:
    """The lemma of the noun the verb's clause is about: its subject, or the noun a relative
    clause hangs on ("the amendment, which banned ...")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in sides.RELATIVE_TAGS and verb.dep_ == "relcl":
        subject = verb.head
    return subject.lemma_.lower() if subject is not None else ""


def find_targets(r: VerbReading) -> bool:
    """8. The target (:func:`eventwire.events.sides.targets`)."""
    r.targets, r.target_path = sides.targets(r.doc, r.verb, r.code)
    return True


def verbal_attack(r: VerbReading) -> bool:
    """8a. A verb of force between politicians is words: "blasted Trump", "the senator
    attacked the governor" are criticism (111), not bombing or assault
    (:func:`eventwire.events.evaluations.verbal_attack_code`)."""
    r.code = evaluations.verbal_attack_code(r.verb, r.code, r.sources, r.targets)
    return True


def mediated_parties(r: VerbReading) -> bool:
    """8b. Mediating (045) with no one named is aimed at each party of what was mediated:
    "brokered a deal establishing relations between Morocco and Israel" mediates toward
    Morocco and toward Israel (:func:`eventwire.events.nominal.member_tokens`)."""
    if r.code[:3] != "045" or any(t.code for t in r.targets):
        return True
    for obj in (c for c in r.verb.children if c.dep_ in ("dobj", "obj")):
        members = [
            p
            for pobj, path in nominal.member_tokens(obj)
            for p in parties.actors_of(r.doc, pobj, path)
            if p.code
        ]
        if members:
            r.targets, r.target_path = members, members[0].how
    return True


def victims_and_attackers(r: VerbReading) -> bool:
    """9. A victim-subject verb ("died in a Chilean air strike") takes its attacker from the
    attack noun, and is no event without one; a violent act with no named source takes the
    attack noun's holder, and its passive subject as the target."""
    doc, verb = r.doc, r.verb
    if verb.lemma_.lower() in VICTIM_SUBJECT:
        # "Three soldiers died in a Chilean air strike": the subject is the one killed; a
        # death no attack is named for ("died of his wounds", "died in a crash") is no event.
        attackers = _attack_holders(doc, verb)
        if not attackers:
            return False
        r.targets, r.target_path = [p for p in r.sources if p.code], f"{r.source_path}:victim"
        r.sources, r.source_path = attackers, "prep→attack→holder"
    elif unnamed_attackers.applies(r.code) and not any(p.code for p in r.sources):
        attackers = _attack_holders(doc, verb)
        victim = parties.passive_target(verb)
        if attackers:
            r.sources, r.source_path = attackers, "prep→attack→holder"
            gerund = _gerund_attack_on(verb)
            if gerund is not None:
                # "killed in Israeli shelling": the place the verb's phrase seemed to name is the
                # attacker; the attack's own place phrase hangs on the misparsed noun.
                r.targets, r.target_path = sides.place_targets(doc, [gerund])
                r.target_path = f"gerund-attack→{r.target_path}"
            if victim is not None and not any(p.code for p in r.targets):
                r.targets = [p for p in parties.actors_of(doc, victim, "nsubjpass") if p.code]
                r.target_path = "nsubjpass"
    return True


def unnamed_perpetrator(r: VerbReading) -> bool:
    """10. An attack by someone the text does not name ("a bomb exploded", "gunmen opened
    fire") is coded with an empty source (:mod:`eventwire.events.unnamed_attackers`)."""
    if unnamed_attackers.applies(r.code):
        unnamed = unnamed_attackers.attribute(r.doc, r.verb, r.sources, r.targets)
        if unnamed is not None:
            r.sources, r.targets, r.source_path = unnamed
    return True


def implied_authority_source(r: VerbReading) -> bool:
    """10b. An arrest or conviction told in the passive with no agent ("twenty people were
    arrested") is the police's or the courts' of the country where it happened
    (:mod:`eventwire.events.implied_authority`)."""
    if not any(s.code for s in r.sources):
        found = implied_authority.implied(r.doc, r.verb, r.targets)
        if found is not None:
            r.sources, r.targets, how = found
            r.source_path = "passive:implied-authority"
            if how == "nsubjpass":
                r.target_path = how
    return True


def threatened_party(r: VerbReading) -> bool:
    """11. A threat with no named target is aimed at the one whose act is its condition
    ("threatened to strike if Y ...")."""
    if r.code[:2] == "13" and not any(t.code for t in r.targets):
        subject = clauses.condition(r.verb)
        if subject is not None:
            named = [p for p in parties.actors_of(r.doc, subject, "condition") if p.code]
            if named:
                r.targets, r.target_path = named, "advcl:if→nsubj"
    return True


def paired_act(r: VerbReading) -> bool:
    """12. A paired code ("received the envoy" [043:042]) keeps the target's act unless the
    event is only intended; a receiving verb's other party is named by "from"."""
    if r.mood.kind == "intent":
        r.reverse = None  # the other side's act has not happened either
    if r.reverse is not None and not any(t.code for t in r.targets):
        r.targets, r.target_path = _givers(r.doc, r.verb)
    return True


# The verb path in order (docs/events.md, "The verb path"): each rule reads and refines the
# reading; one that returns False ends the path, with the candidate it set or with none.
VERB_RULES = (
    clause_can_report,
    asserted,
    fixed_by_construction,
    code_from_lexicon,
    sense_and_intent,
    evaluative_description,
    gathered_to_protest,
    not_a_report,
    find_sources,
    find_targets,
    verbal_attack,
    mediated_parties,
    victims_and_attackers,
    unnamed_perpetrator,
    implied_authority_source,
    threatened_party,
    paired_act,
)


def _verb_candidate(doc: Document, verb: Token) -> Candidate | None:
    """The candidate event of a clause verb, by the rules of ``VERB_RULES`` in order."""
    if verb.pos_ != "VERB":
        return None  # clause_can_report's first test, before building a reading for every word
    reading = VerbReading(doc, verb)
    for rule in VERB_RULES:
        if not rule(reading):
            return reading.result
    return reading.candidate()


def _givers(doc: Document, verb: Token) -> tuple[list[Party], str]:
    """ "received weapons from X", "got a call from X": the other party of a receiving verb."""
    return sides.phrase_targets(doc, verb, ("from",))


def _attack_holders(doc: Document, verb: Token) -> list[Party]:
    """ "were killed in Israeli tank shelling", "died in a Syrian air strike": whose attack the
    clause's own preposition names is who did it."""
    for prep in verb.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("in", "by", "during"):
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if _gerund_attack(verb, pobj) is not None:
                found = _gerund_attack_doers(doc, pobj)
                if found:
                    return found
                continue
            entry = nominal.event_noun(pobj)
            if entry is None or not unnamed_attackers.applies(entry[0]):
                continue
            holder, how = nominal.source_token(pobj)
            if holder is None or holder.pos_ in ("VERB", "AUX"):
                continue
            found = _noun_doers(doc, pobj, holder, how)
            if found:
                return found
    return []


def _gerund_attack(verb: Token, pobj: Token) -> Token | None:
    """ "were killed in Israeli tank shelling": the parser may read an attack noun in -ing as a
    verb of its own hung on the clause's verb, leaving its modifiers ("Israeli tank") as the
    preposition's object; the attack noun is then the word right after that object."""
    doc = pobj.doc
    if pobj.i + 1 >= len(doc):
        return None
    word = doc[pobj.i + 1]
    if word.tag_ != "VBG" or word.head != verb or word.lower_ not in nominal.EVENT_NOUNS:
        return None
    return word if unnamed_attackers.applies(nominal.EVENT_NOUNS[word.lower_][0]) else None


def _gerund_attack_doers(doc: Document, pobj: Token) -> list[Party]:
    """The nationality that modifies a misparsed attack noun: the preposition's object itself
    ("in Israeli shelling") or its own nationality modifier ("in Israeli tank shelling")."""
    holder, how = (pobj, "pobj") if pobj.text[:1].isupper() else nominal.source_token(pobj)
    if holder is None or holder.pos_ in ("VERB", "AUX"):
        return []
    return _noun_doers(doc, pobj, holder, f"gerund-attack:{how}")


def _gerund_attack_on(verb: Token) -> Token | None:
    """The misparsed attack noun of one of the verb's prepositional phrases (_gerund_attack)."""
    for prep in verb.children:
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            gerund = _gerund_attack(verb, pobj)
            if gerund is not None:
                return gerund
    return None


def _reverse_candidate(
    doc: Document, verb: Token, m: VerbMatch, reverse: str, mood: Mood
) -> Candidate | None:
    """A "[:b]" pattern: the subject receives; the act coded is the other party's."""
    if mood.kind == "intent":
        return None
    sources, source_path = sides.sources(doc, verb)
    targets, target_path = sides.targets(doc, verb, reverse)
    if not any(t.code for t in targets):
        targets, target_path = _givers(doc, verb)
    why = _explain(verb, m, f"{source_path}←{verb.text}→{target_path}", mood)
    span = _span(verb, sources, targets)
    return Candidate(reverse, sources, targets, mood, why, span, reverse, reverse_only=True)


def _construction(
    verb: Token, m: VerbMatch | None, mood: Mood
) -> tuple[str, Token | None, str] | None:
    """A clause construction that fixes the code (and the one asked): see events.clauses."""
    forward = m.code.forward if m is not None else None
    if clauses.is_refusal(verb, forward, mood.negated, mood.kind):
        return "120", None, "refusal"
    clause = clauses.must_clause(verb)
    if clause is not None:
        subject = next(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
        return "100", subject, "must-demand"
    asked = clauses.appeal_target(verb)
    if asked is not None:
        return "020", asked, "appeal"
    return _asking_construction(verb, forward)


def _asking_construction(verb: Token, forward: str | None) -> tuple[str, Token, str] | None:
    """The one asked where the parse hides it (issue 16, events.clauses): "said Y should",
    "called for Y to", "joined the calls asking Y to", "demanded from Y to"."""
    asked = clauses.should_clause(verb)
    if asked is not None:
        return "020", asked, "should-appeal"
    asked = clauses.called_for(verb)
    if asked is not None:
        return "020", asked, "called-for"
    joined = clauses.joined_call(verb)
    if joined is not None:
        return joined[0], joined[1], "joined-call"
    asked = clauses.asked_from(verb)
    if asked is not None and forward is not None and forward[:2] in ("02", "10"):
        return forward, asked, "asked-from"
    asked = clauses.written_to(verb)
    if asked is not None and forward is not None and forward[:2] in ("02", "10"):
        return forward, asked, "written-to"
    return None


def _noun_candidate(doc: Document, noun: Token) -> Candidate | None:
    entry = nominal.event_noun(noun)
    if entry is None or unreal_noun(noun) is not None:  # "a planned trip" (events.mood)
        return None
    code, preps = entry
    if crowds.only_placed(noun) and not crowds.told_as_happening(noun):
        return None  # "fears of unrest", "the suppression of Albanian unrest" (events.crowds)
    targets: list[Party] = []
    for pobj, path in nominal.target_tokens(noun, preps):
        targets += [p for p in parties.actors_of(doc, pobj, path) if p.code]
    if not targets and code[:3] == "115":
        # "a lawsuit challenging X": the suit names whom it is against by a participle.
        for obj, path in nominal.contested_tokens(noun):
            targets += [p for p in parties.actors_of(doc, obj, path) if p.code]
    if not targets and nominal.is_light_object(noun):
        # "gave a warm welcome on Thursday to X", "held talks yesterday with X": the noun's
        # preposition may hang on its light verb.
        for pobj, path in nominal.target_tokens(noun.head, preps):
            targets += [p for p in parties.actors_of(doc, pobj, path) if p.code]
    if not targets and code[:2] == "14":
        # "staged a protest in Beijing": a protest is aimed at the place's state, else (no
        # place) at the protesters' own state (see sides.domestic_event).
        targets, _ = sides.place_targets(doc, [noun, noun.head])
    elif not targets and code[:2] != "04" and code[:3] not in sides.DOMESTIC_COERCION:
        # A meeting noun may name its parties as coordinated subjects instead ("Israel and
        # Lebanon renewed negotiations"): code_sentence pairs them up, or drops the event;
        # a curfew or martial law is imposed at home (sides.domestic_event); its listed
        # parties make it ("a memorandum was signed between Norway and Iceland").
        return _members_candidate(doc, noun, code)
    holder, how = nominal.source_token(noun)
    if holder is None:
        return _members_candidate(doc, noun, code) or _protest_at(doc, noun, code, targets)
    if how.startswith("light:") and _codes_itself(holder, code):
        return None  # "started a hunger strike": the verb's own pattern coded this act
    mood = Mood("happened", False)
    if holder.pos_ in ("VERB", "AUX"):
        mood = mood_of(holder)
        if not mood.coded or is_purpose_clause(holder):
            return None
        if mood.kind == "intent":
            code = intent_code(code)
        # The light verb's subject, or the reporter for "said it would tighten the blockade".
        found, path = sides.sources(doc, holder)
        sources = [Party(p.actor, p.token, f"{how}:{path}") for p in found]
    else:
        sources = _noun_doers(doc, noun, holder, how)
    sources = [p for p in sources if p.code]
    if not sources:
        # "During the meeting of X, Y and Z, the pipeline was discussed": the scene's verb
        # names no doer, the noun its own parties; "anti-government protests continue in
        # Baghdad": the modifier names no one, the place the protesters.
        return _members_candidate(doc, noun, code) or _protest_at(doc, noun, code, targets)
    target_how = targets[0].how if targets else "∅"
    line = f"[{code}] targets: {', '.join(preps)}"
    why = _noun_explanation(noun, line, f"{how}→{noun.text}→{target_how}", how, target_how, mood)
    return Candidate(code, sources, targets, mood, why, _span(noun, sources, targets))


def _protest_at(doc: Document, noun: Token, code: str, targets: list[Party]) -> Candidate | None:
    """ "Protests escalated in Atlanta", "a protest in Forbury Gardens": a protest whose
    protesters the text does not name is by the public of the place it happened in (sector
    OPP, as news coders code an unnamed crowd), aimed at that place's state; the place is the
    noun's, else its clause's, else the article's clear lead country (events.crowds)."""
    if code[:2] != "14" or not crowds.is_crowd_protest(noun):
        return None
    if not crowds.told_as_happening(noun):
        return None
    place = targets[0] if targets else crowds.crowd_place(doc, noun)
    if place is None or place.actor is None or not place.actor.country:
        return None
    if not place.how.startswith("place"):
        return None
    country = place.actor.country
    crowd = Actor(
        f"protesters in {place.actor.name}",
        f"{country}OPP",
        country,
        "OPP",
        "agent",
        context_country.CLAUSE_PLACE,
    )
    source = Party(crowd, noun.i, "place:protesters")
    mood = Mood("happened", False)
    line = f"[{code}] protesters: the place's public"
    why = _noun_explanation(noun, line, f"{noun.text}→{place.how}", source.how, place.how, mood)
    return Candidate(code, [source], [place], mood, why, _span(noun, [source], [place]))


def _noun_explanation(
    noun: Token, line: str, path: str, source_how: str, target_how: str, mood: Mood
) -> Explanation:
    lemma = noun.lemma_.lower()
    return Explanation(
        trigger=noun.text,
        lemma=lemma,
        kind="noun",
        rule=f"noun:{lemma}",
        dictionary_line=f"{lemma} {line}",
        parse_path=path,
        source_how=source_how,
        target_how=target_how,
        mood=mood.kind,
        mood_why=mood.why,
    )


def _members_candidate(doc: Document, noun: Token, code: str) -> Candidate | None:
    """A mutual event noun whose parties are listed on it and who has no other doer ("a
    meeting between Iran and Russia", "the trilateral meeting of Cyprus, Greece and Israel"):
    each party does it with each other, as with coordinated subjects."""
    if code[:2] not in MUTUAL_ROOTS:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in EARLIER_PREPS:
        return None  # "demobilized since the peace accord between X and Y": background
    members = [
        p for pobj, path in nominal.member_tokens(noun) for p in parties.actors_of(doc, pobj, path)
    ]
    members = [p for p in members if p.code]
    if len({p.code for p in members}) < 2:
        return None
    mood = Mood("happened", False)
    how = members[0].how
    line = f"[{code}] members: {', '.join(nominal.MEMBER_PREPS)}"
    why = _noun_explanation(noun, line, f"{noun.text}→{how}", how, how, mood)
    return Candidate(code, members, members, mood, why, _span(noun, members, members))


def _noun_doers(doc: Document, noun: Token, holder: Token, how: str) -> list[Party]:
    """The coded doers an event noun's possessor or modifier names; else the nationality words
    on the noun that the actors stage left uncoded ("Israeli strikes on Syria", "killed in
    Israeli tank shelling")."""
    found = [p for p in parties.actors_of(doc, holder, how) if p.code]
    return found or [Party(a, holder.i, f"{how}:demonym") for a in parties.demonym_actors(noun)]


def _victim_of_force(code: str, src: Party) -> bool:
    """Whether a person with no known role can be this event's target: the victim of coercion,
    assault or fighting (CAMEO 17-20) by a named doer.  (Measured: with unnamed doers too, most
    of what it added were deaths and launches no one did: "was found dead", "was launched".)"""
    return code[:2] in VICTIM_ROOTS and bool(src.code)


def _assailant(code: str, tgt: Party) -> bool:
    """Whether a person with no known role can be this event's source: the one who assaults
    (CAMEO 18: stabbing, shooting, killing) a coded target -- "Usman Khan stabbed several
    people" names the attacker, whatever his role."""
    return code[:2] == "18" and bool(tgt.code)


def _mutual(cand: Candidate) -> bool:
    """Whether coordinated subjects with no one else named did it to each other: meetings,
    agreements, cooperation, fighting ("Israel and Lebanon renewed talks", "the two armies
    clashed") -- not what each did to a third party left unsaid ("China, Iran and Russia
    pledged funds", "three nations offered military assistance")."""
    if cand.code[:2] in MUTUAL_ROOTS:
        return True
    return cand.code[:2] == "03" and cand.explanation.lemma not in PLEDGING


def _names_in_one_subject(doc: Document, sources: list[Party]) -> list[Party]:
    """ "US President Donald Trump and Turkish President Recep Tayyip Erdoğan spoke": the parser
    reads two titled names joined by "and" as one name, the second's head carrying the first
    (and the coordination) among its modifiers, so the subject gives one actor.  When the
    subject's modifiers hold a coordination, every actor named before its head is a subject."""
    named = [s for s in sources if s.code]
    if len(named) != 1 or "nsubj" not in named[0].how or named[0].token < 0:
        return sources
    assert doc.parsed is not None
    head = doc.parsed[named[0].token]
    modifiers = [t for left in head.lefts for t in left.subtree]
    if not any(t.dep_ == "conj" for t in modifiers):
        return sources
    lo = min(t.idx for t in modifiers)
    actors = [a for a in actors_in(doc, lo, head.idx + len(head.text)) if a.code]
    if len({a.code for a in actors}) < 2:
        return sources
    return [Party(a, head.i, f"{named[0].how}:coordinated") for a in actors]


def _codes_itself(verb: Token, code: str) -> bool:
    m = match_verb(verb)
    if m is None or m.pattern is None or m.on_passive_subject:
        # "a memorandum was signed between X and Y": the passive verb's pattern matched the
        # noun itself, whose listed members are the parties the verb lacks.
        return False
    return (m.code.forward or "")[:2] == code[:2]


def _explain(verb: Token, m: VerbMatch, path: str, mood: Mood) -> Explanation:
    return Explanation(
        trigger=verb.text,
        lemma=m.lemma,
        kind="verb",
        rule=m.rule,
        dictionary_line=m.dictionary_line(),
        parse_path=path,
        source_how="",
        target_how="",
        mood=mood.kind,
        mood_why=mood.why,
    )


def _span(trigger: Token, sources: list[Party], targets: list[Party]) -> tuple[int, int]:
    """Characters from the first to the last word involved (trigger and party heads)."""
    doc = trigger.doc
    tokens = [trigger] + [doc[p.token] for p in (*sources, *targets) if p.token >= 0]
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def explain(event: Event, doc: Document) -> dict[str, Any]:
    """The structured explanation of an event coded in ``doc`` (empty if unknown)."""
    return dict(doc.explanations.get(event.event_id, {}))
