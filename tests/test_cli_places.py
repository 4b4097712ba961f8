"""`muutostuki new place|organizer` and `check`: files that pass the build's own validation, and
every mistake in places, organisers and series reported by `check` as by the build."""
from __future__ import annotations

from cli_run import run_cli
from conftest import run_build, write_site
from event_files import event


def test_new_place_and_organizer_build_and_are_referred_to(tmp_path):
    write_site(tmp_path, {})
    place = run_cli(tmp_path, "new", "place", "Mikkelin kaupungintalo", "--address", "Maaherrankatu 9",
                    "--postal-code", "50100", "--city", "Mikkeli", "--region", "etela-savo")
    assert place.returncode == 0, place.stderr
    assert place.stdout.strip() == "events/paikat/mikkelin-kaupungintalo.yml"
    assert "place: mikkelin-kaupungintalo" in place.stderr
    organizer = run_cli(tmp_path, "new", "organizer", "YhES – Yhdistykset Etelä-Savossa", "--short-name", "YhES",
                        "--email", "yhes@example.fi", "--region", "etela-savo", "--slug", "yhes")
    assert organizer.returncode == 0 and organizer.stdout.strip() == "events/jarjestajat/yhes.yml", organizer.stderr
    (tmp_path / "events" / "2026-12-03-foorumi.md").write_text(
        event("Foorumi", "2026-12-03 13:00", place="mikkelin-kaupungintalo", organizer="yhes",
              registration="https://ilmo.example.fi/"), encoding="utf-8")
    check = run_cli(tmp_path, "check")
    assert check.returncode == 0 and check.errors == [], check.stdout
    result = run_build(tmp_path)
    assert result.returncode == 0, result.output
    assert "Maaherrankatu 9" in result.html("tapahtumat/paikat/mikkelin-kaupungintalo/")
    assert "ORGANIZER;CN=YhES:mailto:yhes@example.fi" in result.html("tapahtumat/2026-12-03-foorumi.ics")
    again = run_cli(tmp_path, "new", "place", "Mikkelin kaupungintalo", "--city", "Mikkeli")
    assert again.returncode == 1 and "on jo olemassa" in again.stderr


def test_new_place_reports_every_wrong_option(tmp_path):
    write_site(tmp_path, {})
    made = run_cli(tmp_path, "new", "place", "Sali", "--city", "Mikkeli", "--postal-code", "501",
                   "--region", "etela-savoo")
    assert made.returncode == 1 and not (tmp_path / "events" / "paikat").exists()
    assert "--postal-code: '501' ei ole postinumero" in made.stderr
    assert "--region: tuntematon alue 'etela-savoo'. Tarkoititko 'etela-savo'?" in made.stderr
    bad = run_cli(tmp_path, "new", "organizer", "Ry", "--email", "ei-osoite", "--phone", "soita")
    assert bad.returncode == 1 and "--email: 'ei-osoite' ei ole sähköpostiosoite" in bad.stderr
    assert "--phone: 'soita' ei ole puhelinnumero" in bad.stderr


def test_check_reports_place_organizer_and_series_mistakes_like_the_build(tmp_path):
    write_site(tmp_path, {
        "events/paikat/sali.yml": "name: Sali\ncity: Mikkeli\n",
        "events/paikat/vino.yml": "name: Vino\ncity: Mikkeli\ncoordinates: {lat: 27.3, lon: 61.7}\n",
        "events/jarjestajat/yhes.yml": "name: YhES\nemial: x@example.fi\n",
        "events/sarja.md": event("Sarja", "2027-01-05 10:00", recurrence="FREQ=WEEKLY;BYDAY=TU", place="salli",
                                 organizer="yhess", exceptions="[2027-01-06]"),
    })
    check = run_cli(tmp_path, "check")
    assert check.returncode == 1
    expected = [
        "events/jarjestajat/yhes.yml:2: emial: tuntematon kenttä järjestäjälle",
        "events/paikat/vino.yml:3: coordinates: lat: 27.3 ei ole Suomessa",
        "events/sarja.md:5: place: tuntematon paikka 'salli'. Tarkoititko 'sali'?",
        "events/sarja.md:6: organizer: tuntematon järjestäjä 'yhess'.",
        "events/sarja.md:7: exceptions: 6.1.2027 ei ole sarjan päivä",
    ]
    for line in expected:
        assert any(e.startswith(line) for e in check.errors), (line, check.errors)
    build = run_build(tmp_path)
    assert build.returncode != 0
    for line in expected:
        assert line in build.output, line
