"""End-to-end: a fixture site with places, organisers and a series with a break, a moved, a
re-placed and a cancelled occurrence, built with a real mkdocs build; its place, organiser and
series pages, JSON-LD and .ics read back (icalendar and recurring-ical-events)."""
from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar
import lxml.html
import pytest
import recurring_ical_events

from conftest import run_build, write_site
from event_files import HOSTILE, event

HELSINKI = ZoneInfo("Europe/Helsinki")
PLACE = """\
name: Kouvolan kaupungintalo
address: Varuskuntakatu 11
postal_code: "45100"
city: Kouvola
region: kymenlaakso
coordinates: {lat: 60.8681, lon: 26.7042}
accessibility:
  step_free: true
  induction_loop: false
  public_transport: Rautatieasemalta 5 minuuttia.
"""
HOSTILE_PLACE = f"name: {json.dumps(HOSTILE)}\ncity: Lappeenranta\naddress: Valtakatu 23\n"
ORGANIZER = """\
name: Kymen-Karjalan sosiaali- ja terveysturva ry
short_name: Kykasote
url: https://www.kykasote.example.fi/
email: toimisto@kykasote.example.fi
phone: 040 123 4567
region: kymenlaakso
"""
SERIES = event(
    "Kymenlaakson verkostotapaaminen", "2027-01-14 13:00", end="2027-01-14 15:00",
    recurrence="FREQ=MONTHLY;BYDAY=2TH;UNTIL=20271231", place="kouvolan-kaupungintalo", organizer="kykasote",
    regions="[kymenlaakso]", exceptions="[2027-06-10, 2027-07-08]", price="maksuton", languages="[fi, sv]",
    services="[sign_language]", registration="https://ilmo.example.fi/k",
    overrides="\n  - date: 2027-03-11\n    start: 2027-03-18 14:00\n    end: 2027-03-18 16:00"
              "\n    note: Siirretty viikolla"
              "\n  - date: 2027-04-08\n    place: vaarallinen"
              "\n  - date: 2027-05-13\n    status: cancelled\n    note: Peruttu")
