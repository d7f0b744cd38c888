"""Matching stories to predicted questions: best fit with reasons, no needless repeats."""

from __future__ import annotations

import pytest

from finalist.casefile import load_case_file
from finalist.coach.matching import fit, match_round
from finalist.coach.questions import round_questions
from finalist.coach.reasons import reasons_for
from finalist.knowledge import load
from finalist.model import Case

from .conftest import EXAMPLES

KB = load(None)
CASTELLAN = load_case_file(next(p for p in EXAMPLES if "castellan" in p.name))
HARBOURLINE = load_case_file(next(p for p in EXAMPLES if "harbourline" in p.name))


@pytest.mark.parametrize(
    ("case", "question", "competencies", "expected"),
    [
        (
            CASTELLAN,
            "Our debt facility needs refinancing next year while lenders tighten "
            "covenants. How would you approach it?",
            ("treasury",),
            "Refinancing in a rising-rate market",
        ),
        (
            CASTELLAN,
            "Tell me about a forecast that turned out wrong.",
            ("forecasting",),
            "The forecast I should have challenged",
        ),
        (
            CASTELLAN,
            "How would you free up cash tied in stock and debtors?",
            ("working capital",),
            "Freeing cash from working capital",
        ),
        (
            CASTELLAN,
            "Tell me about a systems rollout that ran over budget.",
            ("programme governance",),
            "Five ERPs into one",
        ),
        (
            HARBOURLINE,
            "Tell me about a time you stopped investing in something customers barely used.",
            ("data-informed decisions",),
            "Killing the mobile app",
        ),
        (
            HARBOURLINE,
            "How do you handle sales promising customers a feature that does not exist?",
            ("stakeholder management",),
            "Sales promised a feature we did not have",
        ),
        (
            HARBOURLINE,
            "Tell me about a time you talked to customers to rethink a product area.",
            ("customer discovery",),
            "Reconciliation rebuild",
        ),
    ],
)
def test_best_story(
    case: Case, question: str, competencies: tuple[str, ...], expected: str
) -> None:
    fits = sorted(
        (fit(question, competencies, s, reasons_for(KB)) for s in case.stories),
        key=lambda f: (-f.score, f.story),
    )
    assert fits[0].story == expected, fits[:2]
    assert fits[0].reasons


def test_no_story_twice_in_a_round_when_another_fits() -> None:
    result = match_round(round_questions(CASTELLAN, 2, KB, top=8), CASTELLAN.stories, KB)
    seen: dict[str, int] = {}
    for m in result.matches:
        if m.best is None:
            continue
        if m.best.story in seen:
            assert m.note is not None, "a repeat always says so"
        seen[m.best.story] = seen.get(m.best.story, 0) + 1
    assert len(seen) >= 3


def test_a_case_with_no_stories_has_only_gaps() -> None:
    data = CASTELLAN.model_dump()
    data["stories"] = []
    case = Case.model_validate(data)
    result = match_round(round_questions(case, 2, KB, top=5), case.stories, KB)
    assert result.matches
    assert all(m.best is None for m in result.matches)
    assert len(result.gaps) == len(result.matches)


@pytest.mark.parametrize(
    ("case", "question", "competencies", "said"),
    [
        pytest.param(
            CASTELLAN,
            "Our debt facility needs refinancing next year while lenders tighten "
            "covenants. How would you approach it?",
            ("treasury",),
            ["both are about treasury", "'covenants'", "its title says 'Refinancing'"],
            id="story-words-as-written",
        ),
        pytest.param(
            HARBOURLINE,
            "How do you handle sales promising customers a feature that does not exist?",
            ("stakeholder management",),
            ["your story mentions 'feature' and 'sales'"],
            id="not-stems",
        ),
    ],
)
def test_story_reasons_quote_the_story(
    case: Case, question: str, competencies: tuple[str, ...], said: list[str]
) -> None:
    """The words in common are quoted as the story writes them ('sales'), never as the
    stems the matching compares ('sal')."""
    best = sorted(
        (fit(question, competencies, s, reasons_for(KB)) for s in case.stories),
        key=lambda f: (-f.score, f.story),
    )[0]
    shown = "; ".join(best.reasons)
    for words in said:
        assert words in shown, shown
    assert "words in common" not in shown
    assert "'sal'" not in shown


def test_a_story_told_twice_says_where_without_cutting() -> None:
    result = match_round(round_questions(CASTELLAN, 2, KB, top=8), CASTELLAN.stories, KB)
    notes = [m.note for m in result.matches if m.note and m.best is not None]
    assert notes
    for note in notes:
        assert "..." not in note
        assert "already answers" in note
