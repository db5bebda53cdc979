"""The words known as persons' (actors.not_persons.KnownNameWords): a lexicon person's words,
and the words of the document's other multi-word PERSON names, never the span's own."""

from __future__ import annotations

from eventwire.actors.not_persons import KnownNameWords


def test_known_words_are_the_lexicons_and_the_other_names_of_the_document() -> None:
    known = KnownNameWords(
        frozenset({"putin"}),
        {"sacoolas": {(3, 5)}, "anne": {(3, 5)}, "gammon": {(9, 11), (20, 22)}},
        (3, 5),
    )
    assert "putin" in known
    assert "sacoolas" not in known  # only in the span being judged
    assert "gammon" in known
    assert "trump" not in known
    elsewhere = KnownNameWords(frozenset(), {"sacoolas": {(3, 5)}}, (12, 13))
    assert "sacoolas" in elsewhere
