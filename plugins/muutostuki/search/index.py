"""The Pagefind search index over a built site: run once after every build (and every `mkdocs serve` rebuild).

Only elements marked `data-pagefind-body` are indexed (the post, event and region templates mark their main
content), so navigation, footers and listing pages never turn up as results. Drafts and future posts are not
built by `mkdocs build`, so they cannot be indexed. Pagefind stems by the page language (`<html lang="fi">`),
so `hyvinvointialueella` finds `hyvinvointialue`.

Pagefind holds the whole index in memory while it writes it (about 80 KB a page plus 15 bytes per byte of
Markdown: 690 MB for 3,900 pages). A large site is therefore indexed in parts, one Pagefind run after the
other, each part under a memory budget; the reader's browser merges them (Pagefind's mergeIndex, which
reuses the first part's WebAssembly, so a query costs little more than over one index). The first part is
the bundle at `pagefind/`; the others are in `pagefind/osa-N/`, listed in `pagefind/osat.json`.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from . import page_digests, part_archive
from .page_digests import PageDigests

BUNDLE_DIR = "pagefind"
PARTS_FILE = "osat.json"  # {"osat": ["osa-2/", ...]}: the parts search.js merges into the first
ROOT_SELECTOR = "[data-pagefind-body]"  # pages without it are skipped, even on a site where no page has one
DEFAULT_PART_MB = 250  # estimated peak memory of one Pagefind run (more parts: more for readers to fetch)
FAST_TEMP_MIN_BYTES = 512 * 1024 * 1024
GLOB_SPECIALS = re.compile(r"([\\{}\[\],*?])")


class SearchIndexError(Exception):
    """Pagefind failed; the message says so in Finnish, with Pagefind's own output."""


@dataclass
class IndexSummary:
    pages: int = 0
    words: int = 0
    filters: int = 0
    languages: list[str] = field(default_factory=list)
    parts: int = 1

    def __str__(self) -> str:
        parts = f", {self.parts} osassa" if self.parts > 1 else ""
        return (f"hakuhakemisto: {self.pages} sivua, {self.words} sanaa, {self.filters} rajausta, "
                f"kielet {', '.join(self.languages) or '-'}{parts}")

    def add(self, other: IndexSummary) -> None:
        self.pages += other.pages
        self.words = max(self.words, other.words)  # distinct words: the parts share most of them
        self.filters = max(self.filters, other.filters)
        self.languages += [lang for lang in other.languages if lang not in self.languages]


# Pagefind's peak memory, measured on 500-3,900 page parts (within 6 %): a base, a share per page and
# a share per byte of the page's Markdown.
BASE_MB, PAGE_MB, MARKDOWN_BYTE_MB = 10, 0.08, 15 / 1e6


def estimated_mb(pages: int, markdown_bytes: int) -> float:
    return BASE_MB + PAGE_MB * pages + MARKDOWN_BYTE_MB * markdown_bytes


def plan_parts(pages: dict[str, int], part_mb: float = DEFAULT_PART_MB) -> list[list[str]]:
    """Split {HTML path in the site: bytes of its Markdown} into as few parts as the memory budget allows.

    A page's part follows from its path alone (a hash), so editing one page changes only its own part and
    the build cache (mkdocs/build_cache.py) reuses the others; every part is a random cross-section of the
    site, so each part's word statistics (which rank the results Pagefind merges) resemble the whole site's.
    Fewest parts, because each part costs a reader's first query more requests and bytes; one more only
    when hashing has put more than the budget into one of them.
    """
    varying = estimated_mb(len(pages), sum(pages.values())) - BASE_MB  # every part has the base of its own
    count = max(1, min(len(pages), math.ceil(varying / max(part_mb - BASE_MB, 1.0))))
    while True:
        parts: list[list[str]] = [[] for _ in range(count)]
        for path in pages:
            parts[int(hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:8], 16) % count].append(path)
        heaviest = max(estimated_mb(len(part), sum(pages[p] for p in part)) for part in parts)
        if heaviest <= part_mb or count >= len(pages) or part_mb <= BASE_MB:
            return [sorted(part) for part in parts if part]
        count += 1


@functools.lru_cache(maxsize=1)
def pagefind_command() -> tuple[str, ...]:
    """Pagefind's own binary, as its Python wrapper (`python -m pagefind`) would find it, without the wrapper's
    Python start-up before every run (0.1-0.3 s of each index, on the edit's critical path)."""
    binary = os.environ.get("PAGEFIND_BINARY_PATH")
    if not binary:
        try:
            from pagefind_bin import get_executable
            binary = str(get_executable())
        except (ImportError, OSError):
            binary = None
    return (binary,) if binary else (sys.executable, "-m", "pagefind")


