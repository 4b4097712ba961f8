"""`make serve`: drafts and scheduled posts are previewed, marked; content folders are watched."""
from __future__ import annotations

from pathlib import Path

from conftest import MKDOCS_YML, post, run_build, write_site
from mkdocs.config import load_config

PREVIEW_YML = MKDOCS_YML + "      preview: true\n"
FILES = {
    "blog/2026/luonnos.md": post("Keskeneräinen luonnos", "2026-02-01", draft="true", summary="Kesken."),
    "blog/2027/ajastettu.md": post("Ajastettu kirjoitus", "2027-01-07 09:00", summary="Tulossa."),
    "blog/2026/julkinen.md": post("Julkinen kirjoitus", "2026-01-05", summary="Julki."),
}


def test_preview_shows_drafts_and_scheduled_posts_marked(tmp_path):
    write_site(tmp_path, FILES, mkdocs_yml=PREVIEW_YML)
    result = run_build(tmp_path)
    assert result.returncode == 0, result.output
    draft = result.html("blogi/2026/luonnos/")
    assert "Keskeneräinen luonnos" in draft and "Luonnos – ei näy julkaistulla sivustolla" in draft
    scheduled = result.html("blogi/2027/ajastettu/")
    assert "Ajastettu: julkaistaan 7.1.2027 klo 9" in scheduled
    public = result.html("blogi/2026/julkinen/")
    assert "Luonnos –" not in public and "Ajastettu:" not in public
    index = result.html("blogi/")
    assert "Keskeneräinen luonnos" in index and "Ajastettu kirjoitus" in index


def test_without_preview_the_same_site_hides_them(tmp_path):
    write_site(tmp_path, FILES)
    result = run_build(tmp_path)
    assert result.returncode == 0, result.output
    assert not result.exists("blogi/2026/luonnos/") and not result.exists("blogi/2027/ajastettu/")
    assert "Keskeneräinen luonnos" not in result.html("blogi/")


class RecordingServer:
    """Stands in for mkdocs' LiveReloadServer: records what the plugin asks it to watch."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args, **kwargs) -> None:
        self.watched.append(path)


def _plugin_for_serve(root: Path):
    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["muutostuki"]
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    return plugin, config


def test_serve_previews_and_watches_blog_and_events(tmp_path):
    write_site(tmp_path, {**FILES, "events/2026-12-03-foorumi.md": "---\ntitle: Foorumi\nstart: 2026-12-03\n---\n"})
    plugin, config = _plugin_for_serve(tmp_path)
    assert plugin.preview is True and plugin.ctx.site.preview is True
    assert {p.title for p in plugin.ctx.site.posts} >= {"Keskeneräinen luonnos", "Ajastettu kirjoitus"}
    server = RecordingServer()
    assert plugin.on_serve(server, config=config, builder=None) is server
    watched = {Path(p).resolve() for p in server.watched}
    assert {(tmp_path / "blog").resolve(), (tmp_path / "events").resolve()} <= watched
    # docs/ and mkdocs.yml are watched by `mkdocs serve` itself (mkdocs/commands/serve.py)
    assert Path(config.docs_dir).resolve() == (tmp_path / "docs").resolve()


def test_serve_watches_configured_content_folders(tmp_path):
    yml = MKDOCS_YML + "      blog_dir: kirjoitukset\n      events_dir: tapahtumat\n"
    write_site(tmp_path, {"kirjoitukset/authors.yml": "authors:\n  testaaja:\n    name: Tiina Testaaja\n",
                          "kirjoitukset/a.md": post("A", "2026-01-02", summary="A."),
                          "tapahtumat/2026-12-03-x.md": "---\ntitle: X\nstart: 2026-12-03\n---\n"}, mkdocs_yml=yml)
    plugin, config = _plugin_for_serve(tmp_path)
    server = RecordingServer()
    plugin.on_serve(server, config=config, builder=None)
    assert {Path(p).name for p in server.watched} >= {"kirjoitukset", "tapahtumat"}
