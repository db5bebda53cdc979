"""The learned actor registry: persons the store's articles coded from their own text.

When an article codes a person by a title or an appositive ("US Ambassador to Hungary Walter
Brenneman" -> USAGOV, ``resolved_by == "role"``), the store keeps that support (one
:class:`~eventwire.records.LearnedSupport` per article, name and code; :func:`supports_of`).
A later article that names the person alone ("Walter Brenneman said ...") is coded from it
(``resolved_by == "learned"``) when:

* the name has two words or more (a surname alone is not learned: it names too many people);
* the article is dated within the window of the support: from :data:`WINDOW_BEFORE` before the
  first supporting article to :data:`WINDOW_AFTER` after the last one;
* no user dictionary knows the person (a user's dictionary always wins) and the shipped lexicon
  gives no *dated* role covering the article's day (an office-holder in office, a Phoenix role
  in its years): learned codes fill only what would stay uncoded, or coded by an undated
  Phoenix default, or by a title that names a sector and no country ("Ambassador X").

Codes that came from the lexicon are not learned (they are known already), nor codes found by
coreference (a surname, a pronoun) or by the registry itself: support comes from the text only,
so a role cannot outlive its window by feeding on itself. One name may have several codes (a
diplomat moves on): the one with the most recent support wins, then the one with most articles.

The registry a run uses is a snapshot read from the store when the run starts
(:meth:`eventwire.store.Store.learned_registry`), put in force for the process with
:func:`using` (worker processes get it through their pool's initializer). In-process runs also
:meth:`Registry.learn` from each new article as it is stored, so a later article of the same run
is coded from an earlier one. The pure ``eventwire code`` and ``actors`` commands have no
registry in force and code exactly as before.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from itertools import pairwise

from eventwire.actors.entries import CodeSpan
from eventwire.actors.matcher import key_of
from eventwire.document import Document
from eventwire.records import LearnedCode, LearnedSupport, published_day

# How long after its last supporting article a learned code is used. Ambassadors, ministers and
# envoys usually hold a post two to four years, and news names a person by title again whenever
# the post matters; two years without a single article restating the role is where the role is
# as likely over as not (a minister learned in 2017 is not a minister in 2023 on that evidence).
WINDOW_AFTER = timedelta(days=730)
# How long before the first supporting article it is used: the role was very likely held a
# little before an article first gave it (reprocessing older articles, stories written in the
# run-up), but not years before (the person may have been appointed just then).
WINDOW_BEFORE = timedelta(days=90)
# The fewest name words a learned name has: "Walter Brenneman", not "Brenneman".
MIN_NAME_WORDS = 2
RESOLVED_BY = "learned"


def name_key(name: str) -> str:
    """The registry's key of a person's name: the matcher's key (lowercase words)."""
    return key_of(name)


def supports_of(doc: Document) -> list[LearnedSupport]:
    """What a coded article teaches: its persons coded from its own titles and appositives
    with a code the lexicon does not give them that day (``Actor.learnable``), with a full
    name; nothing for an undated article (its support could not be bounded)."""
    day = published_day(doc.article.published)
    if day is None:
        return []
    found: dict[tuple[str, str], LearnedSupport] = {}
    for actor in doc.actors:
        if actor.kind != "person" or not actor.learnable:
            continue
        key = name_key(actor.name)
        if len(key.split()) < MIN_NAME_WORDS or (key, actor.code) in found:
            continue
        own = [m for m in actor.mentions if name_key(m.text) == key] or actor.mentions
        if not own:
            continue
        mention = own[0]
        found[(key, actor.code)] = LearnedSupport(
            name=key,
            code=actor.code,
            day=day,
            article_id=doc.article.id,
            shown=actor.name,
            sentence=mention.sentence,
            start=mention.start,
            end=mention.end,
        )
    return list(found.values())


