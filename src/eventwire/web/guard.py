"""Request guards in front of the application: the Host allow-list, HEAD, and safe outbound links.

A page served on loopback can still be read by a hostile site through DNS rebinding (its name
re-pointed at 127.0.0.1): the browser then sends that site's name as the Host header, so only
the names the operator allows (loopback by default, ``serve --allowed-host`` for others) are
answered. HEAD is answered wherever GET is, with GET's headers and no body.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
ANY_HOST = "*"
LINK_SCHEMES = ("http", "https")


def host_name(header: str) -> str:
    """The name in a Host header, without its port, lower-case ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):  # an IPv6 literal: [addr]:port
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def normalise_hosts(hosts: Iterable[str]) -> frozenset[str]:
    """Allowed names as the check compares them (a port or IPv6 brackets may be given)."""
    return frozenset(host_name(h) for h in hosts if h.strip())


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) link a page may point at, else None.

    Stored article URLs come from the input: ``javascript:``, ``data:`` and anything else that is
    not plainly http(s) is shown as text, never as a link (the CSP would block a script, but the
    page should not offer it). Browsers drop whitespace and control characters inside a scheme
    ("java\\tscript:"), so a URL holding any is refused rather than parsed differently.
    """
    if not url or any(ord(c) <= 0x20 or ord(c) == 0x7F for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.hostname:
        return None
    return url


class HostGuard:
    """Answers 400 to a request whose Host header is not allowed (``*`` allows every name)."""

    def __init__(
        self,
        app: ASGIApp,
        allowed: Iterable[str] = LOOPBACK_HOSTS,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.app = app
        self.allowed = normalise_hosts(allowed)
        self.headers = headers or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or ANY_HOST in self.allowed:
            await self.app(scope, receive, send)
            return
        header = _header(scope, b"host")
        if header is not None and host_name(header) in self.allowed:
            await self.app(scope, receive, send)
            return
        response = _refusal(scope, header)
        response.headers.update(self.headers)
        await response(scope, receive, send)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _refusal(scope: Scope, header: str | None) -> Response:
    shown = "no Host header" if header is None else f"Host {header[:100]!r}"
    message = (
        f"{shown} is not allowed here; start `eventwire serve` with --allowed-host NAME "
        "to serve under another name"
    )
    if str(scope.get("path", "")).startswith("/api/"):
        response: Response = JSONResponse({"detail": message, "message": message}, 400)
    else:
        response = PlainTextResponse(message, 400)
    return response


class HeadAsGet:
    """Serves HEAD as GET with the body dropped (headers, Content-Length included, kept)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # swallowed: only the final, empty body message goes out
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        get_scope: dict[str, Any] = {**scope, "method": "GET"}
        await self.app(get_scope, receive, without_body)
