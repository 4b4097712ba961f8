"""`mkdocs build` on two cores, the second half: a forked worker renders every other page.

Why: rendering the templates is the largest part of a cold build (about 45 % at 1,000 posts), and
MkDocs renders one page after another on one core.

How: at the end of on_env (every page converted, the navigation and the template environment
ready), the process forks. The child renders and writes every second page in MkDocs' order (the
searchable pages first, so both processes finish those at about the same time and the search index
can start while the listings are rendered) with the engine's own `_build_page` (every plugin's
on_page_context and on_post_page run there as usual) and sends back what the parent has to know:
the build cache entries it would have written (`put`), which pages carry `data-pagefind-body`
(`pagefind`), which are written (`done`: the search index waits for the searchable ones) and every
log record (`log`: the parent logs them, so warnings count under --strict). In the parent those
pages are marked excluded for this build, so MkDocs renders only the rest; in on_post_build the
parent waits for the child and renders itself whatever did not arrive. The bytes written are the
same either way: the child renders from a copy of the parent's memory.

Only with the plugins this is known to be right for: a third-party plugin that collects pages in
on_post_page would miss the child's. Off with MUUTOSTUKI_WORKERS=0 (also parallel_markdown.py).
"""
from __future__ import annotations

import json
import logging
import threading

from mkdocs.structure.files import InclusionLevel

from .build_cache import pack
from .forked import engine_step, fork, forward_logs, records, sender, stop
from .kept_output import PAGEFIND_MARK
from .parallel_markdown import wanted

__all__ = ["PAGEFIND_MARK", "RenderWorker", "StoreProxy", "engine_build_page", "start"]

MIN_PAGES = 40  # below this, forking costs more than it saves
KNOWN_PLUGINS = {"muutostuki", "muutostuki-search"}
log = logging.getLogger(__name__)
WAIT_S = 600


class StoreProxy:
    """The build cache as the child sees it: writes go to the parent. Reads are not needed there: the
    child only gets pages the cache does not have (the parent's connection is not the child's to use)."""

    def __init__(self, send) -> None:
        self._send = send

    def put(self, kind: str, key: str, value: bytes, level: int = 1) -> None:
        self._send({"put": [kind, key]}, pack(value, level))  # compressed here, on the child's core

    def get(self, kind: str, key: str, count: bool = True) -> None:
        return None


class RenderWorker:
    """The parent's end: messages read by a thread while the parent renders its own pages."""

    def __init__(self, assigned: dict, read_fd: int, pid: int, on_done=None, on_put=None) -> None:
        self.assigned = assigned  # src_uri -> File
        self._on_done = on_done  # called (in the reader thread) with each src_uri written
        self._on_put = on_put    # likewise with each build cache entry: stored as it comes, not held
        self.done: set[str] = set()
        self.pagefind: set[str] = set()  # src_uris whose HTML carries data-pagefind-body
        self.records: list[tuple[str, int, str]] = []
        self._fd, self._pid = read_fd, pid
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        for meta, data in records(self._fd):
            message = json.loads(meta)
            if "put" in message:
                if self._on_put is not None:
                    self._on_put(*message["put"], data)
            elif "done" in message:
                self.done.add(message["done"])
                if self._on_done is not None:
                    self._on_done(message["done"])
            elif "pagefind" in message:
                self.pagefind.add(message["pagefind"])
            elif "log" in message:
                self.records.append(tuple(message["log"]))

    def finish(self) -> None:
        """Wait for the child (it exits after its last page); then every message has been read. A child
        still running after WAIT_S is stopped: the parent renders what it did not write (`missing`)."""
        self._thread.join(WAIT_S)
        stop(self._pid)
        self._thread.join(5)

    @property
    def missing(self) -> list:
        return [file for src, file in self.assigned.items() if src not in self.done]


def plugins_known(config) -> bool:
    return set(config.plugins) <= KNOWN_PLUGINS


def engine_build_page():
    """MkDocs' (or ProperDocs') own step that renders and writes one page; None if it has none."""
    return engine_step("_build_page")


def start(config, files, nav, env, pages: list, on_child, on_done=None, on_put=None,
          afterwards=None) -> RenderWorker | None:
    """Fork the worker for `pages` (Files, in the order MkDocs would write them); `on_child(send)`
    prepares the plugins in the child; `on_done(src_uri)` hears of each page written there,
    `on_put(kind, key, packed)` of each build cache entry it made (compressed by build_cache.pack);
    `afterwards()` runs in the child once its pages are written (its cache entries are sent too)."""
    if not wanted() or len(pages) < MIN_PAGES:
        return None
    if not plugins_known(config):
        others = ", ".join(sorted(set(config.plugins) - KNOWN_PLUGINS))
        log.info(f"sivut koostetaan yhdellä ytimellä: rinnakkainen koostaminen on käytössä vain muutostuen omien "
                 f"lisäosien kanssa, ja mkdocs.yml:ssä on myös {others}")
        return None
    build_page = engine_build_page()
    if build_page is None:
        return None

    def work(pipe) -> None:  # the child: render, write, report
        send = sender(pipe)
        forward_logs(send)
        on_child(send)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        for file in pages:
            build_page(file.page, config, doc_files, nav, env)
            send({"done": file.src_uri}, b"")
        if afterwards is not None:
            afterwards()
        pipe.flush()

    pid, read_fd = fork(work)
    for file in pages:
        file.inclusion = InclusionLevel.EXCLUDED  # in the parent, for this build only: the child renders them
    return RenderWorker({f.src_uri: f for f in pages}, read_fd, pid, on_done, on_put)
