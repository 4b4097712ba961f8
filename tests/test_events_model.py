"""Events as editors write them: every mistake's message, occurrences, registration, texts and links."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from event_files import HOSTILE
from muutostuki.content.events import Occurrence
from muutostuki.content.site import ContentPaths, load_site
from muutostuki.content.timeutil import HELSINKI
from muutostuki.event_text import description_text, html_to_text, location_text
from muutostuki.pages.fi_recurrence import describe
from muutostuki.pages.jsonld import dumps, script_tag
from muutostuki.pages.event_links import google_calendar_url, webcal

BUILD_TIME = datetime(2026, 11, 23, 12, 0, tzinfo=HELSINKI)


def event_file(**fields) -> str:
    """title on line 2, start on line 3, the other fields from line 4 on."""
    body = fields.pop("body", "Kuvaus.")
    fields = {"title": "Testitapahtuma", "start": "2026-12-09 13:00", **fields}
    lines = ["---", *(f"{key}: {value}" for key, value in fields.items()), "---", "", body, ""]
    return "\n".join(lines)


def load(tmp_path, files: dict[str, str], build_time: datetime = BUILD_TIME):
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir(exist_ok=True)
    return load_site(ContentPaths(root=tmp_path), build_time)


def messages(tmp_path, text: str, name: str = "events/x.md") -> list[str]:
    return [str(e) for e in load(tmp_path, {name: text}).errors.errors]


# -- editors' mistakes: one message each, `path:line: field: message` in Finnish --------------------------
MISTAKES = [
    ("bad date", {"start": "2026-02-30"},
     "events/x.md:3: start: päivämäärää '2026-02-30' ei ole olemassa"),
    ("bad time", {"start": "2026-12-09 25:00"},
     "events/x.md:3: start: päivämäärää tai kellonaikaa '2026-12-09 25:00' ei ole olemassa"),
    ("not a date", {"start": "9.12.2026"}, "events/x.md:3: start: '9.12.2026' ei ole päivämäärä; käytä muotoa"),
    ("time skipped by DST", {"start": "2027-03-28 03:30"},
     "events/x.md:3: start: kellonaikaa '2027-03-28 03:30' ei ole Suomessa olemassa"),
    ("end before start", {"end": "2026-12-09 12:00"},
     "events/x.md:4: end: tapahtuma päättyy ennen kuin se alkaa; korjaa end myöhemmäksi kuin start"),
    ("end in another form", {"end": "2026-12-10"}, "events/x.md:4: end: käytä samaa muotoa kuin start"),
    ("unknown region", {"regions": "[etela-savo, pirkanma]"},
     "events/x.md:4: regions: tuntematon alue 'pirkanma'. Tarkoititko 'pirkanmaa'?"),
    ("deadline after the event", {"registration": "\n  url: https://ilmo.example.fi/x\n  deadline: 2026-12-10"},
     "events/x.md:6: registration: ilmoittautumisen määräaika on tapahtuman alun jälkeen"),
    ("malformed RRULE", {"recurrence": "FREQ=MONTLY;BYDAY=1TU"},
     "events/x.md:4: recurrence: toistosääntöä 'FREQ=MONTLY;BYDAY=1TU' ei voi lukea (invalid 'FREQ': MONTLY)"),
    ("RRULE without FREQ", {"recurrence": "BYDAY=1TU"},
     "events/x.md:4: recurrence: 'BYDAY=1TU' ei ole toistosääntö: FREQ puuttuu"),
    ("RRULE with COUNT and UNTIL", {"recurrence": "FREQ=WEEKLY;COUNT=3;UNTIL=20270101"},
     "events/x.md:4: recurrence: käytä joko COUNT (kertojen määrä) tai UNTIL (viimeinen päivä), ei molempia"),
    ("RRULE UNTIL in UTC", {"recurrence": "FREQ=WEEKLY;UNTIL=20270101T000000Z"},
     "events/x.md:4: recurrence: kirjoita UNTIL Suomen aikana ilman Z-loppua"),
    ("RRULE with a DTSTART line", {"recurrence": '"FREQ=WEEKLY\\nDTSTART:20200101"'},
     "events/x.md:4: recurrence: toistosäännössä saa olla vain kirjaimia"),
    ("start not on the rule", {"start": "2026-12-03 14:00", "recurrence": "FREQ=MONTHLY;BYDAY=1TU"},
     "events/x.md:4: recurrence: start ei ole toistosäännön mukainen päivä; siirrä start sarjan ensimmäiseen "
     "kertaan tai korjaa sääntö. Ensimmäinen säännön mukainen päivä on 5.1.2027."),
    ("unknown status", {"status": "canceled"},
     "events/x.md:4: status: 'canceled' ei ole sallittu arvo; sallitut: scheduled, cancelled, postponed. "
     "Tarkoititko 'cancelled'?"),
    ("javascript: registration", {"registration": "javascript:alert(1)"},
     "events/x.md:4: registration: 'javascript:alert(1)' ei ole kelvollinen verkko-osoite; käytä muotoa https://"),
    ("data: registration url", {"registration": "\n  url: data:text/html,x\n  deadline: 2026-12-01"},
     "events/x.md:5: registration: url: 'data:text/html,x' ei ole kelvollinen verkko-osoite"),
    ("ftp online link", {"online": "ftp://tiedostot.example.fi/"},
     "events/x.md:4: online: 'ftp://tiedostot.example.fi/' ei ole kelvollinen verkko-osoite"),
    ("javascript: organizer url", {"organizer": "\n  name: SOSTE\n  url: javascript:alert(1)"},
     "events/x.md:6: organizer: url: 'javascript:alert(1)' ei ole kelvollinen verkko-osoite"),
    ("month precision with a time", {"date_precision": "month"},
     "events/x.md:3: start: kun date_precision on month, start on pelkkä päivämäärä ilman kellonaikaa"),
    ("unknown field", {"paikka": "Mikkeli"}, "events/x.md:4: paikka: tuntematon kenttä tapahtumalle"),
]


@pytest.mark.parametrize("fields, expected", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_each_mistake_has_its_message(tmp_path, fields, expected):
    found = messages(tmp_path, event_file(**fields))
    assert any(line.startswith(expected) for line in found), (expected, found)


def test_reserved_and_bad_file_names(tmp_path):
    found = [str(e) for e in load(tmp_path, {"events/tilaa.md": event_file(),
                                             "events/Väärä Nimi.md": event_file()}).errors.errors]
    assert "events/tilaa.md:1: tiedosto: tiedostonimi 'tilaa' on varattu sivuston omaan käyttöön; valitse toinen nimi" in found
    assert any(line.startswith("events/Väärä Nimi.md:1: tiedosto: tiedostonimi 'Väärä Nimi' ei kelpaa") for line in found)


def test_all_mistakes_of_all_files_in_one_run(tmp_path):
    site = load(tmp_path, {
        "events/a.md": event_file(start="2026-13-01", status="peruttu"),
        "events/b.md": event_file(regions="[kainu]", recurrence="FREQ=SOMETIMES"),
        "events/c.md": event_file(),  # valid: still loaded
    })
    fields = sorted((e.path, e.field) for e in site.errors.errors)
    assert fields == [("events/a.md", "start"), ("events/a.md", "status"),
                      ("events/b.md", "recurrence"), ("events/b.md", "regions")]
    assert "c" in site.events_by_id and "a" not in site.events_by_id  # a has no start: nothing to show


def test_valid_event_fields(tmp_path):
    site = load(tmp_path, {"events/x.md": event_file(
        end="2026-12-09 15:00", online="https://meet.example.fi/x",
        location="\n  name: Järjestötalo\n  city: Mikkeli", organizer="SOSTE ry",
        registration="https://ilmo.example.fi/x", recurrence="rrule:freq=weekly;until=20261223")})
    assert not site.errors, site.errors.errors
    event = site.events_by_id["x"]
    assert event.attendance == "mixed" and event.online_url == "https://meet.example.fi/x"
    assert event.organizer == {"name": "SOSTE ry"} and event.registration == {"url": "https://ilmo.example.fi/x"}
    assert event.recurrence == "FREQ=WEEKLY;UNTIL=20261223T235959"  # a bare UNTIL date includes its day
    assert [o.start.day for o in event.occurrences(BUILD_TIME + timedelta(days=60))] == [9, 16, 23]


# -- occurrences ----------------------------------------------------------------------------------------
def test_monthly_series_keeps_wall_clock_time_across_dst(tmp_path):
    site = load(tmp_path, {"events/sarja.md": event_file(
        start="2027-02-02 14:00", end="2027-02-02 15:30", recurrence="FREQ=MONTHLY;BYDAY=1TU;COUNT=3")})
    occs = site.events_by_id["sarja"].occurrences(BUILD_TIME + timedelta(days=400))
    assert [(o.start.month, o.start.day, o.start.hour) for o in occs] == [(2, 2, 14), (3, 2, 14), (4, 6, 14)]
    assert [o.start.utcoffset() for o in occs] == [timedelta(hours=2), timedelta(hours=2), timedelta(hours=3)]
    assert occs[2].end == datetime(2027, 4, 6, 15, 30, tzinfo=HELSINKI)
    assert len([o for o in site.occurrences if o.event.id == "sarja"]) == 3


def test_series_without_end_reaches_the_calendar_horizon(tmp_path):
    site = load(tmp_path, {"events/sarja.md": event_file(start="2026-12-01 14:00", recurrence="FREQ=MONTHLY;BYDAY=1TU")})
    starts = [o.start for o in site.occurrences]
    assert starts[0] == datetime(2026, 12, 1, 14, 0, tzinfo=HELSINKI)
    assert max(starts) <= site.calendar_end and max(starts) >= BUILD_TIME + timedelta(days=365)


def test_multi_day_and_month_precision_ends(tmp_path):
    site = load(tmp_path, {
        "events/paivat.md": event_file(start="2027-03-24", end="2027-03-25"),
        "events/kuu.md": event_file(start="2023-04-01", date_precision="month"),
    })
    days = Occurrence(site.events_by_id["paivat"], date(2027, 3, 24), date(2027, 3, 25))
    assert days.end_dt == datetime(2027, 3, 26, tzinfo=HELSINKI)
    month = site.events_by_id["kuu"]
    assert Occurrence(month, month.start, None).end_dt == datetime(2023, 5, 1, tzinfo=HELSINKI)
    late_april = load(tmp_path, {}, build_time=datetime(2023, 4, 28, 12, tzinfo=HELSINKI))
    assert [o.event.id for o in late_april.upcoming] == ["kuu", "paivat"]  # "some day in April" is not over yet
    early_may = load(tmp_path, {}, build_time=datetime(2023, 5, 1, 0, 0, tzinfo=HELSINKI))
    assert [o.event.id for o in early_may.past] == ["kuu"]


def test_registration_open_until_deadline_day_and_never_after_the_event(tmp_path):
    site = load(tmp_path, {
        "events/a.md": event_file(registration="\n  url: https://ilmo.example.fi/a\n  deadline: 2026-12-07"),
        "events/b.md": event_file(registration="https://ilmo.example.fi/b"),
        "events/c.md": event_file(registration="https://ilmo.example.fi/c", status="cancelled"),
        "events/d.md": event_file(registration="https://ilmo.example.fi/d", status="postponed"),
    })
    a, b, c, d = (site.events_by_id[k] for k in "abcd")
    assert a.registration_open(datetime(2026, 12, 7, 23, 59, tzinfo=HELSINKI))
    assert not a.registration_open(datetime(2026, 12, 8, 0, 0, tzinfo=HELSINKI))
    assert b.registration_open(datetime(2026, 12, 9, 12, 59, tzinfo=HELSINKI))
    assert not b.registration_open(datetime(2026, 12, 9, 13, 0, tzinfo=HELSINKI))
    assert not c.registration_open(BUILD_TIME) and not d.registration_open(BUILD_TIME)


# -- texts, links, JSON-LD ------------------------------------------------------------------------------
@pytest.mark.parametrize("rule, text", [
    ("FREQ=MONTHLY;BYDAY=1TU", "Joka kuukauden ensimmäinen tiistai"),
    ("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T235959", "Joka kuukauden viimeinen perjantai, 31.12.2027 asti"),
    ("FREQ=WEEKLY;BYDAY=WE;COUNT=6", "Keskiviikkoisin, 6 kertaa"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "Joka toinen viikko maanantaisin ja torstaisin"),
    ("FREQ=YEARLY", "Vuosittain"),
    ("FREQ=MONTHLY;BYMONTHDAY=15", "Toistuva tapahtuma"),
])
def test_recurrence_in_finnish(rule, text):
    assert describe(rule) == text


def test_json_ld_cannot_end_its_script_element():
    obj = {"name": HOSTILE + "</script><!--", "place": "a\u2028b"}
    text = dumps(obj)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == obj
    tag = script_tag(obj)
    assert tag.startswith('<script type="application/ld+json">') and tag.count("</script>") == 1


def test_plain_text_of_rendered_body():
    html = '<p>Tervetuloa &amp; <b>tule</b>\nmukaan</p>\n<ul>\n<li class="x">yksi</li>\n<li>kaksi</li>\n</ul><h2>Ohjelma</h2>'
    assert html_to_text(html) == "Tervetuloa & tule mukaan\n\n- yksi\n- kaksi\n\nOhjelma"


def test_google_calendar_link_encodes_everything(tmp_path):
    site = load(tmp_path, {"events/x.md": event_file(
        title=json.dumps(HOSTILE), start="2027-03-29 10:00", end="2027-03-29 12:00",
        location="\n  name: \"Sali #1 & 2\"\n  city: Mikkeli", body="Ohjelma & kahvit.")})
    event = site.events_by_id["x"]
    url = google_calendar_url(event, description_text(event, "https://testi.example.fi/tapahtumat/x/"),
                              location_text(event))
    query = parse_qs(urlsplit(url).query)
    assert urlsplit(url).netloc == "calendar.google.com"
    assert query["text"] == [HOSTILE] and query["location"] == ["Sali #1 & 2, Mikkeli"]
    assert query["dates"] == ["20270329T070000Z/20270329T090000Z"]  # 10-12 EEST, after the spring change
    assert query["details"][0].endswith("Lisätietoja: https://testi.example.fi/tapahtumat/x/")
    assert "<" not in url and " " not in url and '"' not in url


def test_no_google_link_without_a_known_day_and_webcal(tmp_path):
    site = load(tmp_path, {"events/x.md": event_file(start="2027-05-01", date_precision="month")})
    assert google_calendar_url(site.events_by_id["x"], "", "") is None
    assert webcal("https://testi.example.fi/tapahtumat.ics") == "webcal://testi.example.fi/tapahtumat.ics"
