"""The JSON API against a real SQLite database of known records (see builders.py)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.web.builders import BULK, XSS_TITLE, Counts


def test_events_total_counts_every_stored_event(client: TestClient, counts: Counts) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == counts.events
    assert len(body["items"]) == 50 if counts.events > 50 else counts.events


def test_events_filters_narrow_like_the_cli(client: TestClient) -> None:
    assert client.get("/api/events", params={"source": "IRN"}).json()["total"] == 1
    assert client.get("/api/events", params={"actor": "IRN"}).json()["total"] == 2
    assert client.get("/api/events", params={"root": "05"}).json()["total"] == BULK
    assert client.get("/api/events", params={"cameo": "17"}).json()["total"] == 1
    assert client.get("/api/events", params={"plover": "consult"}).json()["total"] == 1
    assert client.get("/api/events", params={"negated": "true"}).json()["total"] == 1


def test_events_date_range_is_inclusive(client: TestClient) -> None:
    params = {"since": "2024-02-10", "until": "2024-02-11"}
    assert client.get("/api/events", params=params).json()["total"] == 2


def test_events_q_searches_the_articles_text(client: TestClient) -> None:
    items = client.get("/api/events", params={"q": "protesters"}).json()["items"]
    assert [e["doc_id"] for e in items] == ["a2"]


def test_events_pages_do_not_overlap(client: TestClient) -> None:
    first = client.get("/api/events", params={"root": "05", "limit": 20}).json()
    second = client.get("/api/events", params={"root": "05", "limit": 20, "offset": 20}).json()
    ids = [e["event_id"] for e in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == BULK


def test_events_sort_by_goldstein_descending(client: TestClient) -> None:
    params = {"sort": "goldstein", "order": "desc", "limit": 5}
    scores = [e["goldstein"] for e in client.get("/api/events", params=params).json()["items"]]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 8.0


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"sort": "text"}, "sort"),
        ({"since": "2024-13-01"}, "since"),
        ({"since": "yesterday"}, "since"),
        ({"root": "ab"}, "root"),
        ({"source": "IRN'; DROP TABLE events;--"}, "source"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, "until"),
    ],
)
def test_events_bad_parameter_is_422_naming_it(
    client: TestClient, params: dict[str, object], name: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert any(problem["loc"][-1] == name for problem in body["detail"])
    assert name in body["message"]


def test_event_detail_has_explanation_and_evidence(client: TestClient) -> None:
    event_id = client.get("/api/events", params={"source": "IRNGOV"}).json()["items"][0]["event_id"]
    body = client.get(f"/api/events/{event_id}").json()
    assert body["event"]["cameo"] == "043"
    assert body["explanation"]["trigger"] == "met"
    assert body["explanation"]["source"]["resolved_by"] == "dictionary"
    assert body["evidence"]["article_id"] == "a1"
    assert body["evidence"]["url"] == "https://example.org/a1"


def test_event_unknown_id_is_404(client: TestClient) -> None:
    response = client.get("/api/events/nope")
    assert response.status_code == 404
    assert "nope" in response.json()["message"]


def test_articles_list_counts_events_per_article(client: TestClient, counts: Counts) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == counts.articles
    by_id = {a["id"]: a["events"] for a in body["items"]}
    assert by_id == {"a1": 2, "a2": 1, "a3": 1, "a4": BULK}


def test_article_detail_has_actors_and_events(client: TestClient) -> None:
    body = client.get("/api/articles/a1").json()
    assert {a["code"] for a in body["actors"]} == {"IRNGOV", "RUSGOV"}
    assert [e["sentence"] for e in body["event_list"]] == [0, 1]


def test_article_unknown_id_is_404(client: TestClient) -> None:
    assert client.get("/api/articles/missing").status_code == 404


def test_actors_list_pages_codes_with_event_counts(client: TestClient) -> None:
    body = client.get("/api/actors", params={"q": "IRN"}).json()
    assert [(a["code"], a["events"]) for a in body["items"]] == [("IRNGOV", 1)]


def test_actor_detail_has_timeline_and_interactions(client: TestClient) -> None:
    body = client.get("/api/actors/TUR").json()
    assert sum(day["count"] for day in body["timeline"]) == BULK
    assert body["interactions"][0]["target"] == "LBY"
    assert body["interactions"][0]["count"] == BULK


def test_actor_unknown_code_is_404(client: TestClient) -> None:
    assert client.get("/api/actors/ZZZ").status_code == 404


def test_stats_counts_by_root_quad_and_country(client: TestClient, counts: Counts) -> None:
    body = client.get("/api/stats").json()
    assert body["events"] == counts.events
    assert {r["root"]: r["count"] for r in body["by_root"]}["05"] == BULK
    assert sum(q["count"] for q in body["by_quad_class"]) == counts.events
    assert {c["country"]: c["count"] for c in body["by_country"]} == {
        "IRN": 2,
        "FRA": 1,
        "CHN": 1,
    }
    assert sum(d["count"] for d in body["by_day"]) == counts.events


def test_stats_follow_the_filters(client: TestClient) -> None:
    assert client.get("/api/stats", params={"actor": "FRA"}).json()["events"] == 1


def test_search_finds_articles_by_text(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "protesters"}).json()
    assert [a["id"] for a in body["items"]] == ["a2"]
    assert body["items"][0]["title"] == XSS_TITLE


def test_search_without_q_is_422(client: TestClient) -> None:
    assert client.get("/api/search").status_code == 422


def test_network_edges_leave_out_negated_events(client: TestClient) -> None:
    body = client.get("/api/network").json()
    pairs = {(e["source"], e["target"]): e["count"] for e in body["edges"]}
    assert pairs[("TUR", "LBY")] == BULK
    assert ("RUS", "IRN") not in pairs
    assert {n["code"] for n in body["nodes"]} >= {"TUR", "LBY", "IRNGOV", "RUSGOV"}


def test_places_have_coordinates_only(client: TestClient) -> None:
    body = client.get("/api/places").json()
    assert {(p["name"], p["count"]) for p in body} == {("Tehran", 1), ("Paris", 1)}


def test_openapi_document_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/stats", "/api/search"):
        assert path in paths


def test_api_docs_page_needs_no_outside_assets(client: TestClient) -> None:
    html = client.get("/api/docs").text
    assert "/api/events" in html
    assert "cdn" not in html.lower()
