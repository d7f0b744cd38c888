"""The story bank: numbers traced to the candidate's words, competencies, advice."""

from __future__ import annotations

import json

import pytest

from finalist.casefile import load_case_file
from finalist.coach.stories import THIN, numbers, story_bank, suggest_competencies
from finalist.knowledge import load
from finalist.model import Case, Story

from .conftest import DATA, EXAMPLES, Cli

KB = load(None)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_number_is_the_candidates_own(path: object) -> None:
    case = load_case_file(path)  # type: ignore[arg-type]
    for story in case.stories:
        for claim in numbers(story):
            assert claim.value in (getattr(story, claim.field) or ""), claim


def test_numbers_keep_their_units() -> None:
    story = Story(title="Cash", result="We freed £34m and cut days from 58 to 41, a 29% drop.")
    assert [c.value for c in numbers(story)] == ["£34m", "58", "41", "29%"]
    assert {c.field for c in numbers(story)} == {"result"}


def test_competencies_are_suggested_with_reasons_only_when_none_given() -> None:
    story = Story(
        title="Winning back a key account",
        action="I negotiated new terms and rebuilt the relationship with the client.",
    )
    suggested = suggest_competencies(story, KB)
    assert suggested
    assert all(s.because.startswith("the story says") for s in suggested)
    case = Case.model_validate(
        {
            "candidate": {"name": "A"},
            "opportunity": {"company": "B", "role": "C"},
            "stories": [story.model_dump() | {"competencies": ["sales"]}],
        }
    )
    assert story_bank(case, KB).stories[0].suggested == []


def test_a_thin_bank_and_an_empty_one() -> None:
    case = load_case_file(DATA / "riverside.yaml")
    bank = story_bank(case, KB)
    assert any(f"aim for {THIN}" in a for a in bank.advice)
    assert bank.stories[0].missing == ["situation", "task", "action"]
    empty = Case.model_validate(
        {"candidate": {"name": "A"}, "opportunity": {"company": "B", "role": "C"}}
    )
    assert story_bank(empty, KB).advice[0].startswith("No stories yet")


def test_findings_from_the_fields() -> None:
    story = Story(
        title="Team win",
        situation="Sales were flat.",
        action="We met every week and we changed our pitch together.",
        result="The client was happy.",
    )
    case = Case.model_validate(
        {
            "candidate": {"name": "A"},
            "opportunity": {"company": "B", "role": "C"},
            "stories": [story.model_dump()],
        }
    )
    findings = story_bank(case, KB).stories[0].findings
    assert any(f.startswith("a result with no measure") for f in findings)
    assert any(f.startswith("'we' where they need 'I'") for f in findings)


def test_the_command(cli: Cli) -> None:
    result = cli("stories", EXAMPLES[0], "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert len(data["stories"]) >= 5
    shown = cli("stories", EXAMPLES[0])
    assert "Numbers, from your own words" in shown.out
    bad = cli("stories", "nope")
    assert bad.code == 1
    assert bad.err.startswith("error: no case 'nope'")
