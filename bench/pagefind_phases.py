"""Where Pagefind's time goes on a built site: its phases as the build runs it, and as its service would.

    python bench/pagefind_phases.py /path/to/site [--runs 3]

Why: a one-edit build re-indexes the edited page's whole part, since Pagefind cannot update an index
(Pagefind/pagefind#71). Its service mode can replace a page by address inside one running index, so the
question is which of Pagefind's phases an earlier start could hide behind the rest of the build: parsing
(per page) could run while the build works out what changed, building and writing (per index) cannot.
The figures say how much of each there is.

1. The command line over the site's searchable pages, as search/index.py runs it (same root selector and
   file list), with --verbose: the wall time from one phase heading to the next, and Pagefind's CPU time.
2. The service (`pagefind --service`): every searchable page added in address order, timed, then written:
   the parsing alone, on the one thread the service gives it, and the rest.
Both write into a temporary folder (in memory where /dev/shm has room, as the build's staging does); the
script says whether the two wrote the same page fragments (Pagefind names each by its content).
"""
from __future__ import annotations

import argparse
import base64
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from muutostuki.mkdocs.kept_output import PAGEFIND_MARK as MARK  # noqa: E402
from muutostuki.search.index import (BUNDLE_DIR, ROOT_SELECTOR, _fast_temp, pagefind_command,  # noqa: E402
                                     write_config)

PHASES = ("Walking source directory", "Parsing files", "Reading languages", "Building search indexes")


def searchable_pages(site: Path) -> list[str]:
    """The pages the build gives Pagefind: those with a searchable body, outside the bundle itself."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] != BUNDLE_DIR and MARK in p.read_text(encoding="utf-8"))


def phase_times(stamped: list[tuple[float, str]], end: float) -> dict[str, float]:
    """Seconds from each phase heading ("[Parsing files]") to the next one; the last phase, to `end`.
    Building runs until the totals are printed ("Total:"), writing from there to the end."""
    marks = [(t, line.strip("[] ")) for t, line in stamped if line.startswith("[") and line.strip("[] ") in PHASES]
    total = next((t for t, line in stamped if line.startswith("Total:")), None)
    if total is not None:
        marks.append((total, "Writing files"))
    return {name: round((marks[i + 1][0] if i + 1 < len(marks) else end) - t, 3)
            for i, (t, name) in enumerate(marks)}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def command_line(site: Path, pages: list[str], out: Path) -> dict[str, float]:
    """One Pagefind run as search/index.py makes it, its output lines stamped as they arrive."""
    with tempfile.TemporaryDirectory(prefix="pagefind-phases-") as work:
        write_config(Path(work), site, pages, out)
        cpu, start = _children_cpu(), time.perf_counter()
        proc = subprocess.Popen([*pagefind_command(), "--verbose"], cwd=work, text=True, bufsize=1,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        stamped = [(time.perf_counter() - start, line.rstrip()) for line in proc.stdout]
        proc.wait()
        wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit("Pagefind failed:\n" + "\n".join(line for _, line in stamped))
    return {**phase_times(stamped, wall), "wall": round(wall, 3), "cpu": round(_children_cpu() - cpu, 3)}


class Service:
    """Pagefind's service (`pagefind --service`) spoken to directly: base64 JSON messages ended by a comma.
    Its own Python API (pagefind.index) awaits each reply in turn and took 0.1 s a page here (139 s for 1,373),
    which would measure the API rather than Pagefind; the messages are sent at once and the replies read after."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([*pagefind_command(), "--service"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.sent = 0

    def send(self, payload: dict) -> None:
        self.sent += 1
        self.proc.stdin.write(base64.b64encode(json.dumps({"message_id": self.sent, "payload": payload}).encode())
                              + b",")

    def reply(self) -> dict:
        self.proc.stdin.flush()
        data = bytearray()
        while (byte := self.proc.stdout.read(1)) not in (b",", b""):
            data += byte
        message = json.loads(base64.b64decode(bytes(data)))["payload"]
        if message.get("type") == "Error":
            raise SystemExit(f"Pagefind's service: {message.get('message')}")
        return message

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def service(site: Path, pages: list[str], out: Path) -> dict[str, float]:
    """Every page added in address order (a page added again under its address would replace it), then written."""
    cpu, start = _children_cpu(), time.perf_counter()
    pagefind = Service()
    pagefind.send({"type": "NewIndex", "config": {"root_selector": ROOT_SELECTOR}})
    index = pagefind.reply()["index_id"]
    started = time.perf_counter()
    for rel in pages:
        pagefind.send({"type": "AddFile", "index_id": index, "file_path": rel, "url": None,
                       "file_contents": (site / rel).read_text(encoding="utf-8")})
    for _ in pages:
        pagefind.reply()
    added = time.perf_counter()
    pagefind.send({"type": "WriteFiles", "index_id": index, "output_path": str(out.resolve())})
    pagefind.reply()
    written = time.perf_counter()
    pagefind.close()
    return {"start": round(started - start, 3), "add every page": round(added - started, 3),
            "build and write": round(written - added, 3), "wall": round(time.perf_counter() - start, 3),
            "cpu": round(_children_cpu() - cpu, 3)}


def fragments(bundle: Path) -> set[str]:
    return {p.name for p in (bundle / "fragment").iterdir()} if (bundle / "fragment").is_dir() else set()


def measure(site: Path, pages: list[str], runs: int) -> tuple[dict[str, list[dict[str, float]]], bool]:
    """Both ways, `runs` times each, alternating; and whether they wrote the same fragments every time."""
    results: dict[str, list[dict[str, float]]] = {"command line": [], "service": []}
    same = True
    for _ in range(runs):
        out = Path(tempfile.mkdtemp(prefix="pagefind-phases-out-", dir=_fast_temp()))
        try:
            results["command line"].append(command_line(site, pages, out / "cli"))
            results["service"].append(service(site, pages, out / "service"))
            same = same and fragments(out / "cli") == fragments(out / "service") != set()
        finally:
            shutil.rmtree(out, ignore_errors=True)
    return results, same


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs if key in run) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder (e.g. the benchmark's n1000/ours/site)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pages = searchable_pages(args.site)
    if not pages:
        raise SystemExit(f"{args.site}: no page with {MARK}")
    results, same = measure(args.site, pages, args.runs)
    print(f"Pagefind over {len(pages)} searchable pages of {args.site}, median of {args.runs} runs (seconds):")
    for label, runs in results.items():
        print(f"  {label}: " + " · ".join(f"{key} {value:.2f}" for key, value in median(runs).items()))
    print(f"  the same page fragments both ways: {'yes' if same else 'no'}")


if __name__ == "__main__":
    main()
