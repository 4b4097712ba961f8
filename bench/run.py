"""Benchmark runner: the same synthetic posts built three ways, median of several runs.

    python bench/run.py --posts 100 1000 --runs 3        (make bench N="100 1000")

Engines: `ours` (full `mkdocs build` of mkdocs.yml as configured: listings, calendar, feeds,
.ics, search index), `floor` (plain MkDocs + Material, posts and events as plain pages outside
the nav, Material's search on) and `blog` (Material's blog plugin building the posts alone).
Each build is a subprocess; wall time, peak RSS (from wait4) and output size are recorded.
Prints a Markdown table for the README; --json writes every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as corpus_mod  # noqa: E402
import preview as preview_mod  # noqa: E402
import readers  # noqa: E402
import warm as warm_mod  # noqa: E402
from muutostuki.mkdocs.engine import NAME as ENGINE  # noqa: E402  (mkdocs or properdocs, whichever is installed)

ENGINES = {
    "ours": ("ours", "muutostuki (this engine)"),
    "floor": ("floor", "MkDocs + Material, posts as pages (the floor)"),
    "blog": ("blog-plugin", "Material's blog plugin"),
}
WRITERS = {"floor": corpus_mod.write_floor, "blog": corpus_mod.write_blog_plugin}
HUGO_S = {1000: 2.6, 3000: 9.2}  # Hugo 0.111's cold build of the same posts, measured earlier (issue 18)
HUGO_FLOOR_S = {1000: 11.6, 3000: 29.8}  # the floor on the machine and day Hugo was measured (issue 18)


@dataclass
class Build:
    wall_s: float
    cpu_s: float     # user + system, the build and its children: less disturbed by a busy machine
    peak_mb: float       # the largest process of the build (Pagefind's indexer runs as a child)
    mkdocs_peak_mb: float  # the mkdocs process alone
    size_mb: float
    files: int


class BuildFailed(RuntimeError):
    pass


def _tree_size(folder: Path) -> tuple[int, int]:
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            count += 1
    return total, count


def build(project: Path, env: dict) -> Build:
    """One `mkdocs build --clean` as a subprocess: wall time, peak RSS of it and its children."""
    site = project / "site"
    log = project / "build.log"
    with open(log, "w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", ENGINE, "build", "--clean", "-d", str(site)],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
        own_peak, stop = [0], threading.Event()
        watcher = threading.Thread(target=_watch_peak, args=(proc.pid, own_peak, stop), daemon=True)
        watcher.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        stop.set()
        watcher.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
        raise BuildFailed(f"{project.name}: {ENGINE} build failed ({proc.returncode}):\n{tail}")
    size, files = _tree_size(site)
    return Build(wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime, peak_mb=usage.ru_maxrss / 1024,
                 mkdocs_peak_mb=own_peak[0] / 1024, size_mb=size / 1e6, files=files)


def _watch_peak(pid: int, peak: list[int], stop: threading.Event) -> None:
    """VmHWM (peak RSS, KB) of one process, read until it exits; wait4 only gives the whole tree's."""
    status = Path(f"/proc/{pid}/status")
    while True:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak[0] = max(peak[0], int(line.split()[1]))
        except OSError:
            return
        if stop.wait(0.1):
            return


def median_build(builds: list[Build]) -> Build:
    return Build(wall_s=statistics.median(b.wall_s for b in builds),
                 cpu_s=statistics.median(b.cpu_s for b in builds),
                 peak_mb=statistics.median(b.peak_mb for b in builds),
                 mkdocs_peak_mb=statistics.median(b.mkdocs_peak_mb for b in builds),
                 size_mb=statistics.median(b.size_mb for b in builds), files=builds[-1].files)


def build_env(build_time: str) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MUUTOSTUKI_BUILD_TIME": build_time}


