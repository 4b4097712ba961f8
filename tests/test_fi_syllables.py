"""Soft hyphens at Finnish syllables for the month calendar's narrow cells (pages/fi_syllables.py)."""
from __future__ import annotations

import pytest

from muutostuki.pages.fi_syllables import SOFT_HYPHEN, soft_hyphens


@pytest.mark.parametrize("word, syllables", [
    ("kuukausitapaaminen", "kuu-kau-si-ta-paa-mi-nen"),
    ("järjestöjen", "jär-jes-tö-jen"),
    ("kevätpäivät", "ke-vät-päi-vät"),
    ("verkoston", "ver-kos-ton"),
    ("Strategiatyöpaja", "Stra-te-gia-työ-pa-ja"),  # no break inside the first consonants
    ("jatkuu", "jat-kuu"),
    ("Sote-järjestöjen", "Sote-jär-jes-tö-jen"),   # a written hyphen stays; "Sote" is short
])
def test_long_words_break_between_syllables(word, syllables):
    assert soft_hyphens(word).replace(SOFT_HYPHEN, "-") == syllables


def test_short_words_numbers_and_markup_are_left_as_they_are():
    for text in ("Kela", "klo 14", "LAPPI 2027", "Tom & Jerry <script>", "", "ää"):
        assert soft_hyphens(text) == text
    assert soft_hyphens("Oulu 2026–2027: työpajat").replace(SOFT_HYPHEN, "") == "Oulu 2026–2027: työpajat"
