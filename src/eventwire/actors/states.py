"""States, organisations and agents as actors: lexicon hits read in their syntactic context.

- a country name, metonym or organisation is an actor ("Iran said", "the Kremlin", "NATO");
  a country, capital or city in a place phrase ("in Tehran", "the city of Ahvaz") is not;
- a demonym, country or possessive on an agent noun gives country + sector ("the Syrian army"
  -> SYRMIL, "Iran's military" -> IRNMIL, "Russian police" -> RUSCOP); a plural or noun
  demonym is the country's people ("Iranians");
- a definite singular role description ("the Russian official") is first offered to
  coreference; a bare agent ("police") is an actor with a sector and no code.
Actors with the same code are one actor ("Israel" and "the Zionist regime").
"""

from __future__ import annotations

from typing import Any

from eventwire.actors import coref, groups
from eventwire.actors.draft import Draft, Work, join_code
from eventwire.actors.entries import Match
from eventwire.actors.group_places import place_country
from eventwire.actors.matcher import Hit, particle_name
from eventwire.actors.roles import COUNTRY_KINDS, PERSON_ROLES, ROLE_WORDS
from eventwire.actors.wordlists import GROUP_WORDS, PLACES, word_list

NAMED_KINDS = ("metonym", "igo", "ngo", "nonstate", "org", "mnc", "person")
# A country after one of these is a place ("in Tehran", "the city of Ahvaz"), not an actor.
PLACE_PREPS = word_list(PLACES, "place_prep")
PLACE_NOUNS = word_list(PLACES, "place_noun")
# Words opening an agent's noun phrase; a definite one makes a role noun point back at a person.
DEFINITE = word_list(GROUP_WORDS, "definite")
INDEFINITE = word_list(GROUP_WORDS, "indefinite")
# "officials from Iran, Russia and China": one actor per listed country.
FROM_LIST = word_list(GROUP_WORDS, "from_list")


def state_actors(work: Work) -> None:
    """Turn every unclaimed lexicon hit (and bare role noun) into an actor mention, or skip it."""
    hits = sorted([*work.hits, *_role_nouns(work)], key=lambda h: h.start)
    # Country words that modify an agent noun belong to that noun's actor, not to their own.
    modifies: dict[int, Hit] = {}
    shared: dict[int, list[Hit]] = {}  # "US and British activists": several countries
    for hit in hits:
        if "agent" in hit.kinds() or not hit.matches:
            listed = groups.coordinated_modifiers(work, hit)
            country = None if listed else _modifier(work, hit)
            if listed:
                shared[hit.start] = listed
            elif country is not None:
                modifies[hit.start] = country
    modifiers = {c.start for c in modifies.values()}
    modifiers |= {c.start for listed in shared.values() for c in listed}
    for hit in hits:
        if not work.free(hit.start, hit.end) or "blocker" in hit.kinds():
            continue
        country = modifies.get(hit.start)
        named = hit.first(*NAMED_KINDS)
        first = work.tokens[hit.start + 1 if hit.key.startswith("the ") else hit.start]
        capital = first.text[:1].isupper() or particle_name(work.parsed, first)
        if hit.start in modifiers and hit.first(*COUNTRY_KINDS) is not None:
            continue
        if named is not None and named.code and capital and country is None:
            _named(work, hit, named)
        elif hit.first("country", "capital") is not None:
            _country(work, hit)
        elif hit.first("demonym") is not None:
            _demonym(work, hit)
        elif hit.start in shared and (sector := _sector(work, hit)) is not None:
            groups.shared_agent(work, hit, shared[hit.start], sector)
        elif hit.first("agent") is not None or not hit.matches:
            _agent(work, hit, country)


def _role_nouns(work: Work) -> list[Hit]:
    """Role nouns the lexicon lacks ("counterpart", "secretary"), as hits without matches."""
    covered = {i for hit in work.hits for i in range(hit.start, hit.end)}
    return [
        Hit(t.i, t.i + 1, t.lemma_.lower(), ())
        for t in work.parsed
        if t.i not in covered and t.pos_ == "NOUN" and t.lemma_.lower() in ROLE_WORDS
    ]


def _sector(work: Work, hit: Hit) -> str | None:
    if not hit.matches:
        return ROLE_WORDS.get(hit.key)
    match = hit.first("agent")
    return match.code if match else None


def _named(work: Work, hit: Hit, match: Match) -> None:
    code = match.code or ""
    country = (
        work.lexicon.country_of(code) if match.kind in ("metonym", "org", "nonstate") else None
    )
    if match.kind == "metonym" and _is_place(work, hit):
        return
    kind = "country" if match.kind == "metonym" and len(code) == 3 else match.kind
    kind = "org" if kind == "person" else kind  # persons the person pass left are groups (ISIS)
    draft = work.draft(
        f"code:{code}",
        name=_text(work, hit.start, hit.end),
        kind=kind,
        code=code,
        country=country,
        sector=code[3:] or None if country else None,
        resolved_by="dictionary",
        detail=f"{match.kind} '{match.phrase}' ({match.entry.origin()}) → {code}",
    )
    work.mention(draft, hit.start, hit.end, "dictionary")


