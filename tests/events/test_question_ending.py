"""mood._ends_with_question_mark reads a sentence's last tokens as its whole text would read."""

from __future__ import annotations

import pytest
from tests.events.conftest import vocab

from eventwire.events.mood import _ends_with_question_mark

CASES = [
    (["Will", "they", "come", "?"], [True, False, True, False]),
    (["He", "asked", '"', "why", "?", '"'], [True, True, True, False, False, False]),
    (["Why", "?", "”", " ", "\n\n"], [True, False, False, False, False]),
    (["They", "came", ".", '"', "\n"], [True, True, False, False, False]),
    (["?", "’", "'", '"'], [False, False, False, False]),
    (['"', "'", " "], [False, False, False]),
    (["Is", "it", "?", "No", "."], [True, True, False, True, False]),
]


def whole_text_rule(sent: object) -> bool:
    """The rule as it read the sentence's whole text."""
    return sent.text.rstrip().rstrip("\"'”’ ").endswith("?")  # type: ignore[attr-defined]


@pytest.mark.parametrize(("words", "spaces"), CASES)
def test_same_answer_as_the_whole_sentence_text(words: list[str], spaces: list[bool]) -> None:
    from spacy.tokens import Doc

    # Sentence starts: every word after a "?" or "." opens one, whatever follows.
    starts = [i == 0 or words[i - 1] in ("?", ".") for i in range(len(words))]
    doc = Doc(vocab(), words=words, spaces=spaces, sent_starts=starts)
    for sent in doc.sents:
        assert _ends_with_question_mark(sent) == whole_text_rule(sent), sent.text
