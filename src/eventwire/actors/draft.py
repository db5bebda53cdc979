"""Working state of actor recognition in one document: draft actors and their token mentions.

Recognition, role coding and coreference all add mentions here, in token offsets; a token
belongs to at most one mention, so a later rule cannot re-code a span an earlier one claimed.
:meth:`Work.actors` turns the drafts into the public :class:`~eventwire.records.Actor` records.
The records every rule passes around live here too, below the rules that fill them: a
:class:`Role` (what a title says of a person) and :func:`join_code` (country + sector).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventwire.actors.entries import LexEntry
from eventwire.actors.lexicon import Lexicon
from eventwire.actors.matcher import Hit
from eventwire.records import Actor, Mention


@dataclass
class Role:
    """What a run of tokens says about someone's country and sector."""

    start: int
    end: int
    country: str | None = None
    sector: str | None = None  # TABARI notation: "~GOV" appends, "IGO~" prepends
    words: set[str] = field(default_factory=set)  # role words found ("minister")
    country_hits: list[Hit] = field(default_factory=list)
    org: str | None = None  # an IGO/NGO the title names ("U.N. mediator", "Arab League chief")

    @property
    def has_role(self) -> bool:
        return self.sector is not None

    def code(self) -> str:
        return join_code(self.country, self.sector)

    def take_state_post(self, country: str, code: str) -> None:
        """A dictionary phrase in the title coded as a state's post ("US President" USAGOV,
        "White House press secretary" USAGOV) gives its country, and its sector when the
        title's own words gave none."""
        self.country = country
        if self.sector is None and code[3:]:
            self.sector = f"~{code[3:]}"


def join_code(country: str | None, sector: str | None) -> str:
    """Combine a country and a TABARI agent code: IRN + ~GOV = IRNGOV, IRN + IGO~ = IGOIRN."""
    if not country:
        return ""
    if not sector:
        return country
    if sector.endswith("~") and not sector.startswith("~"):
        return sector.strip("~") + country
    return country + sector.strip("~")


@dataclass
class Draft:
    """An actor being assembled: identity, code, how it was found, and token-span mentions."""

    key: str  # merge key: "person:<name>", "code:<CODE>", "agent:<sector>:<head>"
    name: str
    kind: str
    code: str = ""
    country: str | None = None
    sector: str | None = None
    resolved_by: str = "ner"
    detail: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)  # role words seen with a person ("minister")
    words: tuple[str, ...] = ()  # lowercase name words of a person, for surname coreference
    entry: LexEntry | None = None  # the lexicon person this name was linked to
    role: Role | None = None  # what a title, appositive or list said about the person
    role_text: str = ""
    learnable: bool = False  # see Actor.learnable

    def set_code(self, country: str, sector: str | None) -> None:
        """Code the draft as ``country`` + ``sector`` (TABARI notation: "~GOV" appends)."""
        self.code = join_code(country, sector)
        self.country = country
        self.sector = (sector or "").strip("~") or None

    def first_token(self) -> int:
        return min(start for start, _, _ in self.mentions) if self.mentions else 1 << 30


class Work:
    """One document's tokens, lexicon hits and drafts, shared by the recognition rules."""

    def __init__(self, parsed: Any, lexicon: Lexicon, day: date | None) -> None:
        self.parsed = parsed
        self.lexicon = lexicon
        self.day = day
        self.hits: list[Hit] = []
        self.hit_at: dict[int, Hit] = {}  # first token of a hit -> hit
        self.drafts: list[Draft] = []
        self.by_key: dict[str, Draft] = {}
        self.owner: dict[int, Draft] = {}  # token -> draft whose mention holds it
        self.used: set[int] = set()  # tokens folded into another mention (titles, lists)
        # The Doc's tokens made once: indexing a Doc makes a new Token object on every call,
        # and the name rules index the same tokens hundreds of thousands of times per batch.
        self.tokens: list[Any] = list(parsed)
        # Words of the document's multi-word PERSON entities -> the entity spans holding them
        # (actors.not_persons), made on first use.
        self.person_ent_words: dict[str, set[tuple[int, int]]] | None = None
        self.sent_of: list[int] = [0] * len(parsed)
        self.sents: list[Any] = list(parsed.sents)
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n

    def set_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.hit_at = {hit.start: hit for hit in hits}

    def hit_covering(self, i: int) -> Hit | None:
        for hit in self.hits:
            if hit.start <= i < hit.end:
                return hit
            if hit.start > i:
                break
        return None

    def free(self, start: int, end: int) -> bool:
        return all(i not in self.owner and i not in self.used for i in range(start, end))

    def draft(self, key: str, **fields: Any) -> Draft:
        """The draft with this key, created with ``fields`` when new."""
        found = self.by_key.get(key)
        if found is None:
            found = Draft(key=key, **fields)
            self.by_key[key] = found
            self.drafts.append(found)
        return found

    def mention(self, draft: Draft, start: int, end: int, how: str) -> bool:
        """Give tokens start..end to ``draft``; refused when any of them is already taken."""
        if start >= end or not self.free(start, end):
            return False
        draft.mentions.append((start, end, how))
        for i in range(start, end):
            self.owner[i] = draft
        return True

    def actors(self) -> list[Actor]:
        """The finished actors, in order of first mention, with character offsets."""
        out: list[Actor] = []
        tokens = self.parsed
        for draft in sorted(self.drafts, key=Draft.first_token):
            if not draft.mentions:
                continue
            mentions = []
            for start, end, how in sorted(draft.mentions):
                span = tokens[start:end]
                mentions.append(
                    Mention(span.text, span.start_char, span.end_char, self.sent_of[start], how)
                )
            out.append(
                Actor(
                    name=draft.name,
                    code=draft.code,
                    country=draft.country,
                    sector=draft.sector,
                    kind=draft.kind,
                    resolved_by=draft.resolved_by,
                    mentions=mentions,
                    detail=draft.detail,
                    learnable=draft.learnable,
                )
            )
        return out
