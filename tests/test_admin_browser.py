"""The browser editor /admin/ in a real Chromium against Decap's local backend (decap-server, git mode).

A copy of the example site in a fresh git repository: the editor saves a post and an event as drafts
(branches cms/..., as pull requests in production), `check` accepts the files, a build hides them
until they are published in the editor, and then shows them with their regions. Values the build
refuses are refused by the editor before saving. The admin page loads nothing from another host
and passes axe.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timezone
from pathlib import Path

import icalendar
import pytest

from engine import engine_command
from example_site import (CHROMIUM, CHROMIUM_ARGS, EXAMPLE_BUILD_TIME, ROOT, axe_violations, build_example_site,
                          describe, require_chromium, serve)

pytestmark = pytest.mark.browser
DECAP = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
CONTENT = ("mkdocs.yml", "blog", "events", "docs")
GIT_ID = ["-c", "user.name=Testi", "-c", "user.email=testi@example.fi"]
IMAGE_URL = "https://muutostuki.example.fi/kuvat/foorumi.jpg"


@dataclass
class Cms:
    repo: Path
    admin: str        # URL of /admin/ on the served build
    site_root: str
    backend: str      # decap-server's URL
    out: Path

    def git(self, *args: str) -> str:
        return subprocess.run(["git", *GIT_ID, *args], cwd=self.repo, capture_output=True, text=True,
                              check=True).stdout

    def cms_branches(self) -> list[str]:
        return self.git("branch", "--list", "cms/*", "--format=%(refname:short)").split()

    def build(self, name: str) -> Path:
        dest = self.out / name
        proc = subprocess.run(
            engine_command("build", "--clean", "-f", str(self.repo / "mkdocs.yml"), "-d", str(dest)),
            cwd=self.repo, capture_output=True, text=True, timeout=300,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "MUUTOSTUKI_BUILD_TIME": EXAMPLE_BUILD_TIME})
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return dest

    def check(self, folder: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "muutostuki", "check"], cwd=folder, capture_output=True,
                              text=True, timeout=120,
                              env={**os.environ, "MUUTOSTUKI_BUILD_TIME": EXAMPLE_BUILD_TIME})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"decap-server stopped: {proc.stderr.read() if proc.stderr else ''}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail("decap-server did not start in 20 s")


@pytest.fixture(scope="module")
def browser():
    """This module's own Chromium, closed when the module ends: the session's shared one may not be
    running yet, and a second sync Playwright cannot start beside it (test_bench starts its own)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # muutostuki.test: a name for 127.0.0.1 that is not "local" to the editor, as the published site is not
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP muutostuki.test 127.0.0.1"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def cms(tmp_path_factory, browser):
    if not DECAP.is_file():
        pytest.fail(f"{DECAP} missing: run make test (it runs npm ci) or npm ci --omit=dev", pytrace=False)
    out = tmp_path_factory.mktemp("cms")
    repo = out / "repo"
    repo.mkdir()
    for name in CONTENT:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, repo / name)
    (repo / "node_modules").symlink_to(ROOT / "node_modules")
    # the project's own ignores (.cache/ of the build, site/), and node_modules as a symlink (no trailing /)
    (repo / ".gitignore").write_text((ROOT / ".gitignore").read_text("utf-8") + "node_modules\n", "utf-8")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Esimerkkisivusto"]):
        subprocess.run(["git", *GIT_ID, *args], cwd=repo, check=True, capture_output=True)
    port = _free_port()
    backend = f"http://127.0.0.1:{port}/api/v1"
    admin_site = out / "admin-site"
    proc = build_example_site(admin_site, env={"MUUTOSTUKI_CMS_LOCAL_BACKEND": backend})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    server, url = serve(admin_site)
    decap = subprocess.Popen(["node", str(ROOT / "tools" / "edit-server.js")], cwd=repo, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={**os.environ, "GIT_REPO_DIRECTORY": str(repo), "CMS_PORT": str(port)})
    try:
        _wait_for_port(port, decap)
        yield Cms(repo=repo, admin=url + "admin/", site_root=url, backend=backend, out=out)
    finally:
        decap.terminate()
        decap.wait(timeout=10)
        server.shutdown()


