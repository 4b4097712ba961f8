"""End-to-end: region pages, region post listings and the /alueet/ overview of a real fixture build."""
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html

from conftest import MKDOCS_YML, post, run_build, write_site
from muutostuki.content.region_registry import REGION_IDS

SVG = "{http://www.w3.org/2000/svg}"
YML = MKDOCS_YML.replace('      build_time: "{build_time}"', '      build_time: "{build_time}"\n      posts_per_page: 2')

ETELA_SAVO = """\
---
name: Etelä-Savon hyvinvointialue
name_sv: Södra Savolax välfärdsområde
brand: Eloisa
city: Mikkeli
website: https://etelasavonha.fi/
summary: Testialueen kuvaus.
network:
  - name: YhES – Yhdistykset <Etelä-Savossa>
    url: https://yhes.esavo.fi/
    note: Maakunnallinen järjestöneuvottelukunta.
    contact:
      name: Testi Henkilö
      role: puheenjohtaja
      email: testi@example.fi
---

Toimittajan oma kuvaus Etelä-Savosta.
"""


def event(title, start, regions=None, **fields):
    lines = ["---", f'title: "{title}"', f"start: {start}"]
    if regions is not None:
        lines.append(f"regions: {regions}")
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines + ["location:", "  name: Testitalo", "  city: Mikkeli", "---", "", "Kuvaus.", ""])


