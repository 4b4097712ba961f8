"""Preview latency: in `mkdocs serve`, the time from saving one post to its reloaded page.

How: start `mkdocs serve` on a free port, wait for the first build, then append a unique
word to a post and fetch the post's page until the word appears. MkDocs' dev server holds
page requests while a rebuild runs, so the page that first shows the word is the page the
browser's live reload would get.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from muutostuki.mkdocs.engine import NAME as ENGINE  # mkdocs or properdocs, whichever is installed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 600) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, predicate, limit: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        body = _get(url)
        if body is not None and predicate(body):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def measure_preview(project: Path, post_file: str, post_url: str, edits: int = 3, env: dict | None = None,
                    limit: float = 900, pause: float = 3.0) -> dict:
    """Cold serve start, then `edits` save-to-page times for one post (seconds), `pause` s apart
    (an editor reads the page before saving again; the search index catches up meanwhile)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = open(project / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", ENGINE, "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                            cwd=project, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    path = project / post_file
    original = path.read_text(encoding="utf-8")
    figures: dict = {"post": post_url, "edits": [], "pause_s": pause}
    try:
        started = _wait_for(base + post_url, lambda body: True, limit)
        figures["first_build_s"] = started
        for i in range(edits):
            word = f"esikatselumerkki{i}x{time.time_ns()}"
            time.sleep(pause)
            path.write_text(original + f"\n\n{word}\n", encoding="utf-8")
            took = _wait_for(base + post_url, lambda body, w=word: w in body, limit)
            figures["edits"].append(took)
    finally:
        path.write_text(original, encoding="utf-8")
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
    done = [t for t in figures["edits"] if t is not None]
    figures["median_edit_s"] = sorted(done)[len(done) // 2] if done else None
    return figures
