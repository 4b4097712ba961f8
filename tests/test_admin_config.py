"""The browser editor's configuration is generated from the build's field tables and cannot drift.

Every field the build validates has a widget, with the table's `required`, the guide's help text and,
for regions and authors, exactly the real lists; a field without a widget stops the build.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from muutostuki.admin import cms_config as C
from muutostuki.admin.guide_help import field_help
from muutostuki.content import fields as F
from muutostuki.content.authors import AUTHOR_FIELDS
from muutostuki.content.events import EVENT_FIELDS
from muutostuki.content.organizers import ORGANIZER_FILE_FIELDS
from muutostuki.content.places import PLACE_FIELDS
from muutostuki.content.posts import POST_FIELDS
from muutostuki.content.region_registry import REGION_IDS
from muutostuki.content.regions import REGION_FIELDS

ROOT = Path(__file__).resolve().parent.parent
LISTS = C.Lists(authors=(("henna-hovi", "Henna Hovi"), ("mr", "M. R.")))
TABLES = {"kirjoitukset": (POST_FIELDS, "kirjoitus.md"), "tapahtumat": (EVENT_FIELDS, "tapahtuma.md"),
          "alueet": (REGION_FIELDS, "alue.md"), "paikat": (PLACE_FIELDS, "paikka.md"),
          "jarjestajat": (ORGANIZER_FILE_FIELDS, "jarjestaja.md")}


@pytest.fixture(scope="module")
def config() -> dict:
    return C.cms_config(ROOT, "docs", "blog", "events", "https://muutostuki.example.fi/", LISTS, C.Backend())


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


@pytest.mark.parametrize("name", list(TABLES))
def test_every_field_of_the_table_is_in_the_form_and_nothing_else(config, name):
    table, guide = TABLES[name]
    form = {f["name"]: f for f in _collection(config, name)["fields"]}
    body = [] if name in ("paikat", "jarjestajat") else ["body"]   # data files (.yml) have no text
    assert list(form) == [f.name for f in table] + body
    for spec in table:
        assert form[spec.name]["required"] == spec.required, spec.name
        assert form[spec.name]["label"] and form[spec.name]["label"] != spec.name, f"{spec.name} has no Finnish label"
    help_texts = field_help(ROOT / "docs" / "ohjeet" / guide)
    for spec in table:
        if spec.name in help_texts and spec.name != "recurrence":
            assert form[spec.name]["hint"].startswith(help_texts[spec.name]), spec.name


def test_regions_and_authors_are_choices_from_the_real_lists(config):
    for name, field_name in (("kirjoitukset", "regions"), ("tapahtumat", "regions"), ("alueet", "neighbours")):
        widget = next(f for f in _collection(config, name)["fields"] if f["name"] == field_name)
        assert widget["widget"] == "select" and widget["multiple"]
        assert [o["value"] for o in widget["options"]] == list(REGION_IDS)
    authors = next(f for f in _collection(config, "kirjoitukset")["fields"] if f["name"] == "authors")
    assert [o["value"] for o in authors["options"]] == ["henna-hovi", "mr"] and authors["required"]
    assert authors["min"] == 1


def test_dates_are_finnish_time_and_the_rule_has_an_example(config):
    events = {f["name"]: f for f in _collection(config, "tapahtumat")["fields"]}
    assert events["start"]["widget"] == events["end"]["widget"] == "suomenaika"
    assert "Suomen aikaa" in events["start"]["hint"]
    assert "FREQ=MONTHLY;BYDAY=1TU" in events["recurrence"]["hint"]
    post = {f["name"]: f for f in _collection(config, "kirjoitukset")["fields"]}
    assert post["image"]["widget"] == "image" and post["image_alt"]["widget"] == "text"


def test_drafts_are_the_editorial_workflow_and_region_pages_are_edit_only(config):
    assert config["publish_mode"] == "editorial_workflow"
    regions = _collection(config, "alueet")
    assert regions["create"] is False and regions["delete"] is False
    authors_file = _collection(config, "asetukset")["files"][0]
    assert authors_file["file"] == "blog/authors.yml"
    per_author = authors_file["fields"][0]["fields"]
    assert [a["name"] for a in per_author] == ["henna-hovi", "mr"]
    assert [f["name"] for f in per_author[0]["fields"]] == [f.name for f in AUTHOR_FIELDS]


def test_a_field_without_a_widget_stops_the_build():
    odd = F.Field("sijainti", lambda value: value, {"type": "object"})
    with pytest.raises(ValueError, match="sijainti"):
        C.field_config(odd, LISTS, {})


def test_production_sign_in_only_when_configured():
    lists = LISTS
    plain = C.cms_config(ROOT, "docs", "blog", "events", "https://x.fi/", lists, C.Backend(repo="org/site"))
    assert "base_url" not in plain["backend"] and plain["backend"]["repo"] == "org/site"
    signed = C.cms_config(ROOT, "docs", "blog", "events", "https://x.fi/", lists,
                          C.Backend(repo="org/site", auth_url="https://kirjautuminen.example.fi"))
    assert signed["backend"]["base_url"] == "https://kirjautuminen.example.fi"


def test_without_node_modules_the_site_builds_without_admin_and_says_so(build_site):
    from conftest import AUTHORS_YML, post

    result = build_site({"blog/authors.yml": AUTHORS_YML, "blog/2026/a.md": post(authors=["testaaja"])})
    assert result.returncode == 0, result.output
    assert not (result.site / "admin").exists()
    assert "Selainmuokkain /admin/ jäi pois sivustolta: node_modules/decap-cms/dist/decap-cms.js puuttuu" \
        in result.output
