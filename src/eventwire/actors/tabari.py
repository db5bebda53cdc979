"""Parser for TABARI/PETRARCH actor and agent dictionaries: the one reader of that format.

Both the conversion script (``scripts/convert_dictionaries.py``) and user dictionaries in ``.txt``
form go through this module, so the shipped lexicon and a user's additions read the same syntax.

Actor format (one record = a primary phrase, optional ``+`` synonyms, optional code lines)::

    VLADIMIR_PUTIN_  # comment
    +PRESIDENT_PUTIN_
        [RUSELI 700101-990809]
        [RUSGOV >080508]
        [RUSELI]

A code on the primary line or an undated code line is the entry's default.  Date restrictions are
``<D`` (up to and including D), ``>D`` (from D on, inclusive) and ``D-D`` (inclusive both ends), as
the PETRARCH documentation says limits mean "or equal to".  Dates are ``YYYYMMDD`` or ``YYMMDD``;
two-digit years 00-29 are read as 20xx and 30-99 as 19xx (the Phoenix files use years 00-15 and
31-99 and nothing in between, so the pivot is unambiguous for them).  The code ``---`` is PETRARCH's
null actor: the phrase is recognised so that it is *not* coded (``INDIAN_OCEAN [---]``).

Agent format: ``PHRASE {PLURAL} [~SEC]`` where ``~SEC`` appends a sector to an actor and ``SEC~``
prepends it; ``{}`` suppresses the automatic regular plural; ``!SET! = A, B`` defines a substitution
set that ``!SET!`` inside a phrase expands to (each alternative, with no plural formed).

In lenient mode (the converter) every line that cannot be used is counted in a :class:`ParseReport`
under a reason; in strict mode (user files) the first such line raises :class:`InputError`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from eventwire.actors.entries import NULL_CODE, CodeSpan, normalise
from eventwire.errors import InputError, Where

# An actor code is one or more three-letter elements (IRN, IRNGOV, IGOUNOKID).
ACTOR_CODE = re.compile(r"^(?:[A-Z]{3})+$")
# Agent codes carry a tilde on the side the actor code goes: ~GOV (IRN + GOV) or NGO~ (NGO + IRN).
AGENT_CODE = re.compile(r"^(?:~(?:[A-Z]{3})+|(?:[A-Z]{3})+~)$")
TWO_DIGIT_PIVOT = 30  # yy < 30 -> 20yy, else 19yy

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_BRACE = re.compile(r"\{([^{}]*)\}")
_PAREN = re.compile(r"\([^()]*\)?")
_SUBST = re.compile(r"!([A-Z]+)!")
_STRAY_CENTURY = re.compile(r"(?<!\d)19\d{8}(?!\d)")


@dataclass(slots=True)
class TabariEntry:
    """One actor record: normalised phrases (primary first), codes and where it was read."""

    phrases: list[str]
    codes: list[CodeSpan]
    line: int
    comment: str = ""
    inline_code: bool = False
    # Phrases made by cutting a parenthetical note out ("SAMOA_(AMERICAN)" -> "samoa"): the
    # converter drops those that then collide with another entry's phrase.
    stripped: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return self.phrases[0]


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """One agent phrase and its code in TABARI notation (``~GOV`` or ``NGO~``)."""

    phrase: str
    code: str
    line: int


@dataclass
class ParseReport:
    """What a lenient parse could not use: reason -> count, with a few examples each."""

    skipped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, reason: str, line: int, text: str) -> None:
        self.skipped[reason] += 1
        shown = self.examples.setdefault(reason, [])
        if len(shown) < 3:
            shown.append(f"line {line}: {text.strip()[:90]}")


class _Problem(Exception):
    """A line-level defect; lenient mode counts it, strict mode turns it into an InputError."""

    def __init__(self, reason: str, field: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.field = field


def parse_date(text: str) -> date:
    """Read ``YYYYMMDD``, ``YYMMDD`` (pivot 30) or ISO ``YYYY-MM-DD``; ValueError if not a day."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    if re.fullmatch(r"\d{8}", text):
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if re.fullmatch(r"\d{6}", text):
        yy = int(text[:2])
        year = 2000 + yy if yy < TWO_DIGIT_PIVOT else 1900 + yy
        return date(year, int(text[2:4]), int(text[4:]))
    raise ValueError(f"not a date: {text!r}")


