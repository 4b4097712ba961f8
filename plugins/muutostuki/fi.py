"""Finnish dates and times as readers expect them: 4.12.2024, ke 25.8.2021 klo 13–15."""
from __future__ import annotations

from datetime import date, datetime

from .content.timeutil import HELSINKI

WEEKDAYS = ("ma", "ti", "ke", "to", "pe", "la", "su")
WEEKDAYS_LONG = ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai")
MONTHS = ("tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu",
          "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu")
# "4. joulukuuta 2024": the partitive used in long dates
MONTHS_PARTITIVE = tuple(m + "ta" for m in MONTHS)


def _local(value: date | datetime) -> date | datetime:
    return value.astimezone(HELSINKI) if isinstance(value, datetime) else value


def fi_date(value: date | datetime) -> str:
    """4.12.2024 (no leading zeros)."""
    d = _local(value)
    return f"{d.day}.{d.month}.{d.year}"


def fi_time(value: datetime) -> str:
    """13 for whole hours, 10.45 otherwise (Finnish uses a dot)."""
    t = _local(value)
    return f"{t.hour}" if t.minute == 0 else f"{t.hour}.{t.minute:02d}"


def fi_time_range(start: datetime, end: datetime) -> str:
    """klo 13–15, or klo 10.45–12.00 when either end has minutes."""
    s, e = _local(start), _local(end)
    if s.minute == 0 and e.minute == 0:
        return f"klo {s.hour}–{e.hour}"
    return f"klo {s.hour}.{s.minute:02d}–{e.hour}.{e.minute:02d}"


def fi_weekday(value: date | datetime) -> str:
    return WEEKDAYS[_local(value).weekday()]


def fi_month_year(value: date | datetime) -> str:
    d = _local(value)
    return f"{MONTHS[d.month - 1]} {d.year}"


def fi_datetime(value: datetime) -> str:
    """4.12.2024 klo 10.45"""
    return f"{fi_date(value)} klo {fi_time(value)}"


def fi_date_range(start: date, end: date) -> str:
    """26.–27.4.2023, 30.4.–2.5.2023, 30.12.2023–2.1.2024"""
    if start == end:
        return fi_date(start)
    if start.year != end.year:
        return f"{fi_date(start)}–{fi_date(end)}"
    if start.month != end.month:
        return f"{start.day}.{start.month}.–{fi_date(end)}"
    return f"{start.day}.–{fi_date(end)}"


def fi_when(start: date | datetime, end: date | datetime | None = None, precision: str = "day") -> str:
    """The time of an event as Finnish readers expect it."""
    if precision == "month":
        return fi_month_year(start).capitalize()
    s = _local(start)
    e = _local(end) if end is not None else None
    s_day = s.date() if isinstance(s, datetime) else s
    if e is None:
        if isinstance(s, datetime):
            return f"{fi_weekday(s)} {fi_date(s)} klo {fi_time(s)}"
        return f"{fi_weekday(s)} {fi_date(s)}"
    e_day = e.date() if isinstance(e, datetime) else e
    if isinstance(s, datetime) and isinstance(e, datetime):
        if s_day == e_day:
            return f"{fi_weekday(s)} {fi_date(s)} {fi_time_range(s, e)}"
        return f"{fi_weekday(s)} {fi_date(s)} klo {fi_time(s)} – {fi_weekday(e)} {fi_date(e)} klo {fi_time(e)}"
    if s_day == e_day:
        return f"{fi_weekday(s)} {fi_date(s)}"
    return fi_date_range(s_day, e_day)


def iso(value: date | datetime) -> str:
    """Machine-readable value for <time datetime>: 2021-08-25T13:00+03:00 or 2021-08-25."""
    v = _local(value)
    if isinstance(v, datetime):
        text = v.isoformat(timespec="minutes")
        return text
    return v.isoformat()
