"""Following, as readers see it in Chromium: a feed opened in the browser is a readable Finnish page, copy and
share buttons work without any third party, the calendar list reads on a phone, the new pages pass axe."""
from __future__ import annotations

import pytest

from example_site import axe_violations, describe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", ["feed.xml", "atom.xml", "blogi/kirjoittajat/henna-hovi/feed.xml"])
def test_a_feed_opened_in_the_browser_is_a_finnish_page(served_site, page, url):
    page.goto(served_site + url)
    heading = page.inner_text("h1")
    assert heading.startswith("Syöte: Järjestöjen sote-muutostuki"), heading
    assert page.evaluate("document.documentElement.lang") == "fi"
    assert page.is_visible("text=Tämä on")
    assert page.inner_text("main code").startswith("https://muutostuki.example.fi/")
    items = page.eval_on_selector_all("main ol > li h3 a", "as => as.map(a => a.href)")
    assert items and all(href.startswith("https://muutostuki.example.fi/blogi/") for href in items)
    assert page.inner_text("main ol > li .date").split(" ")[0].count(".") == 2  # 9.12.2026


def test_copy_button_puts_the_address_on_the_clipboard(browser, served_site):
    context = browser.new_context(locale="fi-FI", viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site.rstrip("/"))
    tab = context.new_page()
    try:
        tab.goto(served_site + "seuraa/")
        button = tab.locator("[data-mt-copy='https://muutostuki.example.fi/atom.xml']")
        button.click()
        assert tab.evaluate("navigator.clipboard.readText()") == "https://muutostuki.example.fi/atom.xml"
        assert button.inner_text().startswith("Kopioitu")
        tab.wait_for_function("document.querySelector('[role=status].md-visually-hidden').textContent"
                              ".includes('kopioitu')")
    finally:
        context.close()


def test_share_uses_the_phones_own_menu_and_copies_elsewhere(browser, served_site, example_site):
    post = next(u for u in example_site.pages() if u.startswith("blogi/20") and u.count("/") == 3)
    context = browser.new_context(locale="fi-FI", viewport={"width": 390, "height": 844})
    requests: list[str] = []
    tab = context.new_page()
    tab.on("request", lambda r: requests.append(r.url))
    try:
        tab.goto(served_site + post)
        assert tab.is_hidden("[data-mt-share-native]"), "no Web Share API in this browser: no share button"
        assert tab.is_visible(".mt-share [data-mt-copy]")
        tab.add_init_script("navigator.share = d => { window.__shared = d; return Promise.resolve(); };"
                            "navigator.canShare = () => true;")
        tab.reload()
        tab.click("[data-mt-share-native]")
        shared = tab.evaluate("window.__shared")
        assert shared["url"] == "https://muutostuki.example.fi/" + post
        assert shared["title"] == tab.inner_text("h1")
        assert all(r.startswith(served_site) for r in requests), [r for r in requests if not r.startswith(served_site)]
    finally:
        context.close()


def test_calendar_list_reads_on_a_phone(browser, served_site):
    context = browser.new_context(locale="fi-FI", viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        for url in ("tapahtumat/tilaa/", "seuraa/"):
            tab.goto(served_site + url)
            assert tab.evaluate("document.scrollingElement.scrollWidth") <= 390, url
            # no region name is broken across lines: each name is one line box
            broken = tab.evaluate("""() => [...document.querySelectorAll('.mt-follow__name a')].filter(a => {
                const r = document.createRange(); r.selectNodeContents(a);
                return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1; }).map(a => a.textContent)""")
            assert not broken, (url, broken)
    finally:
        context.close()


@pytest.mark.parametrize("url", ["seuraa/", "haku/?q=hyvinvointialue", "blogi/kirjoittajat/henna-hovi/",
                                 "blogi/kirjoittajat/", "blogi/avainsanat/", "blogi/avainsanat/hyte/"])
def test_new_pages_have_no_wcag_violations(served_site, page, url):
    page.goto(served_site + url)
    if url.startswith("haku/"):
        page.wait_for_function("document.querySelector('#mt-haku-status').textContent.includes('tulos')")
    violations = axe_violations(page)
    assert not violations, f"/{url}:\n{describe(violations)}"
