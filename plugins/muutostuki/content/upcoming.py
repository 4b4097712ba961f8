"""The one definition of an upcoming event, used by every list, count and page.

An occurrence is upcoming until it is over (its end, or the end of its day). Upcoming lists show
one entry per event: a recurring series is one entry carrying its next occurrence and all the
upcoming ones (the month calendar and the .ics still have every occurrence). A cancelled event
is shown, marked, but not counted: "3 tulevaa tapahtumaa" means three that will happen.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .events import Event, Occurrence


def is_upcoming(occ: Occurrence, now: datetime) -> bool:
    """Not over yet: an event that has started but not ended is still upcoming."""
    return occ.end_dt > now


def is_counted(item: Event | Occurrence) -> bool:
    """Counted: anything but a cancelled event or occurrence (postponed ones will still happen)."""
    return item.status != "cancelled"


@dataclass(frozen=True)
class UpcomingEvent:
    """One entry of an upcoming list: an event, or a series by its next occurrence."""

    next: Occurrence
    occurrences: tuple[Occurrence, ...]  # every upcoming occurrence, soonest first (next is the first)

    @property
    def event(self) -> Event:
        return self.next.event

    @property
    def counted(self) -> bool:
        return is_counted(self.event)

    @property
    def is_national(self) -> bool:
        return not self.event.regions


def upcoming_events(upcoming: list[Occurrence]) -> list[UpcomingEvent]:
    """Upcoming occurrences (soonest first) -> one entry per event, in the order of their next occurrence."""
    by_event: dict[str, list[Occurrence]] = {}
    for occ in upcoming:  # dicts keep insertion order: events by their first (next) occurrence
        by_event.setdefault(occ.event.id, []).append(occ)
    return [UpcomingEvent(next=occs[0], occurrences=tuple(occs)) for occs in by_event.values()]


def first_per_event(occurrences: list[Occurrence]) -> list[Occurrence]:
    """The first occurrence of each event in the order given (soonest upcoming, or newest past)."""
    seen: set[str] = set()
    result = []
    for occ in occurrences:
        if occ.event.id not in seen:
            seen.add(occ.event.id)
            result.append(occ)
    return result


def count(entries: list[UpcomingEvent]) -> int:
    """How many upcoming events a list holds, as every page states it."""
    return sum(1 for entry in entries if entry.counted)


def by_region(entries: list[UpcomingEvent], region_ids) -> tuple[dict[str, list[UpcomingEvent]], list[UpcomingEvent]]:
    """Each region's own entries (every region id given gets a list) and the national ones, in order."""
    own: dict[str, list[UpcomingEvent]] = {rid: [] for rid in region_ids}
    national = []
    for entry in entries:
        if entry.is_national:
            national.append(entry)
        for rid in entry.event.regions:
            own.setdefault(rid, []).append(entry)
    return own, national
