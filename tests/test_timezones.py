"""Time zones: an interview in another zone, the candidate's own zone, clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from finalist.casefile import parse_case
from finalist.coach.followup import thank_you_notes
from finalist.coach.glance import at_a_glance
from finalist.coach.timeline import timeline
from finalist.knowledge import load
from finalist.model import Case
from finalist.render.common import when_text

from .conftest import Cli

LONDON = ZoneInfo("Europe/London")


def _case(when: str, zone: str | None = None, duration: int = 60) -> Case:
    zone_line = f"\n  time_zone: {zone}" if zone else ""
    return parse_case(
        f"""\
candidate:
  name: Ines Duarte{zone_line}
opportunity:
  company: Lumen Textiles
  role: Operations Analyst
rounds:
  - name: Panel
    date: {when}
    duration_minutes: {duration}
    interviewers:
      - name: Hana Sato
        title: Head of Supply Chain
    debrief:
      talked_with:
        - interviewer: Hana Sato
          topics: [nearshoring]
"""
    )


def _due(case: Case, today: date) -> datetime:
    result = thank_you_notes(case, 1, load(), today)
    due = result.notes[0].due
    assert due is not None
    return due


def test_an_interview_in_another_zone_is_shown_in_the_candidates_own() -> None:
    case = _case("2026-11-20T14:00-05:00", "Europe/London")  # a New York interview
    shown = at_a_glance(case, date(2026, 11, 19)).rounds[0].when
    assert shown == datetime(2026, 11, 20, 19, 0, tzinfo=LONDON)
    assert when_text(shown) == "Fri 20 Nov 2026, 19:00 GMT"
    due = _due(case, date(2026, 11, 20))
    assert due == datetime(2026, 11, 21, 20, 0, tzinfo=LONDON)  # end 20:00 + 24 hours
    assert due.tzinfo == LONDON


def test_without_a_zone_times_stay_as_written() -> None:
    case = _case("2026-11-20T14:00-05:00")
    due = _due(case, date(2026, 11, 20))
    assert due.isoformat() == "2026-11-21T15:00:00-05:00"
    assert when_text(due) == "Sat 21 Nov 2026, 15:00 UTC-05:00"
    naive = _case("2026-11-20T14:00")
    assert _due(naive, date(2026, 11, 20)) == datetime(2026, 11, 21, 15, 0)
    assert when_text(datetime(2026, 11, 21, 15, 0)) == "Sat 21 Nov 2026, 15:00"


def test_a_time_without_offset_is_the_candidates_wall_clock() -> None:
    case = _case("2026-11-20T14:00", "Asia/Tokyo")
    due = _due(case, date(2026, 11, 20))
    assert due == datetime(2026, 11, 21, 15, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert due.astimezone(UTC).hour == 6


def test_the_24_hours_are_real_hours_across_a_clock_change() -> None:
    # British Summer Time ends at 02:00 on Sunday 25 October 2026.
    case = _case("2026-10-24T15:00", "Europe/London")
    due = _due(case, date(2026, 10, 24))
    end = datetime(2026, 10, 24, 16, 0, tzinfo=LONDON)
    assert due.astimezone(UTC) - end.astimezone(UTC) == timedelta(hours=24)
    assert (due.hour, due.utcoffset()) == (15, timedelta(0))  # 15:00 GMT, not 16:00
    # and back into summer time: clocks go forward at 01:00 on Sunday 29 March 2026
    spring = _due(_case("2026-03-28T15:00", "Europe/London"), date(2026, 3, 28))
    assert (spring.hour, spring.utcoffset()) == (17, timedelta(hours=1))


def test_the_day_is_the_candidates_day() -> None:
    # 22:30 in Los Angeles on the 20th is already 15:30 on the 21st in Tokyo.
    case = _case("2026-11-20T22:30-08:00", "Asia/Tokyo")
    assert at_a_glance(case, date(2026, 11, 20)).rounds[0].days_away == 1
    early = thank_you_notes(case, 1, load(), date(2026, 11, 20))
    assert early.notes == []
    assert early.message == "Panel has not happened yet: notes come after it"
    steps = timeline(case, date(2026, 11, 21)).steps
    assert steps[0].on == date(2026, 11, 22)  # notes due the day after the 21st


def test_rounds_with_and_without_offsets_mix(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_text(
        """\
candidate: {name: Ines Duarte, time_zone: europe/london}
opportunity: {company: Lumen Textiles, role: Operations Analyst}
rounds:
  - {name: Remote panel, date: "2026-12-01T09:00-05:00", interviewers: [{name: Hana Sato}]}
  - {name: Onsite, date: "2026-12-03T10:00", interviewers: [{name: Leo Brandt}]}
  - {name: Lunch, date: 2026-12-04, interviewers: [{name: Mara Quist}]}
""",
        encoding="utf-8",
    )
    shown = cli("brief", path, "--today", "2026-11-25")
    assert shown.code == 0, shown.err
    assert "Tue 1 Dec 2026, 14:00 GMT" in shown.out
    assert "Thu 3 Dec 2026, 10:00 GMT" in shown.out
    exported = cli("show", path, "--json")
    assert '"time_zone": "Europe/London"' in exported.out  # the spelling is normalised
    ics = tmp_path / "t.ics"
    assert cli("timeline", path, "--ics", ics, "--today", "2026-11-25").code == 0
    calendar = Calendar.from_ical(ics.read_bytes())
    starts = [e.decoded("dtstart") for e in calendar.walk("VEVENT")]
    assert starts[0] == date(2026, 12, 2)  # the remote panel's notes, the day after


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Europe/Londn", "did you mean Europe/London?"),
        ("Mars/Olympus", "is not a time zone"),
        ("<script>alert(1)</script>", "is not a time zone"),
        ("'; DROP TABLE cases; --", "is not a time zone"),
        ("x" * 5000, "is not a time zone"),
        ("42", "is not a time zone"),
    ],
)
def test_a_bad_time_zone_is_one_clear_line(
    cli: Cli, tmp_path: Path, value: str, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    quoted = value.replace("'", "''")
    path.write_text(
        f"candidate:\n  name: Ines\n  time_zone: '{quoted}'\n"
        "opportunity: {company: Lumen, role: Analyst}\n",
        encoding="utf-8",
    )
    result = cli("import", path)
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "candidate.time_zone" in result.err
    assert message in result.err
    assert "write it like Europe/London" in result.err
    assert cli("list", "--json").out.strip() == "[]"
