"""An accessible inline SVG map of the 22 regions, drawn at build time from Statistics Finland's boundaries.

Pure Python (no MkDocs), so the map can be tested and measured on its own. The boundary data is in
EPSG:3067 metres (x east, y north); SVG's y grows downwards, so y is flipped. Coordinates are rounded
to whole SVG units and simplified per shared border ("arc"): both neighbours get exactly the same
simplified border, so no gaps or overlaps appear between regions. Uusimaa's five small areas are
also drawn enlarged in an inset, where they are the keyboard-reachable links.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Iterable

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REGIONS_FILE = DATA_DIR / "hyvinvointialueet.geojson"
CONTEXT_FILE = DATA_DIR / "ahvenanmaa-context.geojson"
INSET_IDS = ("lansi-uusimaa", "keski-uusimaa", "ita-uusimaa", "vantaa-kerava", "helsinki")

ATTRIBUTION = ("Lähde: Tilastokeskus, hyvinvointialueet 2023 (1:4 500 000), CC BY 4.0. "
               "Aineistoa muokattu (koordinaatit pyöristetty, ominaisuustietoja lisätty, Ahvenanmaa erotettu).")
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

Point = tuple[int, int]
Ring = list[Point]


@dataclass(frozen=True)
class Shape:
    """One area of the boundary file, in metres: polygons, each an outer ring then its holes."""

    id: str
    name: str
    short_name: str
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]


@dataclass(frozen=True)
class View:
    """How one SVG (the whole country or the inset) maps metres to SVG units."""

    min_x: float
    max_y: float
    scale: float       # SVG units per metre
    width: int
    height: int
    pad: int
    tolerance: float   # Douglas-Peucker tolerance, in SVG units
    min_area: float    # islands smaller than this (SVG units squared) are left out

    def project(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.min_x) * self.scale + self.pad, (self.max_y - y) * self.scale + self.pad


@dataclass(frozen=True)
class DrawnShape:
    """A region ready for SVG: its path data and a point inside it for the label."""

    id: str
    d: str
    label_at: tuple[int, int]
    points: int


@dataclass(frozen=True)
class MapLink:
    """What one region links to and how it is named, from the site's data."""

    href: str
    name: str          # accessible name: official name (and brand)
    label: str         # short label drawn on the map
    title: str = ""    # tooltip; the name when empty


# -- data ------------------------------------------------------------------------------------

def _polygons(geometry: dict) -> tuple:
    coords = geometry["coordinates"]
    polys = [coords] if geometry["type"] == "Polygon" else coords
    return tuple(tuple(tuple((float(x), float(y)) for x, y in ring) for ring in poly) for poly in polys)


def load_shapes(path: Path = REGIONS_FILE) -> list[Shape]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [Shape(id=f["properties"]["id"], name=f["properties"]["name_fi"],
                  short_name=f["properties"]["short_name_fi"], polygons=_polygons(f["geometry"]))
            for f in data["features"]]


def _bbox(shapes: Iterable[Shape]) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for shape in shapes:
        for poly in shape.polygons:
            for x, y in poly[0]:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def fit_view(shapes: list[Shape], width: int, pad: int, tolerance: float, min_area: float) -> View:
    """A view `width` SVG units wide that holds all of `shapes`, north up."""
    min_x, min_y, max_x, max_y = _bbox(shapes)
    scale = (width - 2 * pad) / (max_x - min_x)
    height = round((max_y - min_y) * scale) + 2 * pad
    return View(min_x, max_y, scale, width, height, pad, tolerance, min_area)


# -- geometry ------------------------------------------------------------------------------

