"""The actors stage's word lists: every actor_*.tsv file reads; a bad row stops naming its file."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pytest

from eventwire import vocabulary
from eventwire.actors import wordlists
from eventwire.actors.roles import NAME_TITLES, PERSON_ROLES, ROLE_WORDS
from eventwire.errors import ConfigError


@pytest.fixture
def fake_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, str]]]:
    """A vocabulary file "actor_test" holding lists "a" and "b", with the rows the test puts in."""
    rows: list[dict[str, str]] = []
    monkeypatch.setitem(wordlists.LISTS, "actor_test", frozenset({"a", "b"}))
    monkeypatch.setattr(wordlists, "table", lambda name: tuple(rows))
    wordlists._rows.cache_clear()
    yield rows
    wordlists._rows.cache_clear()


def test_every_actor_file_is_known_and_every_list_has_rows() -> None:
    folder = resources.files("eventwire").joinpath(vocabulary.FOLDER)
    shipped = {p.name[:-4] for p in folder.iterdir() if p.name.startswith("actor_")}
    assert shipped == set(wordlists.LISTS)
    for name, lists in wordlists.LISTS.items():
        assert {row["list"] for row in vocabulary.table(name)} == lists, name
        for group in lists:
            assert wordlists.word_list(name, group), (name, group)


def test_titles_read_as_the_rules_use_them() -> None:
    assert ROLE_WORDS["spokesman"] == "~GOV"  # Phoenix says ~MED; before a name it is ~GOV
    assert ROLE_WORDS["general"] == "~MIL"
    assert "counterpart" in PERSON_ROLES
    assert "envoy" not in ROLE_WORDS
    # A role or person word stands before a name too, without a name_title row of its own.
    assert {"envoy", "mediator", "professor"} <= NAME_TITLES


def test_a_row_in_an_unknown_list_is_an_error(fake_file: list[dict[str, str]]) -> None:
    fake_file += [{"word": "x", "list": "a"}, {"word": "y", "list": "c"}]
    with pytest.raises(ConfigError, match=r"actor_test\.tsv: 'y' is in list 'c', not one of a, b"):
        wordlists.word_list("actor_test", "a")


def test_a_list_without_rows_is_an_error(fake_file: list[dict[str, str]]) -> None:
    fake_file += [{"word": "x", "list": "a"}]
    assert wordlists.word_list("actor_test", "a") == frozenset({"x"})
    with pytest.raises(ConfigError, match=r"actor_test\.tsv: no row in list 'b'"):
        wordlists.word_list("actor_test", "b")


def test_a_role_word_needs_a_sector(fake_file: list[dict[str, str]]) -> None:
    fake_file += [{"word": "x", "list": "a", "sector": "~GOV"}, {"word": "y", "list": "b"}]
    assert wordlists.sectors("actor_test", "a") == {"x": "~GOV"}
    with pytest.raises(ConfigError, match=r"actor_test\.tsv: 'y' \(b\) has no sector"):
        wordlists.sectors("actor_test", "b")
