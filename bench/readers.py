"""Reader-side figures of a built site: page weight, search download, feeds and calendars.

Why: a fast build is worth little if readers download megabytes. Sizes are what a server
with gzip would send (files already compressed, like Pagefind's chunks, are counted as they
are). When Debian's chromium is present, the front page and the first search are measured in
a real browser; otherwise they are computed from the files, and the figures say which.
"""
from __future__ import annotations

import gzip
import re
import statistics
import threading
from datetime import datetime, timedelta
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

CHROMIUM = Path("/usr/bin/chromium")
QUERY = "hyvinvointialue"
SEARCH_INPUTS = (".pagefind-ui__search-input", "[data-pagefind-ui] input", "input[type=search]",
                 "input[name=q]", ".md-search__input")


def transfer_size(data: bytes) -> int:
    """What a gzip-enabled server sends: compressed files as they are, others gzipped."""
    if data[:2] == b"\x1f\x8b":
        return len(data)
    return min(len(data), len(gzip.compress(data, 6)))


def page_file(site: Path, url: str) -> Path:
    """Site-relative URL -> the file the server sends for it."""
    path = site / unquote(urlsplit(url).path).lstrip("/")
    return path / "index.html" if path.is_dir() or not path.suffix else path


class _Refs(HTMLParser):
    """Everything a browser fetches while loading the HTML: styles, scripts, images, icons."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if tag == "link" and a.get("href") and {"stylesheet", "icon", "preload", "modulepreload"} & set(rel):
            self.refs.append(a["href"])
        elif tag in ("script", "img", "source") and a.get("src"):
            self.refs.append(a["src"])


_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+\.(?:woff2?|ttf|otf))[^)]*\)")


def static_page_weight(site: Path, url: str) -> dict:
    """HTML + the CSS, JS, fonts and images it references, gzip sizes summed (from files)."""
    html_file = page_file(site, url)
    html = html_file.read_bytes()
    parser = _Refs()
    parser.feed(html.decode("utf-8"))
    page_url = "http://site/" + url.lstrip("/")
    seen: dict[str, int] = {}
    external: list[str] = []
    queue = list(parser.refs)
    base_of = {ref: page_url for ref in queue}
    while queue:
        ref = queue.pop(0)
        absolute = urljoin(base_of[ref], ref)
        if not absolute.startswith("http://site/"):
            if not absolute.startswith("data:"):
                external.append(absolute)
            continue
        path = urlsplit(absolute).path
        if path in seen:
            continue
        target = site / unquote(path).lstrip("/")
        if not target.is_file():
            continue
        data = target.read_bytes()
        seen[path] = transfer_size(data)
        if target.suffix == ".css":  # fonts declared in the CSS are downloaded when used
            for font in _CSS_URL.findall(data.decode("utf-8", "replace")):
                base_of[font] = absolute
                queue.append(font)
    return {"html_bytes": len(html), "html_gzip": transfer_size(html), "assets": len(seen),
            "total_gzip": transfer_size(html) + sum(seen.values()), "external": sorted(set(external))}


def post_page_sizes(site: Path, urls: list[str]) -> dict:
    sizes = [page_file(site, u).stat().st_size for u in urls if page_file(site, u).is_file()]
    if not sizes:
        return {}
    newest = page_file(site, urls[0]).read_bytes()
    return {"median_bytes": int(statistics.median(sizes)), "newest_bytes": len(newest),
            "newest_gzip": transfer_size(newest), "pages": len(sizes)}


# -- feeds and calendars ---------------------------------------------------------------------
def _occurrence_ends(vevent) -> list[datetime]:
    """When each occurrence of a VEVENT ends (a series: every occurrence its RRULE gives)."""
    from dateutil.rrule import rrulestr

    from muutostuki.content.timeutil import as_datetime

    start = vevent.decoded("DTSTART")
    end = vevent.decoded("DTEND") if "DTEND" in vevent else None
    length = (as_datetime(end) - as_datetime(start)) if end is not None else timedelta(days=1)
    if "RRULE" not in vevent:
        return [as_datetime(start) + length]
    rule = vevent["RRULE"].to_ical().decode()
    naive = as_datetime(start).replace(tzinfo=None)
    if "COUNT=" not in rule and "UNTIL=" not in rule:
        return [datetime.max.replace(tzinfo=as_datetime(start).tzinfo)]  # an open series is never over
    tz = as_datetime(start).tzinfo
    return [o.replace(tzinfo=tz) + length for o in rrulestr(rule, dtstart=naive)]


def calendar_figures(site: Path, build_time: datetime) -> dict:
    """/tapahtumat.ics: size, events, and whether it holds only events from the past year onward."""
    path = site / "tapahtumat.ics"
    if not path.is_file():
        return {}
    from icalendar import Calendar

    cal = Calendar.from_ical(path.read_bytes())
    events = list(cal.walk("VEVENT"))
    cutoff = build_time - timedelta(days=365)
    last_ends = [max(_occurrence_ends(e)) for e in events]
    old = sum(1 for end in last_ends if end < cutoff)
    return {"bytes": path.stat().st_size, "gzip": transfer_size(path.read_bytes()), "events": len(events),
            "older_than_a_year": old, "only_past_year_onward": old == 0}


def feed_figures(site: Path) -> dict:
    import feedparser

    figures = {}
    for name in ("feed.xml", "atom.xml", "feed.json"):
        path = site / name
        if path.is_file():
            figures[name] = {"bytes": path.stat().st_size, "gzip": transfer_size(path.read_bytes())}
    if "feed.xml" in figures:
        figures["feed.xml"]["items"] = len(feedparser.parse(str(site / "feed.xml")).entries)
    return figures


# -- search ----------------------------------------------------------------------------------
def pagefind_dir(site: Path) -> Path | None:
    entry = next(iter(sorted(site.rglob("pagefind-entry.json"))), None)
    return entry.parent if entry else None


def pagefind_from_files(folder: Path, results: int = 5) -> dict:
    """Estimate without a browser: the fixed files, the largest index chunk, `results` fragments."""
    fixed = [p for p in folder.iterdir() if p.is_file() and (p.name in ("pagefind-entry.json", "pagefind.js")
                                                             or p.name.startswith("wasm.")
                                                             or p.suffix == ".pf_meta")]
    chunks = sorted((p.stat().st_size for p in (folder / "index").glob("*.pf_index")), reverse=True)
    fragments = sorted(p.stat().st_size for p in (folder / "fragment").glob("*.pf_fragment"))
    median_fragment = fragments[len(fragments) // 2] if fragments else 0
    total = sum(transfer_size(p.read_bytes()) for p in fixed) + (chunks[0] if chunks else 0) \
        + results * median_fragment
    return {"method": "computed from the files, no browser", "bytes": total, "requests": len(fixed) + 1 + results,
            "index_chunks": len(chunks), "fragments": len(fragments)}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser_figures(site: Path, query: str = QUERY) -> dict | None:
    """Load the front page in Chromium, then type a query in the search box; count every byte."""
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    server, base = _serve(site)
    loaded: list[tuple[str, int]] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            page = browser.new_page()

            def record(response):
                if not response.ok:
                    return
                try:
                    loaded.append((response.url, transfer_size(response.body())))
                except Exception:  # redirects and aborted requests have no body
                    pass
            page.on("response", record)
            page.goto(base, wait_until="networkidle")
            _settle(page, loaded)
            front = list(loaded)
            method = _type_query(page, query)
            _settle(page, loaded)
            if not any("/pagefind/" in url for url, _ in loaded[len(front):]) and pagefind_dir(site) is not None:
                method = _api_query(page, base, query)
                _settle(page, loaded)
            browser.close()
    finally:
        server.shutdown()
    search = [(url, size) for url, size in loaded[len(front):] if "/pagefind/" in url]
    return {"front_page_gzip": sum(size for _, size in front), "front_page_requests": len(front),
            "front_page_files": {url[len(base) - 1:]: size for url, size in front},
            "search_bytes": sum(s for _, s in search), "search_requests": len(search), "search_method": method,
            "search_files": [url.split("/pagefind/")[1] for url, _ in search]}


def _type_query(page, query: str) -> str:
    for selector in SEARCH_INPUTS:
        box = page.locator(selector).first
        if box.count() == 0:
            continue
        if not box.is_visible():
            toggle = page.locator("label[for=__search]").first  # Material hides its box behind a button
            if toggle.count() and toggle.is_visible():
                toggle.click()
        if box.is_visible():
            box.click()
            box.fill(query)
            return f"Chromium, typed into {selector}"
    return "Chromium, no search box found"


def _api_query(page, base: str, query: str) -> str:
    """What a search UI does for its first query: load Pagefind, search, fetch five results."""
    page.evaluate("""async ([url, q]) => {
        const pf = await import(url);
        await pf.init();
        const r = await pf.search(q);
        await Promise.all(r.results.slice(0, 5).map(x => x.data()));
    }""", [urljoin(base, "pagefind/pagefind.js"), query])
    return "Chromium, Pagefind JS API: search + first 5 results"


def _settle(page, loaded: list, quiet_ms: int = 1500, limit_ms: int = 15000) -> None:
    """Wait until no response has arrived for quiet_ms (debounced search UIs fetch late)."""
    waited, count = 0, -1
    while waited < limit_ms:
        if len(loaded) == count:
            break
        count = len(loaded)
        page.wait_for_timeout(quiet_ms)
        waited += quiet_ms


def reader_figures(site: Path, post_urls: list[str], build_time: datetime, browser: bool = True) -> dict:
    figures = {"post_page": post_page_sizes(site, post_urls), "front_page": static_page_weight(site, ""),
               "feeds": feed_figures(site), "calendar": calendar_figures(site, build_time)}
    measured = browser_figures(site) if browser else None
    if measured:
        figures["browser"] = measured
    folder = pagefind_dir(site)
    if measured and measured["search_requests"]:
        figures["search"] = {"method": measured["search_method"], "bytes": measured["search_bytes"],
                             "requests": measured["search_requests"]}
    elif folder is not None:
        figures["search"] = pagefind_from_files(folder)
    elif (site / "search" / "search_index.json").is_file():
        data = (site / "search" / "search_index.json").read_bytes()
        figures["search"] = {"method": "Material's search downloads its whole index", "bytes": transfer_size(data),
                             "requests": 1}
    return figures
