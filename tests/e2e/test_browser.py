"""The explorer in headless Chromium: pages load cleanly, filters narrow, events link to text."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/events",
    "/events/a1-0000000000000",
    "/articles",
    "/articles/a1",
    "/actors",
    "/actors/TUR",
    "/network",
    "/map",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_console_errors(base_url: str, page: Any, path: str) -> None:
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response.status == 200
    assert page.errors == []  # CSP violations and script errors are console errors


def test_dashboard_draws_the_timeline(base_url: str, page: Any) -> None:
    page.goto(base_url + "/", wait_until="networkidle")
    assert page.locator("#timeline svg rect").count() > 0


def test_map_draws_countries_and_places(base_url: str, page: Any) -> None:
    page.goto(base_url + "/map", wait_until="networkidle")
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map circle.place").count() == 2  # Tehran and Paris


def test_network_draws_nodes_and_edges(base_url: str, page: Any) -> None:
    page.goto(base_url + "/network", wait_until="networkidle")
    assert page.locator("#network circle.node").count() >= 4
    assert page.locator("#network line").count() >= 2


def test_events_filter_narrows_the_table(base_url: str, page: Any) -> None:
    page.goto(base_url + "/events?limit=500", wait_until="networkidle")
    before = page.locator("#events-table tbody tr").count()
    page.fill("input[name=source]", "FRA")
    page.click("form#filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    after = page.locator("#events-table tbody tr").count()
    assert before > after == 1
    assert page.locator("#total").inner_text() == "1"


def test_event_click_opens_article_with_sentence_highlighted(base_url: str, page: Any) -> None:
    page.goto(base_url + "/events?source=IRNGOV", wait_until="networkidle")
    page.click("#events-table a.event-link")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/articles/a1#s0")
    sentence = page.locator("#s0")
    assert "focus" in (sentence.get_attribute("class") or "")
    assert sentence.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 212, 59)"


def test_hostile_title_is_shown_as_text(base_url: str, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base_url + "/articles/a2", wait_until="networkidle")
    assert page.locator("#article-title").inner_text() == "<script>alert(1)</script>"
    assert dialogs == []
