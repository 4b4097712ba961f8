"""Exceptions and per-date overrides of a recurring series.

`exceptions:` are dates the series skips by plan (a summer break; EXDATE in iCalendar);
`overrides:` change one occurrence: a new time or place, or `status: cancelled`
(a RECURRENCE-ID override in iCalendar). Both name the occurrence by its date in the rule.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from dateutil.rrule import rrulestr

from . import fields as F
from .errors import FieldError
from .timeutil import as_datetime

OCCURRENCE_STATUSES = ("scheduled", "cancelled", "postponed")
MAX_DATES = 400  # a series lists at most this many exceptions or overrides


def _day(value: object) -> date:
    parsed = F.date_or_datetime(value)
    if isinstance(parsed, datetime):
        raise FieldError("kirjoita pelkkä päivämäärä ilman kellonaikaa, esim. 2027-07-06")
    return parsed


def _indexed(index: int, message: str) -> FieldError:
    """An error that points at the list item's own line (`overrides.3`)."""
    error = FieldError(message)
    error.sub_field = str(index)  # type: ignore[attr-defined]
    return error


def exception_dates(value: object) -> list[date]:
    if not isinstance(value, list):
        value = [value]
    if len(value) > MAX_DATES:
        raise FieldError(f"enintään {MAX_DATES} päivää; rajaa sarja toistosäännön UNTIL-osalla")
    result = []
    for i, item in enumerate(value):
        try:
            day = _day(item)
        except FieldError as exc:
            raise _indexed(i, f"{i + 1}. päivä: {exc}") from None
        if day in result:
            raise _indexed(i, f"{day.day}.{day.month}.{day.year} on listassa kahdesti; poista toinen")
        result.append(day)
    return result


OVERRIDE_FIELDS = (
    F.Field("date", _day, F.SCHEMA_DATE, required=True, help="muutettavan kerran alkuperäinen päivä, esim. 2027-03-02"),
    F.Field("start", F.date_or_datetime, F.SCHEMA_DATE, help="uusi alkamisaika, esim. 2027-03-03 14:00"),
    F.Field("end", F.date_or_datetime, F.SCHEMA_DATE, help="uusi päättymisaika"),
    F.Field("place", F.slug, F.SCHEMA_ID, help="tämän kerran paikka (paikan tunniste)"),
    F.Field("status", F.choice(*OCCURRENCE_STATUSES), {"enum": list(OCCURRENCE_STATUSES)},
            help="cancelled = tämä kerta on peruttu"),
    F.Field("note", F.text, F.SCHEMA_TEXT, help="lyhyt selitys lukijoille, esim. Poikkeuksellisesti Kouvolassa"),
)
_parse_override = F.mapping(OVERRIDE_FIELDS)


def overrides(value: object) -> list[dict]:
    if not isinstance(value, list):
        raise FieldError("pitää olla lista, jokainen kerta omalla rivillään '- date: VVVV-KK-PP'")
    if len(value) > MAX_DATES:
        raise FieldError(f"enintään {MAX_DATES} muutosta")
    result, seen = [], set()
    for i, item in enumerate(value):
        try:
            parsed = _parse_override(item)
        except FieldError as exc:
            raise _indexed(i, f"{i + 1}. muutos: {exc}") from None
        if parsed["date"] in seen:
            raise _indexed(i, f"päivälle {parsed['date'].day}.{parsed['date'].month}.{parsed['date'].year} on kaksi "
                              "muutosta; yhdistä ne")
        if len(parsed) == 1:
            raise _indexed(i, f"{i + 1}. muutos ei muuta mitään; lisää start, end, place, status tai note")
        seen.add(parsed["date"])
        result.append(parsed)
    return result


def rule_days(start: date | datetime, rule: str, wanted: list[date]) -> set[date]:
    """Which of `wanted` are days of the series (scans only as far as the latest wanted day)."""
    if not wanted:
        return set()
    naive = as_datetime(start).replace(tzinfo=None)
    last = datetime.combine(max(wanted), datetime.max.time())
    return {d.date() for d in rrulestr(rule, dtstart=naive).between(naive, last, inc=True)} & set(wanted)


def series_mistakes(start: date | datetime, end: date | datetime | None, rule: str,
                    exceptions: list[date], changes: list[dict]) -> list[tuple[str, int | None, str]]:
    """(field, list index, message) for every exception or override that does not fit the series."""
    mistakes: list[tuple[str, int | None, str]] = []
    days = rule_days(start, rule, [*exceptions, *(c["date"] for c in changes)])

    def fmt(d: date) -> str:
        return f"{d.day}.{d.month}.{d.year}"

    for i, day in enumerate(exceptions):
        if day not in days:
            mistakes.append(("exceptions", i, f"{fmt(day)} ei ole sarjan päivä, joten sitä ei voi jättää pois; "
                             "katso sarjan päivät sivulta tai komennolla 'python -m muutostuki list events'"))
    timed = isinstance(start, datetime)
    for i, change in enumerate(changes):
        day = change["date"]
        if day not in days:
            mistakes.append(("overrides", i, f"{fmt(day)} ei ole sarjan päivä; date on sen kerran alkuperäinen päivä, "
                             "jota muutos koskee"))
        elif day in exceptions:
            mistakes.append(("overrides", i, f"{fmt(day)} on myös kohdassa exceptions; poista se toisesta"))
        for key in ("start", "end"):
            if key in change and isinstance(change[key], datetime) != timed:
                mistakes.append(("overrides", i, f"{key}: käytä samaa muotoa kuin sarjan start "
                                 + ("(VVVV-KK-PP HH:MM)" if timed else "(VVVV-KK-PP)")))
        if "start" in change and "end" in change and as_datetime(change["end"]) < as_datetime(change["start"]):
            mistakes.append(("overrides", i, "end on ennen starttia; korjaa end myöhemmäksi"))
        if "end" in change and "start" not in change and end is None:
            mistakes.append(("overrides", i, "sarjalla ei ole kestoa (end); anna tälle kerralle myös start"))
    return mistakes


def moved_times(start: date | datetime, duration: timedelta | None, change: dict,
                all_day: bool) -> tuple[date | datetime, date | datetime | None]:
    """The new start and end of an occurrence: what the override says, the series' duration otherwise."""
    new_start = change.get("start", start)
    if "end" in change:
        return new_start, change["end"]
    if duration is None:
        return new_start, None
    new_end = as_datetime(new_start) + duration
    return new_start, (new_end.date() if all_day else new_end)
