"""The Pagefind index built by the muutostuki-search plugin, read back from its fragment files."""
from __future__ import annotations

import gzip
import json
import re
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import MKDOCS_YML, ROOT, engine_command, post, run_build, write_site
from muutostuki.search.index import (IndexRun, IndexSummary, build_index, estimated_mb, pack_part, pagefind_command,
                                     plan_parts, unpack_part)

SEARCH_YML = MKDOCS_YML + "  - muutostuki-search\n"


def parts(site: Path) -> list[Path]:
    """The bundle folders search.js loads: pagefind/ and the parts its osat.json names."""
    bundle = site / "pagefind"
    listed = json.loads((bundle / "osat.json").read_text())["osat"]
    return [bundle] + [bundle / name for name in listed]


def indexed(site: Path) -> dict[str, dict]:
    """url -> fragment (content, meta, filters) of every page in the index, over all its parts."""
    pages = {}
    for part in parts(site):
        for fragment in (part / "fragment").glob("*.pf_fragment"):
            data = gzip.decompress(fragment.read_bytes())
            assert data.startswith(b"pagefind_dcd")
            record = json.loads(data[len(b"pagefind_dcd"):])
            assert record["url"] not in pages, f"{record['url']} is in two parts of the index"
            pages[record["url"]] = record
    return pages


