"""Whole-article scoring on a news gold: matching, measures, causes, persons, places, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import EVAL_DATA
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.document import Document
from eventwire.goldsets import PredEvent
from eventwire.news_eval import evaluate_news, person_outcome, place_right
from eventwire.news_gold import GoldError, GoldPerson, GoldPlace, NewsArticle, load_news
from eventwire.records import Actor, Article, Event, Location, Mention, Sentence

TEXT = "Russia attacked Ukraine. France met Germany. Italy praised Spain. Poland criticised Chile."
PUBLISHED = "2022-03-02"


def _gold_event(sentence: str, src: str, tgt: str, cameo: str, **extra: object) -> dict:
    return {
        "sentence": sentence,
        "src": src,
        "tgt": tgt,
        "cameo": cameo,
        "root": cameo[:2],
        "date": extra.get("date"),
        "place": extra.get("place"),
        "note": "",
    }


GOLD = {
    "id": "a1",
    "published": PUBLISHED,
    "events": [
        _gold_event("Russia attacked Ukraine.", "RUSMIL", "UKRMIL", "190", date="2022-03-01",
                    place="Moscow"),
        _gold_event("France met Germany.", "FRA", "DEU", "040"),
        _gold_event("France met Germany.", "DEU", "FRA", "040"),
        _gold_event("Italy praised Spain.", "ITA", "ESP", "051"),
        _gold_event("Poland criticised Chile.", "POL", "CHL", "111"),
    ],
    "persons": [{"name": "Vladimir Putin", "code": "RUSGOV"}],
}  # fmt: skip


def _files(tmp_path: Path, gold: dict | None = None) -> tuple[Path, Path]:
    gold_path = tmp_path / "news_gold.jsonl"
    gold_path.write_text(json.dumps(gold or GOLD) + "\n", encoding="utf-8")
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text(
        json.dumps({"id": "a1", "title": "T", "text": TEXT, "published": PUBLISHED}) + "\n",
        encoding="utf-8",
    )
    return gold_path, corpus


def _sentences() -> list[Sentence]:
    out, start = [], 0
    for idx, part in enumerate(TEXT.split(". ")):
        text = part if part.endswith(".") else part + "."
        start = TEXT.index(text, start)
        out.append(Sentence(idx, start, start + len(text), text))
        start += len(text)
    return out


def _actor(name: str, code: str, sentence: int) -> Actor:
    start = TEXT.index(name)
    mention = Mention(name, start, start + len(name), sentence, "dictionary")
    return Actor(name, code, code[:3] or None, code[3:] or None, "state", "dictionary", [mention])


def _event(sentence: int, source: str, target: str, cameo: str, **extra: object) -> Event:
    return Event(
        event_id=f"e{sentence}{source}{target}",
        doc_id="a1",
        sentence=sentence,
        text="",
        span=(0, 1),
        source=source,
        source_name=source,
        target=target,
        target_name=target,
        cameo=cameo,
        root=cameo[:2],
        plover=None,
        plover_mode=None,
        quad_class=None,
        goldstein=None,
        date=extra.get("date", PUBLISHED),  # type: ignore[arg-type]
        date_basis="published",
        location=extra.get("location"),  # type: ignore[arg-type]
        negated=bool(extra.get("negated", False)),
        confidence=1.0,
        rule="test",
    )


def stub_coder(article: NewsArticle) -> Document:
    """What a coder might emit for TEXT: one right event, one half of a mutual act, errors."""
    moscow = Location("Moscow", "RUS", "48", 55.75, 37.62, "city")
    doc = Document(article=Article(id=article.id, text=article.text))
    doc.sentences = _sentences()
    doc.actors = [
        _actor("Russia", "RUS", 0),
        _actor("Ukraine", "UKR", 0),
        _actor("France", "FRA", 1),
        _actor("Germany", "DEU", 1),
        _actor("Italy", "ITA", 2),
        _actor("Spain", "ESP", 2),
        _actor("Poland", "POL", 3),
        _actor("Chile", "", 3),
        Actor("President Vladimir Putin", "RUSGOV", "RUS", "GOV", "person", "role", []),
    ]
    doc.events = [
        _event(0, "RUSMIL", "UKRMIL", "190", date="2022-03-01", location=moscow),
        _event(1, "FRAGOV", "DEUGOV", "040"),
        _event(2, "ITAGOV", "ITA", "051"),  # the source's own country as the target
        _event(0, "USAGOV", "UKRMIL", "190"),  # a source the sentence does not name
        _event(3, "POLGOV", "", "120", negated=True),  # denied: never counted
    ]
    return doc


def test_scores_and_explains_every_event(tmp_path: Path) -> None:
    gold, corpus = _files(tmp_path)
    report = evaluate_news(gold, corpus, coder=stub_coder)
    assert (report.tp, report.fp, report.fn) == (2, 2, 3)
    m = report.measures()
    assert (m["precision"], m["recall"]) == (0.5, 0.4)
    assert m["f1"] == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    assert (report.codes, report.dates, report.places) == ((1, 2), (1, 1), (1, 1))
    assert (m["persons_country"], m["persons_exact"]) == (1.0, 1.0)
    causes = report.causes()
    assert dict(causes["missed"]) == {
        "one event for two": 1,  # DEU -> FRA: the one meeting event went to FRA -> DEU
        "self-target": 1,  # ITA -> ESP coded as ITA -> ITA
        "actor without a country": 1,  # Chile is uncoded
    }
    assert dict(causes["false"]) == {"self-target": 1, "wrong source": 1}
    assert dict(causes["matched"]) == {"actor sector": 1}  # FRA vs FRAGOV


def test_details_file_lists_every_event_and_person(tmp_path: Path) -> None:
    gold, corpus = _files(tmp_path)
    details = tmp_path / "details.jsonl"
    evaluate_news(gold, corpus, coder=stub_coder).write_details(details)
    (row,) = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert (row["id"], row["tp"], row["fp"], row["fn"]) == ("a1", 2, 2, 3)
    assert [(e["status"], e["cause"]) for e in row["events"]] == [
        ("matched", None),
        ("matched", None),
        ("missed", "one event for two"),
        ("missed", "self-target"),
        ("missed", "actor without a country"),
        ("false", "self-target"),
        ("false", "wrong source"),
    ]
    assert row["events"][1]["issues"] == ["actor sector"]
    assert row["events"][6]["pred"]["source"] == "USAGOV"
    assert row["events"][6]["sentence"] == "Russia attacked Ukraine."
    assert row["persons"] == [
        {
            "name": "Vladimir Putin",
            "gold": "RUSGOV",
            "found": "RUSGOV",
            "actor": "President Vladimir Putin",
            "country_right": True,
            "exact": True,
        }
    ]


def test_wrong_date_and_place_are_issues_of_a_matched_event(tmp_path: Path) -> None:
    gold = dict(GOLD, events=[GOLD["events"][0]])

    def coder(article: NewsArticle) -> Document:
        doc = stub_coder(article)
        kyiv = Location("Kyiv", "UKR", "12", 50.45, 30.52, "city")
        doc.events = [_event(0, "RUS", "UKR", "193", date="2022-03-02", location=kyiv)]
        return doc

    report = evaluate_news(*_files(tmp_path, gold), coder=coder)
    assert (report.tp, report.dates, report.places) == (1, (0, 1), (0, 1))
    assert dict(report.causes()["matched"]) == {"date": 1, "place": 1, "actor sector": 1}


def test_a_denied_or_unreal_trigger_is_a_modality_miss(tmp_path: Path) -> None:
    gold = dict(GOLD, events=[GOLD["events"][4]])

    def coder(article: NewsArticle) -> Document:
        doc = stub_coder(article)
        doc.events = [_event(3, "POLGOV", "", "111", negated=True)]
        return doc

    report = evaluate_news(*_files(tmp_path, gold), coder=coder)
    assert (report.tp, report.fp, report.fn) == (0, 0, 1)
    assert dict(report.causes()["missed"]) == {"negation/modality": 1}


def test_place_is_judged_at_the_gold_place_level() -> None:
    def at(country: str, admin1: str | None, lat: float | None, lon: float | None) -> PredEvent:
        return PredEvent("", "", place_country=country, place_admin1=admin1, lat=lat, lon=lon)

    iran = GoldPlace("Iran", "country", "IRN")
    assert place_right(iran, at("IRN", "26", 35.69, 51.42))  # Tehran is in Iran
    assert not place_right(iran, at("IRQ", None, None, None))
    nevada = GoldPlace("Nevada", "region", "USA", "NV")
    assert place_right(nevada, at("USA", "NV", 36.17, -115.14))
    assert not place_right(nevada, at("USA", "CA", 34.05, -118.24))
    syria = GoldPlace("north-eastern Syria", "region", "SYR", None, 36.5, 40.75, 200.0)
    assert place_right(syria, at("SYR", None, 37.05, 41.22))  # Qamishli, ~70 km
    assert not place_right(syria, at("SYR", None, 33.51, 36.29))  # Damascus, ~600 km
    athens = GoldPlace("Athens", "city", "GRC", None, 37.98, 23.73)
    assert place_right(athens, at("GRC", None, 37.94, 23.65))  # Piraeus, ~8 km
    assert not place_right(athens, at("GRC", None, None, None))  # Greece only: too coarse
    assert not place_right(athens, at("USA", "GA", 33.96, -83.38))  # Athens, Georgia


def test_person_is_found_by_full_name_title_or_surname() -> None:
    def actor(name: str, code: str, *mentions: str) -> Actor:
        found = [Mention(m, 0, len(m), 0, "coref") for m in mentions]
        return Actor(name, code, code[:3], code[3:] or None, "person", "role", found)

    schumer = GoldPerson("Chuck Schumer", "USALEG")
    assert person_outcome(schumer, [actor("Democrat Chuck Schumer", "USALEG")]).exact
    trump = GoldPerson("Donald Trump", "USAGOV")
    by_surname = person_outcome(trump, [actor("President Trump", "USAGOV", "Trump")])
    assert (by_surname.found, by_surname.actor) == ("USAGOV", "President Trump")
    # A surname two gold persons share identifies neither.
    melania = GoldPerson("Melania Trump", "USAELI")
    shared = person_outcome(trump, [actor("Trump", "USAGOV")], [trump, melania])
    assert shared.found is None
    # Of two actors for one person the most mentioned is the one counted.
    twice = [actor("Vance", "", "Vance"), actor("Cyrus R. Vance", "USAJUD", "Vance", "he")]
    vance = person_outcome(GoldPerson("Cyrus R. Vance, Jr.", "USAJUD"), twice)
    assert (vance.found, vance.country_right, vance.exact) == ("USAJUD", True, True)
    wrong = person_outcome(GoldPerson("Brit Hume", "USAMED"), [actor("Hume", "GBR")])
    assert (wrong.country_right, wrong.exact) == (False, False)


def test_shipped_gold_joins_its_texts_from_the_repository() -> None:
    articles = load_news(EVAL_DATA / "wikinews_gold.jsonl")
    assert len(articles) == 40
    assert sum(len(a.events) for a in articles) == 324
    assert sum(len(a.persons) for a in articles) == 247
    for article in articles:
        for event in article.events:
            assert event.sentence in article.text
    places = [e.place for a in articles for e in a.events if e.place_name]
    assert len(places) == 110
    assert all(p is not None and p.source != "gazetteer" for p in places)


def test_gold_errors_name_the_file_and_line(tmp_path: Path) -> None:
    gold, corpus = _files(tmp_path)
    corpus.unlink()
    with pytest.raises(GoldError, match="no corpus of article texts found beside it"):
        load_news(gold)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "zz", "text": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"news_gold.jsonl:1: article 'a1' has no text in"):
        load_news(gold, other)
    gold.write_text(json.dumps(GOLD) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"news_gold.jsonl:2: invalid JSON"):
        load_news(gold, other)


@pytest.mark.slow
def test_cli_scores_a_news_gold_with_the_real_coder(tmp_path: Path) -> None:
    text = "Russian troops attacked Ukrainian positions in Kharkiv on Monday."
    gold_path = tmp_path / "mini_news.jsonl"
    event = _gold_event(text, "RUSMIL", "UKRMIL", "190", date="2022-02-28")
    gold_path.write_text(
        json.dumps({"id": "k1", "published": PUBLISHED, "events": [event], "persons": []}) + "\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "texts.jsonl"
    record = {"id": "k1", "title": "Kharkiv", "text": text, "published": PUBLISHED}
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    details = tmp_path / "details.jsonl"
    args = ["eval", str(gold_path), "--set", "news", "--texts", str(corpus)]
    result = CliRunner().invoke(app, [*args, "--details", str(details), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["tp"], report["fn"], report["dates"]) == (1, 0, 1.0)
    (row,) = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert row["events"][0]["pred"]["cameo"][:2] == "19"
    text_out = CliRunner().invoke(app, args)
    assert text_out.stdout.startswith("## news: F1 1.000")
    missing = CliRunner().invoke(app, ["eval", str(gold_path), "--set", "news"])
    assert missing.exit_code == 2
    assert "no corpus of article texts found beside it" in " ".join(missing.stderr.split())
