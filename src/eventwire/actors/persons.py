"""Finding person names in a parsed document and linking them to lexicon person entries.

spaCy's small model misses some names ("Ajit Doval", "Dang Jing Wing") and mislabels others;
a run of capitalised proper nouns is taken as a name too when the syntax says it denotes a
person: coordinated with a PERSON entity, in apposition to a role noun, or after a title.
Linking tries the exact phrase, then one entry with the same surname whose given name differs
by at most one letter (the Phoenix file spells "Vali Shamkhani", "Nikolay Patrushev").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import Any

from eventwire import diskcache
from eventwire.actors.draft import Work
from eventwire.actors.entries import LexEntry
from eventwire.actors.lexicon import Lexicon
from eventwire.actors.matcher import key_of
from eventwire.actors.not_persons import not_a_person
from eventwire.actors.roles import HONORIFICS, TITLE_MODIFIERS, is_role_word, is_title_word

NON_PERSON_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "TIME", "EVENT"})


class SurnameIndex:
    """Lexicon person entries by the last word of each of their phrases."""

    def __init__(self, lexicon: Lexicon, by_surname: dict[str, set[int]] | None = None) -> None:
        self.lexicon = lexicon
        self.by_surname = by_surname if by_surname is not None else _by_surname(lexicon)

    def link(self, words: tuple[str, ...], day: date | None = None) -> LexEntry | None:
        """The one person entry for a name: exact, else surname + near given name, else (a
        surname alone) the entries with that surname when they all belong to one country."""
        exact = [m.entry for m in self.lexicon.lookup(" ".join(words)) if m.kind == "person"]
        if len(exact) == 1:
            return exact[0]
        if len(words) < 2:
            return self._surname_only(words[0], day) if words else None
        found: list[LexEntry] = []
        for entry_id in self._same_surname(words[-1]):
            entry = self.lexicon.entry(entry_id)
            if any(_near(words[0], key_of(p).split(" ")[0]) for p in entry.phrases):
                found.append(entry)
        if len(found) > 1 and len({(e.code_on(day) or "")[:3] for e in found}) == 1:
            # Two entries for one person ("Umar al-Bashir", "Omar Hassan Ahmad al-Bashir"):
            # the country is certain; take the one whose given name is spelt as in the text.
            found.sort(key=lambda e: not any(p.split(" ")[0] == words[0] for p in e.phrases))
            return found[0]
        return found[0] if len(found) == 1 else None

    def _same_surname(self, surname: str) -> set[int]:
        """Entries with this surname; a long surname one letter off counts ("Mitterand")."""
        exact = self.by_surname.get(surname)
        if exact or len(surname) < SPELLING_MIN:
            return exact or set()
        return {i for s in _spellings(surname) for i in self.by_surname.get(s, ())}

    def _surname_only(self, surname: str, day: date | None) -> LexEntry | None:
        # "Mugabe", "Reagan": every person of that surname must agree on the country, so a
        # common surname ("Khan", "Lee") stays unlinked.
        ids = sorted(self.by_surname.get(surname, ()))
        if not ids or len(ids) > SURNAME_MAX:
            return None
        entries = [self.lexicon.entry(i) for i in ids]
        countries = {(e.code_on(day) or "")[:3] for e in entries}
        if len(countries) != 1 or "" in countries:
            return None
        return entries[0]


def one_person(entries: list[LexEntry], day: date | None) -> LexEntry | None:
    """One entry of several that a name fits, when they agree on the country on the day
    (two Bushes, two entries for one al-Bashir): the one with a dated role that day, if any."""
    if not entries:
        return None
    if len({(e.code_on(day) or "")[:3] for e in entries}) != 1:
        return None
    if day is not None:
        for entry in entries:
            if any(span.dated and span.covers(day) for span in entry.codes):
                return entry
    return entries[0]


SPELLING_MIN = 6  # shorter surnames one letter apart are too often different people
SURNAME_MAX = 3  # a surname shared by more dictionary persons is not one person's
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _spellings(word: str) -> set[str]:
    """The word with one letter deleted or inserted ("Mitterand" ~ "Mitterrand")."""
    out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    out |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in _LETTERS}
    out.discard(word)
    return out


def _near(a: str, b: str) -> bool:
    """Same word up to one inserted, deleted or replaced letter (given names of 3+ letters)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _by_surname(lexicon: Lexicon) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for phrase, entry_id in lexicon.phrases():
        words = phrase.split(" ")
        if len(words) >= 2 and lexicon.entry(entry_id).kind == "person":
            found.setdefault(key_of(words[-1]), set()).add(entry_id)
    return found


