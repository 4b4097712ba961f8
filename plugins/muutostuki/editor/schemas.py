"""JSON Schemas for editors' tools, generated from the field tables the validation uses.

`python -m muutostuki schemas` writes them into schemas/; a test keeps the committed files
equal to freshly generated ones, so the editor and the build never disagree about a field.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

from ..content import fields as F
from ..content.authors import AUTHOR_FIELDS
from ..content.events import EVENT_FIELDS
from ..content.organizers import ORGANIZER_FILE_FIELDS
from ..content.places import PLACE_FIELDS
from ..content.posts import POST_FIELDS
from ..content.region_registry import REGION_IDS
from ..content.regions import REGION_FIELDS

SCHEMA_DIR = "schemas"
# Region ids are fixed by law (616/2021), so editors' tools may offer them as a list
REGION_ID_FIELDS = ("regions", "neighbours")


def _region_enum(schema: dict) -> dict:
    return {**schema, "items": {"type": "string", "enum": list(REGION_IDS)}}


def _nullable(schema: dict) -> dict:
    """An optional field left empty (`summary:`) is accepted by the validation as 'not given'."""
    if "oneOf" in schema:
        return {**schema, "oneOf": [*schema["oneOf"], {"type": "null"}]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    return {**schema, "type": [schema["type"], "null"]}


def front_matter_schema(fields: tuple[F.Field, ...], title: str, description: str) -> dict:
    schema = copy.deepcopy(F.json_schema(fields, title, description))
    props = schema["properties"]
    for name in REGION_ID_FIELDS:
        if name in props:
            props[name] = _region_enum(props[name])
    if "region" in props:  # a place's or an organiser's one home region
        props["region"] = {**props["region"], "enum": list(REGION_IDS)}
    for spec in fields:
        if not spec.required:
            props[spec.name] = _nullable(props[spec.name])
    return schema


def authors_schema() -> dict:
    base = F.json_schema(AUTHOR_FIELDS, "Kirjoittajat (blog/authors.yml)", "")
    author = {k: v for k, v in base.items() if k not in ("$schema", "title", "description")}
    return {
        "$schema": base["$schema"],
        "title": "Kirjoittajat (blog/authors.yml)",
        "description": "Kirjoittajien tunnisteet ja tiedot. Kirjoituksen authors-kenttä viittaa tunnisteeseen.",
        "type": "object",
        "additionalProperties": False,
        "required": ["authors"],
        "properties": {"authors": {
            "type": "object",
            "description": "tunniste: pienet kirjaimet a-z, numerot ja viivat, esim. henna-hovi",
            "additionalProperties": copy.deepcopy(author),
        }},
    }


def build_schemas() -> dict[str, dict]:
    """File name -> schema, for everything editors write by hand."""
    return {
        "post.schema.json": front_matter_schema(
            POST_FIELDS, "Blogikirjoitus",
            "Blogikirjoituksen front matter (blog/VVVV/nimi.md). Ohjeet: docs/ohjeet/kirjoitus.md"),
        "event.schema.json": front_matter_schema(
            EVENT_FIELDS, "Tapahtuma",
            "Tapahtuman front matter (events/VVVV-KK-PP-nimi.md). Ohjeet: docs/ohjeet/tapahtuma.md"),
        "region.schema.json": front_matter_schema(
            REGION_FIELDS, "Alue",
            "Alueen sivun front matter (docs/alueet/<alueen tunniste>.md). Ohjeet: docs/ohjeet/alue.md"),
        "place.schema.json": front_matter_schema(
            PLACE_FIELDS, "Paikka",
            "Tapahtumapaikka (events/paikat/<tunniste>.yml). Ohjeet: docs/ohjeet/paikka.md"),
        "organizer.schema.json": front_matter_schema(
            ORGANIZER_FILE_FIELDS, "Järjestäjä",
            "Tapahtuman järjestäjä (events/jarjestajat/<tunniste>.yml). Ohjeet: docs/ohjeet/jarjestaja.md"),
        "authors.schema.json": authors_schema(),
    }


def schema_text(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in build_schemas().items():
        path = folder / name
        text = schema_text(schema)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
