"""The persistent build cache of `mkdocs build`: a warm build gives the bytes of a cold one, always.

One fixture project is built again and again with its cache (`.cache/muutostuki/`) after each kind of
change; after every change the same files are built cold in a second folder with the cache off, and the
two site folders must match file for file (Pagefind's filter and meta files aside: they differ between
two identical Pagefind runs). The log line "välimuisti: markdown h/n, page h/n, pagefind h/n" shows
the warm build did reuse work, so the comparison is not between two cold builds.
"""
from __future__ import annotations

import gzip
import os
import re
import shutil
import sqlite3
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import MKDOCS_YML, post, run_build, write_site

pytestmark = pytest.mark.slow

BUILD_TIME = "2026-11-23 12:00"
REGION = """---
name: Etelä-Savon hyvinvointialue
short_name: Etelä-Savo
city: Mikkeli
summary: Etelä-Savon järjestöt ja hyvinvointialue Eloisa.
---

Etelä-Savon järjestöjen yhteistyö kokoontuu neuvottelukunnassa.
"""
FILES = {
    "blog/2026/a.md": post("Ensimmäinen", "2026-01-15", regions="[etela-savo]", summary="Tiivistelmä A.",
                           body="Alku.\n\n## Väliotsikko\n\nKatso [toinen](b.md).\n"),
    "blog/2026/b.md": post("Toinen", "2026-01-20", body="Ote ennen merkkiä.\n\n<!-- more -->\n\nLoput tekstistä."),
    "blog/2026/c.md": post("Kolmas", "2026-02-01", body="Kolmannen ensimmäinen kappale.\n\nToinen kappale."),
    "events/2026-11-24-foorumi.md": "---\ntitle: Foorumi\nstart: 2026-11-24 13:00\nend: 2026-11-24 15:00\n"
                                    "regions: [etela-savo]\n---\nTervetuloa foorumiin.\n",
    "events/2026-12-03-webinaari.md": "---\ntitle: Webinaari\nstart: 2026-12-03 10:00\nend: 2026-12-03 11:00\n"
                                      "---\nVerkossa.\n",
    "docs/alueet/etela-savo.md": REGION,
}
MKDOCS_CACHE_YML = MKDOCS_YML.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n") + \
    "  - muutostuki-search\n"
