"""`muutostuki new post|event`: files that build, titles that survive YAML, no overwriting."""
from __future__ import annotations

from pathlib import Path

from cli_run import run_cli
from conftest import run_build, write_site

from muutostuki.content.errors import ErrorList
from muutostuki.content.frontmatter import read_source

TRICKY_TITLE = 'Sote: mitä "seuraavaksi"? # osa 2 – \'lainaus\' & <b>ei tagi</b> \\ kenoviiva'


def test_new_post_and_event_build_cleanly_and_show_up(tmp_path):
    write_site(tmp_path, {})
    made = run_cli(tmp_path, "new", "post", "Järjestöt hyvinvointialueen kumppaneina", "--author", "testaaja",
                   "--region", "etela-savo,kymenlaakso", "--category", "Sote-uudistus", "--date", "2026-03-02 09:30",
                   "--summary", "Lyhyt tiivistelmä.", "--no-draft")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "blog/2026/jarjestot-hyvinvointialueen-kumppaneina.md"
    event = run_cli(tmp_path, "new", "event", "Järjestöfoorumi Mikkelissä", "--start", "2026-12-03 13:00",
                    "--end", "2026-12-03 15:30", "--region", "etela-savo", "--place", "Järjestötalo",
                    "--city", "Mikkeli", "--online", "https://teams.example.fi/foorumi",
                    "--registration", "https://ilmo.example.fi/foorumi", "--deadline", "2026-12-01",
                    "--summary", "Foorumi järjestöille.", "--no-draft")
    assert event.returncode == 0, event.stderr
    assert event.stdout.strip() == "events/2026-12-03-jarjestofoorumi-mikkelissa.md"
    assert "Tapahtuman tunniste on 2026-12-03-jarjestofoorumi-mikkelissa" in event.stderr

    check = run_cli(tmp_path, "check")
    assert check.returncode == 0 and check.errors == [] and check.warnings == [], check.stdout
    result = run_build(tmp_path)
    assert result.returncode == 0, result.output
    page = result.html("blogi/2026/jarjestot-hyvinvointialueen-kumppaneina/")
    assert "<h1>Järjestöt hyvinvointialueen kumppaneina</h1>" in page
    assert "Kirjoita tähän johdanto" in page  # the Finnish body template
    assert "Järjestöt hyvinvointialueen kumppaneina" in result.html("blogi/")


def test_new_files_are_drafts_by_default_and_never_published(tmp_path):
    write_site(tmp_path, {})
    made = run_cli(tmp_path, "new", "post", "Keskeneräinen", "--author", "testaaja", "--date", "2026-01-10")
    assert made.returncode == 0, made.stderr
    assert "draft: true" in (tmp_path / "blog/2026/keskenerainen.md").read_text(encoding="utf-8")
    assert "Luonnos" in run_cli(tmp_path, "list", "drafts").stdout
    result = run_build(tmp_path)
    assert result.returncode == 0, result.output
    assert not result.exists("blogi/2026/keskenerainen/")


def test_tricky_title_round_trips_through_our_front_matter_reader(tmp_path):
    write_site(tmp_path, {})
    made = run_cli(tmp_path, "new", "post", TRICKY_TITLE, "--author", "testaaja", "--date", "2026-01-10",
                   "--category", "Järjestöt: yhteistyö", "--summary", "a: b # c", "--no-draft")
    assert made.returncode == 0, made.stderr
    path = tmp_path / made.stdout.strip()
    source = read_source(path, "x.md", ErrorList())
    assert source.meta["title"] == TRICKY_TITLE
    assert source.meta["categories"] == ["Järjestöt: yhteistyö"]
    assert source.meta["summary"] == "a: b # c"
    event = run_cli(tmp_path, "new", "event", TRICKY_TITLE, "--start", "2026-02-01", "--organizer", "SOSTE: ry #1")
    assert event.returncode == 0, event.stderr
    meta = read_source(tmp_path / event.stdout.strip(), "x.md", ErrorList()).meta
    assert meta["title"] == TRICKY_TITLE and meta["organizer"] == "SOSTE: ry #1"
    result = run_build(tmp_path)
    assert result.returncode == 0, result.output
    assert result.exists(f"blogi/2026/{path.stem}/")


def test_new_refuses_to_overwrite(tmp_path):
    write_site(tmp_path, {})
    args = ("new", "post", "Sama otsikko", "--author", "testaaja", "--date", "2026-01-10")
    assert run_cli(tmp_path, *args).returncode == 0
    path = tmp_path / "blog/2026/sama-otsikko.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nToimittajan oma teksti.\n", encoding="utf-8")
    again = run_cli(tmp_path, *args)
    assert again.returncode == 1
    assert "on jo olemassa, eikä sitä korvata" in again.stderr
    assert "Toimittajan oma teksti." in path.read_text(encoding="utf-8")
    event_args = ("new", "event", "Webinaari", "--start", "2026-05-05 10:00")
    assert run_cli(tmp_path, *event_args).returncode == 0
    assert run_cli(tmp_path, *event_args).returncode == 1


