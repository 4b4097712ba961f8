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

from .forked import Results, engine_step, fork, later_share, send_result

ENV = "MUUTOSTUKI_WORKERS"
MIN_PAGES = 40       # below this, forking costs more than it saves
CHILD_SHARE = 0.5    # of the Markdown bytes, taken from the end of the build order
WAIT_S = 300         # the longest the parent waits for one page before converting it itself


def wanted() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and os.environ.get(ENV, "").strip() != "0"


class MarkdownWorker(Results):
    """The parent's end: the child's result of each page with the key it was made under."""

    def take(self, src_uri: str) -> tuple[str, bytes] | None:
        """(key, result); None if the page is not the child's or its result never came."""
        data = super().take(src_uri)
        if data is None:
            return None
        key, _, result = data.partition(b"\0")
        return key.decode("ascii", "replace"), result


def start(config, files, inclusion, markdown_of, fast_render) -> MarkdownWorker | None:
    """Fork the worker for the later pages (on_nav). `markdown_of(file)` estimates a page's Markdown size."""
    if not wanted():
        return None
    pages = [(f, markdown_of(f)) for f in files.documentation_pages(inclusion=inclusion)]
    pages = [(f, md) for f, md in pages if md]
    if len(pages) < MIN_PAGES:
        return None
    assigned = later_share(pages, CHILD_SHARE)
    populate = engine_step("_populate_page")
    if populate is None:  # an engine without MkDocs 1.6's build steps: one core, as before
        return None
    from mkdocs.structure.pages import Page

    def work(pipe) -> None:  # the child: convert and send
        def emit(src_uri: str, key: str, data: bytes) -> None:
            send_result(pipe, src_uri, key.encode("ascii") + b"\0" + data)
        fast_render.start_worker(emit)
        for file in assigned:
            page = file.page if file.page is not None else Page(None, file, config)
            populate(page, config, files)

    pid, read_fd = fork(work)
    return MarkdownWorker({f.src_uri for f in assigned}, read_fd, pid, WAIT_S)
