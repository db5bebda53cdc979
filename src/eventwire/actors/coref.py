"""In-document coreference, rule-based and conservative: when in doubt, leave a mention out.

Rules: a partial name of a known person is that person ("Shamkhani"); a "respectively" list
pairs countries with names in order; a definite role description ("Iran's top security
official", "his Russian counterpart", "the minister") is the one person introduced before it
with that country and role; "the regime" is the actor last named "... regime"; a subject "he" or
"she" is the only person in the sentence so far, else the previous sentence's person subject
when it was the only person there. "it" and "they" are never resolved (too often wrong).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from eventwire.actors.draft import Draft, Role, Work
from eventwire.actors.matcher import key_of
from eventwire.actors.persons import surname_index
from eventwire.actors.roles import COUNTRY_KINDS, GENERIC_ROLES, ROLE_WORDS
from eventwire.actors.wordlists import COREF_WORDS, NAME_WORDS, word_list

SUBJECTS = ("nsubj", "nsubjpass")
# The words live in data/vocabulary/actor_coref_words.tsv.
# "the regime": with no longer phrase of that head before it, the one country named before.
STATE_HEADS = word_list(COREF_WORDS, "state_head")
# What may stand between the items of a "respectively" list.
LIST_GLUE = word_list(COREF_WORDS, "list_glue")
# Subject pronouns resolved to the only person in view ("it" and "they" never are).
PRONOUNS = word_list(COREF_WORDS, "pronoun")
# Countries whose people put the family name first (data/vocabulary/actor_name_words.tsv).
SURNAME_FIRST = word_list(NAME_WORDS, "surname_first")


def same_person(work: Work, words: tuple[str, ...], at: int | None = None) -> Draft | None:
    """The one person whose fuller name ends with ``words`` ("Shamkhani" -> "Ali Shamkhani").

    When several fuller names fit and ``at`` (the partial mention's first token) is given, the
    one introduced before ``at`` is meant if only one was: news names a person in full before
    using the surname alone, so "Kamala Harris ... Harris said" is her even if her father
    "Donald J. Harris" is named further down.

    One word is also the surname of a name in the person's dictionary entry, the word before
    the last of a name of three words or more ("Vázquez" for "Wanda Vázquez Garced"), a middle
    word a dictionary person of the same country has as surname ("Kabila" for "Joseph Kabila
    Kabange"), or the first word of a name from a country that puts the family name first
    ("Xi", "Moon Jae-in" -> "Moon").
    """
    if not words:
        return None
    fuller = [
        d
        for d in work.drafts
        if d.kind == "person" and len(words) < len(d.words) and set(words) <= set(d.words)
    ]
    found = [d for d in fuller if d.words[-1] == words[-1]]
    if not found and len(words) == 1:
        found = [d for d in fuller if _other_surname(work, d, words[0])]
    if len(found) > 1 and at is not None:
        found = _introduced_before(found, at)
    return found[0] if len(found) == 1 else None


def _introduced_before(found: list[Draft], at: int) -> list[Draft]:
    """The persons of ``found`` first named before token ``at`` (all of them if none was)."""
    earlier = [d for d in found if d.first_token() < at]
    return earlier or found


def _other_surname(work: Work, draft: Draft, word: str) -> bool:
    """``word`` names the person of ``draft`` though it is not the last word of its name."""
    if draft.entry is not None and any(
        len(p.split(" ")) > 1 and key_of(p).split(" ")[-1] == word for p in draft.entry.phrases
    ):
        return True
    if len(draft.words) > 2 and draft.words[-2] == word:
        return True  # the father's surname of a Spanish double surname: "Wanda Vázquez Garced"
    countries = {draft.country} if draft.country else set()
    if draft.entry is not None:
        countries |= {span.code[:3] for span in draft.entry.codes}
    if not countries or word not in draft.words:
        return False
    if draft.words[0] == word:
        return bool(countries & SURNAME_FIRST)
    # A middle word that a dictionary person of the same country has as surname: "Kabila" for
    # "Joseph Kabila Kabange" ("joseph kabila" is in Phoenix), not "Carlos" for a Chilean
    # "Juan Carlos Jobet".
    entries = surname_index(work.lexicon).by_surname.get(word, ())
    return any(span.code[:3] in countries for i in entries for span in work.lexicon.entry(i).codes)


def surnames(work: Work) -> None:
    """Capitalised tokens left unclaimed that are a known person's surname (NER said NORP/ORG)."""
    for token in work.tokens:
        if not token.text[:1].isupper() or not work.free(token.i, token.i + 1):
            continue
        person = same_person(work, (key_of(token.text),), token.i)
        if person is not None:
            work.mention(person, token.i, token.i + 1, "coref")


def respectively(work: Work) -> None:
    """ "counterparts from Russia and China, A and B, respectively": A is Russian, B Chinese."""
    for token in work.tokens:
        if token.lower_ != "respectively":
            continue
        sent = work.sents[work.sent_of[token.i]]
        names = sorted(
            (start, draft)
            for draft in work.drafts
            if draft.kind == "person"
            for start, _end, _how in draft.mentions
            if sent.start <= start < token.i
        )
        if len(names) < 2:
            continue
        countries = [
            hit
            for hit in work.hits
            if sent.start <= hit.start
            and hit.end <= names[-1][0]
            and hit.first(*COUNTRY_KINDS) is not None
        ]
        if not countries:
            continue
        # Only the names after the last country belong to the list.
        names = [(s, d) for s, d in names if s >= countries[-1].end]
        listed = countries[-len(names) :]
        if len(listed) != len(names) or not _coordinated(work, [h.start for h in listed]):
            continue
        sector = _noun_before(work, listed[0].start)
        for hit, (_start, draft) in zip(listed, names, strict=True):
            match = hit.first(*COUNTRY_KINDS)
            country = work.lexicon.country_of(match.code) if match and match.code else None
            if country is None:
                continue
            role = Role(hit.start, hit.end, country, sector[1] if sector else None)
            role.words.add(sector[0] if sector else "counterpart")
            draft.titles |= role.words
            if draft.role is None or draft.role.country is None:
                draft.role = role
                noun = sector[0] if sector else ""
                where = work.parsed[hit.start : hit.end].text
                draft.role_text = f"'{noun} from {where}' in a respectively list"
            work.used.update(range(hit.start, hit.end))


def _coordinated(work: Work, starts: list[int]) -> bool:
    """Consecutive list items are separated by nothing but commas and conjunctions."""
    for a, b in pairwise(starts):
        hit = work.hit_at[a]
        if any(t.text.lower() not in LIST_GLUE for t in work.parsed[hit.end : b]):
            return False
    return True


def _noun_before(work: Work, start: int) -> tuple[str, str] | None:
    """The role noun heading a list ("counterparts from ...") and its sector."""
    for i in range(start - 1, max(start - 4, -1), -1):
        lemma = work.tokens[i].lemma_.lower()
        sector = ROLE_WORDS.get(lemma) or (
            "~" + code if (code := work.lexicon.agent(lemma)) else None
        )
        if sector:
            return lemma, sector
    return None


def describe(work: Work, country: str | None, words: set[str], before: int) -> Draft | None:
    """The one person introduced before token ``before`` who fits a country and role words."""
    specific = words - GENERIC_ROLES
    if country is None and not specific:
        return None
    found = [
        d
        for d in work.drafts
        if d.kind == "person"
        and d.first_token() < before
        and (country is None or d.country == country)
        and specific <= d.titles
    ]
    return found[0] if len(found) == 1 else None


def head_antecedent(work: Work, start: int, head: int) -> Draft | None:
    """ "the regime": the actor most recently named by a longer phrase with the same head word."""
    word = work.tokens[head].lower_
    if start >= head or work.tokens[start].lower_ != "the":
        return None
    best: tuple[int, Draft] | None = None
    for draft in work.drafts:
        if draft.kind == "person":
            continue
        for m_start, m_end, _how in draft.mentions:
            span = work.parsed[m_start:m_end]
            later = best is None or m_start > best[0]
            if m_end <= start and len(span) > 2 and span[-1].lower_ == word and later:
                best = (m_start, draft)
    if best is None and word in STATE_HEADS:
        return _only_state_before(work, start)
    return best[1] if best else None


def _only_state_before(work: Work, start: int) -> Draft | None:
    """The one country named earlier in the sentence (else in the previous one)."""
    n = work.sent_of[start]
    for lo, hi in ((work.sents[n].start, start), (work.sents[max(n - 1, 0)].start, start)):
        states = []
        for i in range(lo, hi):
            draft = work.owner.get(i)
            if draft is not None and draft.kind == "country" and draft not in states:
                states.append(draft)
        if states:
            return states[0] if len(states) == 1 else None
    return None


def pronouns(work: Work) -> None:
    """Subject "he"/"she" -> the only person so far in the sentence, else the previous subject."""
    for token in work.parsed:
        if token.lower_ not in PRONOUNS or token.dep_ not in SUBJECTS:
            continue
        if not work.free(token.i, token.i + 1):
            continue
        n = work.sent_of[token.i]
        here = _persons_in(work, work.sents[n].start, token.i)
        if len(here) > 1:
            continue
        if len(here) == 1:
            work.mention(here[0], token.i, token.i + 1, "coref")
            continue
        if n == 0:
            continue
        prev = work.sents[n - 1]
        there = _persons_in(work, prev.start, prev.end)
        if len(there) != 1:
            continue
        person = there[0]
        if any(
            work.owner.get(t.i) is person and t.dep_ in SUBJECTS for t in prev
        ) or _owns_subject_span(work, person, prev):
            work.mention(person, token.i, token.i + 1, "coref")


def _persons_in(work: Work, start: int, end: int) -> list[Draft]:
    found: list[Draft] = []
    for i in range(start, end):
        draft = work.owner.get(i)
        if draft is not None and draft.kind == "person" and draft not in found:
            found.append(draft)
    return found


def _owns_subject_span(work: Work, person: Draft, sent: Any) -> bool:
    """The person's mention lies inside the subject phrase of the sentence's main verb."""
    return any(
        t.dep_ in SUBJECTS
        and t.head.dep_ == "ROOT"
        and any(work.owner.get(s.i) is person for s in t.subtree)
        for t in sent
    )
