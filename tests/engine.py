"""The engine the tests build with: MkDocs, or ProperDocs in its own venv (make test-fast ENGINE=properdocs).

In the ProperDocs venv only ProperDocs is installed; it answers to `import mkdocs` once
properdocs.replacement is imported (plugins/muutostuki/mkdocs/__init__.py), so the tests' own
`mkdocs.*` imports reach it too. MUUTOSTUKI_ENGINE names the engine the Makefile chose.
"""
from __future__ import annotations

import os
import sys

from muutostuki.mkdocs.engine import NAME  # importing muutostuki.mkdocs makes `import mkdocs` reach ProperDocs

ENGINE = os.environ.get("MUUTOSTUKI_ENGINE") or NAME


def engine_command(*args: str) -> list[str]:
    """`mkdocs build ...` or `properdocs build ...`, with this interpreter."""
    return [sys.executable, "-m", ENGINE, *args]