def bench_size(workdir: Path, posts: int, engines: list[str], runs: int, args) -> dict:
    """Generate one corpus, build it `runs` times with each engine (interleaved), reader figures."""
    root = workdir / f"n{posts}"
    corpus = corpus_mod.generate(root, posts, seed=args.seed, build_time=args.build_time)
    for engine in engines:
        if engine in WRITERS:
            WRITERS[engine](root)
    env = build_env(args.build_time)
    builds: dict[str, list[Build]] = {e: [] for e in engines}
    warm: dict[str, list[Build]] = {kind: [] for kind in warm_mod.KINDS}
    ours = root / ENGINES["ours"][0]
    post_file = ours / _post_file(ours, corpus.post_urls[0])
    for run in range(runs):
        for engine in engines:
            if engine == "ours":
                warm_mod.drop_cache(ours)  # a cold build starts without the build cache (and writes one)
            warm_mod.set_aside(root / ENGINES[engine][0] / "site")  # and, as on a CI runner, without a site folder
            b = build(root / ENGINES[engine][0], env)
            builds[engine].append(b)
            print(f"  n={posts} run {run + 1}/{runs} {engine}: {b.wall_s:.2f} s (cpu {b.cpu_s:.2f} s), "
                  f"{b.peak_mb:.0f} MB (mkdocs {b.mkdocs_peak_mb:.0f} MB)",
                  file=sys.stderr, flush=True)
            if engine == "ours" and args.warm:
                for kind, wb in warm_mod.warm_builds(ours, post_file, env, build).items():
                    warm[kind].append(wb)
                    print(f"  n={posts} run {run + 1}/{runs} ours warm {kind}: {wb.wall_s:.2f} s "
                          f"(cpu {wb.cpu_s:.2f} s), {wb.peak_mb:.0f} MB", file=sys.stderr, flush=True)
    if args.warm and "ours" in engines:
        if warm_mod.MARK in post_file.read_text(encoding="utf-8"):
            warm_mod.edit_post(post_file)  # the corpus as generated, for the reader figures below
        build(ours, env)
    result = {"posts": posts, "events": corpus.events, "public_posts": corpus.public_posts,
              "old_events": corpus.old_events,
              "builds": {e: asdict(median_build(bs)) for e, bs in builds.items()},
              "runs": {e: [asdict(b) for b in bs] for e, bs in builds.items()}}
    if any(warm.values()):
        result["warm"] = {kind: asdict(median_build(bs)) for kind, bs in warm.items() if bs}
    if "ours" in engines:
        build_time = datetime.strptime(args.build_time, "%Y-%m-%d %H:%M").replace(
            tzinfo=readers_tz())
        result["readers"] = readers.reader_figures(root / "ours" / "site", corpus.post_urls, build_time,
                                                   browser=not args.no_browser)
        if args.preview:
            post_file = _post_file(root / "ours", corpus.post_urls[0])
            result["preview"] = preview_mod.measure_preview(root / "ours", post_file, corpus.post_urls[0],
                                                            env={"MUUTOSTUKI_BUILD_TIME": args.build_time})
    return result


def readers_tz():
    from muutostuki.content.timeutil import HELSINKI

    return HELSINKI


def _post_file(project: Path, url: str) -> str:
    """blogi/2026/slug/ -> blog/2026/slug.md (the corpus names files by slug)."""
    _, year, slug = url.strip("/").split("/")
    return f"blog/{year}/{slug}.md"


# -- the table -------------------------------------------------------------------------------
def _fmt_build(b: dict | None, posts: int) -> str:
    if not b:
        return "–"
    return (f"{b['wall_s']:.1f} s (cpu {b['cpu_s']:.1f} s) · {1000 * b['wall_s'] / posts:.0f} ms/post · "
            f"{_peak(b)} · {b['size_mb']:.0f} MB")


def _peak(b: dict) -> str:
    """Peak memory; when a child (Pagefind) peaks higher than mkdocs itself, both."""
    if b["peak_mb"] > b["mkdocs_peak_mb"] * 1.05 and b["mkdocs_peak_mb"]:
        return f"{b['peak_mb']:.0f} MB (mkdocs {b['mkdocs_peak_mb']:.0f} MB)"
    return f"{b['peak_mb']:.0f} MB"


def _ratio(results: dict, a: str, b: str) -> str:
    x, y = results["builds"].get(a), results["builds"].get(b)
    if not (x and y):
        return "–"
    return f"{x['wall_s'] / y['wall_s']:.2f}× (cpu {x['cpu_s'] / y['cpu_s']:.2f}×)"


def _kb(n: int | float | None) -> str:
    return "–" if n is None else f"{n / 1024:.0f} KB" if n >= 10240 else f"{n / 1024:.1f} KB"


