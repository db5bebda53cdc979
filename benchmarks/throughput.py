"""Coding speed on equal terms with raw spaCy, per-stage cost, and a large-corpus run: prints JSON.

    .venv/bin/python benchmarks/throughput.py [--articles 120] [--repeat 3] [--workers 1 2]
    .venv/bin/python benchmarks/throughput.py --large [--copies 7]      # ~20 min, not in CI

**Equal terms** (the default run). Both sides read the same texts (the first ``--articles``
Wikinews articles; raw spaCy gets exactly the bodies eventwire parses) on the same number of
processes N, with the same model (``eventwire.nlp.model_name()``), as fresh processes:

- raw: a script that loads the model and runs ``nlp.pipe(texts, batch_size=B, n_process=N)``,
  B being the number of texts eventwire gives each pass of the networks
  (``eventwire.nlp.PIPE_BATCH``, 16; it was 64 on both sides until session 10);
- eventwire: ``eventwire code FILE --format jsonl --workers N``.

Runs alternate (raw, eventwire, raw on 1 article, eventwire on 1 article, repeated ``--repeat``
times); medians are reported with min and max. Before them, one eventwire run on one article
builds the start-up disk cache if there is none (``first_run_wall_s``): the timed runs start as
a user's second and later runs do. *Start-up included* is the wall time of the
whole command. *Start-up excluded* is, on both sides alike, the wall time on the texts minus
the wall time of the same command on the first article alone (imports, model and lexicon loads,
worker start, one short article): no hook in eventwire is needed, and the raw script's own
clock around ``nlp.pipe`` is reported beside it as a check of that method.

CPU seconds are summed over the process tree (each process's own time as last sampled, every
50 ms: up to ~50 ms per process may be missed at its end); peak RSS is per process, from the
same samples (psutil), so a peak shorter than 50 ms can be missed.

**Per stage** (``--stages``, on by default): one process, CPU seconds (``time.process_time``)
per 1,000 words for the parse (``pipeline.parse_batch``: bodies and headlines in batches of 64,
as the pipeline does) and each stage of ``eventwire.pipeline.STAGES`` (dedupe included, which
``code`` skips), after the models and lexicons are loaded by coding one warm-up article (that
load is ``startup_cpu_s``).

**Large** (``--large``): ``eventwire ingest`` of the Wikinews sample repeated ``--copies``
times with fresh ids (7 copies = 2,044 articles; the same texts seven times, so the parse and
the coder see nothing new) into a new SQLite file, with 1 worker, 2 workers and the Dask
LocalCluster engine (``--engine dask --workers 2``): articles/s and the speed-up over 1 worker,
and whether the runs stored the same event ids (1 worker may differ by design: see ``large``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "samples" / "wikinews" / "articles.jsonl"
BIN = Path(sys.executable).parent
SAMPLE_SECONDS = 0.05

# The raw side: the model, the texts, nlp.pipe on N processes. It times itself from "model
# loaded and texts read" to "last Doc out" and prints that as JSON.
RAW = """
import json, sys, time
t0 = time.perf_counter()
import spacy
nlp = spacy.load(sys.argv[2])
texts = json.load(open(sys.argv[1], encoding="utf-8"))
loaded = time.perf_counter()
cpu = time.process_time()
batch, processes = int(sys.argv[4]), int(sys.argv[3])
tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch, n_process=processes))
print(json.dumps({"tokens": tokens, "load_s": loaded - t0, "pipe_s": time.perf_counter() - loaded,
                  "pipe_main_cpu_s": time.process_time() - cpu}))
