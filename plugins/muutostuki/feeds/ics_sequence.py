"""SEQUENCE numbers for calendar entries, derived statelessly from git history.

Calendar apps only replace an entry they already have when its SEQUENCE grows. A static
site keeps no state between builds, so the number is read from history: per event file, the
count of commits after its creation that changed a `start:`, `end:`, `recurrence:`,
`status:` or place line, or a series' exceptions or overrides. One `git log` runs per build.
Outside a git repository (or without git) every event gets 0. A shallow clone sees only its last commit, so deploy workflows must fetch the
whole history (GitHub Actions: `actions/checkout` with `fetch-depth: 0`).
"""
from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)

COMMIT_MARK = "\x00commit"
# Top-level time and place keys; a series' exception items (`  - 2027-07-06`) and override items
# (`  - date:` and their keys, indented deeper than a top-level mapping's `  key:`)
_TIME_LINE = re.compile(r"^[+-]((start|end|recurrence|status|exceptions|overrides|place|location)\s*:"
                        r"|\s+-\s+(date\s*:|\d{4}-\d{2}-\d{2})|\s{4,}(start|end|status|place)\s*:)")
_DIFF_FILE = re.compile(r"^diff --git a/(.+?) b/(.+)$")


def git_log(root: Path, events_dir: str) -> str | None:
    """Oldest-first patches touching events_dir, paths relative to root; None if not a git checkout."""
    cmd = ["git", "-C", str(root), "-c", "core.quotePath=false", "log", "--reverse", "--no-renames",
           "--no-color", "--no-ext-diff", "--unified=0", "--relative", "--format=%x00commit %H", "-p",
           "--", events_dir]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("muutostuki: git ei käytettävissä (%s); kalenterin SEQUENCE on 0", exc)
        return None
    if proc.returncode != 0:
        return None
    return proc.stdout


def parse_sequences(log_text: str) -> dict[str, int]:
    """Event id (file stem) -> number of commits that changed its time after it was created."""
    sequences: dict[str, int] = {}
    for commit in log_text.split(COMMIT_MARK)[1:]:
        changed: dict[str, str] = {}  # path -> "created" | "deleted" | "time" | "other"
        path = None
        for line in commit.split("\n"):
            m = _DIFF_FILE.match(line)
            if m:
                path = m.group(2)
                changed[path] = "other"
            elif path is None:
                continue
            elif line.startswith("new file mode"):
                changed[path] = "created"
            elif line.startswith("deleted file mode"):
                changed[path] = "deleted"
            elif changed[path] == "other" and _TIME_LINE.match(line):
                changed[path] = "time"
        for path, kind in changed.items():
            if not path.endswith(".md"):
                continue
            event_id = PurePosixPath(path).stem
            if kind == "created" or kind == "deleted":
                sequences[event_id] = 0
            elif kind == "time":
                sequences[event_id] = sequences.get(event_id, 0) + 1
    return sequences


def event_sequences(root: Path, events_dir: str) -> dict[str, int]:
    text = git_log(root, events_dir)
    return parse_sequences(text) if text else {}
