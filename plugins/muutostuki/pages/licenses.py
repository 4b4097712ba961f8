"""Human-readable names and links for the licences editors write as SPDX ids."""
from __future__ import annotations

import re

_CC = re.compile(r"^CC[- ]?(?P<parts>(?:BY|NC|ND|SA)(?:[- ](?:BY|NC|ND|SA))*)(?:[- ](?P<version>\d\.\d))?$", re.IGNORECASE)
_ORDER = ("BY", "NC", "ND", "SA")


def license_label_and_url(value: str) -> tuple[str, str]:
    """`CC-BY-NC-SA-4.0` (or `CC BY-SA-NC`) -> ('CC BY-NC-SA 4.0', 'https://creativecommons.org/licenses/by-nc-sa/4.0/').

    Unknown licences are shown as written, without a link.
    """
    m = _CC.match(value.strip())
    if not m:
        return value, ""
    parts = {p.upper() for p in re.split(r"[- ]", m.group("parts"))}
    ordered = [p for p in _ORDER if p in parts]
    version = m.group("version") or "4.0"
    label = f"CC {'-'.join(ordered)} {version}"
    url = f"https://creativecommons.org/licenses/{'-'.join(p.lower() for p in ordered)}/{version}/"
    return label, url
