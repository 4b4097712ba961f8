"""The build context and the lists of page generators and output writers.

A feature (blog, events, regions, feeds, ...) adds one generator here; the MkDocs plugin
only walks these lists, so features never edit each other's code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..content.site import Site
from .spec import PageSpec


@dataclass
class BuildContext:
    site: Site
    site_url: str        # absolute, ends with '/'
    base_path: str       # path part of site_url, e.g. '/' or '/sote/'
    options: Any         # MuutostukiConfig (posts_per_page, feed_size, ...)
    site_name: str = ""
    site_description: str = ""
    extra: dict = field(default_factory=dict)

    def absolute(self, url: str) -> str:
        return self.site_url + url.lstrip("/")


PageGenerator = Callable[[BuildContext], list[PageSpec]]
OutputWriter = Callable[[BuildContext], Iterable[tuple[str, bytes | str]]]


def page_generators() -> list[PageGenerator]:
    from . import blog
    from .regions import region_generator
    from .events import event_pages
    from .people import people_pages

    return [
        lambda ctx: blog.blog_pages(ctx.site, ctx.options.posts_per_page, ctx.base_path),
        region_generator,
        event_pages,
        people_pages,
    ]


def output_writers() -> list[OutputWriter]:
    from ..feeds.writer import write_feeds
    from ..search.robots import robots_txt
    from ..feeds.ics import ics_outputs

    return [
        write_feeds,
        robots_txt,
        ics_outputs,
    ]


def site_feeds() -> list[tuple[str, str, str]]:
    """Feeds every page advertises with <link rel="alternate">: (type, title, site-relative url)."""
    from ..feeds.writer import SITE_FEEDS
    from .events import ICS_FEED

    return list(SITE_FEEDS) + [ICS_FEED]
