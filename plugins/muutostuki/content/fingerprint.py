"""Stable text for any value of the content model, for cache keys (mkdocs/preview_pages.py, feeds).

Why: a cached result may be reused only if everything it was made from is the same. Describing the
values themselves (not their files) also covers what the model derives from them.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import inspect
from datetime import date, datetime

from .events import Event, Occurrence
from .posts import Post
from .regions import Region

SCALARS = {bool, int, float, type(None), date, datetime}
INLINE = SCALARS | {str}
CHEAP = {list, tuple, dict, type(lambda: None)}  # short ones are described again rather than remembered


class Fingerprinter:
    """Stable text for values; content objects by their id (their data is in the site's hash).

    Posts share sub-objects (authors, lists of ids), so each object is described once per build
    (memo by identity: the objects live as long as the build); a short list, mapping or function is
    cheaper to describe again than to remember (at 3,000 posts the memo held 139,000 entries, 40 MB). Objects that point back at an object
    being described (a calendar month and its neighbours) meet it as a reference by type and address.
    A description cut at the depth limit is never remembered: met again higher up, it is walked in full.
    """

    MAX_DEPTH = 60

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, str]] = {}  # holds the object: its id stays unique
        self._open: set[int] = set()  # objects being described (a cycle meets them again)
        self._cut = 0  # descriptions cut at MAX_DEPTH so far

    def __call__(self, value, depth: int = 0) -> str:
        kind = type(value)
        if kind is str:
            return repr(value) if len(value) <= 200 else "sha1:" + hashlib.sha1(
                value.encode("utf-8", "surrogatepass")).hexdigest()
        if kind in SCALARS:
            return repr(value)
        if isinstance(value, str) and len(value) > 200:
            return "sha1:" + hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()
        if value is None or isinstance(value, (bool, int, float, str, date, datetime)):
            return repr(value)
        known = self._memo.get(id(value))
        if known is not None:
            return known[1]
        if id(value) in self._open:
            return f"<{kind.__name__}:{getattr(value, 'url', '')}>"
        if depth > self.MAX_DEPTH:
            self._cut += 1
            return "\0…"
        cut = self._cut
        self._open.add(id(value))
        text = self._describe(value, kind, depth + 1)
        self._open.discard(id(value))
        if len(text) > 256:  # a long description stands for itself by its hash (the text around it stays short)
            text = "#" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
        if self._cut == cut and (len(text) > 64 or kind not in CHEAP):
            self._memo[id(value)] = (value, text)
        return text

    def _describe(self, value, kind: type, depth: int) -> str:
        fp = self.__call__
        # short strings and scalars are written in place (most values are): no call for each of them
        if kind is dict or isinstance(value, dict):
            return "{" + ",".join(sorted([
                f"{repr(k) if type(k) is str and len(k) <= 200 else fp(k, depth)}:"
                f"{repr(v) if type(v) in INLINE and (type(v) is not str or len(v) <= 200) else fp(v, depth)}"
                for k, v in value.items()])) + "}"
        if kind is list or kind is tuple or isinstance(value, (list, tuple)):
            return "[" + ",".join([repr(v) if type(v) in INLINE and (type(v) is not str or len(v) <= 200)
                                   else fp(v, depth) for v in value]) + "]"
        if isinstance(value, Post):
            return f"post:{value.path}"
        if isinstance(value, Event):
            return f"event:{value.id}"
        if isinstance(value, Region):
            return f"region:{value.id}"
        if isinstance(value, Occurrence):
            return f"occ:{value.event.id}:{value.start!r}:{value.end!r}"
        if isinstance(value, (set, frozenset)):
            return "{" + ",".join(sorted(fp(v, depth) for v in value)) + "}"
        if inspect.isroutine(value) or isinstance(value, functools.partial):
            return f"fn:{getattr(value, '__qualname__', kind.__name__)}"
        if hasattr(value, "__dict__"):
            return kind.__name__ + fp(vars(value), depth)
        if dataclasses.is_dataclass(value):
            return kind.__name__ + fp({f.name: getattr(value, f.name) for f in dataclasses.fields(value)}, depth)
        return f"{kind.__name__}:{value!r}"  # an address in a repr only makes the page miss


def fingerprint(value) -> str:
    return Fingerprinter()(value)


