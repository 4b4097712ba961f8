"""Rewrite relative URLs in rendered HTML, so an excerpt or a feed item works anywhere."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

_ATTR = re.compile(r'(?P<attr>\b(?:href|src|poster)=)(?P<q>["\'])(?P<url>.*?)(?P=q)', re.IGNORECASE | re.DOTALL)


def _is_relative(url: str) -> bool:
    if not url or url.startswith(("#", "/", "//")):
        return False
    return not urlsplit(url).scheme


def rebase(html: str, page_url: str, base: str) -> str:
    """Resolve URLs relative to `page_url` (site-relative, e.g. blogi/2021/x/) against `base`.

    `base` is either a site root path such as '/' or '/sote/' (for listings) or the absolute
    site_url (for feeds). Root-relative URLs ('/x') are also resolved against `base`'s host.
    """
    page_abs = urljoin(base if base.endswith("/") else base + "/", page_url)

    def fix(m: re.Match) -> str:
        url = m.group("url")
        if _is_relative(url):
            url = urljoin(page_abs, url)
        elif url.startswith("/") and not url.startswith("//") and "://" in base:
            url = urljoin(base, url)
        elif url.startswith("#"):
            url = page_abs + url
        return f'{m.group("attr")}{m.group("q")}{url}{m.group("q")}'

    return _ATTR.sub(fix, html)
