"""Text normalisation shared by every reader: Unicode, digits, invisible characters, datelines."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Persian (U+06F0..) and Arabic-Indic (U+0660..) digits both map to ASCII so numbers, dates and
# news codes compare equal whatever keyboard the outlet used.
_DIGITS = str.maketrans(
    {
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
    }
)

# Format characters that carry no meaning in stored text but break matching and hashing: BOM,
# zero-width space/joiner, word joiner, soft hyphen, and all bidi marks, embeddings and isolates.
_INVISIBLE = (
    "\ufeff\u200b\u200d\u2060\u00ad\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_ARABIC_LETTER = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
# ZWNJ is spelling inside Persian words (e.g. می‌خواهد); anywhere else it is debris.
_STRAY_ZWNJ_RE = re.compile(f"(?<![{_ARABIC_LETTER}])\u200c|\u200c(?![{_ARABIC_LETTER}])")
# C0 and C1 control characters other than whitespace (NUL, escape, DEL...): never text, and
# PostgreSQL refuses NUL in a text column outright. Each becomes a space, so words stay apart.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x9f]")
_HSPACE_RE = re.compile(r"[^\S\n]+")
_BLANK_LINES_RE = re.compile(r"\n{3,}")
_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")

_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"})
_DASHES = "-–—"


def to_ascii_digits(text: str) -> str:
    """``text`` with Persian and Arabic-Indic digits replaced by ASCII digits."""
    return text.translate(_DIGITS)


def clean_text(text: str) -> str:
    """NFC text with ASCII digits, no invisible controls, tidy spaces and at most one blank line.

    Line breaks are kept: paragraph structure is information the readers still need.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = to_ascii_digits(text)
    text = _INVISIBLE_RE.sub("", text)
    text = _STRAY_ZWNJ_RE.sub("", text)
    text = _CONTROL_RE.sub(" ", text)
    text = _HSPACE_RE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES_RE.sub("\n\n", text).strip()


def split_paragraphs(text: str) -> list[str]:
    """The non-empty paragraphs of ``text`` (separated by blank lines), each on one line."""
    paragraphs = (" ".join(chunk.split()) for chunk in _PARAGRAPH_BREAK_RE.split(clean_text(text)))
    return [p for p in paragraphs if p]


def content_id(text: str) -> str:
    """A stable id for ``text``: re-wrapping, spacing or Unicode form do not change it."""
    key = " ".join(clean_text(text).split())
    return "sha1:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _match_key(text: str) -> str:
    # Typographic quotes and spacing vary between a lead and its copy in the body.
    text = clean_text(text).translate(_QUOTES).casefold()
    return " ".join(re.sub(r"[^\w'\"]+", " ", text).split())


def same_text(a: str, b: str) -> bool:
    """Whether two passages say the same words, ignoring case, spacing, quotes and punctuation."""
    return _match_key(a) == _match_key(b)


def drop_repeated_lead(lead: str | None, paragraphs: Sequence[str]) -> list[str]:
    """``paragraphs`` without a first paragraph that repeats ``lead`` (with or without dateline)."""
    result = list(paragraphs)
    if not lead or not result:
        return result
    first = result[0]
    if same_text(first, lead) or same_text(strip_dateline(first).rest, lead):
        del result[0]
    return result


@dataclass(frozen=True)
class Dateline:
    """An opening dateline split off a paragraph: the outlet, the place and what follows."""

    source: str | None
    place: str | None
    rest: str

    @property
    def found(self) -> bool:
        return self.source is not None or self.place is not None


# Outlets that are written bare before a dash ("AFP – ...") and would otherwise look like places.
KNOWN_OUTLETS = frozenset(
    {
        "afp", "ap", "reuters", "xinhua", "tass", "irna", "isna", "tasnim", "fars", "mehr",
        "tabnak", "upi", "dpa", "efe", "ansa", "kyodo", "yonhap", "bernama", "sputnik", "interfax",
        "anadolu", "abna", "ians", "pti", "press tv", "al jazeera", "ria novosti", "bbc", "cnn",
        "associated press",
    }
)  # fmt: skip

# A sentence can open with a capitalised word and a dash; these openers are never datelines.
_NOT_A_NAME = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they",
        "we", "i", "you", "in", "on", "at", "by", "for", "from", "to", "of", "and", "but", "or",
        "if", "when", "while", "as", "after", "before", "since", "then", "there", "here", "his",
        "her", "their", "our", "my", "your", "mr", "mrs", "ms", "dr", "president", "minister",
    }
)  # fmt: skip

_WORD = r"[A-Z][\w.'’&-]*"
_NAME = rf"{_WORD}(?: (?:{_WORD}|al|el|de|of|da|du|la|le|van|von))*"
_DATE_PART = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?"
_DATELINE_RE = re.compile(
    rf"(?P<place>{_NAME})"
    rf"(?:, (?:(?P<date>{_DATE_PART})|(?P<region>{_NAME})(?:, (?P<date2>{_DATE_PART}))?))?"
    r"(?: ?\((?P<paren>[A-Za-z][\w .&'’-]{0,40})\))?"
    rf"(?: [{_DASHES}]|[–—]) +"
    r"(?P<rest>[\"“‘'(\[]?[A-Z0-9\u0600-\u06ff].*)",
    re.DOTALL,
)


def strip_dateline(paragraph: str) -> Dateline:
    """Split a leading dateline such as ``TEHRAN (Reuters) - `` or ``Tabnak – `` off a paragraph.

    Conservative: the head must be one to five capitalised words (optionally ``, Region`` or
    ``, Jan 5`` and an ``(Outlet)``), then a spaced dash, then a capitalised sentence. A bare
    name is an outlet when it is a known one or a single capitalised word, a place when it is in
    capitals (the wire convention); any other bare head is left alone.
    """
    no_dateline = Dateline(None, None, paragraph)
    match = _DATELINE_RE.match(paragraph)
    if match is None:
        return no_dateline
    place = match["place"]
    words = place.split()
    if len(words) > 5 or words[0].casefold() in _NOT_A_NAME:
        return no_dateline
    rest = match["rest"].strip()
    outlet = match["paren"]
    if outlet is not None:
        return Dateline(outlet.strip(), _join_place(place, match["region"]), rest)
    if match["region"] is not None or match["date"] is not None or match["date2"] is not None:
        return Dateline(None, _join_place(place, match["region"]), rest)
    if place.casefold() in KNOWN_OUTLETS:
        return Dateline(place, None, rest)
    if place.isupper() and len(place) > 3:
        return Dateline(None, place, rest)
    if len(words) == 1:
        return Dateline(place, None, rest)
    # "United States – China talks ..." is a headline, not an unknown multi-word outlet.
    return no_dateline


def _join_place(place: str, region: str | None) -> str:
    return f"{place}, {region}" if region else place
