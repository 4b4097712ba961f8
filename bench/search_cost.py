"""What related posts and the search vocabulary cost in a build: CPU time of their functions under cProfile.

    python bench/search_cost.py --posts 3000

Wall time of whole builds is too noisy on a shared machine to see a 2 % share. So the seeded benchmark corpus
(bench/corpus.py, the one bench/run.py uses) is built once, in-process, and only the functions of the two
features run under cProfile (process CPU time as its clock); their cumulative CPU time is set against the CPU
time of the whole build: the MkDocs process (time.process_time) and, separately, with Pagefind's child
processes added (resource.getrusage). Profiling the whole build instead slows Jinja and Markdown so much that
a 3,000-post build takes over 20 minutes; cProfile inside our functions makes their share an upper bound.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import os
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as corpus_mod  # noqa: E402

# (label, module path suffix, function name): everything the two features run during a build
MEASURED = (
    ("related posts", "pages/related.py", "related_posts"),
    ("event statuses", "pages/related.py", "event_statuses"),
    ("vocabulary: words of each page", "mkdocs/search.py", "on_page_markdown"),
    ("vocabulary: front matter and file", "mkdocs/search.py", "_write_vocabulary"),
)


def cumulative(stats: pstats.Stats | None, suffix: str, name: str) -> float:
    if stats is None:
        return CLOCKED.get(name, 0.0)
    total = 0.0
    for (path, _line, func), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():
        if func == name and path.replace(os.sep, "/").endswith(suffix):
            total += ct
    return total


CLOCKED: dict[str, float] = {}  # --clock process_time: CPU seconds per function, no per-call instrumentation


def profiled(profiler: cProfile.Profile | None, fn):
    @functools.wraps(fn)
    def inner(*args, **kwargs):
        if profiler is not None:
            return profiler.runcall(fn, *args, **kwargs)
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            CLOCKED[fn.__name__] = CLOCKED.get(fn.__name__, 0.0) + time.process_time() - start
    return inner


def profile_build(project: Path, build_time: str, clock: str) -> tuple[pstats.Stats | None, float, float]:
    """(stats of our functions, process CPU seconds, children CPU seconds) of one `mkdocs build`."""
    from mkdocs.__main__ import cli
    from muutostuki.mkdocs.search import MuutostukiSearchPlugin
    from muutostuki.pages import blog

    profiler = cProfile.Profile(time.process_time) if clock == "cprofile" else None
    blog.related_posts = profiled(profiler, blog.related_posts)
    blog.event_statuses = profiled(profiler, blog.event_statuses)
    MuutostukiSearchPlugin.on_page_markdown = profiled(profiler, MuutostukiSearchPlugin.on_page_markdown)
    MuutostukiSearchPlugin._write_vocabulary = profiled(profiler, MuutostukiSearchPlugin._write_vocabulary)
    os.environ["MUUTOSTUKI_BUILD_TIME"] = build_time
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    cwd = os.getcwd()
    os.chdir(project)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        cli.main(args=["build", "--clean", "-q"], standalone_mode=False)
    finally:
        os.chdir(cwd)
    cpu = time.process_time() - cpu0
    children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = (children1.ru_utime + children1.ru_stime) - (children0.ru_utime + children0.ru_stime)
    print(f"  build: {time.perf_counter() - wall0:.1f} s wall", file=sys.stderr)
    return (pstats.Stats(profiler) if profiler is not None else None), cpu, children


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build-time", default=corpus_mod.BUILD_TIME)
    parser.add_argument("--workdir", type=Path, help="keep the corpus and site here (default: a temp folder)")
    parser.add_argument("--clock", choices=("cprofile", "process_time"), default="cprofile",
                        help="cprofile: our functions under cProfile (an upper bound: it instruments every call "
                             "inside them, 10x for tight loops); process_time: only around each call")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="muutostuki-search-cost-") as tmp:
        root = (args.workdir or Path(tmp)) / f"n{args.posts}"
        corpus = corpus_mod.generate(root, args.posts, seed=args.seed, build_time=args.build_time)
        print(f"corpus: {args.posts} posts, {corpus.events} events", file=sys.stderr)
        stats, cpu, children = profile_build(root / "ours", args.build_time, args.clock)
        words = root / "ours" / "site" / "haku" / "sanasto.json"
        print(f"| what ({args.posts} posts, {args.clock}) | CPU s | of the mkdocs process | of the build with Pagefind |")
        print("|---|---|---|---|")
        spent = 0.0
        for label, suffix, name in MEASURED:
            seconds = cumulative(stats, suffix, name)
            spent += seconds
            print(f"| {label} | {seconds:.3f} | {100 * seconds / cpu:.2f} % | "
                  f"{100 * seconds / (cpu + children):.2f} % |")
        print(f"| **related posts + vocabulary** | **{spent:.3f}** | **{100 * spent / cpu:.2f} %** | "
              f"**{100 * spent / (cpu + children):.2f} %** |")
        print(f"\nmkdocs process {cpu:.1f} s CPU, Pagefind children {children:.1f} s CPU; "
              f"haku/sanasto.json {words.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
