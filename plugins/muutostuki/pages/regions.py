"""Region pages: /alueet/ (map and list), /alueet/<id>/ and each region's paginated posts.

A region page is the editors' docs/alueet/<id>.md decorated by the engine with the region's
organisations, events, posts and subscriptions (or, without that file, drawn from the registry).
What each region holds is computed once here from the Site's indices, never per page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import regionmap
from ..content.events import Occurrence
from ..content.organizers import Organizer
from ..content.upcoming import UpcomingEvent, first_per_event, is_upcoming
from ..content.upcoming import count as count_upcoming
from ..content.posts import Post
from ..content.regions import Region
from ..content.site import Site
from .blog import listing_pages
from .spec import PageSpec, src_for

REGIONS_URL = "alueet/"
LATEST_POSTS = 5
UPCOMING_EVENTS = 10
NATIONAL_ITEMS = 3
_FI_ORDER = str.maketrans({"å": "z{", "ä": "z|", "ö": "z}", "Å": "z{", "Ä": "z|", "Ö": "z}"})


def fi_sort_key(text: str) -> str:
    """Finnish alphabetical order: å, ä, ö come after z."""
    return text.lower().translate(_FI_ORDER)


def count_fi(n: int, one: str, many: str) -> str:
    """'1 kirjoitus', '3 kirjoitusta'."""
    return f"{n} {one if n == 1 else many}"


def webcal(url: str) -> str:
    """The same calendar as a subscription link calendar apps open directly."""
    return "webcal://" + url.split("://", 1)[-1]


def organizers_by_region(site: Site) -> dict[str, list[tuple[Organizer, list[Occurrence]]]]:
    """Each region's organisers (by their home region) with their next upcoming events, once per build."""
    result: dict[str, list[tuple[Organizer, list[Occurrence]]]] = {}
    for organizer in sorted(site.organizers.values(), key=lambda o: fi_sort_key(o.name)):
        if organizer.region:
            upcoming = [o for o in site.occurrences_by_organizer.get(organizer.id, []) if is_upcoming(o, site.build_time)]
            result.setdefault(organizer.region, []).append((organizer, first_per_event(upcoming)))
    return result


@dataclass
class RegionContent:
    """One region with what it holds in this build."""

    region: Region
    upcoming: list[UpcomingEvent] = field(default_factory=list)  # one entry per upcoming event (content/upcoming.py)
    posts: list[Post] = field(default_factory=list)             # newest first

    @property
    def events_count(self) -> int:
        return count_upcoming(self.upcoming)

    @property
    def events_label(self) -> str:
        return count_fi(self.events_count, "tuleva tapahtuma", "tulevaa tapahtumaa")

    @property
    def posts_label(self) -> str:
        return count_fi(len(self.posts), "kirjoitus", "kirjoitusta")


def region_contents(site: Site) -> dict[str, RegionContent]:
    """Every region's upcoming events and posts, from the Site's indices."""
    return {rid: RegionContent(region, upcoming=list(site.upcoming_by_region.get(rid, [])),
                               posts=list(site.posts_by_region.get(rid, [])))
            for rid, region in site.regions.items()}


def map_links(contents: dict[str, RegionContent], base_path: str) -> dict[str, regionmap.MapLink]:
    return {rid: regionmap.MapLink(href=f"{base_path}{c.region.url}", name=c.region.display_name,
                                   label=c.region.short_name,
                                   title=f"{c.region.display_name}: {c.events_label}, {c.posts_label}")
            for rid, c in contents.items()}


