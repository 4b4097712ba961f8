"""Which feeds the site has and where they go: site-wide (RSS, Atom, JSON), per region and per category.

Items are made once per post and shared by every feed the post appears in. A feed's bytes are a
function of its channel and items only: with the build cache, a feed whose channel and items are
those of an earlier build is taken as it was written then (BuildContext.remembered).
"""
from __future__ import annotations

from typing import Iterator

from ..content.fingerprint import Fingerprinter
from ..content.posts import Post
from ..pages.context import BuildContext
from .channel import author_titles, category_titles, last_change, make_channel, region_titles, site_titles
from .fallback_time import unknown_change
from .items import FeedItem, feed_item, public_posts
from .json_feed import json_feed_bytes
from .xml_feeds import atom_bytes, rss_bytes

RSS_PATH = "feed.xml"
ATOM_PATH = "atom.xml"
JSON_PATH = "feed.json"
HOME = ""   # site-wide feeds belong to the front page
# (type, title, site-relative url): advertised by every page with <link rel="alternate">
SITE_FEEDS: tuple[tuple[str, str, str], ...] = (
    ("rss", "Kirjoitukset (RSS)", RSS_PATH),
    ("atom", "Kirjoitukset (Atom)", ATOM_PATH),
    ("json", "Kirjoitukset (JSON Feed)", JSON_PATH),
)


def region_feed_path(region_id: str) -> str:
    return f"alueet/{region_id}/feed.xml"


def category_feed_path(category_url: str) -> str:
    return f"{category_url}feed.xml"


def author_feed_path(author_page_url: str) -> str:
    return f"{author_page_url}feed.xml"


def write_feeds(ctx: BuildContext) -> Iterator[tuple[str, bytes]]:
    """The output writer registered in pages/registry.py."""
    site, size = ctx.site, ctx.options.feed_size
    made: dict[str, FeedItem] = {}
    describe = Fingerprinter()  # items are shared by feeds: each described once

    def written(make, channel, items: list[FeedItem]) -> bytes:
        inputs = f"{make.__name__}\0{describe(channel)}\0{describe(items)}"
        return ctx.remembered("feed", inputs, lambda: make(channel, items))

    def items_for(posts: list[Post]) -> list[FeedItem]:
        chosen = public_posts(posts, site.build_time, size)
        for post in chosen:
            if post.path not in made:
                made[post.path] = feed_item(post, site, ctx.site_url, ctx)
        return [made[p.path] for p in chosen]

    items = items_for(site.posts)
    # an empty feed (a region without posts) is as new as the site's newest post, never the build time
    site_changed = last_change(items, unknown_change())

    def channel(title_desc: tuple[str, str], home: str, feed: str, items: list[FeedItem]):
        title, description = title_desc
        return make_channel(title=title, description=description, home=home, feed=feed,
                            site_url=ctx.site_url, site_name=ctx.site_name or title,
                            items=items, fallback=site_changed)

    titles = site_titles(ctx.site_name, ctx.site_description)
    yield RSS_PATH, written(rss_bytes, channel(titles, HOME, RSS_PATH, items), items)
    yield ATOM_PATH, written(atom_bytes, channel(titles, HOME, ATOM_PATH, items), items)
    yield JSON_PATH, written(json_feed_bytes, channel(titles, HOME, JSON_PATH, items), items)

    for region in site.regions.values():
        items = items_for(site.posts_by_region.get(region.id, []))
        path = region_feed_path(region.id)
        yield path, written(rss_bytes, channel(region_titles(titles[0], region), region.url, path, items), items)

    for category in site.categories.values():
        items = items_for(category.posts)
        path = category_feed_path(category.url)
        yield path, written(rss_bytes, channel(category_titles(titles[0], category), category.url, path, items), items)

    for author_id, posts in site.posts_by_author.items():
        author = site.authors.get(author_id)
        if author is None or not author.page_url:
            continue
        items = items_for(posts)
        path = author_feed_path(author.page_url)
        yield path, written(rss_bytes, channel(author_titles(titles[0], author), author.page_url, path, items), items)