"""


# ---------------------------------------------------------------------------------------------
# Running a command and sampling its process tree


def _role(proc: Any, main_pid: int) -> str:
    if proc.pid == main_pid:
        return "main"
    try:
        cmdline = " ".join(proc.cmdline())
    except Exception:
        return "worker"
    # A pool worker forked by the forkserver keeps the server's command line.
    if "multiprocessing.forkserver" in cmdline and proc.ppid() == main_pid:
        return "forkserver"
    if "multiprocessing.resource_tracker" in cmdline:
        return "resource_tracker"
    return "worker"


def run_sampled(cmd: Sequence[str], stdout: Path | None = None) -> dict[str, Any]:
    """Run ``cmd`` to its end; its wall seconds, CPU seconds and peak RSS per process."""
    import psutil

    seen: dict[int, dict[str, Any]] = {}
    sink = open(stdout or os.devnull, "wb")  # noqa: SIM115 - closed below
    started = time.perf_counter()
    child = subprocess.Popen(list(cmd), stdout=sink, stderr=subprocess.PIPE)
    root = psutil.Process(child.pid)
    while child.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            tree = []
        for proc in tree:
            _sample(proc, child.pid, seen)
        time.sleep(SAMPLE_SECONDS)
    wall = time.perf_counter() - started
    stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    sink.close()
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({child.returncode}): {stderr[-2000:]}")
    processes = sorted(seen.values(), key=lambda p: (p["role"] != "main", p["pid"]))
    return {
        "wall_s": wall,
        "cpu_s": sum(p["cpu_s"] for p in processes),
        "processes": [
            {
                "role": p["role"],
                "peak_rss_mb": round(p["rss"] / 2**20),
                "cpu_s": round(p["cpu_s"], 2),
            }
            for p in processes
        ],
    }


def _sample(proc: Any, main_pid: int, seen: dict[int, dict[str, Any]]) -> None:
    import psutil

    try:
        with proc.oneshot():
            times, rss = proc.cpu_times(), proc.memory_info().rss
            entry = seen.get(proc.pid)
            if entry is None:
                entry = seen[proc.pid] = {"pid": proc.pid, "role": _role(proc, main_pid), "rss": 0}
            entry["rss"] = max(entry["rss"], rss)
            entry["cpu_s"] = times.user + times.system  # own time, not its children's
    except psutil.Error:
        pass  # ended between listing and sampling


# ---------------------------------------------------------------------------------------------
# Inputs


def read_articles(count: int | None = None, copies: int = 1) -> list[dict[str, Any]]:
    """The first ``count`` Wikinews records (all when None), ``copies`` times with fresh ids."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:count]
    rows = []
    for copy in range(copies):
        for line in lines:
            record = json.loads(line)
            if copies > 1:
                record["id"] = f"{record['id']}#{copy}"
            rows.append(record)
    return rows


def write_inputs(rows: list[dict[str, Any]], folder: Path, name: str) -> tuple[Path, Path]:
    """The records as JSONL (eventwire's input) and the bodies eventwire parses as a JSON list
    (raw spaCy's input): the same strings on both sides."""
    from eventwire.document import Document
    from eventwire.sources import read

    jsonl = folder / f"{name}.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    bodies = [Document(article=a).body for a in read([str(jsonl)]) if hasattr(a, "text")]
    texts = folder / f"{name}.texts.json"
    texts.write_text(json.dumps(bodies), encoding="utf-8")
    return jsonl, texts


def words_of(rows: list[dict[str, Any]]) -> int:
    return sum(len(r["text"].split()) for r in rows)


# ---------------------------------------------------------------------------------------------
# Equal terms


def _raw(texts: Path, processes: int) -> dict[str, Any]:
    from eventwire.nlp import PIPE_BATCH, model_name

    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = [sys.executable, "-c", RAW, str(texts), model_name(), str(processes), str(PIPE_BATCH)]
        run = run_sampled(cmd, Path(out.name))
        run["inside"] = json.loads(Path(out.name).read_text(encoding="utf-8"))
    return run


def _eventwire(jsonl: Path, processes: int, output: Path | None = None) -> dict[str, Any]:
    cmd = [str(BIN / "eventwire"), "code", str(jsonl), "--format", "jsonl"]
    return run_sampled([*cmd, "--workers", str(processes)], output)


def _ratio(part: float, whole: float, digits: int = 2) -> float | None:
    """part / whole, or None when ``whole`` is not positive: on a few articles the start-up
    subtraction can come out at or below zero (use 30 articles or more)."""
    return round(part / whole, digits) if whole > 0 else None


def _spread(values: Sequence[float | None], digits: int = 2) -> dict[str, float]:
    present = [v for v in values if v is not None]
    if not present:
        return {}
    return {
        "median": round(statistics.median(present), digits),
        "min": round(min(present), digits),
        "max": round(max(present), digits),
    }


def _peaks(runs: list[dict[str, Any]]) -> dict[str, int]:
    """Largest peak RSS (MB) of each role over the runs (workers numbered in start order)."""
    peaks: dict[str, int] = {}
    for run in runs:
        counts: dict[str, int] = {}
        for proc in run["processes"]:
            counts[proc["role"]] = counts.get(proc["role"], 0) + 1
            role = proc["role"]
            key = role if role == "main" else f"{role}_{counts[role]}"
            peaks[key] = max(peaks.get(key, 0), proc["peak_rss_mb"])
    return peaks


