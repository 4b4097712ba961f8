"""Warnings: content that builds, but that readers, subscribers or screen readers would miss.

They never fail a build. The build logs them and `python -m muutostuki check` prints them,
with the same `path:line: field: message` text, so an editor sees one wording everywhere.
"""
from __future__ import annotations

from datetime import datetime
from typing import Protocol

from .errors import BODY_FIELD, ErrorList
from .markdown_refs import markdown_refs
from .upcoming import is_upcoming


class Site(Protocol):
    """What the warnings read of site.Site (a Protocol, so this module needs no import of site.py)."""
    errors: ErrorList
    all_posts: list
    all_events: list
    build_time: datetime
    calendar_end: datetime

WARNING = "warning"


def image_alt_warnings(path: str, body: str, first_line: int, errors: ErrorList) -> None:
    """Images written in the text without an alternative text."""
    if "![" not in body and "<img" not in body.lower():
        return  # most texts have no images: skip reading them line by line
    for ref in markdown_refs(body, first_line):
        if ref.kind == "image" and not ref.text:
            errors.add(path, ref.line, BODY_FIELD,
                       "kuvalta puuttuu vaihtoehtoinen teksti; kirjoita hakasulkeisiin, mitä kuvassa näkyy, "
                       "esim. ![Osallistujat istuvat pyöreän pöydän ääressä](kuva.jpg)", WARNING)


def add_content_warnings(site: Site) -> None:
    """Posts without a summary, images without alt text, upcoming events without registration."""
    errors = site.errors
    for post in site.all_posts:
        if not post.summary:
            errors.add(post.path, post.lines.get("summary", 1), "summary",
                       "kirjoitukselta puuttuu tiivistelmä; lisää 'summary: ...' (yksi tai kaksi virkettä), "
                       "joka näkyy blogin listauksissa, syötteissä ja hakukoneissa", WARNING)
        image_alt_warnings(post.path, post.body, post.body_line, errors)
    for event in site.all_events:
        image_alt_warnings(event.path, event.body, event.body_line, errors)
        if event.registration or "registration" in event.lines or event.status in ("cancelled", "postponed"):
            continue
        if any(is_upcoming(o, site.build_time) for o in event.occurrences(site.calendar_end)):
            errors.add(event.path, 1, "registration",
                       "tulevalta tapahtumalta puuttuu ilmoittautuminen; lisää 'registration: https://...' "
                       "(ilmoittautumislinkki) tai kerro tekstissä, ettei ilmoittautumista tarvita", WARNING)