def _round_ring(ring: Iterable[tuple[float, float]], view: View) -> Ring:
    out: Ring = []
    for x, y in ring:
        sx, sy = view.project(x, y)
        p = (round(sx), round(sy))
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _area(ring: Ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def _seg_dist2(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Keep the end points and every point farther than `tolerance` from the simplified line."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    tol2 = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        best, best_i = -1.0, -1
        for i in range(first + 1, last):
            d = _seg_dist2(points[i], points[first], points[last])
            if d > best:
                best, best_i = d, i
        if best > tol2:
            keep[best_i] = True
            stack += [(first, best_i), (best_i, last)]
    return [p for p, k in zip(points, keep) if k]


def _simplify_arc(arc: list[Point], tolerance: float) -> list[Point]:
    """The same arc gives the same result whichever neighbour walks it, in whichever direction."""
    backwards = arc[::-1]
    if backwards < arc:
        return douglas_peucker(backwards, tolerance)[::-1]
    return douglas_peucker(arc, tolerance)


def simplify_rings(rings: dict[tuple[str, int, int], Ring], tolerance: float) -> dict[tuple[str, int, int], Ring]:
    """Topology-preserving simplification of all rings of one view.

    A vertex is fixed where the set of regions using it changes (a junction of borders, or where
    a land border meets the coast); the stretches between fixed vertices are simplified as arcs.
    """
    owners: dict[Point, set[str]] = {}
    for (region_id, _, _), ring in rings.items():
        for p in ring:
            owners.setdefault(p, set()).add(region_id)
    result = {}
    for key, ring in rings.items():
        n = len(ring)
        fixed = [i for i in range(n)
                 if len(owners[ring[i]]) > 2 or owners[ring[i]] != owners[ring[i - 1]]
                 or owners[ring[i]] != owners[ring[(i + 1) % n]]]
        if not fixed:
            start = ring.index(min(ring))
            loop = ring[start:] + ring[:start] + [ring[start]]
            result[key] = _simplify_arc(loop, tolerance)[:-1]
            continue
        out: Ring = []
        for j, i in enumerate(fixed):
            nxt = fixed[(j + 1) % len(fixed)]
            arc = ring[i:nxt + 1] if nxt > i else ring[i:] + ring[:nxt + 1]
            out += _simplify_arc(arc, tolerance)[:-1]
        result[key] = out
    return result


def _label_point(ring: Ring) -> tuple[int, int]:
    """A point inside the ring: the middle of the widest span on the horizontal through its centroid."""
    area2 = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area2 += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area2 == 0:
        return ring[0]
    y = cy / (3 * area2) + 0.01
    xs = sorted(x0 + (y - y0) * (x1 - x0) / (y1 - y0)
                for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]) if (y0 <= y) != (y1 <= y))
    spans = [(xs[i + 1] - xs[i], xs[i]) for i in range(0, len(xs) - 1, 2)]
    if not spans:
        return round(cx / (3 * area2)), round(y)
    width, left = max(spans)
    return round(left + width / 2), round(y)


def path_data(rings: list[Ring]) -> str:
    """Compact SVG path data: absolute move, then relative line segments."""
    parts = []
    for ring in rings:
        x0, y0 = ring[0]
        out = [f"M{x0} {y0}l"]
        px, py = x0, y0
        first = True
        for x, y in ring[1:]:
            dx, dy = x - px, y - py
            out.append(("" if first else ("" if dx < 0 else " ")) + f"{dx}" + ("" if dy < 0 else " ") + f"{dy}")
            first = False
            px, py = x, y
        out.append("z")
        parts.append("".join(out))
    return "".join(parts)


def projected_rings(shapes: list[Shape], view: View) -> dict[tuple[str, int, int], Ring]:
    """Every ring in whole SVG units, keyed by (region id, polygon index, ring index; 0 = outer)."""
    rings = {}
    for shape in shapes:
        for pi, poly in enumerate(shape.polygons):
            for ri, ring in enumerate(poly):
                rounded = _round_ring(ring, view)
                if len(rounded) >= 3:
                    rings[(shape.id, pi, ri)] = rounded
    return rings


def draw(shapes: list[Shape], view: View) -> list[DrawnShape]:
    """Project, round, simplify and drop tiny islands: the path of each shape in `view`."""
    simple = simplify_rings(projected_rings(shapes, view), view.tolerance)
    drawn = []
    for shape in shapes:
        polys: dict[int, list[tuple[int, Ring]]] = {}
        for (sid, pi, ri), ring in simple.items():
            if sid == shape.id and len(ring) >= 3:
                polys.setdefault(pi, []).append((ri, ring))
        outers = {pi: dict(rs)[0] for pi, rs in polys.items() if 0 in dict(rs)}
        if not outers:
            continue
        largest = max(outers, key=lambda pi: _area(outers[pi]))
        kept: list[Ring] = []
        for pi in sorted(polys):
            if pi == largest or (pi in outers and _area(outers[pi]) >= view.min_area):
                kept += [ring for _, ring in sorted(polys[pi])]
        drawn.append(DrawnShape(shape.id, path_data(kept), _label_point(outers[largest]),
                                sum(len(r) for r in kept)))
    return drawn


def neighbours(shapes: list[Shape]) -> dict[str, list[str]]:
    """Regions that share a border (at least one common edge) in the source data, by id."""
    edge_owner: dict[tuple, set[str]] = {}
    for shape in shapes:
        for poly in shape.polygons:
            for ring in poly:
                for a, b in zip(ring, ring[1:] + ring[:1]):
                    if a != b:
                        edge_owner.setdefault((min(a, b), max(a, b)), set()).add(shape.id)
    result: dict[str, set[str]] = {s.id: set() for s in shapes}
    for ids in edge_owner.values():
        for rid in ids:
            result[rid] |= ids - {rid}
    return {rid: sorted(ids) for rid, ids in result.items()}


# -- the two SVGs ------------------------------------------------------------------------------

MAIN_WIDTH = 460
INSET_WIDTH = 460


@dataclass(frozen=True)
class Geometry:
    """Everything about the map that does not depend on the site's content; computed once."""

    main: View
    main_shapes: tuple[DrawnShape, ...]
    context: tuple[DrawnShape, ...]
    inset: View
    inset_shapes: tuple[DrawnShape, ...]
    inset_frame: tuple[int, int, int, int]   # where the inset's area is on the main map
    neighbours: dict[str, list[str]]
    raw_vertices: int


