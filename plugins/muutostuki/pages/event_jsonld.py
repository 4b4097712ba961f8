"""schema.org Event for an event page, so search engines show date, place and status.

Only facts the editor gave are stated: a month-precision event gets a year-month startDate,
an online event without a link points to its own page, unknown prices are left out.
"""
from __future__ import annotations

from datetime import date, datetime

from ..content.events import Event, Occurrence
from .fi_recurrence import WEEKDAY_CODES

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


def _locations(event: Event, page_url: str) -> list[dict]:
    result = []
    if event.location:
        place: dict = {"@type": "Place", "name": event.location.get("name") or event.location.get("city", "")}
        address = {k: v for k, v in (("streetAddress", event.location.get("address")),
                                     ("addressLocality", event.location.get("city"))) if v}
        if address:
            place["address"] = {"@type": "PostalAddress", **address, "addressCountry": "FI"}
        result.append(place)
    if event.online:
        result.append({"@type": "VirtualLocation", "url": event.online_url or page_url})
    return result


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
    if not event.all_day:
        schedule["startTime"] = event.start.strftime("%H:%M")
        if isinstance(event.end, datetime):
            schedule["endTime"] = event.end.strftime("%H:%M")
    return schedule


def event_jsonld(event: Event, page_url: str, shown: Occurrence | None = None, image_url: str = "") -> dict:
    """The schema.org Event; `shown` is the occurrence a recurring series is presented by."""
    occ = shown or Occurrence(event, event.start, event.end)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": page_url,
        "inLanguage": "fi",
        "startDate": schema_date(occ.start, event.date_precision),
        "eventStatus": SCHEMA + STATUS[event.status],
        "eventAttendanceMode": SCHEMA + ATTENDANCE[event.attendance],
    }
    if occ.end is not None:
        data["endDate"] = schema_date(occ.end, event.date_precision)
    locations = _locations(event, page_url)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.summary:
        data["description"] = event.summary
    if event.organizer:
        data["organizer"] = {"@type": "Organization", "name": event.organizer["name"]}
        if event.organizer.get("url"):
            data["organizer"]["url"] = event.organizer["url"]
    if event.registration:
        offer: dict = {"@type": "Offer", "url": event.registration["url"]}
        if event.registration.get("deadline") is not None:
            offer["validThrough"] = schema_date(event.registration["deadline"])
        data["offers"] = offer
    if image_url:
        data["image"] = image_url
    if event.recurrence:
        data["eventSchedule"] = _schedule(event)
    return data
