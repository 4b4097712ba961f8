"""schema.org Event for an event page, so search engines show date, place and status.

Only facts the editor gave are stated: a month-precision event gets a year-month startDate,
an online event without a link points to its own page, unknown prices are left out, a free
event's offer has price 0. A series has an eventSchedule (skipped dates as exceptDate) and
its changed occurrences as subEvents of their own.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from ..content.events import Event, Occurrence
from .fi_recurrence import WEEKDAY_CODES
from .place_jsonld import organization_jsonld, place_jsonld

SCHEMA = "https://schema.org/"
STATUS = {"scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed"}
ATTENDANCE = {"offline": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
              "mixed": "MixedEventAttendanceMode"}
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FREQUENCY = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}


def schema_date(value: date | datetime, precision: str = "day") -> str:
    """2021-08-25T13:00:00+03:00, 2023-04-26, or 2023-04 when only the month is known."""
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else value.isoformat()


def _locations(occ: Occurrence, page_url: str, site_url: str) -> list[dict]:
    result = []
    if occ.venue is not None:
        result.append(place_jsonld(occ.venue, site_url))
    if occ.event.online:
        result.append({"@type": "VirtualLocation", "url": occ.event.online_url or page_url})
    return result


_PLAIN_PRICE = re.compile(r"^(\d+(?:[.,]\d{1,2})?)\s*(€|e|eur|euroa)?$", re.IGNORECASE)


def _offer(event: Event) -> dict | None:
    """One Offer from registration and price: free -> price 0, '20 €' -> 20, other text as description."""
    if not event.registration and not event.price:
        return None
    offer: dict = {"@type": "Offer"}
    if event.registration:
        offer["url"] = event.registration["url"]
        if event.registration.get("deadline") is not None:
            offer["validThrough"] = schema_date(event.registration["deadline"])
    if event.is_free:
        offer.update(price=0, priceCurrency="EUR")
    elif event.price:
        match = _PLAIN_PRICE.match(event.price.strip())
        if match:
            offer.update(price=float(match[1].replace(",", ".")), priceCurrency="EUR")
        else:
            offer["description"] = event.price
    return offer


def _schedule(event: Event) -> dict:
    """eventSchedule for a recurring series, from the parts of its RRULE that schema.org can say."""
    parts = dict(p.split("=", 1) for p in event.recurrence.split(";") if "=" in p)
    schedule: dict = {"@type": "Schedule", "scheduleTimezone": "Europe/Helsinki",
                      "startDate": schema_date(event.start if event.all_day else event.start.date())}
    if parts.get("FREQ") in FREQUENCY:
        schedule["repeatFrequency"] = f"P{parts.get('INTERVAL', '1')}{FREQUENCY[parts['FREQ']]}"
    days = [d[-2:] for d in parts.get("BYDAY", "").split(",") if d[-2:] in WEEKDAY_CODES]
    if days:
        schedule["byDay"] = [SCHEMA + DAY_NAMES[WEEKDAY_CODES.index(d)] for d in days]
    if parts.get("COUNT", "").isdigit():
        schedule["repeatCount"] = int(parts["COUNT"])
    if "UNTIL" in parts:
        schedule["endDate"] = f"{parts['UNTIL'][:4]}-{parts['UNTIL'][4:6]}-{parts['UNTIL'][6:8]}"
    if not event.all_day:
        schedule["startTime"] = event.start.strftime("%H:%M")
        if isinstance(event.end, datetime):
            schedule["endTime"] = event.end.strftime("%H:%M")
    if event.exceptions:
        schedule["exceptDate"] = [d.isoformat() for d in event.exceptions]
    return schedule


def _sub_events(event: Event, page_url: str, site_url: str) -> list[dict]:
    """The occurrences an override changed (moved, re-placed, cancelled), each with its own facts."""
    result = []
    for occ in event.override_occurrences():
        sub: dict = {"@type": "Event", "name": event.title, "url": page_url,
                     "startDate": schema_date(occ.start), "eventStatus": SCHEMA + STATUS[occ.status]}
        if occ.end is not None:
            sub["endDate"] = schema_date(occ.end)
        if occ.start != occ.original_start and occ.status != "cancelled":
            sub["previousStartDate"] = schema_date(occ.original_start)
        locations = _locations(occ, page_url, site_url)
        if locations:
            sub["location"] = locations[0] if len(locations) == 1 else locations
        result.append(sub)
    return result


def event_jsonld(event: Event, page_url: str, shown: Occurrence | None = None, image_url: str = "",
                 site_url: str = "") -> dict:
    """The schema.org Event; `shown` is the occurrence a recurring series is presented by."""
    occ = shown or Occurrence(event, event.start, event.end)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": page_url,
        "inLanguage": event.languages[0] if len(event.languages) == 1 else list(event.languages),
        "startDate": schema_date(occ.start, event.date_precision),
        "eventStatus": SCHEMA + STATUS[occ.status],
        "eventAttendanceMode": SCHEMA + ATTENDANCE[event.attendance],
    }
    if occ.end is not None:
        data["endDate"] = schema_date(occ.end, event.date_precision)
    locations = _locations(occ, page_url, site_url)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.summary:
        data["description"] = event.summary
    if event.organizers:
        organizers = [organization_jsonld(o, site_url) for o in event.organizers]
        data["organizer"] = organizers[0] if len(organizers) == 1 else organizers
    if event.is_free:
        data["isAccessibleForFree"] = True
    offer = _offer(event)
    if offer is not None:
        data["offers"] = offer
    if image_url:
        data["image"] = image_url
    if event.recurrence:
        data["eventSchedule"] = _schedule(event)
        subs = _sub_events(event, page_url, site_url)
        if subs:
            data["subEvent"] = subs
    return data
