"""A small sitemap index in every folder that holds a page's own feed or calendar.

Why: Material's JavaScript takes every <link rel="alternate"> of a page for a language version of the site
and downloads sitemap.xml from that link's folder (new URL("sitemap.xml", href)): for a region page's
alueet/etela-savo/feed.xml it asks for alueet/etela-savo/sitemap.xml. Without a file there every region,
topic and event page logged 404s in the console (and lost Lighthouse points). The file is the same few
hundred bytes as the root sitemap.xml, an index pointing at the one page list (sitemap-sivut.xml), so it
is also a correct answer for any crawler that asks.
"""
from __future__ import annotations

from html import escape
from posixpath import dirname

PAGE_SITEMAP = "sitemap-sivut.xml"


def sitemap_index(site_url: str) -> str:
    loc = escape(site_url + PAGE_SITEMAP, quote=False)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"  <sitemap><loc>{loc}</loc></sitemap>\n</sitemapindex>\n")


def feed_folders(specs) -> list[str]:
    """Folders (site-relative, ending in '/') of the feeds pages advertise, the site root left out."""
    folders = {dirname(url.split("?", 1)[0].split("#", 1)[0]) for spec in specs for _, _, url in spec.feeds
               if "://" not in url}
    return sorted(f"{folder.strip('/')}/" for folder in folders if folder.strip("/"))


def alternate_sitemaps(ctx) -> list[tuple[str, str]]:
    """Output writer (pages/registry.py): reads the page specs the plugin keeps in ctx.extra."""
    specs = ctx.extra.get("specs", {}).values()
    body = sitemap_index(ctx.site_url)
    return [(folder + "sitemap.xml", body) for folder in feed_folders(specs)]
