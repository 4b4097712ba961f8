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


def tab_until(page, predicate_js: str, limit: int = 80) -> int:
    """Press Tab until the focused element satisfies the predicate; the number of presses."""
    for press in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!({predicate_js}); }})()"):
            return press
    pytest.fail(f"no focused element matched {predicate_js} in {limit} Tab presses")


def test_map_is_one_tab_stop_and_arrow_keys_reach_every_region_with_visible_focus(served_site, page):
    page.goto(served_site + "alueet/")
    tab_until(page, "el.closest('a.mt-map__region')")
    first = page.evaluate(FOCUSED_REGION)
    assert first is not None
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_REGION) is None, "Tab leaves the map after one stop (the arrow keys move inside it)"
    # Walk the map with the arrow keys from every region reached so far: all 22 must be reachable
    seen = {first["id"]: first}
    todo = [first["id"]]
    while todo:
        rid = todo.pop()
        for key in ("ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"):
            page.evaluate("id => document.querySelector(`.mt-map__svg a.mt-map__region[data-region='${id}']"
                          ":not([aria-hidden])`).focus()", rid)
            page.keyboard.press(key)
            focused = page.evaluate(FOCUSED_REGION)
            assert focused is not None, f"{key} on {rid} left the map"
            if focused["id"] not in seen:
                seen[focused["id"]] = focused
                todo.append(focused["id"])
    assert sorted(seen) == sorted(REGION_IDS), f"arrow keys do not reach {sorted(set(REGION_IDS) - set(seen))}"
    rest = page.evaluate(STYLE_OF, "lappi")
    for f in seen.values():
        assert f["fill"] != rest["fill"], f"focus on {f['id']} does not change its colour"
        assert f["width"] >= 2 and contrast(f["fill"], f["stroke"]) >= 3
        # the focused outline is drawn above the neighbours, in a colour that stands out from unfocused regions
        assert f["ring_on_top"], f"no focus outline on top of {f['id']}"
        assert f["ring_width"] >= 2 and contrast(f["ring_stroke"], rest["fill"]) >= 3
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.querySelectorAll('.mt-map__focus-ring').length") <= 1
    unnamed = page.evaluate("""[...document.querySelectorAll('.mt-map a, .mt-map [tabindex]')]
        .filter(el => el.getAttribute('tabindex') !== '-1' && el.getAttribute('aria-hidden') !== 'true'
                      && !(el.getAttribute('aria-label') || el.textContent.trim()))
        .map(el => el.outerHTML.slice(0, 80))""")
    assert not unnamed, f"focusable map parts without a name: {unnamed}"


def test_skip_the_map_link_jumps_to_the_region_list(served_site, page):
    page.goto(served_site + "alueet/")
    tab_until(page, "el.classList.contains('mt-map__skip')")
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect();"
                        " return [r.left, r.top, r.width, r.height]; })()")
    assert box[2] > 20 and box[3] > 10 and box[0] >= 0, f"the focused skip link must be visible: {box}"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('.mt-region-list')")
    assert inside, "after 'Ohita kartta' the next Tab stop is in the region list, past the map"


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
