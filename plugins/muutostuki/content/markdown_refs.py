"""Links and images written in Markdown bodies, with their line numbers.

Both the content warnings (images without alt text) and the editors' `check` (links to pages
that do not exist) need the same view of a body, so it is read here once. Code blocks (fenced
or indented), code spans and HTML comments are skipped: a link shown as an example or
commented out is not a link.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# [text](target "title") and ![alt](target); one level of nested brackets in the text
_INLINE = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
_REF_IMAGE = re.compile(r"!\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[[^\[\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[([^\[\]]+)\]:\s*(<[^<>\n]*>|\S+)")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s")
_HTML_IMG = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)  # [^<>]: linear on a line of many "<img"
_HTML_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)


@dataclass(frozen=True)
class MarkdownRef:
    """One link or image: `kind` is "link" or "image"; `line` counts from the body's first line."""

    kind: str
    text: str
    target: str  # as written, "" for a reference-style image
    line: int


def _without_code_spans(line: str) -> str:
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def _outside_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The part of `line` outside HTML comments, and whether a comment is still open after it.

    Scanned with str.find, linear however many `<!--` a line holds (a regex would not be)."""
    parts: list[str] = []
    pos = 0
    while True:
        if in_comment:
            end = line.find("-->", pos)
            if end < 0:
                return "".join(parts), True
            parts.append(" " * (end + 3 - pos))
            pos, in_comment = end + 3, False
        start = line.find("<!--", pos)
        if start < 0:
            parts.append(line[pos:])
            return "".join(parts), False
        parts.append(line[pos:start])
        pos, in_comment = start + 4, True


def _indent(line: str) -> int:
    if line[0] not in " \t":
        return 0
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


@lru_cache(maxsize=4096)
def markdown_refs(body: str, first_line: int = 1) -> tuple[MarkdownRef, ...]:
    """Every inline link, inline or reference image and link definition in `body`, plus each
    <img> tag that has no alt attribute at all.

    Cached: the content warnings and `check` ask about the same bodies in one run.
    """
    if "[" not in body and "<" not in body:
        return ()
    refs: list[MarkdownRef] = []
    fence: str | None = None
    in_comment = False
    in_list = False      # inside a list, code is indented one level deeper
    code_allowed = True  # an indented code block starts after a blank line (or at the top)
    in_code = False
    for offset, raw in enumerate(body.split("\n")):
        line_no = first_line + offset
        if not raw.strip():
            code_allowed = True
            continue
        if not in_comment and fence is None:
            if _indent(raw) >= (8 if in_list else 4) and (code_allowed or in_code):
                in_code = True
                continue  # an indented code block
            in_code = False
            if _LIST_ITEM.match(raw):
                in_list = True
            elif _indent(raw) == 0 and code_allowed:
                in_list = False
            code_allowed = False
        opening = _FENCE.match(raw) if raw.lstrip()[:3] in ("```", "~~~") else None
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening and not in_comment:
            fence = opening.group(1)
            continue
        if not in_comment and "[" not in raw and "<" not in raw:
            continue  # plain prose: nothing to find
        line, in_comment = _outside_comments(_without_code_spans(raw) if "`" in raw else raw, in_comment)
        definition = _REF_DEF.match(line)
        if definition:
            refs.append(MarkdownRef("link", definition.group(1), definition.group(2).strip("<>"), line_no))
            continue
        for m in _INLINE.finditer(line):
            kind = "image" if m.group(1) else "link"
            refs.append(MarkdownRef(kind, m.group(2).strip(), m.group(3).strip("<>").strip(), line_no))
        for m in _REF_IMAGE.finditer(line):
            refs.append(MarkdownRef("image", m.group(1).strip(), "", line_no))
        for m in _HTML_IMG.finditer(line):
            if not _HTML_ALT.search(m.group(0)):  # alt="" is a decorative image, and fine
                refs.append(MarkdownRef("image", "", "", line_no))
    return tuple(refs)
