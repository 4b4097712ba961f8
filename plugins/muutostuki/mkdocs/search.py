"""The `muutostuki-search` MkDocs plugin: builds the Pagefind index after everything else is written.

Material's own lunr search stays off (one big index every reader downloads in full); this index is split
into chunks that a query fetches on demand. It also runs on `mkdocs serve` rebuilds, into the served
directory, so search works in the live preview too (there it also finds drafts, which are marked); there it
runs beside the reload, so the saved page shows without waiting for the index.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..search_index import SearchIndexError, build_index

log = logging.getLogger("mkdocs.plugins.muutostuki.search")


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)


class MuutostukiSearchPlugin(BasePlugin[SearchConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self._indexing: threading.Thread | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Also keeps this instance (and its indexing thread) across `mkdocs serve` rebuilds.
        self.command = command

    def on_pre_build(self, *, config) -> None:
        self._wait()  # the previous preview's index is written before this build cleans the folder

    def on_shutdown(self) -> None:
        self._wait()

    def _wait(self) -> None:
        if self._indexing is not None:
            self._indexing.join()
            self._indexing = None

    def on_config(self, config):
        if "material/search" in config.plugins or "search" in config.plugins:
            log.warning("Materialin oma haku (search) on päällä muutostuki-searchin rinnalla: poista se "
                        "mkdocs.yml:n plugins-listasta, muuten lukijat lataavat kaksi hakuhakemistoa")
        return config

    @event_priority(-100)  # after every other plugin has written its pages
    def on_post_build(self, *, config) -> None:
        if not self.config.enabled:
            return
        if self.command == "serve":
            # Preview: the saved page reloads now; its search index follows a moment later.
            self._indexing = threading.Thread(target=self._index, args=(Path(config.site_dir), False), daemon=True)
            self._indexing.start()
            return
        self._index(Path(config.site_dir), True)

    def _index(self, site_dir: Path, fail: bool) -> None:
        started = time.perf_counter()
        try:
            summary = build_index(site_dir)
        except SearchIndexError as exc:
            if fail:
                raise PluginError(str(exc)) from None
            log.error(str(exc))
            return
        log.info(f"{summary} ({time.perf_counter() - started:.1f} s)")
