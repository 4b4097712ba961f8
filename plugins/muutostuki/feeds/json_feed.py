"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with the standard library: json.dumps escapes everything."""
from __future__ import annotations

import json

from .channel import Channel
from .items import FeedItem

VERSION = "https://jsonfeed.org/version/1.1"


def _item(item: FeedItem) -> dict:
    data: dict = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "content_html": item.content_html,
        "date_published": item.published.isoformat(),
        "date_modified": item.updated.isoformat(),
        "authors": [{"name": a.name, **({"url": a.url} if a.url else {})} for a in item.authors],
        "language": "fi",
    }
    if item.summary:
        data["summary"] = item.summary
    if item.categories:
        data["tags"] = list(item.categories)
    if item.image is not None:
        data["image"] = item.image.url
        data["attachments"] = [{"url": item.image.url, "mime_type": item.image.mime_type,
                                **({"size_in_bytes": item.image.length} if item.image.length else {}),
                                **({"title": item.image_alt} if item.image_alt else {})}]
    return data


def json_feed_bytes(channel: Channel, items: list[FeedItem]) -> bytes:
    feed = {
        "version": VERSION,
        "title": channel.title,
        "home_page_url": channel.home_url,
        "feed_url": channel.feed_url,
        "description": channel.description,
        "icon": channel.icon_url,
        "favicon": channel.logo_url,
        "language": "fi",
        "authors": [{"name": channel.site_name}],
        "items": [_item(item) for item in items],
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
