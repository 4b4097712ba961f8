"""make lighthouse: Lighthouse (mobile, its default) on one page of every kind (tests/page_kinds.py).

Builds the example site with the tests' fixed build time and the local server's address as its site_url
(so canonical links and feeds point where Lighthouse looks), serves it, and runs the pinned Lighthouse from
.tools/ (installed there with npm on first use) in Debian's Chromium. Prints performance, accessibility,
best practices and SEO scores, CLS, LCP and TBT per page, and the failing audits of any score below 100.
A benchmark, not a test: figures depend on the machine's load (run it on an idle machine for performance).
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from example_site import CHROMIUM, ExampleSite, _QuietHandler, build_example_site  # noqa: E402
from page_kinds import PAGE_KINDS, page_of_kind  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"  # 13.x needs Node 22; Debian's is 20
TOOLS = ROOT / ".tools"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".webmanifest"}


class GzipHandler(_QuietHandler):
    """Serves text gzipped, as any real host of the site does (python -m http.server does not)."""

    def do_GET(self):  # noqa: N802 - the http.server API
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()  # redirects, 404s, images, binary files
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory: Path):
    from http.server import ThreadingHTTPServer
    import threading

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def ensure_lighthouse() -> None:
    package = TOOLS / "node_modules" / "lighthouse" / "package.json"
    if package.exists() and json.loads(package.read_text())["version"] == LIGHTHOUSE_VERSION:
        return
    print(f"npm install lighthouse@{LIGHTHOUSE_VERSION} into .tools/", file=sys.stderr)
    subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--save-exact", "--no-audit", "--no-fund", "--silent",
                    f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)


def run_lighthouse(url: str) -> dict:
    proc = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
    if proc.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def failing_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    out = []
    for ref in refs:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            out.append(f"{ref['id']} ({audit['score']:.2f}): {audit.get('displayValue') or audit['title']}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", nargs="*", default=list(PAGE_KINDS), help="only these page kinds")
    args = parser.parse_args()
    ensure_lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp) / "site"
        dest.mkdir()
        server, base = serve(dest)  # the address first: the site is built for it
        try:
            proc = build_example_site(dest, env={"SITE_URL": base})
            if proc.returncode != 0:
                print(proc.stdout + proc.stderr, file=sys.stderr)
                return 1
            urls = ExampleSite(site=dest, output="").pages()
            print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile preset, {CHROMIUM}")
            print(f"{'page':<12} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'CLS':>6} {'LCP ms':>7} {'TBT ms':>7}  url")
            notes = []
            for kind in args.kinds:
                url = page_of_kind(urls, kind)
                if url is None:
                    print(f"{kind:<12} no page of this kind")
                    continue
                report = run_lighthouse(base + url)
                scores = [round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES]
                audits = report["audits"]
                cls = audits["cumulative-layout-shift"]["numericValue"]
                lcp = audits["largest-contentful-paint"]["numericValue"]
                tbt = audits["total-blocking-time"]["numericValue"]
                print(f"{kind:<12} {scores[0]:>4} {scores[1]:>4} {scores[2]:>4} {scores[3]:>4} {cls:>6.3f} "
                      f"{lcp:>7.0f} {tbt:>7.0f}  /{url}", flush=True)
                for category, score in zip(CATEGORIES, scores):
                    if score < 100:
                        notes += [f"  {kind} {category}: {line}" for line in failing_audits(report, category)]
            if notes:
                print("\nbelow 100:")
                print("\n".join(notes))
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