@lru_cache(maxsize=4)
def surname_index(lexicon: Lexicon) -> SurnameIndex:
    """The lexicon's surname index, from the disk cache when the lexicon's is known."""
    if lexicon.digest is None:
        return SurnameIndex(lexicon)
    by_surname = diskcache.cached("surnames", lexicon.digest, lambda: _by_surname(lexicon))
    return SurnameIndex(lexicon, by_surname)


def _is_name_token(token: Any) -> bool:
    text = token.text
    return (token.pos_ == "PROPN" and text[:1].isupper() and text.isalpha()) or text in ("-",)


def trim_name(work: Work, start: int, end: int) -> tuple[int, int]:
    """Drop title words, demonyms and possessives from the edges of a name span."""
    tokens = work.tokens
    while start < end and (
        is_role_word(work, start)
        or tokens[start].lower_ in TITLE_MODIFIERS
        or tokens[start].lower_ == "the"
        or tokens[start].lower_ in HONORIFICS
        or work.lexicon.demonym(tokens[start].text) is not None
    ):
        start += 1
    while end > start and (tokens[end - 1].tag_ == "POS" or not tokens[end - 1].text[:1].isalpha()):
        end -= 1
    return start, end


def proper_runs(work: Work) -> Iterator[tuple[int, int]]:
    """Maximal runs of capitalised proper-noun tokens inside one sentence."""
    tokens = work.tokens
    i = 0
    while i < len(tokens):
        if not _is_name_token(tokens[i]) or tokens[i].text == "-":
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and _is_name_token(tokens[j]) and work.sent_of[j] == work.sent_of[i]:
            j += 1
        yield i, j
        i = j


def person_spans(work: Work) -> list[tuple[int, int, str]]:
    """Name spans with how they were found (ner | dictionary | guess), longest first."""
    tokens = work.tokens
    spans: dict[tuple[int, int], str] = {}
    person_tokens: set[int] = set()
    for ent in work.parsed.ents:
        if ent.label_ == "PERSON":
            start = _extend_left(work, ent.start, ent.end)
            end = _extend_right(work, start, ent.end)
            start, end = trim_name(work, start, end)
            if (
                start < end
                and not _country_like(work, start, end)
                and not_a_person(work, start, end) is None
            ):
                spans[(start, end)] = "ner"
                person_tokens.update(range(start, end))
    # Last words of the full names found so far and of the lexicon's multi-word person hits:
    # a one-word person hit that is one of them is that person's surname, whatever spaCy calls
    # it ("said Trump would visit" is often ORG).
    surnames = {tokens[e - 1].lower_ for (s, e) in spans if e - s > 1} | {
        tokens[h.end - 1].lower_ for h in work.hits if h.first("person") and h.end - h.start > 1
    }
    for hit in work.hits:
        if (
            hit.first("person")
            # spaCy often calls a full name ORG; only a one-word hit needs its agreement.
            and (
                hit.end - hit.start > 1
                or _ent_label(tokens[hit.start]) not in NON_PERSON_LABELS
                or tokens[hit.start].lower_ in surnames
            )
            and not any(i in person_tokens for i in range(hit.start, hit.end))
            and not _continues(work, hit.end)
        ):
            spans[(hit.start, hit.end)] = "dictionary"
            person_tokens.update(range(hit.start, hit.end))
    for start, end in proper_runs(work):
        start, end = trim_name(work, start, end)
        if end - start < 2 or any(i in person_tokens for i in range(start, end)):
            continue
        if work.hit_covering(start) is not None or _ent_label(tokens[start]) in ("GPE", "DATE"):
            continue
        if _names_a_person(work, start, end, person_tokens) and not not_a_person(work, start, end):
            spans[(start, end)] = "guess"
            person_tokens.update(range(start, end))
    return sorted(
        ((s, e, how) for (s, e), how in spans.items()), key=lambda x: (-(x[1] - x[0]), x[0])
    )


