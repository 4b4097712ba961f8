"""The parts of a calendar entry that come from places, organisers and series changes.

- LOCATION is the place's full address, GEO its coordinates, ORGANIZER the first organiser
  with an e-mail address (`ORGANIZER;CN=SOSTE:mailto:...`);
- a series' skipped dates are EXDATEs of its master entry;
- each override is its own VEVENT with the master's UID and a RECURRENCE-ID naming the
  original start, so calendar apps move or cancel exactly that occurrence.
"""
from __future__ import annotations

from icalendar import Event as VEvent, vCalAddress, vText

from ..content.events import Event, Occurrence
from ..content.places import Place
from ..event_text import location_text

# Properties an override entry takes over from its master unchanged
INHERITED = ("UID", "DTSTAMP", "SEQUENCE", "DESCRIPTION", "URL", "CATEGORIES", "ORGANIZER")


def add_place_and_organizer(component: VEvent, event: Event, venue: Place | None) -> None:
    if venue is not None and venue.coordinates:
        component.add("geo", (venue.coordinates["lat"], venue.coordinates["lon"]))
    organizer = next((o for o in event.organizers if o.email), None)
    if organizer is not None:
        address = vCalAddress(f"mailto:{organizer.email}")
        address.params["cn"] = vText(organizer.short_name or organizer.name)
        component.add("organizer", address)


def add_exdates(component: VEvent, event: Event) -> None:
    starts = event.exception_starts()
    if starts:
        component.add("exdate", starts)


def override_vevent(master: VEvent, occ: Occurrence, status_map: dict[str, str],
                    summary_prefix: dict[str, str]) -> VEvent:
    """The RECURRENCE-ID entry of one changed occurrence of a series."""
    component = VEvent()
    for name in INHERITED:
        if name in master:
            component[name] = master[name]
    component.add("recurrence-id", occ.original_start)
    component.add("summary", summary_prefix.get(occ.status, "") + occ.event.title)
    component.add("dtstart", occ.start)
    if occ.end is not None:
        component.add("dtend", occ.end)
    component.add("status", status_map[occ.status])
    venue = occ.venue
    location = location_text(occ.event, venue)
    if location:
        component.add("location", location)
    if venue is not None and venue.coordinates:
        component.add("geo", (venue.coordinates["lat"], venue.coordinates["lon"]))
    if occ.note:
        component.add("comment", occ.note)
    return component
