"""Search as readers use it: queries typed into the header search box of a built site, in Chromium."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import MKDOCS_YML, post, run_build, write_site
from example_site import axe_violations, describe, serve

pytestmark = pytest.mark.browser
# A budget this small splits even these few pages into several index parts, so every test below
# searches across parts merged in the browser, as readers of a large site do.
PARTS_YML = MKDOCS_YML + "  - muutostuki-search:\n      part_memory_mb: 5\n"

REGION = """\
---
name: Etelä-Savon hyvinvointialue
short_name: Etelä-Savo
brand: Eloisa
city: Mikkeli
---

Alueen järjestöt tekevät yhteistyötä hyvinvointialueen kanssa.
"""

EVENT = """\
---
title: Järjestöjen kohtaamo
start: 2026-12-03 13:00
end: 2026-12-03 15:00
location:
  name: Kulttuurikeskus Mikaeli
  city: Mikkeli
regions: [etela-savo]
summary: Järjestöjen ja alueen yhteinen iltapäivä.
---

Tervetuloa keskustelemaan.
"""

FILES = {
    "blog/2026/alue.md": post("Yhteistyö kasvaa", "2026-03-10", regions="[etela-savo]", summary="Sopimus syntyi.",
                              body="Järjestöt ja hyvinvointialue sopivat yhteistyöstä. Eloisa kutsui koolle."),
    "blog/2026/muu.md": post("Vapaaehtoistyön kevät", "2026-02-01", regions="[kainuu]", summary="Kevät.",
                             body="Vapaaehtoiset kokoontuivat kirjastolla."),
    "blog/2026/vaara.md": post("Merkintöjen testi", "2026-01-20", summary="Testi.",
                               body="Vaarallinensana `<img src=x onerror=window.__xss=1>` ja <b>lihava</b>."),
    "docs/alueet/etela-savo.md": REGION,
    "events/2026-12-03-kohtaamo.md": EVENT,
}


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("haku"), FILES, mkdocs_yml=PARTS_YML)
    result = run_build(root)
    assert result.returncode == 0, result.output
    assert json.loads((result.site / "pagefind" / "osat.json").read_text())["osat"], "index is in parts"
    server, url = serve(result.site)
    yield url
    server.shutdown()


def search(tab, query: str) -> list[dict]:
    """Focus the box with the keyboard shortcut, type, wait for the announced result."""
    tab.keyboard.press("Control+k")
    assert tab.evaluate("document.activeElement.id") == "mt-search-input"
    tab.keyboard.type(query)
    tab.wait_for_function(
        "q => document.querySelector('#mt-search-status').textContent.includes(q)"
        " && document.querySelector('.mt-search__results').getAttribute('aria-busy') === 'false'",
        arg=query, timeout=10000)
    return results(tab)


def results(tab) -> list[dict]:
    return tab.eval_on_selector_all(".mt-search__result", """els => els.map(e => ({
        href: e.querySelector('a').getAttribute('href').split('?')[0], title: e.querySelector('a').textContent,
        meta: (e.querySelector('.mt-search__meta') || {}).textContent || '',
        marks: [...e.querySelectorAll('mark')].map(m => m.textContent)}))""")


def all_results(tab) -> list[dict]:
    """Press 'Näytä lisää tuloksia' until every result is listed."""
    while tab.is_visible(".mt-search__more"):
        before = tab.eval_on_selector_all(".mt-search__result", "els => els.length")
        tab.click(".mt-search__more")
        tab.wait_for_function("n => document.querySelectorAll('.mt-search__result').length > n"
                              " && document.querySelector('.mt-search__results').getAttribute('aria-busy') === 'false'",
                              arg=before)
        assert tab.evaluate("document.activeElement.classList.contains('mt-search__title')"), \
            "after 'more', focus moves to the first new result"
    return results(tab)


def hrefs(found: list[dict]) -> list[str]:
    return [r["href"] for r in found]


def test_inflected_finnish_finds_the_base_form(search_site, page):
    page.goto(search_site + "blogi/")
    search(page, "hyvinvointialueella")
    found = all_results(page)
    assert "/blogi/2026/alue/" in hrefs(found)
    assert "/blogi/2026/muu/" not in hrefs(found)
    hit = next(r for r in found if r["href"] == "/blogi/2026/alue/")
    assert hit["title"] == "Yhteistyö kasvaa"
    assert hit["meta"] == "Kirjoitus · 10.3.2026 · Etelä-Savo"
    assert any(m.lower().startswith("hyvinvointialue") for m in hit["marks"]), hit
    assert "tulos" in page.inner_text("#mt-search-status")


def test_event_place_and_region_brand_are_found(search_site, page):
    page.goto(search_site)
    found = search(page, "Mikaeli")
    events = [r for r in found if r["href"].startswith("/tapahtumat/")]
    assert events, f"the event's place did not find the event: {found}"
    assert events[0]["title"] == "Järjestöjen kohtaamo" and events[0]["meta"].startswith("Tapahtuma")
    page.fill("#mt-search-input", "")
    found = search(page, "Eloisa")
    assert "/alueet/etela-savo/" in hrefs(found), found
    region = next(r for r in found if r["href"] == "/alueet/etela-savo/")
    assert region["meta"].startswith("Alue")


def test_filters_by_type_and_region(search_site, page):
    page.goto(search_site)
    found = search(page, "Eloisa")
    assert {"/alueet/etela-savo/", "/blogi/2026/alue/"} <= set(hrefs(found))
    type_options = page.eval_on_selector_all("#mt-search-type option", "os => os.map(o => o.value)")
    assert {"Kirjoitus", "Tapahtuma", "Alue"} <= set(type_options)
    page.select_option("#mt-search-type", "Alue")
    page.wait_for_function("document.querySelector('.mt-search__results').getAttribute('aria-busy') === 'false'")
    assert hrefs(results(page)) == ["/alueet/etela-savo/"]
    page.select_option("#mt-search-type", "Kirjoitus")
    page.wait_for_function("document.querySelector('.mt-search__results').getAttribute('aria-busy') === 'false'")
    assert hrefs(results(page)) == ["/blogi/2026/alue/"]
    # Region filter alone (empty query) lists what belongs to the region.
    page.select_option("#mt-search-type", "")
    page.fill("#mt-search-input", "")
    page.select_option("#mt-search-region", "Kainuu")
    page.wait_for_function("document.querySelector('.mt-search__results').getAttribute('aria-busy') === 'false'")
    assert "/blogi/2026/muu/" in hrefs(results(page))
    assert "/blogi/2026/alue/" not in hrefs(results(page))


def test_keyboard_only_search(search_site, page):
    page.goto(search_site)
    found = search(page, "järjestöt")
    assert len(found) >= 2
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('mt-search__title')")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") != first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("Escape")
    assert page.is_hidden("#mt-search-panel")
    assert page.evaluate("document.activeElement.id") == "mt-search-input"
    page.keyboard.press("ArrowDown")  # reopens into the same results
    page.keyboard.press("Enter")
    page.wait_for_url(search_site.rstrip("/") + first)


def test_result_text_never_becomes_markup(search_site, page):
    page.goto(search_site)
    found = search(page, "Vaarallinensana")
    assert hrefs(found) == ["/blogi/2026/vaara/"]
    assert page.eval_on_selector_all(".mt-search__results img, .mt-search__results b", "els => els.length") == 0
    assert page.evaluate("window.__xss") is None


def test_search_panel_with_results_is_accessible(search_site, page):
    page.goto(search_site)
    search(page, "järjestöt")
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_search_works_under_a_sub_path(tmp_path, page):
    yml = PARTS_YML.replace("site_url: https://testi.example.fi/", "site_url: https://testi.example.fi/sote/")
    root = write_site(tmp_path / "src", {"blog/2026/alue.md": FILES["blog/2026/alue.md"]}, mkdocs_yml=yml)
    result = run_build(root)
    assert result.returncode == 0, result.output
    served = tmp_path / "www"
    shutil.copytree(result.site, served / "sote")
    server, url = serve(served)
    try:
        page.goto(url + "sote/blogi/")
        search(page, "hyvinvointialue")
        assert "/sote/blogi/2026/alue/" in hrefs(all_results(page))
    finally:
        server.shutdown()


def test_first_query_downloads_little(example_site, served_site, page, record_property):
    """Pagefind fetches nothing until the reader searches, then only the chunks the query needs."""
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda req: sizes.__setitem__(req.url, req.sizes()["responseBodySize"]))
    page.goto(served_site + "blogi/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in sizes if "/pagefind/" in u], "search data must not load before the reader searches"
    found = search(page, "hyvinvointialue")
    page.wait_for_load_state("networkidle")
    assert found, "the example site has posts about hyvinvointialue"
    search_bytes = {u.split("/pagefind/")[1]: n for u, n in sizes.items() if "/pagefind/" in u}
    total = sum(search_bytes.values())
    record_property("search_first_query_bytes", total)
    print(f"\nfirst query 'hyvinvointialue': {total} bytes in {len(search_bytes)} requests: {search_bytes}")
    assert total < 400_000, f"first query downloaded {total} bytes: {search_bytes}"
