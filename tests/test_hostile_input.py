"""Hostile and careless input, one test per class: every bound is hit with a clear Finnish message.

The hostile files are generated here (never committed). Each run is a subprocess with a memory
limit and a timeout (tests/hostile_run.py), and asserts the message, the exit code, that there
is no traceback and how long it took.
"""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import post, write_site
from event_files import event
from hostile_run import build, check, run_limited

# About 0.3 s (check) and 1 s (subprocess) on a quiet machine; the bounds leave room for a shared CI machine
# (5 s for a clean one-post site at load 22 on 2 cores) and still fail the regressions guarded against,
# which take minutes or gigabytes.
CHECK_SECONDS = 10.0  # the check's own time as it reports it
WALL_SECONDS = 30     # the whole subprocess


def checked(tmp_path, files: dict, *messages: str, seconds: float = CHECK_SECONDS):
    """`check` on a fixture site with `files`: fails with every message, fast."""
    write_site(tmp_path, files)
    result = check(tmp_path)
    result.assert_clean_failure(*messages, seconds=WALL_SECONDS)
    reported = re.search(r"(\d+),(\d+) sekunnissa", result.output)
    assert reported and float(f"{reported[1]}.{reported[2]}") < seconds, result.output[-500:]
    return result


# -- resource exhaustion from a small file ------------------------------------------------------

def alias_bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines)


def test_yaml_alias_bomb_is_refused_without_expanding(tmp_path):
    front = alias_bomb() + f"\ntags: [*a8, *a8, *a8]\n"
    result = checked(tmp_path, {"blog/2026/pommi.md": f"---\ntitle: Pommi\ndate: 2026-01-01\nauthors: [testaaja]\n"
                                                      f"{front}---\nTeksti.\n"},
                     "blog/2026/pommi.md:5: yaml: ankkurit (&nimi) ja viittaukset (*nimi) eivät ole sallittuja")
    assert len(result.output) < 5_000


@pytest.mark.parametrize("depth", [50, 20_000])
def test_deep_nesting_is_refused(tmp_path, depth):
    nested = "[" * depth + "x" + "]" * depth
    checked(tmp_path, {"blog/2026/syva.md": f"---\ntitle: Syvä\ndate: 2026-01-01\nauthors: [testaaja]\n"
                                            f"tags: {nested}\n---\nTeksti.\n"},
            "blog/2026/syva.md:5: yaml: kentät ovat liian syvällä sisäkkäin (yli 6 tasoa)")


def test_huge_files_and_front_matter_are_refused(tmp_path):
    checked(tmp_path, {
        "blog/2026/iso.md": post("Iso", body="sana " * 300_000),
        "blog/2026/pitka.md": "---\n" + "\n".join(f"k{i}: arvo" for i in range(6_000)) + "\n---\n",
        "blog/2026/otsikko.md": post("O" * 5_000),
    }, "blog/2026/iso.md:1: tiedosto: tiedosto on liian suuri (yli 500 kt)",
       "blog/2026/pitka.md:2: front matter: front matter on liian pitkä",
       "blog/2026/otsikko.md:2: title: teksti on liian pitkä (5000 merkkiä, enintään 200)")


def test_pathological_lines_are_checked_in_linear_time(tmp_path):
    """Regular expressions that scan to the end of a line from every '<' would take minutes here."""
    checked(tmp_path, {
        "blog/2026/img.md": post("Img", body="<img " * 95_000),
        "blog/2026/kommentti.md": post("Kommentti", body="<!--" * 120_000),
        "blog/2026/linkit.md": post("Linkit", body="[a](" * 120_000),
        "blog/2026/rivit.md": post("Rivit", body="<a\n" * 160_000 + "<script>"),
    }, "blog/2026/rivit.md:160007: teksti: HTML-elementti <script>", seconds=20)  # one quadratic scan: 170 s


def test_many_values_lists_and_categories_are_bounded(tmp_path):
    posts = {f"blog/2026/p{i}.md": post(f"P{i}", categories="[" + ", ".join(f"aihe {i}-{j}" for j in range(10)) + "]")
             for i in range(31)}
    many = ", ".join(f"aihe {i}" for i in range(11))
    checked(tmp_path, {
        **posts,
        "blog/2026/lista.md": post("Lista", tags="[" + ", ".join(f"t{i}" for i in range(60)) + "]"),
        "blog/2026/aiheet.md": post("Aiheet", categories=f"[{many}]"),
        "blog/2026/arvot.md": post("Arvot", tags="[" + ", ".join("[a, b]" for _ in range(1_600)) + "]"),
    }, "blog/2026/lista.md:5: tags: listassa on 60 kohtaa, enintään 50",
       "blog/2026/aiheet.md:5: categories: aiheita on 11, enintään 10",
       "blog/2026/arvot.md:5: yaml: liian monta arvoa (yli 3000)",
       "blog/2026/p9.md:5: categories: sivustolla on jo 300 aihetta, eikä uusia aiheita voi lisätä")