def _country(work: Work, hit: Hit) -> None:
    match = hit.first("country", "capital")
    if match is None or not match.code or _is_place(work, hit):
        return
    code = match.code
    draft = work.draft(
        f"code:{code}",
        name=_text(work, hit.start, hit.end),
        kind="country",
        code=code,
        country=work.lexicon.country_of(code),
        resolved_by="dictionary",
        detail=f"{match.kind} '{match.phrase}' ({match.entry.origin()}) → {code}",
    )
    if draft.kind != "country":  # a metonym came first ("the Zionist regime", then "Israel")
        draft.kind, draft.name = "country", _text(work, hit.start, hit.end)
    work.mention(draft, hit.start, hit.end, "dictionary")


def _demonym(work: Work, hit: Hit) -> None:
    """A demonym as a noun ("Iranians", "the British said") is the country's people.

    A people living in another state is coded by where they live, as the gold sets do:
    "Bosnian Serbs" and "Iraqi Kurds" (a demonym on a group name) are BIH and IRQ, "the
    Albanians of southern Serbia" SRB, "ethnic Albanians demonstrated in Serbia" SRB (the place
    of the clause they are the subject of); "ethnic Albanians" with no place stay uncoded.
    """
    tokens = work.parsed
    token = tokens[hit.end - 1]
    match = hit.first("demonym")
    if match is None or not match.code or groups.origin_adjective(work, hit):
        return
    code, end, why = match.code[:3], hit.end, f"demonym '{match.phrase}'"
    key = f"code:{code}"  # the people of a state are the state ("Iranians", "Iran")
    if token.dep_ == "amod" and token.head.i == hit.end and _group_name(work, token.head):
        end = token.head.i + 1  # "Iraqi Kurds": the adjective's country, the whole phrase
        why = f"{why} on the group '{token.head.text}'"
        key = f"group:{code}:{token.head.lower_}"
    elif token.pos_ not in ("NOUN", "PROPN") and token.tag_ not in ("NNS", "NNPS"):
        return
    else:
        ethnic = hit.start > 0 and tokens[hit.start - 1].lower_ == "ethnic"
        located = place_country(work, token, with_of=True)
        if located is None and ethnic and token.dep_ == "nsubj":
            # "ethnic Albanians demonstrated in Serbia": where the group acts is where it lives.
            located = place_country(work, token.head)
        if located is not None:
            code, why = located[0], f"{why} {located[1]}"
            key = f"group:{code}:{token.lower_}"
        elif ethnic:
            return  # an ethnic group, not the state of the same name
    draft = work.draft(
        key,
        name=_text(work, hit.start, end),
        kind="country" if key.startswith("code:") else "agent",
        code=code,
        country=code,
        resolved_by="dictionary",
        detail=f"{why} → {code}",
    )
    work.mention(draft, hit.start, end, "dictionary")


def _group_name(work: Work, token: Any) -> bool:
    """A plural proper noun that is not an agent word: a people ("Kurds", "Serbs", "Tamils")."""
    if token.tag_ != "NNPS" or work.lexicon.agent(token.lemma_) is not None:
        return False
    hit = work.hit_covering(token.i)
    return hit is None or hit.first("demonym") is not None


def _agent(work: Work, hit: Hit, country_hit: Hit | None) -> None:
    tokens = work.parsed
    head = tokens[hit.end - 1]
    sector = _sector(work, hit)
    if sector is None:
        return
    first = country_hit.start if country_hit is not None else hit.start
    start = _np_start(work, first)
    country = None
    if country_hit is not None:
        match = country_hit.first(*COUNTRY_KINDS)
        country = work.lexicon.country_of(match.code) if match and match.code else None
    located = None
    possessed: tuple[Draft, str] | None = None
    owned = any(c.dep_ == "poss" for c in head.children)
    if country is None and owned:
        # "its forces in Lebanon": the owner, not where they are, says whose they are.
        possessed = groups.possessor(work, head)
        country = possessed[0].country if possessed else None
    if country is None and not owned:
        # "police in Nairobi", "rebels in the Ivory Coast": the place tells the country.
        located = place_country(work, head)
        country = located[0] if located else None
    lemma = head.lemma_.lower()
    singular = head.tag_ in ("NN", "NNP")
    definite = (start < first and tokens[start].lower_ in DEFINITE) or country is not None
    if singular and lemma in PERSON_ROLES and definite:
        # "Iran's top security official", "his Chinese counterpart", "the minister".
        person = coref.describe(work, country, {lemma}, start)
        if person is not None:
            work.mention(person, start, hit.end, "coref")
            return
        if not hit.matches and country is None:
            return  # "counterpart" with nobody to point at is not an actor by itself
    if country is None and lemma != "counterpart":
        # "its troops", "his government": the country of the clause's subject.
        possessed = groups.possessor(work, head)
        country = possessed[0].country if possessed else None
    if country is None:
        antecedent = coref.head_antecedent(work, start, hit.end - 1)
        if antecedent is not None:
            work.mention(antecedent, start, hit.end, "coref")
            return
        if not hit.matches or _from_countries(work, hit, sector, start):
            return
        if head.dep_ in ("compound", "amod") and head.head.i >= hit.end:
            return  # a modifier ("a military parade", "intelligence cooperation"), not an actor
        draft = work.draft(
            f"agent:{sector}:{lemma}",
            name=_text(work, hit.start, hit.end),
            kind="agent",
            sector=sector.strip("~"),
            resolved_by="dictionary",
            detail=f"agent '{hit.key}' ({sector}) with no country in the text",
        )
        work.mention(draft, hit.start, hit.end, "dictionary")
        return
    code = join_code(country, sector)
    draft = work.draft(
        f"code:{code}",
        name=_text(work, start, hit.end),
        kind="agent",
        code=code,
        country=country,
        sector=sector.strip("~"),
        resolved_by="role",
        detail=f"'{_text(work, first, hit.end)}': {country} + agent {sector} → {code}",
    )
    if located is not None:
        draft.detail = f"agent '{hit.key}' ({sector}) {located[1]} → {code}"
    elif possessed is not None:
        draft.detail = f"agent '{hit.key}' ({sector}), {possessed[1]} → {code}"
    work.mention(draft, start, hit.end, "role")


