"""Which of the candidate's stories answers which predicted question.

A story fits a question by the competencies they share and the words they have in common
(each shown as a reason, quoting the story's own words). Within a round, a story is not
told twice to the same people when another one fits; when nothing else does, the match
says so and suggests a new angle.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from finalist.coach.answers import MEASURE
from finalist.coach.questions import RoundQuestions
from finalist.coach.reasons import Reasons, Spec, as_written, quoted, reasons_for
from finalist.coach.stories import story_text
from finalist.knowledge import Knowledge
from finalist.model import Story
from finalist.text import distinctive, keywords
from finalist.writing import count_words, join

MIN_FIT = 1.0  # below this, no story answers the question: it is a gap
QUOTE_QUESTION = 16  # a question up to this many words is quoted whole in a repeat note
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


def fit(question: str, competencies: tuple[str, ...], story: Story, say: Reasons) -> StoryFit:
    """How well one story answers one question, with the reasons in the story's words,
    worded by ``say``."""
    reasons: list[Spec] = []
    score = 0.0
    # a competency is shared when all its words are among the story's competency words
    # ("lender relations" is in "lender and sponsor relations")
    story_comp = _terms(" ".join(story.competencies))
    shared = sorted(c for c in competencies if _terms(c) and _terms(c) <= story_comp)
    if shared:
        score += 2.0 * len(shared)
        reasons.append(("reason-story-competencies", {"competencies": join(shared)}))
    # the story's own text first, where a word is written in lower case
    told = f"{story_text(story)} {story.title} {' '.join(story.competencies)}"
    words = sorted(_terms(question + " " + " ".join(competencies)) & _terms(told))
    if words:
        score += min(len(words), 4) * 0.5
        fresh = [w for w in words if w not in _terms(" ".join(shared))]  # not said above
        if fresh:
            reasons.append(("reason-story-words", {"words": quoted(fresh, _written(told), 4)}))
    shared_title = _terms(question) & _terms(story.title)
    if shared_title:
        score += 1.0 * len(shared_title)
        said = [w for w in re.findall(r"[\w'-]+", story.title) if _terms(w) & shared_title]
        reasons.append(("reason-story-title", {"words": join(f"'{w}'" for w in said[:3])}))
    if _FAILURE.search(question):
        if _FAILURE.search(story_text(story) + " " + story.title):
            score += 1.5
            reasons.append(("reason-story-failure", {}))
        else:
            score -= 1.0
    if story.result and MEASURE.search(story.result):
        score += 0.3
    shown = say.render(reasons)
    return StoryFit(story=story.title, score=round(score, 2), reasons=shown)


@cache
def _written(text: str) -> dict[str, str]:
    return as_written(text)


def _told_again(story: str, first: tuple[str, str], competencies: tuple[str, ...]) -> Spec:
    """The note for a story already given in the round: the question it answered (quoted
    when short, else whose it was), and the angle to take this time."""
    name, question = first
    lead = {"competency": competencies[0]} if competencies else {}
    plain = "" if competencies else "-plain"
    if count_words(question) <= QUOTE_QUESTION:
        return (f"story-told-again-quoted{plain}", {"story": story, "question": question, **lead})
    return (f"story-told-again-named{plain}", {"story": story, "name": name, **lead})


def match_round(rq: RoundQuestions, stories: list[Story], knowledge: Knowledge) -> RoundStories:
    """The best story for each question of each person in a round, and a runner-up.
    Questions are served in order of how likely they are; a story already given in the
    round is passed over when another fits."""
    say = reasons_for(knowledge)
    items = sorted(
        ((q.score, p.dossier.name, q) for p in rq.people for q in p.questions),
        key=lambda item: (-item[0], item[1], item[2].id),
    )
    told: dict[str, tuple[str, str]] = {}  # story -> (who, question) it was first given to
    matches: list[QuestionStories] = []
    gaps: list[str] = []
    for _score, name, q in items:
        competencies = tuple(q.competencies)
        fits = sorted(
            (fit(q.text, competencies, s, say) for s in stories),
            key=lambda f: (-f.score, f.story),
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
                phrase_id, values = _told_again(best.story, told[best.story], competencies)
                note = say.say(phrase_id, **values)
        told.setdefault(best.story, (name, q.text))
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
