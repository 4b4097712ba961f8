"""The `muutostuki-search` MkDocs plugin: builds the Pagefind index after everything else is written.

Material's own lunr search stays off (one big index every reader downloads in full); this index is split
into chunks that a query fetches on demand. It also runs on `mkdocs serve` rebuilds, into the served
directory, so search works in the live preview too (there it also finds drafts, which are marked); there it
runs beside the reload, so the saved page shows without waiting for the index.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files

from .background import Background
from .engine import attach_package_log
from ..search.index import DEFAULT_PART_MB, IndexRun, SearchIndexError, plan_parts
from ..search.vocabulary import VOCABULARY_PATH, Vocabulary, site_texts

attach_package_log()  # our log under the engine's plugin log, see engine.py
log = logging.getLogger(__name__)


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)
    # Estimated peak memory of one Pagefind run: a larger site is indexed in parts (search/index.py).
    part_memory_mb = c.Type(int, default=DEFAULT_PART_MB)


class PartsWritten:
    """Which parts of the index have all their pages on disk (mkdocs build): Pagefind indexes a part as
    soon as its own pages are written, not after the last searchable page (at 3,000 posts the index is in
    three parts, and the last one used to finish seconds after the pages)."""

    def __init__(self, parts: list[list[str]], src_of: dict[str, str], unwritten: set[str]) -> None:
        self.parts = parts
        self._part_of = {src_of[dest]: n for n, part in enumerate(parts) for dest in part if dest in src_of}
        self._pending = [0] * len(parts)
        for src, n in self._part_of.items():
            if src in unwritten:
                self._pending[n] += 1
            else:
                self._part_of[src] = -1  # written already
        self._lock = threading.Lock()
        self.events = [threading.Event() for _ in parts]
        for n, left in enumerate(self._pending):
            if not left:
                self.events[n].set()

    def written(self, src_uri: str) -> None:
        with self._lock:
            n = self._part_of.get(src_uri, -1)
            if n < 0:
                return
            self._part_of[src_uri] = -1
            self._pending[n] -= 1
            if not self._pending[n]:
                self.events[n].set()

    def all_written(self) -> None:
        for event in self.events:
            event.set()


class MuutostukiSearchPlugin(BasePlugin[SearchConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self._indexing = Background()
        self._previewed: IndexRun | None = None  # the preview's index, written after the reload
        self._pagefind: IndexRun | None = None  # the running index, until on_post_build has waited for it
        self._started = 0.0
        self._searchable: dict[str, int] | None = None  # HTML path of each searchable page: its Markdown bytes
        self._unwritten: set[str] | None = None  # searchable pages not yet written (mkdocs build)
        # Pages outside that list whose HTML turned out searchable (e.g. a site's own template); kept
        # across `mkdocs serve` rebuilds, which do not render unchanged pages again.
        self._extra: dict[str, int] = {}
        self._late: list[str] = []  # those of them written after Pagefind started: index again
        self._searchable_src: set[str] | None = None  # src_uris of the searchable pages (None: every page)
        self._vocabulary = Vocabulary()  # words of the searchable pages, for "did you mean" (search/vocabulary.py)
        self._kept_seen = False  # this build's pages kept on disk (mkdocs/kept_output.py) are accounted for
        self._src_of: dict[str, str] = {}  # dest_uri -> src_uri of the pages
        self._parts_written: PartsWritten | None = None  # mkdocs build: the index starts part by part
        self._written_lock = threading.Lock()  # the render worker's pages are noted from another thread
        self._last_rendered: str | None = None  # MkDocs writes it after its on_post_page

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Also keeps this instance (and its indexing thread) across `mkdocs serve` rebuilds.
        self.command = command

    def on_pre_build(self, *, config) -> None:
        self._drop_preview_index()

    def on_shutdown(self) -> None:
        self._drop_preview_index()

    def _drop_preview_index(self) -> None:
        """A new save makes the previous preview's index out of date: stop it rather than wait for it,
        and have it gone before the next build cleans the folder."""
        if self._previewed is not None:
            self._previewed.stop()
            self._previewed = None
        self._indexing.wait()

    def on_config(self, config):
        if self.config.part_memory_mb < 1:
            raise PluginError(f"mkdocs.yml: muutostuki-search: part_memory_mb: {self.config.part_memory_mb} ei käy; "
                              f"anna yhden Pagefind-ajon muistiarvio megatavuina, esim. {DEFAULT_PART_MB}")
        if "material/search" in config.plugins or "search" in config.plugins:
            log.warning("Materialin oma haku (search) on päällä muutostuki-searchin rinnalla: poista se "
                        "mkdocs.yml:n plugins-listasta, muuten lukijat lataavat kaksi hakuhakemistoa")
        return config

    # Pagefind reads the written pages. The muutostuki plugin names the searchable ones and has MkDocs
    # write them first, here ordered part by part of the index; once a part's pages are on disk, Pagefind
    # indexes it on the other core while MkDocs writes the next part's pages, the listings and calendars,
    # and the feeds. Without that list (or under `mkdocs serve`) it starts when every page is written
    # (on_post_build).
    @event_priority(-10)  # after the muutostuki plugin has listed and ordered the pages
    def on_files(self, files, *, config):
        owner = config.plugins.get("muutostuki")
        searchable = getattr(owner, "searchable_pages", None)
        self._searchable = None if searchable is None else {
            file.dest_uri: _markdown_bytes(file) for file in map(files.get_file_from_path, searchable) if file}
        self._unwritten = set(searchable) if searchable is not None and self.command == "build" else None
        if self._extra:
            present = {file.dest_uri for file in files}
            self._extra = {dest: size for dest, size in self._extra.items() if dest in present}
        self._late = []
        self._vocabulary = Vocabulary()
        self._searchable_src = set(searchable) if searchable is not None else None
        self._kept_seen = False
        self._parts_written = None
        self._src_of = {f.dest_uri: f.src_uri for f in files.documentation_pages()}
        if self._unwritten is not None:
            # MkDocs writes in this order: the searchable pages part by part (the rest as it was), so the
            # first part can be indexed while the others are written
            part_of = {dest: n for n, part in enumerate(self._plan()) for dest in part}
            files = Files(sorted(files, key=lambda f: part_of.get(f.dest_uri, len(part_of))))
        return files

    def _plan(self) -> list[list[str]]:
        return plan_parts({**self._searchable, **self._extra}, self.config.part_memory_mb)

    def on_page_markdown(self, markdown, *, page, config, files):
        if self._searchable_src is None or page.file.src_uri in self._searchable_src:
            self._vocabulary.add(markdown)
            self._vocabulary.add(page.title)
        return markdown

    def on_page_context(self, context, *, page, config, nav):
        kept = getattr(config.plugins.get("muutostuki"), "kept_output", None)
        if kept is not None and kept.kept and not self._kept_seen:  # pages left on disk: written already
            self._kept_seen = True
            if self._unwritten is not None:
                self._unwritten -= kept.kept
            for file in kept.kept_searchable.values():
                self.note_rendered_elsewhere(file)
        # The previous page is written by now (MkDocs writes a page after its on_post_page).
        self._note_last_written()
        if self._unwritten is not None and self._pagefind is None and self.config.enabled:
            if self._parts_written is None:
                with self._written_lock:
                    self._parts_written = PartsWritten(self._plan(), self._src_of, self._unwritten)
            if self._parts_written.events[0].is_set():
                self._start(config, self._parts_written)
        return context

    def on_post_page(self, output, *, page, config):
        if self._unwritten is not None:
            self._unwritten.discard(page.file.src_uri)
            self._last_rendered = page.file.src_uri  # on disk once the next page starts (or the build ends)
        dest = page.file.dest_uri
        if self._searchable is not None and dest not in self._searchable:
            if "data-pagefind-body" not in output:
                self._extra.pop(dest, None)
            elif dest not in self._extra:
                self._extra[dest] = _markdown_bytes(page.file)
                if self._pagefind is not None:
                    self._late.append(page.file.src_uri)
        return output

    def in_render_worker(self) -> None:
        """In mkdocs/parallel_render.py's child: the index is the parent's business."""
        self._unwritten = None
        self._searchable = None
        self.config.enabled = False

    def _note_last_written(self) -> None:
        if self._last_rendered is not None and self._parts_written is not None:
            self._parts_written.written(self._last_rendered)
        self._last_rendered = None

    def note_written_elsewhere(self, src_uri: str) -> None:
        """The render worker wrote this page (called from its reader thread; a set's discard is atomic)."""
        if self._unwritten is not None:
            with self._written_lock:
                self._unwritten.discard(src_uri)
                if self._parts_written is not None:
                    self._parts_written.written(src_uri)

    def note_rendered_elsewhere(self, file) -> None:
        """A page this process did not write (kept on disk, or the render worker's) whose HTML Pagefind
        reads (see on_post_page)."""
        if self._searchable is not None and file.dest_uri not in self._searchable and file.dest_uri not in self._extra:
            self._extra[file.dest_uri] = _markdown_bytes(file)
            if self._pagefind is not None:
                self._late.append(file.src_uri)

    def _start(self, config, parts_written: PartsWritten | None = None) -> None:
        """Pagefind, in a thread: every part at once, or each part once `parts_written` says its pages are."""
        if not self.config.enabled:
            return
        self._started = time.perf_counter()
        # Without the muutostuki plugin's list, every HTML file is offered to Pagefind in one part.
        if parts_written is not None:
            parts = parts_written.parts
        else:
            parts = None if self._searchable is None else self._plan()
        owner = config.plugins.get("muutostuki")
        cache = getattr(owner, "build_cache", None)  # mkdocs build: reuse parts
        self._pagefind = IndexRun(Path(config.site_dir), parts, cache=cache,
                                  kept=getattr(owner, "kept_output", None) if cache is not None else None,
                                  ready=parts_written.events if parts_written is not None else None)

    @event_priority(100)
    def _start_index(self, *, config) -> None:
        self._write_vocabulary(config)
        self._note_last_written()
        if self._parts_written is not None:
            self._parts_written.all_written()  # every page is written by now (a page MkDocs skipped included)
        if self._pagefind is not None and self._late:
            log.info(f"hakuhakemisto luodaan uudelleen: {', '.join(self._late[:5])} valmistui vasta "
                     "haun käynnistyttyä")
            self._stop()
        if self._pagefind is None:
            self._start(config)

    @event_priority(-100)
    def _finish_index(self, *, config) -> None:
        run, self._pagefind = self._pagefind, None
        if run is None:
            return
        if self.command == "serve":
            # Preview: the saved page reloads now; its search index follows a moment later.
            self._previewed = run
            self._indexing.start(self._index, run, self._started, False)
            return
        self._index(run, self._started, True)

    on_post_build = CombinedEvent(_start_index, _finish_index)

    def _write_vocabulary(self, config) -> None:
        owner = config.plugins.get("muutostuki")
        site = getattr(getattr(owner, "ctx", None), "site", None)
        if site is not None:
            self._vocabulary.add_all(site_texts(site))
        target = Path(config.site_dir) / VOCABULARY_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self._vocabulary.to_json())

    def on_build_error(self, *, error) -> None:
        self._stop()  # another plugin failed after Pagefind started

    def _stop(self) -> None:
        if self._pagefind is not None:
            self._pagefind.stop()
            self._pagefind = None

    def _index(self, run: IndexRun, started: float, fail: bool) -> None:
        try:
            summary = run.finish()
            if run.stopped:
                return  # replaced by a newer preview's index
        except SearchIndexError as exc:
            if fail:
                raise PluginError(str(exc)) from None
            log.error(str(exc))
            return
        log.info(f"{summary} ({time.perf_counter() - started:.1f} s)")


def _markdown_bytes(file) -> int:
    """Size of a page's source: with the page count, what Pagefind's memory for it grows with."""
    try:
        return os.path.getsize(file.abs_src_path)
    except (OSError, TypeError):
        content = getattr(file, "content_string", "") if file.generated_by else ""
        return len(content.encode("utf-8"))
