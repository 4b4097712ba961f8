"""Material's navigation, tabs and page config, rendered once per build for pages that see them alike.

Why: Material renders its whole navigation (and the tabs, and a JSON config block) for every page,
about a third of a post page's template time, although for the posts, events and listings outside
the navigation (nearly all pages) the result differs only in how its links are written relative to
the page. Pages whose links all resolve to the same relative URLs get the same HTML.

The key of a page is the relative URL, from that page, of every page in the navigation, of the home
page, of the site root and of the theme's assets, plus `base_url`. A page that is itself in the
navigation (it marks itself active there) is never cached. The cache lives for one build.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.utils import get_relative_url

ORIGINAL = "material"  # templates/partials/nav.html includes "material/partials/nav.html"


class Fragments:
    """One per build (a Jinja global): HTML by fragment name and key."""

    def __init__(self) -> None:
        self._html: dict[tuple[str, str], Markup] = {}
        self._keys: dict[str, str | None] = {}
        self._nav = None

    def key(self, page, nav, base_url: str) -> str | None:
        if page is None or nav is None:
            return None
        if nav is not self._nav:  # the same navigation for every page of a build
            self._nav, self._keys = nav, {}
            self._nav_pages = list(nav.pages)
            homepage = [nav.homepage.url] if nav.homepage is not None else []
            self._targets = [p.url for p in self._nav_pages] + homepage + ["", "assets/"]
        known = self._keys.get(page.url, "")
        if known != "":
            return known
        if any(page is p or page == p for p in self._nav_pages):
            key = None
        else:
            key = base_url + "|" + "|".join(get_relative_url(t, page.url) for t in self._targets)
        self._keys[page.url] = key
        return key

    def get(self, name: str, key: str | None) -> Markup | None:
        return None if key is None else self._html.get((name, key))

    def put(self, name: str, key: str | None, html: str) -> Markup:
        html = Markup(html)
        if key is not None:
            self._html[(name, key)] = html
        return html


def install(env, theme_dirs: list[str]) -> None:
    """Make Material's own partials reachable as material/... and give templates the cache."""
    material = next((d for d in theme_dirs if Path(d).name == "templates" and "material" in Path(d).parts), None)
    if material is None:
        return
    if not isinstance(env.loader, ChoiceLoader) or not any(isinstance(l, PrefixLoader) for l in env.loader.loaders):
        env.loader = ChoiceLoader([env.loader, PrefixLoader({ORIGINAL: FileSystemLoader(material)})])
    env.globals["mt_fragments"] = Fragments()
