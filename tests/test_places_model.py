"""Places, organisers, series changes, price, languages and services as editors write them:
every new field's value and every mistake's `path:line: field: message`."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from muutostuki.content.site import ContentPaths, load_site
from muutostuki.content.timeutil import HELSINKI

BUILD_TIME = datetime(2027, 5, 1, 12, 0, tzinfo=HELSINKI)

PLACE = """\
name: Mikkelin kaupungintalo
address: Maaherrankatu 9
postal_code: "50100"
city: Mikkeli
region: etela-savo
coordinates: {lat: 61.6886, lon: 27.2723}
accessibility:
  step_free: true
  accessible_toilet: true
  induction_loop: false
  parking: Invapaikat sisäpihalla
"""
ORGANIZER = """\
name: SOSTE Suomen sosiaali ja terveys ry
short_name: SOSTE
url: https://www.soste.fi/
email: info@soste.example.fi
phone: 040 123 4567
"""
SERIES = """\
---
title: Verkostoilta
start: 2027-05-04 18:00
end: 2027-05-04 19:30
recurrence: FREQ=WEEKLY;BYDAY=TU;UNTIL=20270831
place: mikkelin-kaupungintalo
organizer: [soste, {name: Muu ry, email: muu@example.fi}]
exceptions: [2027-06-29, 2027-07-06]
overrides:
  - date: 2027-05-11
    start: 2027-05-12 17:00
    note: Poikkeuksellisesti keskiviikkona
  - date: 2027-05-18
    status: cancelled