def markdown_table(results: list[dict], meta: dict) -> str:
    lines = [f"Measured {meta['date']} with `{meta['command']}` · machine: {meta['nproc']} cores, "
             f"{meta['cpu']}, Python {meta['python']} · median of {meta['runs']} runs "
             f"(wall time (CPU time of the build and its children) · ms per post · peak memory · output size)", "",
             "| posts + events | muutostuki | floor: MkDocs + Material, posts and events as pages "
             "| Material's blog plugin (posts only) | muutostuki / floor | muutostuki / blog plugin |",
             "|---|---|---|---|---|---|"]
    for r in results:
        b = r["builds"]
        lines.append(f"| {r['posts']} + {r['events']} | {_fmt_build(b.get('ours'), r['posts'])} "
                     f"| {_fmt_build(b.get('floor'), r['posts'])} | {_fmt_build(b.get('blog'), r['posts'])} "
                     f"| {_ratio(r, 'ours', 'floor')} | {_ratio(r, 'ours', 'blog')} |")
    sizes = [r for r in results if "ours" in r["builds"]]
    if len(sizes) >= 2:
        small, big = sizes[-2], sizes[-1]
        growth = big["builds"]["ours"]["wall_s"] / small["builds"]["ours"]["wall_s"]
        cpu = big["builds"]["ours"]["cpu_s"] / small["builds"]["ours"]["cpu_s"]
        lines += ["", f"Growth of muutostuki: {big['posts']} posts / {small['posts']} posts = {growth:.2f}× the time "
                      f"(cpu {cpu:.2f}×) for {big['posts'] / small['posts']:.1f}× the posts."]
    readers_rows = [r for r in results if "readers" in r]
    if readers_rows:
        lines += ["", "| readers (muutostuki) | " + " | ".join(f"{r['posts']} posts" for r in readers_rows)
                  + " | budget |", "|---|" + "---|" * len(readers_rows) + "---|"]
        rows = [("post page HTML (newest; gzip)", lambda f: _post(f), "–"),
                ("front page total, gzip (from the files it references)",
                 lambda f: _kb(f["front_page"]["total_gzip"]), "≤ 300 KB"),
                ("front page total, gzip (loaded in Chromium)", lambda f: _kb(f.get("browser", {}).get("front_page_gzip")),
                 "≤ 300 KB"),
                ("search: first query downloads", lambda f: _search(f), "≤ 400 KB"),
                ("/feed.xml (items)", lambda f: _feed(f), "≤ 20 items"),
                ("/tapahtumat.ics (events; only from the past year on?)", lambda f: _ics(f),
                 "past year onward")]
        for label, fmt, budget in rows:
            lines.append(f"| {label} | " + " | ".join(fmt(r["readers"]) for r in readers_rows) + f" | {budget} |")
    warm_rows = [r for r in results if r.get("warm")]
    if warm_rows:
        lines += ["", "Warm builds (the build cache of the build before; cold = no cache, writes one): wall time "
                      "(CPU time) · ratio to our cold build (CPU ratio) · ratio to Hugo's cold build", "",
                  "| posts + events | cold | warm, nothing changed | warm, nothing changed, no site folder (CI) | "
                  "warm, one post edited | warm, daily (build time +1 day) | Hugo cold |",
                  "|---|---|---|---|---|---|---|"]
        for r in warm_rows:
            cold, hugo = r["builds"]["ours"], HUGO_S.get(r["posts"])
            cells = [_warm_cell(r["warm"].get(kind), cold, hugo) for kind in warm_mod.KINDS]
            lines.append(f"| {r['posts']} + {r['events']} | {cold['wall_s']:.1f} s (cpu {cold['cpu_s']:.1f} s) | "
                         + " | ".join(cells) + f" | {_hugo_cell(r)} |")
    previews = [r for r in results if r.get("preview")]
    for r in previews:
        p, cold = r["preview"], r["builds"]["ours"]["wall_s"]
        edit = p.get("median_edit_s")
        share = f"{edit / cold:.2f}× a cold build" if edit else "did not finish"
        lines += ["", f"Preview ({r['posts']} posts, `mkdocs serve`): saving a post to its reloaded page "
                      f"{edit:.1f} s (median of {len(p['edits'])} saves {p.get('pause_s', 0):g} s apart; {share}; "
                      f"budget 0.25×)."
                  if edit else f"Preview: {share}."]
    return "\n".join(lines)


