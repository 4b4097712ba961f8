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
from .bounds import MAX_SITE_CATEGORIES
from .errors import ErrorList, FieldError, did_you_mean
from .event_refs import check_author_organizers, check_home_regions, resolve_event_refs
from .events import Event, Occurrence, build_event
from .fields import id_list
from .frontmatter import SourceFile, read_source
from .html_policy import check_body
from .lint import add_content_warnings
from .organizers import ORGANIZERS_DIR, Organizer, load_organizers
from .places import PLACES_DIR, Place, load_places
from .posts import Post, build_post
from .regions import Region, load_regions, region_id_list, unknown_region_message
from .reading import Prefetch, SourceReader
from .source_store import StoredSources
from .timeutil import as_datetime
from .unsafe_text import shown
from .upcoming import UpcomingEvent, is_upcoming, upcoming_events
from .upcoming import by_region as upcoming_by_region
from .walk import folder_files


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
        # every upcoming occurrence (calendar, .ics) and one entry per upcoming event (lists, counts)
        self.upcoming: list[Occurrence] = [o for o in self.occurrences if is_upcoming(o, self.build_time)]
        self.past: list[Occurrence] = [o for o in reversed(self.occurrences) if not is_upcoming(o, self.build_time)]
        self.upcoming_events: list[UpcomingEvent] = upcoming_events(self.upcoming)
        self.upcoming_by_region, self.national_upcoming = upcoming_by_region(self.upcoming_events, self.regions)
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


def load_site(paths: ContentPaths, build_time: datetime, preview: bool = False, horizon_months: int = 12,
              source_cache: dict | StoredSources | None = None, prefetch: Prefetch | None = None) -> Site:
    """Read and validate all content. Never raises for editors' mistakes: see `site.errors`.

    `source_cache` and `prefetch`: parses kept from an earlier build, and a helper that parses the new
    files meanwhile (reading.py)."""
    reader = SourceReader(ErrorList(), source_cache, prefetch)
    try:
        return _load_site(paths, build_time, preview, horizon_months, reader)
    finally:
        reader.close()


def _load_site(paths: ContentPaths, build_time: datetime, preview: bool, horizon_months: int,
               reader: SourceReader) -> Site:
    errors = reader.errors
    if not _inside_project(paths, errors):
        paths = ContentPaths(root=paths.root, docs_dir=paths.docs_dir)
    authors = load_authors(paths.blog / "authors.yml", paths.shown(paths.blog / "authors.yml"), errors)
    regions = load_regions(paths.docs, paths.root, errors)
    check_docs_pages(paths, errors)

    blog_files = folder_files(paths.blog, paths.root, errors)
    event_files = folder_files(paths.events, paths.root, errors)
    reader.start([(path, paths.shown(path)) for path in [*blog_files.markdown(), *event_files.markdown()]])
    all_posts: list[Post] = []
    failed: list[_Refs] = []  # references of files that failed otherwise: checked all the same
    for path in blog_files.markdown():
        source = reader.read(path, paths.shown(path))
        if source.ok:
            post = build_post(source, authors, errors)
            if post is not None:
                all_posts.append(post)
            else:
                failed.append(_Refs.of(source, has_events=True))
    if not blog_files.markdown() and blog_files.hidden_markdown:
        errors.add(paths.blog_dir, 1, "tiedosto",
                   f"kansiossa on {blog_files.hidden_markdown} Markdown-tiedostoa, mutta kaikki piilotetuissa "
                   "(pisteellä alkavissa) kansioissa tai tiedostoissa, joten yhtään kirjoitusta ei julkaistaisi; "
                   "siirrä kirjoitukset kansioon blog/VVVV/")
    all_events: list[Event] = []
    for path in event_files.markdown():
        source = reader.read(path, paths.shown(path))
        if source.ok:
            event = build_event(source, errors)
            if event is not None:
                all_events.append(event)
            else:
                failed.append(_Refs.of(source, has_events=False))
    all_events = _without_duplicate_ids(all_events, errors)

    broken: set[str] = set()  # files with mistakes: already reported, their ids are not "unknown"
    places = load_places(paths.events / PLACES_DIR, paths.root, errors, broken)
    organizers = load_organizers(paths.events / ORGANIZERS_DIR, paths.root, errors, broken)
    check_home_regions([*places.values(), *organizers.values()], regions, errors)
    resolve_event_refs(all_events, places, organizers, paths.events_dir, errors, broken)
    check_author_organizers({k: a for k, a in authors.items() if a.organizer not in broken}, organizers,
                            paths.shown(paths.blog / "authors.yml"), paths.events_dir, errors)

    event_ids = {e.id for e in all_events}
    for item in [*all_posts, *all_events, *failed]:
        for i, region_id in enumerate(item.regions):
            if region_id not in regions:
                errors.add(item.path, item.lines.get(f"regions.{i}", item.lines.get("regions", 1)), "regions",
                           unknown_region_message(region_id, regions))
    for item in [*all_posts, *failed]:  # events of events are no field
        _check_event_refs(item.path, item.lines, item.events, event_ids, errors)
    _check_category_names(all_posts, errors)

    _report_copies(all_posts, lambda p: p.url, "slug", lambda p: p.lines.get("slug", 1), errors,
                   lambda url, others: f"sama osoite /{url} kuin tiedostolla {others}; anna toiselle oma 'slug: ...'")

    visible = [p for p in all_posts if preview or p.is_public(build_time)]
    visible.sort(key=lambda p: (p.date, p.slug), reverse=True)
    events = [e for e in all_events if preview or not e.draft]
    events.sort(key=lambda e: (as_datetime(e.start), e.id))
    site = Site(paths=paths, build_time=build_time, preview=preview, authors=authors, regions=regions,
                posts=visible, events=events, all_posts=all_posts, all_events=all_events, errors=errors,
                horizon_months=horizon_months, places=places, organizers=organizers)
    add_content_warnings(site)
    return site


