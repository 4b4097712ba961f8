"""Links in Markdown texts that would lead nowhere on the published site.

Resolved as MkDocs resolves them, without building: a link to a file (`../2021/x.md`,
`kuva.jpg`) is relative to the source file in the docs tree, where posts live at
`blog/...`, events at `events/...` and hand-written pages at their path under docs/;
a link to a page address (`../tietoa/`, `/tapahtumat/`) is relative to the page's own URL,
as the reader's browser resolves it.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from ..content.errors import ErrorList, did_you_mean
from ..content.markdown_refs import markdown_refs

LINK_FIELD = "linkki"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def page_url(src_uri: str) -> str:
    """Directory URL MkDocs gives a Markdown file: a/b.md -> a/b/, a/index.md -> a/, index.md -> ''."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


@dataclass
class LinkTargets:
    """What the built site would have: files by their docs-tree path, pages by their URL."""

    files: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)
    unpublished: set[str] = field(default_factory=set)  # drafts and scheduled posts and events
    docs_dir: str = "docs"
    content_dirs: tuple[str, ...] = ("blog", "events")

    def project_path(self, src_uri: str) -> str:
        """Where an editor finds a docs-tree path: blog/x.md stays, tietoa.md is docs/tietoa.md."""
        return src_uri if src_uri.split("/", 1)[0] in self.content_dirs else f"{self.docs_dir}/{src_uri}"

    def docs_tree_path(self, project_path: str) -> str | None:
        """The inverse: docs/tietoa.md is tietoa.md in the docs tree; None outside every tree."""
        if project_path.split("/", 1)[0] in self.content_dirs:
            return project_path
        prefix = self.docs_dir.rstrip("/") + "/"
        return project_path[len(prefix):] if project_path.startswith(prefix) else None

    def add_page(self, src_uri: str, dest_uri: str | None = None) -> None:
        self.files.add(src_uri)
        if dest_uri:
            folder = posixpath.dirname(dest_uri)
            self.pages.add(f"{folder}/" if folder else "")
        else:
            self.pages.add(page_url(src_uri))


def _has_suffix(path: str) -> bool:
    return "." in posixpath.basename(path.rstrip("/")) and not path.endswith("/")


def _problem(target: str, src_uri: str, own_url: str, base_path: str, targets: LinkTargets) -> str | None:
    """Why `target` leads nowhere, in Finnish, or None when it is fine or outside our reach."""
    if not target or target.startswith(("#", "//")) or _SCHEME.match(target):
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    if path.startswith("/"):
        if not path.startswith(base_path) or _has_suffix(path):
            return None  # another site on the same host, or a feed or file written by the build
        wanted = posixpath.normpath(path[len(base_path):] or ".")
        wanted = "" if wanted == "." else wanted.strip("/") + "/"
        if wanted in targets.pages:
            return None
        return f"linkki '{target}' ei johda mihinkään sivuston sivuun; tarkista osoite"
    if _has_suffix(path):
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        if resolved in targets.files:
            return None
        if resolved in targets.unpublished:
            return (f"linkki '{target}' johtaa sivuun, jota ei ole vielä julkaistu (luonnos tai ajastettu); "
                    "linkki toimii vasta, kun kohde on julkaistu")
        on_disk = posixpath.normpath(posixpath.join(posixpath.dirname(targets.project_path(src_uri)), path))
        in_tree = targets.docs_tree_path(on_disk)
        if in_tree in targets.files:  # a path between folders on disk, which MkDocs does not see
            fixed = posixpath.relpath(in_tree, posixpath.dirname(src_uri) or ".")
            return (f"linkki '{target}' toimii kansioissa mutta ei sivustolla, jossa docs-kansion sivut ovat "
                    f"samassa puussa kuin blog/ ja events/; kirjoita '{fixed}'")
        if resolved.startswith("../"):
            return f"linkki '{target}' osoittaa sivuston ulkopuolelle; tarkista ../-osien määrä"
        folder, name = posixpath.split(resolved)
        siblings = sorted(posixpath.basename(f) for f in targets.files if posixpath.dirname(f) == folder)
        hint = did_you_mean(name, siblings)
        return (f"linkki '{target}' johtaa tiedostoon {targets.project_path(resolved)}, jota ei ole.{hint} "
                "Polku luetaan tämän tiedoston kansiosta; ../ on kansio ylöspäin")
    resolved = posixpath.normpath(posixpath.join(own_url, path))
    wanted = "" if resolved == "." else resolved.strip("/") + "/"
    if wanted in targets.pages:
        return None
    return (f"linkki '{target}' ei johda mihinkään sivuston sivuun (se luetaan sivun /{own_url} osoitteesta); "
            "linkitä mieluummin tiedostoon, esim. ../2021/sote-meni-lapi.md")


def check_links(shown: str, src_uri: str, own_url: str, body: str, first_line: int, targets: LinkTargets,
                base_path: str, errors: ErrorList) -> None:
    """Add a warning for each link or image in `body` that leads nowhere."""
    for ref in markdown_refs(body, first_line):
        problem = _problem(ref.target, src_uri, own_url, base_path, targets)
        if problem:
            errors.add(shown, ref.line, LINK_FIELD, problem, "warning")