def _hugo_cell(r: dict) -> str:
    """Hugo's figure, and scaled to this machine by the floor measured in this run (machines differ up to 3×)."""
    hugo, then = HUGO_S.get(r["posts"]), HUGO_FLOOR_S.get(r["posts"])
    if not hugo:
        return "–"
    floor = (r["builds"].get("floor") or {}).get("wall_s")
    if not (floor and then):
        return f"{hugo:g} s"
    return f"{hugo:g} s; {hugo * floor / then:.1f} s here, scaled by the floor ({floor:.1f} s here, {then:g} s then)"


def _warm_cell(b: dict | None, cold: dict, hugo: float | None) -> str:
    if not b:
        return "–"
    vs_hugo = f" · {b['wall_s'] / hugo:.2f}× Hugo" if hugo else ""
    return (f"{b['wall_s']:.2f} s (cpu {b['cpu_s']:.2f} s) · {b['wall_s'] / cold['wall_s']:.2f}× "
            f"(cpu {b['cpu_s'] / cold['cpu_s']:.2f}×){vs_hugo} · {_peak(b)}")


def _post(f: dict) -> str:
    p = f.get("post_page") or {}
    return f"{_kb(p.get('newest_bytes'))} ({_kb(p.get('newest_gzip'))})" if p else "–"


def _search(f: dict) -> str:
    s = f.get("search")
    if not s:
        return "no search"
    return f"{_kb(s['bytes'])} in {s['requests']} requests ({s['method']})"


def _feed(f: dict) -> str:
    feed = f["feeds"].get("feed.xml")
    return f"{_kb(feed['bytes'])} ({feed.get('items')})" if feed else "–"


def _ics(f: dict) -> str:
    c = f.get("calendar")
    if not c:
        return "–"
    return f"{_kb(c['bytes'])} ({c['events']}; {'yes' if c['only_past_year_onward'] else 'NO'})"


def merge_runs(paths: list[Path]) -> tuple[list[dict], dict]:
    """Results of several --json files as one table: the same size's engines side by side."""
    by_size: dict[int, dict] = {}
    commands, meta = [], {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        meta = meta or dict(data["meta"])
        commands.append(data["meta"]["command"])
        for result in data["results"]:
            merged = by_size.setdefault(result["posts"], {**result, "builds": {}, "runs": {}})
            merged["builds"].update(result["builds"])
            merged["runs"].update(result["runs"])
            for key in ("readers", "preview", "warm"):
                if key in result:
                    merged[key] = result[key]
    meta["command"] = "`; `".join(commands)
    return [by_size[n] for n in sorted(by_size)], meta


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu or "?", "python": platform.python_version()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engines", nargs="+", choices=list(ENGINES), default=list(ENGINES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build-time", default=corpus_mod.BUILD_TIME)
    parser.add_argument("--workdir", type=Path, help="keep the corpora and sites here (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--no-browser", action="store_true", help="compute reader figures from files only")
    parser.add_argument("--preview", action="store_true", help="also time mkdocs serve after saving a post")
    parser.add_argument("--warm", action="store_true",
                        help="also time warm builds with the build cache: nothing changed, one post edited, daily")
    parser.add_argument("--from-json", type=Path, nargs="+", metavar="JSON",
                        help="print the table of earlier --json runs (merged by size) instead of building")
    args = parser.parse_args(argv)
    if args.from_json:
        print(markdown_table(*merge_runs(args.from_json)))
        return 0

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="muutostuki-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    meta = {**machine(), "date": date.today().isoformat(), "runs": args.runs,
            "command": "python bench/run.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))}
    results = []
    try:
        for posts in args.posts:
            results.append(bench_size(workdir, posts, args.engines, args.runs, args))
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
        else:  # the set-aside site folders go once every build is measured
            for trash in workdir.glob(f"n*/{warm_mod.TRASH}"):
                shutil.rmtree(trash, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "results": results}, indent=2, ensure_ascii=False,
                                        default=str), encoding="utf-8")
    print(markdown_table(results, meta))
    return 0


if __name__ == "__main__":
    sys.exit(main())