class Registry:
    """Learned (name, code) pairs by name, and the rule that picks one for an article's day."""

    def __init__(
        self,
        codes: Iterable[LearnedCode] = (),
        *,
        after: timedelta = WINDOW_AFTER,
        before: timedelta = WINDOW_BEFORE,
    ) -> None:
        self.after = after
        self.before = before
        self._by_name: dict[str, dict[str, LearnedCode]] = {}
        for code in codes:
            self._by_name.setdefault(code.name, {})[code.code] = code

    def __len__(self) -> int:
        return sum(len(codes) for codes in self._by_name.values())

    def codes(self) -> list[LearnedCode]:
        """Every pair, by name then code."""
        return [self._by_name[name][code] for name in sorted(self._by_name)
                for code in sorted(self._by_name[name])]  # fmt: skip

    def window(self, code: LearnedCode) -> tuple[date, date]:
        """The days (inclusive) on which a pair may code an article."""
        return code.first - self.before, code.last + self.after

    def candidates(self, name: str, day: date) -> list[LearnedCode]:
        """The pairs of a name (a :func:`name_key`) usable on a day, the winner first: the most
        recent support, then the most articles (then the code, so the order is total)."""
        usable = []
        for code in self._by_name.get(name, {}).values():
            start, end = self.window(code)
            if start <= day <= end:
                usable.append(code)
        return sorted(usable, key=lambda c: (-c.last.toordinal(), -c.articles, c.code))

    def lookup(self, name: str, day: date | None) -> LearnedCode | None:
        """The pair that codes ``name`` in an article of ``day``; None for an undated article."""
        if day is None:
            return None
        found = self.candidates(name, day)
        return found[0] if found else None

    def learn(self, supports: Iterable[LearnedSupport]) -> None:
        """Count the supports of one more article (new to the registry: a stored article's
        support is in the snapshot already)."""
        for support in supports:
            codes = self._by_name.setdefault(support.name, {})
            known = codes.get(support.code)
            codes[support.code] = (
                LearnedCode.of(support) if known is None else known.with_support(support)
            )

    def spans(self, name: str) -> list[CodeSpan]:
        """The name's codes as dated spans that never overlap, each day given to the pair
        :meth:`lookup` picks on it: a user dictionary entry that codes every dated article
        as the registry does (the export)."""
        codes = list(self._by_name.get(name, {}).values())
        cuts = sorted({d for c in codes for d in (self.window(c)[0], self.window(c)[1] + _DAY)})
        spans: list[CodeSpan] = []
        for start, stop in pairwise(cuts):
            found = self.lookup(name, start)
            if found is None:
                continue
            end = stop - _DAY
            last = spans[-1] if spans else None
            if last is not None and last.code == found.code and last.end == start - _DAY:
                spans[-1] = CodeSpan(found.code, last.start, end)
            else:
                spans.append(CodeSpan(found.code, start, end))
        return spans

    def shown(self, name: str) -> str:
        """The name as written in its most recent supporting article."""
        codes = self._by_name[name].values()
        newest = max(codes, key=lambda c: (c.example.day, c.example.article_id))
        return newest.example.shown


_DAY = timedelta(days=1)


# -- the registry in force in this process ---------------------------------------------------------

_in_force: Registry | None = None


def in_force() -> Registry | None:
    """The registry the actors stage consults in this process (None: none, as in `code`)."""
    return _in_force


def use(registry: Registry | None) -> Registry | None:
    """Put a registry in force (None: none) and return the one it replaces; also the
    initializer of a worker pool, which gets the run's snapshot this way."""
    global _in_force
    previous, _in_force = _in_force, registry
    return previous


@contextmanager
def using(registry: Registry | None) -> Iterator[Registry | None]:
    """A registry in force for the ``with`` block, the previous one restored afterwards."""
    previous = use(registry)
    try:
        yield registry
    finally:
        use(previous)


# -- as a user dictionary ------------------------------------------------------------------------

EXPORT_FORMATS = (".yaml", ".yml", ".csv")


def _support_note(code: LearnedCode) -> str:
    articles = "article" if code.articles == 1 else "articles"
    return (
        f"{code.code}: {code.articles} {articles} {code.first}..{code.last}, "
        f"e.g. {code.example.article_id}"
    )


def as_yaml(registry: Registry) -> str:
    """The registry as a YAML user dictionary (``--dict``): one person per name, its codes as
    the dated spans of :meth:`Registry.spans`, the support of each code in a comment."""
    lines = [
        "# The learned actor registry as a user dictionary (eventwire actors --learned --export).",
        f"# Each code spans {registry.before.days} days before its first supporting article to "
        f"{registry.after.days} days after its last.",
    ]
    by_name: dict[str, list[LearnedCode]] = {}
    for code in registry.codes():
        by_name.setdefault(code.name, []).append(code)
    for name, codes in by_name.items():
        spans = registry.spans(name)
        if not spans:
            continue
        lines += [f"# {_support_note(code)}" for code in codes]
        lines += [f"- name: {json.dumps(registry.shown(name), ensure_ascii=False)}",
                  "  kind: person", "  codes:"]  # fmt: skip
        lines += [f"    - {{code: {s.code}, from: {s.start}, until: {s.end}}}" for s in spans]
    return "\n".join(lines) + "\n"


def as_csv(registry: Registry) -> str:
    """The registry as a CSV user dictionary: one row per dated span, as :func:`as_yaml`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["name", "code", "aliases", "from", "until", "kind"])
    for name in sorted({code.name for code in registry.codes()}):
        for span in registry.spans(name):
            writer.writerow([registry.shown(name), span.code, "", span.start, span.end, "person"])
    return buffer.getvalue()


def as_user_dictionary(registry: Registry, suffix: str) -> str:
    """The registry in the user-dictionary format of a file suffix (.yaml, .yml or .csv)."""
    if suffix.lower() == ".csv":
        return as_csv(registry)
    if suffix.lower() in (".yaml", ".yml"):
        return as_yaml(registry)
    raise ValueError(f"cannot export to {suffix or 'a file without a suffix'}: use .yaml or .csv")


def rows(registry: Registry) -> Sequence[dict[str, object]]:
    """The registry as rows for `eventwire actors --learned` (with each pair's usable window)."""
    out = []
    for code in registry.codes():
        start, end = registry.window(code)
        row = code.to_dict()
        example = {key: row.pop(key) for key in list(row) if key.startswith("example_")}
        out.append({**row, "from": start.isoformat(), "until": end.isoformat(), **example})
    return out
