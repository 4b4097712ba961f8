"""The one definition of an upcoming event (content/upcoming.py): what is upcoming, what is counted,
how a series collapses into one entry, and that every page states the same numbers."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import lxml.html
import pytest

from muutostuki.content.events import Event
from muutostuki.content.site import ContentPaths, load_site
from muutostuki.content.timeutil import HELSINKI
from muutostuki.content.upcoming import by_region, count, is_counted, is_upcoming, upcoming_events
from muutostuki.pages.fi_recurrence import describe

from conftest import run_build, write_site
from event_files import event

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=HELSINKI)


def ev(event_id: str, start, end=None, **fields) -> Event:
    return Event(id=event_id, path=f"events/{event_id}.md", title=event_id, start=start, body="", end=end, **fields)


def at(day: int, hour: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=HELSINKI)


def test_upcoming_until_it_is_over():
    running = ev("kaynnissa", at(23, 10), at(23, 14)).occurrences(NOW)[0]
    ended = ev("paattynyt", at(23, 9), at(23, 12)).occurrences(NOW)[0]  # ends at the build time exactly
    today_all_day = ev("koko-paiva", date(2026, 11, 23)).occurrences(NOW)[0]
    yesterday = ev("eilen", date(2026, 11, 22)).occurrences(NOW)[0]
    month_only = ev("marraskuussa", date(2026, 11, 1), date_precision="month").occurrences(NOW)[0]
    assert is_upcoming(running, NOW) and is_upcoming(today_all_day, NOW) and is_upcoming(month_only, NOW)
    assert not is_upcoming(ended, NOW) and not is_upcoming(yesterday, NOW)


def test_cancelled_is_not_counted_postponed_is():
    assert not is_counted(ev("peruttu", at(30, 10), status="cancelled"))
    assert is_counted(ev("siirretty", at(30, 10), status="postponed")) and is_counted(ev("normaali", at(30, 10)))


def test_a_series_is_one_entry_with_all_its_upcoming_occurrences():
    series = ev("sarja", at(3, 14, month=11), at(3, 15, month=11), recurrence="FREQ=MONTHLY;BYDAY=1TU")
    single = ev("webinaari", at(9, 13, month=12), regions=["etela-savo"])
    cancelled = ev("peruttu", at(1, 10, month=12), status="cancelled", regions=["kainuu"])
    horizon = NOW + timedelta(days=400)
    occurrences = sorted([o for e in (series, single, cancelled) for o in e.occurrences(horizon)],
                         key=lambda o: (o.start_dt, o.event.id))
    upcoming = [o for o in occurrences if is_upcoming(o, NOW)]
    entries = upcoming_events(upcoming)
    assert [e.event.id for e in entries] == ["peruttu", "sarja", "webinaari"]  # by next occurrence
    meeting = entries[1]
    assert meeting.next.start == at(1, 14, month=12)  # 3.11. is past: the next one is the first Tuesday of December
    assert len(meeting.occurrences) == len([o for o in upcoming if o.event is series]) == 13
    assert meeting.occurrences[0] is meeting.next
    assert count(entries) == 2  # the cancelled one is listed, not counted
    own, national = by_region(entries, ["etela-savo", "kainuu", "lappi"])
    assert [e.event.id for e in national] == ["sarja"]
    assert [e.event.id for e in own["etela-savo"]] == ["webinaari"] and own["lappi"] == []
    assert count(own["kainuu"]) == 0 and len(own["kainuu"]) == 1


@pytest.mark.parametrize("rule, short", [
    ("FREQ=MONTHLY;BYDAY=1TU", "joka kuun 1. tiistai"),
    ("FREQ=MONTHLY;BYDAY=-1FR", "joka kuun viimeinen perjantai"),
    ("FREQ=WEEKLY;BYDAY=WE;COUNT=6", "keskiviikkoisin"),
    ("FREQ=MONTHLY;BYMONTHDAY=15", "toistuva tapahtuma"),
])
def test_short_recurrence_text_of_lists(rule, short):
    assert describe(rule, short=True) == short
    assert describe(rule)[0].isupper()  # the long form of the event page is unchanged


FILES = {
    "events/kuukausitapaaminen.md": event("Kuukausitapaaminen", "2026-12-01 14:00", end="2026-12-01 15:00",
                                          recurrence="FREQ=MONTHLY;BYDAY=1TU", online="true"),
    "events/2026-12-09-webinaari.md": event("Webinaari", "2026-12-09 13:00", online="true"),
    "events/2027-02-10-seminaari.md": event("Etelä-Savon seminaari", "2027-02-10 09:00", regions="[etela-savo]"),
    "events/2027-01-20-peruttu.md": event("Peruttu foorumi", "2027-01-20 12:00", status="cancelled",
                                          regions="[etela-savo]"),
    "events/2025-05-05-mennyt.md": event("Mennyt", "2025-05-05 10:00", regions="[etela-savo]"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("upcoming"), FILES)
    result = run_build(root)
    assert result.returncode == 0, result.output
    return result


def page_text(built, url: str) -> str:
    return " ".join(lxml.html.fromstring(built.html(url)).text_content().split())


def test_every_page_states_the_same_counts(built):
    """Etelä-Savo: 1 own upcoming (the cancelled one is listed, not counted), 2 national (a series is one)."""
    assert page_text(built, "tapahtumat/").count("3 tulevaa tapahtumaa ja 1 peruttu.") == 1
    regions = lxml.html.fromstring(built.html("tapahtumat/alueet/"))
    item = [li for li in regions.xpath("//ul[@class='mt-event-region-list']/li") if "Etelä-Savo" in li.text_content()][0]
    assert "1 tuleva alueellinen tapahtuma" in item.text_content()
    assert "(2 tulevaa)" in page_text(built, "tapahtumat/alueet/")
    assert "Etelä-Savossa 1 tuleva tapahtuma, lisäksi 2 valtakunnallista" in page_text(built, "tapahtumat/alueet/etela-savo/")
    overview = lxml.html.fromstring(built.html("alueet/"))
    cell = overview.xpath("//td/a[contains(@aria-label, 'Etelä-Savo:')]")[0]
    assert cell.text_content().strip() == "1" and cell.get("aria-label").endswith("1 tuleva tapahtuma")
    assert "Valtakunnallisia tulevia tapahtumia on 2" in page_text(built, "alueet/")


def test_series_page_and_lists_agree_on_the_dates(built, tmp_path):
    site = load_site(ContentPaths(root=built.root), NOW)
    entry = [e for e in site.upcoming_events if e.event.id == "kuukausitapaaminen"][0]
    tree = lxml.html.fromstring(built.html("tapahtumat/kuukausitapaaminen/"))
    dates = [" ".join(li.text_content().split()) for li in tree.xpath("//ul[@class='mt-occurrences']/li")]
    assert len(dates) == len(entry.occurrences) == 13
    listing = lxml.html.fromstring(built.html("tapahtumat/"))
    item = listing.xpath("//li[@data-mt-event][.//a[normalize-space()='Kuukausitapaaminen']]")
    assert len(item) == 1 and dates[0] in " ".join(item[0].text_content().split())
    in_calendar = []
    for y, m in [(2026, 12)] + [(2027, n) for n in range(1, 13)]:
        month = lxml.html.fromstring(built.html(f"tapahtumat/kalenteri/{y}/{m:02d}/"))
        in_calendar += [td.get("data-date") for td in month.xpath(
            # a calendar cell's title carries soft hyphens at its syllables (pages/fi_syllables.py): invisible
            "//td[.//li[contains(@class, 'mt-cal__event')]//a[contains(translate(., '\u00ad', ''), 'Kuukausitapaaminen')]]")]
    assert len(in_calendar) == 13  # every occurrence is still in the month calendar, one a month
    assert in_calendar[0] == "2026-12-01" and in_calendar[1] == "2027-01-05"
