"""The actors stage's word lists: one list of a grouped ``data/vocabulary/actor_*.tsv`` file.

Each ``actor_*.tsv`` file groups the word lists of several rules; its ``list`` column says which
rule reads a row (``docs/actors.md`` says which file holds which rule's words). The files are
read once per process through :mod:`eventwire.vocabulary`. A row naming a list its file does not
hold, a list asked for with no row, or a role word without a sector stops with a
:class:`~eventwire.errors.ConfigError` naming the file: a misspelt list name would otherwise drop
its words without a word said.
"""

from __future__ import annotations

from functools import cache

from eventwire.vocabulary import ConfigError, table

# The files, by the modules that read them.
TITLES = "actor_titles"  # roles, persons, states, coref
NAME_WORDS = "actor_name_words"  # matcher, recognize, coref
PLACES = "actor_places"  # states, group_places
GROUP_WORDS = "actor_group_words"  # groups, states
COREF_WORDS = "actor_coref_words"  # coref
NOT_PERSONS = "actor_not_persons"  # not_persons

# The lists each file holds (the header comment of each file says what a row of each means).
LISTS: dict[str, frozenset[str]] = {
    TITLES: frozenset(
        {"role", "person", "generic", "name_title", "modifier", "honorific", "joint", "former"}
    ),
    NAME_WORDS: frozenset({"particle", "compass", "stance", "surname_first"}),
    PLACES: frozenset(
        {
            "place_prep",
            "place_noun",
            "group_prep",
            "clause_prep",
            "unlocated_sector",
            "unplaced_sector",
            "posted_abroad",
            "locating_verb",
        }
    ),
    GROUP_WORDS: frozenset(
        {
            "authored",
            "origin",
            "possessive_person",
            "possessive_group",
            "definite",
            "indefinite",
            "from_list",
        }
    ),
    COREF_WORDS: frozenset({"state_head", "list_glue", "pronoun"}),
    NOT_PERSONS: frozenset({"name", "head", "lead", "particle"}),
}


def word_list(name: str, group: str) -> frozenset[str]:
    """The words of list ``group`` of vocabulary file ``name``."""
    return frozenset(row["word"] for row in _rows(name, group))


def sectors(name: str, group: str) -> dict[str, str]:
    """Word -> sector (TABARI notation, "~GOV") of list ``group`` of vocabulary file ``name``."""
    found = {}
    for row in _rows(name, group):
        if not row.get("sector"):
            raise ConfigError(f"{_where(name)}: {row['word']!r} ({group}) has no sector")
        found[row["word"]] = row["sector"]
    return found


@cache
def _rows(name: str, group: str) -> tuple[dict[str, str], ...]:
    known = LISTS[name]
    rows = table(name)
    for row in rows:
        if row.get("list") not in known:
            raise ConfigError(
                f"{_where(name)}: {row['word']!r} is in list {row.get('list')!r}, "
                f"not one of {', '.join(sorted(known))}"
            )
    found = tuple(row for row in rows if row["list"] == group)
    if not found:
        raise ConfigError(f"{_where(name)}: no row in list {group!r}")
    return found


def _where(name: str) -> str:
    return f"data/vocabulary/{name}.tsv"
