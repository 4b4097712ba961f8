"""Region ids and region files: every editor's mistake is `path:line: field: message`, all in one run."""
import pytest

from conftest import post
from muutostuki.content.errors import ErrorList
from muutostuki.content.region_registry import REGION_IDS
from muutostuki.content.regions import closest_region, load_regions, unknown_region_message

KNOWN = "Tunnetut alueet: " + ", ".join(REGION_IDS)

ETELA_SAVO = """\
---
name: Etelä-Savon hyvinvointialue
brand: Eloisa
---

Teksti.
"""


def test_unknown_region_ids_fail_the_build_with_line_suggestion_and_known_list(build_site):
    result = build_site({
        "docs/alueet/etela-savo.md": ETELA_SAVO,
        "docs/alueet/kainuu.md": "---\nname: Kainuun hyvinvointialue\nneighbours:\n  - pohjois-savo\n  - kymenlakso\n---\n",
        "blog/typo.md": post("Kirjoitusvirhe", "2026-01-01", regions="[etela-savoo]"),
        "blog/name.md": post("Nimi tunnisteen sijaan", "2026-01-02", regions='["Etelä-Savo"]'),
        "events/brand.md": "---\ntitle: Tapahtuma\nstart: 2026-12-01 10:00\nregions:\n  - kainuu\n  - eloisa\n---\n\nKuvaus.\n",
        "blog/ok.md": post("Kunnossa", "2026-01-03", regions="[kainuu]"),
    })
    out = result.output
    assert result.returncode != 0
    assert "Traceback" not in out
    assert f"blog/typo.md:5: regions: tuntematon alue 'etela-savoo'. Tarkoititko 'etela-savo'? {KNOWN}" in out
    assert "blog/name.md:5: regions: 'Etelä-Savo' ei ole alueen tunniste" in out
    assert "Tarkoititko 'etela-savo'?" in out.split("blog/name.md:5: regions:")[1].splitlines()[0]
    # the brand written in docs/alueet/etela-savo.md is understood as a hint
    assert f"events/brand.md:6: regions: tuntematon alue 'eloisa'. Tarkoititko 'etela-savo'? {KNOWN}" in out
    assert f"docs/alueet/kainuu.md:5: neighbours: tuntematon alue 'kymenlakso'. Tarkoititko 'kymenlaakso'? {KNOWN}" in out
    assert "blog/ok.md:5" not in out
    assert "Sisällössä on 4 virhettä" in out


@pytest.mark.parametrize("typed, meant", [
    ("etela-savoo", "etela-savo"), ("Etelä-Savo", "etela-savo"), ("etela-savon-hyvinvointialue", "etela-savo"),
    ("helsingin-kaupunki", "helsinki"), ("vantaa-ja-kerava", "vantaa-kerava"), ("12", "etela-savo"),
    ("birkalands-valfardsomrade", "pirkanmaa"), ("kymenlakso", "kymenlaakso"), ("xyz", None),
])
def test_closest_region(typed, meant):
    assert closest_region(typed) == meant
    message = unknown_region_message(typed)
    assert message.startswith(f"tuntematon alue '{typed}'.")
    assert message.endswith(KNOWN)
    assert ("Tarkoititko" in message) == (meant is not None)


def test_several_fitting_regions_are_all_suggested():
    assert closest_region("savo") is None
    assert unknown_region_message("uusimaa").startswith(
        "tuntematon alue 'uusimaa'. Tarkoititko jotakin näistä: 'ita-uusimaa', 'keski-uusimaa', 'lansi-uusimaa'?")
    assert "'etela-savo', 'pohjois-savo'" in unknown_region_message("savo")


def write(tmp_path, name, text):
    folder = tmp_path / "docs" / "alueet"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def messages(tmp_path):
    errors = ErrorList()
    regions = load_regions(tmp_path / "docs", tmp_path, errors)
    return regions, [str(e) for e in errors.errors], [str(w) for w in errors.warnings]


