"""Keep the files of unchanged pages and outputs in the site folder between builds.

Why: MkDocs empties the site folder before every build and writes every file again: at 1,000 posts
some 4,300 files, 93 MB and 3,000 folders, which on a slow disk takes longer than everything else a
warm build does (`mkdocs serve` after a save, `mkdocs build` with the build cache), although nearly
every file comes out byte for byte the same.

How, within MkDocs' own build order:
- on_pre_build (`before_clean`): the files in the site folder move into a hidden folder inside it
  (MkDocs' clean-up leaves hidden entries alone): a few renames. Those the last finished build wrote
  are in its manifest (in memory for the preview, in the build cache for `mkdocs build`); without
  one nothing is kept, but every file is written over in place rather than deleted and made again
  (on ext4, creating 4,300 files right after deleting as many cost 4-6 s of kernel time at 1,000 posts);
- on_files (`after_clean`), after the clean-up: they move back, and the state of each one is noted;
- on_env (`keep_unchanged`): a page whose key (preview_pages.py) and a static file whose source are
  those the manifest recorded for the file on disk, and the file is still the one written then (size,
  modification time, inode), is not written again: it is marked excluded for this one build (MkDocs
  writes and copies only included files); `write` does the same for feeds and calendars by their bytes,
  and the search index keeps its folder when every part is the same (search/index.py);
- at the end (`finish`): every file found on disk that this build neither kept nor wrote (a deleted
  post, something put into the folder by hand) is removed, so the folder is exactly what a cold build
  writes; the new manifest is the state of every file left.
If a build does not finish, no manifest is written: the next build starts from MkDocs' clean folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from mkdocs.structure.files import InclusionLevel

HIDDEN = ".muutostuki-edellinen"
SEARCH_FOLDER = "pagefind/"  # written by search/index.py, which decides itself whether to keep it
PAGEFIND_MARK = "data-pagefind-body"


def _state(stat: os.stat_result) -> tuple[int, int, int]:
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def _walk(site_dir: str) -> dict[str, tuple[int, int, int]]:
    """rel path -> state of every file below the site folder (its hidden top-level entries aside)."""
    found = {}
    root_len = len(site_dir.rstrip(os.sep)) + 1
    for top in os.scandir(site_dir):
        if top.name.startswith("."):
            continue
        if top.is_file(follow_symlinks=False):
            found[top.name] = _state(top.stat(follow_symlinks=False))
        elif top.is_dir(follow_symlinks=False):
            stack = [top.path]
            while stack:
                for entry in os.scandir(stack.pop()):
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                    else:
                        found[entry.path[root_len:].replace(os.sep, "/")] = _state(entry.stat(follow_symlinks=False))
    return found


def _lstat_state(path: str) -> tuple[int, int, int] | None:
    try:
        return _state(os.lstat(path))
    except OSError:
        return None


def static_tag(file) -> str:
    """What a static file's bytes follow from: its source file's state, or its generated content."""
    if file.abs_src_path:
        try:
            stat = os.stat(file.abs_src_path)
        except OSError:
            return ""
        return f"s:{file.abs_src_path}:{stat.st_size}:{stat.st_mtime_ns}"
    try:
        return "c:" + hashlib.sha256(file.content_bytes).hexdigest()
    except (AttributeError, TypeError, ValueError):
        return ""


def data_tag(data: bytes) -> str:
    return "o:" + hashlib.sha256(data).hexdigest()


class KeptOutput:
    """One per plugin instance (it outlives `mkdocs serve` rebuilds, and so does the preview's manifest)."""

    def __init__(self) -> None:
        self.enabled = False
        self.site_dir = ""
        self.manifest: dict[str, list] | None = None  # the last finished build: rel -> [size, mtime_ns, ino, tag]
        self._previous: dict[str, list] = {}           # the manifest this build started from
        self._found: dict[str, tuple[int, int, int]] = {}  # files on disk after the clean-up, as found
        self._complete = True   # _found holds every file (else only those the manifest names: after_clean)
        self._start_ns = 0      # the site folder's clock as this build began (before_clean)
        self._tags: dict[str, str] = {}                # rel -> tag of what this build wrote or kept
        self._kept_files: set[str] = set()             # rel paths kept, not written
        self._folder_tags: dict[str, str] = {}         # folder prefix -> tag of every file below it
        self.kept: set[str] = set()                    # src_uris of pages not built again in this build
        self.kept_searchable: dict = {}                # dest_uri -> File of kept pages whose HTML Pagefind reads
        self.removed = 0

    # -- before MkDocs writes anything ------------------------------------------------------
    def before_clean(self, site_dir: str, enabled: bool, manifest: dict | None = None) -> None:
        """`manifest`: the build cache's one (mkdocs build); the preview keeps its own in memory."""
        self.enabled, self.site_dir = enabled, site_dir
        previous = manifest if manifest is not None else self.manifest
        self.manifest = None
        self._previous, self._found, self._tags, self._kept_files, self._folder_tags = {}, {}, {}, set(), {}
        self._complete, self._start_ns = True, 0
        self.kept, self.kept_searchable, self.removed = set(), {}, 0
        hidden = Path(site_dir) / HIDDEN
        if hidden.exists():  # a build that stopped between the two halves
            shutil.rmtree(hidden, ignore_errors=True)
        if not enabled or not Path(site_dir).is_dir():
            return
        # Without a manifest (the first build with this cache) nothing is kept, but the files stay where they
        # are and are written over: a new file costs the file system far more than writing an old one again.
        self._previous = previous or {}
        entries = [e for e in os.listdir(site_dir) if not e.startswith(".")]
        hidden.mkdir()
        self._start_ns = hidden.stat().st_mtime_ns  # the file system's clock now: what is written later is newer
        for entry in entries:
            os.rename(os.path.join(site_dir, entry), hidden / entry)

    def after_clean(self, site_dir: str) -> None:
        hidden = Path(site_dir) / HIDDEN
        if not hidden.is_dir():
            return
        for entry in os.listdir(hidden):
            os.rename(hidden / entry, os.path.join(site_dir, entry))
        hidden.rmdir()
        if self._previous:  # the files the manifest names are all that can be kept: only they are looked at
            self._found = {rel: state for rel in self._previous
                           if (state := _lstat_state(os.path.join(site_dir, rel))) is not None}
            self._complete = False
        else:
            self._found = _walk(site_dir)

    def _intact(self, rel: str, tag: str) -> bool:
        """The file on disk is the one the last build wrote with this tag."""
        before = self._previous.get(rel)
        return bool(tag) and before is not None and before[3] == tag and tuple(before[:3]) == self._found.get(rel)

    def _rel(self, abs_path: str) -> str:
        return os.path.relpath(abs_path, self.site_dir).replace(os.sep, "/")

    def keep_unchanged(self, files, keys: dict[str, str]) -> None:
        """Pages with an unchanged key and static files with an unchanged source are not written (on_env)."""
        if not self.enabled:
            return
        for file in files:
            if not file.inclusion.is_included():
                continue
            if file.is_documentation_page():
                key = keys.get(file.src_uri)
                if key is None:
                    continue
                tag = "p:" + key
            else:
                tag = static_tag(file)
            rel = self._rel(file.abs_dest_path)
            self._tags[rel] = tag
            flagged = tag + ":pf"
            if self._intact(rel, tag) or file.is_documentation_page() and self._intact(rel, flagged):
                file.inclusion = InclusionLevel.EXCLUDED  # for this build only: files are read anew
                self._kept_files.add(rel)
                if file.is_documentation_page():
                    self.kept.add(file.src_uri)
                    if self._previous[rel][3] == flagged:
                        self._tags[rel] = flagged
                        self.kept_searchable[file.dest_uri] = file

    def keep_templates(self, templates: set[str], key: str) -> set[str]:
        """The theme's static templates (404.html, the sitemaps) whose files are as the last build wrote them
        for this key: they are taken out of `templates` for this build (MkDocs renders what is left) and
        returned, to be put back afterwards. Rendering 404.html alone compiles most of the theme's templates,
        which a build that renders no page would otherwise do for this one file."""
        if not self.enabled:
            return set()
        kept = set()
        for name in sorted(templates):
            rels = [name, name + ".gz"] if name == "sitemap.xml" else [name]  # MkDocs gzips the sitemap too
            tag = f"t:{name}:{key}"
            for rel in rels:
                self._tags[rel] = tag
            if all(self._intact(rel, tag) for rel in rels):
                self._kept_files.update(rels)
                kept.add(name)
        templates -= kept
        return kept

    def page_written(self, page, output: str) -> None:
        """A page's HTML as written: note whether Pagefind will read it (for the pages kept next time)."""
        if PAGEFIND_MARK in output:
            self.mark_searchable(page.file)

    def mark_searchable(self, file) -> None:
        """This page's HTML carries data-pagefind-body (also for pages the render worker wrote)."""
        if not self.enabled:
            return
        rel = self._rel(file.abs_dest_path)
        if rel in self._tags:
            self._tags[rel] += ":pf"

    def write(self, rel: str, data: bytes) -> tuple[str, bool]:
        """An output file (feed, calendar, sitemap) of the muutostuki plugin: written unless already there.
        Returns its tag and whether it was kept (for `noted`, when another process wrote it)."""
        tag = data_tag(data)
        self._tags[rel] = tag
        if self.enabled and self._intact(rel, tag):
            self._kept_files.add(rel)
            return tag, True
        target = Path(self.site_dir) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return tag, False

    def noted(self, rel: str, tag: str, kept: bool) -> None:
        """What `write` did for this output in the forked child of parallel_outputs.py."""
        self._tags[rel] = tag
        if kept:
            self._kept_files.add(rel)

    def folder_intact(self, prefix: str, tag: str, exclude: str | None = None) -> bool:
        """Every file below `prefix` (e.g. pagefind/), those below `exclude` aside, is as the last build
        left it with this tag, and there is no other."""
        if not self.enabled or not self._previous:
            return False

        def below(rel: str) -> bool:
            return rel.startswith(prefix) and not (exclude and rel.startswith(exclude))

        expected = {rel for rel in self._previous if below(rel)}
        present = {rel for rel in self._found if below(rel)}
        if not expected or expected != present or not all(self._intact(rel, tag) for rel in expected):
            return False
        self._kept_files.update(expected)
        return True

    def keep_files(self, rels) -> None:
        """Files another writer found already right on disk and left as they were (search/index.py)."""
        self._kept_files.update(rels)

    def tag_folder(self, prefix: str, tag: str) -> None:
        """What the files below `prefix` follow from, for the manifest of this build."""
        self._folder_tags[prefix] = tag

    @property
    def kept_count(self) -> int:
        return len(self._kept_files)

    # -- after everything is written ----------------------------------------------------------
    def finish(self, skip_prefix: str | None = None) -> dict | None:
        """Remove what this build did not keep or write; the manifest of what is left.

        `skip_prefix`: a folder another thread may still be writing (the preview's search index)."""
        if not self.enabled:
            return None
        now = _walk(self.site_dir)
        for rel, state in list(now.items()):
            if skip_prefix and rel.startswith(skip_prefix):
                continue
            before = self._found.get(rel)
            if rel in self._kept_files or before is not None and before != state:
                continue  # kept on purpose, or written again by this build
            if before is None and (self._complete or state[1] >= self._start_ns):
                continue  # a new file of this build (one older than the build and not in the manifest is not)
            # left over from before and neither kept nor written
            os.unlink(os.path.join(self.site_dir, rel))
            del now[rel]
            self.removed += 1
            self._remove_empty_folders(os.path.dirname(rel))
        manifest = {}
        for rel, state in now.items():
            tag = self._tags.get(rel, "")
            if not tag:
                folder = max((p for p in self._folder_tags if rel.startswith(p)), key=len, default=None)
                tag = self._folder_tags[folder] if folder is not None else ""
            manifest[rel] = [*state, tag]
        self.manifest = manifest
        return manifest

    def _remove_empty_folders(self, rel_folder: str) -> None:
        """A removed page's own folder and its parents, while empty (never the site folder itself)."""
        while rel_folder:
            try:
                os.rmdir(os.path.join(self.site_dir, rel_folder))
            except OSError:
                return
            rel_folder = os.path.dirname(rel_folder)


def dump_manifest(site_dir: str, manifest: dict) -> bytes:
    return json.dumps({"site_dir": os.path.abspath(site_dir), "files": manifest}, sort_keys=True).encode()


def load_manifest(site_dir: str, data: bytes | None) -> dict | None:
    """The stored manifest if it describes this site folder, else None (then everything is written)."""
    if not data:
        return None
    try:
        stored = json.loads(data)
        files = stored["files"]
        if stored["site_dir"] != os.path.abspath(site_dir) or not isinstance(files, dict):
            return None
        if not all(isinstance(v, list) and len(v) == 4 for v in files.values()):
            return None
        return files
    except (ValueError, KeyError, TypeError):
        return None
