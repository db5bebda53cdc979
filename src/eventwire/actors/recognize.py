"""Pipeline stage: recognise the actors of a parsed article and code them (CAMEO style).

Order of the rules (each claims tokens, so an earlier, more specific reading wins):

1. lexicon hits (:mod:`eventwire.actors.matcher`), minus hits that are only the tail of a longer
   name spaCy saw ("Security Council" inside "Supreme National Security Council") and country
   words that are a stance ("anti-Syria");
2. persons (:mod:`eventwire.actors.persons`), their titles and appositives
   (:mod:`eventwire.actors.roles`) and "respectively" lists; the text beats the dictionary; a
   person no user dictionary knows and no dated lexicon role covers takes the code of the
   learned registry in force, if any (:mod:`eventwire.actors.learned`: ingest and reprocess);
3. states, organisations and agents from the remaining hits, demonym/possessive + agent
   ("the Syrian army" -> SYRMIL), role descriptions that point back at a person;
4. coreference (:mod:`eventwire.actors.coref`): surnames, "the regime", pronouns.
"""

from __future__ import annotations

from eventwire.actors import context_country, coref, learned
from eventwire.actors.context_country import DICTIONARY_COUNTRY
from eventwire.actors.draft import Draft, Role, Work
from eventwire.actors.entries import LexEntry
from eventwire.actors.index import actor_at, actors_in
from eventwire.actors.lexicon import Lexicon, configured_lexicon
from eventwire.actors.matcher import Hit, key_of, phrase_index
from eventwire.actors.persons import one_person, person_spans, surname_index
from eventwire.actors.roles import (
    is_role_word,
    read_role,
    title_start,
)
from eventwire.actors.states import state_actors
from eventwire.actors.wordlists import NAME_WORDS, word_list
from eventwire.document import Document
from eventwire.records import LearnedCode, published_day

__all__ = ["actor_at", "actors_in", "recognize", "stage"]

# The words live in data/vocabulary/actor_name_words.tsv.
# Words before a country name that make it a part of the country ("South Lebanon").
COMPASS = word_list(NAME_WORDS, "compass")
# Prefixes that make a country word a stance ("anti-Syria", "pro-Israel"), not a nationality.
STANCE_PREFIXES = word_list(NAME_WORDS, "stance")


def stage(doc: Document) -> Document:
    """Fill ``doc.actors`` from ``doc.parsed`` (run :func:`eventwire.nlp.stage` first)."""
    if doc.parsed is None:
        raise ValueError("actors stage needs doc.parsed: run the nlp stage first")
    work = recognize(doc)
    doc.actors = work.actors()
    # The places of the body are read with the actors found so far (their countries settle
    # ambiguous place names); the clause places then give sector-only groups their country.
    context_country.situate(work, doc)
    doc.actors = work.actors()
    return doc


def recognize(doc: Document, lexicon: Lexicon | None = None) -> Work:
    """Run every rule on one document and return the working state (drafts with mentions)."""
    lexicon = lexicon or configured_lexicon()
    work = Work(doc.parsed, lexicon, published_day(doc.article.published))
    work.set_hits(_plausible(work, phrase_index(lexicon).find(doc.parsed, work.day)))
    _persons(work)
    coref.respectively(work)
    _titles(work)
    registry = learned.in_force()
    for draft in work.drafts:
        if draft.kind == "person":
            _code_person(work, draft, registry)
    state_actors(work)
    coref.surnames(work)
    coref.pronouns(work)
    return work


def _plausible(work: Work, hits: list[Hit]) -> list[Hit]:
    """Drop a name hit that spaCy sees as the end of a longer name starting further left."""
    kept = []
    for hit in hits:
        if _stance(work, hit):
            continue
        first = work.tokens[hit.start]
        ent_start = _ent_start(work, hit.start) if first.ent_iob_ == "I" else hit.start
        if hit.kinds() <= {"agent", "blocker"} or ent_start >= hit.start:
            kept.append(hit)
            continue
        left = work.parsed[ent_start : hit.start]
        if all(t.lower_ == "the" or not t.text[:1].isupper() for t in left):
            kept.append(hit)
        elif "country" in hit.kinds() and all(t.lower_ in COMPASS for t in left):
            # "South Lebanon", "Upper Egypt": a part of the country, not another name (names
            # that are, like "South Korea" or "Northern Ireland", are lexicon phrases of their
            # own and win as the longer match).
            kept.append(hit)
    return kept


def _stance(work: Work, hit: Hit) -> bool:
    """ "an anti-Syria journalist", "a pro-Israel position": the country is what someone is for
    or against, not whose they are."""
    tokens = work.parsed
    i = hit.start
    return (
        i >= 2
        and tokens[i - 1].text == "-"
        and tokens[i - 2].lower_ in STANCE_PREFIXES
        and tokens[i - 2].idx + len(tokens[i - 2].text) == tokens[i - 1].idx
    )


def _ent_start(work: Work, i: int) -> int:
    while i > 0 and work.tokens[i].ent_iob_ == "I":
        i -= 1
    return i


