"""One piece of preview work that runs after the page reload: `mkdocs serve` only.

The next rebuild (on_pre_build) and the end of `mkdocs serve` (on_shutdown) wait for it, so it
never writes into a site folder that MkDocs is emptying.
"""
from __future__ import annotations

import threading


class Background:
    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def start(self, target, *args) -> None:
        self.wait()
        self._thread = threading.Thread(target=target, args=args, daemon=True)
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
