"""The chrome around every page, in the built example site's HTML: top tab, side columns, breadcrumbs, table of
contents, and a sitemap.xml wherever Material's JavaScript will look for one."""
from __future__ import annotations

from posixpath import dirname
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from page_kinds import ACTIVE_TAB, PAGE_KINDS, page_of_kind


@pytest.fixture(scope="module")
def pages(example_site):
    return {url: lxml.html.fromstring(example_site.html(url)) for url in example_site.pages()}


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_one_active_tab_on_every_kind(kind, pages):
    url = page_of_kind(list(pages), kind)
    active = [a.text_content().strip() for a in pages[url].xpath("//li[contains(@class, 'md-tabs__item--active')]/a")]
    assert active == [ACTIVE_TAB[kind]], f"/{url}"


def test_every_page_has_exactly_one_active_tab(pages):
    wrong = {url: len(t.xpath("//li[contains(@class, 'md-tabs__item--active')]")) for url, t in pages.items()}
    assert not {u: n for u, n in wrong.items() if n != 1}


def test_no_empty_left_column_on_pages_outside_a_section(pages):
    post = page_of_kind(list(pages), "kirjoitus")
    for url in ("", "blogi/", post, "tapahtumat/", "alueet/etela-savo/", "404.html"):
        sidebar = pages[url].xpath("//div[@data-md-type='navigation']")[0]
        assert sidebar.get("hidden") is not None, f"/{url}: the left column would be empty"
    # the Tietoa section has pages of its own to list there
    assert pages["tietoa/"].xpath("//div[@data-md-type='navigation']")[0].get("hidden") is None


def test_breadcrumbs_on_deep_pages_only(pages):
    def crumbs(url):
        return [a.text_content() for a in pages[url].xpath("//nav[@class='mt-breadcrumbs']//a")]
    post = page_of_kind(list(pages), "kirjoitus")
    assert crumbs(post) == ["Etusivu", "Blogi", post.split("/")[1]]
    assert crumbs("alueet/etela-savo/") == ["Etusivu", "Alueet"]
    assert crumbs("") == [] and crumbs("blogi/") == [] and crumbs("alueet/") == []


def test_table_of_contents_lists_the_generated_sections(pages):
    def toc(url):
        return [a.get("href") for a in pages[url].xpath("//nav[contains(@class, 'md-nav--secondary')]//a")]
    assert toc("") == ["#mt-oma-alue", "#mt-next-events", "#mt-latest"]
    region = toc("alueet/etela-savo/")
    assert region[-5:] == ["#mt-verkostot", "#mt-alueen-tapahtumat", "#mt-alueen-kirjoitukset", "#mt-alueen-tilaus",
                           "#mt-valtakunnalliset"]
    for url, tree in pages.items():
        for href in toc(url):
            assert tree.xpath(f"//*[@id='{href[1:]}']"), f"/{url}: the table of contents links a missing {href}"


def test_toc_label_only_with_its_checkbox(pages):
    for url, tree in pages.items():
        if tree.xpath("//label[@for='__toc']"):
            assert tree.xpath("//input[@id='__toc']"), f"/{url}: <label for=__toc> without its control"


def test_a_sitemap_wherever_a_feed_link_points(example_site, pages):
    """Material's JS fetches sitemap.xml from the folder of every <link rel=alternate>: it must be there."""
    site_path = urlsplit("https://muutostuki.example.fi/").path
    missing = set()
    for url, tree in pages.items():
        for href in tree.xpath("//link[@rel='alternate']/@href"):
            target = urlsplit(urljoin(f"https://muutostuki.example.fi/{url}", href)).path
            folder = dirname(target)[len(site_path) - 1:].strip("/")
            sitemap = example_site.site / folder / "sitemap.xml"
            if not sitemap.is_file():
                missing.add(f"{folder}/sitemap.xml (from /{url})")
    assert not missing, sorted(missing)[:10]
    index = (example_site.site / "alueet" / "etela-savo" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<sitemapindex" in index and "https://muutostuki.example.fi/sitemap-sivut.xml" in index
