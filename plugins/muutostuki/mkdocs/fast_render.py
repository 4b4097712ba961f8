"""Markdown work MkDocs would repeat for nothing, skipped per page.

Why: MkDocs builds a new Markdown converter for every page (~0.6 ms) even when the page has no
Markdown at all, which is what our listing and calendar pages are (about 600 of them at 1,000
posts). And every build converts every post again although at most a few changed. Both are answered
by replacing `render` of one page instance:

- an empty page gets exactly what MkDocs' `Page.render` computes for empty Markdown (Python-Markdown
  returns "" for blank input: no content, no toc, no title, no anchors, no links);
- in preview (`remember=True`) and with the build cache (build_cache.py), a page whose final
  Markdown, address and Markdown settings are unchanged gets its earlier result, provided every link
  target the conversion looked up (`files.get_file_from_path`) resolves as it did then; the warnings
  the conversion logged then (broken links) are logged again.
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field

from mkdocs.structure import pages as engine_pages
from mkdocs.structure.toc import get_toc

log = logging.getLogger(__name__)
PAGES_LOG = engine_pages.__name__  # where the engine's link checks log while rendering (mkdocs. or properdocs.)


@dataclass
class _Rendered:
    content: str
    toc: object
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None      # target src_uri -> {anchor: link as written}
    records: list[tuple[str, int, str]] = field(default_factory=list)  # logger, level, message
    lookups: dict[str, list | None] = field(default_factory=dict)  # path looked up -> [url, excluded] or None

    def to_bytes(self) -> bytes:
        return json.dumps({"content": self.content, "toc": _toc_rows(self.toc), "title": self.title,
                           "anchors": sorted(self.anchors), "links": self.links, "records": self.records,
                           "lookups": self.lookups}, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> "_Rendered | None":
        try:
            d = json.loads(data)
            return cls(content=d["content"], toc=get_toc(d["toc"]), title=d["title"],
                       anchors=set(d["anchors"]), links=d["links"], records=[tuple(r) for r in d["records"]],
                       lookups=d["lookups"])
        except (ValueError, KeyError, TypeError):
            return None


def _toc_rows(items) -> list[dict]:
    """A table of contents as the toc extension's tokens, from which get_toc builds it again."""
    return [{"name": item.title, "id": item.id, "level": item.level, "children": _toc_rows(item.children)}
            for item in items]


def _lookup(file) -> list | None:
    return None if file is None else [file.url, file.inclusion.is_excluded()]