@pytest.mark.parametrize("front, expected", [
    ("neighbours: [lappi]\n", "docs/alueet/lappi.md:2: neighbours: alue 'lappi' ei voi olla oma naapurinsa"),
    ("neighbours: [kainuu, kainuu]\n", "docs/alueet/lappi.md:2: neighbours: 'kainuu' on listassa kahdesti"),
    ("neighbours:\n  - kainuu\n  - kainuu\n", "docs/alueet/lappi.md:4: neighbours: 'kainuu' on listassa kahdesti; poista toinen (rivit 3 ja 4)"),
    ("website: javascript:alert(1)\n", "docs/alueet/lappi.md:2: website: 'javascript:alert(1)' ei ole kelvollinen"),
    ("network: HyTe ry\n", "docs/alueet/lappi.md:2: network: pitää olla lista verkostojärjestöjä"),
    ("network:\n  - url: https://a.fi/\n", "docs/alueet/lappi.md:2: network: alikenttä 'name' puuttuu"),
    ("network:\n  - name: A\n    contact:\n      name: B\n      email: ei-osoite\n",
     "docs/alueet/lappi.md:2: network: contact: email: 'ei-osoite' ei ole sähköpostiosoite"),
    ("network:\n  - name: A\n    phone: 123\n", "docs/alueet/lappi.md:2: network: tuntematon alikenttä 'phone'"),
    ("brand_name: Lapha\n", "docs/alueet/lappi.md:2: brand_name: tuntematon kenttä alueelle"),
])
def test_region_file_mistakes(tmp_path, front, expected):
    write(tmp_path, "lappi.md", f"---\n{front}---\n\nTeksti.\n")
    _, errors, _ = messages(tmp_path)
    assert any(e.startswith(expected) for e in errors), errors


def test_region_file_name_must_be_a_region_id(tmp_path):
    write(tmp_path, "etela-savon-hyvinvointialue.md", "---\nname: X\n---\n")
    write(tmp_path, "index.md", "Yleiskuvaus alueista.\n")
    _, errors, _ = messages(tmp_path)
    assert errors == ["docs/alueet/etela-savon-hyvinvointialue.md:1: tiedosto: tiedoston nimen pitää olla alueen "
                      "tunniste; 'etela-savon-hyvinvointialue' ei ole alue. Tarkoititko 'etela-savo'?"]


def test_second_main_heading_is_a_warning_with_its_line(tmp_path):
    write(tmp_path, "lappi.md", "---\nbrand: Lapha\n---\n\n# Lappi\n\n```\n# koodia\n```\n")
    regions, errors, warnings = messages(tmp_path)
    assert errors == []
    assert len(warnings) == 1 and warnings[0].startswith("docs/alueet/lappi.md:5: teksti: alueen sivun pääotsikko")
    assert regions["lappi"].brand == "Lapha" and regions["lappi"].source_path == "docs/alueet/lappi.md"


def test_valid_region_file_fills_the_region(tmp_path):
    write(tmp_path, "lappi.md", "---\nbrand: Lapha\ncity: Rovaniemi\nnetwork:\n  - name: A ry\n    note: N\n"
                                "    contact: {name: B, role: C, email: b@a.fi}\nneighbours: [pohjois-pohjanmaa]\n---\n")
    regions, errors, _ = messages(tmp_path)
    assert errors == []
    lappi = regions["lappi"]
    assert lappi.display_name == "Lapin hyvinvointialue Lapha"
    assert lappi.network == [{"name": "A ry", "note": "N", "contact": {"name": "B", "role": "C", "email": "b@a.fi"}}]
    assert lappi.neighbours == ["pohjois-pohjanmaa"]
    assert (lappi.url, lappi.blog_url, lappi.feed_url, lappi.ics_url, lappi.events_url) == (
        "alueet/lappi/", "alueet/lappi/blogi/", "alueet/lappi/feed.xml", "alueet/lappi/tapahtumat.ics",
        "tapahtumat/alueet/lappi/")


def test_the_projects_own_region_files_are_valid():
    from conftest import ROOT
    regions, errors, warnings = (lambda e: (load_regions(ROOT / "docs", ROOT, e), e.errors, e.warnings))(ErrorList())
    assert errors == [] and warnings == []
    assert all(r.source_path for r in regions.values()), "every region has its editors' file"
    assert regions["etela-savo"].brand == "Eloisa"
    assert all(r.city for r in regions.values())
