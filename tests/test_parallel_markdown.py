"""A cold build converts the later pages' Markdown in a forked worker: the site and the warnings are the same."""
from __future__ import annotations

import re

import pytest
from conftest import MKDOCS_YML, post, run_build, write_site
from test_build_cache import BUILD_TIME, MKDOCS_CACHE_YML, OVERRIDE, site_files

from muutostuki.mkdocs import parallel_markdown

pytestmark = pytest.mark.slow

POSTS = 50


def _files() -> dict[str, str]:
    files = {}
    for i in range(POSTS):
        body = (f"Kirjoitus {i}.\n\n## Osa {i}\n\nLinkki [edelliseen](p{max(i - 1, 0)}.md) ja "
                f"[puuttuvaan](puuttuu-{i}.md).\n\n" + "Tekstiä kappaleessa. " * 40)
        files[f"blog/2026/p{i}.md"] = post(f"Kirjoitus {i}", f"2026-01-{1 + i % 28:02d}", body=body)
    return files


def _warnings(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if "puuttuu-" in line)


@pytest.mark.skipif(not parallel_markdown.wanted(), reason="needs fork and two cores")
def test_worker_converts_later_pages_and_the_site_is_the_same(tmp_path):
    results = {}
    for workers in ("1", "0"):
        root = write_site(tmp_path / workers, _files())
        results[workers] = run_build(root, env={"MUUTOSTUKI_WORKERS": workers, "MUUTOSTUKI_CACHE": "0"})
        assert results[workers].returncode == 0, results[workers].output[-3000:]
    parallel, serial = results["1"], results["0"]
    converted = re.search(r"markdown: (\d+) sivua muunnettu rinnakkaisessa", parallel.output)
    assert converted and POSTS // 4 < int(converted.group(1)) < POSTS, parallel.output[-2000:]
    assert "rinnakkaisessa" not in serial.output
    assert site_files(parallel.site) == site_files(serial.site)
    # every broken link is reported once, also those in pages the worker converted
    assert _warnings(parallel.output) == _warnings(serial.output) and len(_warnings(serial.output)) == POSTS


@pytest.mark.skipif(not parallel_markdown.wanted(), reason="needs fork and two cores")
def test_render_worker_writes_every_other_page_and_the_site_is_the_same(tmp_path):
    """parallel_render.py: the child renders half the pages; the site, the sitemap and the warnings are the
    same as one process gives, and the pages it rendered reach the build cache (the next build reuses them)."""
    from event_files import event

    files = {**_files(), **{f"events/2026-12-{day:02d}-tapaaminen.md": event(f"Tapaaminen {day}", f"2026-12-{day:02d} 10:00")
                            for day in range(1, 6)}}
    results = {}
    for workers in ("1", "0"):
        root = write_site(tmp_path / workers, files)
        results[workers] = run_build(root, env={"MUUTOSTUKI_WORKERS": workers})
        assert results[workers].returncode == 0, results[workers].output[-3000:]
    parallel, serial = results["1"], results["0"]
    rendered = re.search(r"sivut: (\d+) koostettu rinnakkaisessa prosessissa", parallel.output)
    assert rendered and int(rendered.group(1)) > POSTS // 2, parallel.output[-2000:]
    assert "koostettu rinnakkaisessa" not in serial.output
    assert site_files(parallel.site) == site_files(serial.site)
    assert _warnings(parallel.output) == _warnings(serial.output)
    # the calendars' VEVENTs were worked out ahead in the child (writers_ahead) and found by the parent
    vevents, asked = map(int, re.search(r"vevent (\d+)/(\d+)", parallel.output).groups())
    assert vevents == asked >= 5, parallel.output[-2000:]
    # the child's pages were stored in the build cache by the parent: a build after it renders nothing
    (parallel.site / "blogi").rename(tmp_path / "moved")  # not kept on disk: they must come from the cache
    again = run_build(parallel.root, env={"MUUTOSTUKI_WORKERS": "1"})
    assert again.returncode == 0, again.output[-3000:]
    hits, total = map(int, re.search(r"page (\d+)/(\d+)", again.output).groups())
    assert hits == total > 2 * POSTS, again.output[-2000:]
    assert site_files(again.site) == site_files(serial.site)