@pytest.fixture(scope="module")
def editor(browser, cms):
    """A signed-in editor in a browser set to New York time: what is saved must still be Finnish time.
    One tab for the module (signing in loads Decap's 6 MB once); each test opens its own form."""
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900},
                                  timezone_id="America/New_York")
    tab = context.new_page()
    # confirmations are accepted; Decap asks an image's address with a prompt
    tab.on("dialog", lambda dialog: dialog.accept(IMAGE_URL if dialog.type == "prompt" else None))
    tab.goto(cms.admin)
    tab.get_by_role("button", name="Kirjaudu").click()
    tab.get_by_text("Sisältö").first.wait_for()
    yield tab
    context.close()


def _new(tab, cms: Cms, collection: str) -> None:
    """A fresh form: a full page load (the sign-in is remembered), so no earlier form is left over."""
    tab.goto("about:blank")
    tab.goto(f"{cms.admin}#/collections/{collection}/new")
    _field(tab, "title").wait_for()


def _field(tab, name: str):
    return tab.locator(f'[id^="{name}-field"]').first


def _time(tab, name: str, day: str, clock: str = "") -> None:
    _field(tab, name).fill(day)
    if clock:
        tab.locator(f'[id^="{name}-field"] ~ label input[type=time]').fill(clock)


def _choose(tab, name: str, text: str) -> None:
    _field(tab, name).fill(text)
    tab.keyboard.press("Enter")


def _save(tab) -> None:
    tab.get_by_role("button", name="Tallenna", exact=True).click()


def _publish(tab) -> None:
    """Editorial workflow: Luonnos -> Valmis, then Julkaise -> Julkaise nyt."""
    tab.get_by_role("button", name="Tila: Luonnos").click()
    tab.get_by_role("menuitem", name="Valmis").click()
    tab.get_by_text("Tila vaihdettu").first.wait_for()
    tab.get_by_role("button", name="Julkaise", exact=True).click()
    tab.get_by_role("menuitem", name="Julkaise nyt").click()
    tab.get_by_text("Julkaistu", exact=True).first.wait_for()


def _checked_on_branch(cms: Cms, branch: str) -> subprocess.CompletedProcess:
    """`check` on the draft branch, as the pull request's check would run it."""
    folder = cms.out / branch.replace("/", "-")
    cms.git("worktree", "add", "-q", "--detach", str(folder), branch)
    try:
        return cms.check(folder)
    finally:
        cms.git("worktree", "remove", "--force", str(folder))


def test_post_is_a_draft_until_published_then_shown_with_its_region(cms, editor):
    tab = editor
    _new(tab, cms, "kirjoitukset")
    _field(tab, "title").fill("Selaimessa kirjoitettu kirjoitus")
    _time(tab, "date", "2026-11-20", "10:00")
    _choose(tab, "authors", "Henna")
    _choose(tab, "regions", "Etelä-Savo")
    tab.locator("[contenteditable=true]").first.click()
    tab.keyboard.type("Järjestöt tapasivat hyvinvointialueen väkeä.")
    _save(tab)
    tab.get_by_text("Tallennettu luonnoksena").first.wait_for()

    branch = "cms/kirjoitukset/2026/selaimessa-kirjoitettu-kirjoitus"
    assert cms.cms_branches() == [branch]
    text = cms.git("show", f"{branch}:blog/2026/selaimessa-kirjoitettu-kirjoitus.md")
    assert "date: 2026-11-20 10:00\n" in text and "  - henna-hovi\n" in text and "  - etela-savo\n" in text
    checked = _checked_on_branch(cms, branch)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert not (cms.repo / "blog/2026/selaimessa-kirjoitettu-kirjoitus.md").exists()
    hidden = cms.build("before-post")
    assert not (hidden / "blogi/2026/selaimessa-kirjoitettu-kirjoitus").exists()

    _publish(tab)
    assert cms.cms_branches() == []
    assert (cms.repo / "blog/2026/selaimessa-kirjoitettu-kirjoitus.md").is_file()
    shown = cms.build("after-post")
    page = (shown / "blogi/2026/selaimessa-kirjoitettu-kirjoitus/index.html").read_text(encoding="utf-8")
    assert "Selaimessa kirjoitettu kirjoitus" in page and "Henna Hovi" in page and "Etelä-Savo" in page
    region = (shown / "alueet/etela-savo/index.html").read_text(encoding="utf-8")
    assert "Selaimessa kirjoitettu kirjoitus" in region


