"""Item 6 of issue 19: only http(s) article links, the Host allow-list, HEAD, the response cache.

Real SQLite stores and the application's own test client; `serve --workers 2` as a process.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.builders import fill

from eventwire.cli.web import allowed_hosts
from eventwire.records import Article
from eventwire.store import Store, open_store
from eventwire.web import create_app
from eventwire.web.guard import HostGuard, host_name, safe_link

LOOPBACK = "http://127.0.0.1"
URLS = {
    "web": "https://example.org/news/1",
    "js": "javascript:alert(document.domain)",
    "data": "data:text/html,<script>alert(1)</script>",
    "tab": "java\tscript:alert(1)",
}


def _article(key: str, url: str) -> Article:
    return Article(
        id=key,
        text=f"Article {key}.",
        title=f"Title {key}",
        source="Wire",
        published=dt.date(2020, 1, 2),
        url=url,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{tmp_path / 'guard.db'}") as opened:
        for key, url in URLS.items():
            opened.add_article(_article(key, url))
        yield opened


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store), base_url=LOOPBACK) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("vbscript:msgbox", None),
        ("//evil.example/x", None),
        ("/articles/a1", None),
        ("https://", None),
        ("http://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_link_keeps_only_absolute_http_links(url: str | None, expected: str | None) -> None:
    assert safe_link(url) == expected


def test_http_article_url_is_a_link(client: TestClient) -> None:
    html = client.get("/articles/web").text
    assert (
        '<a href="https://example.org/news/1" rel="noopener noreferrer nofollow">original</a>'
        in html
    )


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("js", "javascript:alert(document.domain)"),
        ("data", "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("tab", "java\tscript:alert(1)"),
    ],
)
def test_other_article_urls_are_text_not_links(client: TestClient, key: str, shown: str) -> None:
    html = client.get(f"/articles/{key}").text
    assert f'original: <span class="unlinked-url">{shown}</span>' in html
    assert html.count('rel="noopener noreferrer nofollow"') == 0
    # The API still reports the stored value as data: it is JSON, never a link.
    assert client.get(f"/api/articles/{key}").json()["url"] == URLS[key]


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("localhost:8000", "localhost"),
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]:8000", "::1"),
        ("News.Example:443", "news.example"),
    ],
)
def test_host_name_drops_port_and_brackets(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_loopback_hosts_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/stats", headers={"host": host}).status_code == 200


def test_other_host_gets_400_naming_it(client: TestClient) -> None:
    api = client.get("/api/events", headers={"host": "rebind.evil.example"})
    message = (
        "Host 'rebind.evil.example' is not allowed here; start `eventwire serve` with "
        "--allowed-host NAME to serve under another name"
    )
    assert (api.status_code, api.json()) == (400, {"detail": message, "message": message})
    page = client.get("/", headers={"host": "rebind.evil.example:8000"})
    assert page.status_code == 400
    assert page.text == message.replace("'rebind.evil.example'", "'rebind.evil.example:8000'")
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_allowed_host_is_answered_and_loopback_no_longer_implied(store: Store) -> None:
    app = create_app(store, allowed_hosts=["news.example"])
    with TestClient(app, base_url="http://news.example") as client:
        assert client.get("/api/stats").status_code == 200
        assert client.get("/api/stats", headers={"host": "localhost"}).status_code == 400


def test_star_answers_any_host(store: Store) -> None:
    with TestClient(create_app(store, allowed_hosts=["*"])) as client:  # Host: testserver
        assert client.get("/").status_code == 200


def test_request_without_host_header_is_refused() -> None:
    sent: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("reached the application")

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/", "headers": [], "query_string": b""}
    asyncio.run(HostGuard(app)(scope, receive, send))
    assert sent[0]["status"] == 400
    assert sent[1]["body"].startswith(b"no Host header is not allowed here")


def test_serve_allows_loopback_its_own_address_and_the_options() -> None:
    assert allowed_hosts("127.0.0.1", []) == ["localhost", "127.0.0.1", "::1"]
    assert allowed_hosts("0.0.0.0", ["news.example"]) == [
        "localhost",
        "127.0.0.1",
        "::1",
        "news.example",
    ]
    assert allowed_hosts("192.168.1.5", []) == ["localhost", "127.0.0.1", "::1", "192.168.1.5"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/api/events", 200),
        ("/articles/web", 200),
        ("/static/app.css", 200),
        ("/api/export?format=csv", 200),
        ("/nope", 404),
    ],
)
def test_head_is_answered_where_get_is(client: TestClient, path: str, status: int) -> None:
    get = client.get(path)
    head = client.head(path)
    assert (head.status_code, get.status_code) == (status, status)
    assert head.content == b""
    if "content-length" in get.headers:
        assert head.headers["content-length"] == get.headers["content-length"]
    assert head.headers["content-type"] == get.headers["content-type"]


def test_post_is_still_405(client: TestClient) -> None:
    assert client.post("/api/events").status_code == 405


def test_cached_answer_is_reused_until_the_store_changes(store: Store, client: TestClient) -> None:
    first = client.get("/api/articles")
    again = client.get("/api/articles")
    assert (first.headers["x-eventwire-cache"], again.headers["x-eventwire-cache"]) == (
        "miss",
        "hit",
    )
    assert (first.json()["total"], again.content) == (4, first.content)
    store.add_article(_article("later", "https://example.org/later"))
    after = client.get("/api/articles")
    assert (after.headers["x-eventwire-cache"], after.json()["total"]) == ("miss", 5)


def test_cache_is_keyed_by_query_and_skips_errors(client: TestClient) -> None:
    assert client.get("/api/articles?limit=1").headers["x-eventwire-cache"] == "miss"
    assert client.get("/api/articles?limit=2").headers["x-eventwire-cache"] == "miss"
    assert client.get("/api/articles?limit=1").headers["x-eventwire-cache"] == "hit"
    assert client.get("/api/articles?limit=0").status_code == 422
    assert client.get("/api/articles?limit=0").headers["x-eventwire-cache"] == "miss"


def test_cache_off_with_zero_seconds(store: Store) -> None:
    with TestClient(create_app(store, cache_seconds=0), base_url=LOOPBACK) as client:
        client.get("/api/articles")
        assert "x-eventwire-cache" not in client.get("/api/articles").headers


def test_aggregates_follow_a_store_change_even_without_the_response_cache(store: Store) -> None:
    # The explorer's own 60 s aggregate cache is emptied by the same store stamp.
    with TestClient(create_app(store, cache_seconds=0), base_url=LOOPBACK) as client:
        assert client.get("/api/stats").json()["events"] == 0
        counts = fill(store)
        assert client.get("/api/stats").json()["events"] == counts.events > 0
