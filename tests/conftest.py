"""Shared fixtures: small fixture sites built with a real `mkdocs build`."""
from __future__ import annotations

import os
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from engine import ENGINE, engine_command  # noqa: F401  (MkDocs or ProperDocs, see engine.py)

# The real example site, served, and Chromium (session fixtures): tests/example_site.py
pytest_plugins = ["example_site"]

ROOT = Path(__file__).resolve().parent.parent

BUILD_TIME = "2026-11-23 12:00"

MKDOCS_YML = """\
site_name: Testisivusto
site_url: https://testi.example.fi/
theme:
  name: material
  language: fi
  font: false
nav:
  - Etusivu: index.md
  - Blogi: blogi/index.md
plugins:
  - muutostuki:
      build_time: "{build_time}"
"""

AUTHORS_YML = """\
authors:
  testaaja:
    name: Tiina Testaaja
    role: järjestöasiantuntija
    organisation: Testijärjestö ry
"""


@dataclass
class BuildResult:
    root: Path
    site: Path
    returncode: int
    output: str

    def html(self, url: str) -> str:
        path = self.site / url.strip("/") / "index.html" if not url.endswith((".html", ".xml", ".json", ".ics", ".txt")) \
            else self.site / url.strip("/")
        return path.read_text(encoding="utf-8")

    def exists(self, url: str) -> bool:
        path = self.site / url.strip("/")
        return path.exists() if path.suffix else (path / "index.html").exists()


def post(title: str = "Testikirjoitus", date: str = "2026-01-15", **fields) -> str:
    """Front matter + body of a post, for fixture sites."""
    lines = ["---", f'title: "{title}"', f"date: {date}", f"authors: {fields.pop('authors', '[testaaja]')}"]
    body = fields.pop("body", "Ensimmäinen kappale.\n\nToinen kappale.")
    for key, value in fields.items():
        lines.append(f"{key}: {value}")
    lines += ["---", "", body, ""]
    return "\n".join(lines)


def write_site(root: Path, files: dict[str, str | bytes], build_time: str = BUILD_TIME,
               mkdocs_yml: str | None = None) -> Path:
    """A minimal project: mkdocs.yml, docs/index.md, blog/authors.yml, plus `files`."""
    defaults = {
        "mkdocs.yml": (mkdocs_yml or MKDOCS_YML).format(build_time=build_time),
        "docs/index.md": "---\ntemplate: muutostuki/home.html\n---\n# Testisivusto\n",
        "blog/authors.yml": AUTHORS_YML,
    }
    for rel, content in {**defaults, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content) if rel.endswith(".yml") else content, encoding="utf-8")
    return root


def run_build(root: Path, *extra: str, env: dict | None = None) -> BuildResult:
    site = root / "site"
    proc = subprocess.run(
        engine_command("build", "--clean", "-d", str(site), *extra),
        cwd=root, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    return BuildResult(root=root, site=site, returncode=proc.returncode, output=proc.stdout + proc.stderr)


@pytest.fixture
def build_site(tmp_path):
    """build_site({path: content}) -> BuildResult of a real mkdocs build."""
    def _build(files: dict[str, str | bytes], build_time: str = BUILD_TIME, mkdocs_yml: str | None = None,
               env: dict | None = None) -> BuildResult:
        write_site(tmp_path, files, build_time, mkdocs_yml)
        return run_build(tmp_path, env=env)
    return _build
