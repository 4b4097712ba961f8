"""`muutostuki check`: the build's own messages without a build, warnings, links, exit codes."""
from __future__ import annotations

import resource

from cli_run import build_messages, run_cli
from conftest import post, run_build, write_site

EVENT_OK = """---
title: Tuleva webinaari
start: 2026-12-10 13:00
end: 2026-12-10 15:00
registration: https://ilmo.example.fi/webinaari
summary: Webinaari järjestöille.
---
Ohjelma.
"""

# One file for each kind of editors' mistake the build reports
MISTAKES = {
    "blog/2026/paivays.md": post("Päiväys", "2026-13-01"),
    "blog/2026/alue.md": post("Alue", "2026-01-02", regions="[etela-savoo]"),
    "blog/2026/kirjoittaja.md": "---\ntitle: Kirjoittaja\ndate: 2026-01-03\nauthors: [testaja]\n---\nTeksti.\n",
    "blog/2026/kentta.md": post("Kenttä", "2026-01-04", tittle="Kirjoitusvirhe"),
    "blog/2026/otsikoton.md": "---\ndate: 2026-01-05\nauthors: [testaaja]\n---\nTeksti.\n",
    "blog/2026/yaml.md": "---\ntitle: Kaksoispiste: ilman lainausmerkkejä\ndate: 2026-01-06\n---\nTeksti.\n",
    "blog/2026/kuva.md": post("Kuva", "2026-01-07", image="kuva.jpg"),
    "blog/2026/tapahtuma.md": post("Tapahtuma", "2026-01-08", events="[2026-12-10-webinari]"),
    "blog/2026/eka.md": post("Eka", "2026-01-09", slug="sama"),
    "blog/2026/toka.md": post("Toka", "2026-01-10", slug="sama"),
    "blog/2026/luonnos.md": post("Luonnos", "2026-01-11", draft="kyllä"),
    "events/2026-12-10-webinaari.md": EVENT_OK,
    "events/2026-12-11-nurinkurin.md": "---\ntitle: Nurinkurin\nstart: 2026-12-11 13:00\nend: 2026-12-11 12:00\n---\n",
    "events/2026-12-12-linkki.md": "---\ntitle: Linkki\nstart: 2026-12-12\nregistration: javascript:alert(1)\n---\n",
    "docs/alueet/etela-savo.md": "---\nname: Etelä-Savon hyvinvointialue\nbrand: Eloisa\nwebsite: ftp://x\n---\n",
}


def test_check_reports_every_build_error_with_identical_text(tmp_path):
    write_site(tmp_path, MISTAKES)
    check = run_cli(tmp_path, "check")
    assert check.returncode == 1, check.stdout + check.stderr
    build = run_build(tmp_path)
    assert build.returncode != 0
    built = build_messages(build.output, "ERROR")
    assert sorted(check.errors) == sorted(built)
    expected = [  # (where, what): the wording of each message is the content model's business
        ("blog/2026/paivays.md:3: date: ", "päivämäärää '2026-13-01' ei ole olemassa"),
        ("blog/2026/alue.md:5: regions: ", "tuntematon alue 'etela-savoo'. Tarkoititko 'etela-savo'?"),
        ("blog/2026/kirjoittaja.md:4: authors: ", "tuntematon kirjoittaja 'testaja'. Tarkoititko 'testaaja'?"),
        ("blog/2026/kentta.md:5: tittle: ", "Tarkoititko 'title'?"),
        ("blog/2026/otsikoton.md:1: title: ", "pakollinen kenttä puuttuu"),
        ("blog/2026/yaml.md:2: yaml: ", "YAML-virhe"),
        ("blog/2026/kuva.md:5: image_alt: ", "kuvalta puuttuu vaihtoehtoinen teksti"),
        ("blog/2026/tapahtuma.md:5: events: ", "Tarkoititko '2026-12-10-webinaari'?"),
        ("blog/2026/eka.md:5: slug: ", "sama osoite /blogi/2026/sama/ kuin tiedostolla blog/2026/toka.md"),
        ("blog/2026/luonnos.md:5: draft: ", "true tai false"),
        ("events/2026-12-11-nurinkurin.md:4: end: ", "päättyy ennen kuin se alkaa"),
        ("events/2026-12-12-linkki.md:4: registration: ", "'javascript:alert(1)' ei ole kelvollinen verkko-osoite"),
        ("docs/alueet/etela-savo.md:4: website: ", "'ftp://x' ei ole kelvollinen verkko-osoite"),
    ]
    for where, what in expected:
        assert any(line.startswith(where) and what in line for line in check.errors), (where, check.errors)
    assert "Traceback" not in check.stdout + check.stderr
    assert check.stdout.rstrip().splitlines()[-1].endswith(": 14 virhettä, 8 varoitusta.")


