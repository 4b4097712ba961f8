"""make screenshots: every page kind (tests/page_kinds.py) at phone and desktop width, as PNG files.

Builds the example site with the tests' fixed build time, serves it on localhost and photographs each page
in Debian's Chromium: `<out>/<kind>-<width>.png` (the first screen) and `<kind>-<width>-koko.png` (the
whole page), and the phone's menu opened (`valikko-390.png`). The output folder (default
build/screenshots/) is not committed.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from example_site import CHROMIUM, CHROMIUM_ARGS, ExampleSite, build_example_site, serve  # noqa: E402
from page_kinds import PAGE_KINDS, VIEWPORTS, page_of_kind  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--kinds", nargs="*", default=list(PAGE_KINDS), help="only these page kinds")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp) / "site"
        proc = build_example_site(dest)
        if proc.returncode != 0:
            print(proc.stdout + proc.stderr, file=sys.stderr)
            return 1
        site = ExampleSite(site=dest, output="")
        urls = site.pages()
        server, base = serve(dest)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                for name, (width, height) in VIEWPORTS.items():
                    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": height})
                    tab = context.new_page()
                    for kind in args.kinds:
                        url = page_of_kind(urls, kind)
                        if url is None:
                            print(f"{kind}: ei sivua / no page", file=sys.stderr)
                            continue
                        tab.goto(base + url)
                        tab.wait_for_load_state("networkidle")
                        tab.screenshot(path=str(args.out / f"{kind}-{width}.png"))
                        tab.screenshot(path=str(args.out / f"{kind}-{width}-koko.png"), full_page=True)
                        print(f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}/"
                              f"{kind}-{width}.png  /{url}")
                    if width < 1000 and "etusivu" in args.kinds:  # the phone's menu, opened from the keyboard
                        tab.goto(base)
                        tab.get_by_role("button", name="Valikko").focus()
                        tab.keyboard.press("Enter")
                        tab.wait_for_timeout(500)
                        tab.screenshot(path=str(args.out / f"valikko-{width}.png"))
                    context.close()
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
