"""Finnish-friendly URL slugs: lowercase ASCII, ä->a, ö->o, å->a, dashes between words."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TRANSLATE = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a", "ß": "ss"})
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """`Sote meni läpi!` -> `sote-meni-lapi`."""
    return _slug(str(text))


@lru_cache(maxsize=16384)  # the same tags, categories and names are slugged for every post that has them
def _slug(text: str) -> str:
    text = text.translate(_TRANSLATE)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text


def is_slug(text: str) -> bool:
    return bool(SLUG_RE.match(text))