def test_warnings_match_the_build_and_do_not_fail(tmp_path):
    files = {
        "blog/2026/tiivistelmaton.md": post("Ilman tiivistelmää", "2026-01-02",
                                            body="Kuva: ![](kaavio.png)\n\n<img src=\"kaavio.png\">\n"),
        "blog/2026/kaavio.png": b"\x89PNG\r\n\x1a\n",
        "events/2026-12-20-ilmoittautumaton.md": "---\ntitle: Ilman ilmoittautumista\nstart: 2026-12-20 10:00\n---\n",
        "events/2020-01-10-mennyt.md": "---\ntitle: Mennyt\nstart: 2020-01-10 10:00\n---\n",
        "events/2026-12-21-peruttu.md": "---\ntitle: Peruttu\nstart: 2026-12-21 10:00\nstatus: cancelled\n---\n",
    }
    write_site(tmp_path, files)
    check = run_cli(tmp_path, "check")
    assert check.returncode == 0, check.stdout
    assert check.errors == []
    build = run_build(tmp_path)
    assert build.returncode == 0, build.output
    assert sorted(check.warnings) == sorted(build_messages(build.output, "WARNING"))
    assert check.warnings == [
        "blog/2026/tiivistelmaton.md:1: summary: kirjoitukselta puuttuu tiivistelmä; lisää 'summary: ...' "
        "(yksi tai kaksi virkettä), joka näkyy blogin listauksissa, syötteissä ja hakukoneissa",
        "blog/2026/tiivistelmaton.md:7: teksti: kuvalta puuttuu vaihtoehtoinen teksti; kirjoita hakasulkeisiin, "
        "mitä kuvassa näkyy, esim. ![Osallistujat istuvat pyöreän pöydän ääressä](kuva.jpg)",
        "blog/2026/tiivistelmaton.md:9: teksti: kuvalta puuttuu vaihtoehtoinen teksti; kirjoita hakasulkeisiin, "
        "mitä kuvassa näkyy, esim. ![Osallistujat istuvat pyöreän pöydän ääressä](kuva.jpg)",
        "events/2026-12-20-ilmoittautumaton.md:1: registration: tulevalta tapahtumalta puuttuu ilmoittautuminen; "
        "lisää 'registration: https://...' (ilmoittautumislinkki) tai kerro tekstissä, ettei ilmoittautumista "
        "tarvita",
    ]


