"""Decap CMS configuration for /admin/, generated from the field tables the build validates with.

One source: every field of POST_FIELDS, EVENT_FIELDS, REGION_FIELDS and AUTHOR_FIELDS becomes a
widget here (tests/test_admin_config.py fails when a field has no widget or a widget no field), its
`required` is the table's, its hint is the guide's sentence. Regions and authors are choices from
their real lists, so the editor cannot save an id the build would refuse.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content import fields as F
from ..content.authors import AUTHOR_FIELDS
from ..content.events import EVENT_FIELDS, LANGUAGES, SERVICES
from ..content.organizers import ORGANIZER_FILE_FIELDS
from ..content.places import PLACE_FIELDS
from ..content.posts import POST_FIELDS
from ..content.region_registry import REGIONS
from ..content.regions import REGION_FIELDS, one_region_id, region_id_list
from ..content.series import OVERRIDE_FIELDS
from .guide_help import field_help

# Finnish labels: the guide names fields by their key, the form by a word.
LABELS = {
    "title": "Otsikko", "date": "Julkaisuaika", "updated": "Päivitetty", "authors": "Kirjoittajat",
    "regions": "Alueet", "categories": "Aiheet", "tags": "Avainsanat", "summary": "Tiivistelmä",
    "image": "Kuva", "image_alt": "Kuvan vaihtoehtoinen teksti", "license": "Käyttöoikeus",
    "events": "Liittyvät tapahtumat", "slug": "Osoitteen loppuosa", "draft": "Piilotettu (draft)",
    "start": "Alkaa", "end": "Päättyy", "date_precision": "Päivän tarkkuus", "location": "Paikka ilman omaa tiedostoa",
    "online": "Verkossa", "organizer": "Järjestäjät", "registration": "Ilmoittautuminen", "status": "Tila",
    "recurrence": "Toistuvuus (RRULE)", "name": "Nimi", "address": "Katuosoite", "city": "Kaupunki",
    "url": "Verkkosivu", "deadline": "Viimeinen ilmoittautumispäivä", "name_sv": "Nimi ruotsiksi",
    "short_name": "Lyhyt nimi", "brand": "Alueen oma nimi", "website": "Verkkosivu", "network": "Verkostojärjestöt",
    "neighbours": "Naapurialueet", "cooperation_area": "Yhteistyöalue", "contact": "Yhteyshenkilö",
    "genitive": "Nimi genetiivissä (minkä?)", "locative": "Missä?", "source": "Mistä?", "goal": "Mihin?",
    "place": "Paikka", "exceptions": "Poikkeuspäivät", "overrides": "Yksittäisten kertojen muutokset",
    "price": "Hinta", "languages": "Kielet", "services": "Saavutettavuuspalvelut", "postal_code": "Postinumero",
    "region": "Alue", "coordinates": "Sijainti kartalla", "lat": "Leveysaste", "lon": "Pituusaste",
    "accessibility": "Saavutettavuus", "step_free": "Esteetön sisäänkäynti", "accessible_toilet": "Esteetön wc",
    "induction_loop": "Induktiosilmukka", "parking": "Pysäköinti", "public_transport": "Julkinen liikenne",
    "description": "Kuvaus",
    "role": "Tehtävä", "email": "Sähköposti", "phone": "Puhelin", "note": "Lisätieto", "organisation": "Organisaatio",
}
CHOICE_LABELS = {
    "scheduled": "Toteutuu (oletus)", "cancelled": "Peruttu", "postponed": "Siirretty",
    "day": "Päivä (oletus)", "month": "Vain kuukausi",
}
LONG_TEXT = {"summary", "note", "image_alt", "description"}
URL_PATTERN = ["^https?://[^\\s<>\"']+$", "Kirjoita verkko-osoite muodossa https://esimerkki.fi/sivu"]
SLUG_PATTERN = ["^[a-z0-9]+(-[a-z0-9]+)*$", "Vain pienet kirjaimet a-z, numerot ja viivat, esim. sote-meni-lapi"]
RRULE_HINT = ("Toisto kalentereiden RRULE-muodossa. Esimerkkejä: FREQ=MONTHLY;BYDAY=1TU (joka kuun ensimmäinen "
              "tiistai), FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=10 (joka toinen keskiviikko, 10 kertaa). "
              "Alkamisajan pitää osua säännön mukaiselle päivälle.")
DATE_HINT = " Suomen aikaa; jätä kellonaika tyhjäksi, jos tapahtuma kestää koko päivän."
# Post fields an editor never needs to see in the form, with the reason (the freshness test reads this).
NOT_IN_FORM: dict[str, str] = {}


@dataclass(frozen=True)
class Lists:
    """The real choices of this build: author ids and names, event ids and titles."""

    authors: tuple[tuple[str, str], ...]
    events: tuple[tuple[str, str], ...] = ()


def region_options() -> list[dict]:
    return [{"label": short, "value": region_id} for region_id, _code, _name, _sv, short in REGIONS]


def _widget(spec: F.Field, lists: Lists) -> dict:
    """The Decap widget for one field, chosen by the field's parser."""
    parse = spec.parse
    if parse is one_region_id:
        return {"widget": "select", "options": region_options()}
    if spec.name == "place":
        return {"widget": "relation", "collection": "paikat", "value_field": "{{slug}}",
                "search_fields": ["name", "city"], "display_fields": ["name", "city"]}
    if spec.name == "organizer":
        return {"widget": "jarjestajat"}
    if spec.name in ("languages", "services"):
        options = LANGUAGES if spec.name == "languages" else SERVICES
        return {"widget": "select", "multiple": True,
                "options": [{"label": f"{label} ({key})", "value": key} for key, label in options.items()]}
    if spec.name == "exceptions":
        return {"widget": "list", "field": {"name": "date", "label": "Päivä", "widget": "suomenaika",
                                            "date_only": True}}
    if spec.name == "overrides":
        return {"widget": "list", "summary": "{{fields.date}}",
                "fields": [field_config(sub, lists, {}) for sub in OVERRIDE_FIELDS]}
    if spec.name == "date" and spec in OVERRIDE_FIELDS:
        return {"widget": "suomenaika", "date_only": True}
    if spec.name in ("lat", "lon"):
        return {"widget": "number", "value_type": "float"}
    if parse in (F.email, F.phone) or spec.name == "postal_code":
        return {"widget": "string"}
    if parse is region_id_list:
        return {"widget": "select", "multiple": True, "options": region_options()}
    if spec.name == "authors":
        return {"widget": "select", "multiple": True, "min": 1,
                "options": [{"label": name, "value": author_id} for author_id, name in lists.authors]}
    if spec.name == "events" and parse is F.id_list:
        return {"widget": "relation", "collection": "tapahtumat", "multiple": True, "value_field": "{{slug}}",
                "search_fields": ["title"], "display_fields": ["title"]}
    if parse is F.date_or_datetime:
        return {"widget": "suomenaika"}
    if parse is F.boolean:
        return {"widget": "boolean", "default": False}
    if parse in (F.text_list, F.label_list, F.category_list):
        return {"widget": "list"}
    if parse is F.title:
        return {"widget": "string", **_max_length(spec)}
    if parse is F.http_url:
        return {"widget": "string", "pattern": URL_PATTERN}
    if parse is F.image_path:
        return {"widget": "image", "choose_url": True}
    if parse is F.slug:
        return {"widget": "string", "pattern": SLUG_PATTERN}
    if hasattr(parse, "options"):
        return {"widget": "select", "options": [{"label": CHOICE_LABELS.get(o, o), "value": o}
                                                for o in parse.options]}
    if spec.name == "online":
        return {"widget": "verkossa"}
    if spec.name == "recurrence":
        return {"widget": "string", "hint_override": RRULE_HINT}
    if spec.sub_fields or spec.name in SUB_FIELDS:
        return {"widget": "object", "collapsed": not spec.required,
                "fields": [_optional_part(field_config(sub, lists, {}), spec) for sub in SUB_FIELDS[spec.name]]}
    if spec.name == "network":
        return {"widget": "list", "summary": "{{fields.name}}",
                "fields": [field_config(sub, lists, {}) for sub in NETWORK_SUB_FIELDS]}
    if parse is F.text or spec.name == "email":
        return {"widget": "text" if spec.name in LONG_TEXT else "string", **_max_length(spec)}
    raise ValueError(f"field '{spec.name}' has no editor widget: add one to admin/cms_config.py")


