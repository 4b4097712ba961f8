"""`list events` and `list drafts`: plain-text tables in Finnish, dates as Finnish readers write them."""
from __future__ import annotations

from datetime import datetime

from .. import fi
from ..content.events import STATUS_LABELS, Occurrence
from ..content.posts import Post
from ..content.site import Site
from ..content.timeutil import as_datetime

NATIONAL = "valtakunnallinen"
MAX_TITLE = 60


def table(headers: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell, a dashed rule under the header."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _short(text: str) -> str:
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rstrip() + "…"


def _regions(site: Site, region_ids: list[str]) -> str:
    names = [site.regions[r].short_name for r in region_ids if r in site.regions]
    return ", ".join(names) if names else NATIONAL


def _when_post(post: Post) -> str:
    local = post.date
    return fi.fi_datetime(local) if (local.hour, local.minute) != (0, 0) else fi.fi_date(local)


def events_table(site: Site, which: str) -> str:
    """which: "upcoming", "past" or "all"; the site must be loaded with preview=True to show drafts."""
    chosen: list[Occurrence] = {"upcoming": site.upcoming, "past": site.past, "all": site.occurrences}[which]
    if not chosen:
        return {"upcoming": "Ei tulevia tapahtumia.", "past": "Ei menneitä tapahtumia.",
                "all": "Ei tapahtumia."}[which]
    rows = []
    for occ in chosen:
        event = occ.event
        state = ["Luonnos"] if event.draft else []
        if STATUS_LABELS.get(event.status):
            state.append(STATUS_LABELS[event.status])
        rows.append([fi.fi_when(occ.start, occ.end, event.date_precision), _short(event.title),
                     _regions(site, event.regions), ", ".join(state) or "-", event.path])
    return table(["Aika", "Tapahtuma", "Alueet", "Tila", "Tiedosto"], rows)


def drafts_table(site: Site, now: datetime) -> str:
    """Draft and scheduled posts, and draft events: everything the public site does not show yet."""
    rows: list[tuple[datetime, list[str]]] = []
    for post in site.all_posts:
        if post.draft:
            state = "Luonnos"
        elif post.is_scheduled(now):
            state = "Ajastettu"
        else:
            continue
        rows.append((post.date, [state, "kirjoitus", _when_post(post), _short(post.title), post.path]))
    for event in site.all_events:
        if event.draft:
            shown = fi.fi_when(event.start, event.end, event.date_precision)
            rows.append((as_datetime(event.start), ["Luonnos", "tapahtuma", shown, _short(event.title), event.path]))
    if not rows:
        return "Ei luonnoksia eikä ajastettuja kirjoituksia."
    rows.sort(key=lambda r: r[0])
    return table(["Tila", "Laji", "Päivä", "Otsikko", "Tiedosto"], [r for _, r in rows])
