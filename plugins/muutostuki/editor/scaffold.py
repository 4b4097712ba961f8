"""`new post` and `new event`: a correctly named file with complete front matter and a body template.

The front matter is rendered as text, then parsed and validated by the very code the build
uses (`frontmatter.parse_yaml`, `build_post`, `build_event`), so a created file is valid by
construction, and a wrong option is reported before anything is written.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .. import fi
from ..content import fields as F
from ..content.bounds import MAX_SLUG_CHARS
from ..content.authors import load_authors
from ..content.errors import ErrorList, FieldError
from ..content.events import build_event
from ..content.frontmatter import SourceFile, parse_yaml
from ..content.posts import build_post
from ..content.region_registry import REGION_IDS
from ..content.regions import unknown_region_message
from ..content.site import ContentPaths, load_site
from ..content.slugs import is_slug, slugify
from ..content.timeutil import HELSINKI, as_datetime, parse_date_or_datetime

# Which command-line option gave each front matter field, for messages about options
POST_OPTIONS = {"title": "otsikko", "date": "--date", "authors": "--author", "regions": "--region",
                "categories": "--category", "tags": "--tag", "summary": "--summary", "slug": "--slug"}
EVENT_OPTIONS = {"title": "otsikko", "start": "--start", "end": "--end", "regions": "--region",
                 "categories": "--category", "summary": "--summary", "online": "--online",
                 "location": "--place/--address/--city", "organizer": "--organizer",
                 "registration": "--registration/--deadline"}
# Characters a YAML reader would take as line breaks inside a quoted string
_YAML_BREAKS = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


class ScaffoldError(Exception):
    """Options that cannot make a valid file; `messages` are Finnish, one per mistake."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


