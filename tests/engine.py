"""The engine the tests build with: MkDocs, or ProperDocs in its own venv (make test-fast ENGINE=properdocs).

In the ProperDocs venv only ProperDocs is installed; it answers to `import mkdocs` once
properdocs.replacement is imported, so the tests' own `mkdocs.*` imports reach it too.
MUUTOSTUKI_ENGINE=mkdocs|properdocs chooses explicitly.
"""
from __future__ import annotations

import importlib.util
import os
import sys

ENGINE = os.environ.get("MUUTOSTUKI_ENGINE") or ("mkdocs" if importlib.util.find_spec("mkdocs") else "properdocs")
if ENGINE == "properdocs":
    import properdocs.replacement  # noqa: F401


def engine_command(*args: str) -> list[str]:
    """`mkdocs build ...` or `properdocs build ...`, with this interpreter."""
    return [sys.executable, "-m", ENGINE, *args]
