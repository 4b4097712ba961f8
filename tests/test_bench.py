"""The benchmark harness keeps working: a tiny corpus built by all three engines, figures checked.

Not a timed test: the figures are checked for being produced and plausible, not for speed.
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from muutostuki.content.region_registry import REGION_IDS
from muutostuki.content.timeutil import HELSINKI

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
import readers  # noqa: E402

POSTS = 12


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_corpus_is_deterministic_and_shaped_like_editors_content(tmp_path):
    first = corpus.generate(tmp_path / "a", 40, seed=7)
    again = corpus.generate(tmp_path / "b", 40, seed=7)
    other = corpus.generate(tmp_path / "c", 40, seed=8)
    a, b, c = (_files(x.root / "ours") for x in (first, again, other))
    assert a == b
    assert a != c
    posts = [k for k in a if k.startswith("blog/") and k.endswith(".md")]
    events = [k for k in a if k.startswith("events/")]
    assert len(posts) == 40 and len(events) == 40 // 3
    assert sorted(k.split("/")[-1][:-3] for k in a if k.startswith("docs/alueet/")) == sorted(REGION_IDS)
    texts = [a[k].decode() for k in posts]
    assert all(t.startswith("---\ntitle: ") and "\nauthors: [" in t and "\n## " in t for t in texts)
    assert any("<!-- more -->" in t for t in texts) and any("\nsummary: " in t for t in texts)
    assert any("](../" in t or ".md)" in t for t in texts)  # relative links between posts
    words = [len(t.split("\n---\n", 1)[1].split()) for t in texts]
    assert min(words) >= 300 and max(words) <= 1100
    event_texts = [a[k].decode() for k in events]
    assert any("\nrecurrence: FREQ=" in t for t in event_texts) or len(events) < 10
    assert "build_time: " in a["mkdocs.yml"].decode()


def test_front_page_weight_follows_stylesheets_scripts_and_fonts(tmp_path):
    site = tmp_path
    css = b"@font-face{src:url('../fonts/a.woff2') format('woff2')} body{color:red}" * 20
    (site / "css").mkdir()
    (site / "fonts").mkdir()
    (site / "css" / "s.css").write_bytes(css)
    (site / "fonts" / "a.woff2").write_bytes(bytes(range(256)) * 8)
    (site / "app.js").write_bytes(b"console.log(1);" * 50)
    html = (b'<html><head><link rel="stylesheet" href="css/s.css"><script src="app.js"></script>'
            b'<link rel="stylesheet" href="https://cdn.example.com/x.css"></head><body>' + b"<p>teksti</p>" * 100
            + b"</body></html>")
    (site / "index.html").write_bytes(html)
    weight = readers.static_page_weight(site, "")
    expected = sum(len(gzip.compress(x, 6)) if len(gzip.compress(x, 6)) < len(x) else len(x)
                   for x in (html, css, (site / "fonts" / "a.woff2").read_bytes(), b"console.log(1);" * 50))
    assert weight["assets"] == 3
    assert weight["total_gzip"] == expected
    assert weight["external"] == ["https://cdn.example.com/x.css"]


def test_calendar_check_finds_events_older_than_a_year(tmp_path):
    ics = "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//testi//", "BEGIN:VEVENT", "UID:vanha", "DTSTAMP:20261123T100000Z",
        "DTSTART:20240105T100000Z", "DTEND:20240105T120000Z", "SUMMARY:Vanha", "END:VEVENT",
        "BEGIN:VEVENT", "UID:sarja", "DTSTAMP:20261123T100000Z", "DTSTART:20250901T100000Z",
        "DTEND:20250901T110000Z", "RRULE:FREQ=MONTHLY;COUNT=6", "SUMMARY:Sarja", "END:VEVENT",
        "END:VCALENDAR", ""])
    (tmp_path / "tapahtumat.ics").write_text(ics)
    now = datetime(2026, 11, 23, 12, tzinfo=HELSINKI)
    figures = readers.calendar_figures(tmp_path, now)
    assert figures["events"] == 2 and figures["older_than_a_year"] == 1
    assert figures["only_past_year_onward"] is False
    # The series counts by its last occurrence (1.2.2026): a year after that, it is old too.
    figures = readers.calendar_figures(tmp_path, datetime(2027, 3, 1, tzinfo=HELSINKI))
    assert figures["older_than_a_year"] == 2


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    out = work / "figures.json"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--posts", str(POSTS), "--runs", "1",
                           "--workdir", str(work), "--json", str(out), "--no-browser", "--warm"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return work, proc.stdout, json.loads(out.read_text(encoding="utf-8"))


def test_all_three_builds_produce_plausible_figures(bench_run):
    _work, table, data = bench_run
    result = data["results"][0]
    assert result["posts"] == POSTS and result["events"] == POSTS // 3
    assert set(result["builds"]) == {"ours", "floor", "blog"}
    for engine, b in result["builds"].items():
        assert 0.1 < b["wall_s"] < 300, engine
        assert 20 < b["peak_mb"] < 2000, engine
        assert 20 < b["mkdocs_peak_mb"] <= b["peak_mb"] * 1.01, engine
        assert b["size_mb"] > 0.1 and b["files"] > POSTS, engine
    assert f"| {POSTS} + {POSTS // 3} |" in table
    assert "muutostuki / floor" in table and data["meta"]["nproc"] >= 1


def test_warm_builds_are_timed_beside_the_cold_one(bench_run):
    work, table, data = bench_run
    result = data["results"][0]
    assert set(result["warm"]) == {"none", "ci", "edit", "daily"}
    for kind, b in result["warm"].items():
        assert 0.1 < b["wall_s"] < 300 and b["files"] > POSTS, kind
    assert "Warm builds" in table and "warm, one post edited" in table and "no site folder (CI)" in table
    ours = work / f"n{POSTS}" / "ours"
    assert (ours / ".cache" / "muutostuki" / "cache.sqlite").is_file()
    assert not any("Tämä lause on muokattu." in p.read_text(encoding="utf-8") for p in (ours / "blog").rglob("*.md"))
    assert not list(work.glob("n*/poistettavat")), "the site folders set aside before builds are removed at the end"


def test_reader_figures_match_the_built_site(bench_run):
    work, _table, data = bench_run
    result = data["results"][0]
    figures = result["readers"]
    site = work / f"n{POSTS}" / "ours" / "site"
    post = figures["post_page"]
    assert post["pages"] == result["public_posts"]
    assert 1000 < post["newest_gzip"] < post["newest_bytes"]
    front = figures["front_page"]
    assert front["html_bytes"] == (site / "index.html").stat().st_size
    assert front["assets"] >= 1 and front["total_gzip"] > front["html_gzip"]
    feed = figures["feeds"].get("feed.xml")
    if feed:
        assert feed["items"] == min(20, result["public_posts"])
    calendar = figures["calendar"]
    if calendar:
        assert 1 <= calendar["events"] <= result["events"]
        assert calendar["older_than_a_year"] <= result["old_events"]


@pytest.mark.browser
def test_browser_counts_front_page_and_search_bytes(bench_run):
    work, _table, data = bench_run
    if not readers.CHROMIUM.exists():
        pytest.skip("Debian chromium missing")
    site = work / f"n{POSTS}" / "ours" / "site"
    measured = readers.browser_figures(site)
    static = data["results"][0]["readers"]["front_page"]["total_gzip"]
    # The browser fetches at least what the HTML references (JS may fetch more).
    assert measured["front_page_gzip"] >= static * 0.9
    if readers.pagefind_dir(site) is not None:
        assert measured["search_requests"] >= 3 and measured["search_bytes"] > 10_000


def test_hugo_is_scaled_to_this_machine_by_the_floor_of_the_same_run():
    from bench import run as bench_run_mod

    row = {"posts": 1000, "builds": {"ours": {"wall_s": 25.0}, "floor": {"wall_s": 23.2}}}
    assert bench_run_mod._hugo_cell(row) == "2.6 s; 5.2 s here, scaled by the floor (23.2 s here, 11.6 s then)"
    assert bench_run_mod._hugo_cell({"posts": 3000, "builds": {"ours": {}}}) == "9.2 s"  # no floor measured
    assert bench_run_mod._hugo_cell({"posts": 100, "builds": {"ours": {}}}) == "–"


def test_pagefind_phases_are_read_from_its_stamped_output():
    import pagefind_phases

    stamped = [(0.0, "Running Pagefind v1.5.2"), (0.01, "[Walking source directory]"), (0.05, "Found 3 files"),
               (0.06, "[Parsing files]"), (2.3, "[Reading languages]"), (2.4, "[Building search indexes]"),
               (2.9, "Total: "), (3.0, "  Indexed 3 pages")]
    assert pagefind_phases.phase_times(stamped, 4.2) == {
        "Walking source directory": 0.05, "Parsing files": 2.24, "Reading languages": 0.1,
        "Building search indexes": 0.5, "Writing files": 1.3}


def test_pagefind_phases_time_both_ways_over_the_searchable_pages(bench_run):
    import pagefind_phases

    work, _table, _data = bench_run
    site = work / f"n{POSTS}" / "ours" / "site"
    pages = pagefind_phases.searchable_pages(site)
    assert pages and all(not p.startswith("pagefind/") for p in pages)
    assert any(p.startswith("blogi/") for p in pages) and "index.html" not in pages  # the front page is a listing
    results, same = pagefind_phases.measure(site, pages, runs=1)
    cli, service = results["command line"][0], results["service"][0]
    assert {"Parsing files", "Building search indexes", "Writing files"} <= set(cli)
    assert 0 < cli["Parsing files"] < cli["wall"] and cli["cpu"] > 0
    assert 0 < service["add every page"] < service["wall"] and service["build and write"] > 0
    assert same, "the service and the command line index the same pages into the same fragments"
