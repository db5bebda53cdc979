"""API and page latency on a large database made from real coded events: prints JSON.

    .venv/bin/python benchmarks/api_latency.py --events 1000000 [--db /tmp/big.db] [--reuse]

1. Code the Wikinews sample (or reuse ``--source-db``) and take its events as templates.
2. Write ``--events`` events into a fresh SQLite file: the templates repeated with new ids,
   articles and dates spread over five years (articles get a title and one sentence, not the
   full text, to keep the file near 1 GB).
3. Request each endpoint ``--rounds`` times in process (FastAPI TestClient: server time, no
   network) and report p50/p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import statistics
import time
from pathlib import Path
from typing import Any

from eventwire.records import Article, Event

ROOT = Path(__file__).resolve().parents[1]
ENDPOINTS = [
    "/api/events?limit=50",
    "/api/events?limit=50&offset=50000",
    "/api/events?source=IRN&limit=50",
    "/api/events?root=19&since=2020-01-01&until=2020-03-31&limit=50",
    "/api/events?plover=ASSAULT&sort=goldstein&limit=50",
    "/api/actors/USA",
    "/api/stats",
    "/api/articles?limit=50",
    "/api/search?q=earthquake",
    "/",
    "/events",
]


def templates(source_db: str | None) -> list[Event]:
    from eventwire.ingest import ingest
    from eventwire.store import open_store

    url = source_db or "sqlite:////tmp/eventwire-templates.db"
    with open_store(url) as store:
        if store.count_events() == 0:
            ingest([ROOT / "samples" / "wikinews" / "articles.jsonl"], store)
        return [e for e in store.iter_events() if not e.negated]


def build(db: Path | str, events: int, base: list[Event]) -> float:
    """Write ``events`` events (5 per article, each article its own transaction); seconds."""
    from eventwire.store import CodedParts, open_store

    started = time.perf_counter()
    if isinstance(db, Path):
        db.unlink(missing_ok=True)
    url = f"sqlite:///{db}" if isinstance(db, Path) else db
    day0 = dt.date(2016, 1, 1)
    per_article = 5
    with open_store(url) as store:
        made = 0
        article_no = 0
        while made < events:
            article_no += 1
            day = day0 + dt.timedelta(days=article_no % 1826)
            doc_id = f"synthetic-{article_no}"
            chunk = []
            for k in range(per_article):
                template = base[(made + k) % len(base)]
                chunk.append(
                    dataclasses.replace(
                        template,
                        event_id=f"{doc_id}-{k}",
                        doc_id=doc_id,
                        date=day.isoformat(),
                    )
                )
            article = Article(
                id=doc_id,
                title=f"Synthetic story {article_no}",
                text=chunk[0].text,
                source=("Wire A", "Wire B", "Wire C")[article_no % 3],
                published=day,
            )
            store.add_article(article, CodedParts(events=chunk))
            made += len(chunk)
    return time.perf_counter() - started


def measure(db: Path, rounds: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from eventwire.web.app import create_app

    client = TestClient(create_app(f"sqlite:///{db}"), base_url="http://127.0.0.1")
    out: dict[str, Any] = {}
    for path in ENDPOINTS:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        times.sort()
        out[path] = {
            "max_ms": round(max(times), 1),  # the first, uncached request is usually this one
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/eventwire-big.db"))
    parser.add_argument("--source-db", default=None)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="keep an existing --db")
    args = parser.parse_args()
    result: dict[str, Any] = {"events": args.events}
    if not (args.reuse and args.db.exists()):
        base = templates(args.source_db)
        result["build_seconds"] = round(build(args.db, args.events, base), 1)
        result["insert_events_per_s"] = round(args.events / result["build_seconds"])
    result["db_mb"] = round(args.db.stat().st_size / 1e6)
    result["latency"] = measure(args.db, args.rounds)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
