"""The month calendar: which months get a page and which events fall on each day of them.

Occurrences are indexed by day once per build (a multi-day event on each of its days, a
recurring series on each occurrence); each month page then only looks its days up.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ..content.bounds import CALENDAR_MONTHS_BACK
from ..content.events import Occurrence
from ..content.upcoming import is_counted
from ..content.site import Site
from ..content.timeutil import HELSINKI
from ..fi import MONTHS, fi_time

CALENDAR_URL = "tapahtumat/kalenteri/"
EXTRA_MONTHS_CAP = 36  # single events further ahead than the horizon extend it, but only this far


def month_url(year: int, month: int) -> str:
    return f"{CALENDAR_URL}{year:04d}/{month:02d}/"


def calendar_month_url(value: date | datetime) -> str:
    """The month page of a day in Helsinki (the build time's month page always exists)."""
    day = local_day(value)
    return month_url(day.year, day.month)


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def local_day(value: date | datetime) -> date:
    return value.astimezone(HELSINKI).date() if isinstance(value, datetime) else value


def days_of(occ: Occurrence) -> list[date]:
    """Every calendar day an occurrence touches; an end at midnight does not touch the next day."""
    first = local_day(occ.start)
    if occ.end is None:
        return [first]
    if isinstance(occ.end, datetime):
        end = occ.end.astimezone(HELSINKI)
        last = end.date() - timedelta(days=1) if end.time() == time(0, 0) and end.date() > first else end.date()
    else:
        last = occ.end
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def span_label(first: date, last: date) -> str:
    """24.–25.3., 30.4.–2.5., 30.12.2026–2.1.2027: the days of a multi-day event, short."""
    if first.year != last.year:
        return f"{first.day}.{first.month}.{first.year}–{last.day}.{last.month}.{last.year}"
    if first.month != last.month:
        return f"{first.day}.{first.month}.–{last.day}.{last.month}."
    return f"{first.day}.–{last.day}.{last.month}."


@dataclass(frozen=True)
class DayEntry:
    """An occurrence as shown in one day's cell: its start time there, or that it goes on from before."""

    occurrence: Occurrence
    time: str = ""            # "klo 13" on the day it starts (timed events only)
    continued: bool = False   # a multi-day event's later day
    span: str = ""            # a multi-day event's days, "24.–25.3." (shown once, where it starts)


@dataclass
class CalendarDay:
    day: date | None                  # None: a blank cell before the 1st or after the last day
    entries: list[DayEntry] = field(default_factory=list)
    is_today: bool = False

    @property
    def items(self) -> list[DayEntry]:
        """What the day lists: events starting that day, and on the 1st those going on from last month.

        A multi-day event is one item where it starts; its later days only carry `spanned`.
        """
        return [e for e in self.entries if not e.continued or (self.day is not None and self.day.day == 1)]

    @property
    def spanned(self) -> list[DayEntry]:
        """Multi-day events going on through this day (drawn as a bar, named for screen readers)."""
        return [e for e in self.entries if e not in self.items]


@dataclass
class CalendarMonth:
    year: int
    month: int
    weeks: list[list[CalendarDay]]
    occurrences: list[Occurrence]      # dated occurrences touching this month, by start
    undated: list[Occurrence]          # known only to this month (date_precision: month)
    prev_url: str | None = None
    next_url: str | None = None
    # the nearest earlier / later month that has events (links between pages: kept out of repr and ==)
    prev_with_events: "CalendarMonth | None" = field(default=None, repr=False, compare=False)
    next_with_events: "CalendarMonth | None" = field(default=None, repr=False, compare=False)

    @property
    def url(self) -> str:
        return month_url(self.year, self.month)

    @property
    def name(self) -> str:
        """"elokuu 2021" (month names are lowercase in Finnish)."""
        return f"{MONTHS[self.month - 1]} {self.year}"

    @property
    def event_count(self) -> int:
        """Occurrences this month that will (or did) happen: cancelled ones are shown, not counted."""
        return sum(1 for o in (*self.occurrences, *self.undated) if is_counted(o))

    @property
    def cancelled_count(self) -> int:
        return len(self.occurrences) + len(self.undated) - self.event_count

    @property
    def has_events(self) -> bool:
        return bool(self.occurrences or self.undated)


class CalendarIndex:
    """Occurrences by day and by month, computed once from `site.occurrences`."""

    def __init__(self, site: Site):
        self.today = site.build_time.astimezone(HELSINKI).date()
        self.by_day: dict[date, list[DayEntry]] = defaultdict(list)
        self.by_month: dict[tuple[int, int], list[Occurrence]] = defaultdict(list)
        self.undated: dict[tuple[int, int], list[Occurrence]] = defaultdict(list)
        for occ in site.occurrences:
            if occ.event.date_precision == "month":
                self.undated[(occ.start.year, occ.start.month)].append(occ)
                continue
            months_seen = set()
            days = days_of(occ)
            span = span_label(days[0], days[-1]) if len(days) > 1 else ""
            for i, day in enumerate(days):
                time_label = f"klo {fi_time(occ.start)}" if i == 0 and not occ.event.all_day else ""
                self.by_day[day].append(DayEntry(occ, time_label, continued=i > 0, span=span))
                if (day.year, day.month) not in months_seen:
                    months_seen.add((day.year, day.month))
                    self.by_month[(day.year, day.month)].append(occ)
        self.months = self._month_range(site)
        self.month_set = set(self.months)

    def _month_range(self, site: Site) -> list[tuple[int, int]]:
        """From the first month with events to `horizon_months` ahead (further for dated single events)."""
        now = (self.today.year, self.today.month)
        last = add_months(*now, site.horizon_months)
        cap = add_months(*last, EXTRA_MONTHS_CAP)
        used = [m for m in (*self.by_month, *self.undated)]
        first = max(min([now, *used]), add_months(*now, -CALENDAR_MONTHS_BACK))  # bounded, however old the events
        last = max([last, *(m for m in used if m <= cap)])
        result, current = [], first
        while current <= last:
            result.append(current)
            current = add_months(*current, 1)
        return result

    def month(self, year: int, month: int) -> CalendarMonth:
        weeks = []
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            weeks.append([CalendarDay(day=d, entries=self.by_day.get(d, []), is_today=d == self.today)
                          if d.month == month else CalendarDay(day=None) for d in week])
        return CalendarMonth(year=year, month=month, weeks=weeks, occurrences=self.by_month.get((year, month), []),
                             undated=self.undated.get((year, month), []))

    def all_months(self) -> list[CalendarMonth]:
        """Every month page, each knowing its neighbours and, if empty, the nearest months with events."""
        months = [self.month(y, m) for y, m in self.months]
        previous_with_events = None
        for i, cal in enumerate(months):
            cal.prev_url = months[i - 1].url if i > 0 else None
            cal.next_url = months[i + 1].url if i + 1 < len(months) else None
            cal.prev_with_events = previous_with_events
            if cal.has_events:
                previous_with_events = cal
        following = None
        for cal in reversed(months):
            cal.next_with_events = following
            if cal.has_events:
                following = cal
        return months

    def url_for(self, value: date | datetime) -> str:
        """The month page of a day (an event's own month); the month index if it has no page."""
        day = local_day(value)
        return month_url(day.year, day.month) if (day.year, day.month) in self.month_set else CALENDAR_URL

    @property
    def current_url(self) -> str:
        return calendar_month_url(self.today)
