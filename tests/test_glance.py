"""At a glance: the next round, where the candidate stands and what is due, for any today."""

from __future__ import annotations

from datetime import date

import pytest

from finalist.coach.glance import at_a_glance, by_next_round
from finalist.model import Case


def _case(rounds: list[dict[str, object]], finalists: int | None = 3) -> Case:
    return Case.model_validate(
        {
            "candidate": {"name": "Ines Duarte"},
            "opportunity": {"company": "Lumen", "role": "Analyst", "finalists": finalists},
            "rounds": rounds,
        }
    )


PANEL = {"name": "Panel", "date": "2026-12-10T14:00", "interviewers": [{"name": "Hana Sato"}]}
LUNCH = {
    "name": "Lunch",
    "date": "2026-12-10T12:00",
    "format": "informal",
    "interviewers": [{"name": "Leo Brandt"}],
}
LATER = {"name": "Final", "date": "2026-12-17", "interviewers": [{"name": "Mia Chen"}]}
UNDATED = {"name": "Coffee", "interviewers": [{"name": "Noor Ali"}]}


@pytest.mark.parametrize(
    ("rounds", "today", "label", "days"),
    [
        pytest.param([PANEL, LUNCH], "2026-12-01", "Lunch", 9, id="earlier-time-same-day"),
        pytest.param([PANEL, LATER], "2026-12-10", "Panel", 0, id="today-counts-as-next"),
        pytest.param([PANEL, LATER], "2026-12-11", "Final", 6, id="after-the-first"),
        pytest.param([UNDATED, PANEL], "2026-12-01", "Panel", 9, id="dated-before-undated"),
        pytest.param([PANEL, UNDATED], "2026-12-20", "Coffee", None, id="only-undated-left"),
        pytest.param([PANEL], "2026-12-20", None, None, id="all-behind"),
        pytest.param([], "2026-12-20", None, None, id="no-rounds"),
    ],
)
def test_next_round(
    rounds: list[dict[str, object]], today: str, label: str | None, days: int | None
) -> None:
    glance = at_a_glance(_case(rounds), date.fromisoformat(today))
    nxt = glance.next_round
    assert (nxt.label if nxt else None, nxt.days_away if nxt else None) == (label, days)


@pytest.mark.parametrize(
    ("finalists", "rounds", "today", "expected"),
    [
        pytest.param(3, [PANEL], "2026-12-01", "You are one of 3 finalists", id="finalists"),
        pytest.param(1, [PANEL], "2026-12-01", "You are the only finalist", id="only-one"),
        pytest.param(
            None, [PANEL, LATER], "2026-12-11", "1 of 2 rounds done, 1 ahead.", id="count"
        ),
        pytest.param(None, [PANEL, UNDATED], "2026-12-01", "(1 not scheduled yet)", id="undated"),
        pytest.param(None, [PANEL], "2026-12-11", "The round is behind you.", id="behind-one"),
        pytest.param(None, [PANEL, LATER], "2026-12-18", "All 2 rounds are behind", id="behind"),
        pytest.param(None, [], "2026-12-11", "No rounds are recorded yet", id="none"),
        pytest.param(None, [PANEL, LUNCH], "2026-12-01", "You will meet 2 people", id="people"),
    ],
)
def test_standing(
    finalists: int | None, rounds: list[dict[str, object]], today: str, expected: str
) -> None:
    glance = at_a_glance(_case(rounds, finalists), date.fromisoformat(today))
    assert any(expected in line for line in glance.standing), glance.standing


def test_nothing_due_before_the_rounds() -> None:
    assert at_a_glance(_case([PANEL]), date(2026, 12, 1)).due == []


def test_a_past_round_without_debrief_is_due() -> None:
    due = at_a_glance(_case([PANEL]), date(2026, 12, 11)).due
    assert due == [
        "Panel took place yesterday: log what you discussed with each person in the round's "
        "debrief, then send each a thank-you note (within 24 hours of the interview)."
    ]


def test_decision_date_ahead_is_standing_and_passed_is_due() -> None:
    debriefed = PANEL | {
        "debrief": {"decision_date": "2026-12-18", "talked_with": [{"interviewer": "Hana Sato"}]}
    }
    before = at_a_glance(_case([debriefed]), date(2026, 12, 11))
    assert before.due == []
    assert "expect a decision by Fri 18 Dec 2026 (in 7 days)" in " ".join(before.standing)
    after = at_a_glance(_case([debriefed]), date(2026, 12, 21))
    assert after.due == [
        "The decision date after Panel passed 3 days ago: a short, polite check-in is in order."
    ]


def test_a_round_soon_without_names_is_due() -> None:
    due = at_a_glance(_case([{"name": "Panel", "date": "2026-12-10"}]), date(2026, 12, 9)).due
    assert due == [
        "Panel is tomorrow and lists no interviewers: ask the recruiter for the names and titles."
    ]


def test_cases_in_order_of_their_next_round() -> None:
    today = date(2026, 12, 1)
    glances = [
        at_a_glance(_case([PANEL]).model_copy(update={"id": "b"}), today),
        at_a_glance(_case([]).model_copy(update={"id": "a"}), today),
        at_a_glance(_case([LUNCH]).model_copy(update={"id": "c"}), today),
    ]
    assert [g.case_id for g in by_next_round(glances)] == ["c", "b", "a"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        pytest.param("one\ntwo", "one two", id="hand-wrapped"),
        pytest.param("one\n\ntwo", "one\n\ntwo", id="paragraphs"),
        pytest.param("items:\n- a\n- b\nc", "items:\n- a\n- b c", id="list"),
        pytest.param("1. first\n2. second", "1. first\n2. second", id="numbered"),
    ],
)
def test_reflow(text: str, shown: str) -> None:
    from finalist.render.common import reflow

    assert reflow(text) == shown