@pytest.mark.skipif(not parallel_markdown.wanted(), reason="needs fork and two cores")
def test_render_worker_stays_off_beside_another_plugin_and_says_so(tmp_path):
    """A plugin that collects pages in on_post_page would miss the child's: with any other plugin, one core."""
    yml = MKDOCS_YML + "  - tags\n"
    root = write_site(tmp_path, _files(), mkdocs_yml=yml)
    result = run_build(root, env={"MUUTOSTUKI_WORKERS": "1", "MUUTOSTUKI_CACHE": "0"})
    assert result.returncode == 0, result.output[-3000:]
    assert "koostettu rinnakkaisessa" not in result.output
    assert "yhdellä ytimellä" in result.output and "tags" in result.output


@pytest.mark.skipif(not parallel_markdown.wanted(), reason="needs fork and two cores")
def test_content_files_parsed_on_two_cores_give_the_same_model_and_every_message_once(tmp_path):
    """mkdocs/parallel_sources.py parses the later files in a child: the posts come out the same, and a
    mistake or a warning in one of the child's files is reported once, by the parent, as without it."""
    from datetime import datetime

    from muutostuki.content.site import ContentPaths, load_site
    from muutostuki.content.timeutil import HELSINKI
    from muutostuki.mkdocs import parallel_sources

    files = {"blog/authors.yml": "authors:\n  testaaja:\n    name: Tiina Testaaja\n"}
    count = parallel_sources.MIN_FILES + 40
    for i in range(count):
        files[f"blog/2026/p{i:03d}.md"] = (f"---\ntitle: Kirjoitus {i}\ndate: 2026-01-{1 + i % 28:02d}\n"
                                          f"authors: [testaaja]\nsummary: Tiivistelmä {i}.\n---\n"
                                          + "Tekstiä kappaleessa, sanoja monta. " * (5 + i % 7) + "\n")
    last = f"blog/2026/p{count - 1:03d}.md"  # the child's share is the end of the list
    files[last] = files[last].replace("title: Kirjoitus", "title: [Kirjoitus")  # YAML that does not parse
    raw = f"blog/2026/p{count - 3:03d}.md"
    files[raw] = files[raw] + "<script>alert(1)</script>\n"  # raw HTML the body check refuses
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    now = datetime(2026, 11, 23, 12, 0, tzinfo=HELSINKI)
    serial = load_site(ContentPaths(root=tmp_path), now)
    helped = []

    def prefetch(missing):
        helped.append(parallel_sources.start(missing))
        return helped[-1]

    parallel = load_site(ContentPaths(root=tmp_path), now, prefetch=prefetch)
    assert helped[0] is not None and helped[0].taken > count // 4  # the child parsed its share
    assert [str(e) for e in parallel.errors.items] == [str(e) for e in serial.errors.items]
    assert any(last in str(e) for e in parallel.errors.errors) and any(raw in str(e) for e in parallel.errors.errors)
    assert [(p.path, p.title, p.body, p.word_count, p.summary) for p in parallel.all_posts] == [
        (p.path, p.title, p.body, p.word_count, p.summary) for p in serial.all_posts]


@pytest.mark.skipif(not parallel_markdown.wanted(), reason="needs fork and two cores")
def test_a_stuck_worker_costs_one_wait_then_the_parent_does_the_rest_without_waiting():
    """forked.Results: after one wait in vain, the child's remaining results are not waited for (the
    parent does them itself), and close() stops the child."""
    import os
    import time

    from muutostuki.mkdocs.forked import Results, fork, send_result

    def work(pipe) -> None:
        send_result(pipe, "a", b"1")
        time.sleep(60)  # stuck

    pid, read_fd = fork(work)
    results = Results({"a", "b", "c", "d"}, read_fd, pid, wait_s=0.4)
    assert results.take("a") == b"1"
    started = time.perf_counter()
    assert results.take("b") is None and results.take("c") is None and results.take("d") is None
    assert time.perf_counter() - started < 0.8  # one wait of 0.4 s, not one per result
    results.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # reaped by close()


FAIL_HALFWAY = '''
from muutostuki.mkdocs import parallel_outputs

_start = parallel_outputs.start


def start(config, cache, write_all):
    def failing(send):
        sent = []

        def counting(meta, data):
            sent.append(meta)
            if len(sent) > 3:
                raise RuntimeError("the child fails halfway")
            send(meta, data)
        write_all(counting)
    return _start(config, cache, failing)


parallel_outputs.start = start
'''


