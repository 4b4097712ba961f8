"""Preview rebuilds reuse unchanged work (Markdown, page HTML) and still equal a fresh build.

The builds run in this process, as `mkdocs serve` runs them: one plugin instance, the config
loaded again for every rebuild.
"""
from __future__ import annotations

import gzip
import logging
from pathlib import Path

import markdown
import pytest
from conftest import MKDOCS_YML, post, write_site
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from muutostuki.mkdocs.fast_render import FastRender

SERVE_URL = "http://127.0.0.1:8000/"
FILES = {
    "blog/2026/a.md": post("Ensimmäinen", "2026-01-15", summary="Tiivistelmä A.",
                           body="Alku.\n\n## Väliotsikko\n\nKatso [toinen](b.md) ja [puuttuva](puuttuu.md)."),
    "blog/2026/b.md": post("Toinen", "2026-01-20", body="Ote ennen merkkiä.\n\n<!-- more -->\n\nLoput."),
    "blog/2026/c.md": post("Kolmas", "2026-02-01", body="Kolmannen ensimmäinen kappale.\n\nToinen kappale."),
    "events/2026-12-03-foorumi.md": "---\ntitle: Foorumi\nstart: 2026-12-03 13:00\nend: 2026-12-03 15:00\n---\nTervetuloa.\n",
}


def _site_files(site: Path) -> dict[str, bytes]:
    """Every file's bytes; a .gz file's content (its header's time is the newest page MkDocs
    builds, and a preview rebuild does not build the pages it leaves on disk)."""
    return {p.relative_to(site).as_posix(): gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file() and "pagefind" not in p.parts}


