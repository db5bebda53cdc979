"""End-to-end coding speed against raw spaCy on the same texts, in the same run: prints JSON.

    .venv/bin/python benchmarks/throughput.py [--articles 120] [--repeat 2]

Both sides run as fresh processes with start-up included, as a user runs them:
- raw: a script that loads the same spaCy pipeline and runs ``nlp.pipe`` (batch 64) over the
  article bodies;
- eventwire: ``eventwire code FILE --format jsonl`` over the same articles (parse, actors, events,
  dates, places, fingerprints).
Reports wall seconds (best of ``--repeat``), words/s, the ratio eventwire/raw, and peak RSS.
Also ``--workers``: ``eventwire ingest --workers 1`` vs ``--workers 2`` on a corpus of
``--ingest-articles`` (the Wikinews sample repeated with fresh ids).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "wikinews" / "articles.jsonl"
BIN = Path(sys.executable).parent

RAW = """
import json, sys, spacy
nlp = spacy.load(sys.argv[2])
def body(r):
    return (r["lead"] + "\\n\\n" + r["text"]) if r.get("lead") else r["text"]
texts = [body(json.loads(line)) for line in open(sys.argv[1], encoding="utf-8")]
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=64)))
"""


def _run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and the child's peak RSS (kB) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before)


def _subset(n: int, folder: Path, copies: int = 1) -> tuple[Path, int]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    rows = []
    for copy in range(copies):
        for line in lines[:n] if copies == 1 else lines:
            record = json.loads(line)
            if copies > 1:
                record["id"] = f"{record['id']}#{copy}"
            rows.append(record)
    path = folder / f"corpus-{len(rows)}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    words = sum(len(r["text"].split()) for r in rows)
    return path, words


def code_vs_raw(articles: int, repeat: int) -> dict[str, object]:
    from eventwire.nlp import model_name

    with tempfile.TemporaryDirectory() as tmp:
        path, words = _subset(articles, Path(tmp))
        raw = [_run([sys.executable, "-c", RAW, str(path), model_name()]) for _ in range(repeat)]
        ours = [
            _run([str(BIN / "eventwire"), "code", str(path), "--format", "jsonl"])
            for _ in range(repeat)
        ]
    raw_s, ours_s = min(s for s, _ in raw), min(s for s, _ in ours)
    return {
        "articles": articles,
        "words": words,
        "raw_spacy_seconds": round(raw_s, 2),
        "raw_spacy_words_per_s": round(words / raw_s),
        "eventwire_code_seconds": round(ours_s, 2),
        "eventwire_words_per_s": round(words / ours_s),
        "eventwire_articles_per_s": round(articles / ours_s, 2),
        "ratio_eventwire_over_raw": round(ours_s / raw_s, 2),
        "peak_rss_mb": round(max(kb for _, kb in ours) / 1024),
    }


def workers(copies: int) -> dict[str, object]:
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path, _ = _subset(0, Path(tmp), copies=copies)
        n = len(path.read_text(encoding="utf-8").splitlines())
        for count in (1, 2):
            db = f"sqlite:///{Path(tmp) / f'w{count}.db'}"
            cmd = [str(BIN / "eventwire"), "ingest", str(path), "--db", db, "-q"]
            seconds, _ = _run([*cmd, "--workers", str(count)], env=dict(os.environ))
            out[f"workers_{count}_seconds"] = round(seconds, 1)
            out[f"workers_{count}_articles_per_s"] = round(n / seconds, 2)
        out["articles"] = n
        out["speedup_2_over_1"] = round(
            float(str(out["workers_1_seconds"])) / float(str(out["workers_2_seconds"])), 2
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers-copies", type=int, default=0, help="0 skips the workers run")
    args = parser.parse_args()
    result: dict[str, object] = {"cpus": os.cpu_count(), **code_vs_raw(args.articles, args.repeat)}
    if args.workers_copies:
        result["workers"] = workers(args.workers_copies)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
