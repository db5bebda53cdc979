"""Text normalisation shared by every reader: Unicode, digits, invisible characters, datelines."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from array import array
from collections.abc import Iterable, Sequence
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
# clean_text's other steps as substitutions, for clean_with_offsets: line breaks, stripping each
# line (after _HSPACE_RE its only spaces are single " "; the text's own edges are left to the
# last step), stripping the whole text.
_LINE_BREAK_RE = re.compile(r"\r\n?")
_LINE_EDGES_RE = re.compile(r" *\n *")
_TEXT_EDGES_RE = re.compile(r"\A\s+|\s+\Z")
# Characters a database cannot store in a text column: NUL (PostgreSQL refuses it) and lone
# surrogates (from JSON "\ud800" escapes; not encodable as UTF-8).
_UNSTORABLE_RE = re.compile("[\x00\ud800-\udfff]")
# A lone surrogate is no character: U+FFFD, the replacement character, stands for it.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# NFC never joins a character to an ASCII one after it, and an ASCII character never moves
# (combining class 0): a text can be normalised piece by piece, each piece a run of non-ASCII
# characters with the one before it.
_NON_ASCII_RUN_RE = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")

_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"})
_DASHES = "-–—"


# Every decimal digit but ASCII's: full-width, Persian, Arabic-Indic, Devanagari, mathematical...
_NON_ASCII_DIGIT_RE = re.compile(r"(?![0-9])\d")


def to_ascii_digits(text: str) -> str:
    """``text`` with every Unicode decimal digit (Persian, Arabic-Indic, full-width...) in ASCII."""
    if text.isascii():
        return text
    return _NON_ASCII_DIGIT_RE.sub(
        lambda m: str(unicodedata.decimal(m[0])), text.translate(_DIGITS)
    )


def clean_text(text: str) -> str:
    """NFC text with ASCII digits, no invisible controls, tidy spaces and at most one blank line.

    Line breaks are kept: paragraph structure is information the readers still need. A lone
    surrogate (from a JSON ``\\ud800`` escape) becomes U+FFFD, as no database stores one.
    """
    text = _SURROGATE_RE.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = to_ascii_digits(text)
    text = _INVISIBLE_RE.sub("", text)
    text = _STRAY_ZWNJ_RE.sub("", text)
    text = _CONTROL_RE.sub(" ", text)
    text = _HSPACE_RE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES_RE.sub("\n\n", text).strip()


def storable(text: str) -> str:
    """``text`` with the characters no database column takes replaced, one for one: NUL by a
    space, a lone surrogate by U+FFFD. Offsets into the input stay offsets into the result."""
    if _UNSTORABLE_RE.search(text) is None:
        return text
    return _UNSTORABLE_RE.sub(lambda m: " " if m.group() == "\0" else "\ufffd", text)


class OffsetMap:
    """Where each character of a cleaned text came from in the text it was cleaned from.

    Clean character ``i`` was made of the raw characters ``starts[i]`` to ``ends[i]`` (several
    for a collapsed run of spaces, a CRLF or a composed accent). Two ``array``s of machine
    integers: 8 bytes a character, where lists of ints would take about 70.
    """

    __slots__ = ("ends", "raw_length", "starts")

    def __init__(self, starts: array[int], ends: array[int], raw_length: int) -> None:
        self.starts = starts
        self.ends = ends
        self.raw_length = raw_length

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span of clean characters ``start..end``: from the first raw character of the
        first to the last raw character of the last (so characters removed inside, such as a
        zero-width space in a name, are inside; those removed at its edges are not)."""
        if start < end:
            return self.starts[start], self.ends[end - 1]
        at = self.starts[start] if start < len(self.starts) else self.raw_length
        return at, at


Edit = tuple[int, int, str, bool]


