"""A child process forked from the build, for the two-core parts (parallel_markdown.py, parallel_render.py).

Why one place: the child must never run the parent's clean-up (atexit, open files, the build cache's
connection), must not print into the build's output, and must report through a pipe only.
"""
from __future__ import annotations

import importlib
import os
from typing import BinaryIO, Callable

from .engine import NAME as ENGINE


def engine_step(name: str):
    """One of the engine's own build steps (MkDocs 1.6 or ProperDocs: `_populate_page`, `_build_page`), or None."""
    return getattr(importlib.import_module(f"{ENGINE}.commands.build"), name, None)


def fork(work: Callable[[BinaryIO], None]) -> tuple[int, int]:
    """Run `work(pipe)` in a child; the parent gets (pid, the pipe's reading end)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        code = 0
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            with os.fdopen(write_fd, "wb") as pipe:
                work(pipe)
        except BaseException:  # noqa: BLE001 - the parent does whatever did not arrive
            code = 1
        os._exit(code)
    os.close(write_fd)
    return pid, read_fd
