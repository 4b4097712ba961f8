"""The event listing's in-place filter in a real Chromium, and WCAG checks of the other event pages."""
import re

import lxml.html
import pytest

from example_site import axe_violations, browser, describe, example_site, page, served_site  # noqa: F401

pytestmark = pytest.mark.browser


def expected_titles(example_site, region: str = "", category: str = "", only_region: bool = False) -> list[str]:
    """What the filter should leave visible, in order, read from the built HTML's data attributes:
    with a region, its own events first and then (unless only_region) the national ones."""
    tree = lxml.html.fromstring(example_site.html("tapahtumat/"))
    own, national = [], []
    for li in tree.xpath("//li[@data-mt-event]"):
        regions = li.get("data-regions").split()
        categories = li.get("data-categories").split()
        if category and category not in categories:
            continue
        title = li.xpath(".//a")[0].text_content().strip()
        if not region or (region == "valtakunnallinen" and not regions) or region in regions:
            own.append(title)
        elif region != "valtakunnallinen" and not regions and not only_region:
            national.append(title)
    return own + national


def visible_titles(tab) -> list[str]:
    return tab.eval_on_selector_all(
        "[data-mt-event]", "items => items.filter(i => i.offsetParent !== null)"
                           ".map(i => i.querySelector('a').textContent.trim())")


def open_filter(tab) -> None:
    tab.click("details.mt-event-filter > summary")
    assert tab.is_visible("form[data-mt-event-filter]")


def test_filter_by_region_and_category_in_place(example_site, served_site, page):
    page.goto(served_site + "tapahtumat/")
    assert not page.is_visible("form[data-mt-event-filter]")  # inside the closed disclosure
    open_filter(page)
    everything = visible_titles(page)
    assert everything == expected_titles(example_site) and len(everything) > 5

    page.select_option("#mt-filter-region", "kainuu")
    kainuu = expected_titles(example_site, "kainuu")
    assert visible_titles(page) == kainuu and len(kainuu) < len(everything)
    assert "Kainuun järjestöfoorumi" in kainuu and "Sote-järjestöjen kevätpäivät" not in kainuu
    assert page.text_content("[data-mt-filter-status]") == \
        "Näytetään 0 tulevaa tapahtumaa alueelta ja 2 valtakunnallista sekä 1 peruttu."
    assert page.url.endswith("?alue=kainuu")
    page.select_option("#mt-filter-category", "webinaari")
    both = expected_titles(example_site, "kainuu", "webinaari")
    assert visible_titles(page) == both and both  # a national webinar is shown for Kainuu too
    assert re.search(r"alue=kainuu&aihe=webinaari$", page.url)
    groups = page.eval_on_selector_all(
        "[data-mt-event-group]", "gs => gs.map(g => [g.hidden, !!g.querySelector('[data-mt-event]:not([hidden])')])")
    assert all(hidden != has_visible for hidden, has_visible in groups)
    assert any(hidden for hidden, _ in groups)  # months with nothing left disappear with their heading

    page.select_option("#mt-filter-region", "lappi")
    page.select_option("#mt-filter-category", "hyvinvointialueet")
    assert visible_titles(page) == expected_titles(example_site, "lappi", "hyvinvointialueet") == []
    assert page.text_content("[data-mt-filter-status]") == "Ei tapahtumia valituilla ehdoilla."

    page.click("form[data-mt-event-filter] button[type=reset]")
    page.wait_for_function("document.querySelectorAll('[data-mt-event][hidden]').length === 0")
    assert visible_titles(page) == everything


def test_filter_state_from_the_address(example_site, served_site, page):
    page.goto(served_site + "tapahtumat/?alue=valtakunnallinen")
    assert page.input_value("#mt-filter-region") == "valtakunnallinen"
    assert visible_titles(page) == expected_titles(example_site, "valtakunnallinen")


