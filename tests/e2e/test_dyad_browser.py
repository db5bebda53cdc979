"""The dyad view in headless Chromium at 1366 px: the chart is drawn inside its container, one
bar per week's quad class, a ring per break, and a bar leads to its week's row."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def wide_page(page: Any) -> Any:
    """The conftest's page (console errors recorded), 1366 px wide: a common laptop screen."""
    page.set_viewport_size({"width": 1366, "height": 768})
    return page


def _box(page: Any, selector: str) -> dict[str, float]:
    box: dict[str, float] = page.locator(selector).bounding_box()
    return box


def test_dyad_chart_fits_its_container_at_1366(base_url: str, wide_page: Any) -> None:
    response = wide_page.goto(base_url + "/dyads?a=TUR&b=LBY", wait_until="networkidle")
    assert response.status == 200
    assert wide_page.evaluate("window.innerWidth") == 1366
    wide_page.wait_for_selector("#dyad-chart svg rect.bar")
    chart, svg = _box(wide_page, "#dyad-chart"), _box(wide_page, "#dyad-chart svg")
    assert svg["width"] > 1000  # the chart uses the page's width, not a thumbnail
    assert svg["height"] > 200
    assert svg["x"] >= chart["x"]
    assert svg["y"] >= chart["y"]
    assert svg["x"] + svg["width"] <= chart["x"] + chart["width"] + 0.5
    assert svg["y"] + svg["height"] <= chart["y"] + chart["height"] + 0.5
    assert wide_page.locator("#dyad-chart rect.bar").count() == 10  # 10 weeks, all quad class 1
    assert wide_page.locator("#dyad-chart polyline.goldstein").count() == 1
    assert wide_page.errors == []
    wide_page.locator("#dyad-chart rect.bar").nth(1).click()
    assert wide_page.url.endswith("#week-2023-W01")


def test_dyad_chart_rings_every_break(base_url: str, wide_page: Any) -> None:
    query = "a=TUR&b=LBY&window=2&min_history=2&threshold=0.1"
    with urllib.request.urlopen(f"{base_url}/api/dyads?{query}") as answer:
        series = json.load(answer)
    broken = sum(1 for w in series["weeks"] if w["breaks"])
    assert broken > 0
    wide_page.goto(f"{base_url}/dyads?{query}", wait_until="networkidle")
    wide_page.wait_for_selector("#dyad-chart svg rect.bar")
    assert wide_page.locator("#dyad-chart circle.break").count() == broken
    assert wide_page.locator("#dyad-weeks tr.break").count() == broken
    assert wide_page.errors == []


def test_dyad_empty_state(base_url: str, wide_page: Any) -> None:
    wide_page.goto(base_url + "/dyads?a=FRA&b=USA", wait_until="networkidle")
    assert wide_page.locator("#dyad-empty").inner_text() == (
        "No dated, affirmed events between FRA* and USA* in either direction."
    )
    assert wide_page.errors == []


def test_a_network_edge_opens_its_dyad(base_url: str, wide_page: Any) -> None:
    wide_page.goto(base_url + "/network", wait_until="networkidle")
    edge = wide_page.locator("#network line.edge").first
    edge.dispatch_event("click")
    wide_page.wait_for_url("**/dyads?a=*&directed=true&match=exact")
    wide_page.wait_for_load_state("networkidle")
    assert wide_page.locator("#dyad-chart svg rect.bar").count() > 0
    assert wide_page.errors == []
