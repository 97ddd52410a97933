"""Convert world-atlas's countries-110m.json (TopoJSON from Natural Earth 1:110m) into bot/web/data/world-110m.json.

Run once when the outlines should change:
    npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python tools/world_paths.py package/countries-110m.json bot/web/data/world-110m.json

The output is compact SVG path data per country (ISO alpha-2), projected equirectangularly onto a
1000 x 480 box (latitudes 84N..60S; Antarctica dropped), so the web page draws the map server-side with no
GIS dependency. See bot/web/data/README.md for the data's origin and licence.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pycountry

WIDTH = 1000.0
NORTH, SOUTH = 84.0, -60.0
HEIGHT = round(WIDTH * (NORTH - SOUTH) / 360.0)
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}  # features without an ISO numeric id
SKIP = {"010"}  # Antarctica: outside the box, no agreements


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON arcs are quantized and delta-encoded)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        x = y = 0
        points: list[tuple[float, float]] = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular onto the WIDTH x HEIGHT box."""
    return (lon + 180.0) / 360.0 * WIDTH, (NORTH - lat) / (NORTH - SOUTH) * HEIGHT


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make a ring continuous across the antimeridian (Russia, Fiji): longitudes may leave -180..180."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for n, (lon, lat) in enumerate(points):
        if n:
            step = lon + shift - out[-1][0]
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def subpath(points: list[tuple[float, float]]) -> str:
    """Projected points as a closed SVG subpath (consecutive duplicates dropped after rounding)."""
    kept: list[str] = []
    for lon, lat in points:
        x, y = project(lon, lat)
        cell = f"{x:.1f} {y:.1f}"
        if not kept or cell != kept[-1]:
            kept.append(cell)
    return "M" + "L".join(kept) + "Z" if len(kept) >= 3 else ""


def ring_path(ring: list[int], arcs: list[list[tuple[float, float]]]) -> str:
    """One closed ring as SVG; a negative index ~i is arc i reversed. A ring crossing the antimeridian is
    drawn twice, once shifted by 360 degrees, and the map's viewBox clips both to the visible halves."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    points = unwrap(points)
    d = subpath(points)
    if max(lon for lon, _ in points) > 180:
        d += subpath([(lon - 360, lat) for lon, lat in points])
    if min(lon for lon, _ in points) < -180:
        d += subpath([(lon + 360, lat) for lon, lat in points])
    return d


def alpha2(geometry: dict[str, Any]) -> str | None:
    """The feature's ISO alpha-2 code, from its numeric id or (for the few without) its name."""
    name = geometry.get("properties", {}).get("name", "")
    if "id" not in geometry:
        return BY_NAME.get(name)
    country = pycountry.countries.get(numeric=geometry["id"])
    return country.alpha_2 if country else None


def convert(topo: dict[str, Any]) -> dict[str, Any]:
    """{"width", "height", "countries": {alpha2: path}}; features sharing a code are joined."""
    arcs = decode_arcs(topo)
    paths: dict[str, str] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry.get("id") in SKIP:
            continue
        code = alpha2(geometry)
        if code is None:
            print(f"skipped (no ISO code): {geometry.get('properties')}", file=sys.stderr)
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        d = "".join(ring_path(ring, arcs) for polygon in polygons for ring in polygon)
        paths[code] = paths.get(code, "") + d
    return {"width": WIDTH, "height": HEIGHT, "countries": dict(sorted(paths.items()))}


def main() -> None:
    """python tools/world_paths.py IN.json OUT.json"""
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    data = convert(json.loads(source.read_text(encoding="utf-8")))
    target.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(data['countries'])} countries -> {target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
