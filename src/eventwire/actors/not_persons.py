"""Spans spaCy calls PERSON that name no person: places, platforms, events, things.

:func:`not_a_person` gives the reason a name span is no person, or None. The rules, in order:

1. shape: a word of the span starts in lower case (or in a script without capitals) and is not a
   name particle ("bin", "de", "al-"), or joins the name by a hyphen: "per cubic meter", "I'm";
2. data: the span is a listed non-person name ("Twitter", "Brexit", "COVID-19"), starts with a
   word that makes it a storm, a ship or a place ("Typhoon Haiyan", "County Mayo"), or has after
   its first word one that makes it a building, a street or a publication ("Bridgeport
   Hospital", "Divisional Railway Manager"); the words are
   ``data/vocabulary/actor_not_persons.tsv``;
3. lexicon: the whole span is a lexicon phrase of a country, place, people or organisation and of
   no person (the matcher may not have accepted the hit, at the start of a sentence for one);
4. grammar: spaCy tags no word of the span a proper noun ("Attendance", "Photographs"), and no
   person's name has such a word (a lexicon person, or another PERSON name of the document:
   "Sacoolas" after "Anne Sacoolas");
5. gazetteer: the span is the name of a gazetteer place (cities of 15,000+), and for one word no
   person's name (as in 4) has the word ("Jolo", "Chikmagalur"; not "Jackson", "Darwin",
   "Kim", not "Conyers" after "John Conyers"), unless a place preposition stands before it and
   no possessive after it ("in Darwin", not "in Garcia's new group"); for several words no
   lexicon person is called so ("Ciudad Juárez", "Tsuen Wan").
"""

from __future__ import annotations

from functools import lru_cache

from eventwire import diskcache
from eventwire.actors.draft import Work
from eventwire.actors.lexicon import Lexicon
from eventwire.actors.matcher import key_of
from eventwire.actors.wordlists import NOT_PERSONS, PLACES, word_list

__all__ = ["not_a_person", "person_words"]

NAMES = word_list(NOT_PERSONS, "name")
HEADS = word_list(NOT_PERSONS, "head")
LEADS = word_list(NOT_PERSONS, "lead")
PARTICLES = word_list(NOT_PERSONS, "particle")
PLACE_PREPS = word_list(PLACES, "place_prep")
# Lexicon kinds that are not persons; "agent" and "blocker" are common nouns, not names.
THING_KINDS = frozenset({"country", "capital", "demonym", "metonym", "org", "igo", "ngo", "mnc"})
THING_KINDS |= {"nonstate"}
HYPHENS = ("-", "‐", "–")


def not_a_person(work: Work, start: int, end: int) -> str | None:
    """Why tokens ``start``..``end`` (a name span) are not a person, or None when they may be."""
    tokens = work.parsed[start:end]
    words = [t for t in tokens if t.text[:1].isalpha()]
    if not words:
        return "no word"
    for token in words:
        if token.text[:1].isupper() or token.lower_ in PARTICLES:
            continue
        if token.i > 0 and work.tokens[token.i - 1].text in HYPHENS and not _spaced(work, token.i):
            continue  # "Yu Hoi-kwan", "Chan-o-cha"
        return f"lower-case word {token.text!r}"
    key = key_of(tokens.text)
    if key in NAMES:
        return "listed non-person name"
    first = key_of(words[0].text)
    head = next((t for t in words[1:] if key_of(t.text) in HEADS), None)
    if head is not None:
        return f"{head.text!r} after the first word"
    if len(words) > 1 and first in LEADS:
        return f"starts with {words[0].text!r}"
    kinds = work.lexicon.kinds_of(key)
    if kinds & THING_KINDS and "person" not in kinds:
        return f"lexicon {'/'.join(sorted(kinds & THING_KINDS))}"
    known = KnownNameWords(person_words(work.lexicon), _person_ent_words(work), (start, end))
    if all(t.pos_ != "PROPN" for t in words) and not any(key_of(t.text) in known for t in words):
        return "no proper noun"
    return _place(work, start, end, key, known)


class KnownNameWords:
    """Words of names known to be persons': every word of a lexicon person's name, and the words
    of the document's other multi-word PERSON names ("Sacoolas" after "Anne Sacoolas" is the
    person, whatever the word also names).  A membership test, so the large lexicon set is
    never copied for one name span."""

    def __init__(
        self,
        lexicon_words: frozenset[str],
        in_document: dict[str, set[tuple[int, int]]],
        span: tuple[int, int],
    ) -> None:
        self.lexicon_words = lexicon_words
        self.in_document = in_document
        self.span = span

    def __contains__(self, word: object) -> bool:
        if word in self.lexicon_words:
            return True
        return any(other != self.span for other in self.in_document.get(str(word), ()))


def _person_ent_words(work: Work) -> dict[str, set[tuple[int, int]]]:
    """Each word of the document's multi-word PERSON entities -> the entities holding it."""
    if work.person_ent_words is None:
        found: dict[str, set[tuple[int, int]]] = {}
        for ent in work.parsed.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                for t in ent:
                    found.setdefault(key_of(t.text), set()).add((ent.start, ent.end))
        work.person_ent_words = found
    return work.person_ent_words


def _place(work: Work, start: int, end: int, key: str, known: KnownNameWords) -> str | None:
    from eventwire.whenwhere.gazetteer import key as place_key
    from eventwire.whenwhere.gazetteer import lookup

    name = place_key(work.parsed[start:end].text)
    places = [p for p in lookup(name) if place_key(p.name) == name]
    if not places:
        return None
    before = work.tokens[start - 1].lower_ if start > 0 else ""
    if before == "the" and start > 1:
        before = work.tokens[start - 2].lower_
    possessive = end < len(work.parsed) and work.tokens[end].tag_ == "POS"
    if end - start == 1 and key in known:
        return None  # "in Garcia's new group", "Dr. Livermore" after "David Livermore"
    if before in PLACE_PREPS and not possessive:
        return f"place after {before!r}"
    if end - start == 1:
        return "gazetteer place"
    if end - start > 1 and "person" not in work.lexicon.kinds_of(key):
        return "gazetteer place"
    return None


def _spaced(work: Work, i: int) -> bool:
    """Whether a space stands between token ``i`` and the token before it."""
    return bool(work.tokens[i - 1].whitespace_)


@lru_cache(maxsize=4)
def person_words(lexicon: Lexicon) -> frozenset[str]:
    """Every word of every lexicon person's name ("vladimir", "putin", "jackson"), from the disk
    cache when the lexicon's is known."""
    if lexicon.digest is None:
        return _person_words(lexicon)
    return diskcache.cached("person-words", lexicon.digest, lambda: _person_words(lexicon))


def _person_words(lexicon: Lexicon) -> frozenset[str]:
    found: set[str] = set()
    kinds: dict[str, bool] = {}
    for phrase, _entry_id in lexicon.phrases():
        is_person = kinds.get(phrase)
        if is_person is None:
            is_person = kinds[phrase] = "person" in lexicon.kinds_of(phrase)
        if is_person:
            found.update(key_of(phrase).split(" "))
    return frozenset(found)
