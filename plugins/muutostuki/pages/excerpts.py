"""Excerpts and descriptions of rendered posts and events, computed once from their HTML."""
from __future__ import annotations

import html as html_lib
import re

_MORE = re.compile(r"<!--\s*more\s*-->")
_FIRST_P = re.compile(r"<p[\s>].*?</p>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def excerpt_html(rendered: str, summary: str) -> str:
    """The part before <!-- more -->, else the summary, else the first paragraph."""
    m = _MORE.search(rendered)
    if m:
        return rendered[: m.start()].strip()
    if summary:
        return f"<p>{html_lib.escape(summary)}</p>"
    p = _FIRST_P.search(rendered)
    return p.group(0) if p else ""


def plain_text(fragment: str, limit: int = 0) -> str:
    """Tags stripped, entities decoded, whitespace collapsed; cut at a word boundary."""
    text = _SPACE.sub(" ", html_lib.unescape(_TAGS.sub(" ", fragment))).strip()
    if limit and len(text) > limit:
        cut = text[: limit - 1].rsplit(" ", 1)[0]
        text = cut.rstrip(",.;:–-") + "…"
    return text


def description(summary: str, rendered: str, limit: int = 160) -> str:
    """Meta description: the summary, else the start of the excerpt."""
    if summary:
        return plain_text(summary, limit)
    return plain_text(excerpt_html(rendered, ""), limit)
