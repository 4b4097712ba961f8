"""Editor-facing content errors: every mistake carries file, line and field."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .unsafe_text import FORBIDDEN

BODY_FIELD = "teksti"  # the Markdown body, for messages about the text itself
MAX_MESSAGE_CHARS = 1_500  # a message never grows with the input (values in it are cut, this is the last guard)


@dataclass(frozen=True, order=True)
class ContentError:
    """One mistake in one file, formatted as `path:line: field: message`."""

    path: str
    line: int
    field: str
    message: str
    severity: str = "error"  # "error" fails the build, "warning" does not

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class FieldError(ValueError):
    """Raised by a field parser; the caller adds path, line and field name."""


@dataclass
class ErrorList:
    """Collects every mistake of a run so editors see them all at once."""

    items: list[ContentError] = field(default_factory=list)

    def add(self, path: str, line: int, field_name: str, message: str, severity: str = "error") -> None:
        path, message = _printable(path), _printable(message)  # no terminal escapes from file names
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 1] + "…"
        self.items.append(ContentError(path, line, str(field_name)[:100], message, severity))

    @property
    def errors(self) -> list[ContentError]:
        return sorted(e for e in self.items if e.severity == "error")

    @property
    def warnings(self) -> list[ContentError]:
        return sorted(e for e in self.items if e.severity == "warning")

    def __bool__(self) -> bool:
        return bool(self.errors)


def _printable(text: str) -> str:
    return FORBIDDEN.sub("\ufffd", str(text))


def did_you_mean(value: str, known: list[str] | tuple[str, ...]) -> str:
    """A Finnish 'did you mean' hint for the closest known id, or ''."""
    if len(str(value)) > 100:  # difflib is quadratic: no hint for a value no one typed by hand
        return ""
    close = difflib.get_close_matches(str(value), list(known), n=1, cutoff=0.6)
    return f" Tarkoititko '{close[0]}'?" if close else ""
