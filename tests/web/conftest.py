"""Fixtures for the API and page tests: one SQLite database of known records per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.builders import Counts, fill

from eventwire.store import Store, open_store
from eventwire.web import create_app


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Counts]]:
    path: Path = tmp_path_factory.mktemp("web") / "web.db"
    with open_store(f"sqlite:///{path}") as store:
        counts = fill(store)
        yield store, counts


@pytest.fixture(scope="module")
def counts(filled: tuple[Store, Counts]) -> Counts:
    return filled[1]


@pytest.fixture(scope="module")
def client(filled: tuple[Store, Counts]) -> Iterator[TestClient]:
    with TestClient(create_app(filled[0]), base_url="http://127.0.0.1") as test_client:
        yield test_client