OVERRIDE = "overrides/partials/footer.html"
PAGEFIND_RUN_BYTES = re.compile(r"(^|/)pagefind/(osa-\d+/)?(filter/|.*pagefind-entry\.json$|.*\.pf_meta$)")
SUMMARY = re.compile(r"välimuisti: (.*)")
KEPT = re.compile(r"sivustokansio: (\d+) tiedostoa ennallaan edellisestä koostamisesta, (\d+) vanhentunutta poistettu")


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site (gzip files by content: their header holds a time)."""
    files = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not PAGEFIND_RUN_BYTES.search(rel):
            files[rel] = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return files


def cache_summary(output: str) -> dict[str, tuple[int, int]]:
    match = SUMMARY.search(output)
    assert match, output[-3000:]
    summary = {kind: (int(h), int(n)) for kind, h, n in re.findall(r"(\w+) (\d+)/(\d+)", match.group(1))}
    kept = KEPT.search(output)
    summary["kept"] = (int(kept.group(1)), int(kept.group(2))) if kept else (0, 0)
    return summary


class Project:
    """The warm project (its cache kept between builds) and a cold twin built from the same files."""

    def __init__(self, tmp_path: Path) -> None:
        self.root = write_site(tmp_path / "warm", {**FILES, OVERRIDE: "<footer>Alatunniste A</footer>\n"},
                               mkdocs_yml=MKDOCS_CACHE_YML)
        self.cold_root = tmp_path / "cold"
        self.env = {"MUUTOSTUKI_BUILD_TIME": BUILD_TIME}

    def warm(self, **env) -> tuple[dict[str, bytes], dict]:
        result = run_build(self.root, env={**self.env, **env})
        assert result.returncode == 0, result.output[-3000:]
        return site_files(result.site), cache_summary(result.output)

    def cold(self, **env) -> dict[str, bytes]:
        shutil.rmtree(self.cold_root, ignore_errors=True)
        shutil.copytree(self.root, self.cold_root, ignore=shutil.ignore_patterns("site", ".cache"))
        result = run_build(self.cold_root, env={**self.env, "MUUTOSTUKI_CACHE": "0", **env})
        assert result.returncode == 0, result.output[-3000:]
        assert not (self.cold_root / ".cache").exists()
        return site_files(result.site)

    def both(self, **env) -> tuple[dict[str, bytes], dict, dict[str, bytes]]:
        """The warm build and its cold twin at the same time (two processes: the machine has cores)."""
        with ThreadPoolExecutor(2) as pool:
            cold = pool.submit(self.cold, **env)
            warm, summary = self.warm(**env)
            return warm, summary, cold.result()

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new), encoding="utf-8")


def result_site(project: Project) -> Path:
    return project.root / "site"


def fake_upgrade(folder: Path) -> dict:
    """A newer Material as the fingerprint of installed packages sees it: its .dist-info, with a new
    version and the same entry points, found first on the path."""
    from importlib import metadata

    dist = folder / "mkdocs_material-99.0.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: mkdocs-material\nVersion: 99.0.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(metadata.distribution("mkdocs-material").read_text("entry_points.txt"),
                                           encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(folder), *filter(None, [os.environ.get("PYTHONPATH")])])}


# (what changes, how, a text that must now be in a page (file, text), must the pages be reused?)
CHANGES = [
    ("nothing", lambda p: None, None),
    ("post text", lambda p: p.edit("blog/2026/b.md", "Loput tekstistä.", "Loput, nyt korjattuna."),
     ("blogi/2026/b/index.html", "nyt korjattuna")),
    ("title in listings", lambda p: p.edit("blog/2026/c.md", 'title: "Kolmas"', 'title: "Kolmas, uusi otsikko"'),
     ("blogi/index.html", "Kolmas, uusi otsikko")),
    ("template", lambda p: (p.root / OVERRIDE).write_text("<footer>Alatunniste B</footer>\n", encoding="utf-8"),
     ("blogi/2026/a/index.html", "Alatunniste B")),
    ("config", lambda p: p.edit("mkdocs.yml", "site_name: Testisivusto", "site_name: Uusi sivustonimi"),
     ("blogi/2026/c/index.html", "Uusi sivustonimi")),
    ("author name", lambda p: p.edit("blog/authors.yml", "Tiina Testaaja", "Tiina Uusinimi"),
     ("blogi/index.html", "Tiina Uusinimi")),
    ("region data", lambda p: p.edit("docs/alueet/etela-savo.md", "hyvinvointialue Eloisa.", "hyvinvointialue Eloisa, uusi."),
     ("alueet/etela-savo/index.html", "Eloisa, uusi")),
    ("event time", lambda p: p.edit("events/2026-12-03-webinaari.md", "start: 2026-12-03 10:00", "start: 2026-12-03 09:30"),
     ("tapahtumat/index.html", "9.30")),
    ("post deleted", lambda p: (p.root / "blog/2026/b.md").unlink(), ("blogi/2026/a/index.html", 'href="b.md"')),
    # the site folder is kept between builds (kept_output.py): what anyone else did to it is undone
    ("site page edited by hand", lambda p: _append(p.root / "site/blogi/2026/a/index.html", "<p>käsin</p>"), None),
    ("site file added by hand", lambda p: (p.root / "site/blogi/lisatty.html").write_text("x", encoding="utf-8"), None),
    ("site feed edited by hand", lambda p: _append(p.root / "site/feed.xml", "<!-- käsin -->"), None),
    ("site 404 page edited by hand", lambda p: _append(p.root / "site/404.html", "<p>käsin</p>"), None),
    ("site search index edited", lambda p: _append(next((p.root / "site/pagefind/fragment").iterdir()), "x"), None),
]


def _append(path: Path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as out:
        out.write(text)



def test_warm_builds_equal_cold_builds_after_every_kind_of_change(tmp_path):
    project = Project(tmp_path)
    first, summary = project.warm()
    assert summary["page"][0] == 0 and summary["page"][1] > 20  # the first build fills the cache
    for name, change, expect in CHANGES:
        templates = [project.root / "site" / name for name in ("404.html", "sitemap.xml", "sitemap.xml.gz")]
        written = [os.stat(path).st_mtime_ns for path in templates]
        change(project)
        warm, summary, cold = project.both()
        assert warm == cold, name
        if expect:
            assert expect[1] in warm[expect[0]].decode(), name
        if name in ("nothing", "post text"):  # nothing shown elsewhere changed: pages and index reused
            hits, total = summary["page"]
            assert hits >= total - (2 if name == "post text" else 0) and total > 20, (name, summary)
            assert summary["markdown"][0] >= summary["markdown"][1] - 1, (name, summary)
        if name == "nothing":
            assert summary["pagefind"] == (1, 1) and warm == first, summary
            assert summary["kept"][0] > 40, summary  # pages, assets, feeds and the index stayed on disk
            # and so did the theme's static templates: rendering 404.html alone would compile the theme
            assert [os.stat(path).st_mtime_ns for path in templates] == written

    # the daily build: the next morning, before any event ends; only the calendar's today moves
    warm, summary, cold = project.both(MUUTOSTUKI_BUILD_TIME="2026-11-24 09:00")
    assert warm == cold
    hits, total = summary["page"]
    assert total > 20 and hits >= total - 2, summary  # the month with today's mark (and its twin index)
    assert 'aria-current="date" data-date="2026-11-24"' in warm["tapahtumat/kalenteri/2026/11/index.html"].decode()

    # the build time passes the end of an event: it moves from upcoming to past
    later = {"MUUTOSTUKI_BUILD_TIME": "2026-11-24 16:00"}
    before = project.warm()[0]["tapahtumat/index.html"]
    warm, summary, cold = project.both(**later)
    assert warm == cold
    assert warm["tapahtumat/index.html"] != before and summary["markdown"][0] > 0

    # a package upgrade (another Material version installed) empties the cache: a cold build
    env = {**later, **fake_upgrade(tmp_path / "upgrade")}
    result = run_build(project.root, env={**project.env, **env})
    assert result.returncode == 0, result.output[-3000:]
    assert "välimuisti tyhjennetty" in result.output
    # nothing from the old cache; files on disk are written over (search fragments of the same bytes stay),
    # and the calendars' VEVENTs come from this build's render worker, which works them out ahead
    assert all(hits == 0 for kind, (hits, _) in cache_summary(result.output).items() if kind not in ("kept", "vevent"))
    assert site_files(result.site) == project.cold(**env)


def test_a_damaged_or_foreign_cache_is_ignored_never_trusted(tmp_path):
    project = Project(tmp_path)
    reference, _ = project.warm()
    db = project.root / ".cache/muutostuki/cache.sqlite"

    # one stored page and one parsed content file altered inside valid files: their checksums no longer
    # match (the site folder is removed, so the build has to read the stored pages)
    for name, kind, needle in (("cache.sqlite", "page", b"Kolmas"), ("sources.sqlite", "source", b"Kolmas")):
        with sqlite3.connect(db.parent / name) as conn:
            rows = conn.execute("SELECT key, value FROM entry WHERE kind = ?", (kind,)).fetchall()
            key, value = next((k, zlib.decompress(v)) for k, v in rows if needle in zlib.decompress(v))
            conn.execute("UPDATE entry SET value = ? WHERE kind = ? AND key = ?",
                         (zlib.compress(value.replace(needle, "Tahallinen virhe".encode())), kind, key))
        shutil.rmtree(result_site(project))
        result = run_build(project.root, env=project.env)
        assert result.returncode == 0 and "vioittunut" in result.output, (name, result.output[-3000:])
        assert site_files(result.site) == reference, name

    # the whole file overwritten with garbage, then cut short
    for damage, target in ((b"ei tietokanta " * 500, db), (None, db), (b"ei tietokanta " * 500, db.parent / "sources.sqlite")):
        if damage is None:
            data = target.read_bytes()
            target.write_bytes(data[: len(data) // 3])
        else:
            target.write_bytes(damage)
        shutil.rmtree(result_site(project))
        result = run_build(project.root, env=project.env)
        assert result.returncode == 0, result.output[-3000:]
        assert site_files(result.site) == reference

    # a cache of another project (other settings): emptied, not used
    other = write_site(tmp_path / "other", {**FILES, OVERRIDE: "<footer>Toinen</footer>\n"}, mkdocs_yml=MKDOCS_CACHE_YML.replace(
        "site_name: Testisivusto", "site_name: Vieras"))
    assert run_build(other, env=project.env).returncode == 0
    shutil.copy(other / ".cache/muutostuki/cache.sqlite", db)
    result = run_build(project.root, env=project.env)
    assert result.returncode == 0 and "välimuisti tyhjennetty" in result.output, result.output[-3000:]
    assert site_files(result.site) == reference


def test_a_build_without_a_manifest_writes_over_the_old_site_folder_and_leaves_nothing_stale(tmp_path):
    """The cache gone (a new cache, another version), the site folder of an earlier build still there: nothing
    is kept, every file is written over where it is (same inode: no file made anew), and whatever the build
    does not write (a deleted post's page, a file put there by hand) is removed, as MkDocs' clean-up would."""
    project = Project(tmp_path)
    project.warm()
    site = result_site(project)
    page = site / "blogi/2026/a/index.html"
    inode = page.stat().st_ino
    _append(page, "<p>käsin</p>")
    (site / "blogi/lisatty.html").write_text("x", encoding="utf-8")
    (project.root / "blog/2026/b.md").unlink()
    shutil.rmtree(project.root / ".cache")
    warm, summary = project.warm()
    assert all(hits == 0 for kind, (hits, _) in summary.items() if kind not in ("kept", "vevent")), summary
    assert warm == project.cold()
    assert page.stat().st_ino == inode and "blogi/2026/b/index.html" not in warm and "blogi/lisatty.html" not in warm


@pytest.mark.parametrize("how", ["env", "option"])
def test_the_cache_can_be_turned_off(tmp_path, how):
    yml = MKDOCS_YML + "      cache: false\n" if how == "option" else MKDOCS_YML
    root = write_site(tmp_path, FILES, mkdocs_yml=yml)
    result = run_build(root, env={"MUUTOSTUKI_CACHE": "0"} if how == "env" else None)
    assert result.returncode == 0, result.output[-3000:]
    assert not (root / ".cache").exists() and "välimuisti:" not in result.output


def test_fingerprint_follows_our_files_packages_and_config(tmp_path, monkeypatch):
    from mkdocs.config import load_config

    from muutostuki.mkdocs import build_cache

    root = write_site(tmp_path / "p", FILES)
    config = load_config(str(root / "mkdocs.yml"))
    package = tmp_path / "package"
    shutil.copytree(build_cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build_cache, "PACKAGE", package)
    base = build_cache.build_fingerprint(config)
    assert build_cache.build_fingerprint(config) == base
    template = package / "templates" / "muutostuki" / "post.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed_code = build_cache.build_fingerprint(config)
    assert changed_code != base
    monkeypatch.setattr(build_cache, "packages_fingerprint", lambda: "mkdocs-material==99.0.0")
    assert build_cache.build_fingerprint(config) != changed_code
    before = build_cache.config_fingerprint(config)
    config["plugins"]["muutostuki"].config["posts_per_page"] = 3
    assert build_cache.config_fingerprint(config) != before


def test_the_deploy_build_restores_and_saves_the_cache():
    import yaml

    from conftest import ROOT

    text = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    steps = yaml.safe_load(text)["jobs"]["build"]["steps"]
    names = [s.get("uses", s.get("run", "")) for s in steps]
    cache = next(i for i, n in enumerate(names) if n.startswith("actions/cache@"))
    assert re.fullmatch(r"actions/cache@[0-9a-f]{40}", names[cache])  # pinned to a release commit
    assert re.search(r"actions/cache@[0-9a-f]{40}\s+# v\d+\.\d+\.\d+", text)
    assert steps[cache]["with"]["path"] == ".cache/muutostuki"
    assert "restore-keys" in steps[cache]["with"] and cache < names.index("make build")


def test_an_edited_post_indexes_only_its_own_part_again(tmp_path):
    """The search index in parts (search/index.py): a page's part follows from its path, so one edited post
    runs Pagefind over one part; the other parts' folders stay on disk as the last build left them."""
    files = {f"blog/2026/k{i}.md": post(f"Kirjoitus {i}", f"2026-01-{1 + i % 28:02d}",
                                        body=f"Kirjoitus numero {i} hyvinvointialueesta. " * 30) for i in range(40)}
    yml = MKDOCS_CACHE_YML.replace("  - muutostuki-search\n", "  - muutostuki-search:\n      part_memory_mb: 5\n")
    root = write_site(tmp_path / "warm", {**files, OVERRIDE: "<footer>Alatunniste</footer>\n"}, mkdocs_yml=yml)
    first = run_build(root, env={"MUUTOSTUKI_BUILD_TIME": BUILD_TIME})
    assert first.returncode == 0, first.output[-3000:]
    parts = cache_summary(first.output)["pagefind"][1]
    assert parts >= 3, first.output[-2000:]
    path = root / "blog/2026/k7.md"
    path.write_text(path.read_text(encoding="utf-8").replace("numero 7 ", "numero seitsemän "), encoding="utf-8")
    warm = run_build(root, env={"MUUTOSTUKI_BUILD_TIME": BUILD_TIME})
    assert warm.returncode == 0, warm.output[-3000:]
    assert cache_summary(warm.output)["pagefind"] == (parts - 1, parts), warm.output[-2000:]
    cold_root = tmp_path / "cold"
    shutil.copytree(root, cold_root, ignore=shutil.ignore_patterns("site", ".cache"))
    cold = run_build(cold_root, env={"MUUTOSTUKI_BUILD_TIME": BUILD_TIME, "MUUTOSTUKI_CACHE": "0"})
    assert cold.returncode == 0, cold.output[-3000:]
    assert site_files(warm.site) == site_files(cold.site)
    assert "seitsemän" in (warm.site / "blogi/2026/k7/index.html").read_text(encoding="utf-8")


def test_entries_read_at_once_answer_as_entries_read_one_by_one(tmp_path):
    """BuildCache.preload: a warm build reads every Markdown entry in one query; what it answers is what
    the file holds, a value read twice comes back twice, a damaged one is refused, a new one is found."""
    from muutostuki.mkdocs.build_cache import BuildCache

    cache = BuildCache(tmp_path, "sormenjälki")
    cache.put("markdown", "a", b"<p>a</p>")
    cache.put("markdown", "b", b"<p>b</p>")
    cache.put("page", "p", b"<html>")
    cache.commit()
    with sqlite3.connect(tmp_path / "cache.sqlite") as db:  # b's bytes damaged on disk
        db.execute("UPDATE entry SET value = ? WHERE key = 'b'", (zlib.compress(b"<p>toinen</p>"),))
    cache = BuildCache(tmp_path, "sormenjälki")
    cache.preload("markdown")
    cache.preload("page", values=False)
    assert cache.get("markdown", "a") == b"<p>a</p>" and cache.get("markdown", "a") == b"<p>a</p>"
    assert cache.get("markdown", "b") is None and cache.get("markdown", "c") is None
    assert cache.has("page", "p") and not cache.has("page", "q") and cache.get("page", "p") == b"<html>"
    cache.put("markdown", "c", b"<p>c</p>")
    assert cache.get("markdown", "c") == b"<p>c</p>"
    assert cache.hits["markdown"] == 3 and cache.misses["markdown"] == 2
