"""Soft hyphens at Finnish syllable boundaries, for titles in narrow places (the month calendar's cells).

Why: a day cell is 45 px wide on a phone and 100 px at 1,280 px, and Finnish compounds are long. CSS
`hyphens: auto` needs a Finnish hyphenation dictionary, which Chromium on Linux and many phones lack,
so the browser broke words anywhere ("kuuka|usitap|aamin|en"). Finnish syllables follow one regular
rule that covers nearly every word: a new syllable starts at a consonant followed by a vowel
("kuu-kau-si-ta-paa-mi-nen", "jär-jes-tö-jen"). A soft hyphen (U+00AD) is invisible unless the line
breaks there; screen readers and search ignore it.
"""
from __future__ import annotations

import re

VOWELS = frozenset("aeiouyäöåAEIOUYÄÖÅ")
SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 6  # shorter words fit a cell as they are
LONG_WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")


def _syllables(word: str) -> str:
    out = []
    seen_vowel = False
    for i, char in enumerate(word):
        # a consonant followed by a vowel starts a syllable, unless it is in the word's first cluster ("stra-")
        if seen_vowel and char not in VOWELS and i + 1 < len(word) and word[i + 1] in VOWELS:
            out.append(SOFT_HYPHEN)
        seen_vowel = seen_vowel or char in VOWELS
        out.append(char)
    return "".join(out)


def soft_hyphens(text: str) -> str:
    """`Sote-järjestöjen kuukausitapaaminen` -> the same with U+00AD between its syllables."""
    return LONG_WORD.sub(lambda m: _syllables(m.group()), str(text))