def test_event_across_the_dst_change_keeps_finnish_time(cms, editor):
    """Finland moves to summer time on 28 March 2027 at 03:00; New York already did on 14 March."""
    tab = editor
    _new(tab, cms, "tapahtumat")
    _field(tab, "title").fill("Kevään verkostopäivä")
    _time(tab, "start", "2027-03-28", "10:00")
    _time(tab, "end", "2027-03-28", "12:30")
    _choose(tab, "regions", "Lappi")
    _save(tab)
    tab.get_by_text("Tallennettu luonnoksena").first.wait_for()
    branch = "cms/tapahtumat/2027-03-28-kevaan-verkostopaiva"
    assert branch in cms.cms_branches()
    text = cms.git("show", f"{branch}:events/2027-03-28-kevaan-verkostopaiva.md")
    assert "start: 2027-03-28 10:00\n" in text and "end: 2027-03-28 12:30\n" in text
    checked = _checked_on_branch(cms, branch)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert not (cms.build("before-event") / "tapahtumat/2027-03-28-kevaan-verkostopaiva").exists()

    _publish(tab)
    shown = cms.build("after-event")
    page = (shown / "tapahtumat/2027-03-28-kevaan-verkostopaiva/index.html").read_text(encoding="utf-8")
    assert "Kevään verkostopäivä" in page and "Lappi" in page and "10.00" in page
    calendar = icalendar.Calendar.from_ical((shown / "tapahtumat/2027-03-28-kevaan-verkostopaiva.ics").read_bytes())
    event = next(c for c in calendar.walk("VEVENT"))
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute, str(start.tzinfo)) == (10, 0, "Europe/Helsinki")
    assert start.astimezone(timezone.utc).hour == 7, "summer time: UTC+3 from 28 March 2027"


def test_values_the_build_refuses_are_refused_before_saving(cms, editor, tmp_path):
    tab = editor
    before = cms.cms_branches()
    _new(tab, cms, "tapahtumat")
    _field(tab, "title").fill("Väärin päin")
    _time(tab, "start", "2027-04-10", "12:00")
    _time(tab, "end", "2027-04-10", "10:00")
    # an unknown region cannot be chosen: the list offers only the 22 regions
    _field(tab, "regions").fill("Kymenlakso")
    assert tab.get_by_text("No options").or_(tab.get_by_text("Ei vaihtoehtoja")).first.is_visible()
    tab.keyboard.press("Escape")
    _save(tab)
    tab.get_by_text("Tapahtuma päättyy ennen kuin se alkaa").first.wait_for()
    assert cms.cms_branches() == before, "the editor saved an event that ends before it starts"

    # what a git user might still write: `check` refuses it with the build's own message
    bad = tmp_path / "kopio"
    cms.git("worktree", "add", "-q", "--detach", str(bad), "main")
    try:
        (bad / "events/2027-04-10-vaarin.md").write_text(
            "---\ntitle: Väärin\nstart: 2027-04-10 12:00\nend: 2027-04-10 10:00\n---\n", encoding="utf-8")
        (bad / "events/2027-04-11-alue.md").write_text(
            "---\ntitle: Alue\nstart: 2027-04-11 12:00\nregions: [kymenlakso]\n---\n", encoding="utf-8")
        checked = cms.check(bad)
    finally:
        cms.git("worktree", "remove", "--force", str(bad))
    assert checked.returncode != 0
    assert "events/2027-04-10-vaarin.md:4: end: tapahtuma päättyy ennen kuin se alkaa" in checked.stdout
    assert "events/2027-04-11-alue.md:4: regions: tuntematon alue 'kymenlakso'. Tarkoititko 'kymenlaakso'?" \
        in checked.stdout


