"""`mkdocs serve` never hangs on a mistake: the last good site stays served and every page shows the mistakes.

Why: the engine's live-reload server holds every request until a rebuild succeeds, so one saved mistake
made the whole preview hang (until the file was fixed) and the message was only in the terminal. Here,
as Hugo's server does, a failed rebuild counts as done for the server: it keeps serving what is on disk
(content mistakes stop the build in `on_config`, before anything is cleaned or written, so that is the
last good site) and reloads the browsers, and every HTML page it serves carries a banner with the
mistakes in the usual `path:line: field: message` form, until a rebuild succeeds and reloads them again.

Only the server's public parts are used: its `builder` attribute (what its build loop calls on every
change) and the WSGI application (`get_app` / `set_app`).
"""
from __future__ import annotations

import html
import logging
import re
import traceback
from typing import Callable, Iterable

from mkdocs.exceptions import MkDocsException

from .engine import engine_logger

log = logging.getLogger(__name__)

MAX_LINES = 50          # a banner, not the whole log: the terminal has the rest
MAX_LINE_CHARS = 600
_EDITOR_ERROR = re.compile(r"^(\S+:\d+:) ")   # path:line: field: message
_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


class _ErrorRecords(logging.Handler):
    """Collects the error lines logged during one build (ours and the engine's)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(record.getMessage())
        except Exception:  # a broken log call must not break the preview
            self.handleError(record)


def _count_phrase(count: int) -> str:
    return f"{count} virhe" if count == 1 else f"{count} virhettä"


def _item(line: str) -> str:
    """One mistake: the file and line in code type (what the editor opens), the rest as text."""
    line = line[:MAX_LINE_CHARS]
    m = _EDITOR_ERROR.match(line)
    if not m:
        return html.escape(line)
    return (f'<code style="background:none;color:inherit;font-size:.95em;padding:0">{html.escape(m.group(1))}</code> '
            + html.escape(line[m.end():]))


def banner(lines: list[str]) -> bytes:
    """The alert at the top of every served page: what failed, what to do, each mistake on its line."""
    count = sum(1 for line in lines if _EDITOR_ERROR.match(line))
    what = f"sisällössä on {_count_phrase(count)}" if count else "koostaminen epäonnistui"
    items = "".join(f'<li style="margin:.25em 0;overflow-wrap:anywhere">{_item(line)}</li>'
                    for line in lines[:MAX_LINES])
    more = len(lines) - MAX_LINES
    if more > 0:
        items += f"<li>… ja {more} riviä lisää: katso pääte, jossa esikatselu on käynnissä</li>"
    return (
        '<div id="mt-preview-errors" role="alert" style="position:relative;z-index:10;margin:0;'
        'padding:.8em 1em;background:#fdecea;color:#5f0b0b;border-bottom:4px solid #b3261e;'
        'font:0.85rem/1.45 system-ui,sans-serif">'
        f'<p style="margin:0 0 .4em"><strong>Esikatselu ei päivittynyt: {what}.</strong> '
        "Näet viimeisimmän onnistuneen version. Korjaa alla luetellut kohdat ja tallenna: "
        "sivu päivittyy itsestään.</p>"
        f'<ul style="margin:0;padding-left:1.2em">{items}</ul></div>'
    ).encode("utf-8")


class PreviewErrors:
    """The mistakes of the last failed preview build ([] after a good one), shown on every served page."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def install(self, server) -> None:
        """Wrap the server's builder and its WSGI application (from `on_serve`)."""
        server.builder = self.guard(server.builder)
        server.set_app(self.middleware(server.get_app()))

    # -- the build ------------------------------------------------------------------------
    def guard(self, builder: Callable[..., None]) -> Callable[..., None]:
        def build(*args, **kwargs) -> None:
            records = _ErrorRecords()
            engine_log = engine_logger()
            engine_log.addHandler(records)
            try:
                builder(*args, **kwargs)
            except Exception as exc:
                if not isinstance(exc, MkDocsException):  # not a reported mistake: a bug, show where
                    traceback.print_exc()
                self.lines = self._error_lines(records.lines, exc)
                count = sum(1 for line in self.lines if _EDITOR_ERROR.match(line))
                log.error("esikatselu: koostaminen epäonnistui%s. Selain näyttää viimeisimmän onnistuneen "
                          "version ja virheet sivun yläreunassa; korjaa ja tallenna, niin sivu päivittyy.",
                          f" ({_count_phrase(count)})" if count else "")
            else:
                self.lines = []
            finally:
                engine_log.removeHandler(records)
        return build

    @staticmethod
    def _error_lines(logged: list[str], exc: Exception) -> list[str]:
        lines = list(dict.fromkeys(line.strip() for line in logged if line.strip()))
        # the build error's own summary ("korjaa yllä luetellut kohdat") when the mistakes are listed
        summary = str(exc.__context__ or exc).strip()
        if any(_EDITOR_ERROR.match(line) for line in lines) and summary in lines:
            lines.remove(summary)
        if isinstance(exc, MkDocsException):
            return lines or [str(exc).strip() or type(exc).__name__]
        if not any(type(exc).__name__ in line for line in lines):  # a bug: name it as the traceback does
            lines.append(f"{type(exc).__name__}: {exc}")
        return lines

    # -- the server -----------------------------------------------------------------------
    def middleware(self, app: Callable) -> Callable:
        """The server's WSGI app, with the banner put at the top of every HTML page while there are errors."""
        def serve(environ, start_response) -> Iterable[bytes]:
            started: list = []

            def remember(status, headers, exc_info=None):
                started[:] = [status, headers, exc_info]
                return lambda data: None  # the engine's server never uses write()

            result = app(environ, remember)  # may wait for a rebuild to finish: read the errors after it
            lines = self.lines
            status, headers, exc_info = started
            content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
            if not lines or not content_type.startswith("text/html"):
                start_response(status, headers, exc_info)
                return result
            try:
                body = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
            m = _BODY.search(body)
            at = m.end() if m else 0
            body = body[:at] + banner(lines) + body[at:]
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers.append(("Content-Length", str(len(body))))
            start_response(status, headers, exc_info)
            return [body]
        return serve
