"""The `muutostuki-search` MkDocs plugin: builds the Pagefind index after everything else is written.

Material's own lunr search stays off (one big index every reader downloads in full); this index is split
into chunks that a query fetches on demand. It also runs on `mkdocs serve` rebuilds, into the served
directory, so search works in the live preview too (there it also finds drafts, which are marked).
"""
from __future__ import annotations

import logging
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

    def on_config(self, config):
        if "material/search" in config.plugins or "search" in config.plugins:
            log.warning("Materialin oma haku (search) on päällä muutostuki-searchin rinnalla: poista se "
                        "mkdocs.yml:n plugins-listasta, muuten lukijat lataavat kaksi hakuhakemistoa")
        return config

    @event_priority(-100)  # after every other plugin has written its pages
    def on_post_build(self, *, config) -> None:
        if not self.config.enabled:
            return
        started = time.perf_counter()
        try:
            summary = build_index(Path(config.site_dir))
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        log.info(f"{summary} ({time.perf_counter() - started:.1f} s)")
