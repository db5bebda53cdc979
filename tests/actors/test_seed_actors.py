"""The founding article end to end: the actors the issue's "done when" list asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import nlp, sources
from eventwire.actors import recognize
from eventwire.document import Document
from eventwire.records import Article

pytestmark = pytest.mark.slow

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed" / "tabnak-837703.txt"


@pytest.fixture(scope="module")
def seed() -> Document:
    if not SEED.is_file():
        pytest.skip("../shared seed article is not beside the repository")
    article = next(iter(sources.read([SEED])))
    assert isinstance(article, Article)
    return recognize.stage(nlp.stage(Document(article=article)))


def _actor(doc: Document, name: str) -> tuple[str, set[str]]:
    actor = next(a for a in doc.actors if a.name == name)
    return actor.code, {m.text for m in actor.mentions}


def test_shamkhani_coded_by_title_with_role_mentions(seed: Document) -> None:
    code, mentions = _actor(seed, "Ali Shamkhani")
    assert code == "IRNGOV"
    assert {
        "Shamkhani",
        "Iran’s top security official",
        "The Iranian security official",
    } <= mentions


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Nikolai Patrushev", "RUS"),
        ("Dang Jing Wing", "CHN"),
        ("Ajit Doval", "IND"),
        ("Hamdullah Mohib", "AFG"),
    ],
)
def test_counterparts_get_their_countries(seed: Document, name: str, country: str) -> None:
    code, _ = _actor(seed, name)
    assert code.startswith(country)


def test_counterpart_descriptions(seed: Document) -> None:
    assert {"his Russian counterpart", "The Russian official"} <= _actor(seed, "Nikolai Patrushev")[
        1
    ]
    assert {"his Chinese counterpart", "The Chinese official"} <= _actor(seed, "Dang Jing Wing")[1]


def test_israel_with_zionist_regime(seed: Document) -> None:
    code, mentions = _actor(seed, "Israel")
    assert code == "ISR"
    assert "the Zionist regime" in mentions


def test_syrian_army(seed: Document) -> None:
    assert any(a.code == "SYRMIL" and a.name == "the Syrian army" for a in seed.actors)


def test_ahvaz_and_meeting_place_are_not_actors(seed: Document) -> None:
    texts = {m.text for a in seed.actors for m in a.mentions}
    assert "Ahvaz" not in texts
    tehran = seed.body.index("in Tehran") + 3
    assert all(not (m.start <= tehran < m.end) for a in seed.actors for m in a.mentions)


def test_one_actor_per_person(seed: Document) -> None:
    names = [a.name for a in seed.actors if a.kind == "person"]
    assert len(names) == len(set(names)) == 5