def _persons(work: Work) -> None:
    """One draft per distinct person; a shorter name of a known person is a coref mention."""
    index = surname_index(work.lexicon)
    for start, end, how in person_spans(work):
        words = tuple(key_of(t.text) for t in work.parsed[start:end])
        words = tuple(w for w in words if w)
        known = coref.same_person(work, words, start)
        if known is not None:
            work.mention(known, start, end, "coref")
            continue
        linked = index.link(words, work.day)
        entry = _named_entry(work, linked, words) or _titled_entry(work, start, end) or linked
        key = f"person:entry:{entry.id}" if entry else f"person:name:{' '.join(words)}"
        name = work.parsed[start:end].text
        draft = work.draft(key, name=name, kind="person", resolved_by=how, words=words)
        draft.entry = entry
        if len(name) > len(draft.name):
            draft.name, draft.words = name, words
        work.mention(draft, start, end, "self")


def _named_entry(work: Work, entry: LexEntry | None, words: tuple[str, ...]) -> LexEntry | None:
    """A full name linked to a dated entry that gives a code on the article's day: the dated
    layer wins over a dictionary phrase with a title ("President Barack Obama", an undated
    Phoenix line) that would otherwise name the person."""
    if entry is None or len(words) < 2 or not any(c.start or c.end for c in entry.codes):
        return None
    return entry if entry.code_on(work.day) else None


def _titled_entry(work: Work, start: int, end: int) -> LexEntry | None:
    """The person a dictionary phrase with the title names ("President Bush" in Phoenix)."""
    hit = work.hit_covering(start - 1) if start > 0 else None
    if hit is None or hit.end != end or hit.start >= start:
        return None
    return one_person([m.entry for m in hit.matches if m.kind == "person"], work.day)


def _titles(work: Work) -> None:
    """Titles before a name and appositives beside it give a person's country and sector."""
    tokens = work.parsed
    for draft in list(work.drafts):
        if draft.kind != "person":
            continue
        for start, end, how in list(draft.mentions):
            if how not in ("self", "coref"):
                continue
            begin = title_start(work, start)
            if begin < start:
                absorbed = _absorb_title_phrase(work, draft, begin, start)
                role = read_role(work, begin, start)
                state = work.lexicon.country_of(absorbed) if absorbed else None
                if absorbed and state and not role.country and not role.org:
                    role.take_state_post(state, absorbed)
                adjacent_demonym = work.lexicon.demonym(tokens[start - 1].text) is not None
                if role.has_role or adjacent_demonym:
                    work.used.update(range(begin, start))
                    _give_role(draft, role, f"title '{tokens[begin:start].text}'")
                    _of_country(work, draft, end)
            _appositive(work, draft, end - 1)


def _absorb_title_phrase(work: Work, draft: Draft, begin: int, start: int) -> str | None:
    """ "US President Donald Trump", "US Secretary of State Rex Tillerson": Phoenix lists such
    titles as persons of their own; before a name the title is that name's, not a second actor.
    Returns the title phrase's code on the article's day (None when it has none)."""
    code = None
    for other in list(work.drafts):
        if other is draft or other.kind != "person":
            continue
        inside = [m for m in other.mentions if begin <= m[0] and m[1] <= start]
        # Only a title phrase: one holding a role word ("President", "Secretary of State").
        if not inside or not any(is_role_word(work, i) for m in inside for i in range(m[0], m[1])):
            continue
        other.mentions = [m for m in other.mentions if m not in inside]
        for m in inside:
            for i in range(m[0], m[1]):
                work.owner.pop(i, None)
        if not other.mentions:
            work.drafts.remove(other)
            work.by_key.pop(other.key, None)
        if other.entry is not None:
            code = other.entry.code_on(work.day) or code
    return code


def _of_country(work: Work, draft: Draft, end: int) -> None:
    """ "King Hassan of Morocco", "President X of Chad": the country after a titled name."""
    tokens = work.parsed
    if end + 1 >= len(tokens) or tokens[end].lower_ != "of":
        return
    hit = work.hit_at.get(end + 1)
    if hit is None or hit.first("country") is None:
        return
    role = read_role(work, end, hit.end)
    if role.country and work.mention(draft, end, hit.end, "role"):
        if draft.role is not None and draft.role.country is None:
            role.sector = role.sector or draft.role.sector
            draft.role = None
        _give_role(draft, role, f"'{tokens[end : hit.end].text}' after a title")


def _appositive(work: Work, draft: Draft, last: int) -> None:
    tokens = work.parsed
    head = tokens[last]
    described = None
    if head.dep_ == "appos" and head.head.i < last:
        described = head.head  # "his Chinese counterpart, Dang Jing Wing"
    else:
        described = next((c for c in head.children if c.dep_ == "appos"), None)
    # Only a role noun describes a person ("X, Iran's foreign minister"), not any appositive.
    if described is None or not is_role_word(work, described.i):
        return
    lo = described.left_edge.i
    hi = described.i + 1 if described.i < last else described.right_edge.i + 1
    if lo <= last < hi:
        return
    role = read_role(work, lo, hi)
    if (role.has_role or role.country or role.org) and work.mention(draft, lo, hi, "role"):
        _give_role(draft, role, f"appositive '{tokens[lo:hi].text}'")


