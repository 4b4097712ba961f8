"""`make serve`: drafts and scheduled posts are previewed, marked; content folders are watched."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import MKDOCS_YML, engine_command, post, run_build, write_site
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
        self.builder = lambda: None
        self.app = lambda environ, start_response: []

    def watch(self, path: str, *args, **kwargs) -> None:
        self.watched.append(path)

    def get_app(self):
        return self.app

    def set_app(self, app) -> None:
        self.app = app


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


# -- a real `mkdocs serve`: a saved mistake never makes the preview hang ---------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Preview:
    """A `mkdocs serve --livereload` subprocess; every request has a timeout, so a hang fails the test."""

    def __init__(self, root: Path) -> None:
        self.port = _free_port()
        self.log = root / "serve.log"
        self._log_file = self.log.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(engine_command("serve", "--livereload", "-a", f"127.0.0.1:{self.port}"),
                                     cwd=root, stdout=self._log_file, stderr=subprocess.STDOUT,
                                     env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def get(self, path: str, timeout: float = 10) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=timeout) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8")

    def wait_for(self, path: str, ready, what: str, seconds: float = 90) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the preview stopped: {what}\n{self.log.read_text()}")
            try:
                status, body = self.get(path)
            except (ConnectionError, urllib.error.URLError) as exc:
                if isinstance(getattr(exc, "reason", None), TimeoutError):
                    raise AssertionError(f"the preview hangs: {path} ({what})\n{self.log.read_text()}")
                time.sleep(0.3)
                continue
            except TimeoutError:
                raise AssertionError(f"the preview hangs: {path} ({what})\n{self.log.read_text()}")
            if status == 200 and ready(body):
                return body
            time.sleep(0.3)
        raise AssertionError(f"not in {seconds} s: {what}\n{self.log.read_text()}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=30)
        self._log_file.close()


BANNER = 'id="mt-preview-errors"'
EPOCH = re.compile(r"livereload\((\d+), \d+\)")


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()  # a later mtime, even within the file system's timestamp granularity
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_a_saved_mistake_keeps_the_last_good_site_served_and_shows_the_mistakes(tmp_path):
    root = write_site(tmp_path, {"blog/2026/a.md": post("Hyvä versio", "2026-01-15", summary="Ensin.")})
    target = root / "blog" / "2026" / "a.md"
    preview = Preview(root)
    try:
        page = preview.wait_for("/blogi/2026/a/", lambda b: "Hyvä versio" in b, "the first build")
        assert BANNER not in page
        before = int(EPOCH.search(page).group(1))

        # Mistakes in two files: both are listed, the last good page is still served, at once.
        _save(root / "blog" / "2026" / "b.md", post("Toinen", "2026-01-16", summary="Uusi.", regions="[kymenlakso]"))
        _save(target, post("Rikki", "2026-13-45", summary="Ensin."))
        page = preview.wait_for("/blogi/2026/a/", lambda b: BANNER in b, "the mistakes in the browser")
        banner = page[page.index(BANNER):page.index("</div>", page.index(BANNER))]
        assert "Esikatselu ei päivittynyt: sisällössä on 2 virhettä." in banner
        assert re.search(r"<code[^>]*>blog/2026/a\.md:3:</code> date: ", banner), banner
        assert re.search(r"<code[^>]*>blog/2026/b\.md:\d+:</code> regions: tuntematon alue", banner), banner
        assert "Sisällössä on" not in banner, "the summary line is the heading, not a mistake"
        assert "Hyvä versio" in page and "Rikki" not in page, "the last good site is served"
        assert page.index(BANNER) < page.index('<header class="md-header'), "the banner is at the top"
        # the browser was told to reload (a newer epoch), and other pages are served with the banner too
        assert int(EPOCH.search(page).group(1)) > before
        status, front = preview.get("/")
        assert status == 200 and BANNER in front
        status, _ = preview.get("/feed.xml")
        assert status == 200
        assert "blog/2026/a.md:3: date: " in preview.log.read_text(), "the terminal still names the mistake"

        # Fixed: the new version is served and the banner is gone.
        (root / "blog" / "2026" / "b.md").unlink()
        _save(target, post("Korjattu versio", "2026-01-15", summary="Ensin."))
        page = preview.wait_for("/blogi/2026/a/", lambda b: "Korjattu versio" in b, "the fixed page")
        assert BANNER not in page
    finally:
        preview.stop()
    assert "Traceback" not in preview.log.read_text()


def test_a_broken_mkdocs_yml_is_shown_in_the_browser_too(tmp_path):
    root = write_site(tmp_path, {"blog/2026/a.md": post("Hyvä versio", "2026-01-15", summary="Ensin.")})
    config = root / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    preview = Preview(root)
    try:
        preview.wait_for("/blogi/2026/a/", lambda b: "Hyvä versio" in b, "the first build")
        _save(config, good.replace("site_url: https://testi.example.fi/\n", "site_url: [rikki\n"))
        page = preview.wait_for("/blogi/2026/a/", lambda b: BANNER in b, "the broken configuration")
        assert "Esikatselu ei päivittynyt: koostaminen epäonnistui." in page and "Hyvä versio" in page
        _save(config, good)
        preview.wait_for("/blogi/2026/a/", lambda b: BANNER not in b, "the banner gone after the fix")
    finally:
        preview.stop()


def test_the_banner_escapes_what_editors_wrote_and_keeps_content_length_right():
    from muutostuki.mkdocs.preview_errors import PreviewErrors

    errors = PreviewErrors()
    page = b"<!doctype html><html><body class='x'><p>sivu</p></body></html>"

    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(page)))])
        return [page]

    def css(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/css")])
        return [b"body{}"]

    def call(wsgi):
        seen = {}
        body = b"".join(wsgi({}, lambda status, headers, exc_info=None: seen.update(headers=dict(headers))))
        return body, seen["headers"]

    served = errors.middleware(app)
    assert call(served)[0] == page  # no errors: untouched
    errors.lines = ["blog/a.md:3: title: <script>alert(1)</script> & 'x'", "Sisällössä on 1 virhe"]
    body, headers = call(served)
    text = body.decode("utf-8")
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in text
    assert text.index('id="mt-preview-errors"') > text.index("<body class='x'>") and "sisällössä on 1 virhe." in text
    assert int(headers["Content-Length"]) == len(body)
    assert call(errors.middleware(css))[0] == b"body{}"  # only HTML pages get the banner
    errors.lines = [f"blog/{i}.md:1: title: virhe" for i in range(80)]
    assert "ja 30 riviä lisää" in call(served)[0].decode("utf-8")


def test_a_failed_build_is_done_for_the_server_and_a_good_one_clears_the_mistakes(capsys):
    import logging

    from mkdocs.exceptions import Abort, PluginError
    from muutostuki.mkdocs.engine import engine_logger
    from muutostuki.mkdocs.preview_errors import PreviewErrors

    errors = PreviewErrors()

    def content_mistake():
        engine_logger("plugins.muutostuki").error("blog/a.md:3: date: päivämäärää ei ole")
        try:
            raise PluginError("Sisällössä on 1 virhe: korjaa yllä luetellut kohdat")
        except PluginError:
            raise Abort("Aborted with a BuildError!")

    def bug():
        raise RuntimeError("bugi")

    errors.guard(content_mistake)()  # returns: the server's build loop reloads instead of waiting
    assert errors.lines == ["blog/a.md:3: date: päivämäärää ei ole"]
    errors.guard(bug)()
    assert errors.lines == ["RuntimeError: bugi"] and "Traceback" in capsys.readouterr().err
    errors.guard(lambda: None)()
    assert errors.lines == []
    assert not any(isinstance(h, logging.Handler) and type(h).__name__ == "_ErrorRecords"
                   for h in engine_logger().handlers), "the handler is removed after each build"