def _from_countries(work: Work, hit: Hit, sector: str, start: int) -> bool:
    """ "officials from Iran, Russia and China": one country + sector actor per listed country."""
    head = work.tokens[hit.end - 1]
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in FROM_LIST]
    objects = [c for p in preps for c in p.children if c.dep_ == "pobj"]
    for obj in objects:  # grows while walking: "Iran, Russia, China and India"
        objects.extend(c for c in obj.children if c.dep_ == "conj")
    listed = []
    for obj in objects:
        found = work.hit_covering(obj.i)
        if found is not None and found.first("country") and work.free(found.start, found.end):
            listed.append(found)
    if not listed:
        return False
    for n, country_hit in enumerate(sorted(listed, key=lambda h: h.start)):
        match = country_hit.first("country")
        country = work.lexicon.country_of(match.code) if match and match.code else None
        if country is None:
            continue
        code = join_code(country, sector)
        lo = start if n == 0 else country_hit.start
        draft = work.draft(
            f"code:{code}",
            name=f"{hit.key} from {_text(work, country_hit.start, country_hit.end)}",
            kind="agent",
            code=code,
            country=country,
            sector=sector.strip("~"),
            resolved_by="role",
            detail=f"agent '{hit.key}' ({sector}) from {country} → {code}",
        )
        work.mention(draft, lo, country_hit.end, "role")
    return True


def _modifier(work: Work, hit: Hit) -> Hit | None:
    """A demonym, country or possessive to the left that modifies the agent noun."""
    tokens = work.parsed
    sent_start = work.sents[work.sent_of[hit.start]].start
    for other in reversed(work.hits):
        if other.end > hit.start or other.start < sent_start:
            continue
        if hit.start - other.end > 4:
            return None
        if other.first(*COUNTRY_KINDS) is None or not work.free(other.start, other.end):
            continue
        token = tokens[other.end - 1]
        for _ in range(4):  # climb the modifier chain: "Iran 's top security official"
            if hit.start <= token.head.i < hit.end:
                return other
            if token.head.i == token.i or not (other.start <= token.head.i < hit.end):
                break
            token = token.head
        return None
    return None


def _is_place(work: Work, hit: Hit) -> bool:
    """A place phrase: after a locative preposition, "the city of X", or "the Tehran meeting";
    or a country word in a compound adjective of origin or manner ("Bosnia-style", "UK-based")."""
    tokens = work.parsed
    if groups.origin_adjective(work, hit):
        return True
    before = hit.start - 1
    if before >= 0 and tokens[before].lower_ == "the":
        before -= 1
    if before >= 0:
        word = tokens[before].lower_
        if word in PLACE_PREPS:
            return True
        if word == "of" and before > 0 and tokens[before - 1].lemma_.lower() in PLACE_NOUNS:
            return True
    root = tokens[hit.end - 1]
    head = root.head
    if groups.authored(work, hit):
        return False  # "a U.S. request": the author, not a place
    return (
        root.dep_ == "compound"
        and head.i >= hit.end
        and head.pos_ == "NOUN"
        and work.lexicon.agent(head.lemma_) is None
        and head.lemma_.lower() not in ROLE_WORDS
    )


def _np_start(work: Work, first: int) -> int:
    """Include a determiner or possessive pronoun and adjectives before the noun phrase."""
    tokens = work.parsed
    sent_start = work.sents[work.sent_of[first]].start
    i = first
    while i - 1 >= sent_start and work.free(i - 1, i):
        prev = tokens[i - 1]
        # "that" is a determiner only as one ("that official"), not "said that rebels ...".
        if (prev.lower_ in DEFINITE and (prev.lower_ != "that" or prev.dep_ == "det")) or (
            prev.lower_ in INDEFINITE
        ):
            i -= 1
            break
        if prev.pos_ == "ADJ" and prev.head.i >= first:
            i -= 1
            continue
        break
    return i


def _text(work: Work, start: int, end: int) -> str:
    text: str = work.parsed[start:end].text
    return text