def _optional_part(config: dict, parent: F.Field) -> dict:
    """Decap requires a required sub-field even when its optional parent is left empty; the build
    (and `check` in the pull request) still refuses a given parent without it."""
    if not parent.required and config["required"]:
        config = {**config, "required": False, "hint": config["hint"] + " (pakollinen, jos tämä kohta täytetään)"}
    return config


def _max_length(spec: F.Field) -> dict:
    """The table's length bound (maxLength in the schema) as the form's own check."""
    limit = spec.schema.get("maxLength")
    if not limit:
        return {}
    return {"pattern": [f"^[\\s\\S]{{0,{limit}}}$", f"Enintään {limit} merkkiä; lyhennä tekstiä"]}


def field_config(spec: F.Field, lists: Lists, guide: dict[str, str]) -> dict:
    widget = _widget(spec, lists)
    hint = widget.pop("hint_override", None) or guide.get(spec.name) or (spec.help[:1].upper() + spec.help[1:])
    if widget["widget"] == "suomenaika" and spec.name in ("start", "end"):
        hint += DATE_HINT
    elif widget["widget"] == "suomenaika" and "Suomen aikaa" not in hint:
        hint += " Suomen aikaa."
    return {"name": spec.name, "label": LABELS.get(spec.name, spec.name), "required": spec.required,
            "hint": hint, **widget}


