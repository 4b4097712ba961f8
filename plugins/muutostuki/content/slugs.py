"""Finnish-friendly URL slugs: lowercase ASCII, ä->a, ö->o, å->a, dashes between words."""
from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a", "ß": "ss"})
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """`Sote meni läpi!` -> `sote-meni-lapi`."""
    text = str(text).translate(_TRANSLATE)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text


def is_slug(text: str) -> bool:
    return bool(SLUG_RE.match(text))