@pytest.mark.parametrize("rule, message", [
    ("FREQ=SECONDLY", "FREQ=SECONDLY ei ole sallittu: sarja voi toistua enintään kerran päivässä"),
    ("FREQ=MINUTELY;INTERVAL=1", "FREQ=MINUTELY ei ole sallittu"),
    ("FREQ=HOURLY", "FREQ=HOURLY ei ole sallittu"),
    ("FREQ=DAILY;BYHOUR=9,10,11", "BYHOUR ei ole sallittu"),
    ("FREQ=DAILY;INTERVAL=0", "INTERVAL pitää olla kokonaisluku 1–366"),
    ("FREQ=WEEKLY;COUNT=100000", "COUNT pitää olla kokonaisluku 1–1000"),
    ("FREQ=DAILY", "sarjassa olisi yli 1000 kertaa; harvenna sääntöä tai lisää COUNT tai UNTIL"),
    ("FREQ=WEEKLY;UNTIL=20500101", "sarja saa kestää enintään 10 vuotta; aseta UNTIL viimeistään 20361201"),
    # never matches a day: dateutil alone would search day by day until the year 9999
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "start ei ole toistosäännön mukainen päivä; siirrä start sarjan "
     "ensimmäiseen kertaan tai korjaa sääntö. Sääntö ei tuota yhtään kertaa."),
])
def test_recurrence_rules_are_bounded(tmp_path, rule, message):
    checked(tmp_path, {"events/sarja.md": event("Sarja", "2026-12-01 10:00", recurrence=rule)},
            f"events/sarja.md:4: recurrence: {message}")


def test_never_matching_series_builds_fast_with_its_error(tmp_path):
    write_site(tmp_path, {"events/sarja.md": event("Sarja", "2026-12-01 10:00",
                                                   recurrence="FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=31")})
    build(tmp_path).assert_clean_failure("events/sarja.md:4: recurrence:", seconds=60)


def test_dates_and_series_far_in_the_past_are_refused(tmp_path):
    checked(tmp_path, {
        "events/vanha.md": event("Vanha", "1900-01-01"),
        "events/sarja.md": event("Sarja", "1920-01-07", recurrence="FREQ=WEEKLY"),
        "blog/2026/tuleva.md": post("Tuleva", "2150-01-01"),
    }, "events/vanha.md:3: start: päivämäärän pitää olla vuosien 2000–2089 välillä",
       "events/sarja.md:3: start: päivämäärän pitää olla vuosien 2000–2089 välillä",
       "blog/2026/tuleva.md:3: date: päivämäärän pitää olla vuosien 2000–2089 välillä")


def test_calendar_months_reach_back_a_bounded_time(build_site):
    result = build_site({"events/vanha.md": event("Vanha", "2001-03-01", registration="https://e.fi/"),
                         "blog/a.md": post("A", summary="Tiivis.")})
    assert result.returncode == 0, result.output
    months = sorted(p.parent.relative_to(result.site).as_posix()
                    for p in (result.site / "tapahtumat/kalenteri").glob("*/*/index.html"))
    assert months[0] == "tapahtumat/kalenteri/2016/11", months[:3]  # 120 months before 2026-11
    assert len(months) <= 120 + 13 + 36


# -- silent changes --------------------------------------------------------------------------

