"""Article highlighting: sentences, actor mentions and triggers become separate pieces."""

from __future__ import annotations

from tests.web.builders import _event, _sentences

from eventwire.records import Actor, Article, Mention
from eventwire.web.highlight import highlight


def test_highlight_marks_actor_and_event_sentence() -> None:
    body = "Iran met Russia.\nNothing happened."
    sentences = _sentences(body)
    iran = Actor(
        "Iran",
        "IRN",
        "IRN",
        None,
        "country",
        "dictionary",
        [Mention("Iran", 0, 4, 0, "dictionary")],
    )
    event = _event(
        "d", 0, sentences[0], ("IRN", "Iran"), ("RUS", "Russia"), "040", plover="CONSULT",
        quad=1, goldstein=1.0, day="2024-01-01", place=None,
    )  # fmt: skip
    blocks = highlight(
        Article("d", body), [(s.idx, s.start, s.end) for s in sentences], [iran], [event]
    )
    first = next(b for b in blocks if b.index == 0)
    assert first.events == [event.event_id]
    assert first.pieces[0].actor == "IRN"
    assert "".join(p.text for b in blocks for p in b.pieces) == body
    assert next(b for b in blocks if b.index == 1).events == []


def test_highlight_keeps_one_of_overlapping_mentions() -> None:
    body = "Iran's minister spoke."
    long = Actor("minister", "IRNGOV", "IRN", "GOV", "agent", "role",
                 [Mention("Iran's minister", 0, 15, 0, "role")])  # fmt: skip
    short = Actor("Iran", "IRN", "IRN", None, "country", "dictionary",
                  [Mention("Iran", 0, 4, 0, "dictionary")])  # fmt: skip
    blocks = highlight(Article("d", body), [(0, 0, len(body))], [short, long], [])
    marked = [p for b in blocks for p in b.pieces if p.actor]
    assert [(p.text, p.actor) for p in marked] == [("Iran's minister", "IRNGOV")]


def test_highlight_pieces_are_the_text_alone_its_lead_is_metadata() -> None:
    text = "Iran  met\tRussia.\r\n"
    iran = Actor("Iran", "IRN", "IRN", None, "country", "dictionary",
                 [Mention("Iran", 0, 4, 0, "dictionary")])  # fmt: skip
    article = Article("d", text, lead="A lead.")
    blocks = highlight(article, [(0, 0, len(text))], [iran], [])
    assert "".join(p.text for b in blocks for p in b.pieces) == text
    assert [p.text for b in blocks for p in b.pieces if p.actor] == ["Iran"]
