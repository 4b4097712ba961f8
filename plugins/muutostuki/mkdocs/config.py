"""Options of the muutostuki plugin in mkdocs.yml."""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class MuutostukiConfig(Config):
    blog_dir = c.Type(str, default="blog")
    events_dir = c.Type(str, default="events")
    posts_per_page = c.Type(int, default=10)
    past_events_per_page = c.Type(int, default=20)
    feed_size = c.Type(int, default=20)
    calendar_months_ahead = c.Type(int, default=12)
    # Fixed build time ("2026-11-23 12:00") for reproducible builds and tests;
    # the MUUTOSTUKI_BUILD_TIME environment variable overrides it.
    build_time = c.Optional(c.Type(str))
    # Show drafts and scheduled posts (on by default in `mkdocs serve`).
    preview = c.Optional(c.Type(bool))
    # Persistent build cache of `mkdocs build` (mkdocs/build_cache.py); MUUTOSTUKI_CACHE=0 also turns it off.
    cache = c.Type(bool, default=True)
