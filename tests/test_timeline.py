"""The timeline to the decision: business days, an assumed date, check-ins, ICS, due."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from finalist.casefile import dump_case, load_case_file
from finalist.coach.timeline import add_business_days, timeline
from finalist.model import Case

from .conftest import DATA, EXAMPLES, Cli

CASTELLAN = load_case_file(next(p for p in EXAMPLES if "castellan" in p.name))


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 12, 4), 1, date(2026, 12, 7)),  # Friday + 1 = Monday
        (date(2026, 12, 5), 1, date(2026, 12, 7)),  # Saturday + 1 = Monday
        (date(2026, 12, 28), 5, date(2027, 1, 4)),  # across the year end
        (date(2026, 12, 7), 0, date(2026, 12, 7)),
        (date(2026, 12, 7), 10, date(2026, 12, 21)),
    ],
)
def test_business_days(start: date, days: int, expected: date) -> None:
    assert add_business_days(start, days) == expected


def test_the_given_decision_date_and_check_ins() -> None:
    tl = timeline(CASTELLAN, date(2026, 12, 14))
    assert tl.decision == date(2026, 12, 11)
    assert not tl.decision_assumed
    whats = [s.what for s in tl.steps]
    assert whats[-1].startswith("Consider the process stalled")
    check_in = next(s for s in tl.steps if s.what == "A short, polite check-in")
    assert check_in.on == date(2026, 12, 15)
    assert check_in.draft is not None
    assert "Chief Financial Officer" in check_in.draft
    assert all(s.due == (s.on <= date(2026, 12, 14)) for s in tl.steps)


def test_an_assumed_decision_date_is_marked() -> None:
    case = load_case_file(DATA / "riverside.yaml")
    data = case.model_dump(mode="json")
    data["rounds"][0]["debrief"] = None
    tl = timeline(Case.model_validate(data), date(2026, 12, 1))
    assert tl.decision_assumed
    assert tl.decision == add_business_days(date(2026, 12, 8), 10)
    assert any("assumed" in s.what for s in tl.steps)


def test_ics_parses_back(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "timeline.ics"
    result = cli(
        "timeline",
        next(p for p in EXAMPLES if "castellan" in p.name),
        "--ics",
        path,
        "--today",
        "2026-12-14",
    )
    assert result.code == 0, result.err
    calendar = Calendar.from_ical(path.read_bytes())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 7
    assert str(events[0]["summary"]).startswith("Castellan Foods: Thank-you notes")
    assert any(c.name == "VALARM" for c in events[0].walk())


def test_due_across_cases(cli: Cli) -> None:
    assert cli("import", next(p for p in EXAMPLES if "castellan" in p.name)).code == 0
    rows = json.loads(cli("due", "--json", "--today", "2026-12-14").out)
    assert {r["case"] for r in rows} == {"castellan-foods-chief-financial"}
    assert any(r["what"].startswith("Decision expected") for r in rows)
    assert cli("due", "--today", "2026-11-01").out == "Nothing is due.\n"


def test_no_dated_round_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    data = CASTELLAN.model_dump(mode="json")
    for rnd in data["rounds"]:
        rnd["date"] = None
        rnd["debrief"] = None
    path = tmp_path / "undated.yaml"
    path.write_text(dump_case(Case.model_validate(data)), encoding="utf-8")
    result = cli("timeline", path)
    assert result.code == 1
    assert result.err == ("error: no dated round yet: add the rounds' dates to see the timeline\n")
