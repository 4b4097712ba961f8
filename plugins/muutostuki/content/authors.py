"""Authors of posts, read from blog/authors.yml."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import fields as F
from .errors import ErrorList, FieldError
from .bounds import MAX_DATA_FILE_BYTES, MAX_DATA_YAML_NODES, MAX_SLUG_CHARS
from .frontmatter import parse_yaml, read_text
from .slugs import is_slug, slugify
from .unsafe_text import shown as shown_value

AUTHOR_FIELDS: tuple[F.Field, ...] = (
    F.Field("name", F.text, F.SCHEMA_TEXT, required=True, help="koko nimi"),
    F.Field("role", F.text, F.SCHEMA_TEXT, help="tehtävänimike, esim. järjestöasiantuntija"),
    F.Field("organisation", F.text, F.SCHEMA_TEXT, help="organisaatio, esim. SOSTE"),
    F.Field("url", F.http_url, F.SCHEMA_URL, help="verkkosivu, https://..."),
    F.Field("organizer", F.slug, F.SCHEMA_ID,
            help="organisaation tunniste kansiosta events/jarjestajat/, jos sillä on järjestäjäsivu"),
)


@dataclass(frozen=True)
class Author:
    id: str
    name: str
    role: str = ""
    organisation: str = ""
    url: str = ""  # the author's own website, shown on their page
    organizer: str = ""  # an organiser id (events/jarjestajat/): the organisation's page
    line: int = field(default=1, compare=False)  # where the author is in authors.yml, for messages

    @property
    def page_url(self) -> str:
        """Site-relative address of the author's own page ('' when the id makes no address)."""
        slug = slugify(self.id)
        return f"blogi/kirjoittajat/{slug}/" if slug else ""


def load_authors(path: Path, shown: str, errors: ErrorList) -> dict[str, Author]:
    """Read `authors:` mapping id -> fields; report every mistake with its line."""
    if not path.exists():
        return {}
    text = read_text(path, shown, errors, limit=MAX_DATA_FILE_BYTES)
    if text is None:
        return {}
    parsed = parse_yaml(text, shown, errors, max_nodes=MAX_DATA_YAML_NODES)
    if parsed is None:
        return {}
    data, key_lines = parsed  # key_lines has "authors.<id>" for every author
    if not isinstance(data, dict) or not isinstance(data.get("authors"), dict):
        errors.add(shown, 1, "authors", "tiedoston pitää alkaa rivillä 'authors:' ja sen alla kirjoittajat "
                   "sisennettyinä tunnisteineen")
        return {}
    authors: dict[str, Author] = {}
    by_name = {f.name: f for f in AUTHOR_FIELDS}
    for author_id, raw in data["authors"].items():
        line = key_lines.get(f"authors.{author_id}", 1)
        author_id = str(author_id)
        if not is_slug(author_id) or len(author_id) > MAX_SLUG_CHARS:
            errors.add(shown, line, shown_value(author_id), f"'{shown_value(author_id)}' ei kelpaa kirjoittajan "
                       "tunnisteeksi; käytä pieniä kirjaimia a-z, numeroita ja viivoja, esim. henna-hovi")
            continue
        if not isinstance(raw, dict):
            errors.add(shown, line, author_id, "kirjoittajan tiedot pitää antaa kenttinä (name, role, organisation, url)")
            continue
        clean = {}
        for key, value in raw.items():
            spec = by_name.get(str(key))
            if spec is None:
                errors.add(shown, line, f"{author_id}.{key}", f"tuntematon kenttä; sallitut: {', '.join(by_name)}")
                continue
            try:
                clean[spec.name] = spec.parse(value)
            except FieldError as exc:
                errors.add(shown, line, f"{author_id}.{key}", str(exc))
        if "name" not in clean:
            errors.add(shown, line, f"{author_id}.name", "kirjoittajan nimi puuttuu; lisää 'name: Etunimi Sukunimi'")
            continue
        authors[author_id] = Author(id=author_id, line=line, **clean)
    return authors