def _number(label: str, output: str) -> int:
    match = re.search(rf"Indexed (\d+) {label}s?\b", output)  # "1 page", "2 pages"
    return int(match.group(1)) if match else 0


def _summary(output: str) -> IndexSummary:
    langs = re.search(r"Discovered \d+ languages?: ?(.*)", output)
    return IndexSummary(pages=_number("page", output), words=_number("word", output),
                        filters=_number("filter", output),
                        languages=[s.strip() for s in langs.group(1).split(",") if s.strip()] if langs else [])


def _glob(paths: list[str] | None) -> str:
    if paths is None:
        return "**/*.{html}"
    return "{" + ",".join(GLOB_SPECIALS.sub(r"\\\1", path) for path in paths) + "}"


def write_config(work: Path, site_dir: Path, paths: list[str] | None, output: Path) -> None:
    """Pagefind's options for one part, as `work`/pagefind.json: a part's file list outgrows a command line."""
    (work / "pagefind.json").write_text(json.dumps({
        "site": str(Path(site_dir).resolve()), "output_path": str(output.resolve()),
        "root_selector": ROOT_SELECTOR, "glob": _glob(paths)}), encoding="utf-8")


def part_key(site_dir: Path, paths: list[str] | None, digests: PageDigests | None = None) -> str:
    """What one Pagefind run reads: the bytes of every page in the part (and how it is asked to read them).
    `digests`: the pages' SHA-256 as the last build recorded them, for the files it left as they were."""
    digests = digests if digests is not None else PageDigests(site_dir)
    site_dir = Path(site_dir)
    if paths is None:
        files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                       if p.relative_to(site_dir).parts[0] != BUNDLE_DIR)
    else:
        files = sorted(paths)
    h = hashlib.sha256(f"{ROOT_SELECTOR}\0{paths is None}\0".encode())
    for rel in files:
        path = site_dir / rel
        h.update(rel.encode("utf-8", "surrogatepass") + b"\0")
        h.update(digests.digest(rel, path))
    return h.hexdigest()


def pack_part(output: Path, summary: IndexSummary) -> bytes:
    """One written part as one build cache entry (search/part_archive.py), its summary first."""
    return part_archive.pack(output, {"pages": summary.pages, "words": summary.words,
                                      "filters": summary.filters, "languages": summary.languages})


def _fast_temp() -> str | None:
    """/dev/shm when it can be written and has room (a RAM disk on Linux), else the system's temporary folder."""
    try:
        free = os.statvfs("/dev/shm")
    except OSError:
        return None
    roomy = free.f_bavail * free.f_frsize > FAST_TEMP_MIN_BYTES  # a container's /dev/shm may hold 64 MB
    return "/dev/shm" if roomy and os.access("/dev/shm", os.W_OK) else None


def _same_bytes(one: str, other: str) -> bool:
    with open(one, "rb") as a, open(other, "rb") as b:
        return a.read() == b.read()


def _sync(source: Path, target: Path, skip: str | None = None) -> list[str]:
    """Make `target` hold exactly `source`'s files (entries of `target` starting with `skip` aside), writing
    only those that differ; the relative paths of the files left as they were."""
    wanted = part_archive.files_below(source)
    same = []
    if target.is_dir():
        for rel, (path, size) in part_archive.files_below(target).items():
            if skip and rel.split("/", 1)[0].startswith(skip):
                continue
            source_file = wanted.get(rel)
            if source_file is None:
                os.unlink(path)
            elif source_file[1] == size and _same_bytes(source_file[0], path):
                same.append(rel)
        for folder, subfolders, files in os.walk(target, topdown=False):
            rel = Path(folder).relative_to(target).as_posix()
            if rel != "." and not (skip and rel.split("/", 1)[0].startswith(skip)) and not os.listdir(folder):
                os.rmdir(folder)
    kept = set(same)
    for rel, (path, _) in wanted.items():
        if rel not in kept:
            dest = target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
    return sorted(same)


def _list_parts(bundle: Path, written: list[str], root: str | None) -> None:
    """osat.json names the parts beside the one at the bundle's root; with no part written, no bundle."""
    if not written:
        shutil.rmtree(bundle, ignore_errors=True)
        return
    (bundle / PARTS_FILE).write_text(json.dumps({"osat": [f"{name}/" for name in written if name != root]}),
                                     encoding="utf-8")


