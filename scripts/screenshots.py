"""Take the README's screenshots of every explorer page with Debian's headless Chromium.

Run against a served database (the demo data after `make demo`)::

    .venv/bin/eventwire serve --db sqlite:///eventwire.db --port 8000 &
    .venv/bin/python scripts/screenshots.py --url http://127.0.0.1:8000

Writes ``docs/screenshots/<page>.png``. Needs ``apt-get install chromium`` and the pip package
``playwright`` (never ``playwright install``: the system Chromium is used).
"""

from __future__ import annotations

import argparse
import json
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Quiet, offline Chromium: no sandbox (root in CI), no GPU, no background calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
PAGES = {
    "dashboard": "/",
    "events": "/events?root=04",
    "article": "/articles/tabnak-837703#s3",
    "actor": "/actors/IRN",
    "network": "/network",
    "dyad": "/dyads?a=USAGOV&b=USAELI&since=2019-06-01",
    "map": "/map",
}
# Pages whose charts are shown whole (the page's full height), not cut at the window's bottom.
WHOLE = {"dashboard", "actor", "network", "map", "event"}
# The issue-18 laptop width at which the charts used to be cut off.
VIEWPORT = {"width": 1366, "height": 860}


def first_event(url: str, query: str) -> str:
    """The page of the first event matching ``query`` (the demo's card to show)."""
    with urllib.request.urlopen(f"{url.rstrip('/')}/api/events?limit=1&{query}") as response:
        items = json.load(response)["items"]
    if not items:
        raise SystemExit(f"no event matches {query!r} at {url}: is the demo database served?")
    return f"/events/{items[0]['event_id']}"


def take(url: str, out: Path, pages: dict[str, str]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        for name, path in pages.items():
            page.goto(url.rstrip("/") + path, wait_until="networkidle")
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=name in WHOLE)
            written.append(target)
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    pages = {**PAGES, "event": first_event(args.url, "source=IRN&match=exact&negated=false")}
    for path in take(args.url, args.out, pages):
        print(path)


if __name__ == "__main__":
    main()