@dataclass
class _Refs:
    """The region and event ids of a file that failed for other reasons, so that they are checked
    in the same run (an editor sees every mistake at once, not more after each fix)."""

    path: str
    lines: dict[str, int]
    regions: list[str]
    events: list[str]

    @classmethod
    def of(cls, source: SourceFile, has_events: bool) -> "_Refs":
        return cls(source.path, source.lines, _listed(region_id_list, source.meta.get("regions")),
                   _listed(id_list, source.meta.get("events")) if has_events else [])


def _listed(parse, raw: object) -> list[str]:
    """The ids of one list field; [] when the list itself is wrong (that mistake is listed already)."""
    try:
        return parse(raw) if raw is not None else []
    except FieldError:
        return []


def _check_event_refs(path: str, lines: dict[str, int], ids: list[str], event_ids: set[str],
                      errors: ErrorList) -> None:
    for i, event_id in enumerate(ids):
        if event_id in event_ids:
            continue
        errors.add(path, lines.get(f"events.{i}", lines.get("events", 1)), "events",
                   f"tuntematon tapahtuma '{event_id}'.{did_you_mean(event_id, sorted(event_ids))} "
                   "Tapahtuman tunniste on sen tiedoston nimi kansiossa events/ ilman .md-päätettä")


def _without_duplicate_ids(events: list[Event], errors: ErrorList) -> list[Event]:
    """Two files with one id (events/a/x.md, events/b/x.md) would share one page and one UID: refuse both."""
    shared = _report_copies(events, lambda e: e.id, "tiedosto", lambda e: 1, errors, lambda event_id, others: (
        f"tapahtuman tunniste '{event_id}' (tiedostonimi) on myös tiedostolla {others}; tunnisteen pitää olla "
        "yksilöllinen, joten nimeä toinen tiedosto uudelleen"))
    return [e for e in events if e.id not in shared]


def _report_copies(items: list, key, field_name: str, line, errors: ErrorList, message) -> set:
    """Report every item whose `key` another item shares, naming the others' files; the shared keys."""
    groups: dict[str, list] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    shared = {k for k, same in groups.items() if len(same) > 1}
    for k in shared:
        for item in groups[k]:
            others = ", ".join(other.path for other in groups[k] if other is not item)
            errors.add(item.path, line(item), field_name, message(k, others))
    return shared


def _check_category_names(posts: list[Post], errors: ErrorList) -> None:
    """Two spellings of one category address ('Sote-uudistus', 'sote uudistus') would silently merge."""
    first: dict[str, tuple[str, str, int]] = {}
    for post in sorted(posts, key=lambda p: p.path):
        for i, (name, slug) in enumerate(post.category_slugs):
            line = post.lines.get(f"categories.{i}", post.lines.get("categories", 1))
            if slug not in first and len(first) >= MAX_SITE_CATEGORIES:
                errors.add(post.path, line, "categories",
                           f"sivustolla on jo {MAX_SITE_CATEGORIES} aihetta, eikä uusia aiheita voi lisätä; valitse "
                           "olemassa oleva aihe (ks. Blogi > Aiheet) tai käytä avainsanaa (tags)")
                continue
            seen = first.setdefault(slug, (name, post.path, line))
            if seen[0] != name:
                errors.add(post.path, line, "categories",
                           f"aihe '{name}' saa saman osoitteen kuin aihe '{seen[0]}' ({seen[1]}:{seen[2]}); "
                           f"kirjoita aihe täsmälleen samoin kuin muualla: '{seen[0]}'")


def _inside_project(paths: ContentPaths, errors: ErrorList) -> bool:
    """blog_dir and events_dir of mkdocs.yml may not lead out of the project (`../../home`)."""
    root = paths.root.resolve()
    ok = True
    for option, folder in (("blog_dir", paths.blog), ("events_dir", paths.events)):
        if not folder.resolve().is_relative_to(root):
            errors.add("mkdocs.yml", 1, f"muutostuki.{option}", f"kansio '{shown(str(folder), 80)}' on sivuston "
                       "kansion ulkopuolella; anna kansio sivuston kansion sisältä, esim. blog")
            ok = False
    return ok


def check_docs_pages(paths: ContentPaths, errors: ErrorList) -> None:
    """Hand-written pages: MkDocs would publish a broken front matter as text without a word,
    and follow any symbolic link. Region pages (docs/alueet/) are read by load_regions."""
    regions_dir = paths.docs / "alueet"
    for path in folder_files(paths.docs, paths.root, errors).markdown():
        if path.parent != regions_dir:
            source = read_source(path, paths.shown(path), errors, require_front_matter=False)
            check_body(source.path, source.body, source.body_line, errors)
