"""The region map in a real Chromium: axe-core, every region reachable by keyboard, visible focus, contrast."""
import pytest

from example_site import axe_violations, browser, describe, example_site, page, served_site  # noqa: F401
from muutostuki.content.region_registry import REGION_IDS

pytestmark = pytest.mark.browser

FOCUSED_REGION = """() => { const a = document.activeElement.closest('a.mt-map__region');
  if (!a) return null;
  const path = a.querySelector('path'), p = getComputedStyle(path);
  const ring = a.ownerSVGElement.querySelector('.mt-map__focus-ring'), r = ring && getComputedStyle(ring);
  return {id: a.dataset.region, fill: p.fill, stroke: p.stroke, width: parseFloat(p.strokeWidth),
          ring_on_top: !!ring && ring === a.ownerSVGElement.lastElementChild
                       && ring.getAttribute('d') === path.getAttribute('d'),
          ring_stroke: r && r.stroke, ring_width: r && parseFloat(r.strokeWidth)}; }"""

STYLE_OF = """id => { const p = getComputedStyle(document.querySelector(
  `.mt-map__svg--main a[data-region="${id}"] path`)); return {fill: p.fill, stroke: p.stroke}; }"""


def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(v)) for v in rgb.strip("rgb() ").split(","))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("url", ["alueet/", "alueet/etela-savo/", "alueet/helsinki/", "alueet/etela-savo/blogi/"])
def test_region_pages_have_no_wcag_violations(url, served_site, page):
    page.goto(served_site + url)
    violations = axe_violations(page)
    assert not violations, f"WCAG 2.1 A/AA violations on /{url}:\n{describe(violations)}"


def test_every_region_is_reached_once_by_keyboard_with_visible_focus(served_site, page):
    page.goto(served_site + "alueet/")
    reached = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_REGION)
        if focused:
            reached.append(focused)
        elif reached and len(reached) >= len(REGION_IDS):
            break
    ids = [f["id"] for f in reached]
    assert sorted(ids) == sorted(REGION_IDS), "each of the 22 regions must be one Tab stop"
    rest = page.evaluate(STYLE_OF, "lappi")
    for f in reached:
        assert f["fill"] != rest["fill"], f"focus on {f['id']} does not change its colour"
        assert f["width"] >= 2 and contrast(f["fill"], f["stroke"]) >= 3
        # the focused outline is drawn above the neighbours, in a colour that stands out from unfocused regions
        assert f["ring_on_top"], f"no focus outline on top of {f['id']}"
        assert f["ring_width"] >= 2 and contrast(f["ring_stroke"], rest["fill"]) >= 3
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.querySelectorAll('.mt-map__focus-ring').length") <= 1


def test_region_border_and_fill_contrast(served_site, page):
    page.goto(served_site + "alueet/")
    style = page.evaluate(STYLE_OF, "keski-suomi")
    assert contrast(style["fill"], style["stroke"]) >= 3, style
    assert contrast("rgb(255, 255, 255)", style["stroke"]) >= 3, style


def test_clicking_a_region_on_the_map_opens_its_page(served_site, page):
    page.goto(served_site + "alueet/")
    page.locator('.mt-map__svg--inset a[data-region="helsinki"]').click()
    page.wait_for_url("**/alueet/helsinki/")
    assert page.locator("h1").first.inner_text() == "Helsingin kaupunki"
    page.goto(served_site + "alueet/")
    page.locator('.mt-map__svg--main a[data-region="lappi"]').click()
    page.wait_for_url("**/alueet/lappi/")
    assert page.locator("h1").first.inner_text() == "Lapin hyvinvointialue"


def test_map_names_the_links_for_assistive_technology(served_site, page):
    page.goto(served_site + "alueet/")
    snapshot = page.locator(".mt-map__figures").aria_snapshot()
    for name in ("Lapin hyvinvointialue Lapha", "Helsingin kaupunki", "Vantaan ja Keravan hyvinvointialue VAKE"):
        assert f'link "{name}"' in snapshot
    assert 'group "Hyvinvointialueet kartalla"' in snapshot and 'group "Uusimaa suurennettuna"' in snapshot
    assert snapshot.count('link "Helsingin kaupunki"') == 1  # the main map's copy is hidden
