"""A recurrence rule in plain Finnish: FREQ=MONTHLY;BYDAY=1TU -> "joka kuukauden ensimmäinen tiistai".

Readers should not have to decode RFC 5545; common rules get a sentence, anything rarer a
neutral "toistuva tapahtuma" (the dates are listed on the page anyway).
"""
from __future__ import annotations

import re

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai")
WEEKDAY_HABITUAL = ("maanantaisin", "tiistaisin", "keskiviikkoisin", "torstaisin", "perjantaisin",
                    "lauantaisin", "sunnuntaisin")
ORDINALS = {1: "ensimmäinen", 2: "toinen", 3: "kolmas", 4: "neljäs", 5: "viides",
            -1: "viimeinen", -2: "toiseksi viimeinen"}
EVERY_NTH = {2: "joka toinen", 3: "joka kolmas", 4: "joka neljäs"}
UNITS = {"DAILY": ("päivä", "päivittäin"), "WEEKLY": ("viikko", "viikoittain"),
         "MONTHLY": ("kuukausi", "kuukausittain"), "YEARLY": ("vuosi", "vuosittain")}
FALLBACK = "Toistuva tapahtuma"

_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


def _parts(rule: str) -> dict[str, str]:
    return dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)


def _until(value: str) -> str:
    return f"{int(value[6:8])}.{int(value[4:6])}.{value[:4]}" if len(value) >= 8 and value[:8].isdigit() else value


def _days(byday: str) -> list[tuple[int | None, int]] | None:
    result = []
    for item in byday.split(","):
        m = _BYDAY.match(item)
        if not m:
            return None
        result.append((int(m[1]) if m[1] else None, WEEKDAY_CODES.index(m[2])))
    return result


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " ja " + words[-1]


def _short_ordinal(n: int) -> str:
    return f"{n}." if n > 0 else ORDINALS[n]


def describe(rule: str, short: bool = False) -> str:
    """The rule as a Finnish phrase, e.g. "Joka toinen viikko keskiviikkoisin, 6 kertaa".

    short: the compact form of upcoming lists, "joka kuun 1. tiistai" (lowercase, no count or end).
    """
    parts = _parts(rule)
    text = _phrase(parts, short)
    if text is None:
        return FALLBACK.lower() if short else FALLBACK
    if short:
        return text
    if parts.get("COUNT", "").isdigit():
        text += f", {int(parts['COUNT'])} kertaa"
    elif "UNTIL" in parts:
        text += f", {_until(parts['UNTIL'])} asti"
    return text[0].upper() + text[1:]


def _phrase(parts: dict[str, str], short: bool) -> str | None:
    """The repeating part of the phrase in lowercase; None for a rule too rare to put in words."""
    freq = parts.get("FREQ", "")
    if freq not in UNITS or set(parts) - {"FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL", "WKST"}:
        return None
    unit, adverb = UNITS[freq]
    interval = int(parts.get("INTERVAL", "1")) if parts.get("INTERVAL", "1").isdigit() else 1
    if interval > 1 and interval not in EVERY_NTH:
        return None
    days = _days(parts["BYDAY"]) if "BYDAY" in parts else []
    if days is None:
        return None
    every = f"{EVERY_NTH[interval]} {unit}" if interval > 1 else None
    if not days:
        return every or adverb
    if all(n is None for n, _ in days) and freq in ("WEEKLY", "DAILY"):
        habitual = _join([WEEKDAY_HABITUAL[d] for _, d in days])
        return f"{every} {habitual}" if every else habitual
    if freq == "MONTHLY" and all(n in ORDINALS for n, _ in days):
        lead = f"{EVERY_NTH[interval]} kuukausi" if interval > 1 else ("joka kuun" if short else "joka kuukauden")
        ordinal = _short_ordinal if short else ORDINALS.get
        names = _join([f"{ordinal(n)} {WEEKDAY_NAMES[d]}" for n, d in days])
        return f"{lead}: {names}" if interval > 1 else f"{lead} {names}"
    return None
