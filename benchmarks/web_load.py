"""A bounded load test of `eventwire serve` on loopback: many concurrent clients, prints JSON.

    .venv/bin/python benchmarks/web_load.py --db sqlite:///eventwire.db [--clients 50]
        [--seconds 30]   (default: EVENTWIRE_LOAD_SECONDS, else 30)

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


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    """`eventwire serve` on loopback, returned once it answers (or failed loudly)."""
    server = subprocess.Popen(
        [EVENTWIRE, "serve", "--db", db, "--port", str(port)],
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
            out["latencies"].append(time.perf_counter() - began)
            if status != 200:
                out["errors"] += 1
                if status:
                    out["failures"].append(f"{path}: HTTP {status}")


async def load(base: str, clients: int, seconds: float, paths: list[str]) -> dict[str, Any]:
    """Run ``clients`` concurrent clients against ``base`` for ``seconds``; the figures."""
    out: dict[str, Any] = {"latencies": [], "errors": 0, "failures": []}
    until = time.monotonic() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(_client(base, i, until, paths, out) for i in range(clients)))
    elapsed = time.perf_counter() - started
    latencies = sorted(out["latencies"])
    ms = [x * 1000 for x in latencies]
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
    }


def run(db: str, clients: int, seconds: float) -> dict[str, Any]:
    port = free_port()
    server = start_server(db, port)
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
    args = parser.parse_args()
    result = run(args.db, args.clients, args.seconds)
    print(json.dumps(result, indent=2))
    sys.exit(1 if result["errors"] else 0)


if __name__ == "__main__":
    main()
