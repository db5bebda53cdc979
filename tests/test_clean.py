"""Tests for eventwire.clean: normalisation, ids, repeated leads and datelines."""

from __future__ import annotations

import pytest

from eventwire.clean import (
    clean_text,
    content_id,
    drop_repeated_lead,
    split_paragraphs,
    strip_dateline,
    to_ascii_digits,
)


def test_to_ascii_digits_persian_and_arabic_indic() -> None:
    assert to_ascii_digits("۸۳۷۷۰۳ / ٨٣٧٧٠٣ / 837703") == "837703 / 837703 / 837703"


def test_clean_text_nfc() -> None:
    assert clean_text("Cafe\u0301") == "Café"


def test_clean_text_removes_bom_zero_width_and_bidi_controls() -> None:
    dirty = "\ufeffIran\u200b said\u2060 \u200eon\u200f \u202bMonday\u202c \u2067ok\u2069"
    assert clean_text(dirty) == "Iran said on Monday ok"


def test_clean_text_keeps_zwnj_inside_persian_words_only() -> None:
    assert clean_text("می\u200cخواهد") == "می\u200cخواهد"
    assert clean_text("word\u200c next") == "word next"


def test_clean_text_normalises_whitespace_but_keeps_paragraphs() -> None:
    text = "  First\u00a0 line\t here \r\nsecond line\r\n\r\n\r\n\r\nNext   paragraph  "
    assert clean_text(text) == "First line here\nsecond line\n\nNext paragraph"


def test_split_paragraphs_joins_wrapped_lines() -> None:
    text = "One\nwrapped line.\n\n  \n\nTwo.\n\n"
    assert split_paragraphs(text) == ["One wrapped line.", "Two."]


def test_content_id_is_stable_across_spacing_and_unicode_form() -> None:
    a = content_id("Café opened.\n\nIt  closed.")
    b = content_id("Cafe\u0301 opened.\nIt closed.\ufeff")
    assert a == b
    assert a.startswith("sha1:")
    assert len(a) == len("sha1:") + 16
    assert content_id("Other text") != a


def test_drop_repeated_lead_tolerates_quotes_and_spacing() -> None:
    lead = "Iran’s “top” official  said  so."
    paragraphs = ['Iran\'s "top" official said so.', "Second."]
    assert drop_repeated_lead(lead, paragraphs) == ["Second."]


def test_drop_repeated_lead_with_dateline_still_present() -> None:
    assert drop_repeated_lead("Lead text.", ["Tabnak – Lead text.", "Body."]) == ["Body."]


def test_drop_repeated_lead_keeps_different_first_paragraph() -> None:
    paragraphs = ["Lead text, but longer.", "Body."]
    assert drop_repeated_lead("Lead text.", paragraphs) == paragraphs
    assert drop_repeated_lead(None, paragraphs) == paragraphs


@pytest.mark.parametrize(
    ("paragraph", "source", "place", "rest"),
    [
        ("Tabnak – Facing pressure, Iran acts.", "Tabnak", None, "Facing pressure, Iran acts."),
        ("TEHRAN (Reuters) - Iran said on Monday.", "Reuters", "TEHRAN", "Iran said on Monday."),
        ("WASHINGTON, Jan 5 (AFP) — The US said.", "AFP", "WASHINGTON", "The US said."),
        ("Kabul, Afghanistan — Taliban fighters", None, "Kabul, Afghanistan", "Taliban fighters"),
        ("NEW YORK — Stocks fell.", None, "NEW YORK", "Stocks fell."),
        ("Press TV – Iran's envoy said.", "Press TV", None, "Iran's envoy said."),
        ("AFP - Five people died.", "AFP", None, "Five people died."),
    ],
)
def test_strip_dateline_recognises_datelines(
    paragraph: str, source: str | None, place: str | None, rest: str
) -> None:
    dateline = strip_dateline(paragraph)
    assert (dateline.source, dateline.place, dateline.rest) == (source, place, rest)
    assert dateline.found


@pytest.mark.parametrize(
    "paragraph",
    [
        "The meeting – held on Monday – ended",
        "The meeting - held on Monday - ended",
        "United States – China talks resumed.",
        "Mr Smith – The minister – spoke.",
        "President Rouhani — who spoke first — said.",
        "Tabnak – facing pressure",
        "Prices rose 5% - the most in a year.",
        "A well-known man spoke.",
    ],
)
def test_strip_dateline_leaves_ordinary_sentences(paragraph: str) -> None:
    dateline = strip_dateline(paragraph)
    assert not dateline.found
    assert dateline.rest == paragraph
