"""Europe/Helsinki wall-clock times, whatever the zone of the build machine."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from .bounds import FIRST_DATE, LAST_DATE
from .errors import FieldError
from .unsafe_text import shown

HELSINKI = ZoneInfo("Europe/Helsinki")

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$"
)

DATE_FORMS = "VVVV-KK-PP tai VVVV-KK-PP HH:MM (esim. 2021-08-25 13:00)"


def parse_date_or_datetime(value: object) -> date | datetime:
    """Parse `YYYY-MM-DD` (a date) or `YYYY-MM-DD HH:MM` (an aware Helsinki datetime), within
    FIRST_DATE..LAST_DATE: an event in 1900 would give the calendar a month page for every month since."""
    parsed = _parse_date_or_datetime(value)
    day = parsed.astimezone(HELSINKI).date() if isinstance(parsed, datetime) else parsed
    if not FIRST_DATE <= day <= LAST_DATE:
        raise FieldError(f"päivämäärän pitää olla vuosien {FIRST_DATE.year}–{LAST_DATE.year} välillä; "
                         f"tarkista vuosiluku (muoto {DATE_FORMS})")
    return parsed


def _parse_date_or_datetime(value: object) -> date | datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=HELSINKI)
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = _DATE_RE.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise FieldError(f"päivämäärää '{text}' ei ole olemassa; käytä muotoa {DATE_FORMS}") from None
    m = _DATETIME_RE.match(text)
    if not m:
        raise FieldError(f"'{shown(text)}' ei ole päivämäärä; käytä muotoa {DATE_FORMS}")
    try:
        naive = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
    except ValueError:
        raise FieldError(f"päivämäärää tai kellonaikaa '{text}' ei ole olemassa; käytä muotoa {DATE_FORMS}") from None
    if m[7]:
        offset = m[7]
        if offset == "Z":
            tz = timezone.utc
        else:
            sign = 1 if offset[0] == "+" else -1
            digits = offset[1:].replace(":", "")
            tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        return naive.replace(tzinfo=tz).astimezone(HELSINKI)
    aware = naive.replace(tzinfo=HELSINKI)
    # A wall-clock time skipped by the spring DST change does not exist in Helsinki.
    roundtrip = aware.astimezone(timezone.utc).astimezone(HELSINKI)
    if roundtrip.replace(tzinfo=None) != naive:
        raise FieldError(
            f"kellonaikaa '{text}' ei ole Suomessa olemassa (kesäaikaan siirtyminen); valitse toinen aika"
        )
    return aware


def parse_datetime(value: object) -> datetime:
    """Like parse_date_or_datetime, but a bare date means midnight in Helsinki."""
    parsed = parse_date_or_datetime(value)
    return as_datetime(parsed)


def as_datetime(value: date | datetime) -> datetime:
    """A date as the start of that day in Helsinki; an aware datetime unchanged."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(0, 0), tzinfo=HELSINKI)


def now_helsinki() -> datetime:
    return datetime.now(HELSINKI)
