"""The files of a content folder, as the site publishes them, wherever the checkout lives.

Hidden names (`.drafts/`, `.luonnos.md`) are judged below the content folder only: a
checkout under `~/.sites/` or a CI cache folder builds the same site as anywhere else.
Symbolic links are refused when they lead outside the project (a link to a key file or to
/dev/zero would be published or hang the build) or to a folder (MkDocs follows those and can
loop forever); links to files inside the project are fine.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ErrorList
from .unsafe_text import FORBIDDEN, char_name


@dataclass
class FolderFiles:
    """Visible files of one folder, and how many Markdown files were hidden or refused."""

    files: list[Path] = field(default_factory=list)
    hidden_markdown: int = 0
    refused: int = 0

    def markdown(self) -> list[Path]:
        return [p for p in self.files if p.suffix == ".md"]


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _link_problem(path: Path, real_root: Path) -> str | None:
    """Why a symbolic link at `path` may not be published, in Finnish, or None when it is fine."""
    target = Path(os.path.realpath(path))
    if not target.exists():
        return "symbolinen linkki osoittaa tiedostoon, jota ei ole; poista linkki tai kopioi tiedosto tähän"
    if not target.is_relative_to(real_root):
        return ("symbolinen linkki osoittaa projektin ulkopuolelle, eikä sitä julkaista; kopioi tiedosto "
                "projektiin linkin paikalle")
    if target.is_dir():
        return "kansion symbolinen linkki ei ole sallittu; siirrä tai kopioi kansio tähän"
    if not target.is_file():
        return "symbolinen linkki ei osoita tavalliseen tiedostoon; poista linkki"
    return None


def folder_files(folder: Path, root: Path, errors: ErrorList) -> FolderFiles:
    """Every visible file below `folder`, sorted; refused symbolic links are reported in `errors`."""
    result = FolderFiles()
    if not folder.is_dir():
        return result
    real_root = Path(os.path.realpath(root))
    for current, dirs, names in os.walk(folder, followlinks=False):
        here = Path(current)
        for name in sorted(dirs):
            path = here / name
            if name.startswith("."):
                dirs.remove(name)
                result.hidden_markdown += sum(n.endswith(".md") for _, _, ns in os.walk(path) for n in ns)
            elif path.is_symlink():
                dirs.remove(name)
                errors.add(_shown(path, root), 1, "tiedosto", _link_problem(path, real_root)
                           or "kansion symbolinen linkki ei ole sallittu; siirrä tai kopioi kansio tähän")
                result.refused += 1
        for name in names:
            path = here / name
            bad = FORBIDDEN.search(name)
            if bad:
                errors.add(_shown(path, root), 1, "tiedosto", f"tiedostonimessä on merkki {char_name(bad.group())}; "
                           "nimeä tiedosto uudelleen pelkin kirjaimin, numeroin ja viivoin")
                result.refused += 1
                continue
            if name.startswith("."):
                result.hidden_markdown += name.endswith(".md")
                continue
            if path.is_symlink():
                problem = _link_problem(path, real_root)
                if problem:
                    errors.add(_shown(path, root), 1, "tiedosto", problem)
                    result.refused += 1
                    continue
            result.files.append(path)
    result.files.sort()
    return result


def visible_files(folder: Path, root: Path) -> list[Path]:
    """The files the site publishes from `folder` (refused links left out; load_site reports them)."""
    return folder_files(folder, root, ErrorList()).files