def region_page(content: RegionContent, site: Site, site_url: str, national: list[UpcomingEvent],
                neighbours: list[Region], organizers: dict | None = None) -> PageSpec:
    organizers = organizers or {}
    region = content.region
    has_file = bool(region.source_path)
    ics_absolute = site_url + region.ics_url
    return PageSpec(
        src_uri=f"{REGIONS_URL}{region.id}.md", template="muutostuki/region.html", title=region.display_name,
        markdown=None if has_file else "",
        description=region.summary or f"{region.display_name}: alueen järjestöverkostot, tapahtumat ja kirjoitukset.",
        searchable=True,
        feeds=[("rss", f"{region.genitive} kirjoitukset", region.feed_url),
               ("ics", f"{region.genitive} tapahtumat", region.ics_url)],
        breadcrumbs=[("Etusivu", ""), ("Alueet", REGIONS_URL)],
        jsonld=[{"@context": "https://schema.org", "@type": "AdministrativeArea", "name": region.name,
                 "alternateName": [n for n in (region.brand, region.name_sv) if n],
                 "url": site_url + region.url}],
        context={
            "region": region, "content": content, "neighbours": neighbours,
            "upcoming": content.upcoming[:UPCOMING_EVENTS], "latest_posts": content.posts[:LATEST_POSTS],
            "national_upcoming": national[:NATIONAL_ITEMS], "national_posts": site.national_posts[:NATIONAL_ITEMS],
            "webcal_url": webcal(ics_absolute), "region_organizers": organizers.get(region.id, []),
        },
    )


def overview_page(contents: dict[str, RegionContent], site: Site, base_path: str, has_file: bool) -> PageSpec:
    links = map_links(contents, base_path)
    rows = sorted(contents.values(), key=lambda c: fi_sort_key(c.region.short_name))
    return PageSpec(
        src_uri=src_for(REGIONS_URL), template="muutostuki/regions.html", title="Alueet",
        markdown=None if has_file else (
            "Järjestöjen sote-muutostuki toimii kaikilla 21 hyvinvointialueella ja Helsingissä. "
            "Valitse oma alueesi kartalta tai luettelosta: alueen sivulla ovat sen verkostojärjestöt, "
            "yhteyshenkilöt, tapahtumat ja kirjoitukset."),
        description="Hyvinvointialueet ja Helsinki kartalla ja luettelona: alueiden tapahtumat ja kirjoitukset.",
        breadcrumbs=[("Etusivu", "")],
        context={
            "rows": rows,
            "map_main": regionmap.render_main(links, labelledby="mt-kartta-otsikko"),
            "map_inset": regionmap.render_inset(links, labelledby="mt-kartta-suurennos"),
            "map_attribution": regionmap.ATTRIBUTION, "map_license_url": regionmap.LICENSE_URL,
            "national_events_count": count_upcoming(site.national_upcoming), "national_posts_count": len(site.national_posts),
        },
    )


def region_pages(site: Site, per_page: int, base_path: str, site_url: str) -> list[PageSpec]:
    contents = region_contents(site)
    national = site.national_upcoming
    geo_neighbours = regionmap.geometry().neighbours
    by_organizer_region = organizers_by_region(site)
    specs = [overview_page(contents, site, base_path, (site.paths.docs / REGIONS_URL / "index.md").is_file())]
    for rid, content in contents.items():
        region = content.region
        neighbour_ids = region.neighbours or geo_neighbours.get(rid, [])
        neighbours = sorted((site.regions[n] for n in neighbour_ids if n in site.regions),
                            key=lambda r: fi_sort_key(r.short_name))
        specs.append(region_page(content, site, site_url, national, neighbours, by_organizer_region))
        listing = listing_pages(content.posts, region.blog_url, f"{region.genitive} kirjoitukset", per_page,
                                intro=f"Kirjoitukset, jotka koskevat järjestöjä ja hyvinvointialuetta "
                                      f"{region.locative}.",
                                feeds=[("rss", f"{region.genitive} kirjoitukset", region.feed_url)])
        for spec in listing:
            spec.breadcrumbs = [("Etusivu", ""), ("Alueet", REGIONS_URL), (region.short_name, region.url)]
        specs += listing
    return specs


def region_generator(ctx) -> list[PageSpec]:
    """The entry in pages/registry.py: takes the BuildContext."""
    return region_pages(ctx.site, ctx.options.posts_per_page, ctx.base_path, ctx.site_url)
