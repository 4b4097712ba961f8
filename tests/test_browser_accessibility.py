"""WCAG 2.1 A/AA in a real Chromium: axe-core on every kind of page, keyboard use, visible focus."""
import pytest

from example_site import KINDS, axe_violations, describe, representative

pytestmark = pytest.mark.browser


def third_party(tab, served_site: str) -> list[str]:
    """Start recording requests that leave the local test server."""
    seen: list[str] = []
    tab.on("request", lambda req: seen.append(req.url)
           if not req.url.startswith((served_site, "data:", "blob:", "about:")) else None)
    return seen


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_wcag_violations(kind, example_site, served_site, page):
    url = representative(example_site, kind)
    outside = third_party(page, served_site)
    page.goto(served_site + url)
    page.wait_for_load_state("networkidle")
    assert not outside, f"/{url} made requests to other hosts: {outside}"
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


def test_no_single_key_shortcuts_move_the_reader(example_site, served_site, page):
    """WCAG 2.1.4: Material binds n/p/./, to next/previous page when <link rel=next/prev> exists; we emit none."""
    url = served_site + "blogi/"
    page.goto(url)
    for key in ["n", "p", ".", ",", "s", "f", "/"]:
        page.keyboard.press(key)
        page.wait_for_timeout(100)
        assert page.url == url, f"pressing '{key}' moved the reader to {page.url}"
    assert page.evaluate("document.activeElement === document.body")
