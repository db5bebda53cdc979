"""Event cards in Chromium: they fold, a link to one opens it, and all open or close at once."""

from __future__ import annotations

from typing import Any

import pytest
from tests.web.builders import BULK

pytestmark = pytest.mark.browser

A4_FIFTH = "a4-0004000000000"  # the fifth of the bulk article's events (builders.fill)


def test_linked_card_opens_and_others_stay_shut(base_url: str, page: Any) -> None:
    page.goto(base_url + f"/articles/a4#event-{A4_FIFTH}", wait_until="networkidle")
    assert page.locator(f"#event-{A4_FIFTH}").evaluate("el => el.open") is True
    assert page.locator("details.event-card[open]").count() == 1
    page.click("#open-all")
    assert page.locator("details.event-card[open]").count() == BULK
    page.click("#close-all")
    assert page.locator("details.event-card[open]").count() == 0
    page.click(f"#event-{A4_FIFTH} > summary")
    assert page.locator(f"#event-{A4_FIFTH} dl.explain").is_visible()
    assert page.errors == []


def test_events_row_card_link_opens_the_event_page(base_url: str, page: Any) -> None:
    page.goto(base_url + "/events?source=IRNGOV", wait_until="networkidle")
    page.click("#events-table a.card-link")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/events/a1-0000000000000")
    assert page.locator("details.event-card dl.explain").is_visible()
    page.click("#event-article")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/articles/a1#event-a1-0000000000000")
    assert page.locator("#event-a1-0000000000000").evaluate("el => el.open") is True
    assert page.errors == []
