"""Store write rate (events/s) into SQLite and PostgreSQL with real coded events: prints JSON.

    .venv/bin/python benchmarks/store_rate.py [--events 100000] [--pg URL]

Writes events the way ingest does — one transaction per article with its events (5 per
article here) — so the figure is the store's share of ingest time, without coding. The
PostgreSQL URL defaults to EVENTWIRE_TEST_PG_URL (start one with scripts/pg-test-server).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from api_latency import build, templates  # type: ignore[import-not-found]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--pg", default=os.environ.get("EVENTWIRE_TEST_PG_URL", ""))
    args = parser.parse_args()
    base = templates(None)
    result: dict[str, object] = {"events": args.events}
    with tempfile.TemporaryDirectory() as tmp:
        seconds = build(Path(tmp) / "rate.db", args.events, base)
        result["sqlite_events_per_s"] = round(args.events / seconds)
    if args.pg:
        seconds = build(args.pg, args.events, base)
        result["postgresql_events_per_s"] = round(args.events / seconds)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