def test_duplicates_are_errors_with_the_line_of_each_copy(tmp_path):
    authors = "authors:\n  testaaja:\n    name: Tiina Testaaja\n  toinen:\n    name: Toinen\n  testaaja:\n    name: Väärä\n"
    checked(tmp_path, {
        "blog/authors.yml": authors,
        "blog/2026/luonnos.md": "---\ntitle: Luonnos\ndate: 2026-01-01\nauthors: [testaaja]\ndraft: true\n"
                                "draft: false\n---\nTeksti.\n",
        "blog/2026/listat.md": "---\ntitle: Listat\ndate: 2026-01-01\nauthors:\n  - testaaja\n  - testaaja\n"
                               "regions: [kainuu, lappi, kainuu]\nevents: [x, x]\n---\n",
        "events/a/sama.md": event("A", "2026-12-01"),
        "events/b/sama.md": event("B", "2026-12-02"),
    }, "blog/authors.yml:2: authors.testaaja: kenttä on kirjoitettu 2 kertaa (rivit 2, 6)",
       "blog/authors.yml:6: authors.testaaja: kenttä on kirjoitettu 2 kertaa (rivit 2, 6)",
       "blog/2026/luonnos.md:5: draft: kenttä on kirjoitettu 2 kertaa (rivit 5, 6)",
       "blog/2026/luonnos.md:6: draft: kenttä on kirjoitettu 2 kertaa (rivit 5, 6)",
       "blog/2026/listat.md:6: authors: 'testaaja' on listassa kahdesti; poista toinen (rivit 5 ja 6)",
       "blog/2026/listat.md:7: regions: 'kainuu' on listassa kahdesti",
       "blog/2026/listat.md:8: events: 'x' on listassa kahdesti",
       "events/a/sama.md:1: tiedosto: tapahtuman tunniste 'sama' (tiedostonimi) on myös tiedostolla events/b/sama.md",
       "events/b/sama.md:1: tiedosto: tapahtuman tunniste 'sama' (tiedostonimi) on myös tiedostolla events/a/sama.md")


def test_categories_without_an_address_or_sharing_one_are_errors(tmp_path):
    checked(tmp_path, {
        "blog/2026/emoji.md": post("Emoji", categories="['🎉']"),
        "blog/2026/a.md": post("A", categories="[Sote-uudistus]"),
        "blog/2026/b.md": post("B", categories="[sote uudistus]"),
        "blog/2026/c.md": post("C", categories="[Järjestöt, järjestöt]"),
        "blog/2026/d.md": post("D", categories="['Sote\u200b-uudistus']"),
    }, "blog/2026/emoji.md:5: categories: '🎉' ei kelpaa aiheeksi, koska siitä ei saa osoitetta",
       "blog/2026/b.md:5: categories: aihe 'sote uudistus' saa saman osoitteen kuin aihe 'Sote-uudistus' "
       "(blog/2026/a.md:5)",
       "blog/2026/d.md:5: categories: aihe 'Sote\u200b-uudistus' saa saman osoitteen",
       "blog/2026/c.md:5: categories: 'järjestöt' on listassa kahdesti")


# -- mistakes that went unreported --------------------------------------------------------------

def test_every_mistake_of_every_file_in_one_run(tmp_path):
    """A post that fails for one reason still has its regions and events checked; docs pages too."""
    checked(tmp_path, {
        "docs/tietoa.md": "---\ntitle: [rikki\n---\n# Tietoa\n",
        "blog/2026/a.md": "---\ntitle: A\ndate: 2026-01-01\nauthors: [tuntematon]\nregions: [kymenlakso]\n"
                          "events: [puuttuva]\n---\n",
        "events/b.md": "---\ntitle: B\nstart: 2026-13-01\nregions: [savo]\n---\n",
    }, "docs/tietoa.md:3: yaml: YAML-virhe",
       "blog/2026/a.md:4: authors: tuntematon kirjoittaja 'tuntematon'",
       "blog/2026/a.md:5: regions: tuntematon alue 'kymenlakso'. Tarkoititko 'kymenlaakso'?",
       "blog/2026/a.md:6: events: tuntematon tapahtuma 'puuttuva'",
       "events/b.md:3: start: päivämäärää '2026-13-01' ei ole olemassa",
       "events/b.md:4: regions: tuntematon alue 'savo'")


def test_docs_page_with_broken_front_matter_fails_the_build(tmp_path):
    write_site(tmp_path, {"docs/tietoa.md": "---\ntitle: Tietoa\nhide: [toc\n---\n# Tietoa\n",
                          "docs/toinen.md": "---\ntitle: Tietoa\ntitle: Toinen\n---\n# Toinen\n"})
    build(tmp_path).assert_clean_failure("docs/tietoa.md:4: yaml: YAML-virhe",
                                         "docs/toinen.md:2: title: kenttä on kirjoitettu 2 kertaa", seconds=60)


def test_over_long_names_are_messages_not_os_errors(tmp_path):
    write_site(tmp_path, {
        "blog/2026/" + "ß" * 120 + ".md": post("Pitkä tiedostonimi"),
        "blog/2026/aihe.md": post("Aihe", categories="[" + "a" * 300 + "]"),
        "blog/2026/slug.md": post("Slug", slug="a" * 300),
    })
    build(tmp_path).assert_clean_failure(
        "blog/2026/" + "ß" * 120 + ".md:1: slug: tiedostonimestä tulisi liian pitkä osoite (240 merkkiä, enintään 100)",
        "blog/2026/aihe.md:5: categories: '" + "a" * 59 + "…' on liian pitkä (300 merkkiä, enintään 80)",
        "blog/2026/slug.md:5: slug: osoite on liian pitkä (300 merkkiä, enintään 100)",
        seconds=60)


