"""RSS 2.0 and Atom 1.0 with feedgen, from the same channel and items.

feedgen prepends entries by default; items arrive newest first, so they are appended.
RSS <author> must be an e-mail address, which we never publish: names go to dc:creator.
feedgen 1.0.0 drops rel/type/length of an Atom entry's links (a shadowed variable in
atom_entry), which would turn an enclosure into an alternate link; Atom enclosures are
therefore added by the small extension below.
"""
from __future__ import annotations

from html import escape

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from .channel import LOGO_SIZE, Channel
from .items import Enclosure, FeedItem

GENERATOR = "Järjestöjen sote-muutostuki (python-feedgen)"


class AtomEnclosure(BaseEntryExtension):
    """<link rel="enclosure" href type length> on an Atom entry."""

    def __init__(self) -> None:
        self.image: Enclosure | None = None

    def extend_atom(self, entry):
        if self.image is not None:
            xml_elem("link", entry, href=self.image.url, rel="enclosure", type=self.image.mime_type,
                     length=str(self.image.length))
        return entry


def _generator(channel: Channel, items: list[FeedItem], *, rss: bool) -> FeedGenerator:
    fg = FeedGenerator()
    if rss:
        fg.load_extension("dc", atom=False, rss=True)
    else:
        fg.register_extension("mt", BaseExtension, AtomEnclosure, atom=True, rss=False)
    fg.id(channel.feed_url)
    fg.title(channel.title)
    fg.description(channel.description)   # RSS description = Atom subtitle
    fg.language("fi")
    fg.author(name=channel.site_name)
    fg.link(href=channel.feed_url, rel="self",
            type="application/rss+xml" if rss else "application/atom+xml")
    fg.link(href=channel.home_url, rel="alternate", type="text/html")  # last link = RSS <link>
    fg.image(url=channel.logo_url, title=channel.title, link=channel.home_url,
             width=str(LOGO_SIZE), height=str(LOGO_SIZE))
    fg.icon(channel.logo_url)
    fg.generator(GENERATOR)
    fg.updated(channel.updated)
    fg.lastBuildDate(channel.updated)
    for item in items:
        entry = fg.add_entry(order="append")
        entry.guid(item.id, permalink=True)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate", type="text/html")
        entry.published(item.published)
        entry.updated(item.updated)
        if item.summary:
            entry.summary(item.summary)
        entry.content(item.content_html or f"<p>{escape(item.summary)}</p>", type="html")
        for category in item.categories:
            entry.category(term=category)
        if rss:
            entry.dc.dc_creator([a.name for a in item.authors])
        else:
            entry.author([{"name": a.name, **({"uri": a.url} if a.url else {})} for a in item.authors])
        if item.image is not None and rss:
            entry.enclosure(url=item.image.url, length=item.image.length, type=item.image.mime_type)
        elif item.image is not None:
            entry.mt.image = item.image
    return fg


def styled(feed: bytes, channel: Channel) -> bytes:
    """The xml-stylesheet instruction after the XML declaration: a browser shows assets/muutostuki/syote.xsl's
    Finnish page; feed readers and validators read the feed as before."""
    if not channel.stylesheet:
        return feed
    declaration, newline, rest = feed.partition(b"\n")
    instruction = f'<?xml-stylesheet type="text/xsl" href="{escape(channel.stylesheet)}"?>'.encode("utf-8")
    if not declaration.startswith(b"<?xml "):
        return instruction + b"\n" + feed
    return declaration + newline + instruction + b"\n" + rest


def rss_bytes(channel: Channel, items: list[FeedItem]) -> bytes:
    return styled(_generator(channel, items, rss=True).rss_str(pretty=True), channel)


def atom_bytes(channel: Channel, items: list[FeedItem]) -> bytes:
    return styled(_generator(channel, items, rss=False).atom_str(pretty=True), channel)
