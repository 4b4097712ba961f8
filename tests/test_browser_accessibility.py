"""WCAG 2.1 A/AA in a real Chromium: axe-core on every kind of page, keyboard use, visible focus."""
import pytest

from example_site import (KINDS, axe_violations, browser, describe, example_site, page,  # noqa: F401
                          representative, served_site)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_wcag_violations(kind, example_site, served_site, page):
    url = representative(example_site, kind)
    page.goto(served_site + url)
    violations = axe_violations(page)
    assert not violations, f"WCAG 2.1 A/AA violations on /{url}:\n{describe(violations)}"


@pytest.mark.parametrize("url", ["404.html", "saavutettavuusseloste/", "tietoa/", "blogi/aiheet/"])
def test_no_wcag_violations_on_other_pages(url, example_site, served_site, page):
    assert example_site.file(url).exists(), f"/{url} was not built"
    page.goto(served_site + url)
    violations = axe_violations(page)
    assert not violations, f"WCAG 2.1 A/AA violations on /{url}:\n{describe(violations)}"


def test_narrow_screen_has_no_violations(example_site, served_site, browser):
    context = browser.new_context(locale="fi-FI", viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        url = representative(example_site, "kirjoitus")
        tab.goto(served_site + url)
        violations = axe_violations(tab)
        assert not violations, f"WCAG violations on a phone-sized screen, /{url}:\n{describe(violations)}"
    finally:
        context.close()


def test_skip_link_is_first_and_moves_focus_to_content(example_site, served_site, page):
    page.goto(served_site + representative(example_site, "kirjoitus"))
    page.keyboard.press("Tab")
    focused = page.evaluate("({text: document.activeElement.textContent.trim(),"
                            " href: document.activeElement.getAttribute('href')})")
    assert focused == {"text": "Siirry sisältöön", "href": "#sisalto"}
    box = page.locator(".mt-skip").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 20, "the focused skip link must be visible"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "sisalto"
    # The next Tab lands inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')"), "Tab after the skip link must stay in content"


def test_focus_is_visible_on_links_and_search(example_site, served_site, page):
    page.goto(served_site + representative(example_site, "kirjoitus"))
    styles = []
    for _ in range(12):
        page.keyboard.press("Tab")
        styles.append(page.evaluate(
            """() => { const el = document.activeElement, s = getComputedStyle(el);
                 return {tag: el.tagName, text: (el.textContent || el.value || el.name || '').trim().slice(0, 30),
                         outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                         shadow: s.boxShadow !== 'none'}; }"""))
    invisible = [s for s in styles if not (s["outline"] or s["shadow"])]
    assert not invisible, f"focused elements without a visible focus indicator: {invisible}"
