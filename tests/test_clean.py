"""Tests for eventwire.clean: normalisation, offset maps, ids, repeated leads and datelines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire import clean
from eventwire.clean import (
    clean_text,
    clean_with_offsets,
    content_id,
    drop_repeated_lead,
    lead_apart,
    split_paragraphs,
    storable,
    strip_dateline,
    to_ascii_digits,
    unwrap_lines,
)


def test_to_ascii_digits_persian_and_arabic_indic() -> None:
    assert to_ascii_digits("۸۳۷۷۰۳ / ٨٣٧٧٠٣ / 837703") == "837703 / 837703 / 837703"


def test_clean_text_nfc() -> None:
    assert clean_text("Cafe\u0301") == "Café"


def test_clean_text_removes_bom_zero_width_and_bidi_controls() -> None:
    dirty = "\ufeffIran\u200b said\u2060 \u200eon\u200f \u202bMonday\u202c \u2067ok\u2069"
    assert clean_text(dirty) == "Iran said on Monday ok"


def test_clean_text_replaces_lone_surrogates() -> None:
    assert clean_text("Iran\ud800 said\udc00") == "Iran\ufffd said\ufffd"


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


def test_lead_apart_is_none_when_the_text_opens_with_the_lead() -> None:
    assert lead_apart("Lead  text.", "Lead text.\n\nBody.") is None
    assert lead_apart("Lead text.", "Tabnak – Lead text.\n\nBody.") is None
    assert lead_apart("Lead text.", "Lead text.") is None
    assert lead_apart("Lead text.", "\r\n Lead text.\r\n\r\nBody.") is None
    assert lead_apart(None, "Body.") is None


def test_lead_apart_is_the_lead_when_the_text_does_not_repeat_it() -> None:
    assert lead_apart("Lead text.", "Body.\n\nLead text.") == "Lead text."
    assert lead_apart("Lead text.", "Lead text, and more.\n\nBody.") == "Lead text."


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


# Pieces of text that clean_text changes, with letters around them: spacing and line breaks,
# accents NFC composes (and reorders, and one it decomposes: U+0958), Hangul jamo and an Oriya
# vowel sign that compose across combining class 0, Persian and Arabic-Indic digits, zero-width,
# bidi and other invisible characters, ZWNJ inside and outside Persian words, control characters,
# lone surrogates.
_PIECES = [
    *"abcIrnM .,'", "  ", "\t", "\r", "\n", "\r\n", "\n\n\n", "\u00a0", "\u3000", "\u2028",
    "\x85", "\x1c", "e\u0301", "\u0301", "a\u0327\u0301", "\u212b", "\u0958", "\u1100\u1161",
    "\u11a8", "\u0b47\u0b3e", "\u06f1\u06f2", "\u0663", "\u200b", "\u200d", "\ufeff", "\u00ad",
    "\u200e", "\u202e", "\u2066", "\u200c", "\u0645\u06cc\u200c\u062e", "\x00", "\x1b", "\x7f",
    "\ud800", "\udfff",
]  # fmt: skip
MESSY = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.characters(codec="utf-8")), max_size=80
).map("".join)


@settings(max_examples=500, deadline=None)
@given(MESSY)
def test_clean_with_offsets_cleans_as_clean_text_and_maps_every_character(text: str) -> None:
    clean, offsets = clean_with_offsets(text)
    assert clean == clean_text(text)
    if offsets is None:
        assert clean == text
        return
    assert clean != text
    assert len(offsets) == len(clean)
    starts, ends = list(offsets.starts), list(offsets.ends)
    assert all(0 <= a < b <= len(text) for a, b in zip(starts, ends, strict=True))
    assert starts == sorted(starts)
    assert ends == sorted(ends)
    for char, a, b in zip(clean, starts, ends, strict=True):
        if char.isalnum():  # a letter or digit comes from the raw characters it is mapped to
            assert char in clean_text(text[a:b])
    covered = set()
    for a, b in zip(starts, ends, strict=True):
        covered.update(range(a, b))
    # What no clean character comes from is what clean_text drops: spaces, invisible, controls.
    assert all(clean_text(c) == "" for i, c in enumerate(text) if i not in covered)


def test_clean_with_offsets_of_clean_text_is_no_map() -> None:
    assert clean_with_offsets("Iran said.\n\nIt ended.") == ("Iran said.\n\nIt ended.", None)


def test_clean_with_offsets_maps_a_span_back_to_the_text_as_given() -> None:
    raw = "  Iran\t and  Moham\u200bmad\r\nmet on ۱۲ May;\n\n\n\nCafe\u0301 closed.  "
    clean, offsets = clean_with_offsets(raw)
    assert clean == "Iran and Mohammad\nmet on 12 May;\n\nCafé closed."
    assert offsets is not None

    def raw_of(word: str) -> str:
        start = clean.index(word)
        a, b = offsets.span(start, start + len(word))
        return raw[a:b]

    assert raw_of("Iran") == "Iran"
    assert raw_of("Iran and") == "Iran\t and"
    assert raw_of("Mohammad") == "Moham\u200bmad"  # the zero-width space inside is inside
    assert raw_of("Mohammad\nmet") == "Moham\u200bmad\r\nmet"
    assert raw_of("12") == "۱۲"
    assert raw_of("Café") == "Cafe\u0301"  # one composed character from two
    assert raw_of(";\n\nCafé") == ";\n\n\n\nCafe\u0301"
    assert offsets.span(len(clean), len(clean)) == (len(raw), len(raw))


def test_clean_with_offsets_redoes_nfc_per_run_when_its_clusters_are_wrong(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Clusters that cut an accent from its letter compose nothing; the NFC check catches it.
    monkeypatch.setattr(
        clean, "_clusters", lambda segment: [(i, i + 1) for i in range(len(segment))]
    )
    raw = "Cafe\u0301  opened"
    cleaned, offsets = clean_with_offsets(raw)
    assert cleaned == "Café opened"
    assert offsets is not None
    assert offsets.span(0, 4) == (0, 5)
    assert offsets.span(5, 11) == (7, 13)


def test_clean_with_offsets_map_is_two_machine_int_arrays() -> None:
    _, offsets = clean_with_offsets("Iran  said. " * 1000)
    assert offsets is not None
    assert (offsets.starts.itemsize, offsets.ends.itemsize) == (4, 4)


def test_storable_replaces_nul_and_lone_surrogates_one_for_one() -> None:
    assert storable("Iran\0said \ud800 it") == "Iran said \ufffd it"
    assert storable("plain") == "plain"


def test_unwrap_lines_joins_wrapped_lines_and_keeps_paragraphs() -> None:
    text = "One\nwrapped line.\n\nTwo."
    assert unwrap_lines(text) == "One wrapped line.\n\nTwo."
    assert unwrap_lines(text) == "\n\n".join(split_paragraphs(text))
