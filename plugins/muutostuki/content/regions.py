"""Regions: the 22 fixed ids, enriched by editors' files docs/alueet/<id>.md."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from . import fields as F
from .errors import ErrorList, FieldError
from .frontmatter import read_source
from .html_policy import check_body
from .region_registry import NAME_FORMS, REGION_IDS, REGIONS
from .slugs import is_slug, slugify
from .unsafe_text import shown


def _email(value: object) -> str:
    address = F.text(value)
    if "@" not in address or any(c in address for c in " <>\"'"):
        raise FieldError(f"'{address}' ei ole sähköpostiosoite")
    return address


CONTACT_FIELDS = (
    F.Field("name", F.text, F.SCHEMA_TEXT, required=True, help="yhteyshenkilön nimi"),
    F.Field("role", F.text, F.SCHEMA_TEXT, help="tehtävä"),
    F.Field("email", _email, {"type": "string", "format": "email"}, help="sähköposti"),
    F.Field("phone", F.text, F.SCHEMA_TEXT, help="puhelin"),
)
NETWORK_FIELDS = (
    F.Field("name", F.text, F.SCHEMA_TEXT, required=True, help="verkostojärjestön nimi"),
    F.Field("url", F.http_url, F.SCHEMA_URL, help="verkkosivu"),
    F.Field("contact", F.mapping(CONTACT_FIELDS), F.mapping_schema(CONTACT_FIELDS), help="yhteyshenkilö"),
    F.Field("note", F.text, F.SCHEMA_TEXT, help="lyhyt lisätieto, esim. mitä järjestö alueella tekee"),
)
_parse_network_item = F.mapping(NETWORK_FIELDS)


def _network(value: object) -> list[dict]:
    if not isinstance(value, list):
        raise FieldError("pitää olla lista verkostojärjestöjä, jokainen rivi '- name: ...'")
    return [_parse_network_item(item) for item in value]


def region_id_list(value: object) -> list[str]:
    """`regions` of posts and events, `neighbours` of regions: ids, with a hint when a name was written instead."""
    items = F.text_list(value)
    for item in items:
        if not is_slug(item):
            raise FieldError(f"'{shown(item)}' ei ole alueen tunniste; kirjoita tunniste pienin kirjaimin ilman "
                             f"ääkkösiä.{_hint(item)} Tunnetut alueet: {', '.join(REGION_IDS)}")
    return items


def one_region_id(value: object) -> str:
    """`region:` of a place or an organiser: exactly one id (checked against the regions by the site)."""
    items = region_id_list([value] if isinstance(value, str) else value)
    if len(items) != 1:
        raise FieldError("anna yksi alueen tunniste, esim. region: etela-savo")
    return items[0]


REGION_FIELDS: tuple[F.Field, ...] = (
    F.Field("name", F.text, F.SCHEMA_TEXT, help="virallinen nimi, esim. Etelä-Savon hyvinvointialue"),
    F.Field("name_sv", F.text, F.SCHEMA_TEXT, help="ruotsinkielinen nimi"),
    F.Field("short_name", F.text, F.SCHEMA_TEXT, help="lyhyt nimi kartalle, esim. Etelä-Savo"),
    F.Field("brand", F.text, F.SCHEMA_TEXT, help="alueen oma lyhyt nimi, esim. Eloisa"),
    F.Field("city", F.text, F.SCHEMA_TEXT, help="keskuskaupunki"),
    F.Field("website", F.http_url, F.SCHEMA_URL, help="hyvinvointialueen verkkosivu"),
    F.Field("network", _network, {"type": "array", "items": F.mapping_schema(NETWORK_FIELDS)},
            help="alueen verkostojärjestöt"),
    F.Field("neighbours", region_id_list, F.SCHEMA_ID_LIST, help="naapurialueiden tunnisteet"),
    F.Field("cooperation_area", F.text, F.SCHEMA_TEXT, help="yhteistyöalue, esim. Itä-Suomen yhteistyöalue"),
    F.Field("summary", F.text, F.SCHEMA_TEXT, help="lyhyt kuvaus hakukoneille"),
    # Case forms of short_name; built in for the 22 regions, needed only if short_name is changed
    F.Field("genitive", F.text, F.SCHEMA_TEXT, help="lyhyt nimi genetiivissä, esim. Etelä-Savon"),
    F.Field("locative", F.text, F.SCHEMA_TEXT, help="missä? esim. Etelä-Savossa tai Pirkanmaalla"),
    F.Field("source", F.text, F.SCHEMA_TEXT, help="mistä? esim. Etelä-Savosta tai Pirkanmaalta"),
    F.Field("goal", F.text, F.SCHEMA_TEXT, help="mihin? esim. Etelä-Savoon tai Pirkanmaalle"),
)


@dataclass
class Region:
    id: str
    code: str
    name: str
    name_sv: str
    short_name: str
    brand: str = ""
    city: str = ""
    website: str = ""
    network: list[dict] = field(default_factory=list)
    neighbours: list[str] = field(default_factory=list)
    cooperation_area: str = ""
    summary: str = ""
    source_path: str = ""  # docs/alueet/<id>.md when an editor wrote one
    # Finnish case forms of short_name (region_registry.NAME_FORMS): "Etelä-Savon tapahtumat",
    # "tapahtumia Etelä-Savossa / Pirkanmaalla", "Etelä-Savosta", "Etelä-Savoon"
    genitive: str = ""
    locative: str = ""
    source: str = ""
    goal: str = ""

    def inflect(self, case: str) -> str:
        """The short name in a case: 'genitive', 'locative' (in/at), 'source' (from), 'goal' (to)."""
        if case not in CASES:
            raise ValueError(f"unknown case {case!r}; one of {', '.join(CASES)}")
        return getattr(self, case) or self.short_name

    @property
    def url(self) -> str:
        return f"alueet/{self.id}/"

    @property
    def blog_url(self) -> str:
        return f"alueet/{self.id}/blogi/"

    @property
    def feed_url(self) -> str:
        return f"alueet/{self.id}/feed.xml"

    @property
    def ics_url(self) -> str:
        return f"alueet/{self.id}/tapahtumat.ics"

    @property
    def events_url(self) -> str:
        """The events listing filtered to this region."""
        return f"tapahtumat/alueet/{self.id}/"

    @property
    def display_name(self) -> str:
        """Official name first, then the brand (Kotus guidance)."""
        return f"{self.name} {self.brand}" if self.brand else self.name


CASES = ("genitive", "locative", "source", "goal")


def builtin_regions() -> dict[str, Region]:
    return {rid: Region(id=rid, code=code, name=fi, name_sv=sv, short_name=short,
                        **dict(zip(CASES, NAME_FORMS[rid])))
            for rid, code, fi, sv, short in REGIONS}


def load_regions(docs_dir: Path, root: Path, errors: ErrorList) -> dict[str, Region]:
    """The 22 regions, with the fields editors wrote in docs/alueet/<id>.md."""
    regions = builtin_regions()
    folder = docs_dir / "alueet"
    if not folder.is_dir():
        return regions
    for path in sorted(folder.glob("*.md")):
        if path.stem == "index":
            continue
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        if path.stem not in regions:
            errors.add(shown, 1, "tiedosto", f"tiedoston nimen pitää olla alueen tunniste; "
                       f"'{path.stem}' ei ole alue.{_hint(path.stem)}")
            continue
        source = read_source(path, shown, errors)
        if not source.ok:
            continue
        clean = F.validate_fields(source, REGION_FIELDS, errors, "alueelle")
        region = regions[path.stem]
        builtin_short = region.short_name
        for key, value in clean.items():
            setattr(region, key, value)
        region.source_path = shown
        if region.short_name != builtin_short:
            _check_forms(region, clean, source, errors)
        _check_neighbours(region, source, regions, errors)
        _check_body(source, errors)
        check_body(source.path, source.body, source.body_line, errors)
    return regions


def _check_forms(region: Region, clean: dict, source, errors: ErrorList) -> None:
    """A changed short_name needs its own case forms: the built-in ones belong to the old name."""
    missing = [case for case in CASES if case not in clean]
    if missing:
        errors.add(source.path, source.line("short_name"), "short_name",
                   f"lyhyt nimi '{region.short_name}' poikkeaa alueen vakionimestä, joten kirjoita myös sen "
                   f"taivutusmuodot: {', '.join(missing)} (esim. genitive: Etelä-Savon, locative: Etelä-Savossa, "
                   "source: Etelä-Savosta, goal: Etelä-Savoon)")


def _check_neighbours(region: Region, source, regions: dict[str, Region], errors: ErrorList) -> None:
    for i, neighbour in enumerate(region.neighbours):
        line = source.line(f"neighbours.{i}") if f"neighbours.{i}" in source.lines else source.line("neighbours")
        if neighbour not in regions:
            errors.add(source.path, line, "neighbours", unknown_region_message(neighbour, regions))
        elif neighbour == region.id:
            errors.add(source.path, line, "neighbours", f"alue '{neighbour}' ei voi olla oma naapurinsa; poista rivi")


def _check_body(source, errors: ErrorList) -> None:
    """The page's only h1 is the official name (from `name`); a '# ' heading would be a second one."""
    in_code = False
    for offset, line in enumerate(source.body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if not in_code and line.startswith("# "):
            errors.add(source.path, source.body_line + offset, "teksti",
                       "alueen sivun pääotsikko on alueen virallinen nimi (kenttä name); "
                       "käytä tekstissä väliotsikoita '## Otsikko'", severity="warning")


def region_aliases(regions: dict[str, Region] | None = None) -> dict[str, str]:
    """Slugs of the names editors may write instead of an id ('eloisa', 'etela-savon-hyvinvointialue', '12')."""
    aliases: dict[str, str] = {}
    for region in (regions or builtin_regions()).values():
        for alias in (region.code, region.name, region.short_name, region.name_sv, region.brand):
            if alias:
                aliases.setdefault(slugify(alias), region.id)
    return aliases


def region_suggestions(value: str, regions: dict[str, Region] | None = None) -> list[str]:
    """The regions an editor most likely meant by an unknown id: one, or all that fit ('savo')."""
    aliases = region_aliases(regions)
    key = slugify(value)
    if key in REGION_IDS:
        return [key]
    if key in aliases:
        return [aliases[key]]
    parts = [rid for rid in REGION_IDS if key and f"-{key}-" in f"-{rid}-"]
    if parts:
        return parts
    close = difflib.get_close_matches(key, list(REGION_IDS), n=1, cutoff=0.6)
    if close:
        return close
    close = difflib.get_close_matches(key, list(aliases), n=1, cutoff=0.75)
    return [aliases[close[0]]] if close else []


def closest_region(value: str, regions: dict[str, Region] | None = None) -> str | None:
    """The one region an editor most likely meant, or None when there is none or several fit."""
    found = region_suggestions(value, regions)
    return found[0] if len(found) == 1 else None


def _hint(value: str, regions: dict[str, Region] | None = None) -> str:
    found = region_suggestions(value, regions)
    if len(found) == 1:
        return f" Tarkoititko '{found[0]}'?"
    if found:
        return " Tarkoititko jotakin näistä: " + ", ".join(f"'{rid}'" for rid in found) + "?"
    return ""


def unknown_region_message(region_id: str, regions: dict[str, Region] | None = None) -> str:
    """`tuntematon alue 'x'. Tarkoititko 'y'? Tunnetut alueet: ...`: the fix and every valid id."""
    return f"tuntematon alue '{shown(region_id)}'.{_hint(region_id, regions)} Tunnetut alueet: {', '.join(REGION_IDS)}"
