"""Everything a reader can follow, listed once: feeds (site, per region, per topic, per author; RSS, Atom,
JSON Feed) and calendars (all events, per region, per organiser) with their one-click subscription links.
The "Seuraa" page (seuraa/) shows all of it in plain Finnish; the calendar subscription page reuses the
calendar part. Every address comes from the module that writes the file, so a list and its files agree."""
from __future__ import annotations

from dataclasses import dataclass

from ..feeds.ics import ALL_EVENTS_PATH, CALENDAR_NAME, region_calendar_path
from ..feeds.writer import (ATOM_PATH, JSON_PATH, RSS_PATH, author_feed_path, category_feed_path,
                            region_feed_path)
from .event_links import google_subscribe_url, outlook_subscribe_url, webcal
from .spec import PageSpec, src_for

FOLLOW_URL = "seuraa/"
FORMAT_NAMES = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}


@dataclass(frozen=True)
class Feed:
    """One feed file: `kind` rss / atom / json, `url` absolute."""

    kind: str
    url: str

    @property
    def format_name(self) -> str:
        return FORMAT_NAMES[self.kind]


@dataclass(frozen=True)
class Followable:
    """One thing to follow (the whole site, a region, a topic, an author): its page and its feeds."""

    name: str
    page: str            # site-relative page the feeds belong to
    feeds: tuple[Feed, ...]


@dataclass(frozen=True)
class Calendar:
    """One .ics subscription with the links that open it in a calendar app or service."""

    name: str            # shown to the reader: "Kaikki tapahtumat", "Etelä-Savo"
    calendar_name: str   # the name the calendar gets in the reader's app
    url: str             # absolute https
    page: str = ""       # site-relative page listing the same events

    @property
    def webcal(self) -> str:
        return webcal(self.url)

    @property
    def google(self) -> str:
        return google_subscribe_url(self.url)

    @property
    def outlook(self) -> str:
        return outlook_subscribe_url(self.url, self.calendar_name)


def calendars(ctx) -> dict[str, list[Calendar]]:
    """{"all": [...], "regions": [...], "organizers": [...]} in the order the pages list them."""
    site, absolute = ctx.site, ctx.absolute
    regions = sorted(site.regions.values(), key=lambda r: r.short_name)
    organizers = sorted(getattr(site, "organizers", {}).values(), key=lambda o: (o.short_name or o.name).lower())
    return {
        "all": [Calendar("Kaikki tapahtumat", CALENDAR_NAME, absolute(ALL_EVENTS_PATH), "tapahtumat/")],
        "regions": [Calendar(r.short_name, f"{CALENDAR_NAME} – {r.short_name}", absolute(region_calendar_path(r.id)),
                             f"tapahtumat/alueet/{r.id}/") for r in regions],
        "organizers": [Calendar(o.short_name or o.name, f"{CALENDAR_NAME} – {o.short_name or o.name}",
                                absolute(o.ics_url)) for o in organizers],
    }


def feeds(ctx) -> dict[str, list[Followable]]:
    """{"site": [...], "regions": [...], "topics": [...], "authors": [...]}: every feed the build writes."""
    site, absolute = ctx.site, ctx.absolute
    authors = [(a, site.posts_by_author[a.id]) for a in site.authors.values()
               if site.posts_by_author.get(a.id) and a.page_url]
    return {
        "site": [Followable("Kaikki kirjoitukset", "blogi/", (Feed("rss", absolute(RSS_PATH)),
                                                               Feed("atom", absolute(ATOM_PATH)),
                                                               Feed("json", absolute(JSON_PATH))))],
        "regions": [Followable(r.short_name, r.url, (Feed("rss", absolute(region_feed_path(r.id))),))
                    for r in sorted(site.regions.values(), key=lambda r: r.short_name)],
        "topics": [Followable(c.name, c.url, (Feed("rss", absolute(category_feed_path(c.url))),))
                   for c in sorted(site.categories.values(), key=lambda c: c.name.lower())],
        "authors": [Followable(a.name, a.page_url, (Feed("rss", absolute(author_feed_path(a.page_url))),))
                    for a, _ in sorted(authors, key=lambda item: item[0].name.lower())],
    }


def follow_pages(ctx) -> list[PageSpec]:
    """The page generator registered in pages/registry.py."""
    return [PageSpec(
        src_uri=src_for(FOLLOW_URL), template="muutostuki/follow.html", title="Seuraa",
        description="Seuraa Järjestöjen sote-muutostukea syötteenlukijassa tai kalenterissa: kaikki syötteet ja "
                    "kalenteritilaukset alueittain, aiheittain ja kirjoittajittain.",
        breadcrumbs=[("Etusivu", ""), ("Seuraa", FOLLOW_URL)],
        context={"follow_feeds": feeds(ctx), "follow_calendars": calendars(ctx)},
    )]
