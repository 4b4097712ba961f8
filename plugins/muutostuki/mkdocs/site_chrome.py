"""Where a page stands in the site's navigation, for the chrome around it: the top tab, the side column.

Why: nearly every page (posts, events, region pages, calendar months, listings) is generated and kept out
of MkDocs' navigation on purpose, so Material marks no tab active on them and leaves an empty left
column. Here a page belongs to the top-level navigation item whose pages' URLs are the longest prefix of
its own URL (blogi/2026/x/ -> Blogi, tapahtumat/kalenteri/2026/12/ -> Tapahtumat, ohjeet/alue/ -> Tietoa);
a page under none of them (the 404 page) belongs to the home page's item.
"""
from __future__ import annotations


def _leaf_urls(item) -> list[str]:
    if getattr(item, "children", None):
        return [url for child in item.children for url in _leaf_urls(child)]
    url = getattr(item, "url", None)
    return [url] if isinstance(url, str) else []


class Sections:
    """The top-level navigation items and their page URLs, worked out once per navigation (one per build)."""

    def __init__(self, nav) -> None:
        self.nav = nav
        self.items = list(nav.items)
        self.urls = [_leaf_urls(item) for item in self.items]
        home = nav.homepage.url if nav.homepage is not None else ""
        self.home_index = next((i for i, urls in enumerate(self.urls) if home in urls), 0)
        self.nav_urls = {url for urls in self.urls for url in urls}
        self._memo: dict[str, int] = {}

    def index_of(self, url: str) -> int:
        """Index of the top-level item a page at `url` belongs to."""
        known = self._memo.get(url)
        if known is not None:
            return known
        best, best_len = self.home_index, 0
        for i, urls in enumerate(self.urls):
            for prefix in urls:
                if prefix and url.startswith(prefix) and len(prefix) > best_len:
                    best, best_len = i, len(prefix)
        self._memo[url] = best
        return best

    def has_side_nav(self, index: int) -> bool:
        """With tabs, the left column shows only the active item's children: empty for a single page."""
        return bool(getattr(self.items[index], "children", None))


_SECTIONS: dict[int, Sections] = {}


def sections(nav) -> Sections:
    found = _SECTIONS.get(id(nav))
    if found is None or found.nav is not nav:
        _SECTIONS.clear()  # a new build (or preview rebuild) has a new navigation
        found = _SECTIONS[id(nav)] = Sections(nav)
    return found


def page_context(context: dict, page, nav) -> None:
    """mt_section (the active tab's index) and mt_in_nav for the templates; hide an empty left column."""
    if nav is None or page is None:
        return
    s = sections(nav)
    index = s.index_of(page.url)
    context["mt_section"] = index
    context["mt_in_nav"] = page.url in s.nav_urls
    if not s.has_side_nav(index):
        hide = page.meta.get("hide")
        hide = list(hide) if isinstance(hide, (list, tuple)) else []
        if "navigation" not in hide:
            page.meta["hide"] = [*hide, "navigation"]  # the phone's drawer still shows it (see chrome.css)
