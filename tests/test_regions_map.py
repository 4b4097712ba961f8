"""The region map (pages/regionmap.py): real boundary data in, well-formed accessible SVG out."""
import gzip
import re
import xml.etree.ElementTree as ET

import pytest

from muutostuki.pages import regionmap as rm
from muutostuki.content.region_registry import REGION_IDS, REGIONS

SVG = "{http://www.w3.org/2000/svg}"
NAMES = {rid: fi for rid, _, fi, _, _ in REGIONS}


def links(**overrides):
    result = {rid: rm.MapLink(href=f"/alueet/{rid}/", name=NAMES[rid], label=short)
              for rid, _, _, _, short in REGIONS}
    result.update(overrides)
    return result


def region_anchors(svg_text):
    root = ET.fromstring(svg_text)
    return root, root.findall(f".//{SVG}a")


def decode_path(d):
    """Absolute rings back from our compact 'M x y l dx dy ... z' path data."""
    rings = []
    for sub in re.findall(r"M[^Mz]*z", d):
        nums = [int(n) for n in re.findall(r"-?\d+", sub)]
        x, y = nums[0], nums[1]
        ring = [(x, y)]
        for dx, dy in zip(nums[2::2], nums[3::2]):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def test_data_file_has_the_22_regions_of_the_registry():
    shapes = rm.load_shapes()
    assert sorted(s.id for s in shapes) == sorted(REGION_IDS)
    assert {s.id: s.name for s in shapes} == NAMES


def test_every_region_is_one_keyboard_link_with_its_name_and_href():
    main_root, main_links = region_anchors(rm.render_main(links(), "otsikko"))
    inset_root, inset_links = region_anchors(rm.render_inset(links(), "suurennos"))
    assert main_root.get("role") == "group" and main_root.get("aria-labelledby") == "otsikko"
    assert inset_root.get("role") == "group" and inset_root.get("aria-labelledby") == "suurennos"
    reachable = [a for a in main_links + inset_links if a.get("aria-hidden") != "true"]
    assert sorted(a.get("data-region") for a in reachable) == sorted(REGION_IDS)
    for a in reachable:
        rid = a.get("data-region")
        assert a.get("href") == f"/alueet/{rid}/"
        assert a.get("aria-label") == NAMES[rid]
        assert a.find(f"{SVG}title").text == NAMES[rid]
        assert a.get("tabindex") is None
        assert a.find(f"{SVG}path").get("d").startswith("M")
    # Uusimaa's five are clickable on the main map but reached by keyboard only in the inset
    hidden = [a for a in main_links if a.get("aria-hidden") == "true"]
    assert sorted(a.get("data-region") for a in hidden) == sorted(rm.INSET_IDS)
    assert all(a.get("tabindex") == "-1" for a in hidden)
    assert sorted(a.get("data-region") for a in inset_links) == sorted(rm.INSET_IDS)


def test_names_are_escaped_and_survive_xml_parsing():
    tricky = 'Alue <script>&"x"'
    _, anchors = region_anchors(rm.render_main(links(lappi=rm.MapLink("/alueet/lappi/?a=1&b=2", tricky, "L<")), "t"))
    lappi = next(a for a in anchors if a.get("data-region") == "lappi")
    assert lappi.get("aria-label") == tricky and lappi.get("href") == "/alueet/lappi/?a=1&b=2"


def test_map_is_small_compared_with_the_source():
    main = rm.render_main(links(), "t").encode()
    inset = rm.render_inset(links(), "u").encode()
    source = rm.REGIONS_FILE.stat().st_size
    assert len(main) + len(inset) < source / 3
    assert len(gzip.compress(main + inset)) < 12_000
    geo = rm.geometry()
    drawn = sum(s.points for s in geo.main_shapes)
    assert drawn < geo.raw_vertices  # simplified, not just copied


def test_north_is_up_and_east_is_right():
    label = {s.id: s.label_at for s in rm.geometry().main_shapes}
    assert label["lappi"][1] < label["pohjois-savo"][1] < label["kymenlaakso"][1]
    assert label["pohjanmaa"][0] < label["keski-suomi"][0] < label["pohjois-karjala"][0]
    for s in rm.geometry().main_shapes:
        x, y = s.label_at
        assert 0 <= x <= rm.geometry().main.width and 0 <= y <= rm.geometry().main.height


def test_path_data_round_trips():
    ring = [(0, 0), (10, 0), (10, 10), (-3, 7)]
    d = rm.path_data([ring, [(20, 20), (25, 20), (25, 26)]])
    assert d == "M0 0l10 0 0 10-13-3zM20 20l5 0 0 6z"
    assert decode_path(d) == [ring, [(20, 20), (25, 20), (25, 26)]]


def test_simplification_does_not_depend_on_direction():
    arc = [(0, 0), (3, 1), (5, 0), (7, 2), (9, 0), (12, 4), (15, 0)]
    forward = rm._simplify_arc(arc, 1.5)
    backward = rm._simplify_arc(arc[::-1], 1.5)
    assert forward == backward[::-1]
    assert forward[0] == arc[0] and forward[-1] == arc[-1] and len(forward) < len(arc)


@pytest.mark.parametrize("view_name", ["main", "inset"])
def test_shared_borders_are_identical_on_both_sides(view_name):
    """No gaps or overlaps: a border is drawn with the same vertices by both neighbours."""
    geo = rm.geometry()
    shapes = rm.load_shapes()
    if view_name == "inset":
        shapes = [s for s in shapes if s.id in rm.INSET_IDS]
    view = getattr(geo, view_name)
    simple = rm.simplify_rings(rm.projected_rings(shapes, view), view.tolerance)
    edges = {}
    for (rid, _, _), ring in simple.items():
        for a, b in zip(ring, ring[1:] + ring[:1]):
            edges.setdefault(frozenset((a, b)), set()).add(rid)
    points = {}
    for (rid, _, _), ring in simple.items():
        for p in ring:
            points.setdefault(p, set()).add(rid)
    shared_pairs = set()
    for key, owners in edges.items():
        assert len(owners) <= 2, (key, owners)
        if len(owners) == 2:
            shared_pairs.add(frozenset(owners))
    # every edge whose two end points both lie on a neighbour's outline is that neighbour's edge too
    for key, owners in edges.items():
        a, b = tuple(key)
        both = (points[a] & points[b]) - owners
        assert not both, (key, owners, both)
    expected = {frozenset((rid, n)) for rid, ns in geo.neighbours.items() for n in ns
                if rid in {s.id for s in shapes} and n in {s.id for s in shapes}}
    assert shared_pairs == expected


def test_neighbours_from_the_boundaries():
    n = rm.geometry().neighbours
    assert n["lappi"] == ["pohjois-pohjanmaa"]
    assert "vantaa-kerava" in n["helsinki"] and "ita-uusimaa" in n["helsinki"]
    assert all(rid in n[other] for rid, others in n.items() for other in others)
    assert all(len(v) > 0 for v in n.values())


def test_context_outline_is_not_a_link():
    root = ET.fromstring(rm.render_main(links(), "t"))
    context = root.find(f"{SVG}g[@class='mt-map__context']")
    assert context is not None and context.get("aria-hidden") == "true"
    assert context.find(f".//{SVG}a") is None and context.find(f"{SVG}path") is not None
