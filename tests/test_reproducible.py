"""Two builds of one commit give the same bytes; a daily rebuild changes only what is upcoming.

Each build is of its own fresh clone of this repository (another folder, other file times), so
nothing may depend on where or when the checkout was made. Left out by design: Pagefind's filter
and meta files and the entry file naming them (not byte-stable upstream, Pagefind/pagefind#638).
"""
from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from engine import engine_command

PAGEFIND_UNSTABLE = ("pagefind/filter/", "pagefind/pagefind-entry.json")
# Pages that show what is upcoming (lists, the month calendar, a series' next date): they follow the build time.
UPCOMING_PAGES = ("index.html", "tapahtumat/", "alueet/")


def _clone(dest: Path) -> Path:
    proc = subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(dest)],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        pytest.fail(f"git clone of the repository failed (the test builds a commit):\n{proc.stderr}", pytrace=False)
    return dest


def _build(root: Path, build_time: str) -> Path:
    site = root / "site"
    proc = subprocess.run(engine_command("build", "--clean", "-d", str(site)), cwd=root, capture_output=True,
                          text=True, timeout=900,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "MUUTOSTUKI_BUILD_TIME": build_time})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return site


def _tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _stable(rel: str) -> bool:
    return not (rel.startswith(PAGEFIND_UNSTABLE) or (rel.startswith("pagefind/") and rel.endswith(".pf_meta")))


def _differ(a: dict[str, str], b: dict[str, str]) -> set[str]:
    return {rel for rel in a.keys() | b.keys() if a.get(rel) != b.get(rel) and _stable(rel)}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    first = _tree(_build(_clone(tmp_path_factory.mktemp("eka") / "sivu"), "2026-12-01 03:15"))
    again = _tree(_build(_clone(tmp_path_factory.mktemp("toka") / "toinen-kansio"), "2026-12-01 03:15"))
    next_day = _tree(_build(_clone(tmp_path_factory.mktemp("huomenna") / "sivu"), "2026-12-02 03:15"))
    return first, again, next_day


def test_two_builds_of_one_commit_are_byte_identical(builds):
    first, again, _ = builds
    assert len(first) > 300 and any(rel.endswith(".ics") for rel in first)
    assert _differ(first, again) == set()


def test_a_daily_rebuild_changes_only_what_is_upcoming(builds):
    first, _, next_day = builds
    changed = _differ(first, next_day)
    outputs = {rel for rel in first if rel.endswith((".ics", ".xml", ".json", ".txt")) and _stable(rel)}
    assert not changed & outputs, "feeds, calendars and sitemaps follow content changes, not the build time"
    html = {rel for rel in changed if rel.endswith(".html")}
    assert all(rel.startswith(UPCOMING_PAGES) for rel in html), sorted(html)
    posts = {rel for rel in first if rel.startswith("blogi/") and rel.endswith(".html")}
    assert posts and not changed & posts, "posts do not change from one day to the next"
    assert "tapahtumat/index.html" in changed, "the upcoming list did move on (else the test says nothing)"
