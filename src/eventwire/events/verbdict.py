"""Parser for PETRARCH2/TABARI verb dictionaries: the one reader of that format.

The verb pattern file (``data/verbs.txt``, compiled by :mod:`eventwire.events.verbs`) and,
later, user verb dictionaries go through this module.  The format, as documented for
PETRARCH2's ``PETRreader.read_verb_dictionary``::

    &CURRENCY                 synonym set: a label, then "+" members (words or phrases)
    +DOLLAR
    +CASH_                    a trailing "_" means "no plural"; so does a label ending in "_"

    ---  ASK   [---]  ---     verb block: name and default code ("---" = no event by itself)
    ASK     [020]             a verb, optionally with its own code
    SPEED {SPEEDS SPED}       irregular forms; without braces the regular forms are implied
    +ASK_FOR {+ASKED_FOR}     multi-word verb: "+" marks the word the parser sees as the verb
    - * INVESTMENT    [0211]  # ASK
    - * (FOR &SOLUTION) (OF &INVESTIGATION)   [0214]
    - $ * (AS &NEGOTIATOR) (WITH +)           [045]

A pattern reads ``- <before the verb> * <after the verb> [code]``: single words are noun heads,
``{...}`` a noun phrase whose last word is the head, ``(PREP ...)`` a prepositional phrase (its
first word the preposition; ``(TO)`` alone means any "to" phrase), ``&SET`` a synonym set, ``$``
and ``+`` where the source and the target are, ``%`` a compound actor (source and target together),
``^`` TABARI's "skip a noun phrase" (carries no meaning once the parse gives phrases).  Patterns
belong to the block and apply to every verb in it.  Codes ``[a:b]`` are TABARI paired events
(``a`` from source to target, ``b`` back from target to source); ``[:b]`` gives only the second.

Lines the parser cannot use are counted, with examples, in :class:`ParseReport`; nothing raises.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from eventwire import diskcache

NULL_CODE = "---"
MARKERS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_BRACE = re.compile(r"\{([^{}]*)\}")
_XML_COMMENT = re.compile(r"<!--.*?(-->|$)")
_TOKEN = re.compile(r"[(){}*]|[^\s(){}*]+")


@dataclass(frozen=True, slots=True)
class VerbCode:
    """A pattern's or verb's code: the event it makes, and TABARI's optional paired event."""

    __reduce__ = diskcache.by_fields  # (cached: unpickled at every start)

    forward: str | None  # source -> target; None for the null code "---"
    reverse: str | None = None  # target -> source, from "[a:b]" or "[:b]"

    @classmethod
    def parse(cls, text: str) -> VerbCode:
        text = text.strip()
        if ":" in text:
            first, _, second = text.partition(":")
            return cls(_code_or_none(first), _code_or_none(second))
        return cls(_code_or_none(text))

    @property
    def is_null(self) -> bool:
        return self.forward is None and self.reverse is None

    def __str__(self) -> str:
        if self.reverse is None:
            return self.forward or NULL_CODE
        return f"{self.forward or ''}:{self.reverse}"


def _code_or_none(text: str) -> str | None:
    text = text.strip()
    return None if not text or text == NULL_CODE else text


