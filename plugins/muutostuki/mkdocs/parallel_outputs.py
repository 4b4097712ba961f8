"""`mkdocs build` with the build cache on two cores: a forked child works out some of the pages' keys and
writes the feeds and calendars while the build works out the others and which pages it can keep.

Why: a warm build renders few pages, so its second core idles, and the outputs (at 3,000 posts 98
feeds and 1,000 calendars: 0.5 s even when every one comes from the cache) wait until every page is
done, although they need only the content model and the pages' converted Markdown, both complete
when on_env starts.

How: at the start of on_env the build forks, holding its build cache's lock (so no other thread is
inside SQLite at that moment). The child first sends the own parts of the keys of the last pages
(preview_pages.CHILD_SHARE of them, own_digests: the same wherever they are worked out, so the parent does them itself
if they do not come within OWNS_WAIT_S, or not for its very pages), then runs every output writer with the outputs' own cache file
(build_cache.OUTPUTS_DB_NAME, which the parent does not open while the child may), writes each
output as KeptOutput.write does (an unchanged one stays on disk), commits that cache and sends, per
output, its path, tag and whether it was kept; every log record; and last "end". In on_post_build
the parent notes those in its KeptOutput and logs the records. A child that fails, or has not said
"end" within WAIT_S, is stopped and the parent writes every output itself, as without the child.
A cold build does not fork here: its second core renders pages (parallel_render.py).
Off with MUUTOSTUKI_WORKERS=0, like the other workers.
"""
from __future__ import annotations

import json
import threading
from typing import Callable

from .forked import fork, forward_logs, records, sender, stop
from .parallel_markdown import wanted
from .parallel_render import plugins_known

WAIT_S = 600
OWNS_WAIT_S = 20


class OutputsWorker:
    """The parent's end: the child's report, read by a thread while the parent goes on."""

    def __init__(self, read_fd: int, pid: int) -> None:
        self.outputs: list[tuple[str, str, bool]] = []  # (path in the site, tag, kept)
        self.records: list[tuple[str, int, str]] = []
        self.ended = False
        self._owns: list | None = None
        self._owns_sent = threading.Event()
        self._fd, self._pid = read_fd, pid
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._read_records()
        finally:
            self._owns_sent.set()  # or never: the parent stops waiting for them

    def _read_records(self) -> None:
        for meta, _ in records(self._fd):
            message = json.loads(meta)
            if "owns" in message:
                self._owns = message["owns"]
                self._owns_sent.set()
            elif "output" in message:
                rel, tag, kept = message["output"]
                self.outputs.append((rel, tag, bool(kept)))
            elif "log" in message:
                self.records.append(tuple(message["log"]))
            elif "end" in message:
                self.ended = True

    def owns(self, wait_s: float = OWNS_WAIT_S) -> list[tuple[str, str]] | None:
        """The child's share of the pages' own key parts (preview_pages.own_digests), or None."""
        self._owns_sent.wait(wait_s)
        owns = self._owns
        if not isinstance(owns, list) or not all(isinstance(o, list) and len(o) == 2 and all(
                isinstance(x, str) for x in o) for o in owns):
            return None
        return [(src, own) for src, own in owns]

    def finish(self, wait_s: float = WAIT_S) -> bool:
        """Wait for the child and reap it; True if it wrote every output."""
        self._thread.join(wait_s)
        stop(self._pid)
        self._thread.join(5)
        return self.ended and not self._thread.is_alive()


def start(config, cache, write_all: Callable[[Callable[[dict, bytes], None]], None]) -> OutputsWorker | None:
    """Fork the child, which runs `write_all(send)` and then says "end"; None where it is not worth it
    or not known to be right (see parallel_render.plugins_known)."""
    if cache is None or not wanted() or not plugins_known(config):
        return None

    def work(pipe) -> None:
        send = sender(pipe)
        forward_logs(send)
        write_all(send)
        send({"end": True}, b"")
        pipe.flush()

    with cache.quiet():
        pid, read_fd = fork(work)
    return OutputsWorker(read_fd, pid)
