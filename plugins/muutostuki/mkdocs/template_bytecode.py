"""Compiled templates kept in the build cache, so a warm build compiles none of the templates it renders.

Why: a one-edit build renders one post page, and compiling the 47 templates behind it (ours, Material's base
and partials) took 0.33 s at 1,000 posts on a slow machine, before the search index could start; loading
them from Jinja's bytecode takes 0.08 s.

How: Jinja's own bytecode cache protocol (jinja2.BytecodeCache). An entry is found by the template's name and
file (Jinja's bucket key) and the environment's settings that change what a template compiles to; Jinja
itself checks the entry's Python and Jinja bytecode version and the checksum of the template's source (after
theme_patches.py has edited it), and compiles afresh on any difference. The build cache verifies every
entry's bytes and is emptied when the code, the packages or the config change (build_cache.py). Every entry
is read when the build starts and so kept to the next even when this build renders none of its templates (a
build with nothing changed renders only the cached-page template): there is one per template file, 62 at
1,000 posts.
"""
from __future__ import annotations

import hashlib

from jinja2 import BytecodeCache

KIND = "jinja"


def settings_key(env) -> str:
    """What else changes a template's compiled code: the syntax, the extensions, autoescaping, the optimizer."""
    autoescape = env.autoescape
    settings = (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                env.keep_trailing_newline, env.optimized, env.is_async, sorted(env.extensions),
                getattr(autoescape, "__module__", ""), getattr(autoescape, "__qualname__", repr(autoescape)))
    return hashlib.sha1(repr(settings).encode("utf-8")).hexdigest()[:16]


class TemplateBytecode(BytecodeCache):
    """A Jinja bytecode cache over the build cache. Every stored entry of these settings is read at once, before
    parallel_render.py forks its worker: the worker loads templates from them too (it cannot use the parent's
    SQLite connection), and writes nothing (`store` None: the parent stores what it compiles itself)."""

    def __init__(self, store, env) -> None:
        self.store = store
        self._prefix = settings_key(env) + ":"
        self._stored = store.entries(KIND, self._prefix)

    def load_bytecode(self, bucket) -> None:
        data = self._stored.get(self._prefix + bucket.key)
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)  # Jinja resets the bucket if its versions or checksum differ
        except Exception:  # noqa: BLE001 - an entry Jinja cannot read is compiled again, never trusted
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        if self.store is not None:
            self.store.put(KIND, self._prefix + bucket.key, bucket.bytecode_to_string())


def install(env, store) -> None:
    """Before any template of this build is loaded (on_env)."""
    if store is not None:
        env.bytecode_cache = TemplateBytecode(store, env)


def leave_to_parent(env) -> None:
    """In a forked worker: the parent's SQLite connection is not the child's to use."""
    if isinstance(env.bytecode_cache, TemplateBytecode):
        env.bytecode_cache.store = None
