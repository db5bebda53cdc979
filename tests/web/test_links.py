"""Issue 18's links and labels: each link leads to the events it counts, codes carry their names,
actors are named by the lexicon or their most mentioned name, events have a page and a card."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.builders import BULK

from eventwire.actors.display import display_names, most_frequent_name, title_case
from eventwire.records import Actor, Article, Mention
from eventwire.store import CodedParts, EventFilter, open_store
from eventwire.web import create_app

A1_EVENT = "a1-0000000000000"  # IRNGOV consults RUSGOV (builders.fill)


def _hrefs(html: str, cls: str) -> list[str]:
    return [html_lib.unescape(h) for h in re.findall(rf'class="{cls}" href="([^"]+)"', html)]


def _total(client: TestClient, href: str) -> int:
    page = client.get(href)
    assert page.status_code == 200, href
    found = re.search(r'<span id="total">([\d,]+)</span>', page.text)
    assert found is not None
    return int(found.group(1).replace(",", ""))


def test_dashboard_country_links_to_events_placed_there(client: TestClient) -> None:
    html = client.get("/").text
    section = html.split("By country (event place)", 1)[1].split("</table>", 1)[0]
    links = re.findall(r'<a href="([^"]+)"[^>]*>(\w+)</a>', section)
    # Tehran holds two events (one negated), Paris one, China one: busiest first.
    assert links == [
        ("/events?country=IRN", "IRN"),
        ("/events?country=CHN", "CHN"),
        ("/events?country=FRA", "FRA"),
    ]


@pytest.mark.parametrize("code", ["IRN", "RUS", "FRA", "USA", "TUR"])
def test_actor_interaction_links_list_as_many_events_as_they_count(
    client: TestClient, code: str
) -> None:
    html = client.get(f"/actors/{code}").text
    rows = re.findall(r'<a class="dyad-events" href="([^"]+)"[^>]*>(\d+)</a>', html)
    assert rows  # every fill actor has an interaction
    for href, count in rows:
        assert "match=exact" in href
        assert _total(client, html_lib.unescape(href)) == int(count)


def test_exact_match_leaves_out_longer_codes(client: TestClient) -> None:
    prefix = client.get("/api/events", params={"source": "IRN", "target": "RUS"}).json()
    exact = client.get(
        "/api/events", params={"source": "IRN", "target": "RUS", "match": "exact"}
    ).json()
    assert [e["event_id"] for e in prefix["items"]] == [A1_EVENT]  # IRNGOV → RUSGOV
    assert exact["total"] == 0
    assert client.get("/api/events", params={"match": "fuzzy"}).status_code == 422
    assert EventFilter.parse(match=" EXACT ").match == "exact"


def test_actor_page_events_link_agrees_with_its_exact_count(client: TestClient) -> None:
    html = client.get("/actors/TUR").text
    shown = re.search(r"(\d+) events with this exact code", html)
    href = re.search(r'href="([^"]+)" id="actor-events"', html)
    assert shown is not None
    assert href is not None
    assert _total(client, html_lib.unescape(href.group(1))) == int(shown.group(1)) == BULK


def test_timeline_heading_does_not_claim_per_day(client: TestClient) -> None:
    html = client.get("/").text
    # The script names the bin it uses (day, week or month); without it the heading is neutral.
    assert '<h2>Events <span id="timeline-unit">over time</span> by quad class</h2>' in html
    assert "per day" not in html


def test_cameo_and_plover_names_beside_codes(client: TestClient) -> None:
    html = client.get("/events", params={"source": "FRA"}).text
    assert (
        '<span class="code">173</span><div class="name">'
        "Arrest, detain, or charge with legal action</div>" in html
    )
    roots = client.get("/").text.split('id="by-root"', 1)[1].split("</table>", 1)[0]
    names = re.findall(r"<td>(\w[^<]*)</td><td class=\"num\">", roots)
    assert names == ["Consult", "Engage in diplomatic cooperation", "Disapprove", "Coerce", "Fight"]
    card = client.get(f"/events/{A1_EVENT}").text
    assert "<dt>PLOVER</dt><dd>CONSULT / visit</dd>" not in card  # fill stores no mode
    assert "<dt>PLOVER</dt><dd>CONSULT</dd>" in card
    assert '<span class="cameo-name">Host a visit</span>' in card


def test_events_rows_link_to_their_cards(client: TestClient) -> None:
    html = client.get("/events", params={"limit": 500}).text
    cards = _hrefs(html, "card-link")
    assert len(cards) == 4 + BULK
    assert f"/events/{A1_EVENT}" in cards


def test_event_page_shows_its_card_open_and_links_to_the_article(client: TestClient) -> None:
    page = client.get(f"/events/{A1_EVENT}")
    assert page.status_code == 200
    assert f'<details class="event-card" id="event-{A1_EVENT}" open>' in page.text
    assert f'id="event-article" href="/articles/a1#event-{A1_EVENT}"' in page.text
    assert "Ali Shamkhani met Nikolai Patrushev in Tehran." in page.text
    assert client.get("/events/nope").status_code == 404
    assert client.get("/events/bad%20id").status_code == 422


def test_article_cards_fold_and_open_when_few(client: TestClient) -> None:
    few = client.get("/articles/a1").text
    assert few.count('<details class="event-card') == 2
    assert few.count('<details class="event-card" id=') == 1  # one affirmed, one negated
    assert few.count(" open>") == 2
    many = client.get("/articles/a4").text
    assert many.count('<details class="event-card') == BULK
    assert many.count(" open>") == 0
    assert 'id="open-all"' in many


# -- actor names ---------------------------------------------------------------------------------


def test_title_case_and_most_frequent_name() -> None:
    assert title_case("democratic republic of the congo") == "Democratic Republic of the Congo"
    assert title_case("the united nations") == "United Nations"
    assert most_frequent_name([("Toronto", 5), ("Remarked Center", 5), ("Canada", 9)]) == "Canada"
    # A tie goes to the fuller name, then the alphabetically first.
    assert most_frequent_name([("Trump", 2), ("Donald Trump", 2)]) == "Donald Trump"
    assert most_frequent_name([("Bea", 1), ("Abe", 1)]) == "Abe"
    assert most_frequent_name([]) == ""


def test_display_names_prefer_the_lexicon_for_countries() -> None:
    names = display_names(
        ["CAN", "IGOUNO", "USAGOV", "ZZZ"],
        {"CAN": [("British Columbia", 4)], "USAGOV": [("White House", 1), ("Joe Biden", 3)]},
    )
    assert names == {
        "CAN": "Canada",
        "IGOUNO": "United Nations",
        "USAGOV": "Joe Biden",
        "ZZZ": "",
    }


def _actor(name: str, code: str, body: str, times: int) -> Actor:
    at = body.index(name)
    mentions = [Mention(name, at, at + len(name), 0, "dictionary") for _ in range(times)]
    return Actor(name, code, code[:3], code[3:] or None, "agent", "dictionary", mentions)


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A store where CAN is only ever named by a province and USAGOV by two names."""
    path: Path = tmp_path_factory.mktemp("names") / "names.db"
    body = "British Columbia and the White House spoke; Joe Biden said so, Joe Biden again."
    actors = [
        _actor("British Columbia", "CAN", body, 1),
        _actor("White House", "USAGOV", body, 1),
        _actor("Joe Biden", "USAGOV", body, 2),
    ]
    with open_store(f"sqlite:///{path}") as store:
        store.add_article(Article("n1", body, title="Names"), CodedParts(actors=actors))
        with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
            yield client


def test_actor_pages_show_the_display_name(named: TestClient) -> None:
    listing = named.get("/api/actors").json()["items"]
    assert [(a["code"], a["name"]) for a in listing] == [("CAN", "Canada"), ("USAGOV", "Joe Biden")]
    html = named.get("/actors/CAN").text
    assert '<span class="name" id="actor-name">Canada</span>' in html
    assert named.get("/api/actors/USAGOV").json()["name"] == "Joe Biden"
