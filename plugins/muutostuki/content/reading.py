"""Reading the posts' and events' files: each file's own checks, done once per version of the file.

Why: parsing and checking 4,000 files (YAML, every character, the raw HTML of each body) takes four
seconds of a cold build at 3,000 posts, on one core. A file read before without a mistake comes from
the cache (`mkdocs serve`: a dict by size and mtime; `mkdocs build`: the build cache by the file's
bytes, source_store.py). When many files are new, `load_site` may hand the later ones to a helper
(mkdocs/parallel_sources.py parses them on the other core meanwhile). A file with a mistake or a
warning is always parsed here, so its messages are reported by this process, in every build.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Protocol

from .errors import ErrorList
from .frontmatter import SourceFile, read_source
from .html_policy import check_body
from .source_store import StoredSources


def parse_source(path: Path, shown: str, errors: ErrorList) -> SourceFile:
    """read_source and the raw-HTML check of its body."""
    source = read_source(path, shown, errors)
    if source.ok:
        check_body(source.path, source.body, source.body_line, errors)
    return source


class Ahead(Protocol):
    """Files parsed elsewhere: a file's parse if it had no mistake or warning, else None."""

    def take(self, shown: str) -> SourceFile | None: ...

    def close(self) -> None: ...


Prefetch = Callable[[list[tuple[Path, str]]], "Ahead | None"]  # given (path, shown) of the files not cached


class SourceReader:
    """One build's reading: start() with every file, then read() each (in any order), then close()."""

    def __init__(self, errors: ErrorList, cache=None, prefetch: Prefetch | None = None) -> None:
        self.errors = errors
        self.cache = cache
        self.prefetch = prefetch
        self._stored: dict[str, tuple[str | None, SourceFile | None]] = {}  # shown -> (key, stored parse)
        self._ahead: Ahead | None = None

    def start(self, files: list[tuple[Path, str]]) -> None:
        """Every stored parse looked up, and the files not stored handed to the prefetch helper."""
        stored = self.cache if isinstance(self.cache, StoredSources) else None
        missing = list(files)
        if stored is not None:
            missing = []
            for path, shown in files:
                key = stored.key(shown, path)
                source = stored.get(key) if key else None
                self._stored[shown] = (key, source)
                if source is None:
                    missing.append((path, shown))
        if self.prefetch is not None and missing:
            self._ahead = self.prefetch(missing)

    def read(self, path: Path, shown: str) -> SourceFile:
        stored = self.cache if isinstance(self.cache, StoredSources) else None
        key = None
        if stored is not None:
            if shown in self._stored:  # looked up by start()
                key, source = self._stored.pop(shown)
            else:
                key = stored.key(shown, path)
                source = stored.get(key) if key else None
            if source is not None:
                return source
        elif self.cache is not None:
            try:
                stat = path.stat()
                key = (shown, stat.st_size, stat.st_mtime_ns)
            except OSError:
                key = None
            if key in self.cache:
                return self.cache[key]
        reported = len(self.errors.items)
        source = self._ahead.take(shown) if self._ahead is not None else None
        if source is None:
            source = parse_source(path, shown, self.errors)
        if key is not None and source.ok and len(self.errors.items) == reported:  # mistakes: read again next time
            if stored is not None:
                stored.put(key, source)
            else:
                self.cache[key] = source
        return source

    def close(self) -> None:
        if self._ahead is not None:
            self._ahead.close()
            self._ahead = None
