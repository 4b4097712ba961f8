"""Run the editors' command line as editors do: `python -m muutostuki ...` in a project folder."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# mkdocs log lines: "ERROR    -  blog/a.md:3: date: ..." / "WARNING  -  ..."
_LOG_LINE = re.compile(r"^(ERROR|WARNING)\s+-\s+(\S+:\d+: .*)$", re.MULTILINE)


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return _section(self.stdout, "Virheet")

    @property
    def warnings(self) -> list[str]:
        return _section(self.stdout, "Varoitukset")


def _section(text: str, heading: str) -> list[str]:
    """The `path:line: field: message` lines under one heading of `check` output."""
    lines, inside = [], False
    for line in text.splitlines():
        if line.startswith(("Virheet (", "Varoitukset (", "Tarkistettu ")):
            inside = line.startswith(heading + " (")
            continue
        if inside:
            lines.append(line)
    return lines


def run_cli(cwd: Path, *args: str, env: dict | None = None) -> CliResult:
    proc = subprocess.run([sys.executable, "-m", "muutostuki", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def build_messages(output: str, level: str) -> list[str]:
    """Our `path:line: field: message` lines of one level in a mkdocs build log."""
    return [m.group(2) for m in _LOG_LINE.finditer(output) if m.group(1) == level]