class Preview:
    """Rebuilds of one project with one plugin instance, as `mkdocs serve` does them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.site = root / "serve-site"
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=False)
        self.plugin = config.plugins["muutostuki"]

    def _config(self):
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def build(self) -> dict[str, bytes]:
        build(self._config(), serve_url=SERVE_URL)
        self.plugin.wait_for_outputs()  # serve writes feeds and calendars after the page reload
        return _site_files(self.site)

    def fresh(self) -> dict[str, bytes]:
        """The same rebuild with every cache emptied first."""
        self.plugin.fast_render._cache.clear()
        self.plugin.preview_pages._stored.clear()
        return self.build()


@pytest.fixture
def conversions(monkeypatch):
    count = [0]
    original = markdown.Markdown.convert

    def counting(self, source):
        count[0] += 1
        return original(self, source)
    monkeypatch.setattr(markdown.Markdown, "convert", counting)
    return count


def test_unchanged_rebuild_converts_nothing_and_repeats_link_warnings(tmp_path, conversions, caplog):
    preview = Preview(write_site(tmp_path, FILES))
    first = preview.build()
    assert conversions[0] >= 4
    pages = len([k for k in first if k.endswith(".html")])
    caplog.clear()
    conversions[0] = 0
    with caplog.at_level(logging.WARNING):
        again = preview.build()
    assert again == first
    assert conversions[0] == 0
    assert preview.plugin.preview_pages.reused >= pages - 1  # 404.html is not a page of its own
    assert any("puuttuu.md" in r.getMessage() for r in caplog.records), "a cached page's warnings are repeated"


def test_body_edit_renders_one_page_and_equals_a_fresh_build(tmp_path, conversions):
    root = write_site(tmp_path, FILES)
    preview = Preview(root)
    preview.build()
    path = root / "blog/2026/a.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nUusi loppukappale tallennettu.\n", encoding="utf-8")
    conversions[0] = 0
    edited = preview.build()
    assert conversions[0] == 1
    assert "Uusi loppukappale tallennettu." in edited["blogi/2026/a/index.html"].decode()
    assert preview.plugin.preview_pages.reused > 0
    assert edited == preview.fresh()


def test_body_edit_leaves_the_other_page_files_untouched(tmp_path):
    root = write_site(tmp_path, FILES)
    preview = Preview(root)
    preview.build()
    stamps = {p: p.stat().st_mtime_ns for p in preview.site.rglob("index.html")}
    path = root / "blog/2026/a.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nUusi loppukappale.\n", encoding="utf-8")
    edited = preview.build()
    rewritten = {p.relative_to(preview.site).as_posix() for p, t in stamps.items() if p.stat().st_mtime_ns != t}
    assert rewritten == {"blogi/2026/a/index.html"}, rewritten
    assert "blogi/2026/b/index.html" in edited and "Uusi loppukappale." in edited["blogi/2026/a/index.html"].decode()
    assert len(preview.plugin.kept_output.kept) == len(stamps) - 1  # every page but the edited post
    sitemap = edited["sitemap-sivut.xml"].decode()
    assert "/blogi/2026/b/" in sitemap and "/blogi/2026/a/" in sitemap  # kept pages stay listed


@pytest.mark.parametrize("edit", ["title", "excerpt", "config", "link target"])
def test_edits_that_show_on_other_pages_equal_a_fresh_build(tmp_path, edit):
    root = write_site(tmp_path, FILES)
    preview = Preview(root)
    preview.build()
    c = root / "blog/2026/c.md"
    if edit == "title":
        c.write_text(c.read_text(encoding="utf-8").replace('title: "Kolmas"', 'title: "Kolmas, muokattu"'))
        expect = ("blogi/index.html", "Kolmas, muokattu")
    elif edit == "excerpt":
        c.write_text(c.read_text(encoding="utf-8").replace("Kolmannen ensimmäinen", "Uusi alku kolmannen"))
        expect = ("blogi/index.html", "Uusi alku kolmannen")
    elif edit == "config":
        yml = root / "mkdocs.yml"
        yml.write_text(yml.read_text(encoding="utf-8").replace("site_name: Testisivusto", "site_name: Uusi nimi"))
        expect = ("blogi/2026/b/index.html", "Uusi nimi")
    else:  # the page a link points to goes away: the linking page must be converted again
        (root / "blog/2026/b.md").unlink()
        expect = ("blogi/2026/a/index.html", 'href="b.md"')
    rebuilt = preview.build()
    assert expect[1] in rebuilt[expect[0]].decode()
    assert rebuilt == preview.fresh()


def test_empty_page_gets_what_mkdocs_would_compute(tmp_path):
    root = write_site(tmp_path, {"docs/tyhja/index.md": "\n"})
    config = load_config(str(root / "mkdocs.yml"))
    results = []
    for fast in (False, True):
        file = File("tyhja/index.md", src_dir=str(root / "docs"), dest_dir=str(root / "site"),
                    use_directory_urls=True)
        files = Files([file])
        page = Page(None, file, config)
        page.read_source(config)
        if fast:
            FastRender().attach(page)
        page.render(config, files)
        results.append((page.content, str(page.toc), page._title_from_render, page.present_anchor_ids,
                        page.links_to_anchors, page.title))
    assert results[0] == results[1]
    assert results[1][0] == ""


def test_a_file_with_mistakes_is_reported_on_every_rebuild(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    root = write_site(tmp_path, {**FILES, "blog/2026/rikki.md": "---\ntitle: [rikki\ndate: 2026-01-01\n---\nTeksti.\n"})
    preview = Preview(root)
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.ERROR), pytest.raises(Abort):
            preview.build()
        assert any("blog/2026/rikki.md:3: yaml" in r.getMessage() for r in caplog.records)


def test_template_edit_shows_on_every_page_and_equals_a_fresh_build(tmp_path):
    yml = MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    root = write_site(tmp_path, {**FILES, "overrides/partials/footer.html": "<footer>Alatunniste A</footer>\n"},
                      mkdocs_yml=yml)
    preview = Preview(root)
    preview.build()
    (root / "overrides/partials/footer.html").write_text("<footer>Uusi alatunniste B</footer>\n", encoding="utf-8")
    rebuilt = preview.build()
    pages = [name for name in rebuilt if name.endswith("index.html")]
    assert pages and all("Uusi alatunniste B" in rebuilt[name].decode() for name in pages)
    assert not preview.plugin.kept_output.kept
    assert rebuilt == preview.fresh()
