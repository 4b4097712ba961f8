"""iCalendar (RFC 5545) files for subscribers: all events, each region's events, each event.

- `/tapahtumat.ics`: every published event whose last occurrence ends at most one year
  before the build time (older ones are history, and a subscription re-downloads the whole
  file every few hours: this keeps it small however long the site lives);
- `/alueet/<id>/tapahtumat.ics`: the same window, the region's events AND national events
  (events without regions): a region's subscriber wants the national webinars too;
- `/tapahtumat/jarjestajat/<id>.ics`: the same window, one organiser's events;
- `/tapahtumat/<id>.ics`: one event (or series) for "Lisää kalenteriin", whatever its age.

An event known only to its month is in none of them: "some day in April" written as a
month-long block would fill subscribers' calendars. It appears once its date is set (same UID).

UIDs are `<event id>@<site host>`, never derived from time or title, so an edited event
replaces its old entry; SEQUENCE and DTSTAMP (the last change of the event's files, never the
build time) come from git history (ics_sequence.py). No METHOD: these files are published
snapshots, not iTIP scheduling messages (RFC 5545 3.7.2), and METHOD:PUBLISH would require an
ORGANIZER in every entry (RFC 5546 3.2.1), which an event without an organiser's address lacks.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Iterable
from urllib.parse import urlsplit

from icalendar import Calendar, Event as VEvent, vDuration, vRecur, vText

from ..content.events import Event, Occurrence
from ..content.fingerprint import Fingerprinter
from ..content.series_bounds import series_starts
from ..content.timeutil import HELSINKI, as_datetime
from ..event_text import description_text, location_text
from .ics_sequence import EventHistory, event_history
from .ics_series import add_exdates, add_place_and_organizer, override_vevent
from .ics_timezone import TZID, helsinki_vtimezone

CALENDAR_NAME = "Järjestöjen sote-muutostuki: tapahtumat"
CALENDAR_DESCRIPTION = ("Järjestöjen sote-muutostuen tapahtumat: webinaarit, verkostotapaamiset ja "
                        "alueelliset tilaisuudet sosiaali- ja terveysjärjestöille.")
PRODID = "-//Järjestöjen sote-muutostuki//muutostuki//FI"
REFRESH = timedelta(hours=12)
HISTORY = timedelta(days=365)
REGION_CALENDAR_INCLUDES_NATIONAL = True
ALL_EVENTS_PATH = "tapahtumat.ics"
STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}
SUMMARY_PREFIX = {"cancelled": "PERUTTU: ", "postponed": "SIIRRETTY: "}


def region_calendar_path(region_id: str) -> str:
    return f"alueet/{region_id}/tapahtumat.ics"


def event_uid(event: Event, host: str) -> str:
    return f"{event.id}@{host}"


def _times(event: Event) -> tuple[date | datetime, date | datetime | None]:
    """DTSTART and DTEND: all-day ends are exclusive (month-only events get no entry at all)."""
    if event.all_day:
        return event.start, (event.end or event.start) + timedelta(days=1)
    return event.start, event.end


def vevent(event: Event, *, host: str, page_url: str, stamp: datetime, sequence: int) -> VEvent:
    component = VEvent()
    start, end = _times(event)
    component.add("uid", event_uid(event, host))
    component.add("dtstamp", stamp.astimezone(timezone.utc))
    component.add("sequence", sequence)
    component.add("summary", SUMMARY_PREFIX.get(event.status, "") + event.title)
    component.add("dtstart", start)
    if end is not None:
        component.add("dtend", end)
    if event.recurrence:
        component.add("rrule", vRecur.from_ical(event.export_rrule()))
        add_exdates(component, event)
    component.add("status", STATUS[event.status])
    location = location_text(event)
    if location:
        component.add("location", location)
    add_place_and_organizer(component, event, event.venue)
    component.add("description", description_text(event, page_url))
    component.add("url", page_url)
    if event.categories:
        component.add("categories", event.categories)
    return component


END_CALENDAR = b"END:VCALENDAR\r\n"


def calendar_head(*, host: str, name: str | None, source_url: str) -> bytes:
    """VCALENDAR properties and the VTIMEZONE, without its END line.

    `name` None makes a one-off import file (no name, no refresh interval).
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name is not None:
        cal.add("name", name)
        cal.add("x-wr-calname", vText(name))
        cal.add("description", CALENDAR_DESCRIPTION)
        cal.add("x-wr-caldesc", vText(CALENDAR_DESCRIPTION))
        cal.add("x-wr-timezone", TZID)
        cal.add("uid", f"{urlsplit(source_url).path.strip('/')}@{host}")
        cal.add("url", source_url)
        cal.add("source", source_url, parameters={"VALUE": "URI"})
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(REFRESH))
    cal.add_component(helsinki_vtimezone())
    text = cal.to_ical()
    assert text.endswith(END_CALENDAR)
    return text[: -len(END_CALENDAR)]


