"""The new event filters in the browser: the form sends them, the table, map and network obey."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser


def test_the_form_sends_country_quad_goldstein_outlet_and_match(base_url: str, page: Any) -> None:
    page.goto(base_url + "/events?limit=500", wait_until="networkidle")
    page.select_option("select[name=quad]", "4")
    page.fill("input[name=goldstein_min]", "-6")
    page.fill("input[name=goldstein_max]", "-4")
    page.fill("input[name=country]", "FRA")
    page.fill("input[name=outlet]", "wire")
    page.fill("input[name=source]", "FRACOP")
    page.select_option("select[name=match]", "exact")
    page.click("form#filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    expected = {
        "quad": ["4"],
        "goldstein_min": ["-6"],
        "goldstein_max": ["-4"],
        "country": ["FRA"],
        "outlet": ["wire"],
        "source": ["FRACOP"],
        "match": ["exact"],
    }
    sent = parse_qs(urlparse(page.url).query)
    assert {name: sent.get(name) for name in expected} == expected
    assert page.locator("#events-table tbody tr").count() == 1
    assert page.locator("#total").inner_text() == "1"
    # The form shows what it filtered by.
    assert page.locator("select[name=quad]").input_value() == "4"
    assert page.locator("select[name=match]").input_value() == "exact"
    assert page.errors == []


def test_the_map_and_network_take_the_new_filters(base_url: str, page: Any) -> None:
    page.goto(base_url + "/map?country=IRN", wait_until="networkidle")
    assert page.locator("#map circle.place").count() == 1  # Tehran only
    page.goto(base_url + "/network?quad=4&outlet=Wire", wait_until="networkidle")
    # The French police and the protesters: one dyad.
    assert page.locator("#network circle.node").count() == 2
    assert page.errors == []
