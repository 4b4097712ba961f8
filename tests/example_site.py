"""The real example site (the project's own mkdocs.yml), built once per test session, served on localhost,
and a real Chromium to look at it. conftest.py loads this module as a pytest plugin, so the
fixtures (example_site, served_site, browser, page) are shared by every test module. The site, the
server and the browser are kept in _SHARED, so a module that also imports the fixtures (which registers
them a second time) still gets the same single build and the same single Chromium.

WHY a real build of the real site: accessibility, validity and search are properties of what readers
get, so they are checked on the same output `make build` produces, not on hand-made HTML.
"""
from __future__ import annotations

import functools
import os
import re
import subprocess
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from engine import engine_command

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("MUUTOSTUKI_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
EXAMPLE_BUILD_TIME = "2026-11-23 12:00"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

MISSING_BROWSER = (
    "\n\n*** SELAINTA EI LÖYDY / BROWSER MISSING ***\n"
    "Selaintestit tarvitsevat Debianin chromium-paketin ({path}). Asenna se: apt-get install -y chromium\n"
    "Browser tests need Debian's chromium package at {path}: apt-get install -y chromium\n"
    "(Only to skip them on purpose: MUUTOSTUKI_SKIP_BROWSER=1.)\n"
)


@dataclass
class ExampleSite:
    site: Path
    output: str

    def file(self, url: str) -> Path:
        path = self.site / url.lstrip("/")
        return path / "index.html" if url.endswith("/") or not path.suffix else path

    def html(self, url: str) -> str:
        return self.file(url).read_text(encoding="utf-8")

    def pages(self) -> list[str]:
        """Site-relative URL of every built HTML page (404.html included)."""
        urls = []
        for path in sorted(self.site.rglob("*.html")):
            rel = path.relative_to(self.site).as_posix()
            if rel.startswith(("assets/", "pagefind/", "admin/")):  # admin/: the editor, tests/test_admin_*
                continue
            urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        return urls


def build_example_site(dest: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        engine_command("build", "--clean", "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest), *extra),
        cwd=ROOT, capture_output=True, text=True, timeout=900,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "MUUTOSTUKI_BUILD_TIME": EXAMPLE_BUILD_TIME, **(env or {})},
    )


_SHARED: dict = {}


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> ExampleSite:
    if "site" not in _SHARED:
        dest = tmp_path_factory.mktemp("example") / "site"
        proc = build_example_site(dest)
        assert proc.returncode == 0, f"the example site does not build:\n{proc.stdout}{proc.stderr}"
        _SHARED["site"] = ExampleSite(site=dest, output=proc.stdout + proc.stderr)
    return _SHARED["site"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep test output readable
        pass


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def served_site(example_site) -> str:
    if "server" not in _SHARED:
        _SHARED["server"] = serve(example_site.site)
    return _SHARED["server"][1]


def require_chromium() -> None:
    """A missing browser fails loudly: a green run must mean the pages were really checked."""
    if CHROMIUM.exists():
        return
    if os.environ.get("MUUTOSTUKI_SKIP_BROWSER") == "1":
        pytest.skip(f"MUUTOSTUKI_SKIP_BROWSER=1: browser tests skipped on purpose ({CHROMIUM} missing)")
    pytest.fail(MISSING_BROWSER.format(path=CHROMIUM), pytrace=False)


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    if "browser" not in _SHARED:
        from playwright.sync_api import sync_playwright

        _SHARED["playwright"] = sync_playwright().start()
        _SHARED["browser"] = _SHARED["playwright"].chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    return _SHARED["browser"]


def pytest_sessionfinish(session, exitstatus):
    """Close what the session fixtures opened (this module is loaded as a pytest plugin)."""
    if "browser" in _SHARED:
        _SHARED.pop("browser").close()
        _SHARED.pop("playwright").stop()
    if "server" in _SHARED:
        _SHARED.pop("server")[0].shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def axe_violations(tab, tags: list[str] = WCAG_TAGS) -> list[dict]:
    """Run axe-core in the page; the violations of the given WCAG tags."""
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", tags)
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


# -- representative pages ---------------------------------------------------------------------
KINDS = {
    "etusivu": r"^$",
    "kirjoitus": r"^blogi/\d{4}/[^/]+/$",
    "blogin etusivu": r"^blogi/$",
    "tapahtuma": r"^tapahtumat/(?!menneet/|kalenteri/|tilaa/|sivu/)[^/]+/$",
    "tapahtumalista": r"^tapahtumat/$",
    "kalenterikuukausi": r"^tapahtumat/kalenteri/\d{4}/\d{2}/$",
    "alue": r"^alueet/[^/]+/$",
    "aihe": r"^blogi/aiheet/[^/]+/$",
    "alueet": r"^alueet/$",
    "kalenterin tilaus": r"^tapahtumat/tilaa/$",
}


def representative(site: ExampleSite, kind: str) -> str:
    """The first built page of a kind; fails with the reason when the site has none."""
    pattern = re.compile(KINDS[kind])
    for url in site.pages():
        if pattern.match(url):
            return url
    pytest.fail(f"the example site has no page of kind '{kind}' (URL pattern {KINDS[kind]}): "
                f"that page type is not built yet, or the example content has none", pytrace=False)
