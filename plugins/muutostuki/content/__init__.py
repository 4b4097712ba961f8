"""Content model: files -> validated Post, Event, Region and Author objects.

Plain Python on purpose (no MkDocs import): the model must outlive the site platform.
"""