def _give_role(draft: Draft, role: Role, what: str) -> None:
    draft.titles |= role.words
    if draft.role is None or (
        draft.role.country is None and draft.role.org is None and (role.country or role.org)
    ):
        draft.role = role
        draft.role_text = what


def _take_code(work: Work, draft: Draft, code: str) -> None:
    """A whole code from a lexicon or the registry: its country, and its sector when it has one."""
    draft.code = code
    draft.country = work.lexicon.country_of(code)
    draft.sector = code[3:] or None if draft.country else None


def _entry_country(work: Work, entry: LexEntry) -> str | None:
    """The country of a dictionary person's codes when they all agree (IGO posts give none)."""
    countries = {work.lexicon.country_of(c.code) for c in entry.codes if c.code}
    return countries.pop() if len(countries) == 1 and None not in countries else None


def _code_person(work: Work, draft: Draft, registry: learned.Registry | None = None) -> None:
    """The text's role if it names a country, else the dictionary's code on the article's day;
    the learned registry (when one is in force) between a dated and an undated dictionary code."""
    entry = draft.entry
    dict_code = entry.code_on(work.day) if entry is not None else None
    role = draft.role
    cite = ""
    if entry is not None:
        spans = ", ".join(
            f"{c.code} {c.start.year if c.start else '…'}–{c.end.year if c.end else '…'}"
            for c in entry.codes
        )
        cite = f"Phoenix dictionary {entry.origin()} ({spans})"
    if role is not None and role.country:
        draft.set_code(role.country, role.sector)
        draft.resolved_by = "role"
        draft.detail = f"{draft.role_text} → {draft.code}"
        if entry is not None and dict_code != draft.code:
            draft.detail += f"; {cite} overridden by the text"
    elif role is not None and role.org:
        # "U.N. mediator Diego Cordovez": the post is the organisation's, whatever the
        # dictionary says of the person's country.
        draft.code, draft.country, draft.sector = role.org, None, None
        draft.resolved_by = "role"
        draft.detail = f"{draft.role_text} → {role.org}"
        if entry is not None and dict_code != role.org:
            draft.detail += f"; {cite} overridden by the text"
    elif (found := _learned(work, draft, registry)) is not None:
        _take_code(work, draft, found.code)
        draft.resolved_by = learned.RESOLVED_BY
        example = found.example
        articles = "article" if found.articles == 1 else "articles"
        draft.detail = (
            f"learned registry: {found.code} from {found.articles} {articles} "
            f"{found.first}..{found.last} (e.g. {example.article_id}, sentence {example.sentence}, "
            f"{example.start}..{example.end}: '{example.shown}')"
        )
        if entry is not None:
            draft.detail += f"; {cite} gives {dict_code or 'no code'} on {work.day}"
    elif dict_code:
        _take_code(work, draft, dict_code)
        draft.resolved_by = "dictionary"
        draft.detail = f"{cite} → {dict_code} on {work.day}"
    elif entry is not None and (country := _entry_country(work, entry)) is not None:
        # Known to the dictionary, with no role on the article's day: the person's country
        # stands, the sector is the text's title if it gave one ("Speaker Nancy Pelosi").
        draft.set_code(country, role.sector if role is not None else None)
        draft.resolved_by = DICTIONARY_COUNTRY
        draft.detail = f"{cite}: no role on {work.day}, the person's country {country}"
        if draft.sector:
            draft.detail += f"; {draft.role_text} gives {draft.sector}"
    elif entry is not None:
        draft.resolved_by = "dictionary"
        draft.detail = f"{cite}: no role on {work.day}"
    else:
        draft.resolved_by = "ner" if draft.resolved_by != "dictionary" else "dictionary"
        if role is not None and role.sector:
            draft.sector = role.sector.strip("~")
            draft.detail = f"{draft.role_text} gives sector {draft.sector}, no country"
    for n, (start, end, how) in enumerate(draft.mentions):
        if how == "self":
            draft.mentions[n] = (start, end, draft.resolved_by)
    # The text told what the lexicon does not (a person it lacks, or knows otherwise that day).
    draft.learnable = draft.resolved_by == "role" and bool(draft.code) and dict_code != draft.code


def _learned(work: Work, draft: Draft, registry: learned.Registry | None) -> LearnedCode | None:
    """The registry's code for a person the lexicon does not date on the article's day.

    A user dictionary's entry always wins (even one with no code that day); a shipped entry wins
    with a dated code covering the day (an office-holder in office, a Phoenix role in its
    years), not with an undated default or no code.
    """
    if registry is None or work.day is None:
        return None
    entry = draft.entry
    if entry is not None and (
        work.lexicon.from_user(entry)
        or any(span.dated and span.covers(work.day) for span in entry.codes)
    ):
        return None
    return registry.lookup(learned.name_key(draft.name), work.day)