def test_same_address_in_another_folder_is_refused(tmp_path):
    write_site(tmp_path, {"blog/vanha.md": "---\ntitle: Vanha\ndate: 2026-01-02\nauthors: [testaaja]\n"
                                           "slug: uusi-otsikko\n---\nTeksti.\n"})
    made = run_cli(tmp_path, "new", "post", "Uusi otsikko", "--author", "testaaja", "--date", "2026-04-01")
    assert made.returncode == 1
    assert "osoite /blogi/2026/uusi-otsikko/ on jo kirjoituksella blog/vanha.md" in made.stderr
    assert not (tmp_path / "blog/2026/uusi-otsikko.md").exists()


def test_wrong_options_are_all_reported_with_the_build_parsers_and_nothing_is_written(tmp_path):
    write_site(tmp_path, {})
    made = run_cli(tmp_path, "new", "post", "Otsikko", "--author", "testaja", "--region", "etela-savoo",
                   "--date", "2026-02-30")
    assert made.returncode == 1
    assert "--region: tuntematon alue 'etela-savoo'. Tarkoititko 'etela-savo'?" in made.stderr
    assert "--date: päivämäärää '2026-02-30' ei ole olemassa" in made.stderr
    assert "--author: tuntematon kirjoittaja 'testaja'. Tarkoititko 'testaaja'?" in made.stderr
    assert not (tmp_path / "blog/2026").exists()
    event = run_cli(tmp_path, "new", "event", "Tapahtuma", "--start", "2026-03-29 03:30",
                    "--online", "javascript:alert(1)")
    assert event.returncode == 1
    assert "--start: kellonaikaa '2026-03-29 03:30' ei ole Suomessa olemassa" in event.stderr
    assert "--online: 'javascript:alert(1)' ei ole kelvollinen verkko-osoite" in event.stderr
    backwards = run_cli(tmp_path, "new", "event", "Tapahtuma", "--start", "2026-03-05 13:00",
                        "--end", "2026-03-05 12:00", "--registration", "https://ilmo.example.fi/",
                        "--deadline", "2026-03-06")
    assert backwards.returncode == 1
    assert "--end: tapahtuma päättyy ennen kuin se alkaa" in backwards.stderr
    assert "--registration/--deadline: ilmoittautumisen määräaika on tapahtuman alun jälkeen" in backwards.stderr
    assert not (tmp_path / "events").exists()
    assert "Traceback" not in made.stderr + event.stderr + backwards.stderr


def test_help_and_argument_errors_are_in_finnish(tmp_path):
    write_site(tmp_path, {})
    help_text = run_cli(tmp_path, "new", "post", "--help").stdout
    assert help_text.startswith("käyttö: muutostuki new post")
    assert "kirjoittajan tunniste tiedostosta blog/authors.yml" in help_text and "valitsimet:" in help_text
    missing = run_cli(tmp_path, "new", "post", "Otsikko")
    assert missing.returncode == 2
    assert "virhe: nämä puuttuvat: --author" in missing.stderr


def test_root_is_found_upwards_and_by_option(tmp_path):
    write_site(tmp_path, {})
    inner = tmp_path / "blog" / "2026"
    inner.mkdir(parents=True)
    made = run_cli(inner, "new", "post", "Alikansiosta", "--author", "testaaja", "--date", "2026-01-10")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "alikansiosta.md"  # relative to where the editor is
    assert (tmp_path / "blog/2026/alikansiosta.md").exists()
    elsewhere = tmp_path.parent
    by_option = run_cli(elsewhere, "--root", str(tmp_path), "list", "drafts")
    assert by_option.returncode == 0 and "Alikansiosta" in by_option.stdout
    nowhere = run_cli(Path("/"), "check")
    assert nowhere.returncode == 2 and "mkdocs.yml ei löydy" in nowhere.stderr


def test_content_folders_and_env_tags_come_from_mkdocs_yml(tmp_path):
    from conftest import MKDOCS_YML

    yml = MKDOCS_YML.replace("site_url: https://testi.example.fi/", 'site_url: !ENV [SITE_URL, "https://testi.example.fi/"]')
    yml += "      blog_dir: kirjoitukset\n      events_dir: tapahtumat\n"
    write_site(tmp_path, {"kirjoitukset/authors.yml": "authors:\n  testaaja:\n    name: Tiina Testaaja\n"},
               mkdocs_yml=yml)
    made = run_cli(tmp_path, "new", "post", "Omassa kansiossa", "--author", "testaaja", "--date", "2026-01-10",
                   "--summary", "Tiivis.", "--no-draft")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "kirjoitukset/2026/omassa-kansiossa.md"
    event = run_cli(tmp_path, "new", "event", "Tapaaminen", "--start", "2026-12-01", "--registration",
                    "https://ilmo.example.fi/", "--summary", "Tapaaminen.", "--no-draft")
    assert event.stdout.strip() == "tapahtumat/2026-12-01-tapaaminen.md"
    check = run_cli(tmp_path, "check", env={"SITE_URL": "https://muu.example.fi/polku/"})
    assert check.returncode == 0 and check.warnings == [], check.stdout
    result = run_build(tmp_path)
    assert result.returncode == 0, result.output
    assert result.exists("blogi/2026/omassa-kansiossa/")
