"""A cold `mkdocs build` parses the content files on two cores: the later half in a forked child.

Why: with nothing in the build cache, parsing and checking every post and event file is the first
four seconds of a build at 3,000 posts, and the other core idles meanwhile (nothing else can start
before the content model exists). content/reading.py hands over the files the cache does not have;
the child parses those at the end of the list (about half of the bytes) with the very functions the
parent uses and sends back each parse that had no mistake or warning, as the source store keeps it
(source_store.encode_source: JSON, checked to come back equal). The parent parses from the start;
reaching a file of the child's, it takes the child's parse, or parses the file itself if the child
found something to report (so every message comes from the parent) or is slow or gone.

Off with MUUTOSTUKI_WORKERS=0, like the other workers (parallel_markdown.py).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..content.errors import ErrorList
from ..content.frontmatter import SourceFile
from ..content.reading import parse_source
from ..content.source_store import Unstorable, decode_source, encode_source
from .forked import Results, fork, later_share, send_result
from .parallel_markdown import wanted

MIN_FILES = 200   # below this, forking costs more than it saves
CHILD_SHARE = 0.5  # of the bytes, taken from the end of the list
WAIT_S = 30        # the longest the parent waits for the next file before parsing the rest itself


class ParsedAhead(Results):
    taken = 0  # parses the parent used

    def take(self, shown: str) -> SourceFile | None:
        data = super().take(shown)
        source = decode_source(data) if data else None
        self.taken += source is not None
        return source


def _size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def start(files: list[tuple[Path, str]]) -> ParsedAhead | None:
    """content/reading.py's Prefetch: fork the child for the later files, or None (too few, one core)."""
    if not wanted() or len(files) < MIN_FILES:
        return None
    assigned = later_share([(item, _size(item[0])) for item in files], CHILD_SHARE)

    def work(pipe) -> None:
        for path, shown in assigned:
            errors = ErrorList()
            source = parse_source(path, shown, errors)
            data = b""
            if source.ok and not errors.items:
                try:
                    data = encode_source(source)
                except Unstorable:
                    pass
                if data and decode_source(data) != source:  # what JSON cannot carry unchanged: parent parses
                    data = b""
            send_result(pipe, shown, data)

    pid, read_fd = fork(work)
    return ParsedAhead({shown for _, shown in assigned}, read_fd, pid, WAIT_S)
