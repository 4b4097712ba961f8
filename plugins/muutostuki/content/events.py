"""Events: events/<id>.md -> Event objects, with occurrences of recurring series."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from dateutil.rrule import rrulestr

from . import fields as F
from . import series
from .bounds import MAX_SLUG_CHARS
from .errors import ErrorList, FieldError, did_you_mean
from .frontmatter import SourceFile
from .organizers import Organizer
from .places import Place, place_from_inline
from .regions import region_id_list
from .series_bounds import check_rule_parts, series_problem, series_starts
from .slugs import is_slug, slugify
from .unsafe_text import shown
from .timeutil import HELSINKI, as_datetime

RESERVED_EVENT_IDS = ("index", "menneet", "kalenteri", "sivu", "alueet", "aiheet", "tilaa", "paikat", "jarjestajat")
STATUSES = ("scheduled", "cancelled", "postponed")
STATUS_LABELS = {"scheduled": "", "cancelled": "Peruttu", "postponed": "Siirretty"}
PRECISIONS = ("day", "month")

LOCATION_FIELDS = (
    F.Field("name", F.text, F.SCHEMA_TEXT, help="paikan nimi"),
    F.Field("address", F.text, F.SCHEMA_TEXT, help="katuosoite"),
    F.Field("city", F.text, F.SCHEMA_TEXT, help="kaupunki"),
)
ORGANIZER_FIELDS = (
    F.Field("name", F.text, F.SCHEMA_TEXT, required=True, help="järjestäjän nimi"),
    F.Field("url", F.http_url, F.SCHEMA_URL, help="järjestäjän verkkosivu"),
    F.Field("email", F.email, F.SCHEMA_EMAIL, help="järjestäjän sähköposti"),
    F.Field("phone", F.phone, F.SCHEMA_PHONE, help="järjestäjän puhelinnumero"),
)
MAX_ORGANIZERS = 10
# Languages an event may be held in: ISO 639 codes, with the Finnish names readers see
LANGUAGES = {"fi": "suomi", "sv": "ruotsi", "en": "englanti", "se": "pohjoissaame", "smn": "inarinsaame",
             "sms": "koltansaame", "fse": "suomalainen viittomakieli", "fss": "suomenruotsalainen viittomakieli",
             "ru": "venäjä", "et": "viro", "uk": "ukraina", "ar": "arabia", "so": "somali", "fa": "persia"}
# Accessibility services of the event itself (the place's own facts are in its file)
SERVICES = {"sign_language": "Viittomakielen tulkkaus", "captioning": "Kirjoitustulkkaus",
            "quiet_space": "Hiljainen tila", "plain_language": "Selkokieli",
            "induction_loop": "Siirrettävä induktiosilmukka"}
FREE_PRICES = ("maksuton", "ilmainen", "0", "0 €", "0 e")
_parse_inline_organizer = F.mapping(ORGANIZER_FIELDS, allow_text_as="name")


def _organizers(value: object) -> list[str | dict]:
    """Organisers by id (`soste`), inline (`name: ...` or a bare name), or a list of those."""
    items = value if isinstance(value, list) else [value]
    if not items:
        raise FieldError("lista on tyhjä; anna järjestäjän tunniste tai nimi, tai poista kenttä")
    if len(items) > MAX_ORGANIZERS:
        raise FieldError(f"enintään {MAX_ORGANIZERS} järjestäjää")
    result: list[str | dict] = []
    for i, item in enumerate(items):
        if isinstance(item, str) and is_slug(item.strip()):
            result.append(item.strip())
            continue
        try:
            result.append(_parse_inline_organizer(item))
        except FieldError as exc:
            if isinstance(value, list):
                error = FieldError(f"{i + 1}. järjestäjä: {exc}")
                error.sub_field = str(i)  # type: ignore[attr-defined]
                raise error from None
            raise
    return result


def _choices(options: dict[str, str], what: str):
    def parse(value: object) -> list[str]:
        items = F.text_list([value] if isinstance(value, str) else value)
        for item in items:
            if item not in options:
                raise FieldError(f"tuntematon {what} '{item}'; sallitut: "
                                 + ", ".join(f"{k} ({v})" for k, v in options.items()) + "."
                                 + did_you_mean(item, list(options)))
        if len(set(items)) != len(items):
            raise FieldError("sama arvo on listassa kahdesti; poista toinen")
        return items
    return parse


def _list_schema(options: dict[str, str]) -> dict:
    return {"type": "array", "items": {"type": "string", "enum": list(options)}}


_ORGANIZER_ITEM_SCHEMA = {"oneOf": [F.SCHEMA_TEXT, F.mapping_schema(ORGANIZER_FIELDS)]}
REGISTRATION_FIELDS = (
    F.Field("url", F.http_url, F.SCHEMA_URL, required=True, help="ilmoittautumislinkki"),
    F.Field("deadline", F.date_or_datetime, F.SCHEMA_DATE, help="ilmoittautumisen viimeinen päivä"),
)


def _online(value: object) -> bool | str:
    if isinstance(value, bool):
        return value
    return F.http_url(value)


_RRULE_EXAMPLE = "esim. FREQ=MONTHLY;BYDAY=1TU tai FREQ=WEEKLY;BYDAY=WE;COUNT=6"
_RRULE_CHARS = re.compile(r"^[A-Z0-9=;,+-]+$")


def _rrule(value: object) -> str:
    """An RFC 5545 RRULE value (without DTSTART: the event's start is the series start)."""
    rule = F.text(value).upper()
    if rule.startswith("RRULE:"):
        rule = rule[6:]
    if not _RRULE_CHARS.match(rule):
        raise FieldError(f"toistosäännössä saa olla vain kirjaimia, numeroita ja merkit = ; , + -; {_RRULE_EXAMPLE}")
    parts = dict(p.split("=", 1) if "=" in p else (p, "") for p in rule.split(";") if p)
    if "FREQ" not in parts:
        raise FieldError(f"'{shown(rule)}' ei ole toistosääntö: FREQ puuttuu; {_RRULE_EXAMPLE}")
    if "COUNT" in parts and "UNTIL" in parts:
        raise FieldError("käytä joko COUNT (kertojen määrä) tai UNTIL (viimeinen päivä), ei molempia")
    if parts.get("UNTIL", "").endswith("Z"):
        raise FieldError("kirjoita UNTIL Suomen aikana ilman Z-loppua, esim. UNTIL=20271231")
    try:
        rrulestr(rule, dtstart=datetime(2020, 1, 1))
    except (ValueError, TypeError) as exc:
        raise FieldError(f"toistosääntöä '{shown(rule)}' ei voi lukea ({shown(exc, 100)}); {_RRULE_EXAMPLE}") from None
    check_rule_parts(parts)
    if len(parts.get("UNTIL", "")) == 8:  # a bare date includes its whole day
        rule = rule.replace(f"UNTIL={parts['UNTIL']}", f"UNTIL={parts['UNTIL']}T235959")
    return rule


EVENT_FIELDS: tuple[F.Field, ...] = (
    F.Field("title", F.title, F.SCHEMA_TITLE, required=True, help="tapahtuman nimi"),
    F.Field("start", F.date_or_datetime, F.SCHEMA_DATE, required=True,
            help="alkaa: VVVV-KK-PP HH:MM tai koko päivän tapahtumalle VVVV-KK-PP"),
    F.Field("end", F.date_or_datetime, F.SCHEMA_DATE, help="päättyy: samassa muodossa kuin start"),
    F.Field("date_precision", F.choice(*PRECISIONS), {"enum": list(PRECISIONS)},
            help="month, jos tarkka päivä ei ole tiedossa (näytetään vain kuukausi)"),
    F.Field("place", F.slug, F.SCHEMA_ID, help="paikan tunniste kansiosta events/paikat/, esim. mikkelin-kaupungintalo"),
    F.Field("location", F.mapping(LOCATION_FIELDS), F.mapping_schema(LOCATION_FIELDS),
            help="paikka suoraan tapahtumassa (jos paikalla ei ole omaa tiedostoa)"),
    F.Field("online", _online, {"oneOf": [{"type": "boolean"}, F.SCHEMA_URL]},
            help="true tai osallistumislinkki https://..."),
    F.Field("regions", region_id_list, F.SCHEMA_ID_LIST, help="alueiden tunnisteet; tyhjä = valtakunnallinen"),
    F.Field("organizer", _organizers,
            {"oneOf": [*_ORGANIZER_ITEM_SCHEMA["oneOf"], {"type": "array", "items": _ORGANIZER_ITEM_SCHEMA,
                                                          "minItems": 1, "maxItems": MAX_ORGANIZERS}]},
            help="järjestäjä: tunniste kansiosta events/jarjestajat/ (esim. soste), nimi tai lista näistä"),
    F.Field("categories", F.category_list, F.SCHEMA_CATEGORY_LIST, help="aiheet"),
    F.Field("tags", F.label_list, F.SCHEMA_LABEL_LIST, help="avainsanat"),
    F.Field("registration", F.mapping(REGISTRATION_FIELDS, allow_text_as="url"),
            {"oneOf": [F.SCHEMA_URL, F.mapping_schema(REGISTRATION_FIELDS)]}, help="ilmoittautuminen"),
    F.Field("status", F.choice(*STATUSES), {"enum": list(STATUSES)},
            help="scheduled (oletus), cancelled (peruttu) tai postponed (siirretty)"),
    F.Field("recurrence", _rrule, F.SCHEMA_TEXT, help="toistuvuus RRULE-muodossa, esim. FREQ=MONTHLY;BYDAY=1TU"),
    F.Field("exceptions", series.exception_dates, {"type": "array", "items": F.SCHEMA_DATE, "maxItems": series.MAX_DATES},
            help="sarjan päivät, joina ei kokoonnuta (esim. kesätauko), muodossa VVVV-KK-PP"),
    F.Field("overrides", series.overrides, {"type": "array", "items": F.mapping_schema(series.OVERRIDE_FIELDS),
            "maxItems": series.MAX_DATES}, help="yksittäisen kerran muutokset: date ja uusi start, end, place, "
            "status tai note"),
    F.Field("price", F.text, F.SCHEMA_TEXT, help="hinta vapaasti kirjoitettuna, esim. 20 €, tai maksuton"),
    F.Field("languages", _choices(LANGUAGES, "kieli"), _list_schema(LANGUAGES),
            help="tapahtuman kielet, esim. [fi, sv]; oletus fi"),
    F.Field("services", _choices(SERVICES, "palvelu"), _list_schema(SERVICES),
            help="saavutettavuuspalvelut: " + ", ".join(SERVICES)),
    F.Field("summary", F.text, F.SCHEMA_TEXT, help="lyhyt kuvaus listauksiin ja kalentereihin"),
    F.Field("image", F.image_path, F.SCHEMA_IMAGE, help="kuva"),
    F.Field("image_alt", F.text, F.SCHEMA_TEXT, help="kuvan vaihtoehtoinen teksti"),
    F.Field("draft", F.boolean, {"type": "boolean"}, help="true = luonnos, ei julkaista"),
)


def next_month(day: date | datetime) -> date:
    """The first day of the month after `day`."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


@dataclass(frozen=True)
class Occurrence:
    """One appearance of an event in listings and the calendar."""

    event: "Event"
    start: date | datetime
    end: date | datetime | None
    original_start: date | datetime | None = None  # set when an override changed this occurrence
    change: dict | None = field(default=None, compare=False)  # the override, if any

    @property
    def status(self) -> str:
        """This occurrence's status: an override's, else the event's."""
        return (self.change or {}).get("status") or self.event.status

    @property
    def venue(self) -> "Place | None":
        return (self.change or {}).get("venue") or self.event.venue

    @property
    def note(self) -> str:
        return (self.change or {}).get("note", "")

    @property
    def is_moved(self) -> bool:
        return self.original_start is not None and (self.start != self.original_start or
                                                    "venue" in (self.change or {}))

    @property
    def start_dt(self) -> datetime:
        return as_datetime(self.start)

    @property
    def end_dt(self) -> datetime:
        """When the occurrence is over: end, else end of the start day (all-day) or start.

        An event known only to the month may happen any day of it: it is over when the month is.
        """
        if self.end is None and self.event.date_precision == "month":
            return as_datetime(next_month(self.start))
        if self.end is not None:
            if isinstance(self.end, datetime):
                return self.end
            return as_datetime(self.end + timedelta(days=1))
        if isinstance(self.start, datetime):
            return self.start
        return as_datetime(self.start + timedelta(days=1))


@dataclass
class Event:
    """A validated event (or a recurring series: one page, many occurrences)."""

    id: str
    path: str
    title: str
    start: date | datetime
    body: str
    body_line: int = 1
    end: date | datetime | None = None
    date_precision: str = "day"
    place: str = ""                                      # id of a place file, as written
    location: dict = field(default_factory=dict)         # inline, or filled from the place
    online: bool | str = False
    regions: list[str] = field(default_factory=list)
    organizer: dict = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    registration: dict = field(default_factory=dict)
    status: str = "scheduled"
    recurrence: str = ""
    summary: str = ""
    image: str = ""
    image_alt: str = ""
    draft: bool = False
    exceptions: list[date] = field(default_factory=list)
    overrides: list[dict] = field(default_factory=list)
    price: str = ""
    languages: list[str] = field(default_factory=lambda: ["fi"])
    services: list[str] = field(default_factory=list)
    organizer_refs: list = field(default_factory=list)   # ids and inline organisers, as written
    venue: Place | None = None                           # the place, resolved by the site
    organizers: list[Organizer] = field(default_factory=list)  # resolved by the site
    lines: dict[str, int] = field(default_factory=dict)
    html: str = ""  # filled by the renderer
    description: str = ""

    @property
    def url(self) -> str:
        return f"tapahtumat/{self.id}/"

    @property
    def ics_url(self) -> str:
        return f"tapahtumat/{self.id}.ics"

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def attendance(self) -> str:
        """'offline', 'online' or 'mixed' (hybrid), from location and online."""
        if self.online and self.location:
            return "mixed"
        return "online" if self.online else "offline"

    @property
    def online_url(self) -> str:
        return self.online if isinstance(self.online, str) else ""

    @property
    def category_slugs(self) -> list[str]:
        return [slugify(c) for c in self.categories]

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence)

    @property
    def is_free(self) -> bool:
        return self.price.strip().lower() in FREE_PRICES

    @property
    def language_names(self) -> list[str]:
        return [LANGUAGES[code] for code in self.languages]

    @property
    def service_names(self) -> list[str]:
        return [SERVICES[code] for code in self.services]

    @property
    def in_subscriptions(self) -> bool:
        """Whether calendars get an entry: not while only the month is known (no month-long blocks)."""
        return self.date_precision != "month"

    @property
    def duration(self) -> timedelta | None:
        if self.end is None:
            return None
        return as_datetime(self.end) - as_datetime(self.start)

    def export_rrule(self) -> str:
        """The rule as RFC 5545 wants it beside DTSTART: UNTIL in UTC (timed) or a DATE (all-day)."""
        parts = []
        for part in self.recurrence.split(";"):
            key, _, value = part.partition("=")
            if key == "UNTIL":
                local = datetime.strptime(value, "%Y%m%dT%H%M%S") if "T" in value else datetime.strptime(value, "%Y%m%d")
                value = (f"{local:%Y%m%d}" if self.all_day else
                         local.replace(tzinfo=HELSINKI).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ"))
            parts.append(f"{key}={value}")
        return ";".join(parts)

    def occurrences(self, until: datetime) -> list[Occurrence]:
        """Every occurrence starting no later than `until` (a series may have no end).

        Exceptions are left out; an override moves, re-places or cancels its occurrence.
        """
        if not self.recurrence:
            return [Occurrence(self, self.start, self.end)]
        limit = until.astimezone(HELSINKI).replace(tzinfo=None)
        duration = self.duration
        skipped = set(self.exceptions)
        changes = {c["date"]: c for c in self.overrides}
        result = []
        for occ_start in self._rule_starts(limit):
            day = occ_start if not isinstance(occ_start, datetime) else occ_start.date()
            if day in skipped:
                continue
            occ_end = None
            if duration is not None:
                end_dt = as_datetime(occ_start) + duration
                occ_end = end_dt if not self.all_day else (end_dt.date())
            change = changes.get(day)
            if change is None:
                result.append(Occurrence(self, occ_start, occ_end))
                continue
            new_start, new_end = series.moved_times(occ_start, duration, change, self.all_day)
            result.append(Occurrence(self, new_start, new_end, original_start=occ_start, change=change))
        return result

    def _rule_starts(self, limit: datetime) -> list[date | datetime]:
        """The rule's own starts up to `limit` (naive Helsinki time), exceptions and overrides ignored."""
        rule = series_starts(self.recurrence, as_datetime(self.start).replace(tzinfo=None))
        starts = []
        for naive in rule:
            if naive > limit:
                break
            starts.append(naive.replace(tzinfo=HELSINKI) if not self.all_day else naive.date())
        return starts

    def exception_starts(self) -> list[date | datetime]:
        """The original starts of the skipped dates (EXDATE values: DTSTART's time on each day)."""
        if isinstance(self.start, datetime):
            return [datetime.combine(d, self.start.timetz().replace(tzinfo=None), tzinfo=HELSINKI)
                    for d in self.exceptions]
        return list(self.exceptions)

    def override_occurrences(self) -> list[Occurrence]:
        """One Occurrence per override, whatever the horizon (RECURRENCE-ID entries in .ics)."""
        if not self.overrides:
            return []
        latest = max(c["date"] for c in self.overrides)
        limit = datetime.combine(latest, datetime.max.time())
        return [o for o in self.occurrences(limit.replace(tzinfo=HELSINKI)) if o.change is not None]

    def registration_open(self, now: datetime) -> bool:
        """Registration is shown until its deadline (end of that day) and never after the event."""
        if not self.registration or self.status in ("cancelled", "postponed"):
            return False
        deadline = self.registration.get("deadline")
        if deadline is not None:
            limit = deadline if isinstance(deadline, datetime) else as_datetime(deadline + timedelta(days=1))
            if now >= limit:
                return False
        if self.is_recurring:
            return any(o.start_dt > now for o in self.occurrences(now + timedelta(days=400)))
        return now < as_datetime(self.start)


def _first_in_series(start: date | datetime, rule: str) -> datetime | None:
    naive = as_datetime(start).replace(tzinfo=None)
    return next(iter(series_starts(rule, naive)), None)


def _starts_series(start: date | datetime, rule: str) -> bool:
    """RFC 5545 leaves a series undefined when DTSTART does not match its rule: insist it does."""
    return _first_in_series(start, rule) == as_datetime(start).replace(tzinfo=None)


def _series_start_message(start: date | datetime, rule: str) -> str:
    first = _first_in_series(start, rule)
    hint = (f" Ensimmäinen säännön mukainen päivä on {first.day}.{first.month}.{first.year}."
            if first is not None else " Sääntö ei tuota yhtään kertaa.")
    return ("start ei ole toistosäännön mukainen päivä; siirrä start sarjan ensimmäiseen kertaan "
            f"tai korjaa sääntö.{hint}")


def build_event(source: SourceFile, errors: ErrorList) -> Event | None:
    """Validate one event file; region and post references are checked by the site."""
    event_id = Path(source.path).stem
    ok = True
    if len(event_id) > MAX_SLUG_CHARS:
        errors.add(source.path, 1, "tiedosto", f"tiedostonimi on liian pitkä ({len(event_id)} merkkiä, enintään "
                   f"{MAX_SLUG_CHARS}); lyhennä sitä, sillä se on tapahtuman osoite")
        ok = False
    elif not is_slug(event_id):
        errors.add(source.path, 1, "tiedosto", f"tiedostonimi '{event_id}' ei kelpaa tapahtuman tunnisteeksi; "
                   "käytä pieniä kirjaimia a-z, numeroita ja viivoja, esim. 2021-08-25-webinaari.md")
        ok = False
    elif event_id in RESERVED_EVENT_IDS:
        errors.add(source.path, 1, "tiedosto", f"tiedostonimi '{event_id}' on varattu sivuston omaan käyttöön; "
                   "valitse toinen nimi")
        ok = False
    clean = F.validate_fields(source, EVENT_FIELDS, errors, "tapahtumalle")
    start, end = clean.get("start"), clean.get("end")
    if start is not None and end is not None:
        if isinstance(start, datetime) != isinstance(end, datetime):
            errors.add(source.path, source.line("end"), "end",
                       "käytä samaa muotoa kuin start: joko molemmissa kellonaika (VVVV-KK-PP HH:MM) tai ei kummassakaan")
            ok = False
        elif end < start:
            errors.add(source.path, source.line("end"), "end",
                       f"tapahtuma päättyy ennen kuin se alkaa; korjaa end myöhemmäksi kuin start")
            ok = False
    deadline = clean.get("registration", {}).get("deadline")
    if start is not None and deadline is not None and as_datetime(deadline) > as_datetime(start) and not clean.get("recurrence"):
        errors.add(source.path, source.line("registration.deadline") if "registration.deadline" in source.lines
                   else source.line("registration"), "registration",
                   "ilmoittautumisen määräaika on tapahtuman alun jälkeen; aikaista deadline")
        ok = False
    if start is not None and clean.get("date_precision") == "month" and isinstance(start, datetime):
        errors.add(source.path, source.line("start"), "start",
                   "kun date_precision on month, start on pelkkä päivämäärä ilman kellonaikaa, esim. 2023-04-01")
        ok = False
    if start is not None and clean.get("recurrence") and not _starts_series(start, clean["recurrence"]):
        errors.add(source.path, source.line("recurrence"), "recurrence", _series_start_message(start, clean["recurrence"]))
        ok = False
    elif start is not None and clean.get("recurrence") and (problem := series_problem(clean["recurrence"], start)):
        errors.add(source.path, source.line("recurrence"), "recurrence", problem)
        ok = False
    if "place" in clean and "location" in clean:
        errors.add(source.path, source.line("location"), "location",
                   "anna paikka joko tunnisteella (place) tai kenttinä (location), ei molempia")
    if (clean.get("exceptions") or clean.get("overrides")) and not clean.get("recurrence"):
        key = "exceptions" if "exceptions" in clean else "overrides"
        errors.add(source.path, source.line(key), key, f"{key} koskee vain toistuvaa tapahtumaa; lisää recurrence "
                   "tai poista kenttä")
    elif start is not None and clean.get("recurrence") and ok and _starts_series(start, clean["recurrence"]):
        for key, index, message in series.series_mistakes(start, end, clean["recurrence"],
                                                          clean.get("exceptions", []), clean.get("overrides", [])):
            errors.add(source.path, source.lines.get(f"{key}.{index}", source.line(key)), key, message)
    if clean.get("date_precision") == "month" and clean.get("recurrence"):
        errors.add(source.path, source.line("date_precision"), "date_precision",
                   "toistuvalla tapahtumalla on aina tarkat päivät; poista date_precision tai recurrence")
        ok = False
    if "image" in clean and "image_alt" not in clean:
        errors.add(source.path, source.line("image"), "image_alt",
                   "kuvalta puuttuu vaihtoehtoinen teksti; lisää 'image_alt: ...'")
    if not ok or "title" not in clean or start is None:
        return None
    refs = clean.pop("organizer", [])
    event = Event(id=event_id, path=source.path, body=source.body, body_line=source.body_line,
                  lines=source.lines, organizer_refs=refs, **clean)
    if event.location:
        event.venue = place_from_inline(event.location)
    event.organizers = [Organizer(id="", **ref) for ref in refs if isinstance(ref, dict)]
    if event.organizers:
        event.organizer = event.organizers[0].as_dict
    return event
