"""Which engine runs the plugins: MkDocs 1.6 or ProperDocs, its continuation.

ProperDocs answers to `import mkdocs` (its modules are then named `properdocs.*`), so our code
imports `mkdocs.*` and never spells an engine's logger or module name: it asks this module.
"""
from __future__ import annotations

import logging

from mkdocs.plugins import BasePlugin

NAME = BasePlugin.__module__.partition(".")[0]  # "mkdocs" or "properdocs"
PACKAGE_LOG = "muutostuki"  # every module of ours logs under this name (logging.getLogger(__name__))


def engine_logger(suffix: str = "") -> logging.Logger:
    """The engine's own logger `<engine>.<suffix>` (e.g. "structure.pages"), or its top logger."""
    return logging.getLogger(f"{NAME}.{suffix}" if suffix else NAME)


def attach_package_log() -> logging.Logger:
    """Our modules' log records go where the engine's plugins log (its handler, its strict mode).

    ProperDocs links its legacy `mkdocs` logger the same way (by `parent`).
    """
    package = logging.getLogger(PACKAGE_LOG)
    package.parent = engine_logger("plugins")
    return package
