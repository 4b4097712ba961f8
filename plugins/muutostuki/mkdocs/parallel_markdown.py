"""`mkdocs build` on two cores: a forked worker converts the Markdown of the later half of the pages.

Why: converting the Markdown of posts and events is about 40 % of a cold build, and MkDocs does it
one page after another on one core while the other one idles (Pagefind only starts once the pages
are written). Right after the navigation is built (on_nav), the process forks. The child runs the
engine's own page population (`_populate_page`: every plugin's page hooks, then the conversion) for
the pages at the end of the build order, about half of the Markdown by size, and sends each result
(fast_render's record of it: HTML, table of contents, title, anchors, the link targets it looked up,
the warnings it logged) back through a pipe; its own output goes nowhere. The parent populates the
first pages meanwhile; when it reaches a page of the child's, it takes the child's result if the
page's key (its final Markdown, address, settings) is the one the child saw and every link target
still resolves the same (fast_render.py checks both), and logs the page's warnings. If the child
fails or is slow, the parent converts the page itself: the result is the same either way.

Off with MUUTOSTUKI_WORKERS=0; only where fork exists and with at least two cores.
"""
from __future__ import annotations

import os
import struct
import threading

from .forked import engine_step, fork

ENV = "MUUTOSTUKI_WORKERS"
MIN_PAGES = 40       # below this, forking costs more than it saves
CHILD_SHARE = 0.5    # of the Markdown bytes, taken from the end of the build order
WAIT_S = 300         # the longest the parent waits for one page before converting it itself
HEADER = struct.Struct(">II")  # length of the page's address and key, length of the result


def wanted() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and os.environ.get(ENV, "").strip() != "0"


class MarkdownWorker:
    """The parent's end: results by src_uri, filled by a reader thread while the parent works."""

    def __init__(self, assigned: set[str], read_fd: int, pid: int) -> None:
        self.assigned = assigned
        self._fd = read_fd
        self._pid = pid
        self._results: dict[str, tuple[str, bytes]] = {}
        self._done = False
        self._ready = threading.Condition()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            with os.fdopen(self._fd, "rb") as pipe:
                while True:
                    head = pipe.read(HEADER.size)
                    if len(head) < HEADER.size:
                        break
                    name_len, data_len = HEADER.unpack(head)
                    name = pipe.read(name_len).decode("utf-8", "surrogatepass")
                    data = pipe.read(data_len)
                    if len(data) < data_len:
                        break
                    src_uri, _, key = name.partition("\0")
                    with self._ready:
                        self._results[src_uri] = (key, data)
                        self._ready.notify_all()
        finally:
            with self._ready:
                self._done = True
                self._ready.notify_all()

    def take(self, src_uri: str) -> tuple[str, bytes] | None:
        """The child's (key, result) for this page; None if it is not the child's or never came."""
        if src_uri not in self.assigned:
            return None
        with self._ready:
            self._ready.wait_for(lambda: src_uri in self._results or self._done, timeout=WAIT_S)
            return self._results.pop(src_uri, None)

    def close(self) -> None:
        """Reap the child (it has finished once the parent took its last page, or it is stopped)."""
        try:
            os.kill(self._pid, 9) if not self._done else None
        except OSError:
            pass
        try:
            os.waitpid(self._pid, 0)
        except OSError:
            pass
        self._thread.join(timeout=5)


def _split(pages: list) -> list:
    """The pages at the end of the build order holding about CHILD_SHARE of the Markdown bytes."""
    sizes = [size for _, size in pages]
    target, total, start = sum(sizes) * CHILD_SHARE, 0, len(pages)
    while start > 0 and total < target:
        start -= 1
        total += sizes[start]
    return [file for file, _ in pages[start:]]


def start(config, files, inclusion, markdown_of, fast_render) -> MarkdownWorker | None:
    """Fork the worker for the later pages (on_nav). `markdown_of(file)` estimates a page's Markdown size."""
    if not wanted():
        return None
    pages = [(f, markdown_of(f)) for f in files.documentation_pages(inclusion=inclusion)]
    pages = [(f, md) for f, md in pages if md]
    if len(pages) < MIN_PAGES:
        return None
    assigned = _split(pages)
    populate = engine_step("_populate_page")
    if populate is None:  # an engine without MkDocs 1.6's build steps: one core, as before
        return None
    from mkdocs.structure.pages import Page

    def work(pipe) -> None:  # the child: convert and send
        def emit(src_uri: str, key: str, data: bytes) -> None:
            name = f"{src_uri}\0{key}".encode("utf-8", "surrogatepass")
            pipe.write(HEADER.pack(len(name), len(data)) + name + data)
            pipe.flush()
        fast_render.start_worker(emit)
        for file in assigned:
            page = file.page if file.page is not None else Page(None, file, config)
            populate(page, config, files)

    pid, read_fd = fork(work)
    return MarkdownWorker({f.src_uri for f in assigned}, read_fd, pid)
