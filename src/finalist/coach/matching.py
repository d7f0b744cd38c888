"""Which of the candidate's stories answers which predicted question.

A story fits a question by the competencies they share and the words they have in common
(each shown as a reason). Within a round, a story is not told twice to the same people
when another one fits; when nothing else does, the match says so and suggests a new angle.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from finalist.coach.answers import MEASURE
from finalist.coach.questions import RoundQuestions
from finalist.coach.stories import story_text
from finalist.model import Story
from finalist.text import distinctive, keywords

MIN_FIT = 1.0  # below this, no story answers the question: it is a gap
_FAILURE = re.compile(r"\b(mistake|failed|failure|wrong|went badly|regret|setback|lost)\b", re.I)


class StoryFit(BaseModel):
    story: str
    score: float
    reasons: list[str]


class QuestionStories(BaseModel):
    interviewer: str
    question_id: str
    question: str
    best: StoryFit | None
    runner_up: StoryFit | None
    note: str | None  # a story told twice in the round, or a gap


class RoundStories(BaseModel):
    round_number: int
    matches: list[QuestionStories]
    gaps: list[str]  # questions no story answers


@cache
def _terms(text: str) -> frozenset[str]:
    return distinctive(keywords(text))


def fit(question: str, competencies: tuple[str, ...], story: Story) -> StoryFit:
    """How well one story answers one question, with the reasons."""
    reasons: list[str] = []
    score = 0.0
    # a competency is shared when all its words are among the story's competency words
    # ("lender relations" is in "lender and sponsor relations")
    story_comp = _terms(" ".join(story.competencies))
    shared = sorted(c for c in competencies if _terms(c) and _terms(c) <= story_comp)
    if shared:
        score += 2.0 * len(shared)
        reasons.append(f"both about {', '.join(shared)}")
    words = sorted(
        _terms(question + " " + " ".join(competencies))
        & _terms(f"{story.title} {story_text(story)} {' '.join(story.competencies)}")
    )
    if words:
        score += min(len(words), 4) * 0.5
        reasons.append(f"words in common: {', '.join(words[:4])}")
    shared_title = _terms(question) & _terms(story.title)
    if shared_title:
        score += 1.0 * len(shared_title)
        said = [w for w in re.findall(r"[\w'-]+", story.title) if _terms(w) & shared_title]
        reasons.append(f"its title says {', '.join(said[:3]) or ', '.join(sorted(shared_title))}")
    if _FAILURE.search(question):
        if _FAILURE.search(story_text(story) + " " + story.title):
            score += 1.5
            reasons.append("a story of something that went wrong, as the question asks")
        else:
            score -= 1.0
    if story.result and MEASURE.search(story.result):
        score += 0.3
    return StoryFit(story=story.title, score=round(score, 2), reasons=reasons)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "..."


def match_round(rq: RoundQuestions, stories: list[Story]) -> RoundStories:
    """The best story for each question of each person in a round, and a runner-up.
    Questions are served in order of how likely they are; a story already given in the
    round is passed over when another fits."""
    items = sorted(
        ((q.score, p.dossier.name, q) for p in rq.people for q in p.questions),
        key=lambda item: (-item[0], item[1], item[2].id),
    )
    told: dict[str, str] = {}  # story title -> the question it was first given to
    matches: list[QuestionStories] = []
    gaps: list[str] = []
    for _score, name, q in items:
        competencies = tuple(q.competencies)
        fits = sorted(
            (fit(q.text, competencies, s) for s in stories), key=lambda f: (-f.score, f.story)
        )
        fits = [f for f in fits if f.score >= MIN_FIT]
        if not fits:
            gaps.append(q.text)
            matches.append(
                QuestionStories(
                    interviewer=name,
                    question_id=q.id,
                    question=q.text,
                    best=None,
                    runner_up=None,
                    note="no story answers this yet: a gap to prepare",
                )
            )
            continue
        fresh = [f for f in fits if f.story not in told]
        note = None
        if fresh and fresh[0].score >= 0.6 * fits[0].score:
            best = fresh[0]
        else:
            best = fits[0]
            if best.story in told:
                angle = (
                    f"this time lead with the {competencies[0]} in it"
                    if competencies
                    else "this time lead with a different part of it"
                )
                note = (
                    f"'{best.story}' already answers \"{_clip(told[best.story])}\" in this "
                    f"round: {angle}, or prepare another story"
                )
        told.setdefault(best.story, q.text)
        runner = next((f for f in fits if f.story != best.story), None)
        matches.append(
            QuestionStories(
                interviewer=name,
                question_id=q.id,
                question=q.text,
                best=best,
                runner_up=runner,
                note=note,
            )
        )
    return RoundStories(round_number=rq.round_number, matches=matches, gaps=gaps)
