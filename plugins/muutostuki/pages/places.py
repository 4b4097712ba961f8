"""Place pages (/tapahtumat/paikat/<id>/), organiser pages (/tapahtumat/jarjestajat/<id>/),
their index pages, and a series' page of every occurrence (/tapahtumat/<id>/kerrat/).

Everything is read from the Site's indices (occurrences by place and by organiser), computed
once per build; a series shows up once in a place's or an organiser's list, by its next date.
"""
from __future__ import annotations

from ..content.events import Event, Occurrence
from ..content.organizers import Organizer
from ..content.places import Place
from ..content.site import Site
from ..content.upcoming import count, first_per_event, is_upcoming, upcoming_events
from ..fi import fi_date
from .event_links import webcal
from .fi_recurrence import describe
from .place_jsonld import organization_jsonld, place_jsonld
from .regions import fi_sort_key
from .spec import PageSpec, src_for

PLACES_URL = "tapahtumat/paikat/"
ORGANIZERS_URL = "tapahtumat/jarjestajat/"
BREADCRUMB = [("Etusivu", ""), ("Tapahtumat", "tapahtumat/")]
PAST_SHOWN = 20


def series_url(event: Event) -> str:
    return f"{event.url}kerrat/"


def split(occurrences: list[Occurrence], site: Site) -> tuple[list[Occurrence], list[Occurrence]]:
    """(upcoming soonest first, past newest first), one entry per event."""
    upcoming = [o for o in occurrences if is_upcoming(o, site.build_time)]
    past = [o for o in reversed(occurrences) if not is_upcoming(o, site.build_time)]
    return first_per_event(upcoming), first_per_event(past)[:PAST_SHOWN]


def place_page(place: Place, site: Site, site_url: str) -> PageSpec:
    upcoming, past = split(site.occurrences_by_place.get(place.id, []), site)
    region = site.regions.get(place.region)
    return PageSpec(
        src_uri=src_for(place.page_url), template="muutostuki/place.html", title=place.name,
        description=f"{place.one_line}: osoite, saavutettavuus ja tapahtumat.",
        breadcrumbs=[*BREADCRUMB, ("Paikat", PLACES_URL), (place.name, place.page_url)],
        jsonld=[{"@context": "https://schema.org", **place_jsonld(place, site_url, site.regions)}],
        context={"place": place, "place_region": region, "upcoming": upcoming, "past": past},
    )


def organizer_page(organizer: Organizer, site: Site, site_url: str) -> PageSpec:
    upcoming, past = split(site.occurrences_by_organizer.get(organizer.id, []), site)
    name = organizer.short_name or organizer.name
    return PageSpec(
        src_uri=src_for(organizer.page_url), template="muutostuki/organizer.html",
        title=f"{organizer.name}: tapahtumat ja yhteystiedot",
        description=organizer.description or f"{organizer.name}: yhteystiedot ja tapahtumat.",
        feeds=[("ics", f"Tapahtumakalenteri: {name}", organizer.ics_url)],
        breadcrumbs=[*BREADCRUMB, ("Järjestäjät", ORGANIZERS_URL), (name, organizer.page_url)],
        jsonld=[{"@context": "https://schema.org", **organization_jsonld(organizer, site_url)}],
        context={"organizer": organizer, "organizer_region": site.regions.get(organizer.region),
                 "upcoming": upcoming, "past": past, "ics_webcal": webcal(site_url + organizer.ics_url)},
    )


def index_pages(site: Site) -> list[PageSpec]:
    places = sorted(site.places.values(), key=lambda p: (fi_sort_key(p.city), fi_sort_key(p.name)))
    organizers = sorted(site.organizers.values(), key=lambda o: fi_sort_key(o.name))

    def counts(index: dict[str, list[Occurrence]]) -> dict[str, int]:
        """Upcoming events per place or organiser, counted as everywhere (a series once, cancelled not)."""
        return {key: count(upcoming_events([o for o in occs if is_upcoming(o, site.build_time)]))
                for key, occs in index.items()}
    return [
        PageSpec(src_uri=src_for(PLACES_URL), template="muutostuki/places.html", title="Tapahtumapaikat",
                 description="Paikat, joissa muutostuen tapahtumia järjestetään: osoitteet ja saavutettavuus.",
                 breadcrumbs=[*BREADCRUMB, ("Paikat", PLACES_URL)],
                 context={"places": places, "upcoming_counts": counts(site.occurrences_by_place)}),
        PageSpec(src_uri=src_for(ORGANIZERS_URL), template="muutostuki/organizers.html", title="Tapahtumien järjestäjät",
                 description="Järjestöt, jotka järjestävät muutostuen tapahtumia: yhteystiedot ja tapahtumat.",
                 breadcrumbs=[*BREADCRUMB, ("Järjestäjät", ORGANIZERS_URL)],
                 context={"organizers": organizers, "upcoming_counts": counts(site.occurrences_by_organizer)}),
    ]


def series_page(event: Event, site: Site, occurrences: list[Occurrence]) -> PageSpec:
    """Every occurrence of a series in the build's window with its own status, the next one first."""
    upcoming = [o for o in occurrences if is_upcoming(o, site.build_time)]
    past = [o for o in reversed(occurrences) if not is_upcoming(o, site.build_time)]
    today = site.build_time.date()
    endless = "COUNT=" not in event.recurrence and "UNTIL=" not in event.recurrence
    return PageSpec(
        src_uri=src_for(series_url(event)), template="muutostuki/series.html", title=f"{event.title}: kaikki kerrat",
        description=f"Sarjan {event.title} kaikki kerrat, tauot ja muutokset.",
        breadcrumbs=[*BREADCRUMB, (event.title, event.url), ("Kaikki kerrat", series_url(event))],
        context={"event": event, "upcoming": upcoming, "past": past, "recurrence_text": describe(event.recurrence),
                 "breaks": [d for d in event.exceptions if d >= today], "upcoming_limited": endless,
                 "horizon_text": fi_date(site.calendar_end)},
    )


def place_pages(ctx) -> list[PageSpec]:
    """The page generator registered in pages/registry.py."""
    site: Site = ctx.site
    specs = [place_page(p, site, ctx.site_url) for p in site.places.values()]
    specs += [organizer_page(o, site, ctx.site_url) for o in site.organizers.values()]
    if site.places or site.organizers:
        specs += index_pages(site)
    by_event: dict[str, list[Occurrence]] = {}
    for occ in site.occurrences:
        if occ.event.is_recurring:
            by_event.setdefault(occ.event.id, []).append(occ)
    specs += [series_page(site.events_by_id[eid], site, occs) for eid, occs in by_event.items()]
    return specs
