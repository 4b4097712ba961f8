"""Two engines, one site: MkDocs 1.6.1 and ProperDocs build the example site to the same feeds, calendars
and pages (only the generator tag names the engine); and Material 9.8.1 keeps building after its end of
life (5.5.2027): nothing in it is switched by a date.

The other engine runs from its own venv (`make test` sets up .venv-properdocs: make engine-venv ENGINE=properdocs).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from engine import ENGINE

VENVS = {"mkdocs": ROOT / ".venv", "properdocs": ROOT / ".venv-properdocs"}
BUILD_TIME = "2026-12-01 03:15"
GENERATOR = re.compile(rb'<meta name="generator" content="(?:mkdocs|properdocs)-[0-9.]+, mkdocs-material">')
PAGEFIND_UNSTABLE = re.compile(r"^pagefind/(filter/|pagefind-entry\.json$|.*\.pf_meta$)")  # Pagefind/pagefind#638


def _build(engine: str, dest: Path, *prefix: str) -> Path:
    python = VENVS[engine] / "bin" / "python"
    if not python.exists():
        pytest.skip(f"{engine} venv missing: make engine-venv ENGINE={engine} (make test sets it up)")
    proc = subprocess.run([*prefix, str(python), "-m", engine, "build", "--clean", "-d", str(dest)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "MUUTOSTUKI_BUILD_TIME": BUILD_TIME,
                               "MUUTOSTUKI_ENGINE": engine})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    return dest


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
            and not PAGEFIND_UNSTABLE.match(p.relative_to(site).as_posix())}


def test_both_engines_build_the_same_site(tmp_path):
    mkdocs = _files(_build("mkdocs", tmp_path / "mkdocs"))
    properdocs = _files(_build("properdocs", tmp_path / "properdocs"))
    assert mkdocs.keys() == properdocs.keys()
    outputs = [rel for rel in mkdocs if rel.endswith((".ics", ".xml", ".json", ".txt"))]
    assert sum(rel.endswith(".ics") for rel in outputs) > 20 and "feed.xml" in outputs and "feed.json" in outputs
    assert [rel for rel in outputs if mkdocs[rel] != properdocs[rel]] == [], "feeds and calendars byte-identical"
    html = [rel for rel in mkdocs if rel.endswith(".html")]
    assert b'content="mkdocs-1.6.1, mkdocs-material"' in mkdocs["index.html"]
    assert b'content="properdocs-1.6.7, mkdocs-material"' in properdocs["index.html"]
    differ = [rel for rel in html if GENERATOR.sub(b"", mkdocs[rel]) != GENERATOR.sub(b"", properdocs[rel])]
    assert differ == [], "pages differ only in the generator tag"
    assert [rel for rel in mkdocs if rel not in html and rel not in outputs and mkdocs[rel] != properdocs[rel]] == []


def _material() -> Path:
    import material

    return Path(material.__file__).parent


def test_material_has_no_date_switch():
    """Its end of life is a printed notice (templates/__init__.py), no code compares today with a date."""
    dated = []
    for path in _material().rglob("*"):
        if path.suffix not in {".py", ".html", ".js"} or "__pycache__" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in (r"\b2027\b", r"May 5", r"end.of.life", r"new Date\(", r"Date\.now\(", r"date\.today\(",
                        r"datetime\.now\(", r"time\.time\("):
            for m in re.finditer(pattern, text, re.IGNORECASE):
                dated.append(f"{path.relative_to(_material()).as_posix()}: {text[max(0, m.start() - 40):m.end() + 20]!r}")
    # the notice; the blog plugin's "draft until its date" and lunr's word-cutter timing helper
    # (Date.now in lunr/wordcut.js): the blog plugin and Material's lunr search are not used here
    allowed = ("templates/__init__.py", "plugins/blog/plugin.py", "templates/assets/javascripts/lunr/wordcut.js")
    assert [d for d in dated if not d.startswith(allowed)] == []
    assert any(d.startswith("templates/__init__.py") for d in dated), "the search itself works"
    assert "blog" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("plugins:")[1].split("\n\n")[0]


def test_material_builds_after_its_end_of_life(tmp_path):
    """The whole example site with the machine's clock set after 5.5.2027 (libfaketime)."""
    faketime = shutil.which("faketime")
    if faketime is None:
        pytest.skip("faketime puuttuu / missing: apt-get install faketime (make test installs it)")
    site = _build(ENGINE, tmp_path / "site", faketime, "2027-06-01 12:00:00")
    assert (site / "index.html").exists() and (site / "tapahtumat.ics").exists()
