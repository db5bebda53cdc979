"""Parsing: one model per process, batched parses, and the selective two-pass mode."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.errors import ConfigError
from eventwire.pipeline import Document, process, process_all
from eventwire.records import Article

pytestmark = pytest.mark.slow

TEXT = "The weather was mild. Police arrested two protesters in Nairobi on Monday. It rained later."


def test_parse_mode_rejects_unknown_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_PARSE", "fast")
    with pytest.raises(ConfigError, match="EVENTWIRE_PARSE"):
        nlp.parse_mode()


def test_selective_parse_parses_only_candidate_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_PARSE", "selective")
    [doc] = nlp.parse_many([TEXT])
    sents = list(doc.sents)
    assert [s.text for s in sents] == [
        "The weather was mild.",
        "Police arrested two protesters in Nairobi on Monday.",
        "It rained later.",
    ]
    assert sents[1].root.lemma_ == "arrest"
    assert {t.dep_ for t in sents[0]} == {"ROOT", "dep"}  # flat: not a candidate
    assert any(e.text == "Nairobi" for e in doc.ents)


def test_selective_and_full_parse_agree_on_candidate_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EVENTWIRE_PARSE", "full")
    [full] = nlp.parse_many([TEXT])
    monkeypatch.setenv("EVENTWIRE_PARSE", "selective")
    [selective] = nlp.parse_many([TEXT])
    full_sent, sel_sent = list(full.sents)[1], list(selective.sents)[1]
    assert [(t.text, t.dep_, t.head.i) for t in full_sent] == [
        (t.text, t.dep_, t.head.i) for t in sel_sent
    ]


def test_batched_processing_equals_one_at_a_time() -> None:
    articles = [
        Article(id=f"a{i}", text=text, published=None)
        for i, text in enumerate(
            [
                "France condemned Germany over the border closure.",
                "Rebels attacked an army base near Goma.",
                "Nothing happened here.",
            ]
        )
    ]
    batched = [d for d in process_all(articles) if isinstance(d, Document)]
    single = [process(a) for a in articles]
    assert [[e.event_id for e in d.events] for d in batched] == [
        [e.event_id for e in d.events] for d in single if isinstance(d, Document)
    ]
