"""iCalendar output of real builds, read back with the icalendar library."""
from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from event_files import HOSTILE, event
from conftest import run_build, write_site
from muutostuki.feeds.fallback_time import UNKNOWN_CHANGE
from muutostuki.feeds.ics_sequence import parse_history, parse_sequences
from muutostuki.feeds.ics_timezone import helsinki_vtimezone

HELSINKI = ZoneInfo("Europe/Helsinki")
UTC = timezone.utc
HOSTILE_ICS = HOSTILE + "\\kenoviiva"  # a backslash must be escaped too


FILES = {
    "events/2026-03-28-ennen.md": event("Ennen kesäaikaa", "2026-03-28 10:00", end="2026-03-28 12:00"),
    "events/2026-03-29-kesaaika.md": event("Kesäajan ensimmäinen päivä", "2026-03-29 10:00", end="2026-03-29 12:00"),
    "events/2026-10-25-talviaika.md": event("Talviajan ensimmäinen päivä", "2026-10-25 10:00", end="2026-10-25 12:00",
                                           regions="[etela-savo]"),
    "events/2025-06-01-vanha.md": event("Yli vuoden vanha", "2025-06-01 10:00"),
    "events/2026-12-09-webinaari.md": event(
        "Webinaari", "2026-12-09 13:00", end="2026-12-09 15:00", online="https://meet.example.fi/w",
        registration="https://ilmo.example.fi/w",
        body="Ensimmäinen **kappale** ja [linkki](https://x.example.fi/).\n\n- yksi\n- kaksi"),
    "events/kuukausitapaaminen.md": event("Kuukausitapaaminen", "2026-12-01 14:00", end="2026-12-01 15:30",
                                          recurrence="FREQ=MONTHLY;BYDAY=1TU", online="true"),
    "events/viikkosarja.md": event("Viikkosarja", "2026-12-02 10:00", recurrence="FREQ=WEEKLY;UNTIL=20270113"),
    "events/2027-03-24-kevatpaivat.md": event("Kevätpäivät", "2027-03-24", end="2027-03-25", regions="[pirkanmaa]",
                                              location="\n  name: Tampere-talo\n  city: Tampere"),
    "events/2027-01-20-peruttu.md": event("Peruttu foorumi", "2027-01-20 12:00", status="cancelled",
                                          regions="[kainuu]"),
    "events/2027-04-15-siirretty.md": event("Siirretty päivä", "2027-04-15 10:00", status="postponed"),
    "events/2027-05-kuukausi.md": event("Toukokuun tapaaminen", "2027-05-01", date_precision="month"),
    "events/2027-02-10-vaarallinen.md": event(
        HOSTILE_ICS, "2027-02-10 09:00", end="2027-02-10 15:00", regions="[etela-savo]",
        location='\n  name: "Sali, 1; \\"iso\\""\n  city: Mikkeli',
        body="Rivi yksi <b>lihava</b> & muuta.\n\nToinen kappale; pilkku, ja \"lainaus\"."),
}
BUILD_TIME = "2026-11-23 12:00"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("ics"), FILES, build_time=BUILD_TIME)
    result = run_build(root)
    assert result.returncode == 0, result.output
    return result


