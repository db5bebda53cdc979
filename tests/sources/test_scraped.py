"""Tests for the scraped-page reader on the Tabnak seed and on variants of its layout."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.records import Article, ReadFailure, ReadResult
from eventwire.sources import read
from eventwire.sources.scraped import parse_scraped

PERSIAN = re.compile(r"[\u0600-\u06ff]")

LEAD = "Facing pressure, Iran looks east for regional security cooperation."
BODY = [
    "Senior officials from five countries met in Tehran on Wednesday.",
    "Shamkhani hosted the meeting – dubbed a security dialogue – and called for cooperation.",
]


def _page(
    header: str = " date 2018-09-27 نسخه اصلی",
    code: str | None = "کد خبر: ۸۳۷۷۰۳",
    published: str | None = "تاریخ انتشار: ۰۵ مهر ۱۳۹۷ - ۱۶:۵۴ 27 September 2018",
    dateline: str = "Tabnak – ",
    tags: str | None = "iran security",
) -> str:
    metadata = [line for line in (code, published) if line is not None]
    lines = [header, "Iran looks east", "", LEAD, *metadata, "", dateline + LEAD]
    for paragraph in BODY:
        lines += ["", paragraph]
    if tags is not None:
        lines += ["", tags]
    return "\n".join(lines) + "\n"


def _article(result: ReadResult) -> Article:
    assert isinstance(result, Article), str(result)
    return result


def _messages(article: Article) -> str:
    return "\n".join(str(notice) for notice in article.warnings)


def test_scraped_seed_metadata_matches_gold(shared: Path) -> None:
    seed = shared / "data" / "seed" / "tabnak-837703.txt"
    gold = json.loads(seed.with_suffix(".gold.json").read_text(encoding="utf-8"))["metadata"]
    results = list(read([seed]))
    assert len(results) == 1
    article = _article(results[0])
    assert article.source == gold["source"]
    assert article.news_code == gold["news_code"]
    assert article.title == gold["title"]
    assert article.lead is not None
    assert article.lead.startswith(gold["lead_starts"])
    assert article.to_dict()["published"] == gold["published"]
    assert article.language == gold["language"]
    assert article.tags == gold["tags"]
    assert article.id == "tabnak-837703"
    assert article.origin is not None
    assert article.origin.path == str(seed)
    assert article.warnings == []


def test_scraped_seed_text_has_the_lead_once_and_no_metadata(shared: Path) -> None:
    seed = shared / "data" / "seed" / "tabnak-837703.txt"
    article = _article(next(read([seed])))
    assert article.lead is not None
    # The lead opens the text (the page repeats it after the dateline; it is kept once).
    lead, rest = article.text.split("\n\n", 1)
    assert lead == article.lead
    assert article.lead not in rest
    assert not PERSIAN.search(article.text)
    assert "Tabnak –" not in article.text
    assert rest.startswith("Within the context of this new approach")
    assert article.text.endswith("lasting peace in the Middle East.")
    assert "iran security shamkhani" not in article.text


def test_scraped_variant_full_layout() -> None:
    article = _article(parse_scraped(_page(), "page.txt"))
    assert article.id == "tabnak-837703"
    assert article.lead == LEAD
    assert article.text == "\n\n".join([LEAD, *BODY])
    assert article.tags == ["iran", "security"]
    assert article.warnings == []


def test_scraped_variant_arabic_indic_digits_and_other_outlet() -> None:
    page = _page(
        code="کد خبر: ٩١٢٣٤",
        published="تاریخ انتشار: ٠٥ مهر ١٣٩٧ - ١٦:٥٤ 27 September 2018",
        dateline="Mehr News – ",
    )
    article = _article(parse_scraped(page, "page.txt"))
    # "Mehr News" is two words and not a known outlet, so it is not taken as a dateline.
    assert article.source is None
    page = _page(code="کد خبر: ٩١٢٣٤", dateline="Tasnim – ")
    article = _article(parse_scraped(page, "page.txt"))
    assert article.source == "Tasnim"
    assert article.news_code == "91234"
    assert article.id == "tasnim-91234"
    assert article.to_dict()["published"] == "2018-09-27T16:54:00+03:30"
    assert article.text == "\n\n".join([LEAD, *BODY])


def test_scraped_variant_wire_dateline_gives_outlet_and_place() -> None:
    article = _article(parse_scraped(_page(dateline="TEHRAN (IRNA) - "), "page.txt"))
    assert article.source == "IRNA"
    assert article.meta["place"] == "TEHRAN"
    assert article.id == "irna-837703"


def test_scraped_variant_no_tags_line() -> None:
    article = _article(parse_scraped(_page(tags=None), "page.txt"))
    assert article.tags == []
    assert article.text == "\n\n".join([LEAD, *BODY])
    assert "no closing tags line" in _messages(article)


def test_scraped_variant_mismatching_dates_keeps_jalali() -> None:
    page = _page(
        header="date 2018-09-28 نسخه اصلی",
        published="تاریخ انتشار: ۰۵ مهر ۱۳۹۷ - ۱۶:۵۴ 26 September 2018",
    )
    article = _article(parse_scraped(page, "page.txt"))
    assert article.to_dict()["published"] == "2018-09-27T16:54:00+03:30"
    messages = _messages(article)
    assert "2018-09-27" in messages
    assert "Gregorian date 2018-09-26" in messages
    assert "header date 2018-09-28" in messages
    assert "page.txt:6 [published]" in messages


def test_scraped_variant_missing_news_code_uses_content_id() -> None:
    article = _article(parse_scraped(_page(code=None), "page.txt"))
    assert article.news_code is None
    assert article.id.startswith("sha1:")
    assert article.source == "Tabnak"
    assert "no 'کد خبر' line" in _messages(article)


def test_scraped_variant_missing_published_falls_back_to_gregorian_dates() -> None:
    article = _article(parse_scraped(_page(published=None), "page.txt"))
    assert article.published == date(2018, 9, 27)
    assert "header date 2018-09-27 is used" in _messages(article)


def test_scraped_variant_bad_jalali_is_a_notice() -> None:
    page = _page(published="تاریخ انتشار: ۴۰ مهر ۱۳۹۷ - ۱۶:۵۴ 27 September 2018")
    article = _article(parse_scraped(page, "page.txt"))
    assert article.published == date(2018, 9, 27)
    assert "impossible Jalali date" in _messages(article)


def test_scraped_variant_no_header_no_metadata_no_dateline() -> None:
    page = "Some title\n\nFirst paragraph here.\n\nSecond paragraph here.\n"
    article = _article(parse_scraped(page, "page.txt"))
    assert article.title == "Some title"
    assert article.text == "First paragraph here.\n\nSecond paragraph here."
    assert article.published is None
    assert article.source is None
    messages = _messages(article)
    for field in ("published", "news_code", "source"):
        assert f"[{field}]" in messages


def test_scraped_variant_without_metadata_detects_repeated_lead() -> None:
    page = f"date 2018-09-27\nTitle\n\n{LEAD}\n\nTabnak – {LEAD}\n\n{BODY[0]}\n"
    article = _article(parse_scraped(page, "page.txt"))
    assert article.lead == LEAD
    assert article.source == "Tabnak"
    assert article.text == f"{LEAD}\n\n{BODY[0]}"


def test_scraped_variant_only_header_fails() -> None:
    result = parse_scraped("date 2018-09-27\n", "page.txt")
    assert not isinstance(result, Article)
    assert "no article text" in str(result)


def test_scraped_variant_impossible_header_date_is_a_notice() -> None:
    article = _article(parse_scraped(_page(header="date 2018-13-45"), "page.txt"))
    assert "impossible header date 2018-13-45" in _messages(article)
    assert article.to_dict()["published"] == "2018-09-27T16:54:00+03:30"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.booleans(), min_size=len(_page().split("\n")), max_size=30))
def test_scraped_any_lines_dropped_never_raises(keep: list[bool]) -> None:
    lines = [line for line, kept in zip(_page().split("\n"), keep, strict=False) if kept]
    result = parse_scraped("\n".join(lines), "page.txt")
    assert isinstance(result, Article | ReadFailure)
    if isinstance(result, Article):
        assert result.text
        assert not PERSIAN.search(result.text)
