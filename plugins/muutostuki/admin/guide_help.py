"""Help texts for the browser editor, read from the editors' guide (docs/ohjeet/*.md).

The guide's field tables (`| `name` | ... | text |`) are the one place a field is explained, so
the editor shows the same sentence an editor would read in the guide.
"""
from __future__ import annotations

import re
from pathlib import Path

ROW = re.compile(r"^\|\s*`([a-z_]+)`\s*\|(.*)\|\s*$")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MAX_HINT = 400


def _plain(cell: str) -> str:
    """Markdown of a table cell as plain text (Decap shows hints as text)."""
    text = LINK.sub(r"\1", cell)
    return re.sub(r"[`*]", "", text).strip()


def field_help(guide: Path) -> dict[str, str]:
    """Field name -> the guide's explanation (its last column), for one guide page."""
    if not guide.is_file():
        return {}
    help_texts: dict[str, str] = {}
    for line in guide.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line.strip())
        if not match:
            continue
        name, rest = match.groups()
        text = _plain(rest.split("|")[-1])
        if text and name not in help_texts:
            help_texts[name] = text[:MAX_HINT]
    return help_texts
