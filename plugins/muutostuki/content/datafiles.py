"""YAML data files (one place or one organiser per file) read like front matter.

A data file is the front matter alone: the whole file is one mapping, its keys keep their
line numbers, and the same field tables validate it, so an editor sees the same
`path:line: field: message` as in an event file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, TypeVar

from . import fields as F
from .errors import ErrorList
from .bounds import MAX_FRONT_MATTER_CHARS
from .frontmatter import SourceFile, parse_yaml, read_text
from .slugs import is_slug

T = TypeVar("T")

DATA_SUFFIXES = (".yml", ".yaml")


def data_files(folder: Path) -> list[Path]:
    """Every .yml/.yaml file of a folder (not its subfolders, not hidden files), in name order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix in DATA_SUFFIXES and p.is_file() and not p.name.startswith("."))


def read_data_file(path: Path, shown: str, errors: ErrorList) -> SourceFile:
    """The file as a SourceFile whose `meta` is the mapping; problems go to `errors` (ok=False)."""
    source = SourceFile(path=shown)
    text = read_text(path, shown, errors, limit=MAX_FRONT_MATTER_CHARS)
    if text is None:
        source.ok = False
        return source
    parsed = parse_yaml(text.replace("\r\n", "\n").replace("\r", "\n"), shown, errors)
    if parsed is None:
        source.ok = False
        return source
    data, lines = parsed
    if not isinstance(data, dict):
        errors.add(shown, 1, "tiedosto", "tiedostossa pitää olla kenttiä muodossa 'nimi: arvo', "
                   "ensimmäisenä 'name: ...'")
        source.ok = False
        return source
    source.meta = {str(k): v for k, v in data.items()}
    source.lines = lines
    return source


def file_id(path: Path, shown: str, kind: str, example: str, errors: ErrorList) -> str | None:
    """The id is the file name without its suffix; it must be a slug, as in URLs."""
    stem = path.stem
    if is_slug(stem):
        return stem
    errors.add(shown, 1, "tiedosto", f"tiedostonimi '{path.name}' ei kelpaa {kind} tunnisteeksi; "
               f"käytä pieniä kirjaimia a-z, numeroita ja viivoja, esim. {example}")
    return None


def load_data_folder(folder: Path, root: Path, fields: tuple[F.Field, ...], errors: ErrorList, *,
                     id_kind: str, example: str, field_kind: str, make: Callable[..., T],
                     broken: set[str] | None = None) -> dict[str, T]:
    """Every data file of `folder`, validated; a file with a mistake is reported and left out
    (its id goes to `broken`, so references to it are not reported a second time as unknown).

    `id_kind` and `field_kind` inflect the messages ("paikan tunnisteeksi", "kenttä paikalle").
    """
    items: dict[str, T] = {}
    for path in data_files(folder):
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        item_id = file_id(path, shown, id_kind, example, errors)
        source = read_data_file(path, shown, errors)
        reported = len(errors.errors)
        clean = F.validate_fields(source, fields, errors, field_kind) if item_id and source.ok else {}
        if len(errors.errors) == reported and item_id and source.ok:
            items[item_id] = make(id=item_id, path=shown, lines=source.lines, **clean)
        elif broken is not None:
            broken.add(item_id or path.stem)
    return items
