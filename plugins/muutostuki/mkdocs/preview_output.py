"""Preview (`mkdocs serve`) only: keep the files of unchanged pages on disk across rebuilds.

Why: MkDocs empties the site folder before every rebuild and writes every page again. At 1,000
posts that is some 2,000 folders and files, 1–1.5 s of a rebuild after an editor saves one post,
although nearly every page comes out byte for byte the same (preview_pages.py knows which).

How, within MkDocs' own build order:
- on_pre_build: the previous build's files move into a hidden folder inside the site folder
  (MkDocs' clean-up leaves hidden entries alone); a few renames, whatever the site's size;
- on_files, after the clean-up: they move back;
- on_env: a page whose key (preview_pages.py) equals the key of the file already on disk is not
  built again: MkDocs builds only pages that are in the preview (InclusionLevel), so the page is
  marked excluded for this one build; everything else is built and written as usual;
- at the end: files the previous build wrote and this one did not (a deleted post) are removed.
If a build does not finish, the next one starts from MkDocs' clean folder and writes everything.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import InclusionLevel

HIDDEN = ".muutostuki-edellinen"


@dataclass
class Written:
    """What a finished build left in the site folder."""

    page_keys: dict[str, str] = field(default_factory=dict)  # absolute dest path -> page key
    paths: set[str] = field(default_factory=set)            # every file it wrote (not Pagefind's)


class PreviewOutput:
    """One per plugin instance (it outlives `mkdocs serve` rebuilds)."""

    def __init__(self) -> None:
        self.enabled = False
        self._finished: Written | None = None  # the last finished build
        self._previous: Written | None = None  # what this build found on disk
        self._current = Written()
        self.kept: set[str] = set()            # src_uris not built again in this build

    def before_clean(self, site_dir: str, enabled: bool) -> None:
        self.enabled = enabled
        self._previous, self._finished = self._finished, None
        self._current, self.kept = Written(), set()
        hidden = Path(site_dir) / HIDDEN
        if hidden.exists():  # a build that stopped between the two halves
            shutil.rmtree(hidden, ignore_errors=True)
        if not enabled or self._previous is None or not Path(site_dir).is_dir():
            self._previous = None
            return
        entries = [e for e in os.listdir(site_dir) if not e.startswith(".")]
        hidden.mkdir()
        for entry in entries:
            os.rename(os.path.join(site_dir, entry), hidden / entry)

    def after_clean(self, site_dir: str) -> None:
        hidden = Path(site_dir) / HIDDEN
        if not hidden.is_dir():
            return
        for entry in os.listdir(hidden):
            os.rename(hidden / entry, os.path.join(site_dir, entry))
        hidden.rmdir()

    def keep_unchanged(self, files, keys: dict[str, str]) -> None:
        """Pages whose file on disk was written for the same key are not built again (on_env)."""
        if not self.enabled:
            return
        previous = self._previous.page_keys if self._previous is not None else {}
        for file in files.documentation_pages():
            key = keys.get(file.src_uri)
            if key is None:
                continue
            dest = file.abs_dest_path
            self._current.page_keys[dest] = key
            if previous.get(dest) == key and os.path.isfile(dest):
                file.inclusion = InclusionLevel.EXCLUDED  # for this build only: files are read anew
                self.kept.add(file.src_uri)

    def finish(self, files, written_paths: list[str], site_dir: str) -> None:
        """The build finished: remove what only the previous build had, remember this one."""
        if not self.enabled:
            return
        paths = self._current.paths
        paths.update(f.abs_dest_path for f in files)
        paths.update(os.path.join(site_dir, p) for p in written_paths)
        if self._previous is not None:
            for stale in self._previous.paths - paths:
                if os.path.isfile(stale):
                    os.unlink(stale)
                    try:
                        os.rmdir(os.path.dirname(stale))  # a page's own folder, if now empty
                    except OSError:
                        pass
        self._finished, self._previous = self._current, None
