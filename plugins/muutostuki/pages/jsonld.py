"""JSON-LD in a <script> element, safe whatever editors typed into titles and places.

`json.dumps` alone is not enough inside HTML: a title containing `</script>` would end the
element early. Escaping <, > and & as \\u003c etc. keeps the JSON identical for parsers while
the HTML tokenizer never sees markup.
"""
from __future__ import annotations

import json

from markupsafe import Markup

_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dumps(obj: object) -> str:
    """Compact JSON, UTF-8 kept readable (ensure_ascii=False), with HTML-significant characters escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _UNSAFE.items():
        text = text.replace(char, escaped)
    return text


def script_tag(obj: object) -> Markup:
    """<script type="application/ld+json">…</script>, ready to drop into a template."""
    return Markup(f'<script type="application/ld+json">{dumps(obj)}</script>')