# -- unsafe bytes ------------------------------------------------------------------------------

def test_control_and_direction_characters_are_refused(tmp_path):
    checked(tmp_path, {
        "blog/2026/esc.md": post("Otsikko \\x1b[31m punainen", body="Teksti\x00 jossa NUL.\n\nToinen\x1b rivi."),
        "events/paikka.md": event("Tapahtuma", "2026-12-01", location='{name: "Sali\\u202e", city: Mikkeli}'),
        "blog/2026/raaka.md": "---\ntitle: Raaka\x07 kello\ndate: 2026-01-01\nauthors: [testaaja]\n---\nTeksti.\n",
    }, "blog/2026/esc.md:2: title: teksti sisältää merkin U+001B (ohjausmerkki), joka ei kuulu tekstiin; poista se",
       "blog/2026/esc.md:7: teksti: teksti sisältää merkin U+0000 (ohjausmerkki)",
       "blog/2026/esc.md:9: teksti: teksti sisältää merkin U+001B (ohjausmerkki)",
       "events/paikka.md:4: location.name: teksti sisältää merkin U+202E (tekstin suunnan ohjausmerkki)",
       "blog/2026/raaka.md:2: title: teksti sisältää merkin U+0007 (ohjausmerkki)")


def test_file_names_with_control_characters_are_refused_and_never_echoed_raw(tmp_path):
    result = checked(tmp_path, {"blog/2026/nimi\x1b[2J.md": post("Nimi"), "blog/2026/kuva\u202e.png": b"x"},
                     "blog/2026/nimi\ufffd[2J.md:1: tiedosto: tiedostonimessä on merkki U+001B (ohjausmerkki)",
                     "blog/2026/kuva\ufffd.png:1: tiedosto: tiedostonimessä on merkki U+202E")
    assert "\x1b" not in result.output and "\u202e" not in result.output


# -- where the project lives ---------------------------------------------------------------------

def test_a_checkout_inside_a_dot_folder_finds_every_post(tmp_path, build_site):
    files = {"blog/2026/a.md": post("Ensimmäinen", summary="Yksi."), "blog/2027/b.md": post("Toinen", "2026-02-01",
                                                                                             summary="Kaksi."),
             "events/tapaaminen.md": event("Tapaaminen", "2026-12-01", registration="https://e.fi/")}
    root = tmp_path / ".sites" / "muutostuki"
    write_site(root, files)
    result = build(root)
    assert result.returncode == 0, result.output[-3000:]
    site = root / "site"
    assert (site / "blogi/2026/a/index.html").is_file()
    assert (site / "blogi/2026/b/index.html").is_file()
    assert (site / "tapahtumat/tapaaminen/index.html").is_file()
    assert "Toinen" in (site / "feed.xml").read_text(encoding="utf-8")


def test_posts_only_in_hidden_folders_are_reported(tmp_path):
    checked(tmp_path, {"blog/.luonnokset/a.md": post("Piilossa")},
            "blog:1: tiedosto: kansiossa on 1 Markdown-tiedostoa, mutta kaikki piilotetuissa")


# -- symbolic links ------------------------------------------------------------------------------

def test_symlinks_out_of_the_project_are_refused(tmp_path):
    project = tmp_path / "sivusto"
    secret = tmp_path / "salainen.txt"
    secret.write_text("salasana", encoding="utf-8")
    write_site(project, {"blog/2026/a.md": post("A"), "events/ok.md": event("Ok", "2026-12-01")})
    (project / "blog/2026/avain.txt").symlink_to(secret)
    (project / "docs/ulos.md").symlink_to(secret)
    (project / "events/nolla.md").symlink_to("/dev/zero")
    (project / "blog/kansio").symlink_to(project / "docs")  # inside, but MkDocs would follow it (and loops)
    (project / "blog/2026/sisainen.md").symlink_to(project / "blog/2026/a.md")  # inside: fine (same slug though)
    result = check(project)
    result.assert_clean_failure(
        "blog/2026/avain.txt:1: tiedosto: symbolinen linkki osoittaa projektin ulkopuolelle",
        "docs/ulos.md:1: tiedosto: symbolinen linkki osoittaa projektin ulkopuolelle",
        "events/nolla.md:1: tiedosto: symbolinen linkki osoittaa projektin ulkopuolelle",
        "blog/kansio:1: tiedosto: kansion symbolinen linkki ei ole sallittu",
        seconds=WALL_SECONDS)
    shutil.rmtree(project / "site", ignore_errors=True)
    built = build(project)
    built.assert_clean_failure("blog/2026/avain.txt:1: tiedosto: symbolinen linkki", seconds=60)
    assert not (project / "site" / "blog/2026/avain.txt").exists()


