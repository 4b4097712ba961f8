"""The editors' guide (docs/ohjeet/) stays true: every field documented, every example valid."""
from __future__ import annotations

import re
import shutil
import textwrap

import pytest

from cli_run import run_cli
from conftest import BUILD_TIME, ROOT, write_site

from muutostuki.content.authors import AUTHOR_FIELDS
from muutostuki.content.events import EVENT_FIELDS, LOCATION_FIELDS, ORGANIZER_FIELDS, REGISTRATION_FIELDS
from muutostuki.content.organizers import ORGANIZER_FILE_FIELDS
from muutostuki.content.places import ACCESSIBILITY_FIELDS, COORDINATE_FIELDS, PLACE_FIELDS
from muutostuki.content.posts import POST_FIELDS
from muutostuki.content.series import OVERRIDE_FIELDS
from muutostuki.content.regions import CONTACT_FIELDS, NETWORK_FIELDS, REGION_FIELDS
from muutostuki.content.site import ContentPaths, load_site
from muutostuki.content.timeutil import parse_datetime
from muutostuki.editor.project import load_project

GUIDE = ROOT / "docs" / "ohjeet"
PAGES = {
    "kirjoitus.md": POST_FIELDS + AUTHOR_FIELDS,
    "tapahtuma.md": EVENT_FIELDS + LOCATION_FIELDS + ORGANIZER_FIELDS + REGISTRATION_FIELDS + OVERRIDE_FIELDS,
    "paikka.md": PLACE_FIELDS + COORDINATE_FIELDS + ACCESSIBILITY_FIELDS,
    "jarjestaja.md": ORGANIZER_FILE_FIELDS,
    "alue.md": REGION_FIELDS + NETWORK_FIELDS + CONTACT_FIELDS,
}


def code_blocks(page: str) -> list[str]:
    """Indented code blocks of a guide page, dedented."""
    text = (GUIDE / page).read_text(encoding="utf-8")
    blocks = re.findall(r"(?:^|\n\n)((?:    [^\n]*\n|\n)+)", text)
    return [textwrap.dedent(block).strip("\n") + "\n" for block in blocks]


def example(page: str) -> str:
    return next(b for b in code_blocks(page) if b.startswith("---\n"))


@pytest.mark.parametrize("page", PAGES)
def test_every_field_is_documented(page):
    text = (GUIDE / page).read_text(encoding="utf-8")
    missing = [f.name for f in PAGES[page] if f"`{f.name}`" not in text]
    assert missing == [], f"docs/ohjeet/{page} does not mention {missing}"


def test_examples_in_the_guide_pass_the_build_validation(tmp_path):
    shutil.copy(ROOT / "blog" / "authors.yml", tmp_path / "authors.yml")
    write_site(tmp_path, {
        "blog/authors.yml": (tmp_path / "authors.yml").read_text(encoding="utf-8"),
        "blog/2026/esimerkki.md": example("kirjoitus.md"),
        "events/2026-03-05-jarjestofoorumi.md": example("tapahtuma.md"),
        "docs/alueet/etela-savo.md": example("alue.md"),
        "docs/kuvat/foorumi-2026.jpg": b"\xff\xd8\xff",
        # the repository's authors name their organisations' organiser files
        **{f"events/jarjestajat/{p.name}": p.read_text(encoding="utf-8")
           for p in (ROOT / "events" / "jarjestajat").glob("*.yml")},
    })
    site = load_site(ContentPaths(tmp_path), parse_datetime(BUILD_TIME))
    assert [str(e) for e in site.errors.items] == []
    assert site.all_posts[0].events == ["2026-03-05-jarjestofoorumi"]
    assert site.regions["etela-savo"].network[0]["contact"]["email"] == "etunimi.sukunimi@example.fi"
    authors = [b for b in code_blocks("kirjoitus.md") if b.startswith("authors:")]
    assert len(authors) == 1
    (tmp_path / "blog" / "authors.yml").write_text(authors[0], encoding="utf-8")
    assert [str(e) for e in load_site(ContentPaths(tmp_path), parse_datetime(BUILD_TIME)).errors.items
            if e.path.endswith("authors.yml")] == []


def test_place_organizer_and_series_examples_pass_the_build_validation(tmp_path):
    place = next(b for b in code_blocks("paikka.md") if b.startswith("name:"))
    organizer = next(b for b in code_blocks("jarjestaja.md") if b.startswith("name:"))
    series = [b for b in code_blocks("tapahtuma.md") if b.startswith("---\n")][1]
    write_site(tmp_path, {"events/paikat/mikkelin-kaupungintalo.yml": place, "events/jarjestajat/kykasote.yml": organizer,
                          "events/kuukausitapaaminen.md": series.replace("---\n", "---\nplace: mikkelin-kaupungintalo\n"
                                                                         "organizer: kykasote\n", 1)})
    site = load_site(ContentPaths(tmp_path), parse_datetime(BUILD_TIME))
    assert [str(e) for e in site.errors.errors] == []
    event = site.events_by_id["kuukausitapaaminen"]
    assert event.venue.accessibility["induction_loop"] is True and event.organizers[0].short_name == "Kykasote"
    assert len(event.overrides) == 2 and event.exceptions


def test_the_repository_content_and_guide_pass_check():
    result = run_cli(ROOT, "check")
    assert result.returncode == 0, result.stdout
    assert [w for w in result.warnings if w.startswith("docs/ohjeet/")] == []


def test_guide_is_in_the_navigation_under_tietoa():
    nav = load_project(ROOT).config["nav"]  # read with mkdocs.yml's !ENV tags
    about = next(item["Tietoa"] for item in nav if isinstance(item, dict) and "Tietoa" in item)
    assert {"Ohjeet": "ohjeet/index.md"} in about
