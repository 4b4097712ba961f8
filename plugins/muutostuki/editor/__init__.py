"""Editors' tools behind `python -m muutostuki`: create, check and list content.

They read the same content model as the build (`content/`), so a mistake is reported with the
same words by `check` and by `mkdocs build`, but they never build the site.
"""
