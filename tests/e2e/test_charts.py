"""The charts fit their boxes at common screen widths, with legends, zoom and empty states.

Issue 18: a fixed 620 px box with ``overflow: hidden`` cut a quarter of the network and the map's
south off at 1366 px. Each check measures the real layout in Chromium.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

# page → the chart boxes on it
CHARTS = {
    "/": ["#timeline"],
    "/actors/TUR": ["#actor-timeline"],
    "/network": ["#network"],
    "/map": ["#map"],
}
# The box's and its SVG's rectangles, and whether the page scrolls sideways.
MEASURE = """sel => {
  const box = document.querySelector(sel);
  const svg = box.querySelector('svg');
  const r = (el) => {
    const b = el.getBoundingClientRect();
    return [b.left, b.top, b.right, b.bottom];
  };
  return { box: r(box), svg: r(svg), style: getComputedStyle(box).overflow,
           sideways: document.documentElement.scrollWidth > window.innerWidth };
}"""


def _inside(inner: list[float], outer: list[float]) -> bool:
    left, top, right, bottom = inner
    return (
        left >= outer[0] - 0.5
        and top >= outer[1] - 0.5
        and right <= outer[2] + 0.5
        and bottom <= outer[3] + 0.5
    )


@pytest.mark.parametrize("path", sorted(CHARTS))
def test_chart_svg_lies_inside_its_box(base_url: str, sized_page: Any, path: str) -> None:
    sized_page.goto(base_url + path, wait_until="networkidle")
    for selector in CHARTS[path]:
        sized_page.wait_for_selector(selector + " svg")
        m = sized_page.evaluate(MEASURE, selector)
        assert _inside(m["svg"], m["box"]), (selector, m)
        assert m["svg"][3] - m["svg"][1] > 100  # drawn, not collapsed
        assert m["sideways"] is False
    assert sized_page.errors == []


@pytest.mark.parametrize(
    ("path", "legend"),
    [
        ("/network", "#network-legend"),
        ("/map", "#map-legend"),
        ("/actors/TUR", "#actor-timeline-legend"),
    ],
)
def test_charts_coloured_by_goldstein_show_their_legend(
    base_url: str, sized_page: Any, path: str, legend: str
) -> None:
    sized_page.goto(base_url + path, wait_until="networkidle")
    assert sized_page.locator(legend).is_visible()
    assert sized_page.locator(legend + " .ramp-gold").is_visible()


def test_dashboard_timeline_says_its_real_bin(base_url: str, sized_page: Any) -> None:
    # The demo events span 2023-01-01 … 2024-02-11 (406 days): binned by week, and so labelled.
    sized_page.goto(base_url + "/", wait_until="networkidle")
    assert sized_page.locator("#timeline-unit").inner_text() == "per week"
    assert sized_page.locator("#timeline .caption").inner_text() == "Per week."


EMPTY = {
    "/network?source=ZZZ": (
        "#network",
        "No events with both actors known match the filters: no network to draw.",
    ),
    "/map?source=ZZZ": ("#map", "No events match the filters: nothing to place on the map."),
}
# An empty store: the dashboard's timeline has nothing to chart.
EMPTY_STORE = {
    "/": ("#timeline", "No dated events match: nothing to chart."),
    "/network": EMPTY["/network?source=ZZZ"],
    "/map": EMPTY["/map?source=ZZZ"],
}


def _assert_empty_state(page: Any, selector: str, message: str) -> None:
    note = page.locator(selector + " .empty-state")
    assert note.inner_text() == message
    assert note.is_visible()
    box = page.locator(selector).bounding_box()
    got = note.bounding_box()
    inner = [got["x"], got["y"], got["x"] + got["width"], got["y"] + got["height"]]
    assert _inside(inner, [box["x"], box["y"], box["x"] + box["width"], box["y"] + box["height"]])


@pytest.mark.parametrize("path", sorted(EMPTY))
def test_empty_state_is_shown_inside_the_box(base_url: str, sized_page: Any, path: str) -> None:
    sized_page.goto(base_url + path, wait_until="networkidle")
    _assert_empty_state(sized_page, *EMPTY[path])
    assert sized_page.errors == []


@pytest.mark.parametrize("path", sorted(EMPTY_STORE))
def test_empty_store_shows_empty_states(empty_url: str, sized_page: Any, path: str) -> None:
    sized_page.goto(empty_url + path, wait_until="networkidle")
    _assert_empty_state(sized_page, *EMPTY_STORE[path])
    assert sized_page.errors == []


@pytest.mark.parametrize("selector", ["#network", "#map"])
def test_zoom_buttons_and_wheel_change_the_view(base_url: str, page: Any, selector: str) -> None:
    page.goto(base_url + "/" + selector[1:], wait_until="networkidle")
    svg = page.locator(selector + " svg")
    assert svg.get_attribute("data-zoom") == "1.00"
    page.click(selector + " .zoom button[title='zoom in']")
    assert svg.get_attribute("data-zoom") == "1.50"
    page.click(selector + " .zoom button[title='show all']")
    assert svg.get_attribute("data-zoom") == "1.00"
    box = svg.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -100)
    assert svg.get_attribute("data-zoom") == "1.25"
    # Dragging the background pans: the view's corner moves, the zoom stays.
    before = svg.get_attribute("viewBox")
    page.mouse.move(box["x"] + 5, box["y"] + 5)
    page.mouse.down()
    page.mouse.move(box["x"] + 105, box["y"] + 65)
    page.mouse.up()
    assert svg.get_attribute("viewBox") != before
    assert svg.get_attribute("data-zoom") == "1.25"
    assert page.errors == []