@dataclass
class Created:
    path: Path          # absolute path of the new file
    shown: str          # as in error messages, relative to the project root
    notes: list[str] = field(default_factory=list)  # Finnish hints for the editor


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly `text` (colons, #, quotes and all)."""
    quoted = json.dumps(text, ensure_ascii=False)  # JSON escapes are valid YAML double-quoted escapes
    for char, escape in _YAML_BREAKS.items():
        quoted = quoted.replace(char, escape)
    return quoted


def yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(item if is_slug(item) else yaml_string(item) for item in items) + "]"


def yaml_when(value: date | datetime) -> str:
    """The form editors write: 2026-03-05 or 2026-03-05 13:00 (Helsinki time)."""
    if isinstance(value, datetime):
        local = value.astimezone(HELSINKI)
        return local.strftime("%Y-%m-%d %H:%M:%S" if local.second else "%Y-%m-%d %H:%M")
    return value.isoformat()


def split_ids(values: list[str] | None) -> list[str]:
    """`--region a --region b` and `--region a,b` mean the same."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _parse_when(option: str, raw: str, problems: list[str]) -> date | datetime | None:
    try:
        return parse_date_or_datetime(raw)
    except FieldError as exc:
        problems.append(f"{option}: {exc}")
        return None


def _check_regions(regions: list[str], problems: list[str]) -> None:
    for region_id in regions:
        if region_id not in REGION_IDS:
            problems.append(f"--region: {unknown_region_message(region_id)}")


def _validate(text: str, shown: str, options: dict[str, str], build) -> list[str]:
    """Parse the rendered file as the build would and report mistakes by option name."""
    errors = ErrorList()
    front = text.split("\n---\n", 1)[0].removeprefix("---\n")
    parsed = parse_yaml(front, shown, errors, first_line=2)
    if parsed is not None:
        data, lines = parsed
        build(SourceFile(path=shown, meta=dict(data or {}), lines=lines), errors)
    return [f"{options.get(e.field, e.field)}: {e.message}" for e in errors.errors]


def _write_new(path: Path, text: str, shown: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError([f"tiedosto {shown} on jo olemassa, eikä sitä korvata; valitse toinen otsikko "
                             "tai anna oma osoite valitsimella --slug"]) from None
    except OSError as exc:
        raise ScaffoldError([f"tiedostoa {shown} ei voi luoda ({exc.strerror}); anna lyhyempi osoite "
                             "valitsimella --slug"]) from None


def _slug(title: str, slug: str | None, problems: list[str]) -> str:
    """The address part: --slug as given, or from the title, cut at a word to MAX_SLUG_CHARS."""
    result = slug if slug else _cut(slugify(title), MAX_SLUG_CHARS - 11)  # room for an event's date prefix
    if not is_slug(result):
        problems.append(f"--slug: '{result}' ei kelpaa osoitteeksi; käytä pieniä kirjaimia a-z, numeroita ja "
                        "viivoja, esim. --slug sote-meni-lapi" if slug else
                        "otsikosta ei saa tiedostonimeä; anna osoite valitsimella --slug, esim. --slug webinaari")
    return result


def _cut(slug: str, limit: int) -> str:
    """`a-long-title` cut to at most `limit` characters at a dash, never mid-word when a dash is near."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit + 1] else slug[:limit]
    return cut.strip("-")


POST_BODY = """\
Kirjoita tähän johdanto: yksi tai kaksi kappaletta siitä, mistä kirjoituksessa on kyse ja miksi se
kiinnostaa järjestöjä. Johdanto näkyy blogin etusivulla ja syötteissä.

<!-- more -->

## Väliotsikko

Varsinainen teksti jatkuu tästä. Kirjoita lyhyitä kappaleita ja kuvaavia väliotsikoita. Linkki
kirjoitetaan näin: [linkin teksti](https://esimerkki.fi/).
"""


def new_post(paths: ContentPaths, title: str, *, authors: list[str], regions: list[str] | None = None,
             categories: list[str] | None = None, tags: list[str] | None = None, when: str | None = None,
             summary: str | None = None, slug: str | None = None, draft: bool = True,
             now: datetime | None = None) -> Created:
    """Create blog/<year>/<slug>.md; raise ScaffoldError listing every mistake in the options."""
    problems: list[str] = []
    region_ids = split_ids(regions)
    author_ids = split_ids(authors)
    _check_regions(region_ids, problems)
    current = (now or datetime.now(HELSINKI)).replace(second=0, microsecond=0)
    published = _parse_when("--date", when, problems) if when else current
    post_slug = _slug(title, slug, problems)
    if published is None:  # reported; a stand-in date lets the other options be checked too
        published = current
    year = published.year
    shown = f"{paths.blog_dir}/{year}/{post_slug}.md"
    lines = ["---", f"title: {yaml_string(title)}", f"date: {yaml_when(published)}",
             f"authors: {yaml_list(author_ids)}", f"regions: {yaml_list(region_ids)}",
             f"categories: {yaml_list(categories or [])}", f"tags: {yaml_list(tags or [])}",
             f"summary: {yaml_string(summary)}" if summary else "summary:",
             "# image: kuva.jpg", "# image_alt: Mitä kuvassa näkyy, yhdellä virkkeellä",
             "events: []"]
    if slug:
        lines.append(f"slug: {slug}")
    lines += [f"draft: {'true' if draft else 'false'}", "---", "", POST_BODY]
    text = "\n".join(lines)
    authors_file = paths.blog / "authors.yml"
    known = load_authors(authors_file, paths.shown(authors_file), ErrorList())
    problems += _validate(text, shown, POST_OPTIONS, lambda source, errors: build_post(source, known, errors))
    if problems:
        raise ScaffoldError(problems)
    url = f"blogi/{year}/{post_slug}/"
    for other in load_site(paths, as_datetime(published)).all_posts:
        if other.url == url and other.path != shown:
            raise ScaffoldError([f"osoite /{url} on jo kirjoituksella {other.path}; valitse toinen otsikko tai "
                                 "anna oma osoite valitsimella --slug"])
    path = paths.root / shown
    _write_new(path, text, shown)
    notes = []
    if draft:
        notes.append("Kirjoitus on luonnos (draft: true): se näkyy vain esikatselussa (make serve). "
                     "Kun teksti on valmis, muuta rivi muotoon draft: false.")
    if as_datetime(published) > (now or datetime.now(HELSINKI)):
        shown_time = fi.fi_datetime(published) if isinstance(published, datetime) else fi.fi_date(published)
        notes.append(f"Julkaisu on ajastettu: kirjoitus tulee näkyviin {shown_time}.")
    return Created(path=path, shown=shown, notes=notes)


def _event_body(start: date | datetime) -> str:
    opening = f"- klo {fi.fi_time(start)} Avaus\n" if isinstance(start, datetime) else "- Avaus\n"
    return ("Kerro tähän lyhyesti, mitä tapahtumassa käsitellään, kenelle se on tarkoitettu ja miten siihen\n"
            "osallistutaan.\n\n## Ohjelma\n\n" + opening + "- Alustus\n- Keskustelu\n\n"
            "## Lisätietoja\n\nYhteyshenkilön nimi ja sähköpostiosoite.\n")


def new_event(paths: ContentPaths, title: str, *, start: str, end: str | None = None,
              regions: list[str] | None = None, online: str | bool | None = None, place: str | None = None,
              address: str | None = None, city: str | None = None, organizer: str | None = None,
              registration: str | None = None, deadline: str | None = None,
              categories: list[str] | None = None, summary: str | None = None, slug: str | None = None,
              draft: bool = True) -> Created:
    """Create events/<date>-<slug>.md; raise ScaffoldError listing every mistake in the options."""
    problems: list[str] = []
    region_ids = split_ids(regions)
    _check_regions(region_ids, problems)
    start_value = _parse_when("--start", start, problems)
    end_value = _parse_when("--end", end, problems) if end else None
    deadline_value = _parse_when("--deadline", deadline, problems) if deadline else None
    if deadline and not registration:
        problems.append("--deadline: anna myös ilmoittautumislinkki valitsimella --registration")
    event_slug = _slug(title, slug, problems)
    if start_value is None:  # reported; check the other options against a stand-in start, alone
        start_value, end_value, deadline_value = datetime.now(HELSINKI).replace(second=0, microsecond=0), None, None
    start_day = start_value.astimezone(HELSINKI).date() if isinstance(start_value, datetime) else start_value
    event_id = f"{start_day.isoformat()}-{event_slug}"
    shown = f"{paths.events_dir}/{event_id}.md"
    lines = ["---", f"title: {yaml_string(title)}", f"start: {yaml_when(start_value)}",
             f"end: {yaml_when(end_value)}" if end_value is not None else
             f"# end: {yaml_when(start_value)}", f"regions: {yaml_list(region_ids)}"]
    location = [(key, value) for key, value in (("name", place), ("address", address), ("city", city)) if value]
    if location:
        lines += ["location:"] + [f"  {key}: {yaml_string(value)}" for key, value in location]
    else:
        lines += ["# location:", "#   name: Paikan nimi", "#   address: Katuosoite 1", "#   city: Kaupunki"]
    if online is True:
        lines.append("online: true")
    elif online:
        lines.append(f"online: {yaml_string(online)}")
    if organizer:
        lines.append(f"organizer: {yaml_string(organizer)}")
    if registration:
        lines += ["registration:", f"  url: {yaml_string(registration)}"]
        if deadline_value is not None:
            lines.append(f"  deadline: {yaml_when(deadline_value)}")
    else:
        lines += ["# registration:", "#   url: https://ilmoittautuminen.example.fi/", "#   deadline: VVVV-KK-PP"]
    lines += [f"categories: {yaml_list(categories or [])}",
              f"summary: {yaml_string(summary)}" if summary else "summary:",
              f"draft: {'true' if draft else 'false'}", "---", "", _event_body(start_value)]
    text = "\n".join(lines)
    problems += _validate(text, shown, EVENT_OPTIONS, build_event)
    if problems:
        raise ScaffoldError(problems)
    path = paths.root / shown
    _write_new(path, text, shown)
    notes = [f"Tapahtuman tunniste on {event_id}: kirjoitukset viittaavat siihen kentällä events: [{event_id}]."]
    if draft:
        notes.append("Tapahtuma on luonnos (draft: true): se näkyy vain esikatselussa (make serve). "
                     "Kun tiedot ovat valmiit, muuta rivi muotoon draft: false.")
    return Created(path=path, shown=shown, notes=notes)


def shown_from(cwd: Path, path: Path) -> str:
    """The created file as the editor can open it from where they ran the command."""
    return os.path.relpath(path, cwd)