def equal_terms(
    articles: int, repeat: int, processes: int, folder: Path, words: int
) -> dict[str, Any]:
    """Alternating runs of both sides on N processes: wall, CPU, start-up, ratios, RSS."""
    full_jsonl, full_texts = folder / "full.jsonl", folder / "full.texts.json"
    one_jsonl, one_texts = folder / "one.jsonl", folder / "one.texts.json"
    raw_full: list[dict[str, Any]] = []
    ew_full: list[dict[str, Any]] = []
    raw_one: list[dict[str, Any]] = []
    ew_one: list[dict[str, Any]] = []
    outputs: list[bytes] = []
    for turn in range(repeat):
        raw_full.append(_raw(full_texts, processes))
        events = folder / f"events-{processes}-{turn}.jsonl"
        ew_full.append(_eventwire(full_jsonl, processes, events))
        outputs.append(events.read_bytes())
        raw_one.append(_raw(one_texts, processes))
        ew_one.append(_eventwire(one_jsonl, processes))

    def walls(runs: list[dict[str, Any]]) -> list[float]:
        return [r["wall_s"] for r in runs]

    def net(full: list[dict[str, Any]], one: list[dict[str, Any]], key: str) -> list[float]:
        return [f[key] - o[key] for f, o in zip(full, one, strict=True)]

    raw_net, ew_net = net(raw_full, raw_one, "wall_s"), net(ew_full, ew_one, "wall_s")
    raw_cpu_net, ew_cpu_net = net(raw_full, raw_one, "cpu_s"), net(ew_full, ew_one, "cpu_s")
    raw_inside = [r["inside"]["pipe_s"] for r in raw_full]
    med = statistics.median
    return {
        "processes": processes,
        "raw_wall_s": _spread(walls(raw_full)),
        "eventwire_wall_s": _spread(walls(ew_full)),
        "raw_startup_s": _spread(walls(raw_one)),
        "eventwire_startup_s": _spread(walls(ew_one)),
        "raw_excluded_s": _spread(raw_net),
        "raw_excluded_inside_script_s": _spread(raw_inside),
        "eventwire_excluded_s": _spread(ew_net),
        "raw_cpu_s": _spread([r["cpu_s"] for r in raw_full]),
        "eventwire_cpu_s": _spread([r["cpu_s"] for r in ew_full]),
        "raw_cpu_excluded_s": _spread(raw_cpu_net),
        "eventwire_cpu_excluded_s": _spread(ew_cpu_net),
        "ratio_included": round(med(walls(ew_full)) / med(walls(raw_full)), 2),
        "ratio_included_per_turn": _spread(
            [e / r for e, r in zip(walls(ew_full), walls(raw_full), strict=True)]
        ),
        "ratio_excluded": _ratio(med(ew_net), med(raw_net)),
        "ratio_excluded_per_turn": _spread(
            [_ratio(e, r, 4) for e, r in zip(ew_net, raw_net, strict=True)]
        ),
        "ratio_excluded_vs_raw_inside_script": round(med(ew_net) / med(raw_inside), 2),
        "ratio_cpu_excluded": _ratio(med(ew_cpu_net), med(raw_cpu_net)),
        "raw_words_per_s": {
            "included": round(words / med(walls(raw_full))),
            "excluded": _ratio(words, med(raw_net), 0),
        },
        "eventwire_words_per_s": {
            "included": round(words / med(walls(ew_full))),
            "excluded": _ratio(words, med(ew_net), 0),
        },
        "eventwire_articles_per_s_included": round(articles / med(walls(ew_full)), 2),
        "raw_peak_rss_mb": _peaks(raw_full),
        "eventwire_peak_rss_mb": _peaks(ew_full),
        "events": outputs[0].count(b"\n"),
        "same_output_every_turn": len(set(outputs)) == 1,
        "_output": outputs[0],
    }


def compare_outputs(first: bytes, second: bytes) -> dict[str, bool]:
    lines_a, lines_b = first.splitlines(), second.splitlines()
    return {"identical": first == second, "identical_sorted": sorted(lines_a) == sorted(lines_b)}


# ---------------------------------------------------------------------------------------------
# Per stage, in one process


