"""Field parsers and the declarative field tables shared by validation and JSON Schemas.

Each parser takes the raw YAML value and returns the clean value or raises FieldError with a
Finnish message that says what is wrong and how to fix it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit

from .bounds import MAX_CATEGORIES, MAX_LABEL_CHARS, MAX_LIST_ITEMS, MAX_SLUG_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS
from .errors import ErrorList, FieldError, did_you_mean
from .frontmatter import SourceFile
from .slugs import is_slug, slugify
from .unsafe_text import shown
from .timeutil import DATE_FORMS, parse_date_or_datetime


def text(value: object, max_chars: int = MAX_TEXT_CHARS) -> str:
    if isinstance(value, bool) or isinstance(value, (list, dict)) or value is None:
        raise FieldError("pitää olla tekstiä, esim. title: \"Otsikko\"")
    result = str(value).strip()
    if not result:
        raise FieldError("ei saa olla tyhjä; kirjoita teksti tai poista kenttä")
    if len(result) > max_chars:
        raise FieldError(f"teksti on liian pitkä ({len(result)} merkkiä, enintään {max_chars}); lyhennä sitä "
                         "ja kirjoita pidempi kuvaus tekstiosaan")
    return result


def title(value: object) -> str:
    """A title: shown in headings, feeds, calendars and the page address, so it is kept short."""
    return text(value, MAX_TITLE_CHARS)


def duplicate_error(item: str, first: int, again: int) -> FieldError:
    """The same item twice in a list; `copies` lets validate_fields name the line of each copy."""
    error = FieldError(f"'{shown(item)}' on listassa kahdesti; poista toinen")
    error.sub_field = str(again)  # type: ignore[attr-defined]
    error.copies = (first, again)  # type: ignore[attr-defined]
    return error


def text_list(value: object, max_chars: int = MAX_TEXT_CHARS, key=lambda item: item) -> list[str]:
    """A list of texts; duplicates (by `key`) are mistakes: they would list a post twice."""
    if not isinstance(value, list):
        raise FieldError(f"pitää olla lista, esim. [{shown(value)}] tai rivit '- arvo'")
    if len(value) > MAX_LIST_ITEMS:
        raise FieldError(f"listassa on {len(value)} kohtaa, enintään {MAX_LIST_ITEMS}; poista ylimääräiset")
    result: list[str] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(value):
        if isinstance(item, (list, dict)) or item is None or str(item).strip() == "":
            raise FieldError("listan alkioiden pitää olla tekstiä, ei tyhjiä")
        clean = str(item).strip()
        if len(clean) > max_chars:
            raise FieldError(f"'{shown(clean)}' on liian pitkä ({len(clean)} merkkiä, enintään {max_chars}); "
                             "lyhennä sitä")
        if key(clean) in seen:
            raise duplicate_error(clean, seen[key(clean)], i)
        seen[key(clean)] = i
        result.append(clean)
    return result


def id_list(value: object) -> list[str]:
    """A list of ids (author, region, event ids): lowercase ASCII slugs."""
    items = text_list(value, MAX_SLUG_CHARS)
    for item in items:
        if not is_slug(item):
            raise FieldError(f"'{shown(item)}' ei ole tunniste; käytä pieniä kirjaimia a-z, numeroita ja viivoja")
    return items


def label_list(value: object) -> list[str]:
    """Categories and tags: each becomes a page address, so it must give one, its own."""
    items = text_list(value, MAX_LABEL_CHARS, key=slugify)
    for item in items:
        if not slugify(item):
            raise FieldError(f"'{shown(item)}' ei kelpaa aiheeksi, koska siitä ei saa osoitetta; käytä "
                             "kirjaimia tai numeroita (ei pelkkiä merkkejä tai emojeja)")
    return items


def category_list(value: object) -> list[str]:
    items = label_list(value)
    if len(items) > MAX_CATEGORIES:
        raise FieldError(f"aiheita on {len(items)}, enintään {MAX_CATEGORIES}; valitse tärkeimmät ja käytä "
                         "muille avainsanoja (tags)")
    return items


def boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise FieldError("pitää olla true tai false")


def date_or_datetime(value: object):
    return parse_date_or_datetime(value)


def http_url(value: object) -> str:
    """An absolute http(s) URL; anything else (javascript:, data:, mailto:) is refused."""
    url = text(value)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in url for c in " \n\t<>\"'"):
        raise FieldError(f"'{shown(url)}' ei ole kelvollinen verkko-osoite; käytä muotoa https://esimerkki.fi/sivu")
    return url


def email(value: object) -> str:
    """An e-mail address shown as a mailto: link and written to calendars (ORGANIZER)."""
    address = text(value)
    if not re.fullmatch(r"[^@\s<>\"':;,]+@[^@\s<>\"':;,]+\.[a-z]{2,}", address, re.IGNORECASE):
        raise FieldError(f"'{address}' ei ole sähköpostiosoite; kirjoita muodossa nimi@esimerkki.fi")
    return address


def phone(value: object) -> str:
    """A phone number as readers dial it: digits, spaces, + - and parentheses."""
    number = text(value)
    if not re.fullmatch(r"\+?[0-9 ()-]{5,20}", number) or sum(c.isdigit() for c in number) < 5:
        raise FieldError(f"'{number}' ei ole puhelinnumero; kirjoita esim. 040 123 4567 tai +358 40 123 4567")
    return number


def image_path(value: object) -> str:
    """An image: an http(s) URL or a path of a file in the site (e.g. kuvat/kuva.jpg)."""
    path = text(value)
    if ":" in path.split("/")[0]:
        return http_url(path)
    if ".." in path.split("/") or any(c in path for c in "<>\"'\\ "):
        raise FieldError(f"'{shown(path)}' ei kelpaa kuvan poluksi; käytä muotoa kuvat/kuva.jpg ilman välilyöntejä")
    return path.lstrip("/")


def slug(value: object) -> str:
    result = text(value)
    if len(result) > MAX_SLUG_CHARS:
        raise FieldError(f"osoite on liian pitkä ({len(result)} merkkiä, enintään {MAX_SLUG_CHARS}); lyhennä sitä")
    if not is_slug(result):
        raise FieldError(f"'{shown(result)}' ei kelpaa osoitteeksi; käytä pieniä kirjaimia a-z, numeroita ja viivoja, "
                         "esim. sote-meni-lapi")
    return result


def choice(*options: str) -> Callable[[object], str]:
    def parse(value: object) -> str:
        result = text(value)
        if result not in options:
            raise FieldError(f"'{shown(result)}' ei ole sallittu arvo; sallitut: {', '.join(options)}."
                             + did_you_mean(result, options))
        return result
    parse.options = options  # type: ignore[attr-defined]
    return parse


@dataclass(frozen=True)
class Field:
    """One front matter field: how to parse it, how to describe it in a JSON Schema."""

    name: str
    parse: Callable[[object], object]
    schema: dict
    required: bool = False
    help: str = ""
    sub_fields: tuple["Field", ...] = field(default=())


SCHEMA_TEXT = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS}
SCHEMA_TITLE = {"type": "string", "minLength": 1, "maxLength": MAX_TITLE_CHARS}
SCHEMA_TEXT_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}, "maxItems": MAX_LIST_ITEMS,
                    "uniqueItems": True}
SCHEMA_LABEL_LIST = {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": MAX_LABEL_CHARS},
                     "maxItems": MAX_LIST_ITEMS, "uniqueItems": True}
SCHEMA_CATEGORY_LIST = dict(SCHEMA_LABEL_LIST, maxItems=MAX_CATEGORIES)
SCHEMA_ID_LIST = {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                                             "maxLength": MAX_SLUG_CHARS},
                  "maxItems": MAX_LIST_ITEMS, "uniqueItems": True}
SCHEMA_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{1,2}[:.]\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$",
               "description": f"Muoto {DATE_FORMS}, Suomen aikaa"}
SCHEMA_EMAIL = {"type": "string", "format": "email", "pattern": "^[^@\\s<>\"':;,]+@[^@\\s<>\"':;,]+\\.[A-Za-z]{2,}$"}
SCHEMA_PHONE = {"type": "string", "pattern": "^\\+?[0-9 ()-]{5,20}$"}
SCHEMA_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
SCHEMA_URL = {"type": "string", "pattern": "^https?://[^\\s<>\"']+$", "format": "uri"}
# image_path: an http(s) URL, or a path whose first part has no scheme (no javascript:, data:)
SCHEMA_IMAGE = {"type": "string", "pattern": "^(https?://[^\\s<>\"']+|/?[^:/\\s<>\"'\\\\]+(/[^\\s<>\"'\\\\]+)*)$"}


def mapping(fields: tuple[Field, ...], allow_text_as: str | None = None) -> Callable[[object], dict]:
    """A nested mapping such as `location: {name, address, city}`; unknown keys are mistakes."""
    by_name = {f.name: f for f in fields}

    def parse(value: object) -> dict:
        shorthand = bool(allow_text_as) and isinstance(value, str)  # `registration: https://...`
        if shorthand:
            value = {allow_text_as: value}
        if not isinstance(value, dict):
            names = ", ".join(by_name)
            raise FieldError(f"pitää olla kenttiä sisennettynä alle ({names})")
        result = {}
        for key, raw in value.items():
            sub = by_name.get(str(key))
            if sub is None:
                raise _sub_error(str(key), f"tuntematon alikenttä '{shown(key)}'; sallitut: {', '.join(by_name)}."
                                 + did_you_mean(str(key), list(by_name)))
            try:
                result[sub.name] = sub.parse(raw)
            except FieldError as exc:
                if shorthand:  # the editor wrote no sub-field: do not name one
                    raise
                raise _sub_error(sub.name, f"{sub.name}: {exc}") from None
        for sub in fields:
            if sub.required and sub.name not in result:
                raise FieldError(f"alikenttä '{sub.name}' puuttuu")
        return result
    return parse


def _sub_error(sub_field: str, message: str) -> FieldError:
    """A FieldError that remembers its sub-field, so the message can point at that line."""
    error = FieldError(message)
    error.sub_field = sub_field  # type: ignore[attr-defined]
    return error


def mapping_schema(fields: tuple[Field, ...]) -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {f.name: dict(f.schema, description=f.help) if f.help else f.schema for f in fields},
        "required": [f.name for f in fields if f.required],
    }


def validate_fields(source: SourceFile, fields: tuple[Field, ...], errors: ErrorList, kind: str) -> dict:
    """Parse every declared field of `source.meta`; report each mistake, return the clean values."""
    by_name = {f.name: f for f in fields}
    clean: dict = {}
    for key, raw in source.meta.items():
        spec = by_name.get(key)
        if spec is None:
            errors.add(source.path, source.line(key), shown(key, 40),
                       f"tuntematon kenttä {kind}; sallitut kentät: {', '.join(by_name)}."
                       + did_you_mean(key, list(by_name)))
            continue
        if raw is None:
            if spec.required:
                errors.add(source.path, source.line(key), key, f"pakollinen kenttä on tyhjä; {spec.help}")
            continue
        try:
            clean[key] = spec.parse(raw)
        except FieldError as exc:
            sub_field = getattr(exc, "sub_field", None)
            line = source.lines.get(f"{key}.{sub_field}", source.line(key)) if sub_field else source.line(key)
            message = str(exc)
            copies = getattr(exc, "copies", None)
            if copies:
                first = source.lines.get(f"{key}.{copies[0]}", line)
                message += f" (rivit {first} ja {line})" if first != line else f" (rivi {line})"
            errors.add(source.path, line, key, message)
    for spec in fields:
        if spec.required and spec.name not in source.meta:
            errors.add(source.path, 1, spec.name, f"pakollinen kenttä puuttuu; lisää front matteriin rivi "
                       f"'{spec.name}: ...' ({spec.help})")
    return clean


def json_schema(fields: tuple[Field, ...], title: str, description: str) -> dict:
    """A JSON Schema for editors' tools, generated from the same field table.

    Draft-07: the draft every editor tool reads (VS Code's YAML extension, ajv in remark-lint).
    """
    schema = mapping_schema(fields)
    return {"$schema": "http://json-schema.org/draft-07/schema#", "title": title,
            "description": description, **schema}
