"""A point for places the gazetteer gives none: countries and states (GDELT's centroid columns).

The gazetteer keeps no point for a country or a US state, because a point would mislead a map
of where things happened. GDELT's country and state rows do carry one, its "centroid":

- a country's is the area centroid of its largest polygon in the Natural Earth 110m shapes the
  map already ships (``web/static/world-110m.geojson``), so overseas territories and islands
  do not pull it out to sea (France stays in France, the United States in Kansas); countries
  too small for those shapes (Singapore, Bahrain ...) have none;
- a state's (admin1) is the population-weighted centre of the gazetteer's cities in it (no
  state shapes are shipped): close to the geographic centre for most states, nearer the cities
  for thinly settled ones (Alaska's lies near Anchorage).
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from eventwire import diskcache
from eventwire.whenwhere import gazetteer

SHAPES = "web/static/world-110m.geojson"
Point = tuple[float, float]  # (lat, lon)


def country_centroid(iso3: str) -> Point | None:
    """The (lat, lon) centroid of a country by ISO alpha-3 code, or None when not shipped."""
    return _country_centroids().get(iso3.upper())


def admin1_centroid(iso3: str, admin1: str) -> Point | None:
    """The (lat, lon) centre of a first-level division (``USA``, ``TX``), or None."""
    return _admin1_centroids().get((iso3.upper(), admin1.upper()))


@lru_cache(maxsize=1)
def _country_centroids() -> dict[str, Point]:
    """The centroids by ISO3, from the disk cache when the shapes file has not changed."""
    raw = resources.files("eventwire").joinpath(SHAPES).read_bytes()
    return diskcache.cached("centroids", diskcache.key_of(raw), lambda: _centroids_of(raw))


def _centroids_of(raw: bytes) -> dict[str, Point]:
    centroids = {}
    for feature in json.loads(raw)["features"]:
        code = feature["properties"].get("iso3")
        if code:
            centroids[code] = _largest_ring_centroid(feature["geometry"])
    return centroids


def _largest_ring_centroid(geometry: dict[str, Any]) -> Point:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    # Each polygon's outer ring; holes (lakes, enclaves) are small enough to ignore at 110m.
    _area, lon, lat = max((_ring_centroid(polygon[0]) for polygon in polygons), key=lambda c: c[0])
    return round(lat, 4), round(lon, 4)


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(|area|, lon, lat) of a closed ring by the shoelace formula, in degrees (planar: the
    distortion is small for one country's outline and GDELT's own points are no finer)."""
    twice_area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(ring):
        cross = x0 * y1 - x1 * y0
        twice_area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if twice_area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(twice_area) / 2, cx / (3 * twice_area), cy / (3 * twice_area)


@lru_cache(maxsize=1)
def _admin1_centroids() -> dict[tuple[str, str], Point]:
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for place in gazetteer.places_of("city"):
        if place.admin1 and place.lat is not None and place.lon is not None:
            weight = max(place.population, 1)
            total = sums[(place.country, place.admin1.upper())]
            total[0] += weight
            total[1] += place.lat * weight
            total[2] += place.lon * weight
    return {k: (round(la / w, 4), round(lo / w, 4)) for k, (w, la, lo) in sums.items()}
