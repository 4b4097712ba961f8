"""One page of every kind readers meet, shared by the page tests, `make screenshots` and the Lighthouse script.

Each kind lists candidate URLs (regular expressions, tried in order against the built pages): a preferred,
meaningful page of the example site first (an upcoming event, a month with events), then any page of the kind,
so the list keeps working when the example content changes. A new kind of page belongs here: every check that
walks this list (tests/test_browser_pages.py, tools/screenshots.py, tools/lighthouse.py) then covers it.
"""
from __future__ import annotations

import re

PAGE_KINDS: dict[str, tuple[str, ...]] = {
    "etusivu": ("",),
    "blogi": ("blogi/",),
    "kirjoitus": (r"blogi/2026/[^/]+/", r"blogi/\d{4}/[^/]+/"),
    "aihe": (r"blogi/aiheet/sote-uudistus/", r"blogi/aiheet/[^/]+/"),
    "tapahtumat": ("tapahtumat/",),
    "tapahtuma": (r"tapahtumat/2027-02-10-etela-savon-jarjestoseminaari/",
                  r"tapahtumat/\d{4}-[^/]+/"),
    "kalenteri": (r"tapahtumat/kalenteri/2026/12/", r"tapahtumat/kalenteri/\d{4}/\d{2}/"),
    "alueet": ("alueet/",),
    "alue": ("alueet/etela-savo/", r"alueet/[^/]+/"),
    "tilaus": ("tapahtumat/tilaa/",),
    "sarja": (r"tapahtumat/[^/]+/kerrat/",),
    "paikka": (r"tapahtumat/paikat/mikkelin-kaupungintalo/", r"tapahtumat/paikat/[^/]+/"),
    "jarjestaja": (r"tapahtumat/jarjestajat/soste/", r"tapahtumat/jarjestajat/[^/]+/"),
    "kirjoittaja": (r"blogi/kirjoittajat/muutostuki/", r"blogi/kirjoittajat/[^/]+/"),
    "haku": ("haku/",),
    "seuraa": ("seuraa/",),
    "404": (r"404\.html",),
}

# The top tab each kind belongs to (its text in the header's tabs)
ACTIVE_TAB: dict[str, str] = {
    "etusivu": "Etusivu", "blogi": "Blogi", "kirjoitus": "Blogi", "aihe": "Blogi",
    "tapahtumat": "Tapahtumat", "tapahtuma": "Tapahtumat", "kalenteri": "Tapahtumat", "tilaus": "Tapahtumat",
    "alueet": "Alueet", "alue": "Alueet", "404": "Etusivu",
    "sarja": "Tapahtumat", "paikka": "Tapahtumat", "jarjestaja": "Tapahtumat", "kirjoittaja": "Blogi",
    "haku": "Etusivu", "seuraa": "Etusivu",
}

VIEWPORTS = {"puhelin": (390, 844), "tyopoyta": (1280, 900)}


def page_of_kind(urls: list[str], kind: str) -> str | None:
    """The first built page (site-relative URL) matching the kind's candidates, or None."""
    for candidate in PAGE_KINDS[kind]:
        pattern = re.compile(candidate)
        for url in urls:
            if pattern.fullmatch(url):
                return url
    return None
