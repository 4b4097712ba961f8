"""Bounds of recurring series: how often, how many times and how long a rule may repeat.

A rule an editor writes is expanded at every build (listings, calendar, .ics), so an unbounded
one (`FREQ=SECONDLY`, or a daily rule that never matches a day and makes dateutil search until
the year 9999) would hang the build. Series repeat at most once a day (the time is the event's
start), at most MAX_SERIES_OCCURRENCES times and for at most MAX_SERIES_YEARS years.
"""
from __future__ import annotations

import calendar
import warnings
from datetime import MAXYEAR, date, datetime
from functools import lru_cache
from itertools import islice

from dateutil.rrule import rrulestr

from .bounds import MAX_RRULE_INTERVAL, MAX_SERIES_OCCURRENCES, MAX_SERIES_YEARS
from .errors import FieldError

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")


def check_rule_parts(parts: dict[str, str]) -> None:
    """Refuse what repeats more than daily or without bound; `parts` are the rule's KEY=VALUE pairs."""
    freq = parts.get("FREQ", "")
    if freq not in FREQUENCIES:
        raise FieldError(f"FREQ={freq[:20]} ei ole sallittu: sarja voi toistua enintään kerran päivässä "
                         f"({', '.join(FREQUENCIES)}); tee useammasta saman päivän tilaisuudesta omat tapahtumansa")
    for part in TIME_PARTS:
        if part in parts:
            raise FieldError(f"{part} ei ole sallittu: kellonaika tulee kentästä start, ja sarja toistuu enintään "
                             "kerran päivässä; poista se säännöstä")
    interval = parts.get("INTERVAL", "1")
    if not interval.isdigit() or not 1 <= int(interval) <= MAX_RRULE_INTERVAL:
        raise FieldError(f"INTERVAL pitää olla kokonaisluku 1–{MAX_RRULE_INTERVAL}, esim. INTERVAL=2 "
                         "(joka toinen kerta)")
    count = parts.get("COUNT")
    if count is not None and (not count.isdigit() or not 1 <= int(count) <= MAX_SERIES_OCCURRENCES):
        raise FieldError(f"COUNT pitää olla kokonaisluku 1–{MAX_SERIES_OCCURRENCES}")


def series_end(start: datetime) -> datetime:
    """The last moment a series starting at `start` (naive, local) may still have an occurrence."""
    return _shift(start, MAX_SERIES_YEARS)


def _shift(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February into a common year
        return moment.replace(year=moment.year + years, day=28)


@lru_cache(maxsize=256)
def _probe_year(year: int) -> int:
    """A year close to datetime.MAXYEAR whose calendar (weekdays, leap years) equals that of the
    series window from `year` on. dateutil looks for the next match of a rule until it finds one
    or passes the year 9999, whatever UNTIL says, so a rule that never matches a day (BYMONTH=2;
    BYMONTHDAY=30) would make it walk three million days; expanded near 9999 it walks a few
    thousand and gives the same dates, shifted."""
    span = MAX_SERIES_YEARS + 1  # the years of the window: start.year .. start.year + 10

    def signature(first: int) -> tuple:
        return tuple((date(first + j, 1, 1).weekday(), calendar.isleap(first + j)) for j in range(span))

    wanted = signature(year)
    for candidate in range(MAXYEAR - span, year, -1):
        if signature(candidate) == wanted:
            return candidate
    return year


@lru_cache(maxsize=4096)
def series_starts(rule_text: str, start: datetime) -> tuple[datetime, ...]:
    """Every start of the series (naive local) within its MAX_SERIES_YEARS window, at most
    MAX_SERIES_OCCURRENCES + 1 (one more tells that the rule has too many). Computed once per rule."""
    rule = rrulestr(rule_text, dtstart=start)
    limit = series_end(start)
    until = getattr(rule, "_until", None)
    until = limit if until is None or until > limit else until
    delta = _probe_year(start.year) - start.year
    with warnings.catch_warnings():  # COUNT and UNTIL together: both limits hold
        warnings.simplefilter("ignore")
        probe = rule.replace(dtstart=_shift(start, delta), until=_shift(until, delta))
    return tuple(_shift(moment, -delta) for moment in islice(probe, MAX_SERIES_OCCURRENCES + 1))


def series_problem(rule_text: str, start: date | datetime) -> str | None:
    """Why a valid-looking rule may still not be published, in Finnish, or None."""
    naive = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day)
    naive = naive.replace(tzinfo=None)
    until = getattr(rrulestr(rule_text, dtstart=naive), "_until", None)
    limit = series_end(naive)
    if until is not None and until > limit:
        return (f"sarja saa kestää enintään {MAX_SERIES_YEARS} vuotta; aseta UNTIL viimeistään "
                f"{limit:%Y%m%d} tai tee uusi sarja myöhemmin")
    if len(series_starts(rule_text, naive)) > MAX_SERIES_OCCURRENCES:
        return (f"sarjassa olisi yli {MAX_SERIES_OCCURRENCES} kertaa; harvenna sääntöä tai lisää COUNT tai UNTIL, "
                "esim. FREQ=WEEKLY;BYDAY=WE;COUNT=20")
    return None  # a rule without an end is shown for MAX_SERIES_YEARS years (the guide says so)