@dataclass(frozen=True, slots=True)
class PrepPhrase:
    """``(PREP object ...)``: a preposition and the noun terms it governs (may be empty)."""

    __reduce__ = diskcache.by_fields  # (cached: unpickled at every start)

    prep: str
    objects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """One ``-`` line: noun terms and prepositional phrases before and after the verb.

    Terms are lowercase: a word (``"investment"``), a phrase whose last word is its head
    (``"humanitarian aid"``), or contain synonym-set references (``"&security"``,
    ``"fighter &aircraft"``).  ``source``/``target`` say where ``$``/``+`` stood: ``"before"``,
    ``"after"`` or a preposition (``"with"``); ``compound`` is true for ``%``.
    """

    __reduce__ = diskcache.by_fields  # (cached: unpickled at every start)

    block: str
    before: tuple[str, ...]
    before_preps: tuple[PrepPhrase, ...]
    after: tuple[str, ...]
    after_preps: tuple[PrepPhrase, ...]
    code: VerbCode
    line: int
    comment: str = ""
    source: str | None = None
    target: str | None = None
    compound: bool = False

    def synsets(self) -> set[str]:
        """The synonym-set labels this pattern refers to (``"&security"``)."""
        terms = [*self.before, *self.after]
        for pp in (*self.before_preps, *self.after_preps):
            terms.extend(pp.objects)
        return {word for term in terms for word in term.split() if word.startswith("&")}


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One verb line of a block.

    ``words`` is the whole verb as spaCy would tokenise it (``("ask", "for")``,
    ``("re", "-", "arrest")``), ``head`` the index of the word the parser tags as the verb.
    ``forms`` are the irregular forms the line lists in ``{...}`` (the regular ones are implied,
    see :func:`regular_forms`); matching goes by lemma, so they serve explanation and aliases.
    """

    __reduce__ = diskcache.by_fields  # (cached: unpickled at every start)

    words: tuple[str, ...]
    head: int
    forms: tuple[str, ...]
    code: VerbCode
    own_code: bool
    block: str
    line: int

    @property
    def lemma(self) -> str:
        return " ".join(self.words).replace(" - ", "-")

    @property
    def verb(self) -> str:
        return self.words[self.head]

    @property
    def before(self) -> tuple[str, ...]:
        return self.words[: self.head]

    @property
    def after(self) -> tuple[str, ...]:
        return self.words[self.head + 1 :]


@dataclass
class VerbBlock:
    """A ``--- NAME [code] ---`` block: its verbs share its patterns."""

    name: str
    code: VerbCode
    line: int
    verbs: list[VerbForm] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class ParseReport:
    """What the parser could not use or had to interpret: reason -> count, with examples."""

    skipped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, reason: str, line: int, text: str) -> None:
        self.skipped[reason] += 1
        shown = self.examples.setdefault(reason, [])
        if len(shown) < 3:
            shown.append(f"line {line}: {text.strip()[:90]}")


@dataclass
class VerbDictionary:
    """A parsed verb dictionary: synonym sets, verb blocks, raw transformation lines."""

    synsets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    transformations: list[tuple[int, str]] = field(default_factory=list)
    report: ParseReport = field(default_factory=ParseReport)

    @property
    def patterns(self) -> list[VerbPattern]:
        return [p for block in self.blocks for p in block.patterns]

    @property
    def verbs(self) -> list[VerbForm]:
        return [v for block in self.blocks for v in block.verbs]


def _strip_comment(line: str) -> tuple[str, str]:
    """Split a line into content and comment; ``#``/``;`` inside ``[...]`` (codes) is content."""
    line = _XML_COMMENT.sub("", line)
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char in "#;" and depth == 0:
            return line[:i].rstrip(), line[i + 1 :].strip()
    return line.rstrip(), ""


def _normalise(word: str) -> str:
    """Lowercase; ``_`` joins words of one phrase; a trailing ``_`` (TABARI "no plural") drops."""
    return " ".join(part for part in word.lower().split("_") if part)


def regular_forms(verb: str) -> list[str]:
    """The -s, -ed and -ing forms implied for a verb line without ``{...}`` (for explanation)."""
    vowels = tuple("aeiou")
    if verb.endswith(("s", "x", "z", "sh", "ch")):
        third = verb + "es"
    elif verb.endswith("y") and not verb[:-1].endswith(vowels):
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and not verb[:-1].endswith(vowels):
        past = verb[:-1] + "ied"
    else:
        past = verb + "ed"
    ing = verb[:-1] + "ing" if verb.endswith("e") and not verb.endswith("ee") else verb + "ing"
    return [third, past, ing]


def _verb_words(text: str) -> tuple[tuple[str, ...], int, bool]:
    """Words of a verb (lowercase, hyphens split as spaCy does), the verb's index, "+" present."""
    marked = "+" in text
    raw = text.replace(" ", "_").split("_")
    raw = [w for w in raw if w]
    head = next((i for i, w in enumerate(raw) if w.startswith("+")), 0)
    words: list[str] = []
    head_index = 0
    for i, word in enumerate(raw):
        parts = word.lstrip("+").lower().split("-")
        if i == head:
            # In a hyphenated verb ("re-arrest") the last part is what spaCy tags as the verb.
            head_index = len(words) + 2 * (len(parts) - 1)
        for j, part in enumerate(parts):
            if j:
                words.append("-")
            words.append(part)
    return tuple(words), head_index, marked


def _read_verb(content: str, block: VerbBlock, number: int, report: ParseReport) -> VerbForm | None:
    codes = _BRACKET.findall(content)
    code = VerbCode.parse(codes[-1]) if codes else block.code
    braces = _BRACE.findall(content)
    text = _BRACE.sub(" ", _BRACKET.sub(" ", content)).strip()
    if not text:
        report.note("verb line without a verb", number, content)
        return None
    words, head, marked = _verb_words(text)
    if len(words) > 1 and not marked and "-" not in words:
        report.note("multi-word verb without '+': first word taken as the verb", number, content)
    # Only the listed irregular forms are kept: the regular ones are implied (regular_forms) and
    # matching goes by lemma anyway.  Commas between forms ("{+WAS_X , +BE_X}") are not forms.
    listed = braces[0].split() if braces else []
    forms = tuple(" ".join(_verb_words(f)[0]) for f in listed if any(c.isalpha() for c in f))
    return VerbForm(words, head, forms, code, bool(codes), block.name, number)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("_*", " * ").replace("*_", " * "))


