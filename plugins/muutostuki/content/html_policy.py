"""What raw HTML and links a Markdown text may hold (the editors' guide, docs/ohjeet/, says the same).

Editors are trusted staff, but of many organisations, and the feeds are read by other sites:
nothing in a text may run code or pull in another site. Refused, with the line: scripts,
frames, embedded objects, forms, style sheets and other active elements; event-handler
attributes (`onerror=`, also through attr_list's `{: onclick=... }`); javascript:, vbscript:
and data: addresses in links, images and attributes. Everything else (tables, <details>,
<abbr>, <sup>, images with alt text, <span class>) is allowed.

Fenced code blocks are skipped (an example is not HTML); code spans are skipped outside raw
HTML blocks only, since inside one Markdown leaves backticks as they are.
"""
from __future__ import annotations

import html
import re

from .errors import BODY_FIELD, ErrorList
from .markdown_refs import markdown_refs

REFUSED_TAGS = ("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
                "button", "select", "textarea", "link", "meta", "base", "svg", "math", "template", "portal")
_TAG = re.compile(r"<\s*/?\s*(" + "|".join(REFUSED_TAGS) + r")\b", re.IGNORECASE)
_HANDLER = re.compile(r"(?:<[a-zA-Z][^<>]*?|\{[^{}\n]*?)[\s\"'/]on[a-zA-Z]+\s*=", re.IGNORECASE)
_URL_ATTR = re.compile(r"\b(?:href|src|action|formaction|poster|data|srcset|xlink:href|background|cite)\s*=\s*"
                       r"[\"']?\s*([^\"'\s>]*)", re.IGNORECASE)
_ACTIVE = ("javascript:", "vbscript:", "data:")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
# An active address has "script:" or "data:" (tabs and newlines are dropped by browsers) or hides
# it behind character references; a text with none of these needs no closer look
_MAYBE_ACTIVE = re.compile(r"(?:script|data)[\t\n]*:|&#|&[a-z]+;", re.IGNORECASE)


def active_scheme(url: str) -> str | None:
    """The active scheme of `url` as a browser reads it (entities decoded, blanks dropped), or None."""
    plain = _INVISIBLE.sub("", html.unescape(url)).lower()
    return next((scheme for scheme in _ACTIVE if plain.startswith(scheme)), None)


def _prose_lines(body: str):
    """(offset, line) outside fenced code; code spans blanked except inside raw HTML blocks."""
    fence: str | None = None
    in_html = False
    for offset, line in enumerate(body.split("\n")):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        if not line.strip():
            in_html = False
            continue
        if line.lstrip().startswith("<"):
            in_html = True
        yield offset, line if in_html or "`" not in line else _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def check_body(path: str, body: str, first_line: int, errors: ErrorList) -> None:
    """Report every refused element, handler attribute and active address of one text."""
    may_be_active = bool(_MAYBE_ACTIVE.search(body))
    if "<" not in body and "{" not in body and not may_be_active:
        return
    for offset, line in _prose_lines(body):
        if "<" not in line and "{" not in line:
            continue
        line_no = first_line + offset
        tag = _TAG.search(line)
        if tag:
            errors.add(path, line_no, BODY_FIELD,
                       f"HTML-elementti <{tag.group(1).lower()}> ei ole sallittu tekstissä (se voisi ajaa koodia tai "
                       "tuoda sivulle toisen sivuston sisältöä); poista se tai linkitä sisältöön tavallisella "
                       "linkillä, katso ohjeet/kirjoitus/")
        if _HANDLER.search(line):
            errors.add(path, line_no, BODY_FIELD,
                       "tapahtumankäsittelijät kuten onclick= tai onerror= eivät ole sallittuja; poista määrite")
        if "=" not in line or not may_be_active:
            continue
        for m in _URL_ATTR.finditer(html.unescape(line)):
            scheme = active_scheme(m.group(1))
            if scheme:
                errors.add(path, line_no, BODY_FIELD, _scheme_message(scheme))
    if not may_be_active:
        return
    for ref in markdown_refs(body, first_line):
        scheme = active_scheme(ref.target)
        if scheme:
            errors.add(path, ref.line, BODY_FIELD, _scheme_message(scheme))


def _scheme_message(scheme: str) -> str:
    return (f"{scheme}-osoitteet eivät ole sallittuja linkeissä eivätkä kuvissa; käytä https://-osoitetta "
            "(kuva: tallenna se tiedostona ja linkitä siihen)")
