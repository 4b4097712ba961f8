"""Every RSS and Atom feed of the example site passes the W3C Feed Validator's own engine (offline copy in
../shared/tools/validate-feed), with no errors and no warnings."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from example_site import ROOT


def find_validator() -> Path:
    """`shared/` sits beside the checkout (CI) or beside a folder of worktrees: the nearest one upwards.
    MUUTOSTUKI_FEED_VALIDATOR names it outright."""
    if os.environ.get("MUUTOSTUKI_FEED_VALIDATOR"):
        return Path(os.environ["MUUTOSTUKI_FEED_VALIDATOR"])
    for folder in ROOT.parents:
        candidate = folder / "shared" / "tools" / "validate-feed"
        if candidate.exists():
            return candidate
    return ROOT.parent / "shared" / "tools" / "validate-feed"


VALIDATOR = find_validator()
SITE_URL = "https://muutostuki.example.fi/"


def test_every_feed_passes_the_w3c_validator(example_site):
    if not VALIDATOR.exists():
        pytest.fail(f"W3C-syötetarkistin puuttuu / the W3C feed validator is missing: {VALIDATOR} "
                    "(../shared/tools/ beside the checkout)", pytrace=False)
    feeds = sorted(p for p in example_site.site.rglob("*.xml") if p.name in {"feed.xml", "atom.xml"})
    assert len(feeds) >= 4, feeds
    proc = subprocess.run([sys.executable, str(VALIDATOR), "--strict", "--base", SITE_URL,
                           "--root", str(example_site.site), *map(str, feeds)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("\nOK  ") + proc.stdout.startswith("OK  ") == len(feeds), proc.stdout