def test_without_javascript_the_form_stays_hidden_and_everything_is_listed(example_site, served_site, browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(served_site + "tapahtumat/")
        assert not tab.is_visible("form[data-mt-event-filter]")
        listed = tab.locator("[data-mt-event] .mt-event__title a").all_text_contents()
        assert [t.strip() for t in listed] == expected_titles(example_site)
        assert tab.is_visible("nav.mt-event-regions a[href='alueet/kainuu/']")
    finally:
        context.close()


@pytest.mark.parametrize("url", ["tapahtumat/tilaa/", "tapahtumat/alueet/", "tapahtumat/alueet/etela-savo/",
                                 "tapahtumat/kalenteri/", "tapahtumat/menneet/", "tapahtumat/kalenteri/2023/04/",
                                 "tapahtumat/2027-01-20-kainuun-jarjestofoorumi/",
                                 "tapahtumat/sote-verkoston-kuukausitapaaminen/"])
def test_event_pages_have_no_wcag_violations(url, example_site, served_site, page):
    assert example_site.file(url).exists(), f"/{url} was not built"
    page.goto(served_site + url)
    violations = axe_violations(page)
    assert not violations, f"WCAG 2.1 A/AA violations on /{url}:\n{describe(violations)}"


def test_filtered_listing_has_no_wcag_violations(served_site, page):
    page.goto(served_site + "tapahtumat/?alue=etela-savo")
    assert page.text_content("[data-mt-filter-status]").startswith("Näytetään")
    violations = axe_violations(page)
    assert not violations, describe(violations)


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(params=[PHONE, DESKTOP], ids=["390x844", "1280x900"])
def sized(request, browser):
    context = browser.new_context(locale="fi-FI", viewport=request.param)
    tab = context.new_page()
    yield tab, request.param
    context.close()


def test_region_filter_modes_own_events_first_or_only(example_site, served_site, page):
    page.goto(served_site + "tapahtumat/")
    open_filter(page)
    assert page.is_disabled("[data-mt-filter-modes] input[value=alue]")  # no region chosen: nothing to narrow
    page.select_option("#mt-filter-region", "etela-savo")
    both = visible_titles(page)
    assert both == expected_titles(example_site, "etela-savo")
    assert both[0] == "Järjestöt hyvinvointialueen strategiassa – Etelä-Savon järjestöseminaari"  # own first
    assert page.is_visible("section[data-mt-national] h2")
    national = page.eval_on_selector_all("section[data-mt-national] [data-mt-event]:not([hidden])",
                                         "items => items.map(i => i.querySelector('a').textContent.trim())")
    assert national == both[1:] and len(national) == 2  # the monthly meeting once, not 13 times
    page.check("[data-mt-filter-modes] input[value=alue]")
    only = visible_titles(page)
    assert only == expected_titles(example_site, "etela-savo", only_region=True) == both[:1]
    assert not page.is_visible("section[data-mt-national]")
    assert page.url.endswith("?alue=etela-savo&nayta=alue")
    assert page.text_content("[data-mt-filter-status]") == "Näytetään 1 tuleva tapahtuma."
    page.goto(served_site + "tapahtumat/?alue=etela-savo&nayta=alue")  # the state survives a reload
    assert visible_titles(page) == only and page.is_checked("[data-mt-filter-modes] input[value=alue]")


def test_upcoming_list_has_one_entry_per_series(example_site, served_site, page):
    page.goto(served_site + "tapahtumat/")
    titles = visible_titles(page)
    assert titles.count("Sote-järjestöjen verkoston kuukausitapaaminen") == 1
    when = page.text_content("li[data-mt-event]:first-child .mt-event__when")
    assert " ".join(when.split()) == "joka kuun 1. tiistai · seuraava ti 1.12.2026 klo 14.00–15.30"


CLS_SCRIPT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { total += entry.value; } }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


def test_events_list_does_not_shift_and_the_filter_stays_compact(served_site, sized):
    tab, size = sized
    tab.goto(served_site + "tapahtumat/", wait_until="load")
    shift = tab.evaluate(CLS_SCRIPT)
    assert shift < 0.05, f"cumulative layout shift {shift:.3f} at {size}"
    box = tab.eval_on_selector("details.mt-event-filter", "d => d.getBoundingClientRect().height")
    assert box < 0.1 * size["height"], f"the closed filter takes {box}px"
    first = tab.eval_on_selector("[data-mt-event]", "li => li.getBoundingClientRect().top")
    assert first < size["height"], "the first event is below the first screen"
    assert tab.evaluate("document.documentElement.scrollWidth") <= size["width"]


