"""The search results page /haku/ as readers use it, in Chromium: Enter in the header opens it, the query and
filters live in the address, Back keeps them, the searched word is marked on the page opened, a misspelt word
gets a suggestion, excerpts never glue words, and every public page (hand-written ones too) is found."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import run_build, write_site
from example_site import axe_violations, describe, serve
from test_browser_search import FILES, PARTS_YML

pytestmark = pytest.mark.browser

PAGE_FILES = {
    **FILES,
    "docs/tietoa.md": "# Tietoa\n\nVerkoston koordinaattori Ansaharju vastaa kysymyksiin.\n",
    "events/2026-12-10-paiva.md": """\
---
title: Alueen tapaaminen
start: 2026-12-10 10:00
regions: [etela-savo]
summary: Kohtaamispäivä kaikille alueen järjestöille.
---

Tervetuloa mukaan.
""",
    "events/2026-01-05-mennyt.md": """\
---
title: Vanha tapaaminen
start: 2026-01-05 10:00
summary: Hyvinvointialueen järjestöt tapasivat.
---

Tapaaminen pidettiin.
""",
}


@pytest.fixture(scope="module")
def page_site(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("hakusivu"), PAGE_FILES, mkdocs_yml=PARTS_YML)
    result = run_build(root)
    assert result.returncode == 0, result.output
    server, url = serve(result.site)
    yield url
    server.shutdown()


def wait_results(tab) -> None:
    tab.wait_for_function(
        "() => { const s = document.querySelector('#mt-haku-status').textContent;"
        " return /tulos|Ei tuloksia/.test(s) &&"
        " document.querySelector('.mt-searchpage__results').getAttribute('aria-busy') === 'false'; }",
        timeout=10000)


def listed(tab) -> list[dict]:
    return tab.eval_on_selector_all(".mt-searchpage__results .mt-search__result", """els => els.map(e => ({
        href: e.querySelector('a').getAttribute('href'), title: e.querySelector('a').textContent,
        meta: (e.querySelector('.mt-search__meta') || {}).textContent || '',
        excerpt: e.querySelector('.mt-search__excerpt').textContent}))""")


def path_of(href: str) -> str:
    return urlsplit(href).path


def test_enter_opens_the_results_page_and_back_keeps_the_query(page_site, page):
    page.goto(page_site + "blogi/")
    page.keyboard.press("Control+k")
    page.keyboard.type("kutsui")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/haku/\?q=kutsui$"))
    wait_results(page)
    assert page.input_value("#mt-haku-q") == "kutsui"
    assert "/blogi/2026/alue/" in [path_of(r["href"]) for r in listed(page)]
    assert page.title().startswith("Haku: kutsui")
    # open a result: the searched word is marked on the landing page, then Back
    page.click(".mt-searchpage__results a[href*='/blogi/2026/alue/']")
    page.wait_for_url(re.compile(r"/blogi/2026/alue/\?korosta="))
    page.wait_for_selector("mark.mt-korostus")
    marked = page.eval_on_selector_all("mark.mt-korostus", "ms => ms.map(m => m.textContent.toLowerCase())")
    assert "kutsui" in marked, marked
    assert page.evaluate("getComputedStyle(document.querySelector('mark.mt-korostus')).backgroundColor") \
        == "rgb(255, 240, 168)"
    page.go_back()
    page.wait_for_url(re.compile(r"/haku/\?q=kutsui$"))
    wait_results(page)
    assert page.input_value("#mt-haku-q") == "kutsui"
    assert "/blogi/2026/alue/" in [path_of(r["href"]) for r in listed(page)]


def test_a_new_query_is_a_new_history_entry(page_site, page):
    page.goto(page_site + "haku/?q=Eloisa")
    wait_results(page)
    page.fill("#mt-haku-q", "Mikaeli")
    page.press("#mt-haku-q", "Enter")
    page.wait_for_url(re.compile(r"\?q=Mikaeli$"))
    wait_results(page)
    assert listed(page)[0]["title"] == "Järjestöjen kohtaamo"
    page.go_back()
    page.wait_for_url(re.compile(r"\?q=Eloisa$"))
    wait_results(page)
    assert page.input_value("#mt-haku-q") == "Eloisa"


def test_filters_are_in_the_address_and_survive_a_reload(page_site, page):
    page.goto(page_site + "haku/?q=järjestöt")
    wait_results(page)
    assert len(listed(page)) >= 3
    page.select_option("#mt-haku-tyyppi", "tapahtuma")
    wait_results(page)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": ["järjestöt"], "tyyppi": ["tapahtuma"]}
    page.reload()
    wait_results(page)
    assert page.input_value("#mt-haku-tyyppi") == "tapahtuma"
    found = listed(page)
    assert found and all(r["meta"].startswith("Tapahtuma") for r in found), found
    # a region chosen in the address, by id; the header sends the name, which works too
    page.goto(page_site + "haku/?q=j%C3%A4rjest%C3%B6t&alue=Etel%C3%A4-Savo")
    wait_results(page)
    assert page.input_value("#mt-haku-alue") == "etela-savo"
    assert all("Etelä-Savo" in r["meta"] for r in listed(page))


def test_results_show_type_date_region_and_past_events(page_site, page):
    page.goto(page_site + "haku/?q=tapaaminen")
    wait_results(page)
    found = {path_of(r["href"]): r for r in listed(page)}
    old = found["/tapahtumat/2026-01-05-mennyt/"]
    assert old["meta"].startswith("Tapahtuma · 5.1.2026") and old["meta"].endswith("Mennyt tapahtuma"), old
    upcoming = found["/tapahtumat/2026-12-10-paiva/"]
    assert "Etelä-Savo" in upcoming["meta"] and "Mennyt" not in upcoming["meta"], upcoming


def test_a_misspelt_word_suggests_the_word_the_site_has(page_site, page):
    page.goto(page_site + "haku/?q=hyvinvontialue")
    wait_results(page)
    page.wait_for_selector("[data-mt-suggest]:not([hidden])")
    assert page.inner_text("[data-mt-suggest]") == "Tarkoititko hyvinvointialue?"
    page.click("[data-mt-suggest] a")
    page.wait_for_url(re.compile(r"\?q=hyvinvointialue$"))
    wait_results(page)
    assert listed(page)
    assert page.is_hidden("[data-mt-suggest]"), "a word the site has needs no suggestion"
    # another inflection of a word the site has is not "corrected"
    page.goto(page_site + "haku/?q=hyvinvointialueilla")
    wait_results(page)
    assert page.is_hidden("[data-mt-suggest]")


def test_a_hand_written_page_and_an_event_summary_are_found(page_site, page):
    page.goto(page_site + "haku/?q=Ansaharju")
    wait_results(page)
    found = listed(page)
    assert [path_of(r["href"]) for r in found] == ["/tietoa/"], found
    assert found[0]["meta"] == "Sivu"
    page.goto(page_site + "haku/?q=Kohtaamispäivä")
    wait_results(page)
    assert [path_of(r["href"]) for r in listed(page)] == ["/tapahtumat/2026-12-10-paiva/"]


def test_results_page_is_accessible(page_site, page):
    page.goto(page_site + "haku/?q=järjestöt")
    wait_results(page)
    violations = axe_violations(page)
    assert not violations, describe(violations)


WORD = re.compile(r"[\wÅÄÖåäö]+(?:[-–][\wÅÄÖåäö]+)*")


@pytest.mark.parametrize("query", ["Vaasa", "Pirkanmaa", "Järjestöyhteistyö", "neuvottelukunta", "webinaari"])
def test_excerpts_never_join_two_words(example_site, served_site, page, query):
    """Every word of every excerpt is a word the reader sees on the result's own page."""
    page.goto(served_site + "haku/?q=" + query)
    wait_results(page)
    found = listed(page)
    assert found, query
    for result in found[:6]:
        page.goto(served_site.rstrip("/") + path_of(result["href"]))
        text = page.evaluate("document.body.innerText + ' ' + [...document.querySelectorAll('.mt-search-summary')]"
                             ".map(p => p.textContent).join(' ')")
        seen = {w.lower() for w in WORD.findall(text)}
        glued = [w for w in WORD.findall(result["excerpt"]) if w.lower() not in seen]
        assert not glued, f"{result['href']}: excerpt words not on the page: {glued}\n{result['excerpt']}"
