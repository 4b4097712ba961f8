"""Strings made safe for XML 1.0: lxml refuses control characters, and a feed must never fail to build."""
from __future__ import annotations

import re

# Everything outside the XML 1.0 Char production: C0 controls except tab/newline/CR,
# lone surrogates and the two non-characters U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (an editor's stray \\x07 must not break a feed)."""
    return _ILLEGAL.sub("", text or "")
