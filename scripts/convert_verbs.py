"""Convert PETRARCH2's CAMEO verb dictionary into the verb lexicon shipped in the package.

Run once, when the source dictionary changes; the output is committed and the package never reads
the source file at run time::

    .venv/bin/python scripts/convert_verbs.py [--source ../shared/reference/petrarch2-dicts]

Writes ``verbs.json.gz`` (layout in ``src/eventwire/data/README.md``) and
``verbs_report.txt`` (counts, and every kind of line skipped or interpreted, with examples).
Parsing is done by :mod:`eventwire.events.verbdict`, the parser user verb dictionaries will use.

Verb words are mapped to lemmas with the lookup tables of the spaCy pipeline the coder runs
(``lemma_index``, ``lemma_exc``, ``lemma_rules``), so the lexicon's keys are what spaCy will give:
a listed form such as ``BURNT`` becomes ``burn``.  A word changes only on positive evidence (it is
a known irregular form, or a suffix rule turns it into a known verb); a known verb (``found``)
stays itself.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from eventwire.events.verbdict import VerbDictionary, parse_verb_dictionary
from eventwire.events.verbs import VerbLexicon

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2-dicts"
OUT_DIR = ROOT / "src" / "eventwire" / "data"
SOURCE_FILE = "CAMEO.2.0.txt"
SOURCE_NOTE = (
    "CAMEO.2.0.txt (openeventdata/petrarch2, petrarch2/data/dictionaries), MIT licence, "
    "Copyright (c) 2015 Open Event Data Alliance"
)


def spacy_verb_lemmatiser() -> tuple[Callable[[str, bool], str], Callable[[str], bool]]:
    """``(lemmatise, known_verb)`` from the coder's spaCy lookup tables for verbs.

    As in spaCy, an inflected form's listed exception wins over the suffix rules; a verb line's
    own word is kept when spaCy knows it as a verb lemma (``found`` stays "found", not "find").
    """
    from spacy.pipeline import Lemmatizer

    from eventwire import nlp

    pipe = nlp.load().get_pipe("lemmatizer")
    if not isinstance(pipe, Lemmatizer):
        raise TypeError("the spaCy pipeline has no rule lemmatizer")
    lookups = pipe.lookups
    index = set(lookups.get_table("lemma_index")["verb"])
    exceptions: dict[str, list[str]] = dict(lookups.get_table("lemma_exc")["verb"])
    rules: list[list[str]] = list(lookups.get_table("lemma_rules")["verb"])

    def lemmatise(word: str, inflected: bool) -> str:
        if not word.isalpha() or (word in index and not inflected):
            return word
        if word in exceptions:
            return exceptions[word][0]
        if word in index:
            return word
        for old, new in rules:
            if word.endswith(old) and (candidate := word[: len(word) - len(old)] + new) in index:
                return candidate
        return word

    return lemmatise, index.__contains__


def report_text(parsed: VerbDictionary, lexicon: VerbLexicon, renamed: list[str]) -> str:
    patterns = [p for ps in lexicon.patterns.values() for p in ps]
    codes = Counter(
        "null" if p.code.is_null else "paired" if p.code.reverse else "single" for p in patterns
    )
    lines = [
        f"source: {SOURCE_NOTE}",
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


def convert(source: Path, out_dir: Path) -> VerbLexicon:
    text = (source / SOURCE_FILE).read_text(encoding="utf-8")
    parsed = parse_verb_dictionary(text)
    lemmatise, known_verb = spacy_verb_lemmatiser()
    renamed = sorted(
        {
            f"{v.verb} -> {lemmatise(v.verb, False)}"
            for v in parsed.verbs
            if lemmatise(v.verb, False) != v.verb
        }
    )
    lexicon = VerbLexicon.from_dictionary(parsed, lemmatise, known_verb, source=SOURCE_NOTE)
    payload = json.dumps(lexicon.to_data(), ensure_ascii=False, separators=(",", ":"))
    # mtime=0 keeps the output byte-for-byte reproducible, so a test can detect a stale file.
    (out_dir / "verbs.json.gz").write_bytes(gzip.compress(payload.encode("utf-8"), mtime=0))
    (out_dir / "verbs_report.txt").write_text(report_text(parsed, lexicon, renamed), "utf-8")
    return lexicon


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    lexicon = convert(args.source, args.out)
    print(f"{args.out / 'verbs.json.gz'}: {len(lexicon)} verb entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
