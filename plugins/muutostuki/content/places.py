"""Places (paikat): events/paikat/<id>.yml, one venue each, with the accessibility facts readers ask for.

An event names a place by id (`place: mikkelin-kaupungintalo`) instead of repeating the address;
the place page then lists every event held there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from . import fields as F
from .datafiles import load_data_folder
from .errors import ErrorList, FieldError
from .regions import one_region_id

PLACES_DIR = "paikat"
# Finland with a margin: a point outside is most likely latitude and longitude swapped
LAT_RANGE, LON_RANGE = (59.0, 70.5), (19.0, 31.6)


def _postal_code(value: object) -> str:
    code = F.text(value)
    if not re.fullmatch(r"\d{5}", code):
        raise FieldError(f"'{code}' ei ole postinumero; kirjoita viisi numeroa lainausmerkeissä, esim. \"50100\"")
    return code


def _degrees(low: float, high: float, name: str):
    def parse(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise FieldError(f"{name} pitää olla desimaaliluku, esim. 61.6886")
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            raise FieldError(f"'{value}' ei ole desimaaliluku; kirjoita esim. 61.6886") from None
        if not low <= number <= high:
            raise FieldError(f"{number} ei ole Suomessa ({name} {low}–{high}); tarkista, etteivät lat ja lon "
                             "ole vaihtaneet paikkaa")
        return number
    return parse


COORDINATE_FIELDS = (
    F.Field("lat", _degrees(*LAT_RANGE, "leveysaste"), {"type": "number", "minimum": LAT_RANGE[0],
            "maximum": LAT_RANGE[1]}, required=True, help="leveysaste, esim. 61.6886"),
    F.Field("lon", _degrees(*LON_RANGE, "pituusaste"), {"type": "number", "minimum": LON_RANGE[0],
            "maximum": LON_RANGE[1]}, required=True, help="pituusaste, esim. 27.2723"),
)
# Yes/no facts: `false` is worth saying too ("ei esteetöntä sisäänkäyntiä"), leaving one out says "not known"
ACCESSIBILITY_FLAGS = {
    "step_free": ("Esteetön sisäänkäynti", "Sisäänkäynnissä on portaita tai kynnys"),
    "accessible_toilet": ("Esteetön wc", "Ei esteetöntä wc:tä"),
    "induction_loop": ("Induktiosilmukka", "Ei induktiosilmukkaa"),
}
ACCESSIBILITY_TEXTS = {"parking": "Pysäköinti", "public_transport": "Julkinen liikenne", "note": "Lisätietoa"}
ACCESSIBILITY_FIELDS = (
    F.Field("step_free", F.boolean, {"type": "boolean"}, help="sisäänkäynti ilman portaita ja kynnyksiä: true/false"),
    F.Field("accessible_toilet", F.boolean, {"type": "boolean"}, help="esteetön wc: true/false"),
    F.Field("induction_loop", F.boolean, {"type": "boolean"}, help="induktiosilmukka kuulolaitteille: true/false"),
    F.Field("parking", F.text, F.SCHEMA_TEXT, help="pysäköinti, esim. invapaikat pihalla"),
    F.Field("public_transport", F.text, F.SCHEMA_TEXT, help="julkinen liikenne, esim. lähin bussipysäkki"),
    F.Field("note", F.text, F.SCHEMA_TEXT, help="muuta saavutettavuudesta, esim. hissi toiseen kerrokseen"),
)
PLACE_FIELDS: tuple[F.Field, ...] = (
    F.Field("name", F.text, F.SCHEMA_TEXT, required=True, help="paikan nimi, esim. Mikkelin kaupungintalo"),
    F.Field("address", F.text, F.SCHEMA_TEXT, help="katuosoite, esim. Maaherrankatu 9"),
    F.Field("postal_code", _postal_code, {"type": "string", "pattern": "^[0-9]{5}$"}, help="postinumero, esim. \"50100\""),
    F.Field("city", F.text, F.SCHEMA_TEXT, required=True, help="kunta tai kaupunki"),
    F.Field("region", one_region_id, F.SCHEMA_ID, help="alueen tunniste, esim. etela-savo"),
    F.Field("coordinates", F.mapping(COORDINATE_FIELDS), F.mapping_schema(COORDINATE_FIELDS),
            help="sijainti kartalla: lat ja lon desimaalilukuina"),
    F.Field("url", F.http_url, F.SCHEMA_URL, help="paikan verkkosivu"),
    F.Field("accessibility", F.mapping(ACCESSIBILITY_FIELDS), F.mapping_schema(ACCESSIBILITY_FIELDS),
            help="saavutettavuus: step_free, accessible_toilet, induction_loop, parking, public_transport, note"),
    F.Field("description", F.text, F.SCHEMA_TEXT, help="lyhyt kuvaus paikasta, esim. miten sinne löytää"),
)


@dataclass
class Place:
    """A venue, from its own file (id set) or an event's inline `location` (id empty)."""

    id: str
    name: str
    city: str = ""
    address: str = ""
    postal_code: str = ""
    region: str = ""
    coordinates: dict = field(default_factory=dict)
    url: str = ""
    accessibility: dict = field(default_factory=dict)
    description: str = ""
    path: str = ""
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def page_url(self) -> str:
        return f"tapahtumat/paikat/{self.id}/" if self.id else ""

    @property
    def full_address(self) -> str:
        """'Maaherrankatu 9, 50100 Mikkeli': what a calendar's LOCATION and a letter need."""
        town = " ".join(p for p in (self.postal_code, self.city) if p)
        return ", ".join(p for p in (self.address, town) if p)

    @property
    def one_line(self) -> str:
        """'Mikkelin kaupungintalo, Maaherrankatu 9, 50100 Mikkeli'."""
        return ", ".join(p for p in (self.name if self.name != self.city else "", self.full_address) if p) \
            or self.city

    @property
    def osm_url(self) -> str:
        """A link to OpenStreetMap (a link only: no map is embedded, no third-party request)."""
        if self.coordinates:
            lat, lon = self.coordinates["lat"], self.coordinates["lon"]
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
        if self.address:
            return "https://www.openstreetmap.org/search?query=" + quote(self.full_address)
        return ""

    @property
    def accessibility_facts(self) -> list[tuple[str, bool]]:
        """[(sentence, available)] for the yes/no facts the editor gave, in a fixed order."""
        return [(yes if self.accessibility[key] else no, bool(self.accessibility[key]))
                for key, (yes, no) in ACCESSIBILITY_FLAGS.items() if key in self.accessibility]

    @property
    def accessibility_notes(self) -> list[tuple[str, str]]:
        """[(label, text)]: parking, public transport, a free note."""
        return [(label, self.accessibility[key]) for key, label in ACCESSIBILITY_TEXTS.items()
                if key in self.accessibility]

    @property
    def location(self) -> dict:
        """The inline `location` form (name, address, city) that older templates and texts read."""
        return {k: v for k, v in (("name", self.name), ("address", self.address), ("city", self.city)) if v}


def place_from_inline(location: dict) -> Place:
    return Place(id="", name=location.get("name") or location.get("city", ""), city=location.get("city", ""),
                 address=location.get("address", ""), postal_code=location.get("postal_code", ""))


def load_places(folder: Path, root: Path, errors: ErrorList, broken: set[str] | None = None) -> dict[str, Place]:
    """Every events/paikat/<id>.yml, validated."""
    return load_data_folder(folder, root, PLACE_FIELDS, errors, id_kind="paikan",
                            example="mikkelin-kaupungintalo.yml", field_kind="paikalle", make=Place, broken=broken)
