"""`muutostuki list events|drafts`: Finnish tables of what is coming and what is unpublished."""
from __future__ import annotations

from cli_run import run_cli
from conftest import post, write_site

EVENTS = {
    "events/2026-12-03-foorumi.md": "---\ntitle: Järjestöfoorumi\nstart: 2026-12-03 13:00\nend: 2026-12-03 15:30\n"
                                    "regions: [etela-savo, pohjois-savo]\nregistration: https://ilmo.example.fi/\n---\n",
    "events/2026-12-10-peruttu.md": "---\ntitle: Peruttu työpaja\nstart: 2026-12-10\nstatus: cancelled\n---\n",
    "events/2027-01-20-luonnos.md": "---\ntitle: Suunnitteilla\nstart: 2027-01-20 10:00\ndraft: true\n---\n",
    "events/2027-04-01-kevat.md": "---\ntitle: Kevään tapaaminen\nstart: 2027-04-01\ndate_precision: month\n---\n",
    "events/2021-08-25-webinaari.md": "---\ntitle: Sote-webinaari\nstart: 2021-08-25 13:00\nend: 2021-08-25 15:00\n---\n",
}


def test_list_upcoming_events(tmp_path):
    write_site(tmp_path, EVENTS)
    result = run_cli(tmp_path, "list", "events", "--upcoming")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Aika", "Tapahtuma", "Alueet", "Tila", "Tiedosto"]
    assert set(lines[1]) <= {"-", " "}
    body = lines[2:]
    assert len(body) == 4
    assert body[0].startswith("to 3.12.2026 klo 13.00–15.30  Järjestöfoorumi")
    assert "Etelä-Savo, Pohjois-Savo" in body[0] and body[0].endswith("events/2026-12-03-foorumi.md")
    assert body[1].startswith("to 10.12.2026") and "Peruttu" in body[1] and "valtakunnallinen" in body[1]
    assert body[2].startswith("ke 20.1.2027 klo 10") and "Luonnos" in body[2]
    assert body[3].startswith("Huhtikuu 2027")
    assert "Sote-webinaari" not in result.stdout


def test_list_past_and_all_events(tmp_path):
    write_site(tmp_path, EVENTS)
    past = run_cli(tmp_path, "list", "events", "--past").stdout.splitlines()
    assert len(past) == 3 and past[2].startswith("ke 25.8.2021 klo 13–15  Sote-webinaari")
    every = run_cli(tmp_path, "list", "events").stdout
    assert every.count("\n") == 2 + 5 and every.index("Sote-webinaari") < every.index("Järjestöfoorumi")


def test_list_events_when_there_are_none(tmp_path):
    write_site(tmp_path, {})
    assert run_cli(tmp_path, "list", "events", "--upcoming").stdout == "Ei tulevia tapahtumia.\n"


def test_list_drafts_shows_drafts_and_scheduled_posts(tmp_path):
    write_site(tmp_path, {
        **EVENTS,
        "blog/2026/julkinen.md": post("Julkaistu jo", "2026-01-05"),
        "blog/2026/luonnos.md": post("Kesken oleva", "2026-02-01", draft="true"),
        "blog/2027/ajastettu.md": post("Tulossa tammikuussa", "2027-01-07 09:00"),
        "blog/2026/viallinen.md": post("Viallinen", "2026-13-01"),
    })
    result = run_cli(tmp_path, "list", "drafts")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Tila", "Laji", "Päivä", "Otsikko", "Tiedosto"]
    rows = [line.split("  ") for line in lines[2:]]
    rows = [[cell.strip() for cell in row if cell.strip()] for row in rows]
    assert rows == [
        ["Luonnos", "kirjoitus", "1.2.2026", "Kesken oleva", "blog/2026/luonnos.md"],
        ["Ajastettu", "kirjoitus", "7.1.2027 klo 9", "Tulossa tammikuussa", "blog/2027/ajastettu.md"],
        ["Luonnos", "tapahtuma", "ke 20.1.2027 klo 10", "Suunnitteilla", "events/2027-01-20-luonnos.md"],
    ]
    assert "Julkaistu jo" not in result.stdout
    assert "sisällössä on 1 virhe; katso: muutostuki check" in result.stderr


def test_list_drafts_when_everything_is_published(tmp_path):
    write_site(tmp_path, {"blog/2026/julkinen.md": post("Julkaistu", "2026-01-05")})
    assert run_cli(tmp_path, "list", "drafts").stdout == "Ei luonnoksia eikä ajastettuja kirjoituksia.\n"
