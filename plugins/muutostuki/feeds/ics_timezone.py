"""The VTIMEZONE for Europe/Helsinki, written as the EU summer-time rule.

icalendar's `Timezone.from_tzid` lists each transition up to a last date; a monthly network
meeting with no end date would then fall off that list and some clients would show it an hour
wrong in summer. The EU rule (since 1996: last Sunday of March 03:00 -> EEST, last Sunday of
October 04:00 -> EET) holds for every year; a test checks it against zoneinfo.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

TZID = "Europe/Helsinki"


def _observance(kind, start: datetime, month: int, offset_from: int, offset_to: int, name: str):
    part = kind()
    part.add("dtstart", start)
    part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
    part.add("tzoffsetfrom", timedelta(hours=offset_from))
    part.add("tzoffsetto", timedelta(hours=offset_to))
    part.add("tzname", name)
    return part


def helsinki_vtimezone() -> Timezone:
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add_component(_observance(TimezoneStandard, datetime(1996, 10, 27, 4, 0), 10, 3, 2, "EET"))
    tz.add_component(_observance(TimezoneDaylight, datetime(1996, 3, 31, 3, 0), 3, 2, 3, "EEST"))
    return tz
