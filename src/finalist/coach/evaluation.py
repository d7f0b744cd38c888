"""Measuring the coach against real questions: `finalist eval questions`.

For each interviewer role in the file, finalist predicts the top N questions for a
representative interviewer of that role, and counts how many real questions have a
close counterpart among them. Two measures, both reported per role and overall:

- close match: some predicted question shares enough content words with the real one
  (cosine of their keyword sets, after light stemming and synonym folding, at least
  ``CLOSE``);
- theme covered: some predicted question serves the real question's theme (a coarser
  view of intent; rows with no theme we know count as not covered).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pydantic import BaseModel, ConfigDict, Field

from finalist.coach.questions import Predicted, predict_questions
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Theme
from finalist.model import Case
from finalist.text import keywords, similarity

CLOSE = 0.3
TOP = 20

# A representative interviewer for each role the evaluation files use: a title that
# names the role and nothing else, so the prediction rests on the role alone.
REPRESENTATIVE: dict[str, str] = {
    "executive": "Chief Executive Officer",
    "department head/director": "Director",
    "hiring manager/supervisor": "Hiring Manager",
    "peer/future teammate": "Colleague",
    "HR/recruiter": "Recruiter",
    "cross-functional partner": "Business Partner",
}

THEMES: dict[str, Theme] = {
    "strategic vision": Theme.strategic_vision,
    "first 90 days / six months": Theme.first_six_months,
    "hypothetical departmental challenge": Theme.hypothetical_challenge,
    "layered behavioral": Theme.layered_behavioural,
    "adaptability under pressure": Theme.adaptability,
    "communicating to leadership": Theme.communicating_to_leadership,
    "culture fit/chemistry": Theme.culture_fit,
    "cross-functional collaboration": Theme.cross_functional,
    "motivation/why this company": Theme.motivation,
    "elevating the role": Theme.elevating_the_role,
    "presentation follow-up": Theme.presentation_follow_up,
    "validating round one": Theme.validating_round_one,
}


class EvalQuestion(BaseModel):
    """One row of a questions file; other fields (source, role_basis) are ignored."""

    model_config = ConfigDict(extra="ignore")
    question: str = Field(min_length=1, max_length=2000)
    role: str = Field(min_length=1, max_length=100)
    theme: str | None = None


class RoleScore(BaseModel):
    role: str
    interviewer_title: str
    questions: int
    close: int
    theme_covered: int

    @property
    def close_share(self) -> float:
        return self.close / self.questions if self.questions else 0.0


class Match(BaseModel):
    role: str
    question: str
    best: str
    similarity: float
    close: bool
    theme_covered: bool


class QuestionsReport(BaseModel):
    top: int
    threshold: float
    roles: list[RoleScore]
    matches: list[Match]

    @property
    def total(self) -> RoleScore:
        return RoleScore(
            role="overall",
            interviewer_title="",
            questions=sum(r.questions for r in self.roles),
            close=sum(r.close for r in self.roles),
            theme_covered=sum(r.theme_covered for r in self.roles),
        )


def _representative_case(title: str) -> Case:
    return Case.model_validate(
        {
            "candidate": {"name": "Evaluation"},
            "opportunity": {"company": "the company", "role": "Senior Analyst"},
            "rounds": [
                {"format": "one-on-one", "interviewers": [{"name": "Interviewer", "title": title}]}
            ],
        }
    )


def predictions_for(role: str, knowledge: Knowledge, top: int = TOP) -> list[Predicted]:
    case = _representative_case(REPRESENTATIVE[role])
    rnd = case.rounds[0]
    return predict_questions(rnd.interviewers[0], rnd, case, knowledge, top=top)


def evaluate_questions(
    rows: Iterable[EvalQuestion], knowledge: Knowledge, top: int = TOP
) -> QuestionsReport:
    by_role: dict[str, list[EvalQuestion]] = {}
    for row in rows:
        by_role.setdefault(row.role, []).append(row)
    roles: list[RoleScore] = []
    matches: list[Match] = []
    for role in sorted(by_role):
        predicted = predictions_for(role, knowledge, top)
        predicted_terms = [(p, keywords(p.text)) for p in predicted]
        themes = {t for p in predicted for t in p.themes}
        close = covered = 0
        for row in by_role[role]:
            terms = keywords(row.question)
            best, score = max(
                ((p, similarity(terms, t)) for p, t in predicted_terms),
                key=lambda item: item[1],
                default=(None, 0.0),
            )
            theme = THEMES.get((row.theme or "").strip().lower())
            is_close = score >= CLOSE
            is_covered = theme is not None and theme in themes
            close += is_close
            covered += is_covered
            matches.append(
                Match(
                    role=role,
                    question=row.question,
                    best=best.text if best else "",
                    similarity=round(score, 3),
                    close=is_close,
                    theme_covered=is_covered,
                )
            )
        roles.append(
            RoleScore(
                role=role,
                interviewer_title=REPRESENTATIVE[role],
                questions=len(by_role[role]),
                close=close,
                theme_covered=covered,
            )
        )
    return QuestionsReport(top=top, threshold=CLOSE, roles=roles, matches=matches)


# --- STAR labelling -----------------------------------------------------------------------


class StarSentence(BaseModel):
    model_config = ConfigDict(extra="ignore")
    text: str = Field(min_length=1, max_length=5000)
    label: str = Field(pattern=r"^[STARO]$")


class StarAnswer(BaseModel):
    """One row of a STAR file: an answer split into labelled sentences."""

    model_config = ConfigDict(extra="ignore")
    answer_id: str = Field(min_length=1, max_length=200)
    sentences: list[StarSentence] = Field(min_length=1, max_length=500)


class LabelScore(BaseModel):
    label: str
    precision: float
    recall: float
    f1: float
    support: int


class StarReport(BaseModel):
    answers: int
    sentences: int
    labels: list[LabelScore]
    macro_f1: float
    accuracy: float


def evaluate_star(
    rows: Iterable[StarAnswer], labeller: Callable[[list[str]], list[str]] | None = None
) -> StarReport:
    """Per-label precision, recall and F1, and the macro-F1 over S, T, A, R, O, of the
    shipped labeller (or of ``labeller``, for cross-validation while training)."""
    from finalist.coach.star import LABELS, label_sentences

    chosen = labeller or label_sentences
    gold: list[str] = []
    guess: list[str] = []
    count = 0
    for row in rows:
        count += 1
        texts = [s.text for s in row.sentences]
        gold += [s.label for s in row.sentences]
        guess += chosen(texts)
    labels = []
    for label in LABELS:
        tp = sum(1 for g, p in zip(gold, guess, strict=True) if g == p == label)
        predicted = guess.count(label)
        actual = gold.count(label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        labels.append(
            LabelScore(
                label=label,
                precision=round(precision, 3),
                recall=round(recall, 3),
                f1=round(f1, 3),
                support=actual,
            )
        )
    correct = sum(1 for g, p in zip(gold, guess, strict=True) if g == p)
    return StarReport(
        answers=count,
        sentences=len(gold),
        labels=labels,
        macro_f1=round(sum(x.f1 for x in labels) / len(labels), 3),
        accuracy=round(correct / len(gold), 3) if gold else 0.0,
    )
