"""libical (Debian's libical3, the C library behind Evolution and others) as a second .ics reader.

Reached through ctypes, so no Python binding is needed; `errors(...)` parses a calendar, runs
libical's RFC 5545/5546 restriction check and returns its X-LIC-ERROR lines.
"""
from __future__ import annotations

import ctypes
import re

import pytest


def _library():
    try:
        lib = ctypes.CDLL("libical.so.3")
    except OSError:
        pytest.skip("libical3 is not installed (apt-get install libical3)")
    lib.icalparser_parse_string.restype = ctypes.c_void_p
    lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    lib.icalcomponent_as_ical_string.restype = ctypes.c_char_p
    lib.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
    lib.icalrestriction_check.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_free.argtypes = [ctypes.c_void_p]
    return lib


def errors(ics: bytes) -> list[str]:
    lib = _library()
    component = lib.icalparser_parse_string(ics)
    assert component, "libical could not parse the calendar at all"
    try:
        lib.icalrestriction_check(component)
        text = lib.icalcomponent_as_ical_string(component).decode("utf-8")
    finally:
        lib.icalcomponent_free(component)
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    return [line for line in unfolded.splitlines() if line.startswith("X-LIC-ERROR")]