@pytest.mark.skipif(not parallel_markdown.wanted(), reason="needs fork and two cores")
def test_a_warm_build_writes_feeds_and_calendars_on_the_other_core_and_the_site_is_the_same(tmp_path):
    """mkdocs/parallel_outputs.py: in a warm build a forked child writes (or keeps) every feed and calendar
    while the parent plans the pages; the site is that of a build on one core. A child that fails halfway
    costs nothing but time: the parent writes every output itself."""
    files = _files()
    files["events/2026-12-03-webinaari.md"] = ("---\ntitle: Webinaari\nstart: 2026-12-03 10:00\n"
                                              "end: 2026-12-03 11:00\n---\nVerkossa.\n")
    sites = {}
    for name, env in (("two", {"MUUTOSTUKI_WORKERS": "1"}), ("one", {"MUUTOSTUKI_WORKERS": "0"})):
        root = write_site(tmp_path / name, files)
        assert run_build(root, env=env).returncode == 0
        newest = "blog/2026/p27.md"  # in the feeds (dated 2026-01-28)
        (root / newest).write_text(files[newest].replace("Kirjoitus 27.", "Kirjoitus uusin."), encoding="utf-8")
        sites[name] = run_build(root, env=env)
        assert sites[name].returncode == 0, sites[name].output[-3000:]
    two, one = sites["two"], sites["one"]
    written = re.search(r"syötteet ja kalenterit: (\d+) tiedostoa koostettu rinnakkaisessa prosessissa", two.output)
    assert written and int(written.group(1)) > 5, two.output[-3000:]
    assert "syötteet ja kalenterit: " not in one.output.replace("välimuisti (syötteet ja kalenterit)", "")
    assert re.search(r"välimuisti \(syötteet ja kalenterit\): .*feed (\d+)/", two.output), two.output[-3000:]
    assert site_files(two.site) == site_files(one.site)
    assert _warnings(two.output) == _warnings(one.output)
    assert "Kirjoitus uusin." in (two.site / "feed.xml").read_text(encoding="utf-8")

    # the child fails after its third output: the parent writes them all, and the site is the same again
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(FAIL_HALFWAY, encoding="utf-8")
    for root in (two.root, one.root):
        (root / "blog/2026/p26.md").write_text(files["blog/2026/p26.md"].replace("Kirjoitus 26.", "Kirjoitus yksi."),
                                               encoding="utf-8")
    failed = run_build(two.root, env={"MUUTOSTUKI_WORKERS": "1", "PYTHONPATH": str(hook)})
    serial = run_build(one.root, env={"MUUTOSTUKI_WORKERS": "0"})
    assert failed.returncode == 0 and serial.returncode == 0, failed.output[-3000:]
    assert "rinnakkainen koostaminen jäi kesken" in failed.output, failed.output[-3000:]
    assert site_files(failed.site) == site_files(serial.site)
    assert "Kirjoitus yksi." in (failed.site / "feed.xml").read_text(encoding="utf-8")


@pytest.mark.skipif(not parallel_markdown.wanted(), reason="needs fork and two cores")
def test_half_the_page_keys_from_the_child_belong_to_the_very_pages_of_the_parent(tmp_path):
    """preview_pages.own_digests: in a warm build the child works out every second page's own key part.
    With the search index in parts, MkDocs' order of the pages is the search plugin's, not the muutostuki
    plugin's: the child must take the build's order, else a page gets another page's key and HTML (the
    front page showed a blog post). A warm build with nothing changed equals a cold one."""
    files = {**_files(), OVERRIDE: "<footer>Alatunniste</footer>\n"}
    yml = MKDOCS_CACHE_YML.replace("  - muutostuki-search\n", "  - muutostuki-search:\n      part_memory_mb: 5\n")
    env = {"MUUTOSTUKI_WORKERS": "1", "MUUTOSTUKI_BUILD_TIME": BUILD_TIME}
    root = write_site(tmp_path / "warm", files, mkdocs_yml=yml)
    first = run_build(root, env=env)
    assert first.returncode == 0, first.output[-3000:]
    assert "osassa" in first.output, first.output[-2000:]  # the index is in parts
    warm = run_build(root, env=env)
    assert warm.returncode == 0, warm.output[-3000:]
    hits, total = map(int, re.search(r"page (\d+)/(\d+)", warm.output).groups())
    assert hits == total, warm.output[-2000:]
    cold = run_build(write_site(tmp_path / "cold", files, mkdocs_yml=yml),
                     env={**env, "MUUTOSTUKI_CACHE": "0"})
    assert cold.returncode == 0, cold.output[-3000:]
    assert site_files(warm.site) == site_files(cold.site)
