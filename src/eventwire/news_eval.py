"""Whole-article evaluation on the real-news gold: events, actor codes, dates, places, persons.

Each gold article is read as ``eventwire code`` reads a JSON Lines record and coded by the full
pipeline.  An emitted event matches a gold event of the same article when the CAMEO roots are
equal and source and target agree on their country (first three letters; an empty gold actor
matches any), one to one (``eval/data/NEWS-GOLD.md``).  Precision counts every event the coder
does not mark negated.  Over the matched events the report gives the share with exact actor
codes, the right day and the right place; over the gold persons, the share the actors stage
codes right at country level and exactly.  Every miss, false event and matched event with a wrong
detail is given a cause (:mod:`eventwire.miss_causes`), counted, and listed per article.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.document import Document
from eventwire.errors import Where
from eventwire.evaluate import PLACE_KM, km, match_one_to_one, prf
from eventwire.goldsets import PredEvent, country
from eventwire.miss_causes import (
    DATE,
    FALSE_CAUSES,
    MATCH_ISSUES,
    MISS_CAUSES,
    PLACE,
    SECTOR,
    SentenceView,
    false_cause,
    miss_cause,
)
from eventwire.news_gold import GoldError, GoldPerson, GoldPlace, NewsArticle, load_news
from eventwire.pipeline import code_document
from eventwire.records import Actor, Article, Event
from eventwire.sources.fields import article_from_record

SET_NAME = "news"
_NAME_WORD = re.compile(r"[^\W_]+")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@dataclass
class Outcome:
    """One gold event or one false event of an article, with its cause or its issues."""

    status: str  # "matched" | "missed" | "false"
    sentence: str
    gold: dict[str, Any] | None = None
    pred: dict[str, Any] | None = None
    cause: str | None = None
    detail: str = ""
    issues: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # details the gold gives (date, place)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "cause": self.cause,
            "detail": self.detail,
            "issues": list(self.issues),
            "sentence": self.sentence,
            "gold": self.gold,
            "pred": self.pred,
        }


@dataclass
class PersonOutcome:
    name: str
    gold: str
    found: str | None  # the code the actors stage gave, None when no actor was found
    actor: str | None  # the actor's name

    @property
    def country_right(self) -> bool:
        return bool(self.found) and country(self.found or "") == country(self.gold)

    @property
    def exact(self) -> bool:
        return self.found == self.gold

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "gold": self.gold,
            "found": self.found,
            "actor": self.actor,
            "country_right": self.country_right,
            "exact": self.exact,
        }


@dataclass
class ArticleResult:
    id: str
    title: str | None
    outcomes: list[Outcome] = field(default_factory=list)
    persons: list[PersonOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "tp": self.count("matched"),
            "fp": self.count("false"),
            "fn": self.count("missed"),
            "events": [o.to_dict() for o in self.outcomes],
            "persons": [p.to_dict() for p in self.persons],
        }


@dataclass
class NewsReport:
    """The whole-article figures; ``measures()`` are what the gate keeps floors for."""

    articles: list[ArticleResult] = field(default_factory=list)

    def outcomes(self, status: str | None = None) -> list[tuple[str, Outcome]]:
        return [(a.id, o) for a in self.articles for o in a.outcomes if status in (None, o.status)]

    @property
    def tp(self) -> int:
        return len(self.outcomes("matched"))

    @property
    def fp(self) -> int:
        return len(self.outcomes("false"))

    @property
    def fn(self) -> int:
        return len(self.outcomes("missed"))

    def _share(self, issue: str, applies: Callable[[Outcome], bool]) -> tuple[int, int]:
        checked = [o for _, o in self.outcomes("matched") if applies(o)]
        return sum(issue not in o.issues for o in checked), len(checked)

    @property
    def codes(self) -> tuple[int, int]:
        return self._share(SECTOR, lambda o: True)

    @property
    def dates(self) -> tuple[int, int]:
        return self._share(DATE, lambda o: DATE in o.checked)

    @property
    def places(self) -> tuple[int, int]:
        return self._share(PLACE, lambda o: PLACE in o.checked)

    @property
    def persons(self) -> list[PersonOutcome]:
        return [p for a in self.articles for p in a.persons]

    def measures(self) -> dict[str, float]:
        """The figures the gate keeps floors for, each a share between 0 and 1."""
        persons = self.persons
        precision, recall, f1 = prf(self.tp, self.fp, self.fn)
        return {
            "f1": f1,
            "precision": precision,
            "recall": recall,
            "codes": _ratio(*self.codes),
            "dates": _ratio(*self.dates),
            "places": _ratio(*self.places),
            "persons_country": _ratio(sum(p.country_right for p in persons), len(persons)),
            "persons_exact": _ratio(sum(p.exact for p in persons), len(persons)),
        }

    def causes(self) -> dict[str, Counter[str]]:
        """How many misses and false events each cause explains, and matched events' issues."""
        return {
            "missed": Counter(o.cause or "?" for _, o in self.outcomes("missed")),
            "false": Counter(o.cause or "?" for _, o in self.outcomes("false")),
            "matched": Counter(i for _, o in self.outcomes("matched") for i in o.issues),
        }

    def to_dict(self) -> dict[str, Any]:
        causes = self.causes()
        return {
            "set_name": SET_NAME,
            "articles": len(self.articles),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            **{name: round(value, 4) for name, value in self.measures().items()},
            "counts": {
                "codes": list(self.codes),
                "dates": list(self.dates),
                "places": list(self.places),
                "persons": len(self.persons),
            },
            "causes": {status: dict(c.most_common()) for status, c in causes.items()},
            "per_root": self.per_root(),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def per_root(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for _, o in self.outcomes():
            info = o.gold if o.status != "false" else o.pred
            root = str((info or {}).get("root") or "?")
            row = table.setdefault(root, {"tp": 0, "fp": 0, "fn": 0})
            row[{"matched": "tp", "false": "fp", "missed": "fn"}[o.status]] += 1
        return dict(sorted(table.items()))

    def to_markdown(self, limit: int = 20) -> str:
        m = self.measures()
        persons = self.persons
        lines = [
            f"## news: F1 {m['f1']:.3f} (P {m['precision']:.3f}, R {m['recall']:.3f})",
            "",
            f"{len(self.articles)} articles; tp {self.tp}, fp {self.fp}, fn {self.fn}.",
            f"Over the {self.tp} matched events: actor codes exact {_frac(*self.codes)}; "
            f"dates right {_frac(*self.dates)} (of those with a gold day); places right "
            f"{_frac(*self.places)} (of those with a gold place).",
            f"Persons ({len(persons)}): country right {_frac(sum(p.country_right for p in persons), len(persons))}, "  # noqa: E501
            f"exact {_frac(sum(p.exact for p in persons), len(persons))}, "
            f"no actor found {sum(p.found is None for p in persons)}.",
            "",
            "### Causes",
            "",
            "| cause | missed | false | matched with |",
            "|---|---:|---:|---:|",
        ]
        causes = self.causes()
        for name in dict.fromkeys((*MISS_CAUSES, *FALSE_CAUSES, *MATCH_ISSUES)):
            row = [causes[s][name] for s in ("missed", "false", "matched")]
            if any(row):
                lines.append(f"| {name} | {row[0]} | {row[1]} | {row[2]} |")
        lines += ["", "| root | tp | fp | fn |", "|---|---:|---:|---:|"]
        lines += [
            f"| {root} | {c['tp']} | {c['fp']} | {c['fn']} |" for root, c in self.per_root().items()
        ]
        for title, status in (("Misses", "missed"), ("False events", "false")):
            found = self.outcomes(status)
            lines += ["", f"### {title} ({len(found)})", ""]
            lines += [_line(doc_id, o) for doc_id, o in found[:limit]]
            if len(found) > limit:
                lines.append(f"- ... {len(found) - limit} more (--misses N, --details FILE)")
        wrong = [p for p in persons if not p.country_right]
        lines += ["", f"### Persons without the right country ({len(wrong)})", ""]
        lines += [
            f"- {p.name}: gold {p.gold}, found {p.found if p.found is not None else 'no actor'}"
            + (f" ({p.actor})" if p.actor and p.actor != p.name else "")
            for p in wrong[:limit]
        ]
        if len(wrong) > limit:
            lines.append(f"- ... {len(wrong) - limit} more")
        return "\n".join(lines) + "\n"

    def write_details(self, path: Path | str) -> None:
        """One JSON line per article: every gold and false event with its cause, every person."""
        with Path(path).open("w", encoding="utf-8") as handle:
            for article in self.articles:
                handle.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")


def _ratio(right: int, total: int) -> float:
    return right / total if total else 0.0


def _frac(right: int, total: int) -> str:
    return f"{right / total:.0%} ({right}/{total})" if total else "n/a (0)"


def _line(doc_id: str, o: Outcome) -> str:
    info = o.gold if o.status == "missed" else o.pred
    info = info or {}
    what = f"{info.get('src') or info.get('source') or '?'} -> "
    what += f"{info.get('tgt') or info.get('target') or '?'} {info.get('cameo', '')}"
    detail = f" ({o.detail})" if o.detail else ""
    return f"- `{doc_id[:60]}` {what} [{o.cause}{detail}]: {o.sentence[:160]}"


# -- coding and scoring ----------------------------------------------------------------------


def code_article(article: NewsArticle) -> Document:
    """Code a gold article as `eventwire code` codes a JSON Lines record of it."""
    record = {"id": article.id, "title": article.title, "text": article.text}
    if article.published:
        record["published"] = article.published
    parsed = article_from_record(record, Where(article.id))
    if not isinstance(parsed, Article):
        raise GoldError(f"{article.id}: {parsed.reason}")
    return code_document(Document(article=parsed))


def sentence_indexes(doc: Document, sentence: str) -> frozenset[int]:
    """The indexes of the coded sentences that a quoted gold sentence overlaps."""
    text = doc.article.text
    start = text.find(sentence)
    end = start + len(sentence)
    if start < 0:
        # The quote may differ in spacing from the text as read.
        words = [re.escape(w) for w in sentence.split()]
        found = re.search(r"\s+".join(words), text) if words else None
        if found is None:
            return frozenset()
        start, end = found.span()
    return frozenset(s.idx for s in doc.sentences if s.start < end and s.end > start)


def place_right(place: GoldPlace, pred: PredEvent) -> bool:
    """Whether a predicted location is the gold place, at the gold place's level."""
    if place.level == "country":
        return pred.place_country == place.country
    if place.level == "region" and place.admin1:
        return pred.place_country == place.country and pred.place_admin1 == place.admin1
    if None in (place.lat, place.lon, pred.lat, pred.lon):
        return False
    limit = place.radius_km if place.level == "region" and place.radius_km else PLACE_KM
    return km(place.lat, place.lon, pred.lat, pred.lon) <= limit  # type: ignore[arg-type]


def _pred_dict(event: Event) -> dict[str, Any]:
    loc = event.location
    return {
        "source": event.source,
        "target": event.target,
        "cameo": event.cameo,
        "root": event.root,
        "date": event.date,
        "date_basis": event.date_basis,
        "place": loc.name if loc else None,
        "rule": event.rule,
        "sentence": event.sentence,
    }


def score_article(article: NewsArticle, doc: Document) -> ArticleResult:
    """Match one coded article's events to its gold events and explain every difference."""
    result = ArticleResult(article.id, article.title)
    emitted = [e for e in doc.events if not e.negated]
    preds = [PredEvent.from_event(e) for e in emitted]
    golds = [ne.gold for ne in article.events]
    spans = [sentence_indexes(doc, ne.sentence) for ne in article.events]
    matched = match_one_to_one(
        golds,
        preds,
        SET_NAME,
        list(range(len(golds))),
        same_sentence=lambda g, p: preds[p].sentence in spans[g],
    )
    used = set(matched.values())
    for g, news_event in enumerate(article.events):
        gold_info = news_event.to_dict()
        if g in matched:
            p = matched[g]
            pred = preds[p]
            outcome = Outcome("matched", news_event.sentence, gold_info, _pred_dict(emitted[p]))
            if (pred.source, pred.target) != (
                news_event.source or pred.source,
                news_event.target or pred.target,
            ):
                outcome.issues.append(SECTOR)
            if news_event.date:
                outcome.checked.append(DATE)
                if pred.date != news_event.date:
                    outcome.issues.append(DATE)
            if news_event.place is not None:
                outcome.checked.append(PLACE)
                if not place_right(news_event.place, pred):
                    outcome.issues.append(PLACE)
            result.outcomes.append(outcome)
            continue
        view = SentenceView(doc, spans[g])
        taken = [preds[p] for p in used if preds[p].sentence in spans[g]]
        cause = miss_cause(news_event.gold, view, news_event.root, taken)
        result.outcomes.append(
            Outcome("missed", news_event.sentence, gold_info, None, cause.name, cause.detail)
        )
    texts = {s.idx: s.text for s in doc.sentences}
    for p, pred in enumerate(preds):
        if p in used:
            continue
        here = [golds[g] for g in range(len(golds)) if pred.sentence in spans[g]]
        sentence = texts.get(pred.sentence, pred.text)
        cause = false_cause(pred, here, sentence)
        result.outcomes.append(
            Outcome("false", sentence, None, _pred_dict(emitted[p]), cause.name, cause.detail)
        )
    result.persons = [
        person_outcome(person, doc.actors, article.persons) for person in article.persons
    ]
    return result


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(w for w in _NAME_WORD.findall(name.casefold()) if w not in _SUFFIXES)


def _actor_names(actor: Actor) -> Iterable[tuple[str, ...]]:
    yield _name_key(actor.name)
    for mention in actor.mentions:
        yield _name_key(mention.text)


def person_outcome(
    person: GoldPerson, actors: list[Actor], others: Iterable[GoldPerson] = ()
) -> PersonOutcome:
    """The actor the actors stage made of a gold person, and the code it gave.

    An actor named so (a title before the name allowed: "Democrat Chuck Schumer") is preferred;
    else one called by the surname alone ("President Trump", "Trump"), unless another gold person
    of the article has that surname.  Among several, the most mentioned is the one a reader
    would take for the person.
    """
    key = _name_key(person.name)
    if not key:
        return PersonOutcome(person.name, person.code, None, None)
    named = [a for a in actors if any(n[-len(key) :] == key for n in _actor_names(a))]
    shared = any(_name_key(o.name)[-1:] == key[-1:] and o.name != person.name for o in others)
    by_surname = [
        a
        for a in actors
        if not shared
        and any(n == key[-1:] or (n[-1:] == key[-1:] and len(n) == 2) for n in _actor_names(a))
    ]
    found = named or by_surname
    if not found:
        return PersonOutcome(person.name, person.code, None, None)
    best = max(found, key=lambda a: len(a.mentions))
    return PersonOutcome(person.name, person.code, best.code, best.name)


def evaluate_news(
    gold_path: Path | str,
    texts: Path | str | None = None,
    coder: Callable[[NewsArticle], Document] = code_article,
) -> NewsReport:
    """Code every article of a news gold file and score it (see the module docstring)."""
    report = NewsReport()
    for article in load_news(gold_path, texts):
        report.articles.append(score_article(article, coder(article)))
    return report
