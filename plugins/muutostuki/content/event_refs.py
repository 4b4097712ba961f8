"""Events' references to place and organiser files, resolved once per build.

An unknown id is reported on the event's own line with a did-you-mean; a reference that
resolves fills `event.venue` / `event.organizers` (and the inline forms older code reads).
"""
from __future__ import annotations

from .errors import ErrorList, did_you_mean
from .events import Event
from .organizers import ORGANIZERS_DIR, Organizer
from .places import PLACES_DIR, Place
from .regions import Region, unknown_region_message


def _unknown(kind: str, ref: str, known: dict, folder: str) -> str:
    hint = did_you_mean(ref, sorted(known))
    listed = ", ".join(sorted(known)[:30]) or "ei yhtään"
    return (f"tuntematon {kind} '{ref}'.{hint} Tunniste on tiedoston nimi kansiossa {folder} ilman .yml-päätettä; "
            f"tunnetut: {listed}")


def resolve_event_refs(events: list[Event], places: dict[str, Place], organizers: dict[str, Organizer],
                       events_dir: str, errors: ErrorList, broken: set[str] = frozenset()) -> None:
    """Fill venues and organisers; `broken` holds ids of files whose own mistakes were reported."""
    places_folder = f"{events_dir}/{PLACES_DIR}/"
    organizers_folder = f"{events_dir}/{ORGANIZERS_DIR}/"
    for event in events:
        if event.place:
            place = places.get(event.place)
            if place is None and event.place not in broken:
                errors.add(event.path, event.lines.get("place", 1), "place",
                           _unknown("paikka", event.place, places, places_folder))
            elif place is not None:
                event.venue = place
                event.location = place.location
        for i, change in enumerate(event.overrides):
            if "place" in change:
                place = places.get(change["place"])
                if place is None and change["place"] not in broken:
                    errors.add(event.path, event.lines.get(f"overrides.{i}", event.lines.get("overrides", 1)),
                               "overrides", _unknown("paikka", change["place"], places, places_folder))
                elif place is not None:
                    change["venue"] = place
        resolved: list[Organizer] = []
        for i, ref in enumerate(event.organizer_refs):
            if isinstance(ref, dict):
                resolved.append(Organizer(id="", **ref))
            elif ref in organizers:
                resolved.append(organizers[ref])
            elif ref not in broken:
                line = event.lines.get(f"organizer.{i}", event.lines.get("organizer", 1))
                errors.add(event.path, line, "organizer", _unknown("järjestäjä", ref, organizers, organizers_folder))
        event.organizers = resolved
        event.organizer = resolved[0].as_dict if resolved else {}


def check_home_regions(items: list[Place | Organizer], regions: dict[str, Region], errors: ErrorList) -> None:
    """`region:` of places and organisers names one of the 22 regions."""
    for item in items:
        if item.region and item.region not in regions:
            errors.add(item.path, item.lines.get("region", 1), "region", unknown_region_message(item.region, regions))


def check_author_organizers(authors: dict, organizers: dict[str, Organizer], authors_path: str,
                            events_dir: str, errors: ErrorList) -> None:
    """An author's `organizer:` names an organiser file."""
    for author in authors.values():
        if author.organizer and author.organizer not in organizers:
            errors.add(authors_path, author.line, f"{author.id}.organizer",
                       _unknown("järjestäjä", author.organizer, organizers, f"{events_dir}/{ORGANIZERS_DIR}/"))
