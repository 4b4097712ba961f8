"""The event listing's in-place filter in a real Chromium, and WCAG checks of the other event pages."""
import re

import lxml.html
import pytest

from example_site import axe_violations, browser, describe, example_site, page, served_site  # noqa: F401

pytestmark = pytest.mark.browser


def expected_titles(example_site, region: str = "", category: str = "") -> list[str]:
    """What the filter should leave visible, read from the built HTML's data attributes."""
    tree = lxml.html.fromstring(example_site.html("tapahtumat/"))
    titles = []
    for li in tree.xpath("//li[@data-mt-event]"):
        regions = li.get("data-regions").split()
        categories = li.get("data-categories").split()
        if region == "valtakunnallinen" and regions:
            continue
        if region and region != "valtakunnallinen" and regions and region not in regions:
            continue
        if category and category not in categories:
            continue
        titles.append(li.xpath(".//a")[0].text_content().strip())
    return titles


def visible_titles(tab) -> list[str]:
    return tab.eval_on_selector_all(
        "[data-mt-event]", "items => items.filter(i => i.offsetParent !== null)"
                           ".map(i => i.querySelector('a').textContent.trim())")


def test_filter_by_region_and_category_in_place(example_site, served_site, page):
    page.goto(served_site + "tapahtumat/")
    assert page.is_visible("form[data-mt-event-filter]")
    everything = visible_titles(page)
    assert everything == expected_titles(example_site) and len(everything) > 5

    page.select_option("#mt-filter-region", "kainuu")
    kainuu = expected_titles(example_site, "kainuu")
    assert visible_titles(page) == kainuu and len(kainuu) < len(everything)
    assert "Kainuun järjestöfoorumi" in kainuu and "Sote-järjestöjen kevätpäivät" not in kainuu
    assert page.text_content("[data-mt-filter-status]") == f"Näytetään {len(kainuu)} / {len(everything)} tapahtumaa."
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