def calendar(result, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((result.site / path).read_bytes())


def vevents(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def test_rfc5545_lines_crlf_and_folding(built):
    raw = (built.site / "tapahtumat.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long descriptions are folded
    cal = calendar(built, "tapahtumat.ics")
    assert str(cal["VERSION"]) == "2.0"
    assert "METHOD" not in cal  # a published snapshot, not an iTIP message (see feeds/ics.py)
    assert str(cal["X-WR-CALNAME"]) == str(cal["NAME"]) == "Järjestöjen sote-muutostuki: tapahtumat"
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in raw and b"X-PUBLISHED-TTL:PT12H\r\n" in raw
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Helsinki"]


def test_vtimezone_matches_zoneinfo_for_decades():
    tz = icalendar.Timezone.from_ical(helsinki_vtimezone().to_ical()).to_tz()
    moment = datetime(2000, 1, 1, tzinfo=UTC)
    while moment.year < 2060:
        local = moment.astimezone(HELSINKI)
        assert local.replace(tzinfo=tz).utcoffset() == local.utcoffset(), local
        moment += timedelta(hours=13)
    for spring, autumn in ((2026, 3, 29), (2026, 10, 25)), ((2041, 3, 31), (2041, 10, 27)):
        assert datetime(*spring, 2, 59).replace(tzinfo=tz).utcoffset() == timedelta(hours=2)
        assert datetime(*spring, 4, 1).replace(tzinfo=tz).utcoffset() == timedelta(hours=3)
        assert datetime(*autumn, 2, 59).replace(tzinfo=tz).utcoffset() == timedelta(hours=3)
        assert datetime(*autumn, 4, 1).replace(tzinfo=tz).utcoffset() == timedelta(hours=2)


def test_times_in_helsinki_across_the_dst_change(built):
    events = vevents(calendar(built, "tapahtumat.ics"))
    expected = {"2026-03-28-ennen": (8, 10), "2026-03-29-kesaaika": (7, 9), "2026-10-25-talviaika": (8, 10)}
    for uid, (start_utc, end_utc) in expected.items():
        start, end = events[uid]["DTSTART"].dt, events[uid]["DTEND"].dt
        assert str(start.tzinfo) == "Europe/Helsinki" and start.hour == 10
        assert start.astimezone(UTC).hour == start_utc and end.astimezone(UTC).hour == end_utc
    raw = (built.site / "tapahtumat.ics").read_bytes().decode("utf-8")
    assert "DTSTART;TZID=Europe/Helsinki:20260329T100000\r\n" in raw


def test_all_day_multi_day_month_precision_and_statuses(built):
    events = vevents(calendar(built, "tapahtumat.ics"))
    days = events["2027-03-24-kevatpaivat"]
    assert days["DTSTART"].dt == date(2027, 3, 24) and days["DTEND"].dt == date(2027, 3, 26)  # exclusive end
    assert days["DTSTART"].params.get("VALUE") == "DATE"
    assert str(days["LOCATION"]) == "Tampere-talo, Tampere"
    # known only to the month: no month-long block in subscribers' calendars, no file of its own
    assert "2027-05-kuukausi" not in events
    assert not built.exists("tapahtumat/2027-05-kuukausi.ics")
    assert str(events["2027-01-20-peruttu"]["STATUS"]) == "CANCELLED"
    assert str(events["2027-01-20-peruttu"]["SUMMARY"]) == "PERUTTU: Peruttu foorumi"
    assert str(events["2027-04-15-siirretty"]["STATUS"]) == "TENTATIVE"
    assert str(events["2026-12-09-webinaari"]["STATUS"]) == "CONFIRMED"


def test_recurring_series_as_rrule(built):
    events = vevents(calendar(built, "tapahtumat.ics"))
    series = events["kuukausitapaaminen"]
    assert series["RRULE"].to_ical() == b"FREQ=MONTHLY;BYDAY=1TU"
    start = series["DTSTART"].dt
    rule = rrulestr(series["RRULE"].to_ical().decode(), dtstart=start.replace(tzinfo=None))
    firsts = [d.replace(tzinfo=HELSINKI) for d in rule[:5]]
    assert [d.date() for d in firsts] == [date(2026, 12, 1), date(2027, 1, 5), date(2027, 2, 2), date(2027, 3, 2),
                                          date(2027, 4, 6)]
    assert [d.utcoffset().seconds // 3600 for d in firsts] == [2, 2, 2, 2, 3]
    weekly = events["viikkosarja"]
    assert weekly["RRULE"]["UNTIL"] == [datetime(2027, 1, 13, 21, 59, 59, tzinfo=UTC)]  # 23:59:59 EET, in UTC
    assert "RRULE" not in events["2026-12-09-webinaari"]


def test_description_location_and_url_are_plain_text(built):
    events = vevents(calendar(built, "tapahtumat.ics"))
    webinar = events["2026-12-09-webinaari"]
    description = str(webinar["DESCRIPTION"])
    assert "Osallistu etänä: https://meet.example.fi/w" in description
    assert "Ilmoittautuminen: https://ilmo.example.fi/w" in description
    assert "Ensimmäinen kappale ja linkki.\n\n- yksi\n- kaksi" in description
    assert "<" not in description and "**" not in description
    assert str(webinar["URL"]) == "https://testi.example.fi/tapahtumat/2026-12-09-webinaari/"
    assert str(webinar["LOCATION"]) == "Verkossa"


def test_hostile_strings_escaped_in_ics(built):
    raw = (built.site / "tapahtumat" / "2027-02-10-vaarallinen.ics").read_bytes().decode("utf-8")
    unfolded = raw.replace("\r\n ", "")
    assert "SUMMARY:Tom & Jerry <script>alert(\"x\")</script>\\, 'lainaus'\\; puoli\\\\kenoviiva\r\n" in unfolded
    assert 'LOCATION:Sali\\, 1\\; "iso"\\, Mikkeli\r\n' in unfolded
    hostile = vevents(icalendar.Calendar.from_ical(raw))["2027-02-10-vaarallinen"]
    assert str(hostile["SUMMARY"]) == HOSTILE_ICS
    assert str(hostile["LOCATION"]) == 'Sali, 1; "iso", Mikkeli'
    description = str(hostile["DESCRIPTION"])
    assert "Rivi yksi lihava & muuta.\n\nToinen kappale; pilkku, ja \"lainaus\"." in description


def test_uids_window_regions_and_single_event_files(built):
    everything = vevents(calendar(built, "tapahtumat.ics"))
    assert "2025-06-01-vanha" not in everything and "2026-03-28-ennen" in everything  # one year back
    assert all(str(e["UID"]) == f"{uid}@testi.example.fi" for uid, e in everything.items())
    # not a git checkout: no change time is known, and the build time is never used (fallback_time.py)
    assert all(e["DTSTAMP"].dt == UNKNOWN_CHANGE for e in everything.values())
    region = vevents(calendar(built, "alueet/etela-savo/tapahtumat.ics"))
    assert {"2026-10-25-talviaika", "2027-02-10-vaarallinen", "kuukausitapaaminen", "2026-12-09-webinaari"} <= set(region)
    assert "2027-03-24-kevatpaivat" not in region and "2027-01-20-peruttu" not in region
    assert str(calendar(built, "alueet/etela-savo/tapahtumat.ics")["X-WR-CALNAME"]).endswith("– Etelä-Savo")
    assert (built.site / "alueet" / "lappi" / "tapahtumat.ics").exists()  # every region, even without events
    old = calendar(built, "tapahtumat/2025-06-01-vanha.ics")
    assert list(vevents(old)) == ["2025-06-01-vanha"] and "X-WR-CALNAME" not in old


def test_uid_stable_across_builds_and_title_edits(tmp_path):
    files = {"events/2026-12-09-webinaari.md": event("Webinaari", "2026-12-09 13:00")}
    first = run_build(write_site(tmp_path, files, build_time="2026-11-23 12:00"))
    before = vevents(calendar(first, "tapahtumat.ics"))["2026-12-09-webinaari"]
    files = {"events/2026-12-09-webinaari.md": event("Uusi otsikko", "2026-12-09 14:00")}
    second = run_build(write_site(tmp_path, files, build_time="2026-11-24 08:00"))
    after = vevents(calendar(second, "tapahtumat.ics"))["2026-12-09-webinaari"]
    assert str(before["UID"]) == str(after["UID"]) == "2026-12-09-webinaari@testi.example.fi"
    assert str(after["SUMMARY"]) == "Uusi otsikko" and after["DTSTART"].dt.hour == 14
    assert after["DTSTAMP"].dt == before["DTSTAMP"].dt == UNKNOWN_CHANGE  # not the build time
    assert int(after["SEQUENCE"]) == 0  # not a git repository: no history to count


def test_dtstamp_is_the_last_commit_of_the_event_or_its_place(tmp_path):
    """A daily rebuild rewrites no calendar: DTSTAMP is when the event's files last changed in git."""
    webinar, other = "events/2026-12-09-webinaari.md", "events/muu.md"
    root = write_site(tmp_path, {webinar: event("Webinaari", "2026-12-09 13:00"),
                                 other: event("Muu", "2026-12-10 10:00")})
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first", date="2026-10-01T08:00:00Z")
    (root / webinar).write_text(event("Webinaari", "2026-12-09 13:00", body="Uusi kuvaus."), encoding="utf-8")
    git(root, "commit", "-q", "-am", "body", date="2026-11-02T09:30:00Z")
    (root / "events" / "uusi.md").write_text(event("Uusi, ei vielä gitissä", "2026-12-11 10:00"), encoding="utf-8")
    stamps = []
    for build_time in ("2026-11-23 12:00", "2026-11-24 12:00"):
        result = run_build(write_site(root, {}, build_time=build_time))
        assert result.returncode == 0, result.output
        stamps.append({uid: e["DTSTAMP"].dt for uid, e in vevents(calendar(result, "tapahtumat.ics")).items()})
    assert stamps[0] == stamps[1]
    assert stamps[0]["2026-12-09-webinaari"] == datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    assert stamps[0]["muu"] == datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    assert stamps[0]["uusi"] == UNKNOWN_CHANGE  # not committed: deterministic, not the build time


def test_dtstamp_outside_git_follows_source_date_epoch(tmp_path):
    root = write_site(tmp_path, {"events/x.md": event("X", "2026-12-09 13:00")})
    result = run_build(root, env={"SOURCE_DATE_EPOCH": "1764547200"})
    assert result.returncode == 0, result.output
    assert vevents(calendar(result, "tapahtumat.ics"))["x"]["DTSTAMP"].dt == datetime(2025, 12, 1, tzinfo=UTC)


def test_history_parser_keeps_each_files_last_commit_time():
    log = ("\x00commit a 1000\n\ndiff --git a/events/x.md b/events/x.md\nnew file mode 100644\n+start: 2026-12-09\n"
           "diff --git a/events/paikat/sali.md b/events/paikat/sali.md\nnew file mode 100644\n+name: Sali\n"
           "\x00commit b 2000\n\ndiff --git a/events/x.md b/events/x.md\n@@ -5 +5 @@\n-vanha\n+uusi\n")
    history = parse_history(log)
    assert history.changed == {"events/x.md": datetime.fromtimestamp(2000, UTC),
                               "events/paikat/sali.md": datetime.fromtimestamp(1000, UTC)}
    assert history.last_change(["events/x.md", "events/paikat/sali.md"]) == datetime.fromtimestamp(2000, UTC)
    assert history.last_change(["events/tuntematon.md"]) == UNKNOWN_CHANGE
    assert history.sequences == {"x": 0, "sali": 0}


def git(root, *args, date: str | None = None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Testi", "GIT_AUTHOR_EMAIL": "t@example.fi",
           "GIT_COMMITTER_NAME": "Testi", "GIT_COMMITTER_EMAIL": "t@example.fi"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_sequence_grows_when_the_time_changes(tmp_path):
    path = "events/2026-12-09-webinaari.md"
    root = write_site(tmp_path, {path: event("Webinaari", "2026-12-09 13:00", end="2026-12-09 15:00"),
                                 "events/muu.md": event("Muu", "2026-12-10 10:00")})
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")

    def change(text: str, message: str) -> None:
        (root / path).write_text(text, encoding="utf-8")
        git(root, "commit", "-q", "-am", message)

    change(event("Uusi otsikko", "2026-12-09 13:00", end="2026-12-09 15:00"), "title only")
    change(event("Uusi otsikko", "2026-12-09 14:00", end="2026-12-09 15:00"), "start")
    change(event("Uusi otsikko", "2026-12-09 14:00", end="2026-12-09 16:00", body="Uusi kuvaus."), "end and body")
    change(event("Uusi otsikko", "2026-12-09 14:00", end="2026-12-09 16:00", status="cancelled"), "cancelled")
    result = run_build(root)
    assert result.returncode == 0, result.output
    events = vevents(calendar(result, "tapahtumat.ics"))
    assert int(events["2026-12-09-webinaari"]["SEQUENCE"]) == 3
    assert int(events["muu"]["SEQUENCE"]) == 0
    single = vevents(calendar(result, "tapahtumat/2026-12-09-webinaari.ics"))["2026-12-09-webinaari"]
    assert int(single["SEQUENCE"]) == 3 and str(single["STATUS"]) == "CANCELLED"


def test_sequence_log_parser_resets_on_recreation():
    log = ("\x00commit a\n\ndiff --git a/events/x.md b/events/x.md\nnew file mode 100644\n--- /dev/null\n"
           "+++ b/events/x.md\n@@ -0,0 +1,3 @@\n+start: 2026-12-09\n"
           "\x00commit b\n\ndiff --git a/events/x.md b/events/x.md\n--- a/events/x.md\n+++ b/events/x.md\n"
           "@@ -2 +2 @@\n-start: 2026-12-09\n+start: 2026-12-10\n"
           "\x00commit c\n\ndiff --git a/events/x.md b/events/x.md\n--- a/events/x.md\n+++ b/events/x.md\n"
           "@@ -5 +5 @@\n-  start: sisennetty ei ole kenttä\n+teksti\n"
           "\x00commit d\n\ndiff --git a/events/x.md b/events/x.md\ndeleted file mode 100644\n"
           "\x00commit e\n\ndiff --git a/events/x.md b/events/x.md\nnew file mode 100644\n+start: 2027-01-01\n")
    assert parse_sequences(log[: log.index("\x00commit d")]) == {"x": 1}
    assert parse_sequences(log) == {"x": 0}


def _libical():
    """libical (Debian's libical3, installed by tools/test-deps), called through ctypes: no build step."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("ical")
    if name is None:
        pytest.skip("libical puuttuu / libical missing: apt-get install libical3 (make test installs it)")
    lib = ctypes.CDLL(name)
    lib.icalparser_parse_string.restype = ctypes.c_void_p
    lib.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    lib.icalrestriction_check.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_as_ical_string.restype = ctypes.c_char_p
    lib.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
    lib.icalcomponent_free.argtypes = [ctypes.c_void_p]
    return lib


def libical_errors(lib, raw: bytes) -> list[str]:
    """The X-LIC-ERROR properties libical adds when parsing and checking RFC 5545/5546 restrictions."""
    component = lib.icalparser_parse_string(raw)
    assert component, "libical could not parse the file at all"
    try:
        lib.icalrestriction_check(component)
        text = lib.icalcomponent_as_ical_string(component).decode("utf-8").replace("\r\n ", "").replace("\n ", "")
    finally:
        lib.icalcomponent_free(component)
    return [line for line in text.splitlines() if line.startswith("X-LIC-ERROR")]


def test_libical_finds_nothing_to_complain_about(built):
    lib = _libical()
    # the checker works: an iTIP PUBLISH without ORGANIZER is what libical flagged in every calendar before
    publish = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:a\r\n"
               b"DTSTAMP:20261123T100000Z\r\nDTSTART:20261209T110000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert any("ORGANIZER" in e for e in libical_errors(lib, publish))
    files = sorted(built.site.rglob("*.ics"))
    assert len(files) > 20
    problems = {f.relative_to(built.site).as_posix(): errors for f in files
                if (errors := libical_errors(lib, f.read_bytes()))}
    assert problems == {}