def stage_costs(articles: int) -> dict[str, Any]:
    """CPU seconds per stage over the first ``articles`` articles, in this process.

    The parse is timed around ``pipeline.parse_batch`` (bodies and headlines) over batches of
    64, as ``pipeline.process_all`` parses; then each article goes through ``process_document`` with
    every stage of ``pipeline.STAGES`` wrapped in a timer (passed as its ``stages``: nothing is
    patched). The nlp stage itself then finds the Document parsed and returns it.
    """
    from eventwire import nlp, pipeline
    from eventwire.config import Limits
    from eventwire.records import Article
    from eventwire.sources import read

    started = time.process_time()
    nlp.load()
    warm = pipeline.process(Article(id="warm-up", text=_WARM_UP_TEXT))
    startup = time.process_time() - started
    if not isinstance(warm, pipeline.Document):
        raise RuntimeError(f"warm-up article failed: {warm}")
    cost = {name: 0.0 for name, _ in pipeline.STAGES}
    stages = [(name, _timed(name, stage, cost)) for name, stage in pipeline.STAGES]
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "stages.jsonl"
        rows = read_articles(articles)
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        docs = [pipeline.Document(article=a) for a in read([str(jsonl)]) if isinstance(a, Article)]
    limits = Limits.from_env()
    failures = 0
    for first in range(0, len(docs), nlp.BATCH_SIZE):
        batch = docs[first : first + nlp.BATCH_SIZE]
        began = time.process_time()
        pipeline.parse_batch(batch)  # bodies and headlines, as `code` parses them
        cost["nlp"] += time.process_time() - began
        for doc in batch:
            if not isinstance(pipeline.process_document(doc, stages, limits), pipeline.Document):
                failures += 1
    words = words_of(rows)
    total = sum(cost.values())
    return {
        "articles": len(docs),
        "words": words,
        "failures": failures,
        "startup_cpu_s": round(startup, 2),
        "total_cpu_s": round(total, 2),
        "cpu_s": {name: round(seconds, 3) for name, seconds in cost.items()},
        "cpu_s_per_1000_words": {
            name: round(1000 * seconds / words, 4) for name, seconds in cost.items()
        },
        "ours_over_parse": round((total - cost["nlp"]) / cost["nlp"], 2) if cost["nlp"] else None,
    }


_WARM_UP_TEXT = (
    "Iranian President Hassan Rouhani met German Chancellor Angela Merkel in Berlin on Monday. "
    "Rouhani said Iran would not accept new sanctions, and police arrested protesters in Tehran "
    "on 12 March 2019."
)


def _timed(name: str, stage: Any, cost: dict[str, float]) -> Any:
    def run(doc: Any) -> Any:
        began = time.process_time()
        try:
            return stage(doc)
        finally:
            cost[name] += time.process_time() - began

    return run