class IcsWriter:
    """Writes calendars from VEVENTs serialised once each: an event is in up to three files
    (its own, the site's, a region's), and serialising is the slow part."""

    def __init__(self, *, host: str, site_url: str, history: EventHistory, ctx=None):
        self.host, self.site_url, self.history, self.ctx = host, site_url, history, ctx
        self._fingerprint = Fingerprinter()
        self._events: dict[str, bytes] = {}
        self._import_head: bytes | None = None

    def event_bytes(self, event: Event) -> bytes:
        if event.id not in self._events:
            page_url, stamp = self.site_url + event.url, self.stamp(event)
            sequence = self.history.sequences.get(event.id, 0)

            def serialise() -> bytes:
                component = vevent(event, host=self.host, page_url=page_url, stamp=stamp, sequence=sequence)
                changed = [override_vevent(component, occ, STATUS, SUMMARY_PREFIX)
                           for occ in event.override_occurrences()]
                return component.to_ical() + b"".join(c.to_ical() for c in changed)

            if self.ctx is None:
                self._events[event.id] = serialise()
            else:  # a pure function of the event and these: reused from the build cache when they are the same
                inputs = "\n".join([self.host, page_url, stamp.isoformat(), str(sequence),
                                    self._fingerprint(vars(event))])
                self._events[event.id] = self.ctx.remembered("vevent", inputs, serialise)
        return self._events[event.id]

    def stamp(self, event: Event) -> datetime:
        """DTSTAMP: the last change of the event's file, its place's or an organiser's."""
        files = [event.path, event.venue.path if event.venue else "", *(o.path for o in event.organizers)]
        return self.history.last_change([f for f in files if f])

    def calendar(self, events: list[Event], *, name: str | None, source_url: str) -> bytes:
        if name is not None:
            head = calendar_head(host=self.host, name=name, source_url=source_url)
        else:  # every one-off import file has the same head
            if self._import_head is None:
                self._import_head = calendar_head(host=self.host, name=None, source_url="")
            head = self._import_head
        return head + b"".join(self.event_bytes(e) for e in events) + END_CALENDAR


def last_end(event: Event) -> datetime | None:
    """When the event (or its whole series) is over; None for a series without an end."""
    if not event.recurrence:
        return Occurrence(event, event.start, event.end).end_dt
    if "COUNT=" not in event.recurrence and "UNTIL=" not in event.recurrence:
        return None
    starts = series_starts(event.recurrence, as_datetime(event.start).replace(tzinfo=None))
    if not starts:
        return as_datetime(event.start)
    duration = event.duration or timedelta(0)
    last = starts[-1].replace(tzinfo=HELSINKI) + duration
    return last + timedelta(days=1) if event.all_day else last


def subscribable(events: list[Event], since: datetime) -> list[Event]:
    """Events in the subscription window: not drafts, not known only to the month, not over before `since`."""
    return [e for e in events if not e.draft and e.in_subscriptions and ((end := last_end(e)) is None or end >= since)]


def ics_outputs(ctx) -> Iterable[tuple[str, bytes]]:
    """Every .ics file of the site (an output writer, see pages/registry.py)."""
    site = ctx.site
    writer = IcsWriter(host=urlsplit(ctx.site_url).hostname or "localhost", site_url=ctx.site_url,
                       history=event_history(site.paths.root, site.paths.events_dir), ctx=ctx)
    window = subscribable(site.events, site.build_time - HISTORY)
    yield ALL_EVENTS_PATH, writer.calendar(window, name=CALENDAR_NAME, source_url=ctx.absolute(ALL_EVENTS_PATH))
    for region in site.regions.values():
        chosen = [e for e in window if region.id in e.regions or (REGION_CALENDAR_INCLUDES_NATIONAL and not e.regions)]
        path = region_calendar_path(region.id)
        yield path, writer.calendar(chosen, name=f"{CALENDAR_NAME} – {region.short_name}", source_url=ctx.absolute(path))
    by_organizer: dict[str, list[Event]] = {}  # one pass over the window, not one per organiser
    for event in window:
        for organizer_id in dict.fromkeys(o.id for o in event.organizers if o.id):
            by_organizer.setdefault(organizer_id, []).append(event)
    for organizer in site.organizers.values():
        chosen = by_organizer.get(organizer.id, [])
        yield organizer.ics_url, writer.calendar(chosen, name=f"{CALENDAR_NAME} – {organizer.short_name or organizer.name}",
                                                 source_url=ctx.absolute(organizer.ics_url))
    for event in site.events:
        if not event.draft and event.in_subscriptions:
            yield event.ics_url, writer.calendar([event], name=None, source_url=ctx.absolute(event.ics_url))
