"""Helpers for the feed tests: parse every feed with a real parser and fail loudly on any doubt."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import jsonschema

ATOM_NS = "{http://www.w3.org/2005/Atom}"

# JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as a schema: feedparser 6.0.14 cannot read
# JSON Feed, so the structure is checked here and the meaning by the tests.
_AUTHOR = {"type": "object", "properties": {"name": {"type": "string"}, "url": {"type": "string"},
                                            "avatar": {"type": "string"}},
           "anyOf": [{"required": ["name"]}, {"required": ["url"]}, {"required": ["avatar"]}]}
_RFC3339 = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
JSON_FEED_SCHEMA = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string", "minLength": 1},
        "home_page_url": {"type": "string", "pattern": "^https?://"},
        "feed_url": {"type": "string", "pattern": "^https?://"},
        "description": {"type": "string"},
        "icon": {"type": "string", "pattern": "^https?://"},
        "favicon": {"type": "string", "pattern": "^https?://"},
        "language": {"type": "string"},
        "authors": {"type": "array", "items": _AUTHOR},
        "items": {"type": "array", "items": {
            "type": "object",
            "required": ["id"],
            "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "url": {"type": "string", "pattern": "^https?://"},
                "title": {"type": "string"},
                "content_html": {"type": "string"},
                "summary": {"type": "string"},
                "image": {"type": "string", "pattern": "^https?://"},
                "date_published": {"type": "string", "pattern": _RFC3339},
                "date_modified": {"type": "string", "pattern": _RFC3339},
                "authors": {"type": "array", "items": _AUTHOR},
                "tags": {"type": "array", "items": {"type": "string"}},
                "language": {"type": "string"},
                "attachments": {"type": "array", "items": {
                    "type": "object", "required": ["url", "mime_type"],
                    "properties": {"url": {"type": "string", "pattern": "^https?://"},
                                   "mime_type": {"type": "string"},
                                   "size_in_bytes": {"type": "integer", "minimum": 0}}}},
            },
        }},
    },
}


def parse_xml_feed(path: Path) -> feedparser.FeedParserDict:
    """feedparser with no bozo, plus a strict XML parser: both must accept the bytes."""
    data = path.read_bytes()
    ET.fromstring(data)  # raises on anything that is not well-formed XML
    parsed = feedparser.parse(data)
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    return parsed


def parse_json_feed(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, JSON_FEED_SCHEMA)
    return data


def rss_items(path: Path) -> list[ET.Element]:
    return ET.fromstring(path.read_bytes()).findall("./channel/item")


def atom_entries(path: Path) -> list[ET.Element]:
    return ET.fromstring(path.read_bytes()).findall(f"{ATOM_NS}entry")


def all_feed_files(site: Path) -> list[Path]:
    """The site-wide feeds, then every region and category feed that was written."""
    return [site / "feed.xml", site / "atom.xml", site / "feed.json",
            *sorted(site.glob("alueet/*/feed.xml")), *sorted(site.glob("blogi/aiheet/*/feed.xml"))]
