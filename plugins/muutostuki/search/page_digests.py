"""The SHA-256 of each page Pagefind reads, remembered by the file's state (content/file_digests.py).

A part of the search index is keyed by the bytes of its pages (search/index.py, part_key); the pages
kept on disk are the very files hashed by the last build, so they are not read again.
"""
from __future__ import annotations

from ..content.file_digests import FileDigests

KIND, KEY = "digests", "pages"  # in the build cache (mkdocs/build_cache.py)


class PageDigests(FileDigests):
    def digest(self, rel: str, path) -> bytes:
        """The SHA-256 of the file at `path` (`rel` in the site), b"-" if there is none."""
        hexdigest = self.hexdigest(rel, path)
        return b"-" if hexdigest is None else bytes.fromhex(hexdigest)
