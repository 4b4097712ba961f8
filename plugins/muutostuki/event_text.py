"""An event as plain text: its place in one line and its description without markup.

Calendar apps (iCalendar DESCRIPTION/LOCATION, Google Calendar links) show text, not HTML;
one module decides how an event reads there so the .ics and the add-to-calendar link agree.
"""
from __future__ import annotations

import html as html_lib
import re

from .content.events import Event
from .content.places import Place
from .fi import MONTHS

_BLOCK_END = re.compile(r"</(p|h[1-6]|ul|ol|div|blockquote|pre|table)>", re.IGNORECASE)
_LINE_END = re.compile(r"</(li|tr)>|<br\s*/?>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
_SOURCE_NEWLINES = re.compile(r"\s*\n\s*")  # newlines in HTML source are just spaces
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_MD_SYNTAX = re.compile(r"[*_`#>]+|!?\[([^\]]*)\]\([^)]*\)")


def place_text(event: Event, venue: Place | None = None) -> str:
    """"Mikkelin kaupungintalo, Maaherrankatu 9, 50100 Mikkeli" from whichever parts the editor gave."""
    venue = venue or event.venue
    if venue is not None:
        return venue.one_line
    loc = event.location
    return ", ".join(part for part in (loc.get("name"), loc.get("address"), loc.get("city")) if part)


def location_text(event: Event, venue: Place | None = None) -> str:
    """The LOCATION of a calendar entry: the place, "Verkossa", or both for a hybrid event."""
    place = place_text(event, venue)
    if event.attendance == "mixed":
        return f"{place} ja verkossa"
    if event.attendance == "online":
        return "Verkossa"
    return place


def html_to_text(fragment: str) -> str:
    """Rendered Markdown -> readable text: paragraphs kept apart, tags dropped, entities decoded."""
    text = _LIST_ITEM.sub("- ", _SOURCE_NEWLINES.sub(" ", fragment))
    text = _BLOCK_END.sub("\n\n", _LINE_END.sub("\n", text))
    text = html_lib.unescape(_TAGS.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def markdown_to_text(markdown: str) -> str:
    """A fallback when the body has not been rendered: link text kept, emphasis marks dropped."""
    text = _MD_SYNTAX.sub(lambda m: m.group(1) or "", markdown)
    return _BLANK_LINES.sub("\n\n", "\n".join(_SPACES.sub(" ", ln).strip() for ln in text.split("\n"))).strip()


def month_only_note(event: Event) -> str:
    """Said wherever a month-precision event could be mistaken for a dated one."""
    return f"Tapahtuma on {MONTHS[event.start.month - 1]}ssa {event.start.year}; tarkkaa päivää ei ole kerrottu."


def description_text(event: Event, page_url: str) -> str:
    """What a calendar app shows: status, month note, online link, registration, the body, the page."""
    parts = []
    if event.status == "cancelled":
        parts.append("Tapahtuma on peruttu.")
    elif event.status == "postponed":
        parts.append("Tapahtuma on siirretty; uusi ajankohta ilmoitetaan myöhemmin.")
    if event.date_precision == "month":
        parts.append(month_only_note(event))
    if event.organizers:
        names = ", ".join(o.name for o in event.organizers)
        parts.append(f"Järjestäjä: {names}" if len(event.organizers) == 1 else f"Järjestäjät: {names}")
    if event.price:
        parts.append("Maksuton" if event.is_free else f"Hinta: {event.price}")
    if event.online_url:
        parts.append(f"Osallistu etänä: {event.online_url}")
    if event.registration.get("url") and event.status != "cancelled":
        parts.append(f"Ilmoittautuminen: {event.registration['url']}")
    body = html_to_text(event.html) if event.html else markdown_to_text(event.body)
    if not body and event.summary:
        body = event.summary
    if body:
        parts.append(body)
    parts.append(f"Lisätietoja: {page_url}")
    return "\n\n".join(parts)
