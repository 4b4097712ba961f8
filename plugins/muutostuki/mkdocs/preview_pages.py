"""Reuse a page's HTML when nothing it can show has changed: preview rebuilds and the build cache.

Why: after an editor saves one post, MkDocs renders every template again (about half of a
rebuild at 1,000 posts) although almost every page comes out byte for byte the same. In
`mkdocs serve` the HTML is kept in memory between rebuilds; in `mkdocs build` it is kept in the
persistent build cache (build_cache.py), whose fingerprint adds the code, packages and config.

A page's key is a hash of everything its template can read:
- the build: mkdocs.yml, every template and theme file (by content with the build cache, else by
  name, size and mtime), the URL of every file (navigation, links), the site address and the build
  month (the "Kalenteri" link opens this month; the calendar's months run from it);
- the whole content model, except post and event bodies: every field of every post, event,
  region and author, every other attribute of the site model, the excerpts and descriptions cut
  from the bodies, reading times, and what the build time decides (public, scheduled, upcoming or
  past, registration open);
- the page itself: its URL, title, meta, rendered Markdown, table of contents, which PageSpec made
  it (its address, template and title) and the spec's context, walked: whatever a page generator
  worked out from the build date (today's cell of a calendar month, a series' coming breaks, which
  related events are over) is in it. So the daily build (only the date moved) renders only the pages
  whose data the new date changes.

The one rule templates must keep for this to hold: a page shows other posts' and events'
metadata and excerpts, never their full bodies (feeds do, and they are rewritten every build),
and reads the build time only through the decisions above or its month; a date a generator needs
goes into the spec's context. tests/test_build_cache.py checks warm builds against cold ones for
each kind of change, the next day's build among them.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from markupsafe import Markup
from mkdocs.structure.files import InclusionLevel

from ..content.fingerprint import Fingerprinter, fingerprint
from ..content.timeutil import HELSINKI

CACHED_TEMPLATE = "muutostuki-cached-page.html"  # see templates/; prints the stored HTML
CONTEXT_KEY = "mt_cached_output"
SITE_COVERED = {"all_posts", "all_events", "occurrences", "regions", "authors", "build_time", "preview",
                "horizon_months"}  # in site_fingerprint's own rows
BODY_FIELDS = {"body", "html", "lines", "body_line", "word_count", "words"}  # words: as ~minutes


def _content_fields(item) -> dict:
    return {k: v for k, v in vars(item).items() if k not in BODY_FIELDS}


def site_fingerprint(site, fingerprint=fingerprint) -> str:
    """Everything in the content model a template may show, without post and event bodies."""
    now = site.build_time
    month = site.build_time.astimezone(HELSINKI) if site.build_time.tzinfo else site.build_time
    parts = [repr((site.preview, site.horizon_months, month.year, month.month))]
    for post in site.all_posts:
        parts.append(fingerprint({**_content_fields(post), "~public": post.is_public(now),
                                  "~scheduled": post.is_scheduled(now), "~minutes": post.reading_minutes}))
    for event in site.all_events:
        parts.append(fingerprint({**_content_fields(event), "~registration": event.registration_open(now)}))
    for occ in site.occurrences:
        parts.append(f"{fingerprint(occ)}:{occ.end_dt <= now}")
    for region in site.regions.values():
        parts.append(fingerprint(vars(region)))
    for author in site.authors.values():
        parts.append(fingerprint(author))
    for name in sorted(vars(site)):  # the rest of the model, including whatever is added to it later
        if name not in SITE_COVERED:
            parts.append(f"{name}={fingerprint(getattr(site, name))}")
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()


SPEC_SKIPPED = {"markdown", "on_html"}  # the rendered Markdown is in the key itself; on_html returns nothing


def spec_fields(spec) -> dict | None:
    """Which generator page this is and everything it hands its template (context, breadcrumbs, feeds...)."""
    if spec is None:
        return None
    return {k: v for k, v in vars(spec).items() if k not in SPEC_SKIPPED}


def _theme_fingerprint(theme_dirs: list[str], by_content: bool = False) -> str:
    """Every template file we or the site owner may edit. An installed theme (Material, with its
    ten thousand icons) changes only by reinstalling, which restarts `mkdocs serve` anyway (and
    changes the build cache's fingerprint of installed packages). With the build cache, files are
    read by content: a fresh checkout gives every file a new mtime."""
    rows = []
    for folder in theme_dirs:
        if "site-packages" in Path(folder).parts:
            rows.append(folder if by_content else f"{folder}:{Path(folder).stat().st_mtime_ns}")
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                rows.append(f"{path}:{hashlib.sha1(path.read_bytes()).hexdigest()}" if by_content
                            else f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(rows)


def _planned(files) -> list:
    """The pages that get a key, in the build's order."""
    return [file for file in files.documentation_pages() if file.page is not None and file.page.content is not None]


def _own(fingerprint, file, specs: dict) -> str:
    """The page's own part of its key: what it is and shows besides the model."""
    page = file.page
    own = fingerprint([page.url, page.title, page.meta, hashlib.sha1(page.content.encode()).hexdigest(),
                       [str(item) for item in page.toc], spec_fields(specs.get(file.src_uri))])
    return hashlib.sha1(own.encode("utf-8", "surrogatepass")).hexdigest()


CHILD_SHARE = 0.4  # of the pages' own parts, worked out by parallel_outputs.py's child


def _later_pages(pages: list) -> list:
    """The pages whose own parts parallel_outputs.py's child works out: the last CHILD_SHARE of them, in one
    piece (pages that show one another, such as a calendar's months, come together and share one
    Fingerprinter's memo). Less than half: the child's Fingerprinter starts empty, each page it touches is
    copied into it from the parent (copy on write), and it writes the feeds and calendars afterwards; at
    3,000 posts a half kept the parent waiting 0.2 s for the child's list and 0.3 s for the outputs, 0.4
    about 0.1 s for both."""
    return pages[len(pages) - int(len(pages) * CHILD_SHARE):]


def own_digests(files, specs: dict) -> list[tuple[str, str]]:
    """(src_uri, own part) of the later pages (_later_pages) with a Fingerprinter of their own, so
    they come out the same wherever they are worked out: in a warm build parallel_outputs.py's child does it
    while plan() does the others (about 0.3 s at 3,000 posts); plan() takes them only for the very
    pages, in the very order, it has."""
    fingerprint = Fingerprinter()
    return [(file.src_uri, _own(fingerprint, file, specs)) for file in _later_pages(_planned(files))]


class PreviewPages:
    """One per plugin instance (it outlives `mkdocs serve` rebuilds)."""

    def __init__(self) -> None:
        self.enabled = False
        self.store = None                   # build_cache.BuildCache of this `mkdocs build`, if any
        self._stored: dict[str, str] = {}   # key -> HTML the template produced (preview)
        self._keys: dict[str, str] = {}     # src_uri -> key, for this build
        self.build_key = ""                 # this build's part of every key (plan())
        self._hits: dict[str, str] = {}     # src_uri -> HTML reused in this build ("": in the build cache)
        self._templates: dict[str, str | None] = {}  # src_uri -> its own template (build cache hits)
        self.reused = 0

    def start_build(self, enabled: bool, store=None) -> None:
        self.store = store
        self.enabled = enabled or store is not None
        if not enabled:
            self._stored.clear()
        self._keys, self._hits, self._templates, self.reused = {}, {}, {}, 0
        self.build_key = ""

    def plan(self, config, files, site, specs: dict, helper=None) -> None:
        """After every page is rendered to HTML (on_env): which pages can reuse their output.
        `helper()`: own_digests(files, specs) worked out elsewhere meanwhile, or None (then here)."""
        if not self.enabled:
            return
        config_file = Path(config.config_file_path) if config.config_file_path else None
        fingerprint = Fingerprinter()  # one for the site and its pages: shared objects are described once
        build = "\n".join([
            config_file.read_text(encoding="utf-8") if config_file and config_file.is_file() else "",
            repr(config.site_url), _theme_fingerprint(list(config.theme.dirs), by_content=self.store is not None),
            "\n".join(sorted(f"{f.src_uri} {f.url}" for f in files)), site_fingerprint(site, fingerprint),
            # pages listed in the navigation without a title of their own show their page title there
            "\n".join(f"{f.url} {f.page.title}" for f in files.documentation_pages()
                      if f.page is not None and f.inclusion.is_in_nav())])
        self.build_key = build_key = hashlib.sha1(build.encode("utf-8")).hexdigest()
        pages = _planned(files)
        later = _later_pages(pages)
        own_of = {file.src_uri: _own(fingerprint, file, specs) for file in pages[:len(pages) - len(later)]}
        helped = helper() if helper is not None else None  # the later pages, from parallel_outputs.py's child
        if helped is None or [src for src, _ in helped] != [file.src_uri for file in later]:
            helped = own_digests(files, specs)  # not the same pages in the same order: worked out here
        own_of.update(helped)
        for file in pages:
            page = file.page
            key = hashlib.sha1(f"{build_key}\n{own_of[file.src_uri]}".encode("utf-8")).hexdigest()
            self._keys[file.src_uri] = key
            if self.store is None:
                html = self._stored.get(key)
            else:  # checked now, read again per page in context(): all pages' HTML at once is too much memory
                html = "" if self.store.has("page", key) else None
                self._templates[file.src_uri] = page.meta.get("template")
            if html is not None:
                self._hits[file.src_uri] = html
                page.meta["template"] = CACHED_TEMPLATE
        self.reused = len(self._hits)
        used = set(self._keys.values())
        self._stored = {k: v for k, v in self._stored.items() if k in used}

    def _from_store(self, key: str, count: bool = True) -> str | None:
        data = self.store.get("page", key, count=count)
        try:
            return None if data is None else data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def reuses(self, src_uri: str) -> bool:
        """This page's HTML comes from the previous build or the build cache (plan() found it)."""
        return src_uri in self._hits

    def templates_key(self, files) -> str:
        """What the theme's static templates can show: the build's part of the keys, every page's key (the
        sitemap lists pages, any template may read `pages`) and date of update (the sitemap's lastmod)."""
        rows = [self.build_key]
        rows += [f"{f.src_uri} {self._keys.get(f.src_uri)} {getattr(f.page, 'update_date', None)}"
                 for f in files.documentation_pages(inclusion=InclusionLevel.all)]
        return hashlib.sha1("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def keys(self) -> dict[str, str]:
        """src_uri -> key of every page of this build (see the module docstring)."""
        return self._keys

    def context(self, context: dict, page, env=None) -> None:
        src_uri = page.file.src_uri
        html = self._hits.get(src_uri)
        if html == "" and self.store is not None:
            html = self._from_store(self._keys[src_uri], count=False)  # counted in plan()
            if html is None and env is not None:  # unreadable since plan(): the page's own template, as MkDocs would
                del self._hits[src_uri]
                if self._templates.get(src_uri) is None:
                    page.meta.pop("template", None)
                else:
                    page.meta["template"] = self._templates[src_uri]
                html = env.get_template(page.meta.get("template", "main.html")).render(context)
        if html is not None:
            context[CONTEXT_KEY] = Markup(html)

    def remember(self, output: str, page) -> None:
        """The template's output, before any other plugin's on_post_page changes it."""
        key = self._keys.get(page.file.src_uri)
        if key is None or page.file.src_uri in self._hits:
            return
        if self.store is not None:
            self.store.put("page", key, output.encode("utf-8", "surrogatepass"))
        else:
            self._stored[key] = output