def _stages_in_child(articles: int) -> dict[str, Any]:
    """``stage_costs`` in a fresh process, so that nothing loaded here counts or helps."""
    cmd = [sys.executable, __file__, "--stages-only", "--articles", str(articles)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# ---------------------------------------------------------------------------------------------
# Large corpus


def large(copies: int, folder: Path) -> dict[str, Any]:
    """``eventwire ingest`` of the sample × ``copies``: 1 worker, 2 workers, Dask (2 workers)."""
    rows = read_articles(None, copies)
    jsonl, _ = write_inputs(rows, folder, "large")
    runs = {"workers_1": ["--workers", "1"], "workers_2": ["--workers", "2"]}
    runs["dask_2"] = ["--engine", "dask", "--workers", "2"]
    out: dict[str, Any] = {"articles": len(rows), "copies": copies, "command": "eventwire ingest"}
    event_sets = {}
    for name, options in runs.items():
        db = folder / f"{name}.db"
        cmd = [str(BIN / "eventwire"), "ingest", str(jsonl), "--db", f"sqlite:///{db}", "-q"]
        run = run_sampled([*cmd, *options])
        event_sets[name] = _event_ids(db)
        out[name] = {
            "wall_s": round(run["wall_s"], 1),
            "cpu_s": round(run["cpu_s"], 1),
            "articles_per_s": round(len(rows) / run["wall_s"], 2),
            "events": len(event_sets[name]),
            "peak_rss_mb": _peaks([run]),
            "load_average": os.getloadavg(),
        }
    one = out["workers_1"]["wall_s"]
    for name in ("workers_2", "dask_2"):
        out[name]["speedup_over_1_worker"] = round(one / out[name]["wall_s"], 2)
    # 1 worker codes in this process, where the learned actor registry learns from each article
    # as it is stored; workers (local or Dask) consult the registry as it was when the run
    # started (eventwire.actors.learned). On a repeated corpus the copies after the first can
    # so gain events with 1 worker only: the two engines with workers must agree exactly.
    out["same_events_2_workers_dask"] = event_sets["workers_2"] == event_sets["dask_2"]
    out["same_events_1_2_workers"] = event_sets["workers_1"] == event_sets["workers_2"]
    out["events_only_with_1_worker"] = len(
        set(event_sets["workers_1"]) - set(event_sets["workers_2"])
    )
    out["events_only_with_2_workers"] = len(
        set(event_sets["workers_2"]) - set(event_sets["workers_1"])
    )
    return out


def _event_ids(db: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(db) as con:
        return sorted(row[0] for row in con.execute("SELECT event_id FROM events"))


# ---------------------------------------------------------------------------------------------
# Report


def table(result: dict[str, Any]) -> str:
    """A short human summary of ``result`` (for stderr)."""
    lines = [f"{result.get('articles')} articles, {result.get('words')} words; {result['load']}"]
    for side in result.get("equal_terms", []):
        n = side["processes"]
        lines.append(
            f"N={n}: wall raw {side['raw_wall_s']['median']:.2f} s, eventwire "
            f"{side['eventwire_wall_s']['median']:.2f} s -> ratio {side['ratio_included']:.2f} "
            f"(start-up included); excluded raw {side['raw_excluded_s']['median']:.2f} s "
            f"(inside script {side['raw_excluded_inside_script_s']['median']:.2f}), eventwire "
            f"{side['eventwire_excluded_s']['median']:.2f} s -> ratio {side['ratio_excluded']}"
            f"; start-up raw {side['raw_startup_s']['median']:.2f} s, eventwire "
            f"{side['eventwire_startup_s']['median']:.2f} s; peak RSS MB raw "
            f"{side['raw_peak_rss_mb']} eventwire {side['eventwire_peak_rss_mb']}"
        )
    if "same_output_n1_n2" in result:
        lines.append(f"eventwire output N=1 vs N=2: {result['same_output_n1_n2']}")
    stages = result.get("stages")
    if stages:
        per = ", ".join(f"{k} {v:.3f}" for k, v in stages["cpu_s_per_1000_words"].items())
        lines.append(f"CPU s per 1,000 words: {per}; start-up {stages['startup_cpu_s']} s CPU")
    big = result.get("large")
    if big:
        for name in ("workers_1", "workers_2", "dask_2"):
            run = big[name]
            lines.append(
                f"large {big['articles']} articles, {name}: {run['wall_s']} s, "
                f"{run['articles_per_s']} articles/s, speed-up "
                f"{run.get('speedup_over_1_worker', 1.0)}"
            )
    return "\n".join(lines)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage report")
    parser.add_argument("--large", action="store_true", help="only the large-corpus ingest run")
    parser.add_argument("--copies", type=int, default=7, help="with --large: copies of the sample")
    parser.add_argument("--stages-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages_only:
        print(json.dumps(stage_costs(args.articles)))
        return
    from eventwire.nlp import model_name

    result: dict[str, Any] = {"cpus": os.cpu_count(), "model": model_name()}
    result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    result["load"] = _load()
    with tempfile.TemporaryDirectory(prefix="eventwire-throughput-") as tmp:
        folder = Path(tmp)
        if args.large:
            result["large"] = large(args.copies, folder)
        else:
            rows = read_articles(args.articles)
            result["articles"], result["words"] = len(rows), words_of(rows)
            write_inputs(rows, folder, "full")
            write_inputs(rows[:1], folder, "one")
            # One untimed-for-the-ratios run first: it builds the start-up disk cache
            # (eventwire.diskcache) when there is none, as a user's first run does; every
            # timed run then starts as a user's later runs do. Its wall time is reported.
            result["first_run_wall_s"] = _eventwire(folder / "one.jsonl", 1)["wall_s"]
            sides = [
                equal_terms(len(rows), args.repeat, n, folder, result["words"])
                for n in args.workers
            ]
            outputs = [side.pop("_output") for side in sides]
            result["equal_terms"] = sides
            if len(outputs) > 1:
                result["same_output_n1_n2"] = compare_outputs(outputs[0], outputs[1])
            if not args.no_stages:
                result["stages"] = _stages_in_child(args.articles)
    result["load_after"] = _load()
    print(json.dumps(result, indent=2))
    print(table(result), file=sys.stderr)


if __name__ == "__main__":
    main()