def test_links_that_lead_nowhere_are_warned_about(tmp_path):
    body = "\n".join([
        "[toimiva](../2025/toinen.md) ja [sivu](../../tietoa.md#alku) ja [blogi](/blogi/)",
        "[rikki](../2025/puuttuu.md)",
        "[luonnos](luonnos.md)",
        "[osoite](/tapahtumat/ei-ole/) ja [ulkoinen](https://soste.fi/) ja [posti](mailto:a@b.fi)",
        "`[koodissa](ei-ole.md)` <!-- [kommentissa](ei-ole.md) -->",
        "```",
        "[koodilohkossa](ei-ole.md)",
        "```",
        "![kaavio](kaavio.png) ![puuttuva](puuttuu.png)",
    ])
    write_site(tmp_path, {
        "blog/2026/linkit.md": post("Linkit", "2026-01-02", summary="Linkkejä.", body=body),
        "blog/2026/kaavio.png": b"\x89PNG\r\n\x1a\n",
        "blog/2025/toinen.md": post("Toinen", "2025-05-05", summary="Toinen."),
        "blog/2026/luonnos.md": post("Luonnos", "2026-01-03", summary="Kesken.", draft="true"),
        "blog/2026/kansikuva.md": post("Kansikuva", "2026-01-04", summary="Kuva.", image="kuvat/kansi.jpg",
                                       image_alt="Kansi"),
        "blog/2026/kadonnut-kuva.md": post("Ei kuvaa", "2026-01-05", summary="Kuva.", image="kuvat/ei-ole.jpg",
                                           image_alt="Ei ole"),
        "docs/kuvat/kansi.jpg": b"\xff\xd8\xff",
        "docs/tietoa.md": "# Tietoa\n\n[Kirjoitus](blog/2025/toinen.md) ja [kadonnut](kadonnut.md)\n\n"
                          "[levyn polku](../blog/2025/toinen.md)\n",
    })
    check = run_cli(tmp_path, "check")
    assert check.returncode == 0, check.stdout
    assert check.warnings[0] == (
        "blog/2026/kadonnut-kuva.md:6: image: kuvaa 'kuvat/ei-ole.jpg' ei löydy; tallenna kuva kansioon docs/kuvat/ "
        "ja kirjoita image: kuvat/nimi.jpg (polku luetaan docs-kansiosta)")
    assert not any(w.startswith("blog/2026/kansikuva.md") for w in check.warnings)
    links = [w for w in check.warnings if ": linkki: " in w]
    assert links == [  # in line order
        "blog/2026/linkit.md:9: linkki: linkki '../2025/puuttuu.md' johtaa tiedostoon blog/2025/puuttuu.md, "
        "jota ei ole. Polku luetaan tämän tiedoston kansiosta; ../ on kansio ylöspäin",
        "blog/2026/linkit.md:10: linkki: linkki 'luonnos.md' johtaa sivuun, jota ei ole vielä julkaistu "
        "(luonnos tai ajastettu); linkki toimii vasta, kun kohde on julkaistu",
        "blog/2026/linkit.md:11: linkki: linkki '/tapahtumat/ei-ole/' ei johda mihinkään sivuston sivuun; "
        "tarkista osoite",
        "blog/2026/linkit.md:16: linkki: linkki 'puuttuu.png' johtaa tiedostoon blog/2026/puuttuu.png, jota ei "
        "ole. Polku luetaan tämän tiedoston kansiosta; ../ on kansio ylöspäin",
        "docs/tietoa.md:3: linkki: linkki 'kadonnut.md' johtaa tiedostoon docs/kadonnut.md, jota ei ole. "
        "Polku luetaan tämän tiedoston kansiosta; ../ on kansio ylöspäin",
        "docs/tietoa.md:5: linkki: linkki '../blog/2025/toinen.md' toimii kansioissa mutta ei sivustolla, jossa "
        "docs-kansion sivut ovat samassa puussa kuin blog/ ja events/; kirjoita 'blog/2025/toinen.md'",
    ], links
    # the links check calls fine really are fine in the built site
    build = run_build(tmp_path)
    assert build.returncode == 0, build.output
    page = build.html("blogi/2026/linkit/")
    assert 'href="../../2025/toinen/"' in page and 'href="../../../tietoa/#alku"' in page
    assert 'src="../../../blog/2026/kaavio.png"' in page and build.exists("blog/2026/kaavio.png")
    about = build.html("tietoa/")
    assert 'href="../blogi/2025/toinen/"' in about
    assert 'href="../blog/2025/toinen.md"' in about  # the on-disk path really is broken on the site


def test_check_uses_build_time_from_mkdocs_yml_and_environment(tmp_path):
    write_site(tmp_path, {"events/2026-12-20-tuleva.md": "---\ntitle: Tuleva\nstart: 2026-12-20 10:00\n---\n"})
    before = run_cli(tmp_path, "check")
    assert any("registration" in w for w in before.warnings)
    after = run_cli(tmp_path, "check", env={"MUUTOSTUKI_BUILD_TIME": "2027-01-01 12:00"})
    assert not any("registration" in w for w in after.warnings)
    wrong = run_cli(tmp_path, "check", env={"MUUTOSTUKI_BUILD_TIME": "huomenna"})
    assert wrong.returncode == 2 and "MUUTOSTUKI_BUILD_TIME" in wrong.stderr


def test_check_is_fast_on_a_thousand_posts(tmp_path):
    files = {f"blog/{2020 + i % 6}/kirjoitus-{i:04d}.md": post(
        f"Kirjoitus {i}", f"{2020 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}", summary="Tiivistelmä.",
        regions="[etela-savo]", categories="[Sote-uudistus]",
        body=f"Teksti {i}.\n\n[Edellinen](kirjoitus-{i - 6:04d}.md)\n\n" * (i >= 6) + "Sanoja lauseessa. " * 200)
        for i in range(1000)}
    write_site(tmp_path, files)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    check = run_cli(tmp_path, "check")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)  # not disturbed by load
    assert check.returncode == 0 and check.warnings == [], check.stdout[-2000:]
    assert "Tarkistettu 1000 kirjoitusta" in check.stdout
    assert cpu < 3, f"check used {cpu:.2f} s of CPU on 1000 posts"
