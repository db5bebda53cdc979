"""Filters refused in words: unknown parameters, malformed days and searches without a word are
422s naming the parameter (API) or an error page (pages), never all events or an empty 200.
The article search is ``q``, as everywhere; ``search`` is its deprecated old name."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


def test_an_unknown_parameter_is_a_422_naming_it_not_every_event(client: TestClient) -> None:
    response = client.get("/api/events", params={"countri": "IRN", "source": "IRN"})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [problem["loc"] for problem in detail] == [["query", "countri"]]
    assert detail[0]["msg"].startswith("unknown parameter 'countri'; this endpoint takes ")
    # The message lists what the endpoint does take, the new filters among them.
    taken = detail[0]["msg"].split("takes ", 1)[1].split(", ")
    for name in ("country", "quad", "goldstein_min", "goldstein_max", "outlet", "match", "q"):
        assert name in taken


def test_every_unknown_parameter_is_named_in_order(client: TestClient) -> None:
    response = client.get("/api/stats", params={"zeta": "1", "alpha": "2"})
    assert response.status_code == 422
    assert [p["loc"] for p in response.json()["detail"]] == [["query", "alpha"], ["query", "zeta"]]


@pytest.mark.parametrize(
    "path",
    ["/api/events", "/api/stats", "/api/network", "/api/places", "/api/export", "/api/articles"],
)
def test_each_api_route_refuses_an_unknown_parameter(client: TestClient, path: str) -> None:
    response = client.get(path, params={"nonsense": "1"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "nonsense"]


def test_a_page_refuses_an_unknown_parameter_with_an_error_page(client: TestClient) -> None:
    response = client.get("/events", params={"contry": "IRN"})
    assert response.status_code == 422
    assert "text/html" in response.headers["content-type"]
    assert "contry: unknown parameter &#39;contry&#39;" in response.text


def test_the_new_filters_are_known_to_the_pages(client: TestClient) -> None:
    params = {"country": "FRA", "quad": "4", "goldstein_min": "-6", "goldstein_max": "0",
              "outlet": "wire", "match": "exact", "source": "FRACOP"}  # fmt: skip
    response = client.get("/events", params=params)
    assert response.status_code == 200
    # Exactly the French police's arrest in Paris (article a2, sentence 0).
    assert re.findall(r'href="/articles/([^"#]+)#s(\d+)"', response.text) == [("a2", "0")]
    # The form keeps each value for the next submit.
    assert 'name="country" value="FRA"' in response.text
    assert '<option value="4" selected>' in response.text
    assert '<option value="exact" selected>' in response.text


@pytest.mark.parametrize(
    ("path", "params", "name"),
    [
        ("/api/events", {"since": "2024-13-01"}, "since"),
        ("/api/events", {"until": "31/01/2024"}, "until"),
        ("/api/articles", {"since": "20240131"}, "since"),
        ("/api/articles", {"until": "yesterday"}, "until"),
    ],
)
def test_a_malformed_day_is_answered_in_words(
    client: TestClient, path: str, params: dict[str, str], name: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422
    value = params[name]
    assert response.json()["detail"] == [
        {
            "loc": ["query", name],
            "msg": f"{value!r} is not a calendar day (YYYY-MM-DD, e.g. 2024-01-31)",
            "type": "value_error",
        }
    ]


@pytest.mark.parametrize(
    ("path", "params", "name"),
    [
        ("/api/events", {"q": "---"}, "q"),
        ("/api/articles", {"q": '"'}, "q"),
        ("/api/articles", {"search": "*"}, "q"),
        ("/api/search", {"q": "-- * --"}, "q"),
    ],
)
def test_a_search_without_a_word_is_a_422_not_an_empty_page(
    client: TestClient, path: str, params: dict[str, str], name: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422
    text = next(iter(params.values()))
    assert response.json()["detail"] == [
        {
            "loc": ["query", name],
            "msg": f"{text!r} has no word to search for (give letters or digits)",
            "type": "value_error",
        }
    ]


def test_articles_search_with_q_and_with_its_old_name_alike(client: TestClient) -> None:
    by_q = client.get("/api/articles", params={"q": "protesters"}).json()
    by_search = client.get("/api/articles", params={"search": "protesters"}).json()
    assert [a["id"] for a in by_q["items"]] == ["a2"]
    assert by_q == by_search
    both = client.get("/api/articles", params={"q": "trade", "search": "protesters"})
    assert both.status_code == 422
    assert both.json()["detail"][0]["loc"] == ["query", "search"]


def test_the_articles_page_and_header_search_use_q(client: TestClient) -> None:
    html = client.get("/articles", params={"q": "protesters"}).text
    assert '<input type="search" name="q" value="protesters" size="24">' in html
    assert 'name="q" placeholder="Search articles"' in html
    assert "/articles/a2" in html
    assert "/articles/a3" not in html


def test_search_is_marked_deprecated_in_the_api_document(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/api/articles"]["get"]["parameters"]}
    assert params["search"].get("deprecated") is True
    assert "deprecated" not in params["q"]