def _terms(tokens: list[str]) -> tuple[list[str], list[PrepPhrase]]:
    """Split a pattern side into noun terms and prepositional phrases (ValueError if unbalanced)."""
    terms: list[str] = []
    preps: list[PrepPhrase] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "(":
            end = tokens.index(")", i)  # ValueError when unclosed
            inner, inner_preps = _terms(tokens[i + 1 : end])
            if inner_preps or not inner:
                raise ValueError("empty or nested prepositional phrase")
            preps.append(PrepPhrase(inner[0], tuple(inner[1:])))
            i = end + 1
        elif token == "{":
            end = tokens.index("}", i)
            terms.append(" ".join(_normalise(t) for t in tokens[i + 1 : end]))
            i = end + 1
        elif token in ")}":
            raise ValueError(f"unbalanced {token!r}")
        else:
            terms.append(token if token in MARKERS else _normalise(token))
            i += 1
    return terms, preps


def _read_pattern(
    content: str, comment: str, block: VerbBlock, number: int, report: ParseReport
) -> VerbPattern | None:
    codes = _BRACKET.findall(content)
    if not codes:
        report.note("pattern without a code: skipped", number, content)
        return None
    body = _BRACKET.sub(" ", content)[1:]
    sides = _tokens(body)
    if sides.count("*") != 1:
        report.note("pattern without exactly one '*': skipped", number, content)
        return None
    star = sides.index("*")
    try:
        before, before_preps = _terms(sides[:star])
        after, after_preps = _terms(sides[star + 1 :])
    except ValueError:
        report.note("unbalanced (...) or {...} in a pattern: skipped", number, content)
        return None
    roles: dict[str, str] = {}
    compound = False
    for where, terms in (("before", before), ("after", after)):
        for marker in ("$", "+"):
            if marker in terms:
                roles[marker] = where
        compound = compound or "%" in terms
    for pp in (*before_preps, *after_preps):
        for marker in ("$", "+"):
            if marker in pp.objects:
                roles[marker] = pp.prep
    if "^" in before + after or any("^" in pp.objects for pp in (*before_preps, *after_preps)):
        report.note("'^' (skip a phrase) dropped from a pattern", number, content)

    def clean(terms: list[str]) -> tuple[str, ...]:
        return tuple(t for t in terms if t not in MARKERS)

    def clean_pp(preps: list[PrepPhrase]) -> tuple[PrepPhrase, ...]:
        return tuple(PrepPhrase(p.prep, clean(list(p.objects))) for p in preps)

    return VerbPattern(
        block=block.name,
        before=clean(before),
        before_preps=clean_pp(before_preps),
        after=clean(after),
        after_preps=clean_pp(after_preps),
        code=VerbCode.parse(codes[-1]),
        line=number,
        comment=comment,
        source=roles.get("$"),
        target=roles.get("+"),
        compound=compound,
    )


def parse_verb_dictionary(text: str) -> VerbDictionary:
    """Parse the text of a verb dictionary; unusable lines are counted in ``result.report``."""
    result = VerbDictionary()
    report = result.report
    block: VerbBlock | None = None
    # The synonym set being read: "+" lines after a label are its members until any other line.
    label: str | None = None
    members: list[str] = []

    def close_synset() -> None:
        nonlocal label
        if label is not None:
            result.synsets[label] = tuple(dict.fromkeys(members))
            label = None

    for number, raw in enumerate(text.splitlines(), start=1):
        content, comment = _strip_comment(raw)
        stripped = content.strip()
        if not stripped:
            continue  # blank and comment lines end nothing: a set's members may follow a comment
        if stripped.startswith("+") and label is not None:
            members.append(_normalise(stripped[1:].strip().replace(" ", "_")))
            continue
        close_synset()
        if stripped.startswith("---"):
            inner = stripped.strip("-").strip()
            codes = _BRACKET.findall(inner)
            name = _BRACKET.sub(" ", inner).strip().rstrip("_") or f"BLOCK-{number}"
            block = VerbBlock(name, VerbCode.parse(codes[0]) if codes else VerbCode(None), number)
            result.blocks.append(block)
        elif stripped.startswith("&"):
            label = stripped.split()[0].rstrip("_").lower()
            if label in result.synsets:
                report.note("synonym set defined twice: members merged", number, raw)
            members = list(result.synsets.get(label, ()))
        elif stripped.startswith("~"):
            result.transformations.append((number, stripped))
        elif block is None:
            report.note("line outside a verb block: skipped", number, raw)
        elif stripped.startswith("-"):
            pattern = _read_pattern(stripped, comment, block, number, report)
            if pattern is not None:
                block.patterns.append(pattern)
        else:
            verb = _read_verb(stripped, block, number, report)
            if verb is not None:
                block.verbs.append(verb)
    close_synset()
    _drop_undefined(result)
    return result


def _drop_undefined(result: VerbDictionary) -> None:
    """PETRARCH ignores a pattern that names an undefined synonym set; so do we, and count it."""
    for block in result.blocks:
        kept = []
        for pattern in block.patterns:
            missing = {name for name in pattern.synsets() if name not in result.synsets}
            if missing:
                result.report.note(
                    "pattern names an undefined synonym set: skipped",
                    pattern.line,
                    f"{sorted(missing)} in block {block.name}",
                )
            else:
                kept.append(pattern)
        block.patterns = kept