def test_an_image_needs_its_alternative_text_before_saving(cms, editor):
    tab = editor
    before = cms.cms_branches()
    _new(tab, cms, "kirjoitukset")
    _field(tab, "title").fill("Kuva ilman tekstiä")
    _time(tab, "date", "2026-11-02", "09:00")
    _choose(tab, "authors", "Henna")
    tab.get_by_role("button", name="Kuva verkko-osoitteesta").click()
    tab.get_by_role("button", name="Tallenna", exact=True).wait_for()
    _save(tab)
    tab.get_by_text("kuvalta puuttuu vaihtoehtoinen teksti").first.wait_for()
    assert cms.cms_branches() == before, "the editor saved an image without its alternative text"


def test_admin_is_not_in_sitemap_search_feeds_and_says_noindex(example_site):
    site = example_site.site
    assert (site / "admin" / "index.html").is_file() and (site / "admin" / "config.yml").is_file()
    assert '<meta name="robots" content="noindex, nofollow">' in (site / "admin" / "index.html").read_text("utf-8")
    assert "Disallow: /admin/" in (site / "robots.txt").read_text("utf-8")
    readers = [*site.glob("sitemap*.xml"), *site.glob("*.xml"), *site.glob("*.json"), *site.rglob("*.ics")]
    for path in readers:
        assert "/admin" not in path.read_text("utf-8"), f"{path.relative_to(site)} mentions /admin/"
    # Pagefind indexes only pages with a data-pagefind-body element (search/index.py)
    assert "data-pagefind-body" not in (site / "admin" / "index.html").read_text("utf-8")


def test_published_site_without_sign_in_shows_a_notice_and_starts_nothing(cms, browser):
    """Built without CMS_AUTH_URL and opened on a host that is not the editor's own machine."""
    tab = browser.new_page()
    seen: list[str] = []
    tab.on("request", lambda req: seen.append(req.url))
    try:
        tab.goto(cms.admin.replace("127.0.0.1", "muutostuki.test"))
        tab.get_by_text("Kirjautumista ei ole vielä otettu käyttöön").wait_for()
        tab.wait_for_load_state("networkidle")
        assert tab.get_by_role("button", name="Kirjaudu").count() == 0
        assert not [u for u in seen if "muutostuki.test" not in u], seen
    finally:
        tab.close()


@pytest.mark.parametrize("view", ["kirjautuminen", "lomake"])
def test_admin_loads_nothing_from_other_hosts_and_passes_axe(cms, browser, view):
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    outside: list[str] = []
    tab.on("request", lambda req: outside.append(req.url)
           if not req.url.startswith((cms.site_root, cms.backend, "data:", "blob:", "about:")) else None)
    try:
        tab.goto(cms.admin)
        tab.get_by_role("button", name="Kirjaudu").wait_for()
        if view == "lomake":
            tab.get_by_role("button", name="Kirjaudu").click()
            _new(tab, cms, "kirjoitukset")
            _field(tab, "title").wait_for()
        tab.wait_for_load_state("networkidle")
        assert not outside, f"/admin/ made requests to other hosts: {outside}"
        violations = axe_violations(tab)
        assert not violations, f"WCAG 2.1 A/AA violations on /admin/ ({view}):\n{describe(violations)}"
    finally:
        context.close()


def test_local_backend_refuses_a_checkout_with_uncommitted_changes(tmp_path):
    """decap-server commits with `git add .`: an editor's unsaved work must not slip into its commits."""
    for args in (["init", "-q", "-b", "main"], ["commit", "-q", "--allow-empty", "-m", "alku"]):
        subprocess.run(["git", *GIT_ID, *args], cwd=tmp_path, check=True, capture_output=True)
    (tmp_path / "kesken.md").write_text("keskeneräinen\n", encoding="utf-8")
    proc = subprocess.run(["node", str(ROOT / "tools" / "edit-server.js")], cwd=tmp_path, capture_output=True,
                          text=True, timeout=30, env={**os.environ, "GIT_REPO_DIRECTORY": str(tmp_path),
                                                      "CMS_PORT": str(_free_port())})
    assert proc.returncode == 1
    assert "Työkopiossa on tallentamattomia muutoksia" in proc.stderr and "kesken.md" in proc.stderr