def _clear_root(bundle: Path) -> None:
    """The first part's files at the bundle's root; the other parts' folders stay."""
    if not bundle.is_dir():
        return
    for entry in bundle.iterdir():
        if entry.is_dir() and entry.name.startswith("osa-"):
            continue
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def _drop_part(bundle: Path, number: int) -> None:
    """A part that yields no index (none of its pages has a searchable body) leaves no files."""
    if number == 0:
        _clear_root(bundle)
    else:
        shutil.rmtree(bundle / f"osa-{number + 1}", ignore_errors=True)


def _summary_of(fields: dict | None) -> IndexSummary | None:
    try:
        return IndexSummary(pages=int(fields["pages"]), words=int(fields["words"]), filters=int(fields["filters"]),
                            languages=[str(lang) for lang in fields["languages"]])
    except (KeyError, TypeError, ValueError):
        return None


def _packed_summary(data: bytes) -> IndexSummary | None:
    return _summary_of(part_archive.head(data))


def unpack_part(data: bytes, output: Path) -> IndexSummary | None:
    """The part back into `output`; None if the data is not a part (then Pagefind runs)."""
    fields = part_archive.head(data)
    summary = _summary_of(fields)
    if summary is None or part_archive.unpack(data, output, fields) is None:
        return None
    return summary


