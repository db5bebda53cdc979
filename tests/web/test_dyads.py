"""The dyad view's API and page over the web tests' store (tests/web/builders.py): Turkey and
Libya sign 30 deals two days apart from Sunday 1 January 2023 (ISO 2022-W52) to 28 February,
Goldstein 8.0 falling by 0.1 a deal; Iran's one affirmed meeting with Russia (a denied attack
is left out)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

TUR_LBY_WEEKS = [
    ("2022-W52", 1),
    ("2023-W01", 3),
    ("2023-W02", 4),
    ("2023-W03", 3),
    ("2023-W04", 4),
    ("2023-W05", 3),
    ("2023-W06", 4),
    ("2023-W07", 3),
    ("2023-W08", 4),
    ("2023-W09", 1),
]
NOT_CODE = "an actor code prefix, letters and digits (IRN)"
UNSURE = "unable to interpret input"
DAY = "a calendar day (YYYY-MM-DD"  # the shared day parser may add an example
LATE = "since=2023-03-01&until=2023-02-01"


def _json(client: TestClient, query: str) -> dict[str, Any]:
    response = client.get("/api/dyads?" + query)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_api_series_of_a_pair(client: TestClient) -> None:
    series = _json(client, "a=tur&b=LBY")
    assert (series["a"], series["b"], series["directed"], series["events"]) == (
        "TUR",
        "LBY",
        False,
        30,
    )
    assert [(w["week"], w["events"]) for w in series["weeks"]] == TUR_LBY_WEEKS
    w01 = series["weeks"][1]
    # 3, 5 and 7 January: Goldstein 7.9, 7.8, 7.7.
    assert (w01["start"], w01["end"], w01["goldstein"], w01["by_quad"]) == (
        "2023-01-02",
        "2023-01-08",
        7.8,
        {"1": 3, "2": 0, "3": 0, "4": 0},
    )
    # A steady decline of 0.35 a week stays within 2 sd (floored at 1.0) of its baseline.
    assert [w["breaks"] for w in series["weeks"]] == [[]] * 10
    assert w01["links"] == [
        {
            "source": "TUR",
            "target": "LBY",
            "count": 3,
            "url": "/events?source=TUR&target=LBY&since=2023-01-02&until=2023-01-08&negated=false",
        }
    ]


def test_a_weeks_link_lists_as_many_events_as_it_counts(client: TestClient) -> None:
    series = _json(client, "a=LBY&b=TUR")
    for week in series["weeks"]:
        (link,) = week["links"]
        assert (link["source"], link["target"]) == ("TUR", "LBY")  # b → a
        listed = client.get("/api" + link["url"]).json()["total"]
        assert listed == link["count"] == week["events"]


def test_one_direction_and_negated_events(client: TestClient) -> None:
    assert _json(client, "a=LBY&b=TUR&directed=true")["weeks"] == []
    both = _json(client, "a=IRN&b=RUS")
    assert [(w["week"], w["events"], w["a_to_b"]) for w in both["weeks"]] == [("2024-W01", 1, 1)]
    denied_only = _json(client, "a=RUS&b=IRN&directed=true")  # the denied attack
    assert (denied_only["events"], denied_only["weeks"]) == (0, [])


def test_a_period_shows_whole_weeks(client: TestClient) -> None:
    # Wednesday 1 February 2023 is in W05 (30 January – 5 February), shown whole.
    series = _json(client, "a=TUR&b=LBY&since=2023-02-01&until=2023-02-20")
    assert [(w["week"], w["events"]) for w in series["weeks"]] == TUR_LBY_WEEKS[5:9]
    assert (series["events"], series["since"], series["until"]) == (14, "2023-02-01", "2023-02-20")


def test_exact_match_counts_as_the_network_edge(client: TestClient) -> None:
    edges = client.get("/api/network").json()["edges"]
    edge = next(e for e in edges if (e["source"], e["target"]) == ("IRNGOV", "RUSGOV"))
    series = _json(client, "a=IRNGOV&b=RUSGOV&directed=true&match=exact")
    assert series["events"] + series["undated"] == edge["count"] == 1
    assert _json(client, "a=IRN&b=RUS&match=exact")["weeks"] == []  # IRNGOV is not IRN
    (week,) = series["weeks"]
    assert week["links"][0]["url"] == (
        "/events?source=IRNGOV&target=RUSGOV&since=2024-01-01&until=2024-01-07"
        "&negated=false&match=exact"
    )


def test_rule_parameters_reach_the_rule(client: TestClient) -> None:
    rule = _json(client, "a=TUR&b=LBY&window=4&min_history=3&threshold=1.5")["rule"]
    assert (rule["window"], rule["min_history"], rule["threshold"]) == (4, 3, 1.5)
    assert rule["text"].startswith("a week breaks when its conflict share or mean Goldstein lies")


@pytest.mark.parametrize(
    ("query", "param", "message"),
    [
        ("b=USA", "a", "missing: give an actor code prefix (IRN)"),
        ("a=IRN", "b", "missing: give an actor code prefix (IRN)"),
        ("", "a", "missing: give two actor code prefixes, a and b (a=IRN&b=USA)"),
        ("a=IR-N&b=USA", "a", f"'IR-N' is not {NOT_CODE}"),
        ("a=IRN&b=" + "U" * 25, "b", f"'{'U' * 25}' is not {NOT_CODE}"),
        ("a=IRN&b=USA&window=1", "window", "Input should be greater than or equal to 2"),
        ("a=IRN&b=USA&min_history=20", "min_history", "20 is not 2–12 (the window)"),
        ("a=IRN&b=USA&since=2023-02-30", "since", f"'2023-02-30' is not {DAY}"),
        (f"a=IRN&b=USA&{LATE}", "until", "until (2023-02-01) is before since (2023-03-01)"),
        ("a=IRN&b=USA&match=fuzzy", "match", "Input should be 'prefix' or 'exact'"),
        ("a=IRN&b=USA&directed=maybe", "directed", f"Input should be a valid boolean, {UNSURE}"),
    ],
)  # fmt: skip
def test_bad_parameters_are_422_naming_them(
    client: TestClient, query: str, param: str, message: str
) -> None:
    response = client.get("/api/dyads?" + query)
    assert response.status_code == 422
    text, expected = response.json()["message"], f"{param}: {message}"
    if message.endswith(DAY):  # "(YYYY-MM-DD)" or, with filters18, "(YYYY-MM-DD, e.g. …)"
        assert text.startswith(expected)
        assert text.endswith(")")
    else:
        assert text == expected


def test_page_lists_weeks_with_links(client: TestClient) -> None:
    response = client.get("/dyads?a=TUR&b=LBY")
    assert response.status_code == 200
    html = response.text
    assert html.count('<tr id="week-') == 10
    assert 'data-src="/api/dyads?a=TUR&amp;b=LBY"' in html
    assert (
        'href="/events?source=TUR&amp;target=LBY&amp;since=2023-01-02&amp;until=2023-01-08'
        '&amp;negated=false">TUR → LBY: 3</a>'
    ) in html
    assert '<span id="dyad-total">30</span>' in html
    assert '<span id="dyad-breaks">0</span>' in html


def test_page_empty_state_and_form(client: TestClient) -> None:
    empty = client.get("/dyads?a=FRA&b=USA")
    assert empty.status_code == 200
    assert (
        '<p class="empty" id="dyad-empty">No dated, affirmed events between FRA* and USA* in '
        "either direction.</p>"
    ) in empty.text
    assert "dyad.js" not in empty.text
    start = client.get("/dyads")
    assert start.status_code == 200
    assert 'id="dyad-form"' in start.text
    assert "dyad-chart" not in start.text


def test_page_bad_code_is_a_422_page(client: TestClient) -> None:
    response = client.get("/dyads?a=IRN&b=U%20SA")
    assert response.status_code == 422
    assert "b: &#39;U SA&#39; is not an actor code prefix" in response.text


def test_actor_page_links_each_partner_to_the_dyad(client: TestClient) -> None:
    html = client.get("/actors/TUR").text
    assert (
        '<a class="dyad-link" href="/dyads?a=TUR&amp;b=LBY&amp;directed=true&amp;match=exact" '
        'title="this pair per week, counted as this row">weekly</a>'
    ) in html
