"""`new place` and `new organizer`: a correctly named data file, checked by the build's own field tables.

The file is rendered as text, then parsed and validated exactly as the build reads it
(`parse_yaml` and the PLACE_FIELDS / ORGANIZER_FILE_FIELDS tables), so it is valid by construction.
"""
from __future__ import annotations

from ..content import fields as F
from ..content.errors import ErrorList
from ..content.frontmatter import SourceFile, parse_yaml
from ..content.organizers import ORGANIZER_FILE_FIELDS, ORGANIZERS_DIR
from ..content.places import PLACE_FIELDS, PLACES_DIR
from ..content.site import ContentPaths
from .scaffold import Created, ScaffoldError, _check_regions, _slug, _write_new, yaml_string

PLACE_OPTIONS = {"name": "nimi", "address": "--address", "postal_code": "--postal-code", "city": "--city",
                 "region": "--region"}
ORGANIZER_OPTIONS = {"name": "nimi", "short_name": "--short-name", "url": "--url", "email": "--email",
                     "phone": "--phone", "region": "--region"}
ACCESSIBILITY_TEMPLATE = [
    "# Saavutettavuus: kirjoita vain se, minkä tiedät (true/false); ks. docs/ohjeet/paikka.md",
    "# coordinates:", "#   lat: 61.6886", "#   lon: 27.2723",
    "# accessibility:", "#   step_free: true", "#   accessible_toilet: true", "#   induction_loop: false",
    "#   parking: Pysäköinti ja invapaikat", "#   public_transport: Lähin pysäkki", "#   note: Muuta saavutettavuudesta",
]


def _render(values: list[tuple[str, str | None]]) -> list[str]:
    return [f"{key}: {yaml_string(value)}" for key, value in values if value]


def _validate(text: str, shown: str, fields: tuple[F.Field, ...], options: dict[str, str]) -> list[str]:
    errors = ErrorList()
    parsed = parse_yaml(text, shown, errors)
    if parsed is not None:
        data, lines = parsed
        F.validate_fields(SourceFile(path=shown, meta=dict(data or {}), lines=lines), fields, errors, "tiedostolle")
    return [f"{options.get(e.field, e.field)}: {e.message}" for e in errors.errors]


def _create(paths: ContentPaths, folder: str, name: str, slug: str | None, lines: list[str],
            fields: tuple[F.Field, ...], options: dict[str, str], region: str | None, problems: list[str]) -> Created:
    if region:
        _check_regions([region], problems)
    file_id = _slug(name, slug, problems)
    shown = f"{paths.events_dir}/{folder}/{file_id}.yml"
    text = "\n".join(lines) + "\n"
    problems += _validate(text, shown, fields, options)
    if problems:
        raise ScaffoldError(problems)
    path = paths.root / shown
    _write_new(path, text, shown)
    return Created(path=path, shown=shown, notes=[f"Tunniste on {file_id}."])


def new_place(paths: ContentPaths, name: str, *, city: str, address: str | None = None,
              postal_code: str | None = None, region: str | None = None, slug: str | None = None) -> Created:
    """Create events/paikat/<slug>.yml; raise ScaffoldError listing every mistake in the options."""
    lines = _render([("name", name), ("address", address), ("postal_code", postal_code), ("city", city)])
    if region:
        lines.append(f"region: {region}")
    created = _create(paths, PLACES_DIR, name, slug, lines + ACCESSIBILITY_TEMPLATE, PLACE_FIELDS, PLACE_OPTIONS,
                      region, [])
    place_id = created.path.stem
    created.notes = [f"Paikan tunniste on {place_id}: tapahtumat viittaavat siihen kentällä place: {place_id}.",
                     "Täydennä saavutettavuustiedot (accessibility) ja sijainti (coordinates), jos tiedät ne."]
    return created


def new_organizer(paths: ContentPaths, name: str, *, short_name: str | None = None, url: str | None = None,
                  email: str | None = None, phone: str | None = None, region: str | None = None,
                  slug: str | None = None) -> Created:
    """Create events/jarjestajat/<slug>.yml; raise ScaffoldError listing every mistake in the options."""
    lines = _render([("name", name), ("short_name", short_name), ("url", url), ("email", email), ("phone", phone)])
    if region:
        lines.append(f"region: {region}")
    lines.append("# description: Lyhyt kuvaus järjestöstä")
    created = _create(paths, ORGANIZERS_DIR, name, slug, lines, ORGANIZER_FILE_FIELDS, ORGANIZER_OPTIONS, region, [])
    organizer_id = created.path.stem
    created.notes = [f"Järjestäjän tunniste on {organizer_id}: tapahtumat viittaavat siihen kentällä "
                     f"organizer: {organizer_id}."]
    return created
