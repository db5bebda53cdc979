"""Security of the web layer: escaping, the CSP header, no inline scripts, loopback default."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.web.builders import XSS_TITLE

from eventwire.cli.web import serve_command


@pytest.mark.parametrize("path", ["/articles/a2", "/articles", "/events?q=protesters", "/"])
def test_stored_markup_is_escaped(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x>" not in html
    assert "<b>Not bold</b>" not in html


def test_hostile_title_shows_as_text(client: TestClient) -> None:
    html = client.get("/articles/a2").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert client.get("/api/articles/a2").json()["title"] == XSS_TITLE


@pytest.mark.parametrize("path", ["/", "/events", "/api/events", "/static/app.css", "/nope"])
def test_every_response_has_a_strict_csp(client: TestClient, path: str) -> None:
    csp = client.get(path).headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "object-src 'none'" in csp


@pytest.mark.parametrize(
    "path", ["/", "/events", "/articles/a1", "/actors/TUR", "/network", "/map"]
)
def test_pages_have_no_inline_script_or_outside_asset(client: TestClient, path: str) -> None:
    html = client.get(path).text
    for tag in re.findall(r"<script[^>]*>", html):
        assert re.search(r'src="/static/[\w.-]+\.js"', tag), tag
    assert not re.search(r'(src|href)="(https?:)?//', html.replace('href="https://example.org', ""))
    assert " on" + "click=" not in html
    assert "style=" not in html


def test_serve_listens_on_loopback_by_default() -> None:
    import inspect

    assert inspect.signature(serve_command).parameters["host"].default == "127.0.0.1"
