"""Thin MkDocs adapters over the content model and page generators."""
