"""The SHA-256 of each page Pagefind reads, remembered by the file's state from one build to the next.

Why: a part of the search index is keyed by the bytes of its pages (search/index.py, part_key), and
reading and hashing them all again kept a rebuild with nothing changed waiting 0.2 s at 3,000 posts,
although the pages kept on disk are the very files hashed last time. A file whose size, modification
time and inode are those recorded with its digest is not read again (as mkdocs/kept_output.py keeps
files by the same state); any other file is. The record lives in the build cache.
"""
from __future__ import annotations

import hashlib
import json
import os

KIND, KEY = "digests", "pages"  # in the build cache (mkdocs/build_cache.py)


class PageDigests:
    def __init__(self, site_dir, stored: bytes | None = None) -> None:
        self._site_dir = os.path.abspath(site_dir)
        self._known: dict[str, list] = {}
        self.used: dict[str, list] = {}  # rel -> [size, mtime_ns, inode, sha256 hex] of this build
        try:
            data = json.loads(stored) if stored else {}
            if data.get("site_dir") == self._site_dir and isinstance(data.get("files"), dict):
                self._known = {rel: row for rel, row in data["files"].items()
                               if isinstance(row, list) and len(row) == 4 and isinstance(row[3], str)}
        except (ValueError, AttributeError, TypeError):
            self._known = {}

    def digest(self, rel: str, path) -> bytes:
        """The SHA-256 of the file at `path` (`rel` in the site), b"-" if there is none."""
        try:
            stat = os.stat(path)
        except OSError:
            return b"-"
        state = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        known = self._known.get(rel)
        if known is not None and known[:3] == state:
            hexdigest = known[3]
        else:
            try:
                with open(path, "rb") as handle:
                    hexdigest = hashlib.sha256(handle.read()).hexdigest()
            except OSError:
                return b"-"
        self.used[rel] = [*state, hexdigest]
        return bytes.fromhex(hexdigest)

    def dump(self) -> bytes:
        return json.dumps({"site_dir": self._site_dir, "files": self.used}, sort_keys=True).encode()
