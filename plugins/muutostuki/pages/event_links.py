"""Add-to-calendar links (Google Calendar, Outlook.com, Office 365), webcal: subscription links
and a plain map search link for a place.

Every value goes through urlencode (quote_via=quote), so titles with &, # or newlines cannot
break out of their parameter.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import quote, urlencode

from dataclasses import dataclass

from ..content.events import Event, Occurrence

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
OUTLOOK_HOSTS = {"outlook": "https://outlook.live.com", "office365": "https://outlook.office.com"}
OUTLOOK_PATH = "/calendar/0/deeplink/compose"
MAP_SEARCH = "https://www.openstreetmap.org/search"
DETAILS_LIMIT = 1500  # the whole link must stay well under browsers' URL limits


def _utc(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def google_dates(event: Event) -> str:
    """dates=START/END: UTC times for timed events, DATE/exclusive DATE for all-day ones."""
    if event.all_day:
        last = event.end or event.start
        return f"{event.start:%Y%m%d}/{last + timedelta(days=1):%Y%m%d}"
    end = event.end if isinstance(event.end, datetime) else event.start
    return f"{_utc(event.start)}/{_utc(end)}"


def google_calendar_url(event: Event, details: str, location: str) -> str | None:
    """A link that opens Google Calendar with the event filled in; None when no day is known."""
    if event.date_precision == "month" or event.status == "cancelled":
        return None
    params = {"action": "TEMPLATE", "text": event.title, "dates": google_dates(event),
              "ctz": "Europe/Helsinki", "details": _details(details)}
    if location:
        params["location"] = location
    if event.recurrence:
        params["recur"] = f"RRULE:{event.export_rrule()}"
    return f"{GOOGLE_TEMPLATE}?{urlencode(params, quote_via=quote)}"


def _details(details: str) -> str:
    if len(details) > DETAILS_LIMIT:
        return details[: DETAILS_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return details


def outlook_calendar_url(occ: Occurrence, details: str, location: str, service: str) -> str | None:
    """Outlook.com or Office 365 compose link for one occurrence (their links cannot carry a rule).

    Times in UTC; an all-day event as dates with an exclusive end, as Outlook expects.
    """
    event = occ.event
    if event.date_precision == "month" or event.status == "cancelled":
        return None
    if event.all_day:
        last = occ.end or occ.start
        start, end, all_day = occ.start.isoformat(), (last + timedelta(days=1)).isoformat(), "true"
    else:
        finish = occ.end if isinstance(occ.end, datetime) else occ.start
        start, end, all_day = _iso_utc(occ.start), _iso_utc(finish), "false"
    params = {"path": "/calendar/action/compose", "rru": "addevent", "subject": event.title,
              "startdt": start, "enddt": end, "allday": all_day, "body": _details(details)}
    if location:
        params["location"] = location
    return f"{OUTLOOK_HOSTS[service]}{OUTLOOK_PATH}?{urlencode(params, quote_via=quote)}"


def _iso_utc(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class CalendarLink:
    """One "Lisää kalenteriin" choice: what it opens, and a note when it adds less than the series."""

    label: str
    href: str
    note: str = ""
    download: bool = False


def add_to_calendar_links(occ: Occurrence, details: str, location: str, ics_href: str) -> list[CalendarLink]:
    """Google, Outlook.com, Office 365 and the event's own .ics (Apple and every other app).

    A series: the .ics and Google add every occurrence; Outlook's links add the next one only,
    and say so.
    """
    event = occ.event
    links = []
    google = google_calendar_url(event, details, location)
    if google:
        links.append(CalendarLink("Google-kalenteri", google))
    only_next = "vain seuraava kerta" if event.is_recurring else ""
    for service, label in (("outlook", "Outlook.com"), ("office365", "Office 365")):
        url = outlook_calendar_url(occ, details, location, service)
        if url:
            links.append(CalendarLink(label, url, only_next))
    links.append(CalendarLink("Apple ja muut (.ics)", ics_href, download=True))
    return links


def map_search_url(location: dict) -> str | None:
    """An OpenStreetMap search for the address (a link, never an embedded third-party map)."""
    street = location.get("address") or location.get("name")
    if not street:  # a bare city is not a place to find
        return None
    query = ", ".join(p for p in (street, location.get("city")) if p)
    return f"{MAP_SEARCH}?{urlencode({'query': query}, quote_via=quote)}"


def webcal(absolute_url: str) -> str:
    """https://host/x.ics -> webcal://host/x.ics (calendar apps open it as a subscription)."""
    scheme, sep, rest = absolute_url.partition("://")
    return f"webcal://{rest}" if sep and scheme in ("http", "https") else absolute_url



GOOGLE_SUBSCRIBE = "https://calendar.google.com/calendar/r"
OUTLOOK_SUBSCRIBE = "https://outlook.live.com/owa/"


def google_subscribe_url(absolute_url: str) -> str:
    """Opens Google Calendar's "add calendar by URL" with the subscription filled in (cid=webcal://...)."""
    return f"{GOOGLE_SUBSCRIBE}?{urlencode({'cid': webcal(absolute_url)}, quote_via=quote)}"


def outlook_subscribe_url(absolute_url: str, name: str) -> str:
    """Opens Outlook.com's "subscribe from web" with the address and the calendar's name filled in."""
    params = {"path": "/calendar/action/compose", "rru": "addsubscription", "url": absolute_url, "name": name}
    return f"{OUTLOOK_SUBSCRIBE}?{urlencode(params, quote_via=quote)}"
