"""Measure event dates and places on the Wikinews sample (no gold): prints JSON.

    .venv/bin/python benchmarks/when_where.py [samples/wikinews/articles.jsonl]

Reports how many events have a place, the share of those whose place has a country (the issue's
target is >= 0.90), how many have coordinates, and how event dates were found (date_basis).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from eventwire import sources
from eventwire.pipeline import Document, process
from eventwire.records import ReadFailure

DEFAULT = Path(__file__).resolve().parents[1] / "samples" / "wikinews" / "articles.jsonl"


def main(path: Path) -> dict[str, object]:
    started = time.perf_counter()
    events = []
    for result in sources.read([path]):
        doc = None if isinstance(result, ReadFailure) else process(result)
        if isinstance(doc, Document):
            events.extend(doc.events)
    placed = [e for e in events if e.location is not None]
    with_country = [e for e in placed if e.location and e.location.country]
    return {
        "corpus": str(path),
        "events": len(events),
        "with_place": len(placed),
        "place_has_country": len(with_country),
        "place_country_share": round(len(with_country) / len(placed), 3) if placed else None,
        "with_coordinates": sum(1 for e in placed if e.location and e.location.lat is not None),
        "date_basis": dict(Counter(e.date_basis for e in events).most_common()),
        "seconds": round(time.perf_counter() - started, 1),
    }


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    print(json.dumps(main(corpus), indent=2))