def _extend_left(work: Work, start: int, end: int) -> int:
    """Take in a given name spaCy left out ("Council Jorge [Salas Ortega]")."""
    tokens = work.parsed
    while (
        start > 0
        and _is_name_token(tokens[start - 1])
        and tokens[start - 1].dep_ == "compound"
        and start <= tokens[start - 1].head.i < end
        and not is_role_word(work, start - 1)
        and work.hit_covering(start - 1) is None
        and work.sent_of[start - 1] == work.sent_of[start]
    ):
        start -= 1
    return start


def _extend_right(work: Work, start: int, end: int) -> int:
    """Take in the rest of a name spaCy cut short: "[Juan Carlos] Jobet Eluchans" (the cut part
    a compound of a later name word), "[Moon Jae]-in" (a hyphen with no space either side, when
    the lexicon has the longer name: "Trump-era" stays "Trump")."""
    tokens = work.parsed
    while end < len(tokens) and work.sent_of[end] == work.sent_of[end - 1]:
        if _continues(work, end) and end <= tokens[end - 1].head.i < end + 4:
            end += 1
        elif (
            end + 1 < len(tokens)
            and tokens[end].text in ("-", "‐")
            and not tokens[end - 1].whitespace_
            and not tokens[end].whitespace_
            and tokens[end + 1].text.isalpha()
            and "person" in work.lexicon.kinds_of(key_of(tokens[start : end + 2].text))
        ):
            end += 2
        else:
            break
    return end


def _continues(work: Work, i: int) -> bool:
    """Token ``i``, right after a name, carries the name on: a capitalised proper noun of the
    same sentence that is no title, no other lexicon phrase and no other kind of entity
    ("Juan Carlos Jobet" is not the king Juan Carlos; "Donald Trump Monday" is Trump)."""
    tokens = work.parsed
    return (
        i < len(tokens)
        and _is_name_token(tokens[i])
        and tokens[i].text != "-"
        and work.sent_of[i] == work.sent_of[i - 1]
        and _ent_label(tokens[i]) not in NON_PERSON_LABELS - {"ORG"}
        and not is_role_word(work, i)
        and work.hit_covering(i) is None
    )


def _ent_label(token: Any) -> str:
    label: str = token.ent_type_
    return label


def _country_like(work: Work, start: int, end: int) -> bool:
    hit = work.hit_covering(start)
    if hit is not None and hit.end >= end and bool(hit.kinds() - {"person", "agent"}):
        return True
    # "Bosnian Serbs" (spaCy: PERSON) is demonym after demonym, not a name.
    return all(
        (h := work.hit_covering(i)) is not None and h.first("demonym") is not None
        for i in range(start, end)
    )


def _names_a_person(work: Work, start: int, end: int, person_tokens: set[int]) -> bool:
    """Syntax says the run is a person: listed with a PERSON, beside a role noun, after a title."""
    tokens = work.parsed
    head = tokens[end - 1]
    # Coordinated with a known person: climb the conj chain and look at every member.
    top = head
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    members = [top]
    for member in members:  # grows while walking: conj children of conj children
        members.extend(c for c in member.children if c.dep_ == "conj")
    if any(m.i in person_tokens for m in members):
        return True
    # "his Chinese counterpart, Dang Jing Wing" / "Dang Jing Wing, the Chinese envoy".
    if head.dep_ == "appos" and is_role_word(work, head.head.i):
        return True
    if any(c.dep_ == "appos" and is_role_word(work, c.i) for c in head.children):
        return True
    # "Foreign Minister Xu Yan": a role word right before the run.
    return start > 0 and is_title_word(work, start - 1)
