"""End-to-end: a fixture site with events, built once with mkdocs, checked in its HTML."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest

from event_files import HOSTILE, event
from conftest import post, run_build, write_site

PAST = {f"events/2025-{m:02d}-{d:02d}-mennyt.md": event(f"Mennyt {m:02d}-{d:02d}", f"2025-{m:02d}-{d:02d} 10:00")
        for m in (1, 2) for d in range(2, 13)}  # 22 past events, January and February 2025
FILES = {
    **PAST,
    "events/2026-12-09-webinaari.md": event(
        "Avustuswebinaari", "2026-12-09 13:00", end="2026-12-09 15:00", online="true", regions="[etela-savo]",
        categories="[Webinaari]", summary='"Lyhyt kuvaus: Avustuswebinaari."', organizer="\n  name: Testijärjestö ry\n  url: https://jarjesto.example.fi/",
        registration="\n  url: https://ilmo.example.fi/webinaari?a=1&b=2\n  deadline: 2026-12-07"),
    "events/2026-12-15-umpeutunut.md": event(
        "Ilmoittautuminen umpeutunut", "2026-12-15 10:00", regions="[pirkanmaa]", location="\n  city: Tampere",
        registration="\n  url: https://ilmo.example.fi/umpeutunut\n  deadline: 2026-11-20"),
    "events/kuukausitapaaminen.md": event(
        "Kuukausitapaaminen", "2026-12-01 14:00", end="2026-12-01 15:30", online="https://meet.example.fi/k",
        recurrence="FREQ=MONTHLY;BYDAY=1TU", categories="[Verkosto]"),
    "events/2027-03-24-kevatpaivat.md": event(
        "Kevätpäivät", "2027-03-24", end="2027-03-25", regions="[pirkanmaa]",
        location="\n  name: Tampere-talo\n  address: Yliopistonkatu 55\n  city: Tampere"),
    "events/2027-01-20-peruttu.md": event("Peruttu foorumi", "2027-01-20 12:00", status="cancelled",
                                          regions="[kainuu]"),
    "events/2027-05-kuukausi.md": event("Toukokuun tapaaminen", "2027-05-01", date_precision="month"),
    "events/2027-02-10-vaarallinen.md": event(
        HOSTILE, "2027-02-10 09:00", end="2027-02-10 15:00", online="true",
        location='\n  name: "Sali <b>1</b> & \\"2\\""\n  address: "Katu 1; B, 2. krs"\n  city: Mikkeli',
        body="Teksti <b>lihava</b> & muuta."),
    "events/luonnos.md": event("Salainen luonnostapahtuma", "2026-12-20 10:00", draft="true"),
    "blog/2026/kirjoitus.md": post("Webinaarista kirjoitus", "2026-11-01", events="[2026-12-09-webinaari]"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("events"), FILES)
    result = run_build(root)
    assert result.returncode == 0, result.output
    return result


def doc(site, url: str):
    return lxml.html.fromstring(site.html(url))


def text(el) -> str:
    """What a reader reads: soft hyphens (the calendar's syllable breaks) are invisible."""
    return re.sub(r"\s+", " ", el.text_content().replace("\u00ad", "")).strip()


def event_titles(tree) -> list[str]:
    return [text(a) for a in tree.xpath('.//li[@data-mt-event]//*[contains(@class, "mt-event__title")]/a')]


def test_upcoming_soonest_first_grouped_by_month(site):
    tree = doc(site, "tapahtumat/")
    assert text(tree.xpath("//h1")[0]) == "Tulevat tapahtumat"
    months = [text(h) for h in tree.xpath('//section[@data-mt-event-group]/h2')]
    assert months == ["Joulukuu 2026", "Tammikuu 2027", "Helmikuu 2027", "Maaliskuu 2027", "Toukokuu 2027"]
    december = tree.xpath('//section[@data-mt-event-group][1]//li[@data-mt-event]')
    assert [text(li.xpath(".//a")[0]) for li in december] == [
        "Kuukausitapaaminen", "Avustuswebinaari", "Ilmoittautuminen umpeutunut"]
    titles = event_titles(tree)
    assert titles.count("Kuukausitapaaminen") == 1  # a series is one entry, by its next meeting
    assert text(december[0].xpath(".//*[@class='mt-event__when']")[0]) == \
        "joka kuun 1. tiistai · seuraava ti 1.12.2026 klo 14.00–15.30"
    # 7 entries, the cancelled one shown but not counted
    assert len(titles) == 7 and text(tree.xpath('//p[@class="mt-intro"]')[0]).startswith(
        "6 tulevaa tapahtumaa ja 1 peruttu.")
    assert not any(t.startswith("Mennyt") for t in titles) and "Salainen luonnostapahtuma" not in titles
    cancelled = tree.xpath('//li[contains(@class, "mt-event--cancelled")]')[0]
    assert "Peruttu" in text(cancelled)
    assert cancelled.get("data-regions") == "kainuu"


def test_past_newest_first_and_paginated(site):
    first = event_titles(doc(site, "tapahtumat/menneet/"))
    second = event_titles(doc(site, "tapahtumat/menneet/sivu/2/"))
    assert len(first) == 20 and len(second) == 2
    assert first[0] == "Mennyt 02-12" and first[-1] == "Mennyt 01-04" and second == ["Mennyt 01-03", "Mennyt 01-02"]
    assert not site.exists("tapahtumat/menneet/sivu/3/")
    assert [text(h) for h in doc(site, "tapahtumat/menneet/").xpath("//section/h2")][:2] == \
        ["Helmikuu 2025", "Tammikuu 2025"]


def test_region_list_has_own_and_national_events_and_says_so(site):
    tree = doc(site, "tapahtumat/alueet/etela-savo/")
    assert text(tree.xpath("//h1")[0]) == "Etelä-Savon tapahtumat"
    titles = event_titles(tree)
    # the region's own events first, the national ones after them in their own section
    assert titles == ["Avustuswebinaari", "Kuukausitapaaminen", HOSTILE, "Toukokuun tapaaminen"]
    national = tree.xpath('//section[@class="mt-event-national"]')[0]
    assert text(national.xpath("./h2")[0]) == "Valtakunnalliset tapahtumat"
    assert event_titles(national) == ["Kuukausitapaaminen", HOSTILE, "Toukokuun tapaaminen"]
    assert text(tree.xpath('//p[@class="mt-intro"]')[0]).startswith(
        "Etelä-Savossa 1 tuleva tapahtuma, lisäksi 3 valtakunnallista")
    assert tree.xpath('//a[@href="../../../alueet/etela-savo/tapahtumat.ics"]')
    links = tree.xpath('//nav[@class="mt-event-regions"]//a/@href')
    assert len(links) == 22 and "../kainuu/" in links  # no-JS filtering: a page per region
    assert "Kevätpäivät" in event_titles(doc(site, "tapahtumat/alueet/pirkanmaa/"))


def test_filter_form_is_labelled_and_hidden_without_javascript(site):
    tree = doc(site, "tapahtumat/")
    box = tree.xpath("//details[@class='mt-event-filter']")[0]  # closed: one line, nothing shifts
    assert box.get("open") is None and text(box.xpath("./summary")[0]) == "Rajaa alueen tai aiheen mukaan"
    assert box.xpath(".//p[@data-mt-filter-nojs]//a/@href") == ["alueet/"]  # the no-script way to filter
    form = box.xpath(".//form[@data-mt-event-filter]")[0]
    assert form.get("hidden") is not None
    modes = form.xpath(".//fieldset[@data-mt-filter-modes]")[0]
    assert [text(label) for label in modes.xpath(".//label")] == ["alue ja valtakunnalliset", "vain tämä alue"]
    for select in form.xpath(".//select"):
        assert form.xpath(f'.//label[@for="{select.get("id")}"]')
    assert [o.get("value") for o in form.xpath('.//select[@name="aihe"]/option')] == ["", "verkosto", "webinaari"]
    assert tree.xpath('//*[@role="status"][@aria-live="polite"][@data-mt-filter-status]')
    assert tree.xpath('//script[contains(@src, "assets/muutostuki/event-filter.js")]')
    assert site.exists("assets/muutostuki/event-filter.js")


def cells(tree) -> dict[str, tuple[int, int, object]]:
    """data-date -> (row, column, td) of the month table."""
    result = {}
    for r, row in enumerate(tree.xpath("//table[@class='mt-cal']/tbody/tr")):
        for c, td in enumerate(row.xpath("./td")):
            if td.get("data-date"):
                result[td.get("data-date")] = (r, c, td)
    return result


def test_month_calendar_table(site):
    tree = doc(site, "tapahtumat/kalenteri/2026/12/")
    table = tree.xpath("//table[@class='mt-cal']")[0]
    assert text(table.xpath("./caption")[0]).startswith("Joulukuu 2026")
    headers = table.xpath("./thead/tr/th")
    assert [h.get("scope") for h in headers] == ["col"] * 7
    assert [text(h.xpath("./span[@aria-hidden]")[0]) for h in headers] == ["ma", "ti", "ke", "to", "pe", "la", "su"]
    assert text(headers[0].xpath("./span[@class='md-visually-hidden']")[0]) == "maanantai"
    assert all(len(row.xpath("./td")) == 7 for row in table.xpath("./tbody/tr"))
    grid = cells(tree)
    assert len(grid) == 31
    row, col, td = grid["2026-12-01"]
    assert (row, col) == (0, 1)  # 1.12.2026 is a Tuesday
    assert td.xpath(".//a/@href") == ["../../../kuukausitapaaminen/"] and "klo 14" in text(td)
    assert grid["2026-12-09"][1] == 2 and "Avustuswebinaari" in text(grid["2026-12-09"][2])
    assert grid["2026-12-02"][2].xpath(".//a") == []
    assert "Salainen luonnostapahtuma" not in text(table)
    nav = tree.xpath("//nav[@class='mt-cal-nav']")[0]
    assert nav.xpath(".//a[@rel='prev']/@href") == ["../11/"]
    assert nav.xpath(".//a[@rel='next']/@href") == ["../../2027/01/"]


def test_today_multi_day_recurring_and_month_only_events_in_the_calendar(site):
    november = cells(doc(site, "tapahtumat/kalenteri/2026/11/"))
    assert november["2026-11-23"][2].get("aria-current") == "date" and "tänään" in text(november["2026-11-23"][2])
    assert sum(td.get("aria-current") == "date" for _, _, td in november.values()) == 1
    march = cells(doc(site, "tapahtumat/kalenteri/2027/03/"))
    # a multi-day event is one item where it starts; its later days only say (to screen readers) it goes on
    assert "24.–25.3. Kevätpäivät" in text(march["2027-03-24"][2]) and len(march["2027-03-24"][2].xpath(".//a")) == 1
    assert march["2027-03-25"][2].xpath(".//a") == [] and "Jatkuu: Kevätpäivät." in text(march["2027-03-25"][2])
    assert "mt-cal__day--spanned" in march["2027-03-25"][2].get("class")
    assert "Kevätpäivät" not in text(march["2027-03-26"][2])
    assert "Kuukausitapaaminen" in text(march["2027-03-02"][2])  # the first Tuesday of March 2027
    # a long word in a narrow cell breaks at its syllables, with a hyphen (pages/fi_syllables.py)
    assert "Ke\u00advät\u00adpäi\u00advät" in march["2027-03-24"][2].text_content()
    may = doc(site, "tapahtumat/kalenteri/2027/05/")
    assert "Toukokuun tapaaminen" not in text(may.xpath("//table")[0])
    assert "Toukokuun tapaaminen" in text(may.xpath("//section[@class='mt-cal-undated']")[0])
    assert "Kuukausitapaaminen" in text(cells(doc(site, "tapahtumat/kalenteri/2027/11/"))["2027-11-02"][2])


def test_calendar_months_from_first_event_to_a_year_ahead(site):
    assert site.exists("tapahtumat/kalenteri/2025/01/") and not site.exists("tapahtumat/kalenteri/2024/12/")
    assert site.exists("tapahtumat/kalenteri/2027/11/")
    first = doc(site, "tapahtumat/kalenteri/2025/01/")
    assert not first.xpath("//a[@rel='prev']")
    index = doc(site, "tapahtumat/kalenteri/")
    assert index.xpath("//p[@class='mt-intro']/a/@href") == ["2026/11/"]
    coming = index.xpath("//section[h2='Tulevat kuukaudet']//li/a/@href")
    assert coming == ["2026/12/", "2027/01/", "2027/02/", "2027/03/", "2027/04/", "2027/05/", "2027/06/",
                      "2027/07/", "2027/08/", "2027/09/", "2027/10/", "2027/11/", "2027/12/"]
    assert index.xpath("//section[h2='Menneet kuukaudet']//li/a/@href") == ["2025/02/", "2025/01/"]
    assert "(1 peruttu)" in text(index.xpath("//a[@href='2027/01/']/..")[0]) or \
        "1 peruttu" in text(index.xpath("//a[@href='2027/01/']/..")[0])
    empty = doc(site, "tapahtumat/kalenteri/2025/06/")  # no events: the nearest months with events are linked
    assert empty.xpath("//p[@class='mt-cal-nearest']/a/@href") == ["../../2026/12/", "../02/"]


def test_event_page(site):
    tree = doc(site, "tapahtumat/2026-12-09-webinaari/")
    article = tree.xpath("//article[@data-pagefind-body]")[0]
    assert article.xpath(".//div[@hidden][@data-pagefind-ignore]/span[@data-pagefind-meta='type:Tapahtuma'][@data-pagefind-filter='type:Tapahtuma']")
    assert article.xpath(".//span[@data-pagefind-filter='region']/text()") == ["Etelä-Savo"]
    facts = {text(dt): text(dt.getnext()) for dt in article.xpath(".//dl[contains(@class, 'mt-event-facts')]/dt")}
    assert facts["Aika"] == "ke 9.12.2026 klo 13–15"
    assert facts["Järjestäjä"] == "Testijärjestö ry"
    assert facts["Alue"] == "Etelä-Savo (alueen tapahtumat)"
    assert article.xpath(".//time/@datetime")[0] == "2026-12-09T13:00+02:00"
    key = article.xpath(".//div[@class='mt-event-key']")[0]  # when, where, registration, add to calendar together
    button = key.xpath(".//a[normalize-space(text())='Ilmoittaudu']")[0]
    assert button.get("href") == "https://ilmo.example.fi/webinaari?a=1&b=2"
    assert text(key.xpath(".//*[@class='mt-event-register__deadline']")[0]) == "viimeistään 7.12.2026"
    addcal = key.xpath(".//div[@class='mt-addcal']")[0]
    assert [text(a) for a in addcal.xpath(".//a")] == ["Google-kalenteri", "Outlook.com", "Office 365",
                                                        "Apple ja muut (.ics)"]
    assert addcal.xpath(".//a[@download]/@href") == ["../2026-12-09-webinaari.ics"]
    google = urlsplit(addcal.xpath(".//a[contains(@href, 'calendar.google.com')]/@href")[0])
    assert parse_qs(google.query)["dates"] == ["20261209T110000Z/20261209T130000Z"]
    for host in ("outlook.live.com", "outlook.office.com"):
        link = urlsplit(addcal.xpath(f".//a[contains(@href, '{host}')]/@href")[0])
        query = parse_qs(link.query)
        assert (query["startdt"], query["enddt"], query["subject"]) == (
            ["2026-12-09T11:00:00Z"], ["2026-12-09T13:00:00Z"], ["Avustuswebinaari"])
        assert query["rru"] == ["addevent"] and "Lisätietoja: https://testi.example.fi/tapahtumat/" in query["body"][0]
    summary = article.xpath(".//p[@class='mt-event-page__summary']")
    assert summary and text(summary[0]) == "Lyhyt kuvaus: Avustuswebinaari."
    related = tree.xpath("//section[@class='mt-related']//a")
    assert [text(a) for a in related] == ["Webinaarista kirjoitus"]
    assert "Avustuswebinaari" in text(doc(site, "blogi/2026/kirjoitus/").xpath("//section[@class='mt-related']")[0])
    assert tree.xpath("//p[@class='mt-back']/a[2]/@href") == ["../kalenteri/2026/12/"]  # its own month


def test_place_with_an_openstreetmap_search_link_and_no_embedded_map(site):
    tree = doc(site, "tapahtumat/2027-03-24-kevatpaivat/")
    where = tree.xpath("//dd[@class='mt-where']")[0]
    assert text(where).startswith("Tampere-talo Yliopistonkatu 55, Tampere")
    link = urlsplit(where.xpath(".//a/@href")[0])
    assert (link.netloc, link.path) == ("www.openstreetmap.org", "/search")
    assert parse_qs(link.query)["query"] == ["Yliopistonkatu 55, Tampere"]
    assert not tree.xpath("//iframe") and b"tile.openstreetmap" not in site.html("tapahtumat/2027-03-24-kevatpaivat/").encode()
    assert tree.xpath("//p[@class='mt-back']/a[2]/@href") == ["../kalenteri/2027/03/"]
    hostile = doc(site, "tapahtumat/2027-02-10-vaarallinen/")
    query = parse_qs(urlsplit(hostile.xpath("//a[@class='mt-where__map']/@href")[0]).query)["query"]
    assert query == ["Katu 1; B, 2. krs, Mikkeli"]
    city_only = doc(site, "tapahtumat/2026-12-15-umpeutunut/")
    assert not city_only.xpath("//a[@class='mt-where__map']")


def test_series_add_to_calendar_adds_every_occurrence_or_says_next_only(site):
    tree = doc(site, "tapahtumat/kuukausitapaaminen/")
    addcal = tree.xpath("//div[@class='mt-addcal']")[0]
    google = parse_qs(urlsplit(addcal.xpath(".//a[contains(@href, 'calendar.google.com')]/@href")[0]).query)
    assert google["recur"] == ["RRULE:FREQ=MONTHLY;BYDAY=1TU"]
    outlook = addcal.xpath(".//a[contains(@href, 'outlook.live.com')]")[0]
    assert parse_qs(urlsplit(outlook.get("href")).query)["startdt"] == ["2026-12-01T12:00:00Z"]
    assert text(outlook) == "Outlook.com (vain seuraava kerta)"
    assert "Outlook-linkit vain seuraavan" in text(addcal)


def test_registration_hidden_after_deadline_and_for_past_events(site):
    closed = doc(site, "tapahtumat/2026-12-15-umpeutunut/")
    assert not closed.xpath("//a[normalize-space(text())='Ilmoittaudu']")
    assert "Ilmoittautuminen on päättynyt." in text(closed.xpath("//article")[0])
    past = doc(site, "tapahtumat/2025-01-02-mennyt/")
    assert "Tapahtuma on jo pidetty." in text(past.xpath("//article")[0])
    assert not past.xpath("//section[@class='mt-addcal']")


def test_status_series_multi_day_and_month_precision_pages(site):
    cancelled = doc(site, "tapahtumat/2027-01-20-peruttu/")
    assert text(cancelled.xpath("//p[contains(@class, 'mt-event-status--cancelled')]")[0]).startswith("Peruttu.")
    series = doc(site, "tapahtumat/kuukausitapaaminen/")
    assert "Joka kuukauden ensimmäinen tiistai; seuraavan kerran ti 1.12.2026 klo 14.00–15.30" in text(series)
    upcoming = [text(li) for li in series.xpath("//section[@class='mt-event-series']//li")]
    assert upcoming[:3] == ["ti 1.12.2026 klo 14.00–15.30", "ti 5.1.2027 klo 14.00–15.30", "ti 2.2.2027 klo 14.00–15.30"]
    assert series.xpath("//a[normalize-space()='Osallistu etänä: Kuukausitapaaminen']/@href") == ["https://meet.example.fi/k"]
    days = doc(site, "tapahtumat/2027-03-24-kevatpaivat/")
    assert text(days.xpath("//dl/dd")[0]) == "24.–25.3.2027"
    month = doc(site, "tapahtumat/2027-05-kuukausi/")
    assert text(month.xpath("//dl/dd")[0]) == "Toukokuu 2027 Tarkka päivä ilmoitetaan myöhemmin."
    assert month.xpath("//dl/dd//time/@datetime") == ["2027-05"]
    assert not month.xpath("//a[contains(@href, 'calendar.google.com')]")


def test_hostile_strings_are_escaped_in_html_and_json_ld(site):
    page = site.html("tapahtumat/2027-02-10-vaarallinen/")
    assert "<script>alert" not in page and "<b>1</b>" not in page and "<b>lihava</b>" in page  # body is Markdown
    tree = lxml.html.fromstring(page)
    assert text(tree.xpath("//h1")[0]) == HOSTILE
    where = tree.xpath("//dd[@class='mt-where']")[0]
    assert text(where.xpath("./span[@class='mt-where__name']")[0]) == 'Sali <b>1</b> & "2"'
    assert text(where.xpath("./span[@class='mt-where__address']")[0]) == "Katu 1; B, 2. krs, Mikkeli"
    events = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        assert "</" not in script.text and "<" not in script.text
        data = json.loads(script.text)
        events += [d for d in (data if isinstance(data, list) else [data]) if d.get("@type") == "Event"]
    assert len(events) == 1
    data = events[0]
    assert data["name"] == HOSTILE and data["startDate"] == "2027-02-10T09:00:00+02:00"
    assert data["endDate"] == "2027-02-10T15:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    place, virtual = data["location"]
    assert place["name"] == 'Sali <b>1</b> & "2"' and place["address"]["streetAddress"] == "Katu 1; B, 2. krs"
    assert virtual["@type"] == "VirtualLocation"
    listing = site.html("tapahtumat/")
    assert "<script>alert" not in listing and "Tom &amp; Jerry &lt;script&gt;" in listing


def test_json_ld_of_registration_and_cancellation(site):
    def event_ld(url):
        tree = doc(site, url)
        for script in tree.xpath('//script[@type="application/ld+json"]'):
            data = json.loads(script.text)
            if isinstance(data, dict) and data.get("@type") == "Event":
                return data
    webinar = event_ld("tapahtumat/2026-12-09-webinaari/")
    assert webinar["offers"] == {"@type": "Offer", "url": "https://ilmo.example.fi/webinaari?a=1&b=2",
                                 "validThrough": "2026-12-07"}
    assert webinar["organizer"] == {"@type": "Organization", "name": "Testijärjestö ry",
                                    "url": "https://jarjesto.example.fi/"}
    assert webinar["location"] == {"@type": "VirtualLocation",
                                   "url": "https://testi.example.fi/tapahtumat/2026-12-09-webinaari/"}
    assert event_ld("tapahtumat/2027-01-20-peruttu/")["eventStatus"] == "https://schema.org/EventCancelled"
    assert event_ld("tapahtumat/2027-05-kuukausi/")["startDate"] == "2027-05"


def test_front_page_subscription_page_and_every_page_links_the_calendar(site):
    home = doc(site, "")
    section = home.xpath("//section[@class='mt-home-events']")[0]
    assert [text(a) for a in section.xpath(".//h3/a")] == [
        "Kuukausitapaaminen", "Avustuswebinaari", "Ilmoittautuminen umpeutunut", "Peruttu foorumi", HOSTILE]
    assert section.xpath(".//a[normalize-space()='Kalenteri']/@href") == ["tapahtumat/kalenteri/2026/11/"]
    subscribe = doc(site, "tapahtumat/tilaa/")
    hrefs = subscribe.xpath("//a/@href")
    assert "webcal://testi.example.fi/tapahtumat.ics" in hrefs and "https://testi.example.fi/tapahtumat.ics" in hrefs
    assert "webcal://testi.example.fi/alueet/lappi/tapahtumat.ics" in hrefs
    for url in ("", "blogi/", "tapahtumat/kalenteri/2026/12/"):
        tree = doc(site, url)
        assert tree.xpath("//footer//a[normalize-space()='Tilaa tapahtumakalenteri']"), url
        assert tree.xpath("//link[@rel='alternate'][@type='text/calendar']/@href"), url


def test_drafts_do_not_leak(site):
    assert not site.exists("tapahtumat/luonnos/") and not site.exists("tapahtumat/luonnos.ics")
    assert "Salainen" not in site.html("tapahtumat.ics")
    sitemap = site.html("sitemap-sivut.xml")
    assert "/tapahtumat/" in sitemap and "/tapahtumat/luonnos/" not in sitemap


def test_preview_shows_draft_events_marked_but_never_in_calendar_files(tmp_path):
    from conftest import MKDOCS_YML
    preview_yml = MKDOCS_YML + "      preview: true\n"
    files = {"events/luonnos.md": event("Luonnostapahtuma", "2026-12-20 10:00", draft="true")}
    result = run_build(write_site(tmp_path, files, mkdocs_yml=preview_yml))
    assert result.returncode == 0, result.output
    page = doc(result, "tapahtumat/luonnos/")
    assert "Luonnos – ei näy julkaistulla sivustolla" in text(page.xpath("//article")[0])
    listing = doc(result, "tapahtumat/")
    assert "Luonnos" in text(listing.xpath("//li[@data-mt-event]")[0])
    assert not result.exists("tapahtumat/luonnos.ics") and "Luonnostapahtuma" not in result.html("tapahtumat.ics")