# -- raw HTML and links in the text ----------------------------------------------------------------

def test_active_html_and_addresses_in_texts_are_refused(tmp_path):
    body = "\n".join([
        "Tavallinen kappale, jossa on <abbr title=\"sosiaali- ja terveys\">sote</abbr> ja `<script>` koodina.",  # 7
        "",
        "<script>alert(1)</script>",                                    # 9
        "",
        '<img src="x.png" alt="kuva" onerror="alert(1)">',              # 11
        "",
        "[linkki](javascript:alert(1)) ja [toinen](JaVa&#x09;ScRiPt:alert(1))",  # 13
        "",
        '<a href="  vbscript:msgbox(1)">a</a> <iframe src="https://x.example/"></iframe>',  # 15
        "",
        "[kuva](https://e.fi/){: onclick=\"alert(1)\" }",              # 17
        "",
        '![pikseli](data:image/png;base64,AAAA)',                       # 19
        "",
        "```html",
        "<script>esimerkki koodilohkossa</script>",
        "```",
        "<form action=\"https://x.example/\"><object></object><embed><style>p{}</style>",  # 24
    ])
    checked(tmp_path, {
        "blog/2026/html.md": post("HTML", body=body),
        "docs/tietoa.md": "# Tietoa\n\n<iframe src=\"https://kartta.example/\"></iframe>\n",
        "events/e.md": event("E", "2026-12-01", body="<svg onload=alert(1)>"),
    }, "blog/2026/html.md:9: teksti: HTML-elementti <script> ei ole sallittu tekstissä",
       "blog/2026/html.md:11: teksti: tapahtumankäsittelijät kuten onclick= tai onerror= eivät ole sallittuja",
       "blog/2026/html.md:13: teksti: javascript:-osoitteet eivät ole sallittuja",
       "blog/2026/html.md:15: teksti: vbscript:-osoitteet eivät ole sallittuja",
       "blog/2026/html.md:15: teksti: HTML-elementti <iframe> ei ole sallittu",
       "blog/2026/html.md:17: teksti: tapahtumankäsittelijät",
       "blog/2026/html.md:19: teksti: data:-osoitteet eivät ole sallittuja",
       "blog/2026/html.md:24: teksti: HTML-elementti <form>",
       "docs/tietoa.md:3: teksti: HTML-elementti <iframe>",
       "events/e.md:6: teksti: HTML-elementti <svg>", "events/e.md:6: teksti: tapahtumankäsittelijät")
    out = check(tmp_path).output
    assert "blog/2026/html.md:7:" not in out and "blog/2026/html.md:22:" not in out  # code is not HTML
    assert out.count("blog/2026/html.md:13: teksti: javascript:") == 2  # the entity-hidden one too


def test_new_with_over_long_title_or_slug_says_what_to_do(tmp_path):
    write_site(tmp_path, {})
    too_long = run_limited(tmp_path, "muutostuki", "new", "post", "Pitkä otsikko " * 30, "--author", "testaaja")
    too_long.assert_clean_failure("otsikko: teksti on liian pitkä (419 merkkiä, enintään 200)", seconds=WALL_SECONDS)
    slug = run_limited(tmp_path, "muutostuki", "new", "event", "X", "--start", "2027-01-01", "--slug", "a" * 300)
    slug.assert_clean_failure("tiedosto: tiedostonimi on liian pitkä (311 merkkiä, enintään 100)", seconds=WALL_SECONDS)
    made = run_limited(tmp_path, "muutostuki", "new", "post", "Pitkä otsikko " * 12, "--author", "testaaja")
    assert made.returncode == 0, made.output
    (created,) = (tmp_path / "blog").rglob("pitka-*.md")
    assert len(created.stem) <= 89 and not created.stem.endswith("-"), created.name
    assert not list((tmp_path / "events").rglob("*.md"))


def test_content_folders_outside_the_project_are_refused(tmp_path):
    from conftest import MKDOCS_YML

    yml = MKDOCS_YML.replace("build_time:", "blog_dir: ../../etc\n      events_dir: /tmp\n      build_time:")
    write_site(tmp_path, {}, mkdocs_yml=yml)
    result = check(tmp_path)
    result.assert_clean_failure("mkdocs.yml:1: muutostuki.blog_dir: kansio", "mkdocs.yml:1: muutostuki.events_dir: "
                                "kansio '/tmp' on sivuston kansion ulkopuolella", seconds=WALL_SECONDS)
