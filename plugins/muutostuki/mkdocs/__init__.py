"""Thin adapters over the content model and page generators, for MkDocs 1.6 or ProperDocs (engine.py).

Where only ProperDocs is installed, `import mkdocs` works once properdocs.replacement is imported:
the `properdocs` command does that itself; for our CLI, scripts and tests it is done here.
"""
import importlib.util

if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs") is not None:
    import properdocs.replacement  # noqa: F401