@lru_cache(maxsize=4)
def geometry(regions_file: Path = REGIONS_FILE, context_file: Path | None = CONTEXT_FILE) -> Geometry:
    shapes = load_shapes(regions_file)
    context_shapes = load_shapes(context_file) if context_file and Path(context_file).exists() else []
    main = fit_view(shapes, MAIN_WIDTH, pad=6, tolerance=1.0, min_area=10.0)
    inset_src = [s for s in shapes if s.id in INSET_IDS]
    inset = fit_view(inset_src, INSET_WIDTH, pad=8, tolerance=0.9, min_area=8.0)
    ix0, iy1, ix1, iy0 = _bbox(inset_src)
    (fx0, fy0), (fx1, fy1) = main.project(ix0, iy0), main.project(ix1, iy1)
    frame = (round(fx0) - 2, round(fy0) - 2, round(fx1 - fx0) + 4, round(fy1 - fy0) + 4)
    raw = sum(len(r) - 1 for s in shapes for p in s.polygons for r in p)
    return Geometry(main=main, main_shapes=tuple(draw(shapes, main)),
                    context=tuple(draw(context_shapes, main)) if context_shapes else (),
                    inset=inset, inset_shapes=tuple(draw(inset_src, inset)), inset_frame=frame,
                    neighbours=neighbours(shapes), raw_vertices=raw)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _region_link(shape: DrawnShape, link: MapLink, hidden: bool) -> str:
    title = link.title or link.name
    extra = ' tabindex="-1" aria-hidden="true"' if hidden else f' aria-label="{_attr(link.name)}"'
    return (f'<a href="{_attr(link.href)}" class="mt-map__region" data-region="{shape.id}"{extra}>'
            f'<title>{escape(title)}</title><path d="{shape.d}"/></a>')


# Labels moved by hand (SVG units) where two small neighbours' labels would overlap.
INSET_LABEL_OFFSETS = {"helsinki": (4, 30), "vantaa-kerava": (0, -4)}


def _labels(shapes: Iterable[DrawnShape], links: dict[str, MapLink], skip: tuple[str, ...] = (),
            offsets: dict[str, tuple[int, int]] | None = None) -> str:
    out = []
    for shape in shapes:
        if shape.id in skip or shape.id not in links:
            continue
        dx, dy = (offsets or {}).get(shape.id, (0, 0))
        x, y = shape.label_at[0] + dx, shape.label_at[1] + dy
        out.append(f'<text x="{x}" y="{y}">{escape(links[shape.id].label)}</text>')
    return "".join(out)


def render_main(links: dict[str, MapLink], labelledby: str, geo: Geometry | None = None) -> str:
    """The whole country. Uusimaa's five areas are clickable here but reached by keyboard in the inset."""
    geo = geo or geometry()
    v = geo.main
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="mt-map__svg mt-map__svg--main" '
             f'viewBox="0 0 {v.width} {v.height}" role="group" aria-labelledby="{_attr(labelledby)}">']
    if geo.context:
        parts.append('<g class="mt-map__context" aria-hidden="true">'
                     + "".join(f'<path d="{s.d}"/>' for s in geo.context) + "</g>")
    parts.append('<g class="mt-map__regions">')
    for shape in geo.main_shapes:
        if shape.id in links:
            parts.append(_region_link(shape, links[shape.id], hidden=shape.id in INSET_IDS))
    parts.append("</g>")
    x, y, w, h = geo.inset_frame
    parts.append(f'<rect class="mt-map__inset-mark" x="{x}" y="{y}" width="{w}" height="{h}" aria-hidden="true"/>')
    parts.append('<g class="mt-map__labels" aria-hidden="true">' + _labels(geo.main_shapes, links, INSET_IDS)
                 + "</g>")
    parts.append("</svg>")
    return "".join(parts)


def render_inset(links: dict[str, MapLink], labelledby: str, geo: Geometry | None = None) -> str:
    """Uusimaa's five areas enlarged: the keyboard-reachable links for them."""
    geo = geo or geometry()
    v = geo.inset
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="mt-map__svg mt-map__svg--inset" '
             f'viewBox="0 0 {v.width} {v.height}" role="group" aria-labelledby="{_attr(labelledby)}">',
             '<g class="mt-map__regions">']
    by_id = {s.id: s for s in geo.inset_shapes}
    for rid in INSET_IDS:
        if rid in by_id and rid in links:
            parts.append(_region_link(by_id[rid], links[rid], hidden=False))
    parts.append("</g>")
    parts.append('<g class="mt-map__labels" aria-hidden="true">' + _labels(geo.inset_shapes, links, offsets=INSET_LABEL_OFFSETS) + "</g>")
    parts.append("</svg>")
    return "".join(parts)
