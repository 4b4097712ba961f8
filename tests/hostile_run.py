"""Run `check` or `mkdocs build` (`properdocs build` with the other engine) on hostile input in a subprocess with a memory limit and a timeout.

A regression (an alias bomb expanding, a rule that never ends) then fails the test fast instead
of eating the CI machine's memory or hanging it.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from engine import ENGINE

MEMORY_LIMIT = 1_500 * 1024 * 1024  # address space: Python with MkDocs and Material needs about 400 MB
TIMEOUT = 60


@dataclass
class Limited:
    returncode: int
    output: str
    seconds: float

    def assert_clean_failure(self, *messages: str, seconds: float) -> None:
        """Failed with exit code 1, every message present, no traceback, within `seconds`."""
        assert self.returncode == 1, (self.returncode, self.output[-3000:])
        assert "Traceback" not in self.output, self.output[-3000:]
        for message in messages:
            assert message in self.output, (message, self.output[-3000:])
        assert self.seconds < seconds, (self.seconds, self.output[-2000:])
        assert len(self.output) < 200_000, len(self.output)  # messages do not grow with the input


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(root: Path, *args: str) -> Limited:
    """`python -m <args>` in `root` under the memory limit; a timeout is a failure, not a hang."""
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", *args], cwd=root, capture_output=True, text=True,
                              timeout=TIMEOUT, preexec_fn=_limit,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{' '.join(args)} did not finish in {TIMEOUT} s") from None
    return Limited(proc.returncode, proc.stdout + proc.stderr, time.perf_counter() - started)


def check(root: Path) -> Limited:
    return run_limited(root, "muutostuki", "check")


def build(root: Path) -> Limited:
    return run_limited(root, ENGINE, "build", "--clean", "-d", str(root / "site"))