FILES = {
    "docs/alueet/etela-savo.md": ETELA_SAVO,
    "blog/es1.md": post("Savo yksi", "2026-01-01", regions="[etela-savo]"),
    "blog/es2.md": post("Savo kaksi", "2026-02-01", regions="[etela-savo]"),
    "blog/es3.md": post("Savo kolme", "2026-03-01", regions="[etela-savo]"),
    "blog/both.md": post("Savo ja Pirkanmaa", "2026-04-01", regions="[etela-savo, pirkanmaa]"),
    "blog/pirkka.md": post("Vain Pirkanmaa", "2026-05-01", regions="[pirkanmaa]"),
    "blog/nat1.md": post("Koko maan asia", "2026-06-01"),
    "blog/nat2.md": post("Toinen koko maan asia", "2026-06-02"),
    "blog/draft.md": post("Savon luonnos", "2026-06-03", regions="[etela-savo]", draft="true"),
    "blog/future.md": post("Savon tuleva", "2027-06-03", regions="[etela-savo]"),
    "events/savo-tilaisuus.md": event("Savon tilaisuus", "2026-12-01 10:00", "[etela-savo]", end="2026-12-01 12:00"),
    "events/savo-mennyt.md": event("Savon mennyt", "2026-01-10 10:00", "[etela-savo]", end="2026-01-10 12:00"),
    "events/pirkka-paja.md": event("Pirkan paja", "2026-12-05 13:00", "[pirkanmaa]", end="2026-12-05 15:00"),
    "events/koko-maa.md": event("Koko maan webinaari", "2026-12-10 09:00", end="2026-12-10 10:00"),
    "events/kainuu-sarja.md": event("Kainuun viikkotapaaminen", "2026-11-30 18:00", "[kainuu]",
                                    end="2026-11-30 19:00", recurrence="FREQ=WEEKLY;COUNT=6"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("regions")
    write_site(root, FILES, mkdocs_yml=YML)
    result = run_build(root)
    assert result.returncode == 0, result.output
    return result


def doc(result, url):
    return lxml_html.fromstring(result.html(url))


BASE = "https://testi.example.fi/"


def resolve(page_url, href):
    """A link as the browser resolves it on the page at `page_url`."""
    return urljoin(BASE + page_url, href)


def cls(name):
    """XPath test for one class among several."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def titles(node):
    """Titles of post cards and event items inside `node`."""
    return sorted(a.text_content().strip() for a in node.xpath(f".//*[{cls('mt-card__title')} or {cls('mt-event__title')}]/a"))


def test_region_page_lists_exactly_its_own_content(site):
    page = doc(site, "alueet/etela-savo/")
    own_posts = page.get_element_by_id("mt-alueen-kirjoitukset").getparent()
    own_events = page.get_element_by_id("mt-alueen-tapahtumat").getparent()
    national = page.get_element_by_id("mt-valtakunnalliset").getparent()
    assert titles(own_posts) == sorted(["Savo yksi", "Savo kaksi", "Savo kolme", "Savo ja Pirkanmaa"])
    assert titles(own_events) == ["Savon tilaisuus"]
    assert titles(national) == sorted(["Koko maan asia", "Toinen koko maan asia", "Koko maan webinaari"])
    shown = titles(page)  # titles, not the page's text: "Savon tuleva" is also in "Etelä-Savon tulevat tapahtumat"
    for hidden in ("Savon luonnos", "Savon tuleva", "Vain Pirkanmaa", "Pirkan paja", "Kainuun viikkotapaaminen"):
        assert not any(hidden in title for title in shown), hidden
    assert "Savon mennyt" not in own_events.text_content()
    assert page.get_element_by_id("mt-alueen-tapahtumat").text_content() == "Etelä-Savon tulevat tapahtumat"


def test_region_page_order_names_and_search_body(site):
    raw = site.html("alueet/etela-savo/")
    page = lxml_html.fromstring(raw)
    h1s = page.xpath("//h1")
    assert [h.text_content() for h in h1s] == ["Etelä-Savon hyvinvointialue"]
    body = page.xpath("//*[@data-pagefind-body]")
    assert len(body) == 1
    # search type and region filter come from search-tags.html inside the indexed element
    assert body[0].xpath(".//*[@data-pagefind-meta='type:Alue'][@data-pagefind-filter='type:Alue']")
    assert [f.text_content() for f in body[0].xpath(".//*[@data-pagefind-filter='region']")] == ["Etelä-Savo"]
    assert "Eloisa" in body[0].text_content() and "Toimittajan oma kuvaus" in body[0].text_content()
    assert raw.index("<h1>Etelä-Savon hyvinvointialue</h1>") < raw.index("Eloisa</p>")
    sv = page.xpath("//body//*[@lang='sv']")
    assert [s.text_content() for s in sv] == ["Södra Savolax välfärdsområde"]
    # editors' text is escaped, links and contacts come from the network list
    assert "YhES – Yhdistykset &lt;Etelä-Savossa&gt;" in raw
    assert page.xpath("//a[@href='mailto:testi@example.fi']")
    assert page.xpath("//a[@href='https://yhes.esavo.fi/']")
    # neighbours come from the boundary data when the editor did not list them
    neighbours = [a.text_content() for a in page.xpath(f"//*[{cls('mt-taxonomy')}]/dd/a")]
    assert "Pohjois-Savo" in neighbours and "Lappi" not in neighbours


def test_region_page_advertises_feed_and_calendar(site):
    url = "alueet/etela-savo/"
    page = doc(site, url)
    alternates = {(link.get("type"), resolve(url, link.get("href")))
                  for link in page.xpath("//head/link[@rel='alternate']")}
    assert ("application/rss+xml", BASE + "alueet/etela-savo/feed.xml") in alternates
    assert ("text/calendar", BASE + "alueet/etela-savo/tapahtumat.ics") in alternates
    hrefs = [resolve(url, a.get("href")) for a in page.xpath("//a[@href]")]
    assert "webcal://testi.example.fi/alueet/etela-savo/tapahtumat.ics" in hrefs
    assert BASE + "alueet/etela-savo/feed.xml" in hrefs
    assert BASE + "alueet/etela-savo/tapahtumat.ics" in hrefs
    assert BASE + "tapahtumat/alueet/etela-savo/" in hrefs
    assert BASE + "alueet/etela-savo/blogi/" in hrefs


def test_region_without_editors_file_is_generated_from_the_registry(site):
    page = doc(site, "alueet/pirkanmaa/")
    assert [h.text_content() for h in page.xpath("//h1")] == ["Pirkanmaan hyvinvointialue"]
    assert page.xpath("//body//*[@lang='sv']")[0].text_content() == "Birkalands välfärdsområde"
    own_posts = page.get_element_by_id("mt-alueen-kirjoitukset").getparent()
    assert titles(own_posts) == sorted(["Savo ja Pirkanmaa", "Vain Pirkanmaa"])
    assert all(site.exists(f"alueet/{rid}/") for rid in REGION_IDS)


def test_region_post_listing_is_paginated_and_own(site):
    first = doc(site, "alueet/etela-savo/blogi/")
    second = doc(site, "alueet/etela-savo/blogi/sivu/2/")
    assert titles(first) == sorted(["Savo ja Pirkanmaa", "Savo kolme"])
    assert titles(second) == sorted(["Savo kaksi", "Savo yksi"])
    assert not site.exists("alueet/etela-savo/blogi/sivu/3/")
    feeds = [resolve("alueet/etela-savo/blogi/", link.get("href"))
             for link in first.xpath("//head/link[@rel='alternate'][@type='application/rss+xml']")]
    assert BASE + "alueet/etela-savo/feed.xml" in feeds
    assert titles(doc(site, "alueet/kainuu/blogi/")) == []


def overview_counts(page):
    counts = {}
    for row in page.xpath(f"//table[{cls('mt-region-table')}]/tbody/tr"):
        href = row.xpath("th/a")[0].get("href")
        rid = href.rstrip("/").split("/")[-1]
        events, posts = (int(td.text_content()) for td in row.xpath("td"))
        counts[rid] = (events, posts)
    return counts


def test_overview_counts_and_filter_links(site):
    page = doc(site, "alueet/")
    counts = overview_counts(page)
    assert set(counts) == set(REGION_IDS)
    assert counts["etela-savo"] == (1, 4)
    assert counts["pirkanmaa"] == (1, 2)
    assert counts["kainuu"] == (1, 0)  # a weekly series is one upcoming event
    assert all(counts[r] == (0, 0) for r in REGION_IDS if r not in ("etela-savo", "pirkanmaa", "kainuu"))
    row = next(r for r in page.xpath(f"//table[{cls('mt-region-table')}]/tbody/tr") if "Etelä-Savo" in r.text_content())
    hrefs = [resolve("alueet/", a.get("href")) for a in row.xpath(".//a")]
    assert hrefs == [BASE + "alueet/etela-savo/", BASE + "tapahtumat/alueet/etela-savo/",
                     BASE + "alueet/etela-savo/blogi/"]
    assert row.xpath("td/a")[1].get("aria-label") == "Etelä-Savo: 4 kirjoitusta"
    names = [r.xpath("th/a")[0].text_content() for r in page.xpath(f"//table[{cls('mt-region-table')}]/tbody/tr")]
    assert names == ["Etelä-Karjala", "Etelä-Pohjanmaa", "Etelä-Savo", "Helsinki", "Itä-Uusimaa", "Kainuu",
                     "Kanta-Häme", "Keski-Pohjanmaa", "Keski-Suomi", "Keski-Uusimaa", "Kymenlaakso", "Lappi",
                     "Länsi-Uusimaa", "Pirkanmaa", "Pohjanmaa", "Pohjois-Karjala", "Pohjois-Pohjanmaa",
                     "Pohjois-Savo", "Päijät-Häme", "Satakunta", "Vantaa ja Kerava", "Varsinais-Suomi"]


def test_overview_map_is_well_formed_with_22_named_links(site):
    raw = site.html("alueet/")
    svgs = re.findall(r"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mt-map__svg.*?</svg>", raw, re.S)
    assert len(svgs) == 2
    reachable = {}
    for svg in svgs:
        root = ET.fromstring(svg)  # well-formed XML
        assert root.get("role") == "group"
        label_id = root.get("aria-labelledby")
        assert f'id="{label_id}"' in raw
        for a in root.iter(f"{SVG}a"):
            if a.get("aria-hidden") != "true":
                reachable[a.get("data-region")] = (a.get("href"), a.get("aria-label"))
    assert set(reachable) == set(REGION_IDS)
    assert reachable["etela-savo"] == ("/alueet/etela-savo/", "Etelä-Savon hyvinvointialue Eloisa")
    assert reachable["helsinki"] == ("/alueet/helsinki/", "Helsingin kaupunki")
    page = lxml_html.fromstring(raw)
    source = page.xpath(f"//*[{cls('mt-map__source')}]")[0]
    assert source.text_content().startswith("Lähde: Tilastokeskus, hyvinvointialueet 2023 (1:4 500 000), CC BY 4.0")
    assert source.xpath(".//a[@href='https://creativecommons.org/licenses/by/4.0/'][@rel='license']")
    assert len(svgs[0].encode()) + len(svgs[1].encode()) < 25_000


def test_blog_index_leads_to_the_regions(site):
    page = doc(site, "blogi/")
    hrefs = [resolve("blogi/", a.get("href")) for a in page.xpath("//aside//a[@href]")]
    assert BASE + "alueet/" in hrefs
