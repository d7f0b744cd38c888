"""A mock interview with one interviewer: their questions, feedback, then their probes.

Pure: the shell asks the questions and collects the answers; this module decides what to
ask next, scores each answer in a way the candidate can check, and reads the history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pydantic import BaseModel

from finalist.coach.answers import Analysis, analyze_answer
from finalist.coach.probes import Probe, choose_probe
from finalist.coach.questions import Predicted
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Archetype, Level

MAX_PROBES = 2  # a question and up to two follow-ups, then the next question
POINTS_PER_WEIGHT = 3


def answer_score(analysis: Analysis) -> int:
    """100, less three points per unit of weight of each finding: simple enough to check."""
    return max(0, 100 - POINTS_PER_WEIGHT * sum(f.weight for f in analysis.findings))


class Turn(BaseModel):
    question_id: str | None
    question: str
    depth: int  # 0 for the question itself, 1 and 2 for the probes
    answer: str
    analysis: Analysis
    score: int
    probe: Probe | None  # what they ask next, if anything
    seconds_taken: int | None


class Interviewer(BaseModel):
    """Who is asking, as the mock interview needs it."""

    name: str
    archetype: Archetype | None
    level: Level | None


def respond(
    question: Predicted,
    prompt: str,
    depth: int,
    answer: str,
    who: Interviewer,
    knowledge: Knowledge,
    asked_probes: list[str],
    seconds_taken: int | None = None,
) -> Turn:
    """Feedback on one answer and, unless the probes are used up, the next probe."""
    analysis = analyze_answer(
        answer,
        knowledge,
        question=prompt if depth == 0 else question.text,
        archetype=who.archetype,
        level=who.level,
    )
    probe = None
    if depth < MAX_PROBES:
        probe = choose_probe(analysis, who.archetype, question.probes, asked_probes)
    return Turn(
        question_id=question.id,
        question=prompt,
        depth=depth,
        answer=answer,
        analysis=analysis,
        score=answer_score(analysis),
        probe=probe,
        seconds_taken=seconds_taken,
    )


class Progress(BaseModel):
    question: str
    attempts: int
    first_score: int
    last_score: int
    best_score: int

    @property
    def change(self) -> int:
        return self.last_score - self.first_score


class History(BaseModel):
    attempts: int
    questions: list[Progress]
    first_half_average: float | None
    second_half_average: float | None
    verdict: str


class PastAttempt(BaseModel):
    interviewer: str
    question: str
    depth: int
    score: int
    created_at: datetime


def read_history(attempts: Sequence[PastAttempt]) -> History:
    """Per question, the first, last and best score; overall, whether later answers score
    better than earlier ones."""
    main = [a for a in attempts if a.depth == 0]
    by_question: dict[str, list[PastAttempt]] = {}
    for a in main:
        by_question.setdefault(a.question, []).append(a)
    progress = [
        Progress(
            question=q,
            attempts=len(items),
            first_score=items[0].score,
            last_score=items[-1].score,
            best_score=max(i.score for i in items),
        )
        for q, items in by_question.items()
    ]
    scores = [a.score for a in main]
    if len(scores) < 2:
        return History(
            attempts=len(attempts),
            questions=progress,
            first_half_average=None,
            second_half_average=None,
            verdict="Too few answers yet to see a trend: practise a few more.",
        )
    half = len(scores) // 2
    first = sum(scores[:half]) / half
    second = sum(scores[half:]) / (len(scores) - half)
    if second - first >= 5:
        verdict = f"Improving: your later answers score {second - first:.0f} points higher."
    elif first - second >= 5:
        verdict = f"Slipping: your later answers score {first - second:.0f} points lower."
    else:
        verdict = "About the same: look at the findings that keep coming back."
    return History(
        attempts=len(attempts),
        questions=progress,
        first_half_average=round(first, 1),
        second_half_average=round(second, 1),
        verdict=verdict,
    )
