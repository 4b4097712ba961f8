"""Warm builds: `mkdocs build` again with the build cache (.cache/muutostuki/) of the build before.

Four kinds, each after a cold build that filled the cache (bench/run.py --warm):
- "none": nothing changed (a merge that touched no content, a re-run), the site folder of the build
  before still in place (a local rebuild: unchanged files stay, mkdocs/kept_output.py);
- "ci": nothing changed, but no site folder: a CI runner restores only the cache folder (the folder is
  set aside, not deleted: see set_aside);
- "edit": one post's text edited (a word changed in its last paragraph, so its excerpt, title and
  reading time stay, as with a typo fix; the edit alternates between two versions run after run);
- "daily": only the build time moved, one day on (the daily build of the schedule).
Cold builds in the benchmark start without a cache (it is removed first) and write a new one.
"""
from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

CACHE_DIR = ".cache"
KINDS = ("none", "ci", "edit", "daily")
MARK = "Tämä lause on muokattu."
TRASH = "poistettavat"  # set-aside site folders of a corpus, removed after its builds


def drop_cache(project: Path) -> None:
    shutil.rmtree(project / CACHE_DIR, ignore_errors=True)


def set_aside(site: Path) -> None:
    """Move a built site folder out of the way (into a sibling of the project, removed when the benchmark
    ends) instead of deleting it: on ext4, creating files just after thousands were deleted costs the
    kernel's inode allocator far more than the writing (a no-site-folder build at 1,000 posts spent 3.8 s
    writing its pages right after `rm -rf site`, 0.26 s after `mv site`), which a CI runner's fresh
    checkout never pays."""
    if site.exists():
        trash = site.parent.parent / TRASH
        trash.mkdir(exist_ok=True)
        site.rename(trash / f"{site.parent.name}-{len(list(trash.iterdir()))}")


def edit_post(path: Path) -> None:
    """Change a word near the end of the body: the same length of text, a different page."""
    text = path.read_text(encoding="utf-8")
    body_end = text.rstrip().rfind("\n")
    if MARK in text:
        text = text.replace(" " + MARK, "")
    else:
        text = text[:body_end] + text[body_end:].rstrip() + " " + MARK + "\n"
    path.write_text(text, encoding="utf-8")


def next_day(build_time: str) -> str:
    return (datetime.strptime(build_time, "%Y-%m-%d %H:%M") + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")


def warm_builds(project: Path, post_file: Path, env: dict, build) -> dict:
    """One warm build of each kind, in order, each on the cache the one before left."""
    results = {"none": build(project, env)}
    set_aside(project / "site")
    results["ci"] = build(project, env)
    edit_post(post_file)
    results["edit"] = build(project, env)
    daily = {**env, "MUUTOSTUKI_BUILD_TIME": next_day(env["MUUTOSTUKI_BUILD_TIME"])}
    results["daily"] = build(project, daily)
    return results
