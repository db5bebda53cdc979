"""Compile the verb pattern file ``src/eventwire/data/verbs.txt`` into its cache.

``verbs.txt`` is the source (edited in place; it began as PETRARCH2's CAMEO.2.0.txt).  The package
reads the cache ``verbs.json.gz`` when it was compiled from the very text shipped, and compiles
the text itself otherwise, so run this after every edit::

    .venv/bin/python scripts/compile_verbs.py

Writes ``verbs.json.gz`` (layout in ``src/eventwire/data/README.events.md``) and
``verbs_report.txt`` (counts, and every kind of line skipped or interpreted, with examples).
Compiling is :func:`eventwire.events.verbs.compile_source`: :mod:`eventwire.events.verbdict`
parses, and the verb words are mapped to lemmas with the spaCy pipeline's lookup tables.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from eventwire.events import verbs
from eventwire.events.verbdict import VerbDictionary
from eventwire.events.verbs import VerbLexicon

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "eventwire" / "data"


def report_text(parsed: VerbDictionary, lexicon: VerbLexicon, renamed: list[str]) -> str:
    patterns = [p for ps in lexicon.patterns.values() for p in ps]
    codes = Counter(
        "null" if p.code.is_null else "paired" if p.code.reverse else "single" for p in patterns
    )
    lines = [
        f"source: {verbs.SOURCE_NOTE}",
        f"verb blocks: {len(parsed.blocks)}",
        f"verb entries: {len(lexicon.entries)} ({len({e.lemma for e in lexicon.entries})} lemmas, "
        f"{sum(e.is_multiword for e in lexicon.entries)} multi-word)",
        f"entries with a default event code: {sum(not e.code.is_null for e in lexicon.entries)}",
        f"patterns: {len(patterns)} ({codes['single']} single code, {codes['paired']} paired "
        f"[a:b], {codes['null']} null [---])",
        f"synonym sets: {len(lexicon.synsets)} "
        f"({sum(len(m) for m in lexicon.synsets.values())} members)",
        f"aliases (spaCy lemma of a listed form -> dictionary verb): {len(lexicon.aliases)}",
        f"verb words re-lemmatised: {len(renamed)}",
        *(f"  {r}" for r in renamed),
        f"transformations (~ lines) not converted: {len(parsed.transformations)}",
        *(f"  line {n}: {t}" for n, t in parsed.transformations),
        "skipped or interpreted:",
    ]
    for reason, count in sorted(parsed.report.skipped.items()):
        lines.append(f"  {count:5d}  {reason}")
        lines.extend(f"         {example}" for example in parsed.report.examples[reason])
    return "\n".join(lines) + "\n"


def compile_to(source: Path, out_dir: Path) -> VerbLexicon:
    raw = source.read_bytes()
    parsed, lexicon = verbs.compile_source(raw.decode("utf-8"))
    lemmatise, _ = verbs.spacy_verb_lemmatiser()
    renamed = sorted(
        {
            f"{v.verb} -> {lemmatise(v.verb, False)}"
            for v in parsed.verbs
            if lemmatise(v.verb, False) != v.verb
        }
    )
    (out_dir / "verbs.json.gz").write_bytes(verbs.cache_bytes(lexicon, raw))
    (out_dir / "verbs_report.txt").write_text(report_text(parsed, lexicon, renamed), "utf-8")
    return lexicon


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DATA / "verbs.txt")
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    lexicon = compile_to(args.source, args.out)
    print(f"{args.out / 'verbs.json.gz'}: {len(lexicon)} verb entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