def _sub_fields() -> dict[str, tuple[F.Field, ...]]:
    from ..content.events import LOCATION_FIELDS, REGISTRATION_FIELDS
    from ..content.places import ACCESSIBILITY_FIELDS, COORDINATE_FIELDS
    from ..content.regions import CONTACT_FIELDS

    return {"location": LOCATION_FIELDS, "registration": REGISTRATION_FIELDS, "contact": CONTACT_FIELDS,
            "coordinates": COORDINATE_FIELDS, "accessibility": ACCESSIBILITY_FIELDS}


SUB_FIELDS = _sub_fields()


def _network_sub_fields() -> tuple[F.Field, ...]:
    from ..content.regions import NETWORK_FIELDS

    return NETWORK_FIELDS


NETWORK_SUB_FIELDS = _network_sub_fields()

BODY = {"name": "body", "label": "Teksti", "widget": "markdown", "required": False,
        "hint": "Johdanto ensin; rivi <!-- more --> päättää listauksissa näkyvän osan.",
        "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "quote",
                    "bulleted-list", "numbered-list"],
        "editor_components": [], "modes": ["rich_text", "raw"]}


def form_fields(fields: tuple[F.Field, ...], lists: Lists, guide: dict[str, str]) -> list[dict]:
    return [field_config(spec, lists, guide) for spec in fields if spec.name not in NOT_IN_FORM]


def data_collection(name: str, label: str, singular: str, folder: str, fields: tuple[F.Field, ...], lists: Lists,
                    guide: dict[str, str], description: str) -> dict:
    """A folder of YAML data files (events/paikat/<id>.yml): the file name is the id."""
    return {"name": name, "label": label, "label_singular": singular, "description": description,
            "folder": folder, "create": True, "extension": "yml", "format": "yml", "identifier_field": "name",
            "slug": "{{slug}}", "summary": "{{name}}", "fields": form_fields(fields, lists, guide)}


def authors_file_fields(lists: Lists) -> list[dict]:
    """blog/authors.yml is a mapping id -> author: one form per existing id (new ids are added in git)."""
    per_author = [field_config(spec, lists, {}) for spec in AUTHOR_FIELDS]
    return [{"name": "authors", "label": "Kirjoittajat", "widget": "object", "collapsed": False,
             "hint": "Kirjoituksen Kirjoittajat-kenttä viittaa näihin tunnisteisiin.",
             "fields": [{"name": author_id, "label": f"{name} ({author_id})", "widget": "object", "collapsed": True,
                         "fields": per_author} for author_id, name in lists.authors]}]


@dataclass(frozen=True)
class Backend:
    """Where the editor saves: GitHub in production, decap-server on the editor's own machine."""

    repo: str = ""
    branch: str = "main"
    auth_url: str = ""          # the OAuth provider's base URL (base_url in Decap), if the maintainer set one up
    auth_endpoint: str = ""
    local_url: str = "http://127.0.0.1:8081/api/v1"


