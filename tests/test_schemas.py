"""JSON Schemas for editors' tools: fresh, and in agreement with the build's own validation."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from cli_run import run_cli
from conftest import ROOT, BUILD_TIME, write_site

from muutostuki.content.datafiles import read_data_file
from muutostuki.content.errors import ErrorList
from muutostuki.content.frontmatter import read_source
from muutostuki.content.site import ContentPaths, load_site
from muutostuki.content.timeutil import parse_datetime
from muutostuki.editor.schemas import SCHEMA_DIR, build_schemas, schema_text

SCHEMAS = build_schemas()


def validator(name: str) -> Draft7Validator:
    Draft7Validator.check_schema(SCHEMAS[name])
    return Draft7Validator(SCHEMAS[name], format_checker=Draft7Validator.FORMAT_CHECKER)


def front_matter(path: Path) -> dict:
    errors = ErrorList()
    if path.suffix == ".yml":  # a place or an organiser: the whole file is the mapping
        source = read_data_file(path, path.name, errors)
        assert not errors.errors, errors.errors
        return source.meta
    source = read_source(path, path.name, errors)
    assert not errors.errors, errors.errors
    return source.meta


def example_files() -> list[tuple[str, Path]]:
    files = [("post.schema.json", p) for p in sorted((ROOT / "blog").rglob("*.md"))]
    files += [("event.schema.json", p) for p in sorted((ROOT / "events").rglob("*.md"))]
    files += [("place.schema.json", p) for p in sorted((ROOT / "events" / "paikat").glob("*.yml"))]
    files += [("organizer.schema.json", p) for p in sorted((ROOT / "events" / "jarjestajat").glob("*.yml"))]
    files += [("region.schema.json", p) for p in sorted((ROOT / "docs" / "alueet").glob("*.md")) if p.stem != "index"]
    return files


def test_committed_schemas_equal_freshly_generated_ones():
    for name, schema in SCHEMAS.items():
        committed = ROOT / SCHEMA_DIR / name
        assert committed.read_text(encoding="utf-8") == schema_text(schema), (
            f"{committed} is stale: run `python -m muutostuki schemas` and commit schemas/")


def test_region_ids_are_offered_as_a_list_but_author_ids_are_not():
    post = SCHEMAS["post.schema.json"]["properties"]
    assert len(post["regions"]["items"]["enum"]) == 22 and "etela-savo" in post["regions"]["items"]["enum"]
    assert "enum" not in post["authors"]["items"]
    assert SCHEMAS["region.schema.json"]["properties"]["neighbours"]["items"]["enum"][-1] == "helsinki"


@pytest.mark.parametrize("schema,path", example_files(), ids=lambda v: v if isinstance(v, str) else v.name)
def test_schema_accepts_every_example_file(schema, path):
    problems = [f"{'.'.join(map(str, e.path))}: {e.message}" for e in validator(schema).iter_errors(front_matter(path))]
    assert problems == [], f"{path.relative_to(ROOT)}: {problems}"


def test_there_are_examples_of_every_kind():
    kinds = {schema for schema, _ in example_files()}
    assert {"post.schema.json", "region.schema.json"} <= kinds


def test_authors_file_matches_its_schema():
    data = yaml.safe_load((ROOT / "blog" / "authors.yml").read_text(encoding="utf-8"))
    assert list(validator("authors.schema.json").iter_errors(data)) == []


def test_files_made_by_new_match_the_schemas(tmp_path):
    write_site(tmp_path, {})
    made = run_cli(tmp_path, "new", "post", "Otsikko: jossa # merkkejä", "--author", "testaaja",
                   "--region", "etela-savo", "--date", "2026-01-02")
    event = run_cli(tmp_path, "new", "event", "Webinaari", "--start", "2026-02-03 13:00", "--end", "2026-02-03 15:00",
                    "--online", "--registration", "https://ilmo.example.fi/", "--place", "Talo", "--city", "Mikkeli")
    assert made.returncode == event.returncode == 0, made.stderr + event.stderr
    assert list(validator("post.schema.json").iter_errors(front_matter(tmp_path / made.stdout.strip()))) == []
    assert list(validator("event.schema.json").iter_errors(front_matter(tmp_path / event.stdout.strip()))) == []


POST = "---\ntitle: Otsikko\ndate: 2026-01-15 09:00\nauthors: [testaaja]\nregions: [etela-savo]\nsummary:\n---\nTeksti.\n"
EVENT = "---\ntitle: Webinaari\nstart: 2026-02-03 13:00\nend: 2026-02-03 15:00\nregistration:\n" \
        "  url: https://ilmo.example.fi/\n  deadline: 2026-02-01\nonline: true\n---\n"
REGION = "---\nname: Etelä-Savon hyvinvointialue\nbrand: Eloisa\nwebsite: https://etelasavonha.fi/\n" \
         "neighbours: [pohjois-savo]\nnetwork:\n  - name: Järjestöverkosto\n    url: https://jarjestot.example.fi/\n---\n"

# (schema, file, text with one mistake): the schema and the build must both refuse each
BROKEN = {
    "post: missing title": ("post.schema.json", "blog/2026/x.md", POST.replace("title: Otsikko\n", "")),
    "post: bad date string": ("post.schema.json", "blog/2026/x.md", POST.replace("2026-01-15 09:00", "15.1.2026")),
    "post: unknown field": ("post.schema.json", "blog/2026/x.md", POST.replace("summary:", "tittle: X")),
    "post: bad region id": ("post.schema.json", "blog/2026/x.md", POST.replace("[etela-savo]", "[etela-savoo]")),
    "post: javascript: image": ("post.schema.json", "blog/2026/x.md",
                                POST.replace("summary:", "image: javascript:alert(1)\nimage_alt: Kuva")),
    "post: no authors": ("post.schema.json", "blog/2026/x.md", POST.replace("[testaaja]", "[]")),
    "post: draft not boolean": ("post.schema.json", "blog/2026/x.md", POST.replace("summary:", "draft: kyllä")),
    "post: empty title": ("post.schema.json", "blog/2026/x.md", POST.replace("title: Otsikko", "title:")),
    "event: missing start": ("event.schema.json", "events/x.md", EVENT.replace("start: 2026-02-03 13:00\n", "")),
    "event: bad end": ("event.schema.json", "events/x.md", EVENT.replace("end: 2026-02-03 15:00", "end: huomenna")),
    "event: javascript: registration": ("event.schema.json", "events/x.md",
                                        EVENT.replace("https://ilmo.example.fi/", "javascript:alert(1)")),
    "event: javascript: online": ("event.schema.json", "events/x.md",
                                  EVENT.replace("online: true", "online: javascript:alert(1)")),
    "event: unknown status": ("event.schema.json", "events/x.md", EVENT.replace("online: true", "status: peruttu")),
    "event: unknown sub-field": ("event.schema.json", "events/x.md", EVENT.replace("  deadline:", "  paivays:")),
    "event: bad region id": ("event.schema.json", "events/x.md", EVENT.replace("online: true", "regions: [savo]")),
    "region: ftp website": ("region.schema.json", "docs/alueet/etela-savo.md", REGION.replace("https://etelasavonha.fi/",
                                                                                              "ftp://etelasavonha.fi/")),
    "region: unknown neighbour": ("region.schema.json", "docs/alueet/etela-savo.md",
                                  REGION.replace("[pohjois-savo]", "[pohjois-savoo]")),
    "region: unknown field": ("region.schema.json", "docs/alueet/etela-savo.md", REGION.replace("brand:", "brandi:")),
    "region: network not a list": ("region.schema.json", "docs/alueet/etela-savo.md",
                                   REGION.split("network:")[0] + "network: Järjestöverkosto\n---\n"),
}


def _build_errors(tmp_path: Path, rel: str, text: str) -> list[str]:
    write_site(tmp_path, {rel: text})
    site = load_site(ContentPaths(tmp_path), parse_datetime(BUILD_TIME))
    return [str(e) for e in site.errors.errors]


@pytest.mark.parametrize("schema,rel,text", [(s, r, t) for s, r, t in BROKEN.values()], ids=list(BROKEN))
def test_schema_and_build_both_refuse_each_broken_file(tmp_path, schema, rel, text):
    assert list(validator(schema).iter_errors(front_matter(write_site(tmp_path, {rel: text}) / rel))) != []
    assert [e for e in _build_errors(tmp_path, rel, text) if e.startswith(rel + ":")] != []


@pytest.mark.parametrize("schema,rel,text", [("post.schema.json", "blog/2026/x.md", POST),
                                             ("event.schema.json", "events/x.md", EVENT),
                                             ("region.schema.json", "docs/alueet/etela-savo.md", REGION)],
                         ids=["post", "event", "region"])
def test_schema_and_build_both_accept_the_unbroken_files(tmp_path, schema, rel, text):
    assert list(validator(schema).iter_errors(front_matter(write_site(tmp_path, {rel: text}) / rel))) == []
    assert _build_errors(tmp_path, rel, text) == []


@pytest.mark.parametrize("text", [
    "authors:\n  henna-hovi:\n    role: asiantuntija\n",
    "authors:\n  henna-hovi:\n    name: Henna Hovi\n    url: javascript:alert(1)\n",
    "authors:\n  henna-hovi:\n    name: Henna Hovi\n    titteli: x\n",
    "kirjoittajat:\n  henna-hovi:\n    name: Henna Hovi\n",
])
def test_authors_schema_and_build_both_refuse_broken_authors(tmp_path, text):
    assert list(validator("authors.schema.json").iter_errors(yaml.safe_load(text))) != []
    assert [e for e in _build_errors(tmp_path, "blog/authors.yml", text) if e.startswith("blog/authors.yml:")] != []