class _RecordingFiles:
    """The site's files as a conversion sees them, noting which paths it looked up."""

    def __init__(self, files) -> None:
        self._files = files
        self.lookups: dict[str, list | None] = {}

    def get_file_from_path(self, path: str):
        file = self._files.get_file_from_path(path)
        self.lookups[path] = _lookup(file)
        return file

    def __getattr__(self, name):
        return getattr(self._files, name)

    def __iter__(self):
        return iter(self._files)

    def __len__(self):
        return len(self._files)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class FastRender:
    """One per plugin instance: it outlives `mkdocs serve` rebuilds, and so does its cache."""

    def __init__(self) -> None:
        self.remember = False
        self.store = None  # build_cache.BuildCache of this build, if any
        self.worker = None  # parallel_markdown.MarkdownWorker converting later pages meanwhile, if any
        self._emit = None  # in that worker: where each result goes
        self.from_worker = 0  # pages of this build converted by the worker
        self._cache: dict[str, _Rendered] = {}
        self._used: set[str] = set()
        self._settings: tuple[int, str] | None = None

    def start_build(self, remember: bool, store=None) -> None:
        """Forget entries the previous build did not use (deleted or edited pages)."""
        self.remember = remember
        self.store = store
        if not remember:
            self._cache.clear()
        elif self._used:
            self._cache = {k: v for k, v in self._cache.items() if k in self._used}
        self._used = set()
        self._settings = None

    def start_worker(self, emit) -> None:
        """In the forked worker (parallel_markdown.py): convert every page and send the result on."""
        self.remember, self.store, self.worker, self._emit = False, None, None, emit

    def stop_worker(self) -> None:
        """Every page is converted (on_env): the worker has nothing left to do."""
        if self.worker is not None:
            self.worker.close()
            self.worker = None
            log.info(f"markdown: {self.from_worker} sivua muunnettu rinnakkaisessa prosessissa")
        self.from_worker = 0

    def attach(self, page) -> None:
        """Route this page's `render(config, files)` through us (called from on_page_markdown)."""
        original = page.render

        def render(config, files) -> None:
            self._render(page, original, config, files)
        page.render = render

    def _render(self, page, original, config, files) -> None:
        if page.markdown is not None and not page.markdown.strip():
            page.content, page.toc, page._title_from_render = "", get_toc([]), None
            page.present_anchor_ids = set()
            if logging.getLogger(PAGES_LOG).getEffectiveLevel() > logging.DEBUG:
                page.links_to_anchors = {}
            return
        if not (self.remember or self.store is not None or self.worker is not None or self._emit):
            original(config, files)
            return
        key = self._key(page, config)
        hit = self._cache.get(key)
        data = None
        if hit is None and self.store is not None:
            data = self.store.get("markdown", key)
            hit = _Rendered.from_bytes(data) if data is not None else None
        if hit is None and self.worker is not None:
            done = self.worker.take(page.file.src_uri)
            if done is not None and done[0] == key:  # the worker saw the same Markdown, address, settings
                data = done[1]
                hit = _Rendered.from_bytes(data)
                self.from_worker += hit is not None
                if hit is not None and self.store is not None:
                    self.store.put("markdown", key, data)
        if hit is not None and self._restore(page, hit, files):
            self._used.add(key)
            if self.remember:
                self._cache[key] = hit
            return
        capture = _Capture()
        logger = logging.getLogger(PAGES_LOG)
        logger.addHandler(capture)
        recording = _RecordingFiles(files)
        try:
            original(config, recording)
        finally:
            logger.removeHandler(capture)
        links = page.links_to_anchors
        rendered = _Rendered(
            content=page.content, toc=page.toc, title=page._title_from_render,
            anchors=set(page.present_anchor_ids or ()),
            links=None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
            records=[(r.name, r.levelno, r.getMessage()) for r in capture.records], lookups=recording.lookups)
        self._used.add(key)
        if self.remember:
            self._cache[key] = rendered
        if self.store is not None or self._emit is not None:
            data = rendered.to_bytes()
            if self.store is not None:
                self.store.put("markdown", key, data)
            if self._emit is not None:
                self._emit(page.file.src_uri, key, data)

    @staticmethod
    def _restore(page, hit: _Rendered, files) -> bool:
        for path, seen in hit.lookups.items():
            if _lookup(files.get_file_from_path(path)) != seen:
                return False  # a link target was added, removed, moved or excluded since
        links = None
        if hit.links is not None:
            links = {}
            for src_uri, anchors in hit.links.items():
                target = files.get_file_from_path(src_uri)
                if target is None:
                    return False
                links[target] = dict(anchors)
        page.content, page.toc, page._title_from_render = hit.content, hit.toc, hit.title
        page.present_anchor_ids = set(hit.anchors)
        if links is not None:
            page.links_to_anchors = links
        for name, level, message in hit.records:
            logging.getLogger(name).log(level, message)
        return True

    def _key(self, page, config) -> str:
        if self._settings is None or self._settings[0] != id(config):
            # Markdown settings shape the output; link checks log by the validation levels.
            settings = repr((config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"],
                             config["validation"]))
            self._settings = (id(config), hashlib.sha1(settings.encode()).hexdigest())
        file = page.file
        own = f"{self._settings[1]}\0{file.src_uri}\0{file.url}\0{file.inclusion.is_excluded()}\0"
        return hashlib.sha1(own.encode() + page.markdown.encode("utf-8", "surrogatepass")).hexdigest()