def cms_config(root: Path, docs_dir: str, blog_dir: str, events_dir: str, site_url: str,
               lists: Lists, backend: Backend) -> dict:
    """The whole Decap configuration (written as /admin/config.yml)."""
    guides = Path(root) / docs_dir / "ohjeet"
    github = {"name": "github", "repo": backend.repo or "OMISTAJA/REPO", "branch": backend.branch,
              "squash_merges": True, "commit_messages": {
                  "create": "Selainmuokkain: uusi {{collection}} {{slug}}",
                  "update": "Selainmuokkain: päivitetty {{collection}} {{slug}}",
                  "delete": "Selainmuokkain: poistettu {{collection}} {{slug}}",
                  "uploadMedia": "Selainmuokkain: kuva {{path}}",
                  "deleteMedia": "Selainmuokkain: poistettu kuva {{path}}"}}
    if backend.auth_url:
        github["base_url"] = backend.auth_url
    if backend.auth_endpoint:
        github["auth_endpoint"] = backend.auth_endpoint
    return {
        "locale": "fi",
        "backend": github,
        "local_backend": {"url": backend.local_url, "allowed_hosts": ["127.0.0.1", "localhost"]},
        "publish_mode": "editorial_workflow",
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": f"{docs_dir}/kuvat",
        "public_folder": "kuvat",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": True},
        "collections": [
            {"name": "kirjoitukset", "label": "Kirjoitukset", "label_singular": "kirjoitus",
             "description": "Blogikirjoitukset. Tallennus tekee luonnoksen; julkaisu vie sen sivustolle.",
             "folder": blog_dir, "path": "{{year}}/{{slug}}", "slug": "{{slug}}", "create": True,
             "extension": "md", "format": "frontmatter", "sortable_fields": ["date", "title"],
             "summary": "{{title}} ({{date}})",
             "fields": [*form_fields(POST_FIELDS, lists, field_help(guides / "kirjoitus.md")), BODY]},
            {"name": "tapahtumat", "label": "Tapahtumat", "label_singular": "tapahtuma",
             "description": "Tapahtumat. Tiedoston nimestä (VVVV-KK-PP-nimi) tulee tapahtuman tunniste.",
             "folder": events_dir, "slug": "{{fields.start | date('YYYY-MM-DD')}}-{{slug}}", "create": True,
             "extension": "md", "format": "frontmatter", "sortable_fields": ["start", "title"],
             "summary": "{{title}} ({{start}})",
             "fields": [*form_fields(EVENT_FIELDS, lists, field_help(guides / "tapahtuma.md")),
                        dict(BODY, hint="Tapahtuman kuvaus: ohjelma, kenelle, miten osallistua.")]},
            {"name": "alueet", "label": "Alueiden sivut", "label_singular": "alueen sivu",
             "description": "Alueiden sivut: 22 aluetta on laissa, joten sivuja ei lisätä eikä poisteta.",
             "folder": f"{docs_dir}/alueet", "create": False, "delete": False, "extension": "md",
             "format": "frontmatter", "summary": "{{short_name}}",
             "fields": [*form_fields(REGION_FIELDS, lists, field_help(guides / "alue.md")),
                        dict(BODY, hint="Alueen sivun oma teksti: järjestöyhteistyön rakenteet, yhteystiedot.")]},
            data_collection("paikat", "Paikat", "paikka", f"{events_dir}/paikat", PLACE_FIELDS, lists,
                            field_help(guides / "paikka.md"),
                            "Tapahtumapaikat: osoite ja saavutettavuus kirjoitetaan kerran, tapahtuma viittaa paikkaan."),
            data_collection("jarjestajat", "Järjestäjät", "järjestäjä", f"{events_dir}/jarjestajat",
                            ORGANIZER_FILE_FIELDS, lists, field_help(guides / "jarjestaja.md"),
                            "Tapahtumien järjestäjät: yhteystiedot kerran, tapahtuma viittaa järjestäjään."),
            {"name": "asetukset", "label": "Kirjoittajat", "label_singular": "kirjoittajat", "delete": False,
             "files": [{"name": "kirjoittajat", "label": "Kirjoittajat (blog/authors.yml)",
                        "file": f"{blog_dir}/authors.yml", "fields": authors_file_fields(lists)}]},
        ],
    }
