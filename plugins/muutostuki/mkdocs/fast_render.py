"""Markdown work MkDocs would repeat for nothing, skipped per page.

Why: MkDocs builds a new Markdown converter for every page (~0.6 ms) even when the page has no
Markdown at all, which is what our listing and calendar pages are (about 600 of them at 1,000
posts). And on `mkdocs serve`, every rebuild converts every post again although the editor saved
one. Both are answered by replacing `render` of one page instance:

- an empty page gets exactly what MkDocs' `Page.render` computes for empty Markdown (Python-Markdown
  returns "" for blank input: no content, no toc, no title, no anchors, no links);
- in preview (`remember=True`), a page whose final Markdown, Markdown settings and set of link
  targets are unchanged gets its earlier result, and the warnings the conversion logged then
  (broken links) are logged again. `mkdocs build` never reads this cache.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from mkdocs.structure import pages as engine_pages
from mkdocs.structure.toc import get_toc

PAGES_LOG = engine_pages.__name__  # where the engine's link checks log while rendering (mkdocs. or properdocs.)


@dataclass
class _Rendered:
    content: str
    toc: object
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None      # target src_uri -> {anchor: link as written}
    records: list[logging.LogRecord] = field(default_factory=list)


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
        self._cache: dict[str, _Rendered] = {}
        self._used: set[str] = set()
        self._files_id: int | None = None
        self._build_fp = ""

    def start_build(self, remember: bool) -> None:
        """Forget entries the previous build did not use (deleted or edited pages)."""
        self.remember = remember
        if not remember:
            self._cache.clear()
        elif self._used:
            self._cache = {k: v for k, v in self._cache.items() if k in self._used}
        self._used = set()
        self._files_id = None

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
        if not self.remember:
            original(config, files)
            return
        key = self._key(page, config, files)
        hit = self._cache.get(key)
        if hit is not None and self._restore(page, hit, files):
            self._used.add(key)
            return
        capture = _Capture()
        logger = logging.getLogger(PAGES_LOG)
        logger.addHandler(capture)
        try:
            original(config, files)
        finally:
            logger.removeHandler(capture)
        links = page.links_to_anchors
        self._cache[key] = _Rendered(
            content=page.content, toc=page.toc, title=page._title_from_render,
            anchors=set(page.present_anchor_ids or ()),
            links=None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
            records=capture.records)
        self._used.add(key)

    @staticmethod
    def _restore(page, hit: _Rendered, files) -> bool:
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
        logger = logging.getLogger(PAGES_LOG)
        for record in hit.records:
            logger.handle(record)
        return True

    def _key(self, page, config, files) -> str:
        if self._files_id != id(files):
            # Relative links resolve against every file's URL; Markdown settings shape the output.
            urls = "\n".join(sorted(f"{f.src_uri} {f.url}" for f in files))
            settings = repr((config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"],
                             config["validation"]))
            self._build_fp = hashlib.sha1(f"{urls}\0{settings}".encode()).hexdigest()
            self._files_id = id(files)
        digest = hashlib.sha1(page.markdown.encode("utf-8")).hexdigest()
        return f"{self._build_fp}:{page.file.src_uri}:{digest}"
