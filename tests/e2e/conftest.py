"""A live server for the browser tests: uvicorn on a free loopback port over a filled database,
and Debian's headless Chromium driven by playwright (skipped cleanly where either is missing)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.builders import fill

from eventwire.store import open_store
from eventwire.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve(path: Path, filled: bool) -> Iterator[str]:
    """uvicorn on a free loopback port over a new store at ``path`` (filled or left empty)."""
    import uvicorn

    store = open_store(f"sqlite:///{path}")
    if filled:
        fill(store)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(tmp_path_factory.mktemp("e2e") / "e2e.db", filled=True)


@pytest.fixture(scope="session")
def empty_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over a store with no articles: every chart shows its empty state."""
    yield from _serve(tmp_path_factory.mktemp("e2e-empty") / "empty.db", filled=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        reason = "no /usr/bin/chromium here (apt-get install chromium); .ci/run installs it"
        if os.environ.get("EVENTWIRE_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip package playwright missing")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _recording_page(browser: Any, width: int, height: int) -> Iterator[Any]:
    """A fresh page of that size that records console errors and uncaught exceptions in
    ``page.errors``."""
    context = browser.new_context(viewport={"width": width, "height": height})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.errors = errors
    yield opened
    context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from _recording_page(browser, 1280, 860)


# Common laptop and desktop screens (issue 18: the charts were cut off at 1366 px).
SCREENS = {1366: 768, 1920: 1080}


@pytest.fixture(params=sorted(SCREENS), ids=lambda w: f"{w}px")
def sized_page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """The same page at each of SCREENS' sizes."""
    yield from _recording_page(browser, request.param, SCREENS[request.param])
