"""The Pagefind search index over a built site: run once after every build (and every `mkdocs serve` rebuild).

Only elements marked `data-pagefind-body` are indexed (the post, event and region templates mark their main
content), so navigation, footers and listing pages never turn up as results. Drafts and future posts are not
built by `mkdocs build`, so they cannot be indexed. Pagefind stems by the page language (`<html lang="fi">`),
so `hyvinvointialueella` finds `hyvinvointialue`.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BUNDLE_DIR = "pagefind"
# Pages without a data-pagefind-body element are skipped even on a site where no page has one.
ARGS = ["--root-selector", "[data-pagefind-body]", "--output-subdir", BUNDLE_DIR]


class SearchIndexError(Exception):
    """Pagefind failed; the message says so in Finnish, with Pagefind's own output."""


@dataclass
class IndexSummary:
    pages: int
    words: int
    filters: int
    languages: list[str]

    def __str__(self) -> str:
        return (f"hakuhakemisto: {self.pages} sivua, {self.words} sanaa, {self.filters} rajausta, "
                f"kielet {', '.join(self.languages) or '-'}")


def _number(label: str, output: str) -> int:
    match = re.search(rf"Indexed (\d+) {label}", output)
    return int(match.group(1)) if match else 0


def build_index(site_dir: Path, timeout: int = 600) -> IndexSummary:
    """Write site_dir/pagefind/. A site with nothing to index gets no bundle (the search box then says so)."""
    return finish_index(start_index(site_dir), timeout)


def start_index(site_dir: Path) -> subprocess.Popen:
    """Start Pagefind on the HTML already written; the build goes on meanwhile (see finish_index)."""
    site_dir = Path(site_dir)
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), *ARGS]
    try:
        return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as exc:
        raise SearchIndexError(f"hakuhakemiston luonti (Pagefind) epäonnistui: {exc}") from None


def stop_index(proc: subprocess.Popen) -> None:
    """Kill Pagefind started by start_index and reap it (its half-written bundle is replaced next build)."""
    proc.kill()
    proc.communicate()


def finish_index(proc: subprocess.Popen, timeout: int = 600) -> IndexSummary:
    """Wait for Pagefind started by start_index and read what it did."""
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        stop_index(proc)
        raise SearchIndexError(f"hakuhakemiston luonti (Pagefind) epäonnistui: {exc}") from None
    output = stdout + stderr
    pages = _number("pages", output)
    langs = re.search(r"Discovered \d+ languages?: ?(.*)", output)
    summary = IndexSummary(pages=pages, words=_number("words", output), filters=_number("filters", output),
                           languages=[s.strip() for s in langs.group(1).split(",") if s.strip()] if langs else [])
    if proc.returncode != 0 and pages == 0 and "not able to build an index" in output:
        return summary  # nothing searchable yet: not an error
    if proc.returncode != 0:
        raise SearchIndexError("hakuhakemiston luonti (Pagefind) epäonnistui; Pagefindin tuloste:\n" + output.strip())
    return summary
