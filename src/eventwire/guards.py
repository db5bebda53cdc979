"""Cheap checks on an article's body before spaCy sees it: the costs that parsing cannot bound.

spaCy's tokenizer splits a whitespace-free chunk by peeling prefixes and suffixes off one at a
time, each a copy of the rest: a run of punctuation costs time quadratic in its length ("!?."
repeated 1,000 times: 0.36 s; 3,000 times: 3.7 s; 12,000 characters: 29 s). The parser's cost
and memory grow with the length of a sentence and the number of sentences. Each check here is
one linear pass over the text (a regular expression), so an article over a limit fails in
milliseconds, before the batch it came in is parsed, instead of after the cost is paid.

The article is refused rather than cut or collapsed: the stored text must be the text as
given, and every offset into it must hold (see docs/architecture.md).
"""

from __future__ import annotations

import re

# A run of punctuation and symbols with no space: 200 characters tokenize in ~6 ms; rulers of
# "=" or "-" in plain-text news are under 100. (Letters and digits break a run: they end the
# tokenizer's affix peeling.)
MAX_PUNCT_RUN = 200
# A chunk with no whitespace at all (a URL, a base64 blob, "&amp;" repeated): 2,000 random
# characters tokenize in ~30 ms; the longest URLs in news pages are well under that.
MAX_WORD_CHARS = 2_000
# The longest span without a sentence end (. ! ? or a line break): the parser took 0.9 s on a
# 20,000-character sentence (~4,000 tokens); news sentences are under 1,000 characters.
MAX_SENTENCE_CHARS = 20_000
# The sentence estimate counts abbreviations as ends: on 300 Wikinews articles it was 0.81 to
# 1.69 times the parser's count (median 1.0). An article is refused before parsing only when
# the estimate is over this many times the sentence limit, so no article the parser would
# accept is refused; between the two, the parser's own count decides (pipeline._over_limit).
ESTIMATE_SLACK = 2

_PUNCT_RUN = re.compile(rf"[^\w\s]{{{MAX_PUNCT_RUN + 1},}}")
_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
# A sentence end as the sentencizer sees one: terminal punctuation (closing quotes and brackets
# may follow) then whitespace or the end of the text. Abbreviations ("Mr. Smith") count too, so
# the estimate is at least the parser's count on ordinary prose, and at most a few per cent over.
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?:\s|$)")
_SENTENCE_BREAK = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?:\s|$)|\n")


def estimated_sentences(text: str) -> int:
    """Sentence ends in ``text``, and one more for a last sentence without an end: a cheap
    estimate of the parser's count (at least 1)."""
    ends, last = 0, 0
    for match in _SENTENCE_END.finditer(text):
        ends, last = ends + 1, match.end()
    return ends + (1 if text[last:].strip() or ends == 0 else 0)


def longest_sentence(text: str) -> tuple[int, int]:
    """(length, start) of the longest span between sentence ends or line breaks."""
    best, best_start, start = 0, 0, 0
    for match in _SENTENCE_BREAK.finditer(text):
        if match.start() - start > best:
            best, best_start = match.start() - start, start
        start = match.end()
    if len(text) - start > best:
        best, best_start = len(text) - start, start
    return best, best_start


def unparsable(text: str, max_sentences: int) -> str | None:
    """Why ``text`` must not be parsed (a limit it is over, and where), or None."""
    if match := _PUNCT_RUN.search(text):
        return (
            f"a run of {len(match.group()):,} punctuation characters at offset {match.start():,}, "
            f"over the limit of {MAX_PUNCT_RUN:,} (the tokenizer's time grows with its square)"
        )
    if match := _WORD.search(text):
        length = len(match.group())
        return (
            f"{length:,} characters without a space at offset {match.start():,}, "
            f"over the limit of {MAX_WORD_CHARS:,}"
        )
    length, start = longest_sentence(text)
    if length > MAX_SENTENCE_CHARS:
        return (
            f"a sentence of {length:,} characters at offset {start:,}, "
            f"over the limit of {MAX_SENTENCE_CHARS:,}"
        )
    sentences = estimated_sentences(text)
    if sentences > max_sentences * ESTIMATE_SLACK:
        return (
            f"about {sentences:,} sentences, over the limit of {max_sentences:,} "
            "(EVENTWIRE_MAX_SENTENCES), counted before parsing"
        )
    return None
