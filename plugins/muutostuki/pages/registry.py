"""The lists of page generators and output writers.

A feature (blog, events, regions, feeds, ...) adds one generator here; the MkDocs plugin
only walks these lists, so features never edit each other's code. Features import the
BuildContext from context.py, never this module, so no import runs in a circle.
"""
from __future__ import annotations

from typing import Callable, Iterable

from ..admin.writer import admin_outputs
from ..feeds.ics import ics_outputs
from ..feeds.writer import SITE_FEEDS, write_feeds
from ..search.page import search_pages
from ..search.robots import robots_txt
from . import blog
from .alternate_sitemaps import alternate_sitemaps
from .context import BuildContext
from .events import ICS_FEED, event_pages
from .follow import follow_pages
from .people import people_pages
from .places import place_pages
from .regions import region_generator
from .spec import PageSpec

PageGenerator = Callable[[BuildContext], list[PageSpec]]
OutputWriter = Callable[[BuildContext], Iterable[tuple[str, bytes | str]]]


def page_generators() -> list[PageGenerator]:
    return [
        lambda ctx: blog.blog_pages(ctx.site, ctx.options.posts_per_page, ctx.base_path),
        region_generator,
        event_pages,
        people_pages,
        search_pages,
        place_pages,
        follow_pages,
    ]


def output_writers() -> list[OutputWriter]:
    return [
        alternate_sitemaps,
        write_feeds,
        robots_txt,
        ics_outputs,
        admin_outputs,
    ]


def writers_ahead() -> list[OutputWriter]:
    """Writers whose slow parts go through BuildContext.remembered, to run ahead in the render worker of
    a cold build (mkdocs/parallel_render.py), leaving those parts in the build cache for the real run.
    Only the calendars: the worker finishes its pages about 0.3 s before the parent (1,000 posts), the
    calendars' VEVENTs take 0.26 s; the feeds (0.56 s) would make the parent wait."""
    return [ics_outputs]


def site_feeds() -> list[tuple[str, str, str]]:
    """Feeds every page advertises with <link rel="alternate">: (type, title, site-relative url)."""
    return list(SITE_FEEDS) + [ICS_FEED]
