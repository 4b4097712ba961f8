"""Organisers (järjestäjät): events/jarjestajat/<id>.yml, the network's organisations and others.

Events name them by id (`organizer: soste`), so contact details are written once and the
organiser's page and calendar list all of its events.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import fields as F
from .datafiles import load_data_folder
from .errors import ErrorList
from .regions import one_region_id

ORGANIZERS_DIR = "jarjestajat"

ORGANIZER_FILE_FIELDS: tuple[F.Field, ...] = (
    F.Field("name", F.text, F.SCHEMA_TEXT, required=True, help="järjestön virallinen nimi"),
    F.Field("short_name", F.text, F.SCHEMA_TEXT, help="lyhyt nimi listoihin, esim. SOSTE"),
    F.Field("url", F.http_url, F.SCHEMA_URL, help="verkkosivu"),
    F.Field("email", F.email, F.SCHEMA_EMAIL, help="yleinen sähköposti, esim. info@esimerkki.fi"),
    F.Field("phone", F.phone, F.SCHEMA_PHONE, help="puhelinnumero, esim. 040 123 4567"),
    F.Field("region", one_region_id, F.SCHEMA_ID, help="kotialue; tyhjä = valtakunnallinen järjestö"),
    F.Field("description", F.text, F.SCHEMA_TEXT, help="lyhyt kuvaus järjestöstä"),
)


@dataclass
class Organizer:
    """An organiser, from its own file (id set) or an event's inline `organizer` (id empty)."""

    id: str
    name: str
    short_name: str = ""
    url: str = ""
    email: str = ""
    phone: str = ""
    region: str = ""
    description: str = ""
    path: str = ""
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def page_url(self) -> str:
        return f"tapahtumat/jarjestajat/{self.id}/" if self.id else ""

    @property
    def ics_url(self) -> str:
        return f"tapahtumat/jarjestajat/{self.id}.ics" if self.id else ""

    @property
    def as_dict(self) -> dict:
        """The inline form (name, url) older templates and texts read as `event.organizer`."""
        return {k: v for k, v in (("name", self.name), ("url", self.url)) if v}


def load_organizers(folder: Path, root: Path, errors: ErrorList, broken: set[str] | None = None) -> dict[str, Organizer]:
    """Every events/jarjestajat/<id>.yml, validated."""
    return load_data_folder(folder, root, ORGANIZER_FILE_FIELDS, errors, id_kind="järjestäjän",
                            example="soste.yml", field_kind="järjestäjälle", make=Organizer, broken=broken)
