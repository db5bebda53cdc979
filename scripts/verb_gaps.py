"""Verbs that govern two coded actors but code nothing: a frequency list for the verb patterns.

    .venv/bin/python scripts/verb_gaps.py [samples/wikinews/articles.jsonl] > docs/verb-gaps.tsv

Every article goes through the real pipeline (parse, actors, events). For each verb whose
subject (a passive's "by" agent) and whose object — the direct object, or the object of a
preposition on the verb — are both coded actors, and that no event of its sentence was coded
from (neither the verb itself nor an event noun it carries), the verb lemma and the preposition
are counted, with up to three example sentences. The list is worked from the top with the
CAMEO codebook (issue 16, item 2; docs/events.md, "The verbs real news uses").

Columns: count, lemma, preposition ("" for a direct object), how (dobj, prep, passive), whether
the verb has a pattern block in verbs.txt (its CAMEO default, "---", or "none"), examples.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from eventwire import sources
from eventwire.actors import context_country
from eventwire.actors.index import actor_at
from eventwire.events import extra_verbs, patterns
from eventwire.pipeline import Document, process_all
from eventwire.records import Actor

DEFAULT = Path(__file__).resolve().parents[1] / "samples" / "wikinews" / "articles.jsonl"
SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "obj"}
EXAMPLES = 3


def _coded(doc: Document, token: object) -> Actor | None:
    """The coded actor the noun phrase headed by ``token`` names (its head word, else the
    phrase from its left edge to the head); not a person known only by the article's country,
    whom the events stage never makes a party."""
    tok = token  # a spaCy Token
    for start in (tok.idx, tok.left_edge.idx):  # type: ignore[attr-defined]
        actor = actor_at(doc, start, tok.idx + len(tok.text))  # type: ignore[attr-defined]
        if actor is not None and actor.code and not context_country.roleless(actor):
            return actor
    return None


def _subject(doc: Document, verb: object) -> Actor | None:
    for child in verb.children:  # type: ignore[attr-defined]
        if child.dep_ == "agent":  # "was condemned by X"
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (actor := _coded(doc, pobj)) is not None:
                    return actor
    for child in verb.children:  # type: ignore[attr-defined]
        if child.dep_ == "nsubj":
            return _coded(doc, child)
    return None


def _objects(doc: Document, verb: object) -> list[tuple[str, str, Actor]]:
    """(how, preposition, actor) of each coded object of the verb."""
    out: list[tuple[str, str, Actor]] = []
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)  # type: ignore[attr-defined]
    for child in verb.children:  # type: ignore[attr-defined]
        if child.dep_ in OBJECTS and (actor := _coded(doc, child)) is not None:
            out.append(("dobj", "", actor))
        elif child.dep_ == "nsubjpass" and (actor := _coded(doc, child)) is not None:
            out.append(("passive", "", actor))
        elif child.dep_ in {"prep", "dative"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (actor := _coded(doc, pobj)) is not None:
                    how = "passive-prep" if passive else "prep"
                    out.append((how, child.lower_, actor))
                    break
    return out


def gaps(path: Path) -> tuple[Counter[tuple[str, str, str]], dict[tuple[str, str, str], list[str]]]:
    counts: Counter[tuple[str, str, str]] = Counter()
    examples: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    results = sources.read([path])
    for doc in process_all(results, skip=frozenset({"when_where", "dedupe", "offsets"})):
        if not isinstance(doc, Document) or doc.parsed is None:
            continue
        fired: dict[int, set[str]] = defaultdict(set)
        explanations = doc.explanations
        for event in doc.events:
            why = explanations.get(event.event_id, {})
            fired[event.sentence].add(str(why.get("trigger", "")).lower())
        for idx, sent in enumerate(doc.parsed.sents):
            for verb in sent:
                if verb.pos_ not in {"VERB", "AUX"} or (verb.pos_ == "AUX" and verb.dep_ == "aux"):
                    continue
                carried = {verb.lower_} | {c.lower_ for c in verb.children}
                if carried & fired[idx]:
                    continue
                source = _subject(doc, verb)
                if source is None:
                    continue
                for how, prep, target in _objects(doc, verb):
                    if target.code == source.code or target is source:
                        continue
                    key = (verb.lemma_.lower(), prep, how)
                    counts[key] += 1
                    if len(examples[key]) < EXAMPLES:
                        text = " ".join(sent.text.split())
                        examples[key].append(f"{source.code}>{target.code}: {text[:220]}")
    return counts, examples


def _default(lemma: str) -> str:
    """The verb's block and default code in verbs.txt, its verbs_extra.tsv code, or "none"."""
    entries = [e for e in patterns.lexicon().entries_for(lemma) if not e.before]
    if entries:
        return ",".join(sorted({f"{e.block}[{e.code}]" for e in entries}))
    extra = extra_verbs.verbs().get(lemma)
    return f"extra[{extra}]" if extra is not None else "none"


def main(path: Path) -> None:
    counts, examples = gaps(path)
    print("count\tlemma\tprep\thow\tdefault\texamples")
    for (lemma, prep, how), n in counts.most_common():
        default = _default(lemma)
        shown = " | ".join(examples[(lemma, prep, how)])
        print(f"{n}\t{lemma}\t{prep}\t{how}\t{default}\t{shown}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