FILES = {
    "blog/authors.yml": "authors:\n  testaaja:\n    name: Tiina Testaaja\n    role: järjestöasiantuntija\n"
                        "    organisation: Kykasote\n    organizer: kykasote\n",
    "blog/2026/kirjoitus.md": "---\ntitle: Kirjoitus\ndate: 2026-01-15\nauthors: [testaaja]\nsummary: S.\n---\n\nTeksti.\n",
    "events/paikat/kouvolan-kaupungintalo.yml": PLACE,
    "events/paikat/vaarallinen.yml": HOSTILE_PLACE,
    "events/jarjestajat/kykasote.yml": ORGANIZER,
    "events/jarjestajat/soste.yml": "name: SOSTE Suomen sosiaali ja terveys ry\nshort_name: SOSTE\n",
    "events/sarja.md": SERIES,
    "events/2027-02-01-seminaari.md": event("Seminaari", "2027-02-01 09:00", end="2027-02-01 12:00",
                                            place="kouvolan-kaupungintalo", organizer="[kykasote, soste]",
                                            price='"20 €"', registration="https://ilmo.example.fi/s"),
    "events/2021-06-09-menneet.md": event("Mennyt tilaisuus", "2021-06-09", organizer="kykasote",
                                          place="kouvolan-kaupungintalo"),
    "events/2023-04-huhtikuu.md": event("Huhtikuun tilaisuus", "2023-04-01", date_precision="month", organizer="soste",
                                        location="{city: Jyväskylä}"),
    "events/2027-05-toukokuu.md": event("Toukokuun tilaisuus", "2027-05-01", date_precision="month", organizer="soste"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = run_build(write_site(tmp_path_factory.mktemp("places"), FILES))
    assert result.returncode == 0, result.output
    return result


def doc(built, url: str):
    return lxml.html.fromstring(built.html(url))


def text(node) -> str:
    return " ".join(node.text_content().split())


def jsonld(tree, kind: str) -> dict:
    objects = [json.loads(s.text) for s in tree.xpath("//script[@type='application/ld+json']")]
    return next(o for o in objects if o.get("@type") == kind)


def calendar(built, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((built.site / path).read_bytes())


# -- iCalendar -------------------------------------------------------------------------------
def test_series_ics_read_back_by_recurring_ical_events(built):
    cal = calendar(built, "tapahtumat/sarja.ics")
    occurrences = recurring_ical_events.of(cal).between(date(2027, 1, 1), date(2028, 1, 1))
    by_day = {o["DTSTART"].dt.date(): o for o in occurrences}
    assert date(2027, 6, 10) not in by_day and date(2027, 7, 8) not in by_day  # the summer break
    assert date(2027, 3, 11) not in by_day  # moved away ...
    moved = by_day[date(2027, 3, 18)]     # ... to its new time
    assert moved["DTSTART"].dt == datetime(2027, 3, 18, 14, 0, tzinfo=HELSINKI)
    assert moved["DTEND"].dt == datetime(2027, 3, 18, 16, 0, tzinfo=HELSINKI)
    assert moved["RECURRENCE-ID"].dt == datetime(2027, 3, 11, 13, 0, tzinfo=HELSINKI)
    cancelled = by_day[date(2027, 5, 13)]
    assert str(cancelled["STATUS"]) == "CANCELLED" and str(cancelled["SUMMARY"]).startswith("PERUTTU: ")
    assert str(by_day[date(2027, 4, 8)]["LOCATION"]).startswith("Tom & Jerry <script>")  # another place that day
    assert str(by_day[date(2027, 9, 9)]["STATUS"]) == "CONFIRMED"
    assert len(by_day) == 12 - 2  # 12 months, two skipped


def test_master_entry_location_geo_organizer_exdate(built):
    entries = [c for c in calendar(built, "tapahtumat/sarja.ics").walk("VEVENT")]
    master = next(c for c in entries if "RECURRENCE-ID" not in c)
    assert len(entries) == 4 and {str(c["UID"]) for c in entries} == {"sarja@testi.example.fi"}
    assert str(master["LOCATION"]) == "Kouvolan kaupungintalo, Varuskuntakatu 11, 45100 Kouvola"
    assert (master["GEO"].latitude, master["GEO"].longitude) == (60.8681, 26.7042)
    assert str(master["ORGANIZER"]) == "mailto:toimisto@kykasote.example.fi"
    assert master["ORGANIZER"].params["CN"] == "Kykasote"
    exdates = [d.dt for e in (master["EXDATE"] if isinstance(master["EXDATE"], list) else [master["EXDATE"]])
               for d in e.dts]
    assert exdates == [datetime(2027, 6, 10, 13, 0, tzinfo=HELSINKI), datetime(2027, 7, 8, 13, 0, tzinfo=HELSINKI)]
    raw = (built.site / "tapahtumat/sarja.ics").read_bytes().decode()
    assert "ORGANIZER;CN=Kykasote:mailto:toimisto@kykasote.example.fi\r\n" in raw
    assert "RECURRENCE-ID;TZID=Europe/Helsinki:20270311T130000\r\n" in raw


def test_organizer_calendar_and_month_only_events(built):
    kykasote = {str(c["UID"]).split("@")[0] for c in calendar(built, "tapahtumat/jarjestajat/kykasote.ics").walk("VEVENT")}
    assert kykasote == {"sarja", "2027-02-01-seminaari"}  # the 2021 event is history
    soste = calendar(built, "tapahtumat/jarjestajat/soste.ics")
    assert [str(c["UID"]).split("@")[0] for c in soste.walk("VEVENT")] == ["2027-02-01-seminaari"]
    assert str(soste["X-WR-CALNAME"]).endswith("– SOSTE")
    everything = {str(c["UID"]).split("@")[0] for c in calendar(built, "tapahtumat.ics").walk("VEVENT")}
    assert "2027-05-toukokuu" not in everything and not built.exists("tapahtumat/2027-05-toukokuu.ics")


# -- pages -------------------------------------------------------------------------------------
def test_place_page(built):
    tree = doc(built, "tapahtumat/paikat/kouvolan-kaupungintalo/")
    assert text(tree.xpath("//h1")[0]) == "Kouvolan kaupungintalo"
    assert [t.strip() for t in tree.xpath("//address")[0].itertext()] == ["Varuskuntakatu 11", "45100 Kouvola"]
    facts = [text(li) for li in tree.xpath("//section[contains(@class,'mt-place__access')]//li")]
    assert facts == ["✓ Esteetön sisäänkäynti", "✗ Ei induktiosilmukkaa"]
    osm = tree.xpath("//a[contains(@href,'openstreetmap.org')]/@href")
    assert osm == ["https://www.openstreetmap.org/?mlat=60.8681&mlon=26.7042#map=18/60.8681/26.7042"]
    assert not tree.xpath("//iframe|//img[contains(@src,'openstreetmap')]")  # a link, no embedded map
    upcoming = tree.xpath("//section[@aria-labelledby='mt-place-upcoming']//h3/a/text()")
    assert upcoming == ["Kymenlaakson verkostotapaaminen", "Seminaari"]  # the series once, by its next date
    assert tree.xpath("//section[@aria-labelledby='mt-place-past']//h3/a/text()") == ["Mennyt tilaisuus"]
    place = jsonld(tree, "Place")
    assert place["address"] == {"@type": "PostalAddress", "streetAddress": "Varuskuntakatu 11", "postalCode": "45100",
                                "addressLocality": "Kouvola", "addressRegion": "Kymenlaakson hyvinvointialue",
                                "addressCountry": "FI"}
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 60.8681, "longitude": 26.7042}


def test_hostile_place_is_escaped_everywhere(built):
    page = built.html("tapahtumat/paikat/vaarallinen/")
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert json.loads(lxml.html.fromstring(page).xpath("//script[@type='application/ld+json']")[0].text)["name"] == HOSTILE
    series = built.html("tapahtumat/sarja/kerrat/")
    assert "<script>alert" not in series
    # the series met here once (an override's place): listed here, at this place, on that date
    item = lxml.html.fromstring(page).xpath("//li[@data-mt-event]")[0]
    assert text(item.xpath(".//*[@class='mt-event__when']")[0]) == "to 8.4.2027 klo 13–15"
    assert text(item.xpath(".//*[@class='mt-event__where']")[0]) == f"{HOSTILE}, Lappeenranta"


def test_organizer_page_and_index_pages(built):
    tree = doc(built, "tapahtumat/jarjestajat/kykasote/")
    assert text(tree.xpath("//h1")[0]) == "Kymen-Karjalan sosiaali- ja terveysturva ry"
    assert tree.xpath("//a[@href='mailto:toimisto@kykasote.example.fi']") and tree.xpath("//a[@href='tel:0401234567']")
    assert tree.xpath("//a[@href='webcal://testi.example.fi/tapahtumat/jarjestajat/kykasote.ics']")
    assert tree.xpath("//link[@type='text/calendar'][@href='../kykasote.ics']")
    assert tree.xpath("//section[@aria-labelledby='mt-org-past']//h3/a/text()") == ["Mennyt tilaisuus"]
    org = jsonld(tree, "Organization")
    assert (org["alternateName"], org["email"], org["telephone"]) == ("Kykasote", "toimisto@kykasote.example.fi",
                                                                      "040 123 4567")
    author = doc(built, "blogi/kirjoittajat/testaaja/")
    assert author.xpath("//p[@class='mt-person__role']/a/@href") == ["../../../tapahtumat/jarjestajat/kykasote/"]
    places = text(doc(built, "tapahtumat/paikat/"))
    assert "Kouvolan kaupungintalo, Varuskuntakatu 11 – 2 tulevaa tapahtumaa" in places
    organizers = text(doc(built, "tapahtumat/jarjestajat/"))
    assert "SOSTE Suomen sosiaali ja terveys ry – 2 tulevaa tapahtumaa" in organizers


def test_series_page_lists_every_occurrence_with_its_status(built):
    tree = doc(built, "tapahtumat/sarja/kerrat/")
    items = [text(li) for li in tree.xpath("//section[@aria-labelledby='mt-series-next']//li")]
    assert items[0] == "Seuraava: to 14.1.2027 klo 13–15"
    assert "to 18.3.2027 klo 14–16 (siirretty, alun perin 11.3.2027) – Siirretty viikolla" in items
    assert "Peruttu to 13.5.2027 klo 13–15 – Peruttu" in items
    assert any(i.startswith("to 8.4.2027 klo 13–15 · Tom & Jerry") for i in items)
    assert not any("10.6.2027" in i or "8.7.2027" in i for i in items) and len(items) == 10
    assert [text(t) for t in tree.xpath("//section[@aria-labelledby='mt-series-breaks']//time")] == ["10.6.2027",
                                                                                                   "8.7.2027"]
    assert tree.xpath("//del")  # the cancelled date is struck through, and said in words


def test_event_page_place_organizers_price_and_jsonld(built):
    tree = doc(built, "tapahtumat/2027-02-01-seminaari/")
    venue = tree.xpath("//section[@class='mt-venue']")[0]
    assert venue.xpath(".//h3/a/@href") == ["../paikat/kouvolan-kaupungintalo/"]
    facts = {text(dt): text(dt.getnext()) for dt in venue.xpath(".//dl[contains(@class,'mt-venue__facts')]/dt")}
    assert facts == {"Yhteystiedot": "Kykasote: toimisto@kykasote.example.fi, puh. 040 123 4567", "Hinta": "20 €",
                     "Kieli": "Suomi"}
    top = {text(dt): text(dt.getnext()) for dt in tree.xpath(  # the key facts and the facts after the text
        "//article//dl[contains(@class, 'mt-event-facts')][not(contains(@class, 'mt-venue__facts'))]/dt")}
    assert top["Järjestäjät"] == "Kymen-Karjalan sosiaali- ja terveysturva ry, SOSTE Suomen sosiaali ja terveys ry"
    data = jsonld(tree, "Event")
    assert data["location"]["@type"] == "Place" and data["location"]["address"]["postalCode"] == "45100"
    assert [o["name"] for o in data["organizer"]] == ["Kymen-Karjalan sosiaali- ja terveysturva ry",
                                                      "SOSTE Suomen sosiaali ja terveys ry"]
    assert data["offers"] == {"@type": "Offer", "url": "https://ilmo.example.fi/s", "price": 20.0, "priceCurrency": "EUR"}
    assert data["inLanguage"] == "fi"


def test_series_event_page_and_jsonld(built):
    tree = doc(built, "tapahtumat/sarja/")
    data = jsonld(tree, "Event")
    assert data["offers"]["price"] == 0 and data["isAccessibleForFree"] is True
    assert data["inLanguage"] == ["fi", "sv"]
    assert data["eventSchedule"]["exceptDate"] == ["2027-06-10", "2027-07-08"]
    assert data["eventSchedule"]["endDate"] == "2027-12-31"
    subs = {s["startDate"]: s for s in data["subEvent"]}
    assert subs["2027-03-18T14:00:00+02:00"]["previousStartDate"] == "2027-03-11T13:00:00+02:00"
    assert subs["2027-05-13T13:00:00+03:00"]["eventStatus"] == "https://schema.org/EventCancelled"
    assert subs["2027-04-08T13:00:00+03:00"]["location"]["name"] == HOSTILE
    series = [text(li) for li in tree.xpath("//section[@class='mt-event-series']//li")]
    assert series[:3] == ["to 14.1.2027 klo 13–15", "to 11.2.2027 klo 13–15",
                          "to 18.3.2027 klo 14–16 (siirretty, alun perin 11.3.2027) – Siirretty viikolla"]
    assert tree.xpath("//a[@href='kerrat/']")
    services = [text(li) for li in tree.xpath("//section[@class='mt-venue']//dd//li")]
    assert services == ["✓ Viittomakielen tulkkaus"]


def test_month_only_events_said_honestly(built):
    past = doc(built, "tapahtumat/2023-04-huhtikuu/")
    assert "Huhtikuu 2023 Tarkkaa päivää ei ole tallessa." in text(past.xpath("//dl[@class='mt-event-facts']")[0])
    assert "ei ole vielä tiedossa" not in text(past)
    future = doc(built, "tapahtumat/2027-05-toukokuu/")
    assert "Toukokuu 2027 Tarkka päivä ilmoitetaan myöhemmin." in text(future.xpath("//dl[@class='mt-event-facts']")[0])
    assert "Tapahtuma tulee kalentereihin, kun sen päivä on tiedossa." in text(future)
    assert not future.xpath("//a[contains(@href,'.ics')][contains(@href,'toukokuu')]")
    assert jsonld(future, "Event")["startDate"] == "2027-05"


def test_region_page_lists_its_organisations_events(built):
    tree = doc(built, "alueet/kymenlaakso/")
    section = tree.xpath("//section[@aria-labelledby='mt-alueen-jarjestot']")[0]
    assert text(section.xpath("h2")[0]) == "Kymenlaakson järjestöjen tapahtumat"
    assert section.xpath(".//h3/a/@href") == ["../../tapahtumat/jarjestajat/kykasote/"]
    assert section.xpath(".//h4/a/text()") == ["Kymenlaakson verkostotapaaminen", "Seminaari"]


def test_libical_reads_the_series_without_complaint(built):
    from test_events_ics import _libical, libical_errors  # one ctypes binding for every .ics test

    lib = _libical()
    for path in ("tapahtumat/sarja.ics", "tapahtumat/jarjestajat/kykasote.ics"):
        assert libical_errors(lib, (built.site / path).read_bytes()) == [], path


def test_a_bare_town_gets_no_place_block(built):
    tree = doc(built, "tapahtumat/2023-04-huhtikuu/")  # no place, organiser without contact details, only Finnish
    assert not tree.xpath("//section[@class='mt-venue']")
