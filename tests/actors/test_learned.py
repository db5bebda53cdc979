"""The learned actor registry on its own: what an article teaches, the time bound, conflicts,
the export as a user dictionary, and where the registry stands among the lexicon's layers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors import learned
from eventwire.actors.entries import resolve
from eventwire.actors.userdict import read_user_dictionary
from eventwire.document import Document
from eventwire.pipeline import code_document
from eventwire.records import Actor, Article, LearnedCode, LearnedSupport, Mention

D = dt.date


FIRST = D(2017, 3, 6)


def _support(
    name: str = "walter brenneman", code: str = "USAGOV", day: dt.date = FIRST, art: str = "a1"
) -> LearnedSupport:
    return LearnedSupport(name, code, day, art, name.title(), 0, 25, 41)


def _code(*supports: LearnedSupport) -> LearnedCode:
    code = LearnedCode.of(supports[0])
    for support in supports[1:]:
        code = code.with_support(support)
    return code


def test_support_is_counted_with_the_newest_article_as_the_example() -> None:
    code = _code(
        _support(day=D(2017, 5, 1), art="a2"),
        _support(day=D(2017, 3, 6), art="a1"),
        _support(day=D(2017, 5, 1), art="a3"),
    )
    assert (code.first, code.last, code.articles, code.example.article_id) == (
        D(2017, 3, 6),
        D(2017, 5, 1),
        3,
        "a3",
    )


def test_a_code_is_used_from_90_days_before_its_first_support_to_2_years_after_its_last() -> None:
    registry = learned.Registry([_code(_support(day=D(2017, 3, 6)))])
    name = "walter brenneman"
    assert registry.lookup(name, D(2016, 12, 6)) is not None
    assert registry.lookup(name, D(2016, 12, 5)) is None
    assert registry.lookup(name, D(2019, 3, 6)) is not None
    assert registry.lookup(name, D(2019, 3, 7)) is None
    assert registry.lookup(name, D(2023, 5, 9)) is None
    assert registry.lookup(name, None) is None  # an undated article is not coded from it
    assert registry.lookup("brenneman", D(2017, 3, 6)) is None


def test_the_most_recent_support_wins_then_the_most_support() -> None:
    usa = _code(_support(day=D(2017, 1, 1), art="a1"), _support(day=D(2018, 1, 1), art="a2"))
    can = _code(_support(code="CANGOV", day=D(2018, 6, 1), art="c1"))
    registry = learned.Registry([usa, can])
    name = "walter brenneman"
    assert registry.lookup(name, D(2017, 6, 1)) == usa  # CANGOV's window starts 2018-03-03
    assert registry.lookup(name, D(2018, 7, 1)) == can
    assert registry.lookup(name, D(2020, 3, 1)) == can  # USAGOV's window ended 2020-01-01
    tie = _code(_support(code="GBRGOV", day=D(2018, 6, 1), art="g1"))
    assert learned.Registry([usa, can, tie]).lookup(name, D(2018, 7, 1)) == can  # by code
    more = can.with_support(_support(code="CANGOV", day=D(2018, 2, 1), art="c0"))
    assert learned.Registry([more, tie]).lookup(name, D(2018, 7, 1)) == more


def test_learning_in_the_run_adds_to_the_snapshot() -> None:
    registry = learned.Registry([_code(_support())])
    registry.learn([_support(day=D(2019, 1, 1), art="a9"), _support("ilse varga", "AUTGOV")])
    found = registry.lookup("walter brenneman", D(2020, 6, 1))
    assert found is not None
    assert (found.articles, found.last) == (2, D(2019, 1, 1))
    assert len(registry) == 2


def test_the_spans_give_every_day_the_code_lookup_gives() -> None:
    registry = learned.Registry(
        [
            _code(_support(day=D(2017, 1, 1), art="a1"), _support(day=D(2018, 1, 1), art="a2")),
            _code(_support(code="CANGOV", day=D(2018, 6, 1), art="c1")),
            _code(_support(code="GBRGOV", day=D(2024, 6, 1), art="g1")),
        ]
    )
    name = "walter brenneman"
    spans = registry.spans(name)
    assert [s.code for s in spans] == ["USAGOV", "CANGOV", "GBRGOV"]
    day = D(2016, 1, 1)
    while day < D(2027, 1, 1):
        found = registry.lookup(name, day)
        assert resolve(spans, day) == (found.code if found else None), day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("suffix", [".yaml", ".csv"])
def test_the_export_is_a_user_dictionary_with_those_spans(tmp_path: Path, suffix: str) -> None:
    registry = learned.Registry(
        [
            _code(_support(day=D(2017, 1, 1), art="a1")),
            _code(_support(code="CANGOV", day=D(2018, 6, 1), art="c1")),
            _code(_support('jean-yves o"brien', "FRAGOV", art="f1")),
        ]
    )
    path = tmp_path / f"learned{suffix}"
    path.write_text(learned.as_user_dictionary(registry, suffix), encoding="utf-8")
    entries = {e.name: e for e in read_user_dictionary(path)}
    assert set(entries) == {'jean-yves o"brien', "walter brenneman"}
    assert all(e.kind == "person" for e in entries.values())
    assert list(entries["walter brenneman"].codes) == registry.spans("walter brenneman")
    with pytest.raises(ValueError, match=r"use \.yaml or \.csv"):
        learned.as_user_dictionary(registry, ".txt")


def _actor(name: str, code: str, *, learnable: bool = True, kind: str = "person") -> Actor:
    mentions = [Mention("the envoy", 0, 9, 0, "role"), Mention(name, 10, 10 + len(name), 1, "role")]
    return Actor(name, code, code[:3], code[3:], kind, "role", mentions, learnable=learnable)


def test_an_article_teaches_its_full_names_coded_from_its_text() -> None:
    article = Article(id="a1", text="...", published=dt.datetime(2017, 3, 6, 9, tzinfo=dt.UTC))
    doc = Document(article=article)
    doc.actors = [
        _actor("Walter Brenneman", "USAGOV"),
        _actor("Brenneman", "USAGOV"),  # one name word
        _actor("Viktor Orban", "HUNGOV", learnable=False),  # the lexicon knows him so
        _actor("the Hungarian government", "HUNGOV", kind="agent"),
    ]
    assert learned.supports_of(doc) == [
        LearnedSupport(
            "walter brenneman", "USAGOV", D(2017, 3, 6), "a1", "Walter Brenneman", 1, 10, 26
        )
    ]
    doc.article.published = None
    assert learned.supports_of(doc) == []


def _coded(text: str, day: dt.date, registry: learned.Registry | None) -> dict[str, Actor]:
    with learned.using(registry):
        doc = code_document(Document(article=Article(id="t", text=text, published=day)))
    return {a.name: a for a in doc.actors}


@pytest.mark.slow
def test_precedence_among_the_layers() -> None:
    day = D(2017, 5, 9)
    registry = learned.Registry(
        [
            _code(_support()),
            _code(_support("viktor orban", "AUTGOV")),  # an office-holder in office that day
            _code(_support("samir geagea", "LBNGOV")),  # Phoenix: LBNELI, undated
        ]
    )
    text = (
        "Walter Brenneman criticized Viktor Orban on Tuesday. "
        "Samir Geagea met Walter Brenneman in Beirut."
    )
    plain = _coded(text, day, None)
    assert [plain[n].code for n in ("Walter Brenneman", "Viktor Orban", "Samir Geagea")] == [
        "",
        "HUNGOV",
        "LBNELI",
    ]
    actors = _coded(text, day, registry)
    assert (actors["Walter Brenneman"].code, actors["Walter Brenneman"].resolved_by) == (
        "USAGOV",
        "learned",
    )
    assert actors["Viktor Orban"].code == "HUNGOV"
    assert actors["Viktor Orban"].resolved_by == "dictionary"
    assert (actors["Samir Geagea"].code, actors["Samir Geagea"].resolved_by) == (
        "LBNGOV",
        "learned",
    )
    assert "Phoenix dictionary" in (actors["Samir Geagea"].detail or "")
    # A title in the article itself beats the registry.
    titled = _coded("Canadian Ambassador Walter Brenneman left Budapest.", day, registry)
    assert (titled["Walter Brenneman"].code, titled["Walter Brenneman"].resolved_by) == (
        "CANGOV",
        "role",
    )
    assert learned.in_force() is None
