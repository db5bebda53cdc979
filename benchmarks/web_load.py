"""A bounded load test of `eventwire serve` on loopback: many concurrent clients, prints JSON.

    .venv/bin/python benchmarks/web_load.py --db sqlite:///eventwire.db [--clients 50]
        [--seconds 30]   (default: EVENTWIRE_LOAD_SECONDS, else 30) [--workers N]
        [--build-from sqlite:///coded.db --articles 5840]

0. With ``--build-from``, first make ``--db`` (when it holds no article yet): the source store's
   coded articles (e.g. the Wikinews sample, 292) repeated with new ids and shifted days until
   there are ``--articles`` of them, each with its full text, actors and events.

1. Start `eventwire serve` on 127.0.0.1 on a free port, in its own process (as users run it).
2. Run ``--clients`` concurrent HTTP clients (one keep-alive connection each) for ``--seconds``,
   each cycling through the API endpoints and the pages, starting at a different one.
3. Print requests, errors (any non-200 answer or failed request, with the first few), requests
   per second and the p50/p95/max latency in milliseconds; exit 1 when there was any error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx2 as httpx

EVENTWIRE = str(Path(sys.executable).with_name("eventwire"))
# The API and every page; detail pages use ids that exist in any store with events.
PATHS = [
    "/api/events?limit=50",
    "/api/events?source=IRN&limit=50",
    "/api/articles?limit=50",
    "/api/actors",
    "/api/stats",
    "/api/search?q=talks",
    "/api/network",
    "/api/places",
    "/",
    "/events",
    "/articles",
    "/actors",
    "/network",
    "/map",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_store(db: str, source: str, articles: int) -> int:
    """Fill ``db`` with ``articles`` copies of ``source``'s coded articles; how many it holds."""
    import dataclasses
    import datetime as dt

    from eventwire.store import CodedParts, EventFilter, open_store

    with open_store(source) as src, open_store(db) as dst:
        if dst.count_articles() > 0:
            return dst.count_articles()
        originals = list(src.iter_articles())
        if not originals:
            raise SystemExit(f"--build-from {source}: no article to copy")
        coded = [
            (a, src.get_actors(a.id), list(src.iter_events(EventFilter(doc_id=a.id))))
            for a in originals
        ]
        for n in range(articles):
            article, actors, events = coded[n % len(coded)]
            copy_no = n // len(coded)
            new_id = f"{article.id}~{copy_no}" if copy_no else article.id
            shift = dt.timedelta(days=7 * copy_no)
            published = article.published + shift if article.published else None
            new_events = [
                dataclasses.replace(
                    e,
                    event_id=f"{e.event_id}~{copy_no}" if copy_no else e.event_id,
                    doc_id=new_id,
                    date=_shifted(e.date, shift),
                )
                for e in events
            ]
            dst.add_article(
                dataclasses.replace(article, id=new_id, published=published),
                CodedParts(actors=actors, events=new_events),
            )
        return dst.count_articles()


def _shifted(day: str | None, shift: Any) -> str | None:
    import datetime as dt

    try:
        return (dt.date.fromisoformat(day or "") + shift).isoformat()
    except ValueError:  # no date, or a partial one ("2019-01"): kept as coded
        return day


def start_server(db: str, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    """`eventwire serve` on loopback, returned once it answers (or failed loudly)."""
    extra = ["--workers", str(workers)] if workers > 1 else []
    server = subprocess.Popen(
        [EVENTWIRE, "serve", "--db", db, "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(
                f"server exited: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.kill()
    raise RuntimeError("server did not answer within 60 s")


async def _client(
    base: str, start: int, until: float, paths: list[str], out: dict[str, Any]
) -> None:
    index = start
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            path = paths[index % len(paths)]
            index += 1
            began = time.perf_counter()
            try:
                response = await client.get(path)
                status = response.status_code
            except httpx.HTTPError as exc:
                status = 0
                out["failures"].append(f"{path}: {type(exc).__name__}: {exc}")
            elapsed = time.perf_counter() - began
            out["latencies"].append(elapsed)
            out["by_path"].setdefault(path, []).append(elapsed)
            if status != 200:
                out["errors"] += 1
                if status:
                    out["failures"].append(f"{path}: HTTP {status}")


async def load(base: str, clients: int, seconds: float, paths: list[str]) -> dict[str, Any]:
    """Run ``clients`` concurrent clients against ``base`` for ``seconds``; the figures."""
    out: dict[str, Any] = {"latencies": [], "by_path": {}, "errors": 0, "failures": []}
    until = time.monotonic() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(_client(base, i, until, paths, out) for i in range(clients)))
    elapsed = time.perf_counter() - started
    ms = sorted(x * 1000 for x in out["latencies"])
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(ms),
        "errors": out["errors"],
        "first_failures": out["failures"][:5],
        "requests_per_s": round(len(ms) / elapsed, 1),
        "p50_ms": round(statistics.median(ms), 1) if ms else None,
        "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 1) if ms else None,
        "max_ms": round(ms[-1], 1) if ms else None,
        "per_path": {path: _percentiles(times) for path, times in out["by_path"].items()},
    }


def _percentiles(seconds: list[float]) -> dict[str, float]:
    ms = sorted(x * 1000 for x in seconds)
    return {
        "requests": len(ms),
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 1),
    }


def run(db: str, clients: int, seconds: float, workers: int = 1) -> dict[str, Any]:
    port = free_port()
    server = start_server(db, port, workers)
    try:
        return asyncio.run(load(f"http://127.0.0.1:{port}", clients, seconds, PATHS))
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL to serve")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("EVENTWIRE_LOAD_SECONDS", 30))
    )
    parser.add_argument("--workers", type=int, default=1, help="`serve --workers`")
    parser.add_argument("--build-from", help="coded store whose articles fill an empty --db")
    parser.add_argument("--articles", type=int, default=5840, help="articles to build")
    args = parser.parse_args()
    built = build_store(args.db, args.build_from, args.articles) if args.build_from else None
    result = run(args.db, args.clients, args.seconds, args.workers)
    result["workers"] = args.workers
    if built is not None:
        result["articles"] = built
    print(json.dumps(result, indent=2))
    sys.exit(1 if result["errors"] else 0)


if __name__ == "__main__":
    main()
