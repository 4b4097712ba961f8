"""Which of our templates Jinja autoescapes.

MkDocs creates its Jinja environment without autoescaping (Material's templates rely on that),
so editors' titles and places would land in HTML raw. Templates named here are compiled with
autoescaping on: `{{ event.title }}` is escaped, trusted HTML must say `| safe`
(`{{ page.content | safe }}`). Macros from such templates return Markup, so they stay safe
when called from any template.
"""
from __future__ import annotations

AUTOESCAPED_PREFIXES: tuple[str, ...] = ("muutostuki/",)


def autoescape(template_name: str | None) -> bool:
    return bool(template_name) and template_name.startswith(AUTOESCAPED_PREFIXES)