class IndexRun:
    """Pagefind over a written site, part after part in a thread of its own, so the build goes on meanwhile.

    `parts` are lists of HTML paths relative to the site; None indexes every HTML file in one part.
    With a build cache (mkdocs/build_cache.py), a part whose pages are byte for byte those of a part
    indexed earlier is taken from it instead of running Pagefind.
    `ready`: one event per part, set once the part's pages are all written (PartsWritten): each part
    starts as soon as its own pages are on disk, while the build still writes the others.
    """

    def __init__(self, site_dir: Path, parts: list[list[str]] | None = None, cache=None, kept=None,
                 ready: list[threading.Event] | None = None) -> None:
        self.cache = cache
        self.kept = kept  # mkdocs/kept_output.py: a part whose pages are the same keeps its folder on disk
        self.site_dir = Path(site_dir)
        self.parts: list[list[str] | None] = list(parts) if parts else [None]
        self.summary = IndexSummary(parts=0)
        self.error: str | None = None
        self._proc: subprocess.Popen | None = None
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._ready = ready
        self._digests = None if cache is None else PageDigests(site_dir, cache.get(page_digests.KIND, page_digests.KEY))
        if kept is None:
            shutil.rmtree(self.site_dir / BUNDLE_DIR, ignore_errors=True)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._run_parts()
        finally:
            if self._digests is not None and not self._stopped.is_set() and not self.error:
                self.cache.put(page_digests.KIND, page_digests.KEY, self._digests.dump())

    def _run_parts(self) -> None:
        bundle = self.site_dir / BUNDLE_DIR
        written: list[str] = []
        try:
            if self.kept is not None:
                self._run_keeping(bundle)
                return
            with tempfile.TemporaryDirectory(prefix="muutostuki-pagefind-") as work:
                for number, paths in enumerate(self.parts, start=1):
                    if not self._wait_for(number - 1):
                        return
                    name = f"osa-{number}"
                    key = self._key(paths)
                    if self._index_part(Path(work), paths, bundle / name, key):
                        written.append(name)
                    elif self.error:
                        return
            self._arrange(bundle, written)
        except OSError as exc:
            self.error = f"hakuhakemiston luonti (Pagefind) epäonnistui: {exc}"

    def _run_keeping(self, bundle: Path) -> None:
        """With the site folder of the last build (mkdocs/kept_output.py): a part whose pages are the same
        keeps its folder as it is on disk; only the others are taken from the cache or indexed again."""
        names = [f"osa-{n}" for n in range(1, len(self.parts) + 1)]
        prefixes = [f"{BUNDLE_DIR}/"] + [f"{BUNDLE_DIR}/{name}/" for name in names[1:]]
        written: list[str] = []
        with tempfile.TemporaryDirectory(prefix="muutostuki-pagefind-") as work:
            for number, paths in enumerate(self.parts):
                if not self._wait_for(number):
                    return
                key = self._key(paths)
                self.kept.tag_folder(prefixes[number], "f:" + key)
                if self._keep_part(prefixes[number], "f:" + key, key, first=number == 0):
                    written.append(names[number])
                    continue
                target = bundle if number == 0 else bundle / names[number]
                if not target.exists():  # nothing of an earlier build to keep: written in place
                    if self._index_part(Path(work), paths, target, key):
                        written.append(names[number])
                    elif self.error:
                        return
                    else:
                        _drop_part(bundle, number)
                    continue
                # written beside the site (in memory where there is /dev/shm), then only the files that differ
                # are copied in: Pagefind names most files by their content, so nearly all of them stay
                staging = Path(tempfile.mkdtemp(prefix="muutostuki-osa-", dir=_fast_temp()))
                try:
                    if self._index_part(Path(work), paths, staging / "osa", key):
                        written.append(names[number])
                        same = _sync(staging / "osa", target, skip="osa-" if number == 0 else None)
                        self.kept.keep_files(f"{BUNDLE_DIR}/{'' if number == 0 else names[number] + '/'}{rel}"
                                             for rel in same)
                    elif self.error:
                        return
                    else:
                        _drop_part(bundle, number)
                finally:
                    shutil.rmtree(staging, ignore_errors=True)
        if bundle.is_dir():
            for entry in bundle.iterdir():  # parts of an earlier plan
                if entry.is_dir() and entry.name.startswith("osa-") and entry.name not in names[1:]:
                    shutil.rmtree(entry)
        _list_parts(bundle, written, root=names[0])

    def _wait_for(self, number: int) -> bool:
        """Until part `number`'s pages are written; False if the run was stopped meanwhile."""
        while self._ready is not None and not self._ready[number].wait(0.1):
            if self._stopped.is_set():
                return False
        return not self._stopped.is_set()

    def _key(self, paths: list[str] | None) -> str | None:
        """With the build cache: what the part's Pagefind run reads (its pages are all written by now)."""
        return part_key(self.site_dir, paths, self._digests) if self.cache is not None else None

    def _keep_part(self, prefix: str, tag: str, key: str, first: bool) -> bool:
        """The part's files on disk, if they are the ones of these very pages (the cached summary says what they hold)."""
        exclude = f"{BUNDLE_DIR}/osa-" if first else None
        if not self.kept.folder_intact(prefix, tag, exclude=exclude):
            return False
        data = self.cache.get("pagefind", key)
        part = _packed_summary(data) if data is not None else None
        if part is None:
            return False
        self.summary.add(part)
        self.summary.parts += 1
        return True

    def _index_part(self, work: Path, paths: list[str] | None, output: Path, key: str | None) -> bool:
        """One part, from the build cache or by Pagefind."""
        data = self.cache.get("pagefind", key) if key else None
        part = unpack_part(data, output) if data is not None else None
        if part is not None:
            self.summary.add(part)
            self.summary.parts += 1
            return True
        done = self._run_pagefind(work, paths, output)
        if done and key:
            self.cache.put("pagefind", key, pack_part(output, self._last), level=0)  # gzipped files, mostly
        return done

    def _run_pagefind(self, work: Path, paths: list[str] | None, output: Path) -> bool:
        """One Pagefind run; its options go in a config file, since a part's file list outgrows a command line."""
        write_config(work, self.site_dir, paths, output)
        with self._lock:
            if self._stopped.is_set():
                return False
            self._proc = subprocess.Popen(pagefind_command(), cwd=work, text=True,
                                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        output_text, _ = self._proc.communicate()
        returncode = self._proc.returncode
        if self._stopped.is_set():
            return False
        part = _summary(output_text)
        if returncode != 0 and part.pages == 0 and "not able to build an index" in output_text:
            return False  # nothing searchable in this part: not an error
        if returncode != 0:
            self.error = "hakuhakemiston luonti (Pagefind) epäonnistui; Pagefindin tuloste:\n" + output_text.strip()
            return False
        self.summary.add(part)
        self.summary.parts += 1
        self._last = part
        return True

    @staticmethod
    def _arrange(bundle: Path, written: list[str]) -> None:
        """The first part becomes the bundle at pagefind/ (a bundle finds its files relative to itself)."""
        if written:
            first = bundle / written[0]
            for entry in first.iterdir():
                entry.rename(bundle / entry.name)
            first.rmdir()
        _list_parts(bundle, written, root=written[0] if written else None)

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def stop(self) -> None:
        """Kill the running Pagefind and skip the parts left (the half-written bundle is replaced next build)."""
        with self._lock:
            self._stopped.set()
            if self._proc is not None and self._proc.poll() is None:
                self._proc.kill()
        self._thread.join()

    def finish(self, timeout: float = 600) -> IndexSummary:
        """Wait for every part and say what was indexed."""
        self._thread.join(timeout)
        if self._thread.is_alive():
            self.stop()
            raise SearchIndexError(f"hakuhakemiston luonti (Pagefind) ei valmistunut {timeout:.0f} sekunnissa")
        if self.error:
            raise SearchIndexError(self.error)
        return self.summary


def build_index(site_dir: Path, parts: list[list[str]] | None = None, timeout: float = 600) -> IndexSummary:
    """Write site_dir/pagefind/. A site with nothing to index gets no bundle (the search box then says so)."""
    return IndexRun(site_dir, parts).finish(timeout)
