"""The server-rendered pages: each renders, filters and paginates, and links events to articles."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.web.builders import BULK, Counts

PAGES = ["/", "/events", "/articles", "/articles/a1", "/actors", "/actors/TUR", "/network", "/map"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_html(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>" in response.text


def test_dashboard_shows_totals(client: TestClient, counts: Counts) -> None:
    html = client.get("/").text
    assert f'<span class="n">{counts.events}</span> events' in html


def _rows(html: str) -> int:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return body.count("<tr") - body.count('class="empty"')


def test_events_page_filter_narrows_the_table(client: TestClient) -> None:
    everything = client.get("/events", params={"limit": 500}).text
    narrowed = client.get("/events", params={"source": "FRA"}).text
    assert _rows(everything) > _rows(narrowed) == 1


def test_events_page_accepts_empty_form_fields(client: TestClient) -> None:
    params = {key: "" for key in ("source", "since", "until", "q", "negated", "cameo")}
    assert client.get("/events", params=params).status_code == 200


def test_events_page_paginates_on_the_server(client: TestClient) -> None:
    html = client.get("/events", params={"root": "05", "limit": 20}).text
    assert _rows(html) == 20
    assert 'rel="next"' in html
    last = client.get("/events", params={"root": "05", "limit": 20, "offset": 20}).text
    assert _rows(last) == BULK - 20
    assert 'rel="next"' not in last


def test_events_page_links_each_event_to_its_sentence(client: TestClient) -> None:
    html = client.get("/events", params={"source": "FRA"}).text
    assert 'href="/articles/a2#s0"' in html


def test_events_page_offers_the_current_view_as_csv(client: TestClient) -> None:
    html = client.get("/events", params={"source": "FRA"}).text
    href = re.search(r'id="download-csv" href="([^"]+)"', html)
    assert href is not None
    csv_text = client.get(href.group(1).replace("&amp;", "&")).text
    assert len(csv_text.strip().splitlines()) == 2  # header + the one FRA event


def test_events_page_bad_parameter_is_422_page(client: TestClient) -> None:
    response = client.get("/events", params={"limit": 1000})
    assert response.status_code == 422
    assert "limit" in response.text


def test_article_page_marks_event_sentences_and_actors(client: TestClient) -> None:
    html = client.get("/articles/a1").text
    assert re.search(r'<span class="sentence event-sentence" id="s0"', html)
    assert '<span class="actor" title="IRNGOV · Ali Shamkhani">' in html
    assert "nsubj←met→dobj" in html  # the explanation is shown with the event


def test_article_page_unknown_id_is_404(client: TestClient) -> None:
    assert client.get("/articles/missing").status_code == 404


def test_actor_page_colours_interactions_by_goldstein(client: TestClient) -> None:
    html = client.get("/actors/TUR").text
    assert '<tr class="gold-p2">' in html
