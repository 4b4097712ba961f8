"""What one feed is: its title, description, home page and own address."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from ..content.regions import Region
from ..content.site import Category
from .items import FeedItem
from .xmlsafe import clean

LOGO = "assets/muutostuki/syote-logo.png"          # 144 x 144: the largest RSS <image> allows
LOGO_SIZE = 144
ICON = "assets/muutostuki/syote-logo-512.png"      # JSON Feed's recommended icon size
STYLESHEET = "assets/muutostuki/syote.xsl"        # what a browser shows for an RSS or Atom feed
DEFAULT_DESCRIPTION = "Järjestöjen sote-muutostuen kirjoitukset järjestöjen ja hyvinvointialueiden yhteistyöstä."


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    home_url: str       # absolute: the HTML page the feed belongs to
    feed_url: str       # absolute: this feed's own address (atom:link rel=self)
    logo_url: str
    icon_url: str
    site_name: str
    updated: datetime   # newest item's date, so rebuilding unchanged content changes nothing
    stylesheet: str = ""  # path-absolute (/sote/assets/...): XSLT must come from the feed's own origin


def last_change(items: list[FeedItem], fallback: datetime) -> datetime:
    return max((item.updated for item in items), default=fallback)


def make_channel(*, title: str, description: str, home: str, feed: str, site_url: str, site_name: str,
                 items: list[FeedItem], fallback: datetime) -> Channel:
    """All strings cleaned here, once, whatever the feed format."""
    return Channel(title=clean(title), description=clean(description) or DEFAULT_DESCRIPTION,
                   home_url=site_url + home, feed_url=site_url + feed, logo_url=site_url + LOGO,
                   icon_url=site_url + ICON, site_name=clean(site_name), updated=last_change(items, fallback),
                   stylesheet=(urlsplit(site_url).path or "/") + STYLESHEET)


def site_titles(site_name: str, site_description: str) -> tuple[str, str]:
    return site_name or "Järjestöjen sote-muutostuki", site_description or DEFAULT_DESCRIPTION


def region_titles(site_name: str, region: Region) -> tuple[str, str]:
    return (f"{site_name} – {region.short_name}",
            f"Kirjoituksia järjestöjen ja hyvinvointialueen yhteistyöstä: {region.name}.")


def author_titles(site_name: str, author) -> tuple[str, str]:
    about = ", ".join(part for part in (author.role, author.organisation) if part)
    return (f"{site_name} – kirjoittaja: {author.name}",
            f"Kirjoitukset, joiden kirjoittaja on {author.name}{' (' + about + ')' if about else ''}.")


def category_titles(site_name: str, category: Category) -> tuple[str, str]:
    return f"{site_name} – aihe: {category.name}", f"Kirjoitukset aiheesta {category.name}."
