"""Event pages: one page per event (or series), upcoming and past listings, region lists,
the month calendar and the subscription page.

Everything is read from the Site's indices (occurrences, upcoming, past) computed once; the
per-region and per-event groupings below are one pass each over those lists.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from ..content.events import Event, Occurrence
from ..content.site import Site
from ..content.slugs import slugify
from ..content.upcoming import UpcomingEvent, count
from ..content.timeutil import HELSINKI
from ..event_text import description_text, location_text
from ..feeds.ics import ALL_EVENTS_PATH, REGION_CALENDAR_INCLUDES_NATIONAL, region_calendar_path
from ..fi import MONTHS, fi_month_year
from .fi_recurrence import describe
from .event_calendar import CALENDAR_URL, CalendarIndex
from .event_jsonld import event_jsonld
from .event_links import add_to_calendar_links, map_search_url
from .follow import calendars
from .excerpts import description as make_description
from .spec import PageSpec, paginate, src_for

EVENTS_URL = "tapahtumat/"
PAST_URL = "tapahtumat/menneet/"
REGIONS_URL = "tapahtumat/alueet/"
SUBSCRIBE_URL = "tapahtumat/tilaa/"
SERIES_SHOWN = 8  # upcoming dates of a series listed openly; the rest behind "Näytä kaikki"
HOME_COUNT = 5
ICS_FEED = ("ics", "Tapahtumakalenteri (iCalendar)", ALL_EVENTS_PATH)
BREADCRUMB = [("Etusivu", ""), ("Tapahtumat", EVENTS_URL)]


def _month_key(occ: Occurrence) -> tuple[int, int]:
    local = occ.start_dt.astimezone(HELSINKI)
    return local.year, local.month


def month_groups(occurrences: list[Occurrence]) -> list[tuple[str, list[Occurrence]]]:
    """[("Joulukuu 2026", [...]), ...] in the order given (soonest or newest first)."""
    return [(f"{MONTHS[m - 1].capitalize()} {y}", list(items)) for (y, m), items in groupby(occurrences, _month_key)]


def entry_groups(entries: list[UpcomingEvent]) -> list[tuple[str, list[UpcomingEvent]]]:
    """Upcoming entries by the month of their next occurrence (a series sits where it next meets)."""
    return [(f"{MONTHS[m - 1].capitalize()} {y}", list(items))
            for (y, m), items in groupby(entries, lambda e: _month_key(e.next))]


def _categories(site: Site) -> list[tuple[str, str]]:
    names = {}
    for event in site.events:
        for name in event.categories:
            names.setdefault(slugify(name), name)
    return sorted(((slug, name) for slug, name in names.items()), key=lambda item: item[1].lower())


class EventPages:
    """Builds every event-related PageSpec from one Site and BuildContext."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.site: Site = ctx.site
        self.calendar = CalendarIndex(self.site)
        # a series' page lists the same upcoming dates as its entry in the lists
        self.upcoming_by_event: dict[str, list[Occurrence]] = {
            entry.event.id: list(entry.occurrences) for entry in self.site.upcoming_events}
        self.past_by_event: dict[str, list[Occurrence]] = defaultdict(list)
        self.past_by_region: dict[str, list[Occurrence]] = defaultdict(list)
        for occ in self.site.past:
            self.past_by_event[occ.event.id].append(occ)
            for region_id in occ.event.regions:
                self.past_by_region[region_id].append(occ)
        self.regions = sorted(self.site.regions.values(), key=lambda r: r.short_name)
        self.categories = _categories(self.site)
        self.common = {"event_regions": self.regions, "event_categories": self.categories,
                       "calendar_url": self.calendar.current_url, "subscribe_url": SUBSCRIBE_URL,
                       "includes_national": REGION_CALENDAR_INCLUDES_NATIONAL, "slugify": slugify}

    # -- one event -----------------------------------------------------------------------
    def shown_occurrence(self, event: Event) -> Occurrence:
        """A series is presented by its next occurrence (else its last), a single event by itself."""
        upcoming, past = self.upcoming_by_event.get(event.id), self.past_by_event.get(event.id)
        if upcoming:
            return upcoming[0]
        if past:
            return past[0]
        return Occurrence(event, event.start, event.end)

    def event_page(self, event: Event) -> PageSpec:
        page_url = self.ctx.absolute(event.url)
        shown = self.shown_occurrence(event)
        image = self.ctx.absolute(event.image) if event.image and "://" not in event.image else event.image

        def store(rendered: str) -> None:
            event.html = rendered
            event.description = make_description(event.summary, rendered)

        def jsonld(_ctx) -> dict:
            data = event_jsonld(event, page_url, shown, image, site_url=self.ctx.site_url)
            if event.description and "description" not in data:
                data["description"] = event.description
            return data

        return PageSpec(
            src_uri=event.path, dest_uri=f"{event.url}index.html", template="muutostuki/event.html",
            title=event.title, markdown=event.body, searchable=not event.draft, on_html=store,
            og_type="event", image=event.image, image_alt=event.image_alt,
            description=lambda: event.description, jsonld=[jsonld],
            feeds=[("ics", f"Kalenteritiedosto: {event.title}", event.ics_url)] if event.in_subscriptions else [],
            breadcrumbs=[*BREADCRUMB, (event.title, event.url)],
            context={
                "event": event, "shown": shown,
                "series_upcoming": self.upcoming_by_event.get(event.id, []), "series_first": SERIES_SHOWN,
                "event_month_url": self.calendar.url_for(shown.start),
                "event_month_label": fi_month_year(shown.start).capitalize(),
                "map_url": map_search_url(event.location),
                "calendar_links": lambda: add_to_calendar_links(
                    shown, description_text(event, page_url), location_text(event), event.ics_url),
                "recurrence_text": describe(event.recurrence) if event.recurrence else "",
                "event_region_objs": [self.site.regions[r] for r in event.regions if r in self.site.regions],
                "related_posts": self.site.posts_by_event.get(event.id, []),
                "registration_open": event.registration_open(self.site.build_time),
                "location_text": location_text(event),
                **self.common,
            },
        )

    # -- listings ------------------------------------------------------------------------
    def upcoming_page(self) -> PageSpec:
        entries = self.site.upcoming_events
        return PageSpec(
            src_uri=src_for(EVENTS_URL), template="muutostuki/event-list.html", title="Tapahtumat",
            description="Järjestöjen sote-muutostuen tulevat tapahtumat: webinaarit, verkostotapaamiset ja "
                        "alueelliset tilaisuudet.",
            breadcrumbs=BREADCRUMB[:1] + [("Tapahtumat", EVENTS_URL)],
            context={"heading": "Tulevat tapahtumat", "entry_groups": entry_groups(entries),
                     "total": count(entries), "cancelled_count": len(entries) - count(entries),
                     "listing": "upcoming", "filterable": True,
                     "empty_text": "Ei tulevia tapahtumia juuri nyt. Katso menneet tapahtumat tai tilaa kalenteri, "
                                   "niin uudet tapahtumat tulevat kalenteriisi itsestään.",
                     **self.common},
        )

    def past_pages(self) -> list[PageSpec]:
        specs = []
        for page in paginate(self.site.past, self.ctx.options.past_events_per_page, PAST_URL):
            title = "Menneet tapahtumat" if page.is_first else f"Menneet tapahtumat – sivu {page.number}"
            specs.append(PageSpec(
                src_uri=src_for(page.url), template="muutostuki/event-list.html", title=title,
                description="Järjestöjen sote-muutostuen menneet tapahtumat, uusimmat ensin.",
                breadcrumbs=[*BREADCRUMB, ("Menneet tapahtumat", PAST_URL)],
                context={"heading": "Menneet tapahtumat", "groups": month_groups(page.items), "pagination": page,
                         "total": len(self.site.past), "listing": "past", "filterable": True,
                         "empty_text": "Ei vielä menneitä tapahtumia.", **self.common},
            ))
        return specs

    def region_pages(self) -> list[PageSpec]:
        """Each region's own events first, then (as its calendar has them) the national ones apart."""
        national = self.site.national_upcoming if REGION_CALENDAR_INCLUDES_NATIONAL else []
        specs = []
        for region in self.regions:
            own = self.site.upcoming_by_region.get(region.id, [])
            url = f"{REGIONS_URL}{region.id}/"
            ics = region_calendar_path(region.id)
            genitive = region.inflect("genitive")
            specs.append(PageSpec(
                src_uri=src_for(url), template="muutostuki/event-list.html", title=f"{genitive} tapahtumat",
                description=f"{genitive} tulevat tapahtumat ja valtakunnalliset tapahtumat.",
                feeds=[("ics", f"Tapahtumakalenteri: {region.short_name}", ics)],
                breadcrumbs=[*BREADCRUMB, (region.short_name, url)],
                context={"heading": f"{genitive} tapahtumat", "region": region,
                         "entry_groups": entry_groups(own), "total": count(own), "listing": "region",
                         "national_entries": national, "national_total": count(national),
                         "past_groups": month_groups(self.past_by_region.get(region.id, [])),
                         "region_ics": ics, "filterable": False,
                         "empty_text": f"Ei tulevia tapahtumia: {region.inflect('locative')} ei ole juuri nyt "
                                       "omia tapahtumia.", **self.common},
            ))
        specs.append(PageSpec(
            src_uri=src_for(REGIONS_URL), template="muutostuki/event-regions.html", title="Tapahtumat alueittain",
            description="Järjestöjen sote-muutostuen tapahtumat hyvinvointialueittain.",
            breadcrumbs=[*BREADCRUMB, ("Alueittain", REGIONS_URL)],
            context={"region_counts": [(r, count(self.site.upcoming_by_region.get(r.id, []))) for r in self.regions],
                     "national_count": count(self.site.national_upcoming), **self.common},
        ))
        return specs

    # -- calendar ------------------------------------------------------------------------
    def calendar_pages(self) -> list[PageSpec]:
        months = self.calendar.all_months()
        specs = []
        for month in months:
            specs.append(PageSpec(
                src_uri=src_for(month.url), template="muutostuki/calendar-month.html",
                title=f"Tapahtumakalenteri: {month.name}",
                description=f"Järjestöjen sote-muutostuen tapahtumat: {month.name}.",
                breadcrumbs=[*BREADCRUMB, ("Kalenteri", CALENDAR_URL), (month.name, month.url)],
                context={"month": month, **self.common},
            ))
        # the index lists months that have events: this month and the coming ones soonest first, then
        # the past ones newest first, by year
        now = (self.calendar.today.year, self.calendar.today.month)
        coming = [m for m in months if m.has_events and (m.year, m.month) >= now]
        past_years: dict[int, list] = defaultdict(list)
        for month in reversed(months):
            if month.has_events and (month.year, month.month) < now:
                past_years[month.year].append(month)
        specs.append(PageSpec(
            src_uri=src_for(CALENDAR_URL), template="muutostuki/calendar-index.html", title="Tapahtumakalenteri",
            description="Järjestöjen sote-muutostuen tapahtumat kuukausittain.",
            breadcrumbs=[*BREADCRUMB, ("Kalenteri", CALENDAR_URL)],
            context={"coming_months": coming, "past_years": list(past_years.items()), **self.common},
        ))
        return specs

    def subscribe_page(self) -> PageSpec:
        return PageSpec(
            src_uri=src_for(SUBSCRIBE_URL), template="muutostuki/calendar-subscribe.html",
            title="Tilaa tapahtumakalenteri",
            description="Tilaa Järjestöjen sote-muutostuen tapahtumat omaan kalenteriisi: koko maa tai oma alue.",
            breadcrumbs=[*BREADCRUMB, ("Tilaa kalenteri", SUBSCRIBE_URL)],
            context={"calendars": calendars(self.ctx), **self.common},
        )

    def all(self) -> list[PageSpec]:
        return [*(self.event_page(e) for e in self.site.events), self.upcoming_page(), *self.past_pages(),
                *self.region_pages(), *self.calendar_pages(), self.subscribe_page()]


def event_pages(ctx) -> list[PageSpec]:
    """The page generator registered in pages/registry.py."""
    return EventPages(ctx).all()

