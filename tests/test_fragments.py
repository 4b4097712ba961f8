"""Material's nav, tabs and config, rendered once per build, come out as Material renders them per page."""
from __future__ import annotations

from pathlib import Path

from conftest import MKDOCS_YML, post, write_site
from mkdocs.commands.build import build
from mkdocs.config import load_config

from muutostuki.mkdocs.fragments import Fragments

FILES = {
    "blog/2026/a.md": post("Ensimmäinen", "2026-01-15"),
    "blog/2025/b.md": post("Toinen", "2025-03-20"),
    "events/2026-12-03-foorumi.md": "---\ntitle: Foorumi\nstart: 2026-12-03 13:00\n---\nTervetuloa.\n",
    "docs/tietoa.md": "# Tietoa\n\nSivu navigaation ulkopuolella.\n",
}


def _build(root: Path, site: str) -> dict[str, bytes]:
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / site)))
    return {p.relative_to(root / site).as_posix(): p.read_bytes() for p in sorted((root / site).rglob("*.html"))
            if "pagefind" not in p.parts}


def test_shared_fragments_equal_per_page_rendering(tmp_path, monkeypatch):
    root = write_site(tmp_path, FILES, mkdocs_yml=MKDOCS_YML.replace(
        "  font: false\n", "  font: false\n  features: [navigation.tabs]\n"))
    stored = []
    put = Fragments.put

    def counting_put(self, name, key, html):
        stored.append((name, key))
        return put(self, name, key, html)
    monkeypatch.setattr(Fragments, "put", counting_put)
    cached = _build(root, "cached")
    pages = len(cached)
    assert len(stored) < 3 * pages, "the fragments were rendered for every page"
    # the tabs are kept once per active tab ("tabs-0", "tabs-1", ...: partials/tabs.html)
    assert {name.split("-")[0] for name, key in stored if key} == {"nav", "tabs", "config"}
    monkeypatch.setattr(Fragments, "get", lambda self, name, key: None)
    fresh = _build(root, "fresh")
    assert cached == fresh
    # Pages in the navigation mark themselves active: never shared.
    assert 'md-nav__link--active' in cached["index.html"].decode() or "md-tabs__item--active" in cached["index.html"].decode()
