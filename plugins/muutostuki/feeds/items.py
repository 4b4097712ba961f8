"""Posts as feed items: the same item feeds RSS, Atom and JSON Feed, so they never disagree.

An item's id is its permanent absolute URL (year + slug), so it survives title edits and
rebuilds; the content is the full post HTML with absolute URLs, so it works in e-mail too.
"""
from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..content.posts import Post
from ..content.site import Site
from ..pages.html_urls import rebase
from .xmlsafe import clean


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int      # bytes; 0 when unknown (RSS Best Practices Profile)
    mime_type: str


@dataclass(frozen=True)
class Person:
    name: str
    url: str = ""


@dataclass(frozen=True)
class FeedItem:
    id: str
    url: str
    title: str
    published: datetime
    updated: datetime
    summary: str                  # plain text
    content_html: str             # full post HTML, absolute URLs
    authors: tuple[Person, ...] = ()
    categories: tuple[str, ...] = ()
    image: Enclosure | None = None
    image_alt: str = ""


def public_posts(posts: list[Post], now: datetime, size: int) -> list[Post]:
    """The newest `size` published posts: drafts and scheduled posts never reach a feed, even in preview."""
    return [p for p in posts if p.is_public(now)][: max(0, size)]


def _mime(path: str) -> str:
    guessed, _ = mimetypes.guess_type(path.split("?", 1)[0])
    return guessed or "application/octet-stream"


def image_enclosure(image: str, site: Site, site_url: str) -> Enclosure | None:
    """The post's image with its real size when the file is ours; remote images get length 0."""
    if not image:
        return None
    if "://" in image:
        return Enclosure(url=clean(image), length=0, mime_type=_mime(image))
    for folder in (site.paths.docs, site.paths.root):
        candidate: Path = folder / image
        if candidate.is_file():
            return Enclosure(url=site_url + image, length=candidate.stat().st_size, mime_type=_mime(image))
    return None  # a missing file: the page shows the mistake; a feed must not point at a 404


def feed_item(post: Post, site: Site, site_url: str, ctx=None) -> FeedItem:
    url = site_url + post.url
    updated = post.updated if post.updated and post.updated > post.date else post.date
    return FeedItem(
        id=url,
        url=url,
        title=clean(post.title),
        published=post.date,
        updated=updated,
        summary=clean(post.summary or post.description),
        content_html=_content_html(post, site_url, ctx),
        authors=tuple(Person(clean(a.name), clean(a.url)) for a in post.authors),
        categories=tuple(clean(c) for c in post.categories),
        image=image_enclosure(post.image, site, site_url),
        image_alt=clean(post.image_alt),
    )


def _content_html(post: Post, site_url: str, ctx) -> str:
    """The post's HTML with absolute URLs (the slow part of an item: reused by the build cache)."""
    def compute() -> bytes:
        return clean(rebase(post.html, post.url, site_url)).encode("utf-8", "surrogatepass")
    if ctx is None:
        return compute().decode("utf-8", "surrogatepass")
    inputs = "\n".join([site_url, post.url, hashlib.sha256(post.html.encode("utf-8", "surrogatepass")).hexdigest()])
    return ctx.remembered("feedhtml", inputs, compute).decode("utf-8", "surrogatepass")
