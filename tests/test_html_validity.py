"""HTML validity: the Nu HTML Checker (vnu.jar, from the npm package vnu-jar, on the machine's Java) over a
sample of built pages, one of every kind. Errors fail; the theme's accepted ones are in vnu-exceptions.txt."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from example_site import KINDS, ROOT

pytestmark = pytest.mark.vnu
VNU_JAR = Path(os.environ.get("MUUTOSTUKI_VNU_JAR", ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar"))
EXCEPTIONS = Path(__file__).with_name("vnu-exceptions.txt")
EXTRA = ["404.html", "saavutettavuusseloste/", "tietoa/", "blogi/aiheet/", "alueet/", "tapahtumat/menneet/",
         "blogi/sivu/2/", "haku/", "seuraa/", "blogi/kirjoittajat/", "blogi/avainsanat/", "tapahtumat/paikat/",
         "tapahtumat/jarjestajat/", "tapahtumat/paikat/mikkelin-kaupungintalo/", "tapahtumat/jarjestajat/soste/",
         "tapahtumat/sote-verkoston-kuukausitapaaminen/kerrat/", "blogi/kirjoittajat/muutostuki/"]
MISSING = ("\n\n*** HTML-TARKISTIN PUUTTUU / HTML CHECKER MISSING ***\n{what}\n"
           "Asenna / install: npm install --prefix .tools vnu-jar@26.9.27 (and Java: apt-get install -y "
           "default-jre-headless); `make test` does both (tools/test-deps). To skip on purpose: MUUTOSTUKI_SKIP_VNU=1.\n")


def load_exceptions() -> list[tuple[str, str, str]]:
    rows = []
    for line in EXCEPTIONS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            message, extract, reason = (part.strip() for part in line.split("||"))
            assert reason, f"vnu exception without a reason: {line}"
            rows.append((message, extract, reason))
    return rows


def sample(site) -> list[Path]:
    import re

    urls = site.pages()
    chosen = [next((u for u in urls if re.match(pattern, u)), None) for pattern in KINDS.values()]
    chosen += [u for u in EXTRA if u in urls]
    return [site.file(u) for u in dict.fromkeys(u for u in chosen if u is not None)]


def test_pages_are_valid_html(example_site):
    java = shutil.which("java")
    if not (java and VNU_JAR.exists()):
        if os.environ.get("MUUTOSTUKI_SKIP_VNU") == "1":
            pytest.skip("MUUTOSTUKI_SKIP_VNU=1: HTML validation skipped on purpose")
        pytest.fail(MISSING.format(what=f"java: {java or 'puuttuu / missing'}, vnu.jar: {VNU_JAR}"), pytrace=False)
    files = sample(example_site)
    assert len(files) >= 5, files
    proc = subprocess.run([java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
                          capture_output=True, text=True, timeout=600)
    messages = json.loads(proc.stderr or proc.stdout)["messages"]
    exceptions = load_exceptions()
    used = set()
    errors = []
    for m in messages:
        if m["type"] != "error" and m.get("subType") != "fatal":
            continue
        waived = next((i for i, (msg, extract, _) in enumerate(exceptions)
                       if msg in m["message"] and extract in m.get("extract", "")), None)
        if waived is None:
            where = m.get("url", "").split(str(example_site.site))[-1]
            errors.append(f"{where}:{m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()[:200]}")
        else:
            used.add(waived)
    assert not errors, f"{len(errors)} HTML errors in {len(files)} pages:\n" + "\n".join(errors[:40])
    stale = [exceptions[i][0] for i in range(len(exceptions)) if i not in used]
    assert not stale, f"vnu-exceptions.txt lists errors that no longer occur; remove them: {stale}"
