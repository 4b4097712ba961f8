"""Every kind of page (tests/page_kinds.py) in Chromium at phone and desktop width: what a reader meets.

Checked on each: no horizontal overflow, the right top tab marked, no request answered 4xx/5xx, and the
first 30 Tab stops each visible and inside the viewport (a closed drawer or an off-screen link would make
the focus vanish: WCAG 2.4.3 and 2.4.7, which axe does not catch). On the front page at phone width the
next events and the region picker start within one and a half screens. A new page kind added to
page_kinds.PAGE_KINDS is checked here without further code.
"""
from __future__ import annotations

import pytest

from page_kinds import ACTIVE_TAB, PAGE_KINDS, VIEWPORTS, page_of_kind

pytestmark = pytest.mark.browser

TAB_STOPS = 30

# What the focused element is and where, after the browser has scrolled it into view
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  const name = (el.getAttribute('aria-label') || el.textContent || el.value || el.id || '').trim().slice(0, 40);
  return {tag: el.tagName.toLowerCase(), name, x: r.left, y: r.top, right: r.right, bottom: r.bottom,
          width: r.width, height: r.height, visible: s.visibility === 'visible' && s.opacity !== '0',
          vw: document.documentElement.clientWidth, vh: window.innerHeight};
}"""


@pytest.fixture(scope="module")
def kind_urls(example_site):
    urls = example_site.pages()
    found = {kind: page_of_kind(urls, kind) for kind in PAGE_KINDS}
    missing = [kind for kind, url in found.items() if url is None]
    assert not missing, f"the example site has no page of these kinds: {missing} (candidates in page_kinds.py)"
    return found


@pytest.fixture(params=list(VIEWPORTS), scope="module")
def viewport_context(request, browser):
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": height})
    yield context, width, height
    context.close()


def open_page(context, url: str):
    tab = context.new_page()
    failed: list[str] = []
    tab.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    return tab, failed


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_page_kind(kind, kind_urls, served_site, viewport_context):
    context, width, height = viewport_context
    url = kind_urls[kind]
    tab, failed = open_page(context, served_site + url)
    try:
        where = f"/{url} at {width}x{height}"
        assert not failed, f"{where}: requests answered with an error: {failed}"

        overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{where}: the page is {overflow} px wider than the screen (scrolls sideways)"

        active = tab.eval_on_selector_all(".md-tabs__item--active", "els => els.map(e => e.textContent.trim())")
        assert active == [ACTIVE_TAB[kind]], f"{where}: active top tab {active}, expected {ACTIVE_TAB[kind]!r}"

        problems = []
        for press in range(1, TAB_STOPS + 1):
            tab.keyboard.press("Tab")
            state = tab.evaluate(FOCUS_STATE)
            if state is None:
                break  # the focus went round the page: fewer stops than TAB_STOPS
            inside = (state["width"] > 0 and state["height"] > 0 and state["x"] >= -1 and state["y"] >= -1
                      and state["right"] <= state["vw"] + 1 and state["bottom"] <= state["vh"] + 1)
            if not (inside and state["visible"]):
                problems.append(f"Tab {press}: <{state['tag']}> {state['name']!r} at x={state['x']:.0f} "
                                f"y={state['y']:.0f} {state['width']:.0f}x{state['height']:.0f}"
                                f"{'' if state['visible'] else ' (invisible)'}")
        assert not problems, f"{where}: Tab stops the reader cannot see:\n" + "\n".join(problems)
    finally:
        tab.close()


@pytest.fixture
def phone(browser):
    width, height = VIEWPORTS["puhelin"]
    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": height})
    yield context
    context.close()


def test_front_page_shows_events_and_regions_early_on_a_phone(kind_urls, served_site, phone):
    width, height = VIEWPORTS["puhelin"]
    tab, _ = open_page(phone, served_site + kind_urls["etusivu"])
    tops = tab.evaluate("""() => Object.fromEntries([
        ['event', '.mt-home-events .mt-event'], ['regions', '.mt-region-picker']
      ].map(([k, sel]) => { const el = document.querySelector(sel);
                            return [k, el ? el.getBoundingClientRect().top + scrollY : null]; }))""")
    for what, top in tops.items():
        assert top is not None, f"the front page has no {what} section"
        assert top <= 1.5 * height, f"front page at {width} px: the first {what} starts at {top:.0f} px, " \
                                    f"beyond 1.5 screens ({1.5 * height:.0f} px)"


def test_menu_button_is_named_and_opens_the_drawer_by_keyboard(kind_urls, served_site, phone):
    tab, _ = open_page(phone, served_site + kind_urls["kirjoitus"])
    button = tab.get_by_role("button", name="Valikko")
    assert button.get_attribute("aria-expanded") == "false"
    for _ in range(5):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.getAttribute('aria-label')") == "Valikko":
            break
    else:
        pytest.fail("the menu button is not among the first five Tab stops")
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(400)  # the drawer slides in
    assert button.get_attribute("aria-expanded") == "true"
    inside = tab.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    assert inside, "opening the menu moves the focus into it"
    box = tab.evaluate("document.activeElement.getBoundingClientRect().left")
    assert box >= 0, "the focused link of the open menu is on screen"
    tab.keyboard.press("Escape")
    tab.wait_for_timeout(400)
    assert button.get_attribute("aria-expanded") == "false"
    assert tab.evaluate("document.activeElement.getAttribute('aria-label')") == "Valikko"
