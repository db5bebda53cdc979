"""Groups whose country the syntax gives indirectly: shared modifiers, authored nouns, pronouns.

- "US and British activists", "U.S. and Russian negotiators": coordinated country words on one
  agent noun give one actor per country. The mentions cover only the country words, so that the
  events stage (which reads the actors inside the noun phrase) sees every party;
- "a U.S. request", "US mediation": a country word on a noun naming an act of will is its author,
  an actor, unlike the place in "the Tehran meeting";
- "his government said", "their forces had withdrawn": a possessive pronoun on an agent noun
  that is a subject takes the country of the subject of the clause above ("Bosnian Serbs said
  their forces ..." -> BIHMIL); as an object ("withdraw its troops") the noun is a theme.
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.draft import Draft, Work, join_code
from eventwire.actors.matcher import Hit
from eventwire.actors.roles import COUNTRY_KINDS
from eventwire.actors.wordlists import GROUP_WORDS, word_list

# The words live in data/vocabulary/actor_group_words.tsv.

# Nouns naming something a party asks, offers or decides: a country word compounded with one
# names the author ("a U.S. request"), not a place. Nouns of violence ("the Iraq war", "the
# Kuwait invasion") are left out: there the country is as often the target.
AUTHORED_NOUNS = word_list(GROUP_WORDS, "authored")
MODIFIER_DEPS = ("amod", "compound", "nmod")
# "Bosnia-style war", "Russian-made rockets", "a UK-based group": the country is where something
# comes from or what it resembles, not a party. ("US-led", "Iranian-backed" do name a party.)
ORIGIN_WORDS = word_list(GROUP_WORDS, "origin")
# Possessive pronouns that point at a person ("his", "her") or at a state or group ("its", "their").
PERSONAL_POSSESSIVES = word_list(GROUP_WORDS, "possessive_person")
POSSESSIVES = PERSONAL_POSSESSIVES | word_list(GROUP_WORDS, "possessive_group")
SUBJECTS = ("nsubj", "nsubjpass")


def authored(work: Work, hit: Hit) -> bool:
    """The country hit modifies a noun naming an act it is the author of ("a U.S. request")."""
    root = work.tokens[hit.end - 1]
    return (
        root.dep_ in ("compound", "nmod")
        and root.head.i >= hit.end
        and root.head.lemma_.lower() in AUTHORED_NOUNS
    )


def origin_adjective(work: Work, hit: Hit) -> bool:
    """The country hit is the first half of "<Country>-style", "-made", "-based" ..."""
    tokens = work.parsed
    end = hit.end
    return (
        end + 1 < len(tokens) and tokens[end].text == "-" and tokens[end + 1].lower_ in ORIGIN_WORDS
    )


def coordinated_modifiers(work: Work, hit: Hit) -> list[Hit]:
    """Country hits coordinated as modifiers of the agent noun ("US and British activists").

    Returns two or more hits, else an empty list (one modifier is the ordinary case)."""
    head = work.tokens[hit.end - 1]
    words = [c for c in head.children if c.dep_ in MODIFIER_DEPS and c.i < hit.start]
    if not words:
        return []
    stack = list(words)
    while stack:  # "US, British and French activists": conjuncts hang on the first word
        word = stack.pop()
        extra = [c for c in word.children if c.dep_ == "conj" and c.i < hit.start]
        words.extend(extra)
        stack.extend(extra)
    found: list[Hit] = []
    for word in sorted(words, key=lambda t: t.i):
        country_hit = work.hit_covering(word.i)
        if country_hit is None or country_hit in found:
            continue
        if country_hit.first(*COUNTRY_KINDS) is None or not work.free(
            country_hit.start, country_hit.end
        ):
            continue
        found.append(country_hit)
    countries = {_country(work, h) for h in found} - {None}
    return found if len(countries) > 1 else []


def shared_agent(work: Work, hit: Hit, countries: list[Hit], sector: str) -> None:
    """One country + sector actor per coordinated country word; the noun itself stays free."""
    noun = work.parsed[hit.start : hit.end].text
    for country_hit in countries:
        country = _country(work, country_hit)
        if country is None:
            continue
        code = join_code(country, sector)
        words = work.parsed[country_hit.start : country_hit.end].text
        draft = work.draft(
            f"code:{code}",
            name=f"{words} {noun}",
            kind="agent",
            code=code,
            country=country,
            sector=sector.strip("~"),
            resolved_by="role",
            detail=f"'{words}' coordinated on '{noun}': {country} + agent {sector} → {code}",
        )
        work.mention(draft, country_hit.start, country_hit.end, "role")


def possessor(work: Work, head: Any) -> tuple[Draft, str] | None:
    """The actor a possessive pronoun on ``head`` points at: the subject of its clause.

    "Syria has offered its troops": climb from the noun to the first verb whose subject is not
    the noun's own phrase and take that subject's actor when it has a country ("Bosnian Serbs
    said their forces had ..." climbs past "had completed" to "said"). A person subject counts
    for "his"/"her", a state or group for "its"/"their"; anything else is left alone.
    """
    if head.dep_ not in SUBJECTS and not (head.dep_ == "pobj" and head.head.dep_ == "agent"):
        return None  # as an object the noun is a theme ("withdraw its troops"), not a party
    pronoun = next((c for c in head.children if c.dep_ == "poss"), None)
    if pronoun is None or pronoun.lower_ not in POSSESSIVES:
        return None
    token = head
    for _ in range(8):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        if subject is None or head in subject.subtree:
            continue
        draft = work.owner.get(subject.i)
        if draft is None or not draft.country:
            return None
        personal = pronoun.lower_ in PERSONAL_POSSESSIVES
        if personal != (draft.kind == "person"):
            return None
        return draft, f"'{pronoun.text}' = {draft.name}, subject of '{token.text}'"
    return None


def _country(work: Work, hit: Hit) -> str | None:
    match = hit.first(*COUNTRY_KINDS)
    return work.lexicon.country_of(match.code) if match and match.code else None