def _repairable(text: str) -> str | None:
    """The Phoenix country file has a few dates with a stray century glued on (``1920030320``)."""
    if _STRAY_CENTURY.fullmatch(text):
        return text[2:]
    return None


def parse_code(body: str, *, repair: bool = False) -> CodeSpan:
    """Read the inside of ``[...]``: ``CODE``, ``CODE D-D``, ``CODE >D`` or ``CODE <D``.

    With ``repair`` (the converter only), a ten-digit date ``19YYYYMMDD`` is read as ``YYYYMMDD``.
    """
    parts = body.split()
    if not parts:
        raise _Problem("empty code", "code")
    code = parts[0]
    if code != NULL_CODE and not ACTOR_CODE.match(code):
        raise _Problem(f"bad code {code!r}", "code")
    if len(parts) == 1:
        return CodeSpan(code)
    restriction = "".join(parts[1:])
    try:
        if restriction.startswith("<"):
            return CodeSpan(code, None, parse_date(restriction[1:]))
        if restriction.startswith(">"):
            return CodeSpan(code, parse_date(restriction[1:]), None)
        first, sep, second = restriction.partition("-")
        if not sep:
            raise ValueError(restriction)
        if repair:
            first = _repairable(first) or first
            second = _repairable(second) or second
        start, end = parse_date(first), parse_date(second)
    except ValueError:
        raise _Problem(f"bad date restriction {restriction!r}", "date") from None
    if end < start:
        raise _Problem(f"date range ends before it starts: {restriction!r}", "date")
    return CodeSpan(code, start, end)


def _split_comment(line: str) -> tuple[str, str]:
    text, _, comment = line.partition("#")
    return text, comment.strip()


def _phrase_of(raw: str) -> tuple[str, bool]:
    """Normalise a phrase, cutting out parenthetical notes; say whether one was cut."""
    cut = _PAREN.sub(" ", raw)
    phrase = normalise(cut)
    if "\ufffd" in phrase:  # a byte the source file lost; the phrase cannot match real text
        raise _Problem("undecodable character in phrase", "name")
    if not phrase:
        raise _Problem("empty phrase", "name")
    return phrase, cut != raw


def parse_actors(
    lines: Iterable[str], path: str, *, strict: bool = False, report: ParseReport | None = None
) -> list[TabariEntry]:
    """Parse an actor dictionary; entries without any code are dropped (PETRARCH's null default)."""
    report = report if report is not None else ParseReport()
    entries: list[TabariEntry] = []
    current: TabariEntry | None = None

    def fail(number: int, text: str, problem: _Problem) -> None:
        if strict:
            raise InputError(Where(path, number, problem.field), problem.reason)
        report.skip(problem.reason, number, text)

    def close(entry: TabariEntry | None) -> None:
        if entry is None:
            return
        if entry.codes:
            entries.append(entry)
        elif strict:
            raise InputError(Where(path, entry.line, "code"), f"no code for {entry.name!r}")
        else:
            report.skip("entry without a code", entry.line, entry.name)

    blank_since = True
    coded_since = False  # the open record has had a [code], even an unreadable one
    for number, raw_line in enumerate(lines, 1):
        line = raw_line.rstrip("\r\n")
        text, comment = _split_comment(line)
        body = text.strip()
        if not body:
            blank_since = blank_since or not line.strip()
            continue
        if body.startswith("<!--"):
            continue
        codes: list[CodeSpan] = []
        brackets = "[" in body
        for match in _BRACKET.finditer(body):
            try:
                code = parse_code(match.group(1), repair=not strict)
            except _Problem as problem:  # one bad code does not cost the line's other codes
                fail(number, line, problem)
            else:
                if not strict and _STRAY_CENTURY.search(match.group(1)):
                    report.skip("date with a stray '19' prefix (repaired, kept)", number, line)
                codes.append(code)
        head = _BRACE.sub(" ", _BRACKET.sub(" ", body)).strip()
        if ("[" in head or "]" in head) and not strict:
            report.skip("unbalanced bracket (text kept, code dropped)", number, line)
            head = head.replace("[", " ").replace("]", " ").strip()
        if body.startswith("["):  # a code line (normally tab-indented) for the open record
            if current is None:
                fail(number, line, _Problem("code line outside a record", "code"))
            else:
                current.codes.extend(codes)
                coded_since = True
            continue
        if body.startswith("+"):
            if current is None:
                fail(number, line, _Problem("synonym outside a record", "name"))
                continue
            try:
                phrase, cut = _phrase_of(head[1:])
            except _Problem as problem:
                fail(number, line, problem)
            else:
                if phrase not in current.phrases:
                    current.phrases.append(phrase)
                if cut:
                    current.stripped.add(phrase)
            current.codes.extend(codes)
            continue
        try:
            phrase, cut = _phrase_of(head)
        except _Problem as problem:
            fail(number, line, problem)
            continue
        was_blank, blank_since = blank_since, False
        if current is not None and not coded_since and not brackets and not was_blank:
            # Consecutive name lines with the codes below all of them (IVO_JOSIPOVIC_ /
            # PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ then [HRVGOV ...]) are one record.
            if phrase not in current.phrases:
                current.phrases.append(phrase)
            if cut:
                current.stripped.add(phrase)
            if not strict:
                report.skip(
                    "name line without '+' merged into the record below (kept)", number, line
                )
            continue
        close(current)
        coded_since = brackets
        current = TabariEntry([phrase], list(codes), number, comment, inline_code=bool(codes))
        if cut:
            current.stripped.add(phrase)
    close(current)
    return entries


