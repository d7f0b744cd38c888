"""Changing a case without YAML: pure functions, each change validated as a whole case."""

from __future__ import annotations

from datetime import datetime

import pytest

from finalist import editing
from finalist.casefile import load_case_file
from finalist.errors import FinalistError
from finalist.model import Format

from .conftest import DATA

CASE = load_case_file(DATA / "minimal.yaml")


def test_add_round_appends_and_numbers_it() -> None:
    new, number = editing.add_round(
        CASE, {"name": "Lunch", "format": "informal", "date": "2026-12-11T12:30"}
    )
    assert number == 2
    assert new.rounds[1].format is Format.informal
    assert new.rounds[1].date == datetime(2026, 12, 11, 12, 30)
    assert CASE.rounds[1:] == [], "the original case is not changed"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param({"format": "lunch"}, "--format: 'lunch' is not a format", id="format"),
        pytest.param({"date": "2026-13-01"}, "--date: '2026-13-01' is not a real date", id="date"),
        pytest.param(
            {"duration_minutes": 2}, "--duration-minutes: 2 is out of range", id="duration"
        ),
        pytest.param(
            {"name": "x" * 400}, "--name: has 400 characters; the limit is 300", id="long"
        ),
    ],
)
def test_add_round_refuses_bad_values(fields: dict[str, object], message: str) -> None:
    with pytest.raises(FinalistError, match=message):
        editing.add_round(CASE, fields)


@pytest.mark.parametrize(("ref", "index"), [("1", 0), ("panel", 0), ("  Panel ", 0), (None, 0)])
def test_round_by_number_or_name(ref: str | None, index: int) -> None:
    assert editing.round_index(CASE, ref) == index


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        pytest.param("2", "there is no round 2; the case has 1 \\(1 = Panel\\)", id="number"),
        pytest.param("0", "there is no round 0", id="zero"),
        pytest.param("Pannel", "no round called 'Pannel'; did you mean 'Panel'\\?", id="name"),
    ],
)
def test_unknown_round(ref: str, message: str) -> None:
    with pytest.raises(FinalistError, match=message):
        editing.round_index(CASE, ref)


def test_several_rounds_need_a_choice() -> None:
    two, _ = editing.add_round(CASE, {"name": "Lunch"})
    with pytest.raises(FinalistError, match="the case has 2 rounds \\(1 = Panel; 2 = Lunch\\)"):
        editing.round_index(two, None)


def test_update_round_keeps_what_is_not_given() -> None:
    new = editing.update_round(CASE, "1", {"location": "Room 4", "date": None})
    assert new.rounds[0].location == "Room 4"
    assert new.rounds[0].date == CASE.rounds[0].date


def test_empty_text_clears_a_field() -> None:
    new = editing.update_round(CASE, "1", {"name": ""})
    assert new.rounds[0].name is None
    assert new.rounds[0].label(1) == "Round 1"


def test_add_interviewer_refuses_a_second_copy() -> None:
    with pytest.raises(FinalistError, match="--name: 'HANA SATO' is listed twice"):
        editing.add_interviewer(CASE, "1", {"name": "HANA SATO"})


def test_rename_interviewer_carries_into_the_debrief() -> None:
    new = editing.update_interviewer(CASE, "hana sato", None, {"name": "Hana Sato-Berg"})
    assert new.rounds[0].interviewers[0].name == "Hana Sato-Berg"
    assert new.rounds[0].debrief is not None
    assert new.rounds[0].debrief.talked_with[0].interviewer == "Hana Sato-Berg"


def test_unknown_interviewer_is_suggested() -> None:
    with pytest.raises(FinalistError, match="no interviewer called 'Hanna Sato'; did you mean"):
        editing.update_interviewer(CASE, "Hanna Sato", None, {"title": "x"})


def test_removing_someone_with_debrief_notes_is_refused() -> None:
    with pytest.raises(FinalistError, match="has debrief notes in round 1"):
        editing.remove_interviewer(CASE, "Hana Sato", None)
    new, number = editing.remove_interviewer(CASE, "Leo Brandt", None)
    assert (number, [p.name for p in new.rounds[0].interviewers]) == (1, ["Hana Sato"])


def test_stories_add_update_remove() -> None:
    new = editing.add_story(CASE, {"title": "Warehouse move", "competencies": ["planning"]})
    new = editing.update_story(new, "warehouse move", {"result": "Moved in 9 days."})
    assert new.stories[1].result == "Moved in 9 days."
    with pytest.raises(FinalistError, match="two stories are titled 'Supplier Delays'"):
        editing.add_story(new, {"title": "Supplier Delays"})
    with pytest.raises(FinalistError, match="no story titled 'Nothing'"):
        editing.story_index(new, "Nothing")
    new = editing.remove_by_id(new, editing.story_id("warehouse MOVE"), "the story")
    assert [s.title for s in new.stories] == ["Supplier delays"]


def test_an_item_is_removed_by_what_it_is_wherever_it_now_stands() -> None:
    """Asked about one version, done on a newer one: the same round, person or story is
    removed though others were added before it; one changed since is not removed."""
    first = CASE.rounds[0]
    round_item = editing.round_id(first)
    person_item = editing.person_id(first, first.interviewers[1])  # Leo Brandt
    story_item = editing.story_id(CASE.stories[0].title)
    newer, _ = editing.add_round(CASE, {"name": "Added meanwhile", "format": "panel"})
    moved = newer.model_copy(update={"rounds": [newer.rounds[1], newer.rounds[0]]})
    moved = editing.add_story(moved, {"title": "Added meanwhile too"})
    moved = moved.model_copy(update={"stories": list(reversed(moved.stories))})
    without_round = editing.remove_by_id(moved, round_item, "Round 1")
    assert [r.name for r in without_round.rounds] == ["Added meanwhile"]
    without_person = editing.remove_by_id(moved, person_item, "Leo Brandt")
    assert [p.name for p in without_person.rounds[1].interviewers] == ["Hana Sato"]
    without_story = editing.remove_by_id(moved, story_item, "the story")
    assert [s.title for s in without_story.stories] == ["Added meanwhile too"]
    changed = editing.update_round(moved, "2", {"location": "Room 4"})
    with pytest.raises(FinalistError, match="was changed or removed since you asked"):
        editing.remove_by_id(changed, round_item, "Round 1")
    with pytest.raises(FinalistError, match="was changed or removed since you asked"):
        editing.remove_by_id(changed, person_item, "Leo Brandt")
    # a person is found again when only their round's other people changed
    other = editing.update_interviewer(moved, "Hana Sato", "2", {"title": "COO"})
    assert editing.remove_by_id(other, person_item, "Leo Brandt") != other