price: maksuton
languages: [fi, sv]
services: [sign_language, quiet_space]
registration: https://ilmo.example.fi/
---
Teksti.
"""


def load(tmp_path, files: dict[str, str]):
    for rel, text in {"events/paikat/mikkelin-kaupungintalo.yml": PLACE, "events/jarjestajat/soste.yml": ORGANIZER,
                      **files}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir(exist_ok=True)
    return load_site(ContentPaths(root=tmp_path), BUILD_TIME)


def errors_of(tmp_path, files: dict[str, str]) -> list[str]:
    return [str(e) for e in load(tmp_path, files).errors.errors]


def test_place_file_fields(tmp_path):
    site = load(tmp_path, {})
    place = site.places["mikkelin-kaupungintalo"]
    assert site.errors.errors == []
    assert place.one_line == "Mikkelin kaupungintalo, Maaherrankatu 9, 50100 Mikkeli"
    assert place.coordinates == {"lat": 61.6886, "lon": 27.2723}
    assert place.osm_url == "https://www.openstreetmap.org/?mlat=61.6886&mlon=27.2723#map=18/61.6886/27.2723"
    assert place.accessibility_facts == [("Esteetön sisäänkäynti", True), ("Esteetön wc", True),
                                         ("Ei induktiosilmukkaa", False)]
    assert place.accessibility_notes == [("Pysäköinti", "Invapaikat sisäpihalla")]
    assert place.page_url == "tapahtumat/paikat/mikkelin-kaupungintalo/"


def test_organizer_file_fields(tmp_path):
    organizer = load(tmp_path, {}).organizers["soste"]
    assert (organizer.short_name, organizer.email, organizer.phone) == ("SOSTE", "info@soste.example.fi", "040 123 4567")
    assert organizer.ics_url == "tapahtumat/jarjestajat/soste.ics"


def test_event_refers_to_place_and_organizers_by_id_and_inline(tmp_path):
    site = load(tmp_path, {"events/ilta.md": SERIES})
    assert site.errors.errors == []
    event = site.events_by_id["ilta"]
    assert event.venue is site.places["mikkelin-kaupungintalo"]
    assert event.location == {"name": "Mikkelin kaupungintalo", "address": "Maaherrankatu 9", "city": "Mikkeli"}
    assert [o.id for o in event.organizers] == ["soste", ""] and event.organizers[1].email == "muu@example.fi"
    assert event.organizer == {"name": "SOSTE Suomen sosiaali ja terveys ry", "url": "https://www.soste.fi/"}
    assert event.is_free and event.language_names == ["suomi", "ruotsi"]
    assert event.service_names == ["Viittomakielen tulkkaus", "Hiljainen tila"]
    assert [o.event.id for o in site.occurrences_by_place["mikkelin-kaupungintalo"]][:1] == ["ilta"]
    assert site.occurrences_by_organizer["soste"][0].start == datetime(2027, 5, 4, 18, 0, tzinfo=HELSINKI)


def test_series_skips_moves_and_cancels(tmp_path):
    event = load(tmp_path, {"events/ilta.md": SERIES}).events_by_id["ilta"]
    occs = event.occurrences(datetime(2027, 7, 31, tzinfo=HELSINKI))
    days = [o.start.date() for o in occs]
    assert date(2027, 6, 29) not in days and date(2027, 7, 6) not in days and date(2027, 7, 13) in days
    moved = next(o for o in occs if o.original_start and o.original_start.date() == date(2027, 5, 11))
    assert moved.start == datetime(2027, 5, 12, 17, 0, tzinfo=HELSINKI)
    assert moved.end == datetime(2027, 5, 12, 18, 30, tzinfo=HELSINKI)  # the series' duration kept
    assert moved.is_moved and moved.note == "Poikkeuksellisesti keskiviikkona" and moved.status == "scheduled"
    cancelled = next(o for o in occs if o.start.date() == date(2027, 5, 18))
    assert cancelled.status == "cancelled" and not cancelled.is_moved
    assert event.exception_starts() == [datetime(2027, 6, 29, 18, 0, tzinfo=HELSINKI),
                                        datetime(2027, 7, 6, 18, 0, tzinfo=HELSINKI)]
    assert [o.original_start.date() for o in event.override_occurrences()] == [date(2027, 5, 11), date(2027, 5, 18)]


def _event(**fields) -> str:
    lines = ["---", "title: Testi", "start: 2027-05-04 18:00"] + [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines + ["---", "Teksti.", ""])


WEEKLY = "FREQ=WEEKLY;BYDAY=TU"
EVENT_MISTAKES = [
    ("unknown place", {"place": "mikkelin-kaupungintal"},
     "events/x.md:4: place: tuntematon paikka 'mikkelin-kaupungintal'. Tarkoititko 'mikkelin-kaupungintalo'? "
     "Tunniste on tiedoston nimi kansiossa events/paikat/"),
    ("place and location", {"place": "mikkelin-kaupungintalo", "location": "{city: Mikkeli}"},
     "events/x.md:5: location: anna paikka joko tunnisteella (place) tai kenttinä (location), ei molempia"),
    ("unknown organizer", {"organizer": "[sostee]"},
     "events/x.md:4: organizer: tuntematon järjestäjä 'sostee'. Tarkoititko 'soste'?"),
    ("bad inline organizer e-mail", {"organizer": "{name: X ry, email: x-at-example}"},
     "events/x.md:4: organizer: email: 'x-at-example' ei ole sähköpostiosoite"),
    ("exceptions without a series", {"exceptions": "[2027-05-11]"},
     "events/x.md:4: exceptions: exceptions koskee vain toistuvaa tapahtumaa"),
    ("exception not a series day", {"recurrence": WEEKLY, "exceptions": "[2027-05-12]"},
     "events/x.md:5: exceptions: 12.5.2027 ei ole sarjan päivä, joten sitä ei voi jättää pois"),
    ("exception with a time", {"recurrence": WEEKLY, "exceptions": "[2027-05-11 18:00]"},
     "events/x.md:5: exceptions: 1. päivä: kirjoita pelkkä päivämäärä ilman kellonaikaa"),
    ("exception twice", {"recurrence": WEEKLY, "exceptions": "[2027-05-11, 2027-05-11]"},
     "events/x.md:5: exceptions: 11.5.2027 on listassa kahdesti"),
    ("override not a series day", {"recurrence": WEEKLY, "overrides": "\n  - date: 2027-05-13\n    status: cancelled"},
     "events/x.md:6: overrides: 13.5.2027 ei ole sarjan päivä"),
    ("override in another form", {"recurrence": WEEKLY, "overrides": "\n  - date: 2027-05-11\n    start: 2027-05-12"},
     "events/x.md:6: overrides: start: käytä samaa muotoa kuin sarjan start (VVVV-KK-PP HH:MM)"),
    ("override changes nothing", {"recurrence": WEEKLY, "overrides": "\n  - date: 2027-05-11"},
     "events/x.md:6: overrides: 1. muutos ei muuta mitään"),
    ("override unknown key", {"recurrence": WEEKLY, "overrides": "\n  - date: 2027-05-11\n    statsu: cancelled"},
     "events/x.md:6: overrides: 1. muutos: tuntematon alikenttä 'statsu'"),
    ("override unknown place", {"recurrence": WEEKLY, "overrides": "\n  - date: 2027-05-11\n    place: kouvola"},
     "events/x.md:6: overrides: tuntematon paikka 'kouvola'"),
    ("override also an exception", {"recurrence": WEEKLY, "exceptions": "[2027-05-11]",
                                    "overrides": "\n  - date: 2027-05-11\n    status: cancelled"},
     "events/x.md:7: overrides: 11.5.2027 on myös kohdassa exceptions"),
    ("override twice", {"recurrence": WEEKLY, "overrides": "\n  - {date: 2027-05-11, status: cancelled}"
                        "\n  - {date: 2027-05-11, note: x}"},
     "events/x.md:7: overrides: päivälle 11.5.2027 on kaksi muutosta"),
    ("unknown language", {"languages": "[fin]"}, "events/x.md:4: languages: tuntematon kieli 'fin'"),
    ("unknown service", {"services": "quiet"},
     "events/x.md:4: services: tuntematon palvelu 'quiet'; sallitut: sign_language (Viittomakielen tulkkaus)"),
    ("empty price", {"price": '""'}, "events/x.md:4: price: ei saa olla tyhjä"),
    ("month precision series", {"recurrence": WEEKLY, "start": "2027-05-04", "date_precision": "month"},
     "events/x.md:5: date_precision: toistuvalla tapahtumalla on aina tarkat päivät"),
]


@pytest.mark.parametrize("fields,expected", [m[1:] for m in EVENT_MISTAKES], ids=[m[0] for m in EVENT_MISTAKES])
def test_event_mistakes(tmp_path, fields, expected):
    if fields.get("start"):
        text = _event(**fields).replace("start: 2027-05-04 18:00\n", "", 1)
    else:
        text = _event(**fields)
    found = errors_of(tmp_path, {"events/x.md": text})
    assert any(e.startswith(expected) for e in found), found


FILE_MISTAKES = [
    ("postal code", "events/paikat/p.yml", "name: P\ncity: Mikkeli\npostal_code: 5010\n",
     "events/paikat/p.yml:3: postal_code: '5010' ei ole postinumero"),
    ("swapped coordinates", "events/paikat/p.yml", "name: P\ncity: Mikkeli\ncoordinates: {lat: 27.27, lon: 61.69}\n",
     "events/paikat/p.yml:3: coordinates: lat: 27.27 ei ole Suomessa"),
    ("accessibility typo", "events/paikat/p.yml", "name: P\ncity: M\naccessibility:\n  stepfree: true\n",
     "events/paikat/p.yml:4: accessibility: tuntematon alikenttä 'stepfree'"),
    ("accessibility not yes/no", "events/paikat/p.yml", "name: P\ncity: M\naccessibility:\n  step_free: kyllä\n",
     "events/paikat/p.yml:4: accessibility: step_free: pitää olla true tai false"),
    ("place without city", "events/paikat/p.yml", "name: P\n", "events/paikat/p.yml:1: city: pakollinen kenttä puuttuu"),
    ("place region", "events/paikat/p.yml", "name: P\ncity: M\nregion: etela-savoo\n",
     "events/paikat/p.yml:3: region: tuntematon alue 'etela-savoo'. Tarkoititko 'etela-savo'?"),
    ("place file name", "events/paikat/Iso Sali.yml", "name: P\ncity: M\n",
     "events/paikat/Iso Sali.yml:1: tiedosto: tiedostonimi 'Iso Sali.yml' ei kelpaa paikan tunnisteeksi"),
    ("place not a mapping", "events/paikat/p.yml", "- name: P\n", "events/paikat/p.yml:1: tiedosto: tiedostossa pitää"),
    ("place YAML", "events/paikat/p.yml", "name: P\ncity: [M\n", "events/paikat/p.yml:3: yaml: YAML-virhe"),
    ("organizer e-mail", "events/jarjestajat/o.yml", "name: O\nemail: o@\n",
     "events/jarjestajat/o.yml:2: email: 'o@' ei ole sähköpostiosoite"),
    ("organizer phone", "events/jarjestajat/o.yml", "name: O\nphone: soita meille\n",
     "events/jarjestajat/o.yml:2: phone: 'soita meille' ei ole puhelinnumero"),
    ("organizer unknown field", "events/jarjestajat/o.yml", "name: O\nwebsite: https://o.fi/\n",
     "events/jarjestajat/o.yml:2: website: tuntematon kenttä järjestäjälle; sallitut kentät: name, short_name, url"),
]


@pytest.mark.parametrize("name,text,expected", [m[1:] for m in FILE_MISTAKES], ids=[m[0] for m in FILE_MISTAKES])
def test_place_and_organizer_file_mistakes(tmp_path, name, text, expected):
    found = errors_of(tmp_path, {name: text})
    assert any(e.startswith(expected) for e in found), found


def test_every_mistake_of_a_run_is_reported(tmp_path):
    bad = _event(place="paikka", organizer="[sostee]", recurrence=WEEKLY, exceptions="[2027-05-12]",
                 languages="[fin]")
    found = errors_of(tmp_path, {"events/x.md": bad, "events/paikat/p.yml": "name: P\ncity: M\npostal_code: x\n"})
    fields = sorted(e.split(": ")[1] for e in found)
    assert fields == ["exceptions", "languages", "organizer", "place", "postal_code"], found


def test_a_bad_place_file_is_reported_once_not_again_as_unknown_in_its_events(tmp_path):
    found = errors_of(tmp_path, {"events/paikat/p.yml": "name: P\n", "events/x.md": _event(place="p", organizer="o"),
                                 "events/jarjestajat/o.yml": "name: O\nemail: x\n"})
    assert found == ["events/jarjestajat/o.yml:2: email: 'x' ei ole sähköpostiosoite; kirjoita muodossa "
                     "nimi@esimerkki.fi", "events/paikat/p.yml:1: city: pakollinen kenttä puuttuu; lisää front "
                     "matteriin rivi 'city: ...' (kunta tai kaupunki)"]


def test_an_author_links_to_an_organizer_by_id(tmp_path):
    authors = "authors:\n  henna:\n    name: Henna\n    organizer: soste\n  mr:\n    name: M. R.\n    organizer: sostee\n"
    site = load(tmp_path, {"blog/authors.yml": authors})
    assert site.authors["henna"].organizer == "soste"
    assert [str(e) for e in site.errors.errors] == [
        "blog/authors.yml:5: mr.organizer: tuntematon järjestäjä 'sostee'. Tarkoititko 'soste'? Tunniste on tiedoston "
        "nimi kansiossa events/jarjestajat/ ilman .yml-päätettä; tunnetut: soste"]
