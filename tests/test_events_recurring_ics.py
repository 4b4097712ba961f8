"""The lists show a series once; the .ics must still hold every occurrence. Read back with a real
recurrence expander (recurring-ical-events over icalendar), compared with the month calendar's days."""
from __future__ import annotations

from datetime import date, datetime

import icalendar
import lxml.html
import pytest
import recurring_ical_events

from conftest import run_build, write_site
from event_files import event

FILES = {
    "events/kuukausitapaaminen.md": event("Kuukausitapaaminen", "2026-12-01 14:00", end="2026-12-01 15:00",
                                          recurrence="FREQ=MONTHLY;BYDAY=1TU", online="true"),
    "events/viikkopaja.md": event("Viikkopaja", "2027-01-13 17:00", end="2027-01-13 18:30",
                                  recurrence="FREQ=WEEKLY;BYDAY=WE;COUNT=6", regions="[etela-savo]"),
    "events/2027-03-24-kevatpaivat.md": event("Kevätpäivät", "2027-03-24", end="2027-03-25"),
    "events/2027-01-20-peruttu.md": event("Peruttu foorumi", "2027-01-20 12:00", status="cancelled"),
}
MONTHS = [(2026, 12)] + [(2027, m) for m in range(1, 13)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = run_build(write_site(tmp_path_factory.mktemp("recurring"), FILES))
    assert result.returncode == 0, result.output
    return result


def expanded(built, path: str) -> dict[str, list[date]]:
    calendar = icalendar.Calendar.from_ical(built.html(path))
    days: dict[str, list[date]] = {}
    for component in recurring_ical_events.of(calendar).between((2026, 11, 23), (2028, 1, 1)):
        start = component["DTSTART"].dt
        day = start.date() if isinstance(start, datetime) else start
        title = str(component["SUMMARY"]).removeprefix("PERUTTU: ")  # the .ics marks a cancellation in the title
        days.setdefault(title, []).append(day)
    return {k: sorted(v) for k, v in days.items()}


def calendar_days(built) -> dict[str, list[date]]:
    """Where each event starts in the month pages (a multi-day event is one item on its first day)."""
    days: dict[str, list[date]] = {}
    for y, m in MONTHS:
        tree = lxml.html.fromstring(built.html(f"tapahtumat/kalenteri/{y}/{m:02d}/"))
        for li in tree.xpath("//td[@data-date]//li[contains(@class, 'mt-cal__event')]"):
            title = li.xpath(".//a/text()")[-1].replace("\u00ad", "").strip()  # soft hyphens at syllables: invisible
            days.setdefault(title, []).append(date.fromisoformat(li.xpath("ancestor::td/@data-date")[0]))
    return days


def test_every_occurrence_is_in_the_ics_and_in_the_month_calendar(built):
    from_ics = expanded(built, "tapahtumat.ics")
    assert len(from_ics["Kuukausitapaaminen"]) == 13 and from_ics["Kuukausitapaaminen"][1] == date(2027, 1, 5)
    assert from_ics["Viikkopaja"] == [date(2027, 1, 13 + 7 * i) if i < 3 else date(2027, 2, 3 + 7 * (i - 3))
                                      for i in range(6)]
    assert from_ics["Kevätpäivät"] == [date(2027, 3, 24)]
    assert calendar_days(built) == from_ics  # the cancelled one too: shown (marked), not hidden
    listing = lxml.html.fromstring(built.html("tapahtumat/"))
    titles = [a.text_content().strip() for a in listing.xpath("//li[@data-mt-event]//h3/a")]
    assert sorted(titles) == sorted(from_ics)  # the list: each event once


def test_series_file_and_region_calendar_hold_the_whole_series(built):
    assert expanded(built, "tapahtumat/kuukausitapaaminen.ics") == {
        "Kuukausitapaaminen": expanded(built, "tapahtumat.ics")["Kuukausitapaaminen"]}
    region = expanded(built, "alueet/etela-savo/tapahtumat.ics")
    assert len(region["Viikkopaja"]) == 6
