"""Load all content once, check cross-references, and build the indices every page reads.

The pipeline: files -> validated objects -> indices. Listings are computed here once per
build, never by rescanning content per page.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from .authors import Author, load_authors
from .errors import ErrorList, did_you_mean
from .event_refs import check_author_organizers, check_home_regions, resolve_event_refs
from .events import Event, Occurrence, build_event
from .frontmatter import SourceFile, read_source
from .lint import add_content_warnings
from .organizers import ORGANIZERS_DIR, Organizer, load_organizers
from .places import PLACES_DIR, Place, load_places
from .posts import Post, build_post
from .regions import Region, load_regions, unknown_region_message
from .timeutil import as_datetime


@dataclass(frozen=True)
class ContentPaths:
    """Where editors keep content, relative to the project root."""

    root: Path
    blog_dir: str = "blog"
    events_dir: str = "events"
    docs_dir: str = "docs"

    @property
    def blog(self) -> Path:
        return self.root / self.blog_dir

    @property
    def events(self) -> Path:
        return self.root / self.events_dir

    @property
    def docs(self) -> Path:
        return self.root / self.docs_dir

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass
class Category:
    name: str
    slug: str
    posts: list[Post] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"blogi/aiheet/{self.slug}/"


class Tag(Category):
    """A keyword (`tags:` of posts) with its own listing page."""

    @property
    def url(self) -> str:
        return f"blogi/avainsanat/{self.slug}/"


@dataclass
class Site:
    """Everything the pages, feeds and calendars need, computed once per build."""

    paths: ContentPaths
    build_time: datetime
    preview: bool  # mkdocs serve: drafts and scheduled posts are shown, marked
    authors: dict[str, Author]
    regions: dict[str, Region]
    posts: list[Post]            # published (or previewable) posts, newest first
    events: list[Event]          # published events, by start
    all_posts: list[Post]        # every valid post, drafts included (for `check` and `list drafts`)
    all_events: list[Event]
    errors: ErrorList
    horizon_months: int = 12
    places: dict[str, Place] = field(default_factory=dict)          # events/paikat/<id>.yml
    organizers: dict[str, Organizer] = field(default_factory=dict)  # events/jarjestajat/<id>.yml

    def __post_init__(self) -> None:
        self.posts_by_year: dict[int, list[Post]] = defaultdict(list)
        self.categories: dict[str, Category] = {}
        self.posts_by_region: dict[str, list[Post]] = defaultdict(list)
        self.national_posts: list[Post] = []
        self.posts_by_event: dict[str, list[Post]] = defaultdict(list)
        self.tags: dict[str, Tag] = {}
        self.posts_by_author: dict[str, list[Post]] = defaultdict(list)
        for post in self.posts:
            self.posts_by_year[post.year].append(post)
            for name, slug in post.category_slugs:
                self.categories.setdefault(slug, Category(name, slug)).posts.append(post)
            for region_id in post.regions:
                self.posts_by_region[region_id].append(post)
            if not post.regions:
                self.national_posts.append(post)
            for event_id in post.events:
                self.posts_by_event[event_id].append(post)
            for name, slug in post.tag_slugs:
                self.tags.setdefault(slug, Tag(name, slug)).posts.append(post)
            for author in post.authors:
                self.posts_by_author[author.id].append(post)
        self.events_by_id: dict[str, Event] = {e.id: e for e in self.events}
        self.occurrences: list[Occurrence] = sorted(
            (occ for event in self.events for occ in event.occurrences(self.calendar_end)),
            key=lambda o: (o.start_dt, o.event.id))
        self.upcoming: list[Occurrence] = [o for o in self.occurrences if o.end_dt > self.build_time]
        self.past: list[Occurrence] = [o for o in reversed(self.occurrences) if o.end_dt <= self.build_time]
        # Occurrences held at each place (an override's place counts) and by each organiser, soonest first
        self.occurrences_by_place: dict[str, list[Occurrence]] = defaultdict(list)
        self.occurrences_by_organizer: dict[str, list[Occurrence]] = defaultdict(list)
        for occ in self.occurrences:
            if occ.venue is not None and occ.venue.id:
                self.occurrences_by_place[occ.venue.id].append(occ)
            for organizer in occ.event.organizers:
                if organizer.id:
                    self.occurrences_by_organizer[organizer.id].append(occ)
        self.events_by_region: dict[str, list[Event]] = defaultdict(list)
        self.national_events: list[Event] = []
        for event in self.events:
            for region_id in event.regions:
                self.events_by_region[region_id].append(event)
            if not event.regions:
                self.national_events.append(event)

    @property
    def calendar_end(self) -> datetime:
        """Listings and the month calendar reach this far ahead of the build time."""
        return self.build_time + timedelta(days=31 * (self.horizon_months + 1))

    def is_visible(self, post: Post) -> bool:
        return self.preview or post.is_public(self.build_time)


def _content_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md") if not any(part.startswith(".") for part in p.parts))


def _read(path: Path, shown: str, errors: ErrorList, cache: dict | None) -> SourceFile:
    """read_source; with a cache (mkdocs serve rebuilds), files unchanged since are not parsed again."""
    if cache is None:
        return read_source(path, shown, errors)
    try:
        stat = path.stat()
    except OSError:
        return read_source(path, shown, errors)
    key = (shown, stat.st_size, stat.st_mtime_ns)
    if key in cache:
        return cache[key]
    reported = len(errors.items)
    source = read_source(path, shown, errors)
    if source.ok and len(errors.items) == reported:  # files with mistakes are read again, to report again
        cache[key] = source
    return source


def load_site(paths: ContentPaths, build_time: datetime, preview: bool = False, horizon_months: int = 12,
              source_cache: dict | None = None) -> Site:
    """Read and validate all content. Never raises for editors' mistakes: see `site.errors`."""
    errors = ErrorList()
    authors = load_authors(paths.blog / "authors.yml", paths.shown(paths.blog / "authors.yml"), errors)
    regions = load_regions(paths.docs, paths.root, errors)

    all_posts: list[Post] = []
    for path in _content_files(paths.blog):
        source = _read(path, paths.shown(path), errors, source_cache)
        if source.ok:
            post = build_post(source, authors, errors)
            if post is not None:
                all_posts.append(post)
    all_events: list[Event] = []
    for path in _content_files(paths.events):
        source = _read(path, paths.shown(path), errors, source_cache)
        if source.ok:
            event = build_event(source, errors)
            if event is not None:
                all_events.append(event)

    broken: set[str] = set()  # files with mistakes: already reported, their ids are not "unknown"
    places = load_places(paths.events / PLACES_DIR, paths.root, errors, broken)
    organizers = load_organizers(paths.events / ORGANIZERS_DIR, paths.root, errors, broken)
    check_home_regions([*places.values(), *organizers.values()], regions, errors)
    resolve_event_refs(all_events, places, organizers, paths.events_dir, errors, broken)
    check_author_organizers({k: a for k, a in authors.items() if a.organizer not in broken}, organizers,
                            paths.shown(paths.blog / "authors.yml"), paths.events_dir, errors)

    event_ids = {e.id for e in all_events}
    for item in [*all_posts, *all_events]:
        for i, region_id in enumerate(item.regions):
            if region_id not in regions:
                errors.add(item.path, item.lines.get(f"regions.{i}", item.lines.get("regions", 1)), "regions",
                           unknown_region_message(region_id, regions))
    for post in all_posts:
        for i, event_id in enumerate(post.events):
            if event_id not in event_ids:
                errors.add(post.path, post.lines.get(f"events.{i}", post.lines.get("events", 1)), "events",
                           f"tuntematon tapahtuma '{event_id}'.{did_you_mean(event_id, sorted(event_ids))} "
                           "Tapahtuman tunniste on sen tiedoston nimi kansiossa events/ ilman .md-päätettä")

    by_url: dict[str, list[Post]] = defaultdict(list)
    for post in all_posts:
        by_url[post.url].append(post)
    for url, same in by_url.items():
        if len(same) > 1:
            for post in same:
                others = ", ".join(p.path for p in same if p is not post)
                errors.add(post.path, post.lines.get("slug", 1), "slug",
                           f"sama osoite /{url} kuin tiedostolla {others}; anna toiselle oma 'slug: ...'")

    visible = [p for p in all_posts if preview or p.is_public(build_time)]
    visible.sort(key=lambda p: (p.date, p.slug), reverse=True)
    events = [e for e in all_events if preview or not e.draft]
    events.sort(key=lambda e: (as_datetime(e.start), e.id))
    site = Site(paths=paths, build_time=build_time, preview=preview, authors=authors, regions=regions,
                posts=visible, events=events, all_posts=all_posts, all_events=all_events, errors=errors,
                horizon_months=horizon_months, places=places, organizers=organizers)
    add_content_warnings(site)
    return site