def test_only_public_posts_are_indexed_with_type_date_and_region(build_site):
    result = build_site({
        "blog/2026/julkinen.md": post("Julkinen kirjoitus", "2026-01-15", regions="[etela-savo, kainuu]",
                                      body="Järjestöt tapasivat hyvinvointialueen edustajia."),
        "blog/2026/luonnos.md": post("Luonnos", "2026-01-16", draft="true", body="Salainenluonnossana tässä."),
        "blog/2027/tuleva.md": post("Tuleva", "2027-01-01", body="Tulevaisuudensalaisuus tässä."),
    }, mkdocs_yml=SEARCH_YML)
    assert result.returncode == 0, result.output
    assert f"hakuhakemisto: {len(indexed(result.site))} sivua" in result.output
    pages = indexed(result.site)
    assert [url for url in pages if re.match(r"/blogi/\d", url)] == ["/blogi/2026/julkinen/"]
    # Everything else in the index is a page of a searchable kind (events, regions, authors), never a listing.
    assert all(re.fullmatch(r"/(tapahtumat|alueet|blogi/kirjoittajat)/[^/]+/", url)
               for url in pages if not re.match(r"/blogi/\d", url)), sorted(pages)
    assert pages["/blogi/kirjoittajat/testaaja/"]["meta"]["type"] == "Kirjoittaja"
    record = pages["/blogi/2026/julkinen/"]
    assert record["meta"]["title"] == "Julkinen kirjoitus"
    assert record["meta"]["type"] == "Kirjoitus" and record["meta"]["date"] == "15.1.2026"
    assert sorted(record["filters"]["region"]) == ["Etelä-Savo", "Kainuu"]
    assert record["filters"]["type"] == ["Kirjoitus"]
    assert "hyvinvointialueen edustajia" in record["content"]
    # Navigation, header and footer are not part of the indexed text; the post's date line is not either.
    assert "Tilaa RSS-syöte" not in record["content"] and "Siirry sisältöön" not in record["content"]
    assert "lukuaika" not in record["content"]
    everything = json.dumps(pages, ensure_ascii=False)
    assert "Salainenluonnossana" not in everything and "Tulevaisuudensalaisuus" not in everything
    entry = json.loads((result.site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["fi"], "pages must be indexed as Finnish (stemming)"


@pytest.mark.parametrize("workers", ["0", "1"])
def test_index_started_early_still_holds_every_searchable_page(build_site, workers):
    """Pagefind starts once the listed searchable pages are written (hand-written pages are listed, whatever
    their template); a generated page that turns out to be searchable later (here a site's own template for
    the topics page) makes it index again at the end. With the render worker (mkdocs/parallel_render.py)
    whether the index has started before that page is found is a race: then the page is in the index
    either way, and only one process (MUUTOSTUKI_WORKERS=0) says it indexed again."""
    yml = SEARCH_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    posts = {f"blog/2026/k{i}.md": post(f"Kirjoitus {i}", f"2026-01-{i + 1:02d}", body=f"Sana{i}x tässä.")
             for i in range(12)}
    result = build_site({**posts,
                         "overrides/oma.html": '{% extends "main.html" %}{% block content %}'
                                               '<div data-pagefind-body>{{ page.content }}</div>{% endblock %}',
                         "overrides/muutostuki/categories.html": '{% extends "main.html" %}{% block content %}'
                                               '<div data-pagefind-body>Aihesivunsana</div>{% endblock %}',
                         "docs/oma.md": "---\ntemplate: oma.html\n---\n# Oma sivu\n\nOmasivunsana löytyy.\n"},
                        mkdocs_yml=yml, env={"MUUTOSTUKI_WORKERS": workers})
    assert result.returncode == 0, result.output
    if workers == "0":
        assert "hakuhakemisto luodaan uudelleen: blogi/aiheet/index.md" in result.output
        assert "oma.md" not in result.output.split("luodaan uudelleen:")[1].splitlines()[0]
    pages = indexed(result.site)
    assert {f"/blogi/2026/k{i}/" for i in range(12)} <= set(pages)
    assert "/oma/" in pages and "Omasivunsana" in pages["/oma/"]["content"]
    assert "Aihesivunsana" in pages["/blogi/aiheet/"]["content"]
    assert len([u for u in pages if u.startswith("/alueet/")]) == 22


def test_pagefind_runs_as_its_pinned_binary_without_the_python_wrapper():
    command = pagefind_command()
    assert len(command) == 1 and Path(command[0]).is_file() and os.access(command[0], os.X_OK)
    pinned = re.search(r"^pagefind==(\S+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M).group(1)
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=30).stdout
    assert version.split() == ["pagefind", pinned]


def test_site_with_nothing_to_index_gets_no_bundle_and_no_error(tmp_path):
    site = tmp_path / "site"
    (site / "sivu").mkdir(parents=True)
    (site / "sivu" / "index.html").write_text('<html lang="fi"><body><nav>Valikko</nav><p>Listaus</p></body></html>')
    (site / "pagefind").mkdir()  # a stale bundle from an earlier build goes away
    summary = build_index(site)
    assert summary.pages == 0
    assert not (site / "pagefind").exists()


def test_a_part_in_the_build_cache_comes_back_file_for_file(tmp_path):
    """What unpack_part gives back from pack_part is the same files with the same bytes, and the summary
    the build prints."""
    part = tmp_path / "osa"
    (part / "fragment").mkdir(parents=True)
    (part / "fragment" / "fi_1.pf_fragment").write_bytes(bytes(range(256)) * 3)
    (part / "pagefind-entry.json").write_text('{"version":"1.5.2"}', encoding="utf-8")
    (part / "tyhja.json").write_bytes(b"")
    summary = IndexSummary(pages=2, words=7, filters=1, languages=["fi"])
    back = tmp_path / "back"
    (back / "vanha").mkdir(parents=True)  # what the folder held before goes
    assert unpack_part(pack_part(part, summary), back) == summary
    files = {p.relative_to(part).as_posix(): p.read_bytes() for p in part.rglob("*") if p.is_file()}
    assert {p.relative_to(back).as_posix(): p.read_bytes() for p in back.rglob("*") if p.is_file()} == files
    assert not (back / "vanha").exists()
    assert unpack_part(b"not a part", tmp_path / "none") is None


@pytest.mark.parametrize("name, sizes_off", [("../ulos.txt", 0), ("/etc/ulos.txt", 0), ("a//b", 0),
                                             ("fragment/./x", 0), ("ok.txt", 1), ("ok.txt", -1)])
def test_a_damaged_or_foreign_part_is_refused_whole_and_writes_nothing_outside(tmp_path, name, sizes_off):
    entry = {"pages": 1, "words": 1, "filters": 0, "languages": ["fi"],
             "files": [["a.txt", 3], [name, 4 + sizes_off]]}
    data = json.dumps(entry).encode() + b"\n" + b"abc" + b"defg"
    back = tmp_path / "sub" / "back"
    assert unpack_part(data, back) is None
    assert not back.exists()
    assert not list(tmp_path.rglob("*"))


def test_a_large_index_is_planned_in_parts_under_the_budget_holding_every_page_once():
    pages = {f"blogi/{i}/index.html": 2000 + 37 * (i % 50) for i in range(900)}
    pages["tapahtumat/pitka/index.html"] = 400_000
    total = estimated_mb(len(pages), sum(pages.values()))
    budget = total / 2.5
    planned = plan_parts(pages, part_mb=budget)
    assert 3 <= len(planned) <= 4
    assert sorted(p for part in planned for p in part) == sorted(pages)
    weights = [estimated_mb(len(part), sum(pages[p] for p in part)) for part in planned]
    assert max(weights) <= budget, weights  # each part under the budget, each a cross-section of the site
    assert min(len(part) for part in planned) > len(pages) / len(planned) * 0.8, [len(p) for p in planned]
    assert plan_parts(dict(reversed(pages.items())), part_mb=budget) == planned, "same site, same parts"
    assert plan_parts(pages) == [sorted(pages)], "a small site is one index"
    # an edited page (another size) stays in its part, and so does every other page: one part to index again
    edited = {**pages, "blogi/7/index.html": 9000}
    assert plan_parts(edited, part_mb=budget) == planned


def test_parts_name_their_pages_exactly_even_with_glob_characters_in_paths(tmp_path):
    site = tmp_path / "site"
    names = ["a{b}", "c,d", "e[1]", "f*g", "tavallinen", "ääkköset"]
    for name in names:
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(
            f'<html lang="fi"><body><main data-pagefind-body><p>Sivu {name} sanoo hei.</p></main></body></html>')
    (site / "ei-listattu").mkdir()
    (site / "ei-listattu" / "index.html").write_text(
        '<html lang="fi"><body><main data-pagefind-body><p>Piilosana</p></main></body></html>')
    summary = build_index(site, parts=[[f"{n}/index.html" for n in names[:3]], [f"{n}/index.html" for n in names[3:]]])
    assert (summary.pages, summary.parts) == (6, 2)
    assert str(summary).endswith("2 osassa")
    assert [p.name for p in parts(site)] == ["pagefind", "osa-2"]
    assert sorted(indexed(site)) == sorted(f"/{n}/" for n in names)


def test_a_stopped_index_run_skips_its_remaining_parts_and_the_next_run_is_whole(tmp_path):
    """Preview stops an index that a newer save made out of date; the next run replaces its half-written bundle."""
    site = tmp_path / "site"
    names = [f"sivu{i}" for i in range(6)]
    for name in names:
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(
            f'<html lang="fi"><body><main data-pagefind-body><p>{name} sanoo hei.</p></main></body></html>')
    planned = [[f"{n}/index.html"] for n in names]
    run = IndexRun(site, planned)
    run.stop()
    assert run.stopped and run.finish().parts < len(names)
    summary = build_index(site, parts=planned)
    assert (summary.pages, summary.parts) == (6, 6)
    assert sorted(indexed(site)) == sorted(f"/{n}/" for n in names)


def test_site_indexed_in_parts_holds_every_searchable_page_once(build_site):
    yml = MKDOCS_YML + "  - muutostuki-search:\n      part_memory_mb: 5\n"
    posts = {f"blog/2026/k{i}.md": post(f"Kirjoitus {i}", f"2026-01-{i + 1:02d}", body=f"Sana{i}x tässä.")
             for i in range(12)}
    result = build_site(posts, mkdocs_yml=yml)
    assert result.returncode == 0, result.output
    found = parts(result.site)
    assert len(found) >= 2 and all((part / "pagefind-entry.json").is_file() for part in found)
    assert f"{len(found)} osassa" in result.output
    pages = indexed(result.site)
    assert {f"/blogi/2026/k{i}/" for i in range(12)} <= set(pages)
    assert len([u for u in pages if u.startswith("/alueet/")]) == 22


def test_a_part_budget_below_one_megabyte_is_refused_with_a_finnish_message(build_site):
    result = build_site({}, mkdocs_yml=MKDOCS_YML + "  - muutostuki-search:\n      part_memory_mb: 0\n")
    assert result.returncode != 0
    assert "part_memory_mb: 0 ei käy" in result.output and "Traceback" not in result.output


def test_search_box_is_in_the_header_of_every_page(build_site):
    result = build_site({"blog/2026/a.md": post("A", "2026-01-15")}, mkdocs_yml=SEARCH_YML)
    assert result.returncode == 0, result.output
    for url in ["", "blogi/", "blogi/2026/a/", "404.html"]:
        html = result.html(url)
        header = html[html.index('<header class="md-header'):html.index("</header>")]
        assert 'role="search"' in header and '<label class="mt-search__label" for="mt-search-input">Hae</label>' in header
        assert "search.js" in header
    # Material's lunr search is off: no search worker, no search_index.json
    assert not (result.site / "search" / "search_index.json").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_mkdocs_serve_keeps_search_working(tmp_path):
    root = write_site(tmp_path, {
        "blog/2026/a.md": post("Julkaistu juttu", "2026-01-15", body="Sanahaku toimii esikatselussa."),
        "blog/2026/b.md": post("Luonnosjuttu", "2026-01-16", draft="true", body="Luonnos näkyy esikatselussa."),
    }, mkdocs_yml=MKDOCS_YML + "  - muutostuki-search:\n      part_memory_mb: 5\n")  # in parts, as a large site
    built = run_build(root)
    assert built.returncode == 0, built.output
    public_count = len(indexed(built.site))
    port = _free_port()
    proc = subprocess.Popen(engine_command("serve", "--no-livereload", "-a", f"127.0.0.1:{port}"),
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        listed = None
        for _ in range(120):
            try:  # osat.json is written once every part is
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/pagefind/osat.json", timeout=2) as r:
                    listed = json.loads(r.read())["osat"]
                break
            except OSError:
                time.sleep(0.25)
        if listed is None:
            proc.terminate()
            raise AssertionError("mkdocs serve did not serve the Pagefind bundle:\n" + proc.communicate(timeout=30)[0])
        assert listed, "the preview index is in parts too"
        count = 0
        for part in ["", *listed]:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/pagefind/{part}pagefind-entry.json", timeout=5) as r:
                count += json.loads(r.read())["languages"]["fi"]["page_count"]
        # Preview shows drafts (marked), so the preview index has both posts.
        assert count == public_count + 1
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/pagefind/pagefind.js", timeout=5) as r:
            assert r.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_page_digests_read_only_the_files_changed_since_the_last_build(tmp_path, monkeypatch):
    """search/page_digests.py: a page left as it was (size, mtime, inode) keeps its recorded SHA-256
    without being read; a rewritten one is read again; a record of another site folder is ignored."""
    import builtins
    import hashlib
    import os

    from muutostuki.search.page_digests import PageDigests

    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_bytes(b"<p>a</p>")
    (site / "b.html").write_bytes(b"<p>b</p>")
    first = PageDigests(site)
    assert first.digest("a.html", site / "a.html") == hashlib.sha256(b"<p>a</p>").digest()
    assert first.digest("b.html", site / "b.html") == hashlib.sha256(b"<p>b</p>").digest()
    assert first.digest("c.html", site / "c.html") == b"-"
    stored = first.dump()

    (site / "b.html").write_bytes(b"<p>B, uusi</p>")
    os.utime(site / "b.html", ns=(1, 1))  # another modification time than the recorded one
    reads = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda path, *a, **k: reads.append(str(path)) or real_open(path, *a, **k))
    again = PageDigests(site, stored)
    assert again.digest("a.html", site / "a.html") == hashlib.sha256(b"<p>a</p>").digest()
    assert again.digest("b.html", site / "b.html") == hashlib.sha256(b"<p>B, uusi</p>").digest()
    assert reads == [str(site / "b.html")]
    elsewhere = PageDigests(tmp_path / "muu", stored)
    assert elsewhere.digest("a.html", site / "a.html") == hashlib.sha256(b"<p>a</p>").digest()
    assert len(reads) == 2


def test_syncing_a_part_writes_only_what_differs_and_leaves_the_other_parts_alone(tmp_path):
    from muutostuki.search.index import _sync
    source, target = tmp_path / "uusi", tmp_path / "sivusto"
    for root, files in ((source, {"a.pf": b"sama", "index/b.pf": b"uusi", "c.pf": b"lisatty"}),
                        (target, {"a.pf": b"sama", "index/b.pf": b"vana", "vanha/d.pf": b"pois",
                                  "osa-2/e.pf": b"toinen osa"})):
        for rel, data in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
    before = (target / "a.pf").stat().st_mtime_ns
    assert _sync(source, target, skip="osa-") == ["a.pf"]
    found = {p.relative_to(target).as_posix(): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert found == {"a.pf": b"sama", "index/b.pf": b"uusi", "c.pf": b"lisatty", "osa-2/e.pf": b"toinen osa"}
    assert not (target / "vanha").exists() and (target / "a.pf").stat().st_mtime_ns == before
