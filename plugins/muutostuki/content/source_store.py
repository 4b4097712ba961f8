"""Parsed content files kept between `mkdocs build` runs, by the bytes of each file.

Why: reading 1,300 posts and events means parsing their YAML, checking every character and the raw
HTML of every body: about a sixth of a rebuild in which nothing changed. A file's result depends
only on its bytes and its path, so a file with the same bytes is taken as it was parsed last time.

Only files that parsed without any mistake or warning are kept (a file with a mistake is read again,
so every build reports it). Values are stored as JSON with dates and mappings tagged, never pickled:
the stored text cannot run code, and a value that does not come back equal is not stored at all.
The store itself (`get(kind, key)` / `put(kind, key, value)`) is the build cache's (mkdocs/build_cache.py).
"""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from .bounds import MAX_FILE_BYTES
from .file_digests import FileDigests
from .frontmatter import SourceFile

KIND = "source"
DIGESTS_KIND, DIGESTS_KEY = "digests", "sources"


class Unstorable(Exception):
    """A value JSON cannot carry unchanged."""


def _encode(value):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return {"f": repr(value)}
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    raise Unstorable(type(value).__name__)


def _decode(value):
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if "m" in value:
            return {_decode(k): _decode(v) for k, v in value["m"]}
        if "dt" in value:
            return datetime.fromisoformat(value["dt"])
        if "d" in value:
            return date.fromisoformat(value["d"])
        if "f" in value:
            return float(value["f"])
        raise ValueError("unknown tag")
    return value


def encode_source(source: SourceFile) -> bytes:
    data = {"path": source.path, "meta": _encode(source.meta), "lines": source.lines, "body": source.body,
            "body_line": source.body_line, "words": source.word_count()}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def decode_source(data: bytes) -> SourceFile | None:
    try:
        fields = json.loads(data.decode("utf-8", "surrogatepass"))
        meta = _decode(fields["meta"])
        if not isinstance(meta, dict) or not isinstance(fields["lines"], dict):
            return None
        words = fields.get("words")
        return SourceFile(path=fields["path"], meta=meta, lines=dict(fields["lines"]), body=fields["body"],
                          body_line=int(fields["body_line"]), words=words if type(words) is int else None)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


class StoredSources:
    """`load_site`'s view of the store: a file's parse by its path and bytes (the bytes' digest remembered
    by the file's state, content/file_digests.py: a file left as it was is not read to find its parse)."""

    def __init__(self, store, root=".") -> None:
        self.store = store
        self.digests = FileDigests(root, store.get(DIGESTS_KIND, DIGESTS_KEY))
        store.preload(KIND)  # every file is looked up: one query, not one per file

    def key(self, shown: str, path: Path) -> str | None:
        """The file's key, or None (unreadable or too large: then it is read the usual way, with its message)."""
        return self.digests.hexdigest(shown, path, prefix=shown.encode("utf-8", "surrogatepass") + b"\0",
                                      max_bytes=MAX_FILE_BYTES)

    def save_digests(self) -> None:
        """At the end of the reading: this build's record of the files' digests, for the next one."""
        self.store.put(DIGESTS_KIND, DIGESTS_KEY, self.digests.dump())

    def get(self, key: str) -> SourceFile | None:
        data = self.store.get(KIND, key)
        return decode_source(data) if data is not None else None

    def put(self, key: str, source: SourceFile) -> None:
        try:
            data = encode_source(source)
        except Unstorable:
            return
        back = decode_source(data)
        if back is not None and back == source and encode_source(back) == data:
            self.store.put(KIND, key, data)
