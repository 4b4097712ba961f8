"""Add-to-calendar links: a Google Calendar template link and webcal: subscription links.

Every value goes through urlencode (quote_via=quote), so titles with &, # or newlines cannot
break out of their parameter.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import quote, urlencode

from ..content.events import Event

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
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
    if len(details) > DETAILS_LIMIT:
        details = details[: DETAILS_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    params = {"action": "TEMPLATE", "text": event.title, "dates": google_dates(event),
              "ctz": "Europe/Helsinki", "details": details}
    if location:
        params["location"] = location
    if event.recurrence:
        params["recur"] = f"RRULE:{event.export_rrule()}"
    return f"{GOOGLE_TEMPLATE}?{urlencode(params, quote_via=quote)}"


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
