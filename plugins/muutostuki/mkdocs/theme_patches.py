"""Material's base.html with the one change HTML validity needs, applied as it is loaded.

Why: Material 9.8.1 writes `autocomplete="off"` on its hidden drawer and search toggle checkboxes, outside any
block, and the HTML standard allows `autocomplete` only on text-like inputs (the Nu HTML Checker reports an error
on every page). Copying all of base.html to drop two attributes would fork Material; editing the source as the
loader hands it over keeps Material's file the single source. The attribute stopped Firefox from restoring an
open drawer on reload; assets/menu.js resets the toggles instead.
"""
from __future__ import annotations

from jinja2 import BaseLoader

BASE = "base.html"
INVALID = ' type="checkbox" id="{id}" autocomplete="off">'
VALID = ' type="checkbox" id="{id}">'
TOGGLES = ("__drawer", "__search")


def patch_base(source: str) -> str:
    for toggle in TOGGLES:
        source = source.replace(INVALID.format(id=toggle), VALID.format(id=toggle))
    return source


class PatchedBaseLoader(BaseLoader):
    """Delegates to the theme's loader; only base.html's source is changed (its file and up-to-date check stay)."""

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template == BASE:
            source = patch_base(source)
        return source, filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()


def install(env) -> None:
    if not isinstance(env.loader, PatchedBaseLoader):
        env.loader = PatchedBaseLoader(env.loader)
