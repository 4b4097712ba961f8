"""A child process forked from the build, for the two-core parts (parallel_markdown.py, parallel_render.py,
parallel_sources.py, parallel_outputs.py).

Why one place: the child must never run the parent's clean-up (atexit, open files, the build cache's
connection), must not print into the build's output, and must report through a pipe only.
"""
from __future__ import annotations

import importlib
import json
import logging
import os
import struct
import threading
from typing import BinaryIO, Callable, Iterator

from .engine import NAME as ENGINE

RECORD = struct.Struct(">II")  # a record's head and data lengths: every child's messages are framed so


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


def later_share(items: list[tuple[object, int]], share: float) -> list:
    """The items at the end of the list holding about `share` of the sizes: the child's (the parent
    works from the start, so the two meet about when both are done)."""
    sizes = [size for _, size in items]
    target, total, start = sum(sizes) * share, 0, len(items)
    while start > 0 and total < target:
        start -= 1
        total += sizes[start]
    return [item for item, _ in items[start:]]


def frame(head: bytes, data: bytes) -> bytes:
    """One record as a child writes it to its pipe."""
    return RECORD.pack(len(head), len(data)) + head + data


def records(fd: int) -> Iterator[tuple[bytes, bytes]]:
    """In the parent: the child's records (head, data) until its pipe closes or a record is cut short."""
    with os.fdopen(fd, "rb") as pipe:
        while True:
            lengths = pipe.read(RECORD.size)
            if len(lengths) < RECORD.size:
                return
            head_len, data_len = RECORD.unpack(lengths)
            head, data = pipe.read(head_len), pipe.read(data_len)
            if len(head) < head_len or len(data) < data_len:
                return
            yield head, data


def stop(pid: int) -> None:
    """Reap the child; one that is still running (stuck, or no longer needed) is killed first."""
    try:
        os.kill(pid, 9)  # finished already (then nothing happens), or stuck
    except OSError:
        pass
    try:
        os.waitpid(pid, 0)
    except OSError:
        pass


def sender(pipe: BinaryIO) -> Callable[[dict, bytes], None]:
    """In the child: send(meta, data) writes one record (meta as JSON), from any of its threads."""
    lock = threading.Lock()

    def send(meta: dict, data: bytes) -> None:
        encoded = json.dumps(meta, ensure_ascii=False).encode("utf-8", "surrogatepass")
        with lock:
            pipe.write(frame(encoded, data))
    return send


class _Forward(logging.Handler):
    """Every record the child logs, for the parent to log again."""

    def __init__(self, send) -> None:
        super().__init__(level=logging.DEBUG)
        self._send = send

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._send({"log": [record.name, record.levelno, record.getMessage()]}, b"")
        except Exception:  # noqa: BLE001 - a record that cannot be sent is lost, not the work
            pass


def replay_logs(records) -> None:
    """In the parent: the child's forwarded records ([name, level, message]) logged as if logged here."""
    for name, level, message in records:
        logging.getLogger(name).log(level, message)


def forward_logs(send) -> None:
    """In the child: every record goes to the parent (as {"log": [name, level, message]}), none to the terminal."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(_Forward(send))
    for name in (ENGINE, "mkdocs", "properdocs"):
        engine_log = logging.getLogger(name)
        for handler in list(engine_log.handlers):
            engine_log.removeHandler(handler)
        engine_log.propagate = True


def send_result(pipe: BinaryIO, name: str, data: bytes) -> None:
    """In the child: one result, for the parent's Results.take(name)."""
    pipe.write(frame(name.encode("utf-8", "surrogatepass"), data))
    pipe.flush()


class Results:
    """The parent's end of a child's results by name, filled by a reader thread while the parent works."""

    def __init__(self, assigned: set[str], read_fd: int, pid: int, wait_s: float) -> None:
        self.assigned = assigned
        self._fd = read_fd
        self._pid = pid
        self._wait_s = wait_s
        self._results: dict[str, bytes] = {}
        self._done = False
        self._ready = threading.Condition()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            for name, data in records(self._fd):
                with self._ready:
                    self._results[name.decode("utf-8", "surrogatepass")] = data
                    self._ready.notify_all()
        finally:
            with self._ready:
                self._done = True
                self._ready.notify_all()

    def take(self, name: str) -> bytes | None:
        """The child's result of this name; None if it is not the child's or never came. After one wait
        in vain the child counts as stuck: what it has not sent yet is done by the parent, without waiting."""
        if name not in self.assigned:
            return None
        with self._ready:
            if not self._done and not self._ready.wait_for(lambda: name in self._results or self._done,
                                                           timeout=self._wait_s):
                self._done = True  # given up: close() stops the child
            return self._results.pop(name, None)

    def close(self) -> None:
        """Reap the child (it has finished once the parent took its last result, or it is stopped)."""
        stop(self._pid)
        self._thread.join(timeout=5)