def regular_plural(word: str) -> str | None:
    """PETRARCH's automatic plural: +S, Y -> IES after a consonant, SS/SH/CH/X/Z -> +ES.

    Words already ending in a single S are taken as plural or uncountable and get none.
    """
    if word.endswith(("ss", "sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("s"):
        return None
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def parse_agents(
    lines: Iterable[str], path: str, *, strict: bool = False, report: ParseReport | None = None
) -> list[AgentEntry]:
    """Parse an agent dictionary into one :class:`AgentEntry` per phrase form (plurals included)."""
    report = report if report is not None else ParseReport()
    sets: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for number, raw_line in enumerate(lines, 1):
        line = raw_line.rstrip("\r\n")
        body = _split_comment(line)[0].strip()
        if not body:
            continue
        try:
            out.extend(_agent_line(body, number, sets))
        except _Problem as problem:
            if strict:
                raise InputError(Where(path, number, problem.field), problem.reason) from None
            report.skip(problem.reason, number, line)
    return out


def _agent_line(body: str, number: int, sets: dict[str, list[str]]) -> list[AgentEntry]:
    definition = re.fullmatch(r"!([A-Z]+)!\s*=\s*(.+)", body)
    if definition:
        sets[definition.group(1)] = [p.strip() for p in definition.group(2).split(",") if p.strip()]
        return []
    codes = _BRACKET.findall(body)
    if len(codes) != 1:
        raise _Problem("agent line without exactly one [code]", "code")
    code = codes[0].strip()
    if not AGENT_CODE.match(code):
        raise _Problem(f"bad agent code {code!r}", "code")
    plural_match = _BRACE.search(body)
    head = _BRACE.sub(" ", _BRACKET.sub(" ", body)).strip()
    if "{" in head or "}" in head or "[" in head:
        raise _Problem("unbalanced bracket", "code")
    forms: list[str] = []
    markers = _SUBST.findall(head)
    if markers:
        # Substitution alternatives already spell out their plurals (MINISTER, MINISTERS).
        variants = [head]
        for marker in markers:
            if marker not in sets:
                raise _Problem(f"undefined substitution set !{marker}!", "name")
            variants = [v.replace(f"!{marker}!", alt, 1) for v in variants for alt in sets[marker]]
        forms.extend(variants)
    else:
        forms.append(head)
        if plural_match is not None:
            forms.extend(p for p in plural_match.group(1).split(",") if p.strip())
        else:
            words = normalise(head).split(" ")
            plural = regular_plural(words[-1]) if words and words[-1].isalpha() else None
            if plural:
                forms.append(" ".join([*words[:-1], plural]))
    result: list[AgentEntry] = []
    for form in forms:
        phrase, _ = _phrase_of(form)
        if all(a.phrase != phrase for a in result):
            result.append(AgentEntry(phrase, code, number))
    return result
