"""Lines that are not the article's news: link lines, captions and credits, closing sections.

"READ MORE: Iran says ...", "Related: ...", "Share this: ...", a photo caption with its credit
("Protesters in Hong Kong. Image: Voice of America.") and everything from a closing heading
("Sources", "See also", "External links") on are not reports of events, however many actors and
verbs they hold: the events stage codes no sentence that lies on them.  The phrases are data
(``data/vocabulary/event_boilerplate.tsv``).
"""

from __future__ import annotations

import re

from eventwire import vocabulary

BOILERPLATE = "event_boilerplate"
PREFIXES = frozenset(vocabulary.listed(BOILERPLATE, "prefix"))
CREDITS = frozenset(vocabulary.listed(BOILERPLATE, "credit"))
SECTIONS = frozenset(vocabulary.listed(BOILERPLATE, "section"))

_PREFIXES = "|".join(re.escape(p) for p in sorted(PREFIXES, key=len, reverse=True))
# the phrase, then a colon, a spaced dash or bar, or the line's end ("Image-conscious" is news)
_PREFIX_RE = re.compile(rf"^(?:{_PREFIXES})(?:\s*:|\s+[\-–—|](?:\s|$)|$)", re.IGNORECASE)
_SECTION_RE = re.compile(r"[\s:\-–—=#*]+")


def _is_section(line: str) -> bool:
    return _SECTION_RE.sub(" ", line).strip().lower() in SECTIONS


def _is_boilerplate(line: str) -> bool:
    lowered = line.lower()
    return bool(_PREFIX_RE.match(line)) or any(mark in lowered for mark in CREDITS)


def spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` (line by line) whose sentences are not coded."""
    found: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped and _is_section(stripped):
            found.append((start, len(text)))
            break
        if stripped and _is_boilerplate(stripped):
            found.append((start, end))
        start = end + 1
    return found


def on_boilerplate(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    """Whether an event's words begin on a boilerplate line (a sentence the parser ran on from
    a link line into the news keeps only the events of the news)."""
    return any(a <= span[0] < b for a, b in ranges)