class _Tracked:
    """A text being cleaned with, for each character, the raw characters it came from."""

    def __init__(self, text: str) -> None:
        code = "i" if len(text) < 2**31 else "q"
        self.text = text
        self.starts = array(code, range(len(text)))
        self.ends = array(code, range(1, len(text) + 1))

    def rewrite(self, edits: Iterable[Edit]) -> None:
        """Replace ``text[a:b]`` by ``new`` for each edit ``(a, b, new, whole)``, in text order.

        A ``whole`` replacement's characters all come from the whole of ``a..b`` (a composed
        character); otherwise the replacement is no longer than what it replaces, its characters
        come from the first ones of ``a..b`` and its last one from the rest too (a run of spaces
        becomes one space that stands for all of them).
        """
        text, starts, ends = self.text, self.starts, self.ends
        pieces: list[str] = []
        new_starts, new_ends = array(starts.typecode), array(ends.typecode)
        done = 0
        for a, b, new, whole in edits:
            pieces.append(text[done:a])
            new_starts.extend(starts[done:a])
            new_ends.extend(ends[done:a])
            done = b
            if not new:
                continue
            pieces.append(new)
            if whole:
                new_starts.extend(array(starts.typecode, [starts[a]]) * len(new))
                new_ends.extend(array(ends.typecode, [ends[b - 1]]) * len(new))
            else:
                new_starts.extend(starts[a : a + len(new)])
                new_ends.extend(ends[a : a + len(new) - 1])
                new_ends.append(ends[b - 1])
        if not pieces:
            return
        pieces.append(text[done:])
        new_starts.extend(starts[done:])
        new_ends.extend(ends[done:])
        self.text, self.starts, self.ends = "".join(pieces), new_starts, new_ends

    def sub(self, pattern: re.Pattern[str], new: str) -> None:
        self.rewrite((m.start(), m.end(), new, False) for m in pattern.finditer(self.text))

    def nfc(self) -> None:
        if unicodedata.is_normalized("NFC", self.text):
            return
        expected = unicodedata.normalize("NFC", self.text)
        raw = (self.text, self.starts, self.ends)
        self.rewrite(_nfc_edits(self.text, fine=True))
        if self.text != expected:  # never seen; then whole runs, coarser but certainly right
            self.text, self.starts, self.ends = raw
            self.rewrite(_nfc_edits(self.text, fine=False))


def _nfc_edits(text: str, fine: bool) -> Iterable[Edit]:
    """The edits that make ``text`` NFC: per run of non-ASCII characters (with the character
    before it), or with ``fine`` per cluster of a character and the marks composed with it."""
    for run in _NON_ASCII_RUN_RE.finditer(text):
        segment = run.group()
        if unicodedata.is_normalized("NFC", segment):
            continue
        offset = run.start()
        clusters = _clusters(segment) if fine else [(0, len(segment))]
        for a, b in clusters:
            piece = segment[a:b]
            composed = unicodedata.normalize("NFC", piece)
            if composed != piece:
                yield offset + a, offset + b, composed, True


def _clusters(segment: str) -> list[tuple[int, int]]:
    """``segment`` cut before each character of combining class 0, except where NFC of the two
    sides together differs from NFC of each (Hangul jamo, some Indic vowel signs): those join."""
    cuts = [i for i, c in enumerate(segment) if i and unicodedata.combining(c) == 0]
    clusters: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(segment)]:
        if clusters:
            a, b = clusters[-1]
            left, right = segment[a:b], segment[b:cut]
            joined = unicodedata.normalize("NFC", left + right)
            if joined != unicodedata.normalize("NFC", left) + unicodedata.normalize("NFC", right):
                clusters[-1] = (a, cut)
                start = cut
                continue
        clusters.append((start, cut))
        start = cut
    return clusters


def clean_with_offsets(text: str) -> tuple[str, OffsetMap | None]:
    """``clean_text(text)`` and where each of its characters came from in ``text``.

    The map is None when ``text`` is clean already (the usual case for built texts), so nothing
    is allocated. Each step of :func:`clean_text` is done again as the same substitution with
    the map carried along; the result is checked against ``clean_text``.
    """
    clean = clean_text(text)
    if clean == text:
        return clean, None
    tracked = _Tracked(_SURROGATE_RE.sub("\ufffd", text))
    tracked.nfc()
    tracked.sub(_LINE_BREAK_RE, "\n")
    tracked.text = to_ascii_digits(tracked.text)
    tracked.sub(_INVISIBLE_RE, "")
    tracked.sub(_STRAY_ZWNJ_RE, "")
    tracked.text = _CONTROL_RE.sub(" ", tracked.text)
    tracked.sub(_HSPACE_RE, " ")
    tracked.sub(_LINE_EDGES_RE, "\n")
    tracked.sub(_BLANK_LINES_RE, "\n\n")
    tracked.sub(_TEXT_EDGES_RE, "")
    if tracked.text != clean:
        raise AssertionError("clean_with_offsets drifted from clean_text")
    return clean, OffsetMap(tracked.starts, tracked.ends, len(text))


_WRAP_RE = re.compile(r"(?<!\n)\n(?!\n)")


def unwrap_lines(clean: str) -> str:
    """A cleaned text with each line break inside a paragraph made a space (one for one, so
    offsets do not move): its paragraphs as :func:`split_paragraphs` gives them, still
    separated by blank lines."""
    return _WRAP_RE.sub(" ", clean)


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


def lead_apart(lead: str | None, text: str) -> str | None:
    """``lead`` when ``text`` does not open with it (a record's lead is metadata, shown apart),
    None when there is none or the text's first paragraph repeats it."""
    if not lead:
        return None
    first = _PARAGRAPH_BREAK_RE.split(text.strip(), maxsplit=1)[0]
    return lead if drop_repeated_lead(lead, [first]) else None


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
