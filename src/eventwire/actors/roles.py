"""Coding persons from the text itself: titles before a name, appositives, role descriptions.

A role is read from a short run of tokens ("Secretary of Iran's Supreme National Security
Council", "Iranian Foreign Minister", "Venezuela's foreign minister", "his Chinese counterpart"):
the country from a demonym, a country or capital name or a possessive, the sector from the
lexicon's agent phrases or, for title words the Phoenix agents lack, from :data:`ROLE_WORDS`.
"""

from __future__ import annotations

from eventwire.actors.draft import Role, Work
from eventwire.actors.wordlists import TITLES, sectors, word_list

# The words live in data/vocabulary/actor_titles.tsv (its header says what each list is for).
# Title and role words missing from (or miscoded for titles in) Phoenix.agents.txt, with the
# sector they give ("spokesman": Phoenix says media, before a name it is a government's).
ROLE_WORDS = sectors(TITLES, "role")
# Singular nouns that name one person by role: a definite description headed by one of these
# ("the Russian official", "his Chinese counterpart") may refer back to a person.
PERSON_ROLES = word_list(TITLES, "person")
# Role words that say nothing beyond "an official": they constrain coreference only by country.
GENERIC_ROLES = word_list(TITLES, "generic")
# Lower-case words that may sit inside a title ("top security official", "deputy foreign
# minister"); capitalised words, demonyms and possessives are accepted anyway.
TITLE_MODIFIERS = word_list(TITLES, "modifier")
# Words joining a title's head to whose post it is ("Secretary of Iran's Council").
TITLE_JOINTS = word_list(TITLES, "joint")
# Courtesy titles cut from the front of a name ("Mr. Smith" is Smith).
HONORIFICS = word_list(TITLES, "honorific")
# Words that make a title a past one ("former foreign minister"): the person is an elite (ELI).
FORMER = word_list(TITLES, "former")
COUNTRY_KINDS = ("country", "demonym", "capital", "metonym")
TITLE_MAX = 12


# Words that stand before a person's name as a title ("Professor X", "Sheriff Y").
NAME_TITLES = PERSON_ROLES | ROLE_WORDS.keys() | word_list(TITLES, "name_title")


def is_title_word(work: Work, i: int) -> bool:
    return bool(work.tokens[i].lemma_.lower() in NAME_TITLES)


def is_role_word(work: Work, i: int) -> bool:
    token = work.tokens[i]
    lemma = token.lemma_.lower()
    return lemma in ROLE_WORDS or lemma in PERSON_ROLES or work.lexicon.agent(lemma) is not None


def title_start(work: Work, end: int) -> int:
    """Where the title in front of tokens[end:] begins (== end when there is none)."""
    tokens = work.parsed
    sent = work.sents[work.sent_of[end]] if end < len(tokens) else None
    floor = max(sent.start if sent is not None else 0, end - TITLE_MAX)
    i = end
    while i - 1 >= floor:
        token = tokens[i - 1]
        text = token.text
        hit = work.hit_covering(i - 1)
        # "Secretary-General": a hyphen between two title words is part of the title.
        hyphen = text == "-" and i - 2 >= floor and tokens[i - 2].text[:1].isupper()
        if not (
            token.tag_ == "POS"
            or hyphen
            or text in TITLE_JOINTS
            or (hit is not None and hit.kinds() & {"agent", *COUNTRY_KINDS})
            or (text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ"))
            or text.lower() in TITLE_MODIFIERS
            or is_role_word(work, i - 1)
        ):
            break
        i -= 1
    # A title never starts with a joint word ("of", "'s").
    while i < end and (tokens[i].tag_ == "POS" or tokens[i].text in TITLE_JOINTS):
        i += 1
    return i


def read_role(work: Work, start: int, end: int) -> Role:
    """The country and sector stated by tokens[start:end] (either may stay None)."""
    tokens = work.parsed
    role = Role(start, end)
    # "Secretary of Iran's Council": the title head comes before "of"; the of-phrase gives the
    # country (and the sector only when the head word has none).
    cut = next((i for i in range(start, end) if tokens[i].text in TITLE_JOINTS), end)
    # An agent phrase may run across the joint ("Minister for Foreign [Affairs]" is the lexicon's
    # "minister for foreign"): it belongs to the head when it starts there.
    head_sector = _sector(work, start, cut, role, limit=end)
    tail_sector = _sector(work, cut, end, role) if cut < end else None
    role.sector = head_sector or tail_sector
    if role.sector and any(_former(tokens[i]) for i in range(start, end)):
        # CAMEO codes former office-holders as elites: "former Kenyan minister" is KENELI.
        role.sector = "~ELI"
        role.words.add("former")
    for hit in work.hits:
        if hit.start >= end:
            break
        if hit.start < start:
            continue
        org = hit.first("igo", "ngo")
        if org is not None and org.code and role.org is None:
            role.org = org.code
        # "White House press secretary": an institution of a state, listed as an organisation
        # with its state's code, says whose post the title is.
        office = hit.first("org")
        office_code = office.code if office is not None else None
        state = work.lexicon.country_of(office_code) if office_code else None
        if office_code and state and role.country is None:
            role.take_state_post(state, office_code)
            role.country_hits.append(hit)
        match = hit.first(*COUNTRY_KINDS)
        if match is None or not match.code:
            continue
        country = work.lexicon.country_of(match.code)
        if country and role.country is None:
            role.country = country
            role.country_hits.append(hit)
    return role


def _former(token: object) -> bool:
    text = str(token).lower().rstrip("-")
    return text in FORMER


def _sector(work: Work, start: int, end: int, role: Role, limit: int | None = None) -> str | None:
    """The sector of the longest agent phrase starting in the run and ending by ``limit``
    (default: the run's end), the rightmost on a tie."""
    best: tuple[int, int, str] | None = None
    for hit in work.hits:
        if hit.start >= end:
            break
        if hit.start < start or hit.end > (limit if limit is not None else end):
            continue
        match = hit.first("agent")
        if match is None or not match.code:
            continue
        word = hit.key.split(" ")[-1]
        override = ROLE_WORDS.get(word) if hit.end - hit.start == 1 else None
        candidate = (hit.end - hit.start, hit.start, override or match.code)
        role.words.add(work.tokens[hit.end - 1].lemma_.lower())
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    for i in range(start, end):
        lemma = work.tokens[i].lemma_.lower()
        if lemma in ROLE_WORDS:
            role.words.add(lemma)
            if best is None or (best[0] == 0 and i > best[1]):
                best = (0, i, ROLE_WORDS[lemma])
        elif lemma in PERSON_ROLES:
            role.words.add(lemma)
    return best[2] if best else None
