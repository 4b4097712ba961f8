"""SEQUENCE numbers and DTSTAMPs for calendar entries, derived statelessly from git history.

Calendar apps only replace an entry they already have when its SEQUENCE grows. A static
site keeps no state between builds, so the number is read from history: per event file, the
count of commits after its creation that changed a `start:`, `end:`, `recurrence:`,
`status:` or place line, or a series' exceptions or overrides. One `git log` runs per build.
Outside a git repository (or without git) every event gets 0. A shallow clone sees only its last commit, so deploy workflows must fetch the
whole history (GitHub Actions: `actions/checkout` with `fetch-depth: 0`).

The same log gives each file's last change (its last commit's committer time): DTSTAMP, "when the
information was last revised" (RFC 5545 3.8.7.2), so a daily rebuild rewrites no .ics file whose
events did not change. A file git does not know (no git, or not committed yet) has no such time:
then fallback_time.py answers.
"""
from __future__ import annotations

import logging
import re
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from .fallback_time import unknown_change

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
           "--no-color", "--no-ext-diff", "--unified=0", "--relative", "--format=%x00commit %H %ct", "-p",
           "--", events_dir]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("muutostuki: git ei käytettävissä (%s); kalenterin SEQUENCE on 0", exc)
        return None
    if proc.returncode != 0:
        return None
    return proc.stdout


@dataclass
class EventHistory:
    sequences: dict[str, int] = field(default_factory=dict)    # event id (file stem) -> SEQUENCE
    changed: dict[str, datetime] = field(default_factory=dict)  # path from the root -> last commit time

    def last_change(self, paths: list[str]) -> datetime:
        """The newest change of these files (an event, its place, its organisers), else the fallback."""
        known = [self.changed[p] for p in paths if p in self.changed]
        return max(known) if known else unknown_change()


def _commit_time(header: str) -> datetime | None:
    parts = header.split()
    if len(parts) >= 2 and parts[1].isdigit():
        return datetime.fromtimestamp(int(parts[1]), timezone.utc)
    return None


def parse_sequences(log_text: str) -> dict[str, int]:
    """Event id (file stem) -> number of commits that changed its time after it was created."""
    return parse_history(log_text).sequences


def parse_history(log_text: str) -> EventHistory:
    """Sequences and each file's last commit time, from one oldest-first `git log -p`."""
    history = EventHistory()
    sequences = history.sequences
    for commit in log_text.split(COMMIT_MARK)[1:]:
        changed: dict[str, str] = {}  # path -> "created" | "deleted" | "time" | "other"
        path = None
        header, _, commit = commit.partition("\n")
        when = _commit_time(header)
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
            if when is not None:
                history.changed[path] = when
            if not path.endswith(".md"):
                continue
            event_id = PurePosixPath(path).stem
            if kind == "created" or kind == "deleted":
                sequences[event_id] = 0
            elif kind == "time":
                sequences[event_id] = sequences.get(event_id, 0) + 1
    return history


def event_history(root: Path, events_dir: str) -> EventHistory:
    text = git_log(root, events_dir)
    return parse_history(text) if text else EventHistory()