def test_month_calendar_agenda_on_a_phone_grid_on_a_wide_screen(example_site, served_site, sized):
    tab, size = sized
    tab.goto(served_site + "tapahtumat/kalenteri/2027/03/")
    tree = lxml.html.fromstring(example_site.html("tapahtumat/kalenteri/2027/03/"))
    with_events = [[td.get("data-date"), len(td.xpath(".//li[contains(@class, 'mt-cal__event')]"))]
                   for td in tree.xpath("//td[@data-date]") if td.xpath(".//li")]
    assert len(with_events) >= 2 and ["2027-03-24", 1] in with_events
    assert tab.evaluate("document.documentElement.scrollWidth") <= size["width"]
    days = tab.eval_on_selector_all("td.mt-cal__day", """tds => tds.filter(td => td.offsetParent !== null)
        .map(td => [td.dataset.date, td.querySelectorAll('li.mt-cal__event').length])""")
    titles = tab.eval_on_selector_all("li.mt-cal__event a", "as => as.map(a => a.getBoundingClientRect().width)")
    spanned = tab.eval_on_selector_all("td.mt-cal__day--spanned li.mt-cal__event", "lis => lis.length")
    assert spanned == 1  # the two-day event is one item, on its first day
    if size == PHONE:
        assert days == with_events  # only the days with events, one row each
        assert not tab.is_visible(".mt-cal thead")
        assert min(titles) >= 150, f"calendar titles only {min(titles)} px wide at 390 px"
        assert not tab.is_visible(".mt-cal-list")  # the agenda is the list
    else:
        assert len(days) == 31 and tab.is_visible(".mt-cal thead")
        widths = tab.eval_on_selector_all(".mt-cal thead th", "ths => ths.map(th => Math.round(th.getBoundingClientRect().width))")
        assert len(widths) == 7 and max(widths) - min(widths) <= 1


def test_event_page_time_place_and_add_to_calendar_in_the_first_screen(served_site, sized):
    tab, size = sized
    for url in ("tapahtumat/2027-02-10-etela-savon-jarjestoseminaari/", "tapahtumat/sote-verkoston-kuukausitapaaminen/"):
        tab.goto(served_site + url)
        links = tab.eval_on_selector_all(".mt-addcal a", "as => as.map(a => [a.textContent.trim(), a.getBoundingClientRect().bottom])")
        assert [label.split(" (")[0] for label, _ in links] == ["Google-kalenteri", "Outlook.com", "Office 365",
                                                               "Apple ja muut"]
        assert all(bottom <= size["height"] for _, bottom in links), f"{url}: {links} below {size['height']} px"
        label_width = tab.eval_on_selector(".mt-event-facts dt", "dt => dt.getBoundingClientRect().width")
        assert label_width < 0.3 * size["width"]
        # each side of a time range stays on one line ("klo 9–" / "15" never splits)
        lines = tab.eval_on_selector_all(".mt-event-facts time .mt-nowrap", "ss => ss.map(s => s.getClientRects().length)")
        assert lines and set(lines) == {1}
    tab.goto(served_site + "tapahtumat/2027-02-10-etela-savon-jarjestoseminaari/")
    where = tab.eval_on_selector(".mt-where a.mt-where__map", "a => [a.href, a.getBoundingClientRect().bottom]")
    assert where[0].startswith("https://www.openstreetmap.org/") and where[1] <= size["height"]


@pytest.mark.parametrize("url", ["tapahtumat/kalenteri/2027/03/", "tapahtumat/?alue=etela-savo",
                                 "tapahtumat/2027-02-10-etela-savon-jarjestoseminaari/"])
def test_phone_layouts_have_no_wcag_violations(url, served_site, browser):
    """The agenda and the opened filter are other layouts of the same markup: checked at 390 px too."""
    context = browser.new_context(locale="fi-FI", viewport=PHONE)
    tab = context.new_page()
    try:
        tab.goto(served_site + url)
        if "?alue=" in url:
            open_filter(tab)
        violations = axe_violations(tab)
        assert not violations, f"WCAG 2.1 A/AA violations on /{url} at 390 px:\n{describe(violations)}"
    finally:
        context.close()
