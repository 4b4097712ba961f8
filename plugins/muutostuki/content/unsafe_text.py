"""Characters that must never reach a page, a feed or an .ics file, and how to name them to editors.

Control characters (NUL, ESC, ...) are invalid in XML and RFC 5545 text and garble HTML;
the Unicode direction overrides and isolates make text read differently than it is stored
("Trojan Source"). Tabs and line breaks are fine. Zero-width joiners are not refused: emoji
and some scripts need them, and ids are plain ASCII anyway.
"""
from __future__ import annotations

import re

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufffe\uffff]")


def char_name(char: str) -> str:
    """`U+001B (ohjausmerkki)`: the code point and what kind of character it is, in Finnish."""
    code = ord(char)
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        kind = "tekstin suunnan ohjausmerkki"
    elif code in (0x2028, 0x2029):
        kind = "näkymätön rivinvaihtomerkki"
    elif code in (0xFEFF, 0xFFFE, 0xFFFF):
        kind = "näkymätön erikoismerkki"
    else:
        kind = "ohjausmerkki"
    return f"U+{code:04X} ({kind})"


def unsafe_message(char: str) -> str:
    return (f"teksti sisältää merkin {char_name(char)}, joka ei kuulu tekstiin; poista se (se tulee usein mukaan "
            "kopioitaessa toisesta ohjelmasta: kirjoita kohta uudelleen)")


def shown(value: object, limit: int = 60) -> str:
    """A value quoted in a message, cut short: a message never grows with the input."""
    text = str(value)
    text = FORBIDDEN.sub("\ufffd", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
