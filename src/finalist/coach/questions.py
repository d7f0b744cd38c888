"""What each interviewer is likely to ask, ranked, each question with its reasons.

The scoring (``question_scoring``) is a sum of small, named parts, so every reason shown
to the candidate is one of the parts that moved the question up. The candidate sees
words, never the number: "most likely", "likely" or "possible", and the reasons in the
case's own words (``coach.reasons``); a reason most of a person's questions share is said
once above the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from pydantic import BaseModel

from finalist.coach.interviewers import Dossier, dossier
from finalist.coach.question_scoring import CaseContext as CaseContext
from finalist.coach.question_scoring import (
    Likelihood,
    Scored,
    likelihood,
    person_context,
    question_text_terms,
    score_question,
)
from finalist.coach.question_scoring import case_context as case_context
from finalist.coach.reasons import Reasons
from finalist.coach.sector import shown_text
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import THEME_LABEL, Archetype, Question, Theme
from finalist.model import Case, Format, Interviewer, Round
from finalist.text import similarity

DUPLICATE = 0.5  # questions at least this similar count as one
SAME_THEME_PENALTY = 0.8  # per question already chosen with the same main theme
SEAT_SCORE = 4.0  # a seat's own questions are likely from them, not certain
STAPLE_SHARE = 0.4  # of a list, the classics every new interviewer still asks
SCENARIO_SHARE = 0.1  # of a list, long "suppose ..." scenarios at most
LONG_SCENARIO = 30  # words: a scenario this long takes a slot of its own to answer
ROUND_ONE_ABOVE = "it touches what you noted from round one (above)"


class Predicted(BaseModel):
    id: str
    text: str
    score: float  # for scripts (--json) and the ranking; people see ``likelihood``
    likelihood: Likelihood
    themes: list[Theme]
    competencies: list[str]
    reasons: list[str]
    round_one: str | None = None  # the weak spot from round one it touches, in words
    why: str
    strong_answer: str
    probes: list[str]


_SLOT = re.compile(r"\{(company|role|department)\}('s)?")


def _fill(text: str, case: Case, d: Dossier, ctx: CaseContext) -> str | None:
    """The question with its slots filled in one pass (a company called '{role}' stays
    as written); None when a slot has nothing to fill it. {department} is the role's
    department when known (the questions are about the job), else the interviewer's."""
    role_dept = ctx.role.department.label if ctx.role.department else None
    department = role_dept or (d.department.label if d.department else None)
    values = {
        "company": case.opportunity.company,
        "role": case.opportunity.role,
        "department": department or "",
    }
    if any(not values[slot] for slot, _s in _SLOT.findall(text)):
        return None

    def put(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        if match.group(2):  # a possessive: "Castellan Foods'" rather than "Foods's"
            value += "'" if value.endswith("s") else "'s"
        return value

    return _SLOT.sub(put, text)


@cache
def _candidates(
    knowledge: Knowledge, archetype: Archetype, also: Archetype | None, fmt: Format
) -> tuple[Question, ...]:
    """The questions that can score at all for this kind of person in this format: the
    cheap exclusions of ``score_question`` done once per knowledge, not per question and person."""
    return tuple(
        q
        for q in knowledge.questions
        if (not q.formats or fmt in q.formats)
        and (q.askers.get(archetype, 0.0) >= 0.2 or (also and q.askers.get(also, 0.0) >= 0.2))
    )


def predict_questions(
    person: Interviewer,
    rnd: Round,
    case: Case,
    knowledge: Knowledge,
    *,
    top: int = 15,
    number: int = 1,
    context: CaseContext | None = None,
) -> list[Predicted]:
    """The `top` questions this person is most likely to ask in this round, best first:
    several themes, no near-duplicates, every slot filled, each with its reasons."""
    ctx = context or case_context(case, knowledge)
    d = dossier(person, rnd, number, case, knowledge)
    if d.seat is None:
        return _staff_questions(person, d, rnd, case, knowledge, ctx, top)
    own = _seat_questions(d, case, knowledge, ctx, top)
    if not knowledge.seats[d.seat.value].asks_as_staff:
        return own
    # a non-executive or a councillor also asks what their title's staff seat asks, and
    # what the notes on them say they care about: the seat's own questions take a quarter
    own = own[: max(2, top // 4)]
    staff = _staff_questions(person, d, rnd, case, knowledge, ctx, top - len(own))
    return sorted(own + staff, key=lambda p: -p.score)


def _staff_questions(
    person: Interviewer,
    d: Dossier,
    rnd: Round,
    case: Case,
    knowledge: Knowledge,
    ctx: CaseContext,
    top: int,
) -> list[Predicted]:
    """The bank's questions for a member of staff (or the staff side of a seat), scored
    for this person and balanced by ``_Mix``."""
    who_ = person_context(person, d, knowledge)
    scored: list[tuple[float, str, Question, Scored]] = []
    candidates = _candidates(knowledge, who_.archetype, who_.also, rnd.format)
    if ctx.vocabulary is not None:  # no other sector's word the case never uses ("roadmap")
        candidates = ctx.vocabulary.keep(candidates)
    for q in candidates:
        result = score_question(q, who_, rnd, ctx)
        if result is not None:
            scored.append((result.score, q.id, q, result))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[Predicted] = []
    chosen_terms: list[frozenset[str]] = []
    # the staples still wanted come in too, when the best scores leave none in
    pool = [
        _Item(score, q, result, q.themes[0], q.staple, _long_scenario(q))
        for score, _qid, q, result in scored[: top * 6]
    ]
    pool += [
        _Item(score, q, result, q.themes[0], True, _long_scenario(q))
        for score, _qid, q, result in scored[top * 6 :]
        if q.staple
    ]
    say = Reasons(knowledge)
    mix = _Mix(top)
    while pool and len(chosen) < top:
        best_index = mix.best(pool, top - len(chosen))
        if best_index < 0:
            if mix.relax():
                continue
            break
        item = pool.pop(best_index)
        score, q, result = item.score, item.question, item.scored
        terms = question_text_terms(q)
        if any(similarity(terms, other) >= DUPLICATE for other in chosen_terms):
            continue
        text = _fill(q.text, case, d, ctx)
        if text is None:
            continue
        mix.took(q)
        chosen_terms.append(terms)
        reasons = say.render(result.reasons)
        common = say.say("reason-common-theme", theme=THEME_LABEL[q.themes[0]])
        chosen.append(
            Predicted(
                id=q.id,
                text=text,
                score=round(score, 2),
                likelihood=likelihood(score),
                themes=list(q.themes),
                competencies=list(q.competencies),
                reasons=reasons or ([common] if common else []),
                round_one=next(iter(say.render([result.round_one])), None)
                if result.round_one
                else None,
                why=q.why,
                strong_answer=q.strong_answer,
                probes=list(q.probes),
            )
        )
    return chosen


def _seat_questions(
    d: Dossier, case: Case, knowledge: Knowledge, ctx: CaseContext, top: int
) -> list[Predicted]:
    """What someone who is not staff asks: their seat's own questions, in its order."""
    assert d.seat is not None
    guide = knowledge.seats[d.seat.value]
    reason = Reasons(knowledge).say("reason-seat-question", seat=guide.name)
    out: list[Predicted] = []
    for i, q in enumerate(guide.questions, start=1):
        if ctx.vocabulary is not None and not ctx.vocabulary.suits(q.sectors, shown_text(q)):
            continue
        text = _fill(q.text, case, d, ctx)
        if text is None:
            continue
        out.append(
            Predicted(
                id=f"{guide.id.value}-{i}",
                text=text,
                score=SEAT_SCORE,
                likelihood=likelihood(SEAT_SCORE),
                themes=[Theme.culture_fit],
                competencies=[],
                reasons=[reason] if reason else [],
                why=q.why,
                strong_answer=q.strong_answer,
                probes=list(q.probes),
            )
        )
    return out[:top]


class _Item(NamedTuple):
    """A scored question in the pool, with what the mix weighs it by."""

    score: float
    question: Question
    scored: Scored
    theme: Theme
    staple: bool
    long: bool


class _Mix:
    """What keeps a list of ``top`` balanced: a few staples (the classics new interviewers
    still ask), no main theme in more than a quarter of it, and few long scenarios."""

    def __init__(self, top: int) -> None:
        # a short list keeps one or two classics; a full one, a good share of them
        self.staples_wanted = round(top * STAPLE_SHARE) if top >= 10 else top // 4
        self.theme_cap = max(2, top // 4) if top >= 8 else top
        self.scenario_cap = max(1, round(top * SCENARIO_SHARE))
        self.staples = self.scenarios = 0
        self._top = top
        self.themes: dict[Theme, int] = {}

    def best(self, pool: list[_Item], left: int) -> int:
        """The index of the best item the mix still allows, -1 when none: a classic
        competes on how usual it is for this person, anything else loses a little for
        each question already chosen with its main theme; the theme cap keeps either kind
        from crowding one theme; the last slots go to the staples still wanted."""
        staples_only = left <= self.staples_wanted - self.staples
        scenarios_full = self.scenarios >= self.scenario_cap
        best_index, best_value = -1, float("-inf")
        for i, item in enumerate(pool):
            taken = self.themes.get(item.theme, 0)
            if taken >= self.theme_cap or (item.long and scenarios_full):
                continue
            if staples_only and not item.staple:
                continue
            value = item.score if item.staple else item.score - SAME_THEME_PENALTY * taken
            if value > best_value:
                best_index, best_value = i, value
        return best_index

    def relax(self) -> bool:
        """Loosen one rule when nothing left may be taken (too few staples or themes in
        the knowledge): a full list matters more than a perfect mix. False when none is left."""
        if self.staples_wanted > self.staples:
            self.staples_wanted = self.staples
        elif self.scenario_cap < self._top or self.theme_cap < self._top:
            self.scenario_cap = self.theme_cap = self._top
        else:
            return False
        return True

    def took(self, q: Question) -> None:
        self.themes[q.themes[0]] = self.themes.get(q.themes[0], 0) + 1
        self.staples += q.staple
        self.scenarios += _long_scenario(q)


def _long_scenario(q: Question) -> bool:
    return q.themes[0] is Theme.hypothetical_challenge and _words(q.text) >= LONG_SCENARIO


@cache
def _words(text: str) -> int:
    return len(text.split())


class PersonQuestions(BaseModel):
    dossier: Dossier
    questions: list[Predicted]

    def said_once(self) -> list[str]:
        """The reasons most of this person's questions share, to say once above the
        list rather than under every question."""
        return _most(self.questions, lambda q: q.reasons)

    def round_one(self) -> list[str]:
        """The round-one weak spots the questions touch, each said once above them."""
        return list(dict.fromkeys(q.round_one for q in self.questions if q.round_one))

    def own_reasons(self, q: Predicted) -> list[str]:
        """The reasons to show under one question: those not said above the list, and a
        pointer to the round-one weak spot it touches."""
        above = set(self.said_once())
        own = [r for r in q.reasons if r not in above]
        return [*own, ROUND_ONE_ABOVE] if q.round_one else own


def _most(questions: list[Predicted], of: Callable[[Predicted], list[str]]) -> list[str]:
    """What more than half of two or more questions share, in the order first given."""
    if len(questions) < 2:
        return []
    counts: dict[str, int] = {}
    for q in questions:
        for item in dict.fromkeys(of(q)):
            counts[item] = counts.get(item, 0) + 1
    return [item for item, n in counts.items() if 2 * n > len(questions)]


class SharedQuestion(BaseModel):
    id: str
    text: str
    askers: list[str]
    advice: str


class RoundQuestions(BaseModel):
    round_number: int
    round_label: str
    people: list[PersonQuestions]
    shared: list[SharedQuestion]


def round_questions(
    case: Case, number: int, knowledge: Knowledge, *, top: int = 15
) -> RoundQuestions:
    """Every person's dossier and questions in one round, and the questions several of
    them are likely to ask, listed once."""
    rnd = case.rounds[number - 1]
    ctx = case_context(case, knowledge)
    people = []
    for person in rnd.interviewers:
        d = dossier(person, rnd, number, case, knowledge)
        qs = predict_questions(person, rnd, case, knowledge, top=top, number=number, context=ctx)
        people.append(PersonQuestions(dossier=d, questions=qs))
    askers: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    for p in people:
        for q in p.questions:
            askers.setdefault(q.id, []).append(p.dossier.name)
            texts.setdefault(q.id, q.text)
    shared = [
        SharedQuestion(
            id=qid,
            text=texts[qid],
            askers=names,
            advice="Keep your answer consistent across them: they will compare notes.",
        )
        for qid, names in askers.items()
        if len(names) > 1
    ]
    return RoundQuestions(
        round_number=number, round_label=rnd.label(number), people=people, shared=shared
    )


def find_interviewer(
    case: Case, name: str, round_ref: str | None = None
) -> tuple[int, Interviewer]:
    """(round number, person) for a name; the closest names are suggested when none match."""
    from finalist.editing import find_person

    r, p = find_person(case, name, round_ref)
    return r + 1, case.rounds[r].interviewers[p]
