"""What each interviewer is likely to ask, ranked, each question with its reasons.

The score is a sum of small, named parts (who asks it, the format, the department, the
person's priorities, the job description, what round one left weak), so every reason
shown to the candidate is one of the parts that moved the question up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from finalist.coach.interviewers import Dossier, RoleReading, dossier, read_role
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import LEVEL_ORDER, THEME_LABEL, Archetype, Question, Theme
from finalist.model import Case, Format, Interviewer, Round
from finalist.text import distinctive, keywords, sentences, similarity

_DECIDERS = frozenset(
    a.value for a in (Archetype.executive, Archetype.department_head, Archetype.hiring_manager)
)
DUPLICATE = 0.5  # questions at least this similar count as one
SAME_THEME_PENALTY = 0.8  # per question already chosen with the same main theme

_WEAK = re.compile(
    r"\b(badly|weak|too general|vague|thin|struggl\w*|did not|didn't|could not|couldn't|"
    r"no number|forgot|missed|unsure|left open|open question|not sure|fumbl\w*)\b",
    re.IGNORECASE,
)


class Predicted(BaseModel):
    id: str
    text: str
    score: float
    themes: list[Theme]
    competencies: list[str]
    reasons: list[str]
    why: str
    strong_answer: str
    probes: list[str]


@dataclass(frozen=True)
class CaseContext:
    """What the case says that matters to every prediction, computed once per case."""

    role: RoleReading
    department_names: dict[str, str]
    job_terms: dict[str, str]  # stem -> the word as written in the job description or notes
    weak_round_one: tuple[tuple[frozenset[str], str], ...]  # keywords, the sentence
    had_round_one: bool


def case_context(case: Case, knowledge: Knowledge) -> CaseContext:
    opp = case.opportunity
    job_terms: dict[str, str] = {}
    for text in (opp.job_description or "", opp.company_notes or ""):
        for sentence in sentences(text):
            for word in re.findall(r"[^\W\d_]{4,}", sentence.lower()):
                stem_set = distinctive(keywords(word))
                if stem_set:
                    job_terms.setdefault(next(iter(stem_set)), word)
    weak: list[tuple[frozenset[str], str]] = []
    first = opp.first_round
    if first is not None and first.notes:
        for sentence in sentences(first.notes):
            if _WEAK.search(sentence):
                weak.append((distinctive(keywords(sentence)), sentence))
    return CaseContext(
        role=read_role(case, knowledge),
        department_names={k: v.name for k, v in knowledge.departments.items()},
        job_terms=job_terms,
        weak_round_one=tuple(weak),
        had_round_one=first is not None,
    )


@cache
def _terms(text: str) -> frozenset[str]:
    return keywords(text)


def _question_terms(q: Question) -> frozenset[str]:
    return _terms(" ".join([q.text, *q.competencies]))


def _question_text_terms(q: Question) -> frozenset[str]:
    return _terms(q.text)


def _asker_weight(q: Question, who_: _Person) -> float:
    main = q.askers.get(who_.archetype, 0.0)
    if who_.also is None:
        return main
    return 0.7 * main + 0.3 * q.askers.get(who_.also, 0.0)


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


@dataclass(frozen=True)
class _Person:
    """What one interviewer brings to the scoring, computed once per prediction."""

    dossier: Dossier
    priorities: tuple[tuple[str, frozenset[str]], ...]
    notes: frozenset[str]
    department_terms: frozenset[str]
    archetype: Archetype
    also: Archetype | None
    who: str  # "VP Engineering", as shown in reasons
    kind: str  # "a department head"


def _person(person: Interviewer, d: Dossier, knowledge: Knowledge) -> _Person:
    dept = knowledge.departments.get(d.department.value) if d.department else None
    dept_text = " ".join([*dept.priorities, *dept.measures]) if dept else ""
    return _Person(
        dossier=d,
        priorities=tuple((p, distinctive(_terms(p))) for p in person.priorities),
        notes=distinctive(_terms(person.notes or "")),
        department_terms=distinctive(_terms(dept_text)),
        archetype=Archetype(d.archetype.value),
        also=Archetype(d.also.value) if d.also else None,
        who=d.title or d.name,
        kind=_with_article(d.archetype.label),
    )


def _score(
    q: Question, who_: _Person, rnd: Round, ctx: CaseContext
) -> tuple[float, list[str]] | None:
    """The score of one question for one person, with its reasons; None when it does not
    fit at all (wrong format, another department, a level far from the role)."""
    d = who_.dossier
    weight = _asker_weight(q, who_)
    if weight < 0.2:
        return None
    reasons: list[str] = []
    who, kind = who_.who, who_.kind
    if weight >= 0.7:
        reasons.append(f"{who}: {kind} often asks this")
    elif weight >= 0.4:
        reasons.append(f"{who}: {kind} may ask this")
    score = 4.0 * weight
    if q.formats:
        if rnd.format not in q.formats:
            return None
        score += 1.5
        reasons.append(f"{rnd.format.value} format")
    if rnd.format is Format.informal:
        if Theme.culture_fit in q.themes:
            score += 1.5
            if f"{rnd.format.value} format" not in reasons:
                reasons.append("an informal meeting is a chemistry check")
        elif q.themes[0] in (Theme.hypothetical_challenge, Theme.presentation_follow_up):
            score -= 1.5
    if rnd.format is Format.presentation and Theme.presentation_follow_up in q.themes:
        score += 2.0
        if rnd.topic:
            reasons.append(f"after your presentation on '{rnd.topic}'")
    if rnd.format is Format.panel and Theme.communicating_to_leadership in q.themes:
        score += 0.5
        reasons.append("a panel tests how you speak to several leaders at once")
    if q.departments:
        role_dept = ctx.role.department
        theirs = d.department
        shared = [dept for dept in ctx.role.departments if dept in q.departments]
        if shared:
            score += 1.5
            name = ctx.department_names.get(shared[0], shared[0])
            reasons.append(f"a challenge {name} faces, where the role sits")
        elif (
            theirs is not None
            and theirs.value in q.departments
            and (role_dept is None or Theme.cross_functional in q.themes)
        ):
            score += 1.0
            reasons.append(f"a challenge {theirs.label}, {d.name}'s department, faces")
        else:
            return None
    terms = _question_terms(q)
    if who_.department_terms and len(who_.department_terms & terms) >= 2 and d.department:
        score += 0.6
        reasons.append(f"close to what {d.department.label} cares about")
    if q.levels:
        distance = min(abs(LEVEL_ORDER[ctx.role.level] - LEVEL_ORDER[lv]) for lv in q.levels)
        if distance > 1:
            return None
        score += 0.5 if distance == 0 else -0.5
    # a one-word priority ("cash") matches on its word; a longer one needs two in common
    matched_priorities = [
        p
        for p, p_terms in who_.priorities
        if p_terms and len(p_terms & terms) >= min(2, len(p_terms))
    ]
    for priority in matched_priorities[:2]:
        score += 1.0
        reasons.append(f"{d.name}'s priority '{priority}'")
    if len(who_.notes & _question_text_terms(q)) >= 2:
        score += 0.5
        reasons.append(f"what you noted about {d.name}")
    job_hits = sorted(t for t in _question_text_terms(q) if t in ctx.job_terms)[:3]
    if job_hits:
        score += 0.4 * len(job_hits)
        shown = ", ".join(f"'{ctx.job_terms[t]}'" for t in job_hits[:2])
        reasons.append(f"the job description or your company notes mention {shown}")
    # the people who decide share the round-one notes; a peer at lunch will not probe them
    knows_round_one = d.met_in_round_one or d.archetype.value in _DECIDERS
    for weak_terms, sentence in ctx.weak_round_one if knows_round_one else ():
        common = weak_terms & terms
        if len(common) >= 2 or any(len(t) >= 6 for t in common):
            score += 1.0 if len(common) >= 2 else 0.6
            reasons.append(f"round one: {_clip(sentence)}")
            break
    if Theme.validating_round_one in q.themes:
        if d.met_in_round_one:
            score += 1.2
            reasons.append(f"you met {d.name} in round one: they will check what you said")
        elif ctx.had_round_one and d.archetype.value in (
            Archetype.hiring_manager.value,
            Archetype.hr_recruiter.value,
        ):
            score += 0.3
            reasons.append(
                f"as {_with_article(d.archetype.label)} they will have the round-one notes"
            )
        elif not ctx.had_round_one:
            score -= 1.0
    return score, reasons


@cache
def _candidates(
    knowledge: Knowledge, archetype: Archetype, also: Archetype | None, fmt: Format
) -> tuple[Question, ...]:
    """The questions that can score at all for this kind of person in this format: the
    cheap exclusions of ``_score`` done once per knowledge, not per question and person."""
    return tuple(
        q
        for q in knowledge.questions
        if (not q.formats or fmt in q.formats)
        and (q.askers.get(archetype, 0.0) >= 0.2 or (also and q.askers.get(also, 0.0) >= 0.2))
    )


def _with_article(label: str) -> str:
    return f"{'an' if label[0].lower() in 'aeiou' or label.startswith('HR') else 'a'} {label}"


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "..."


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
    who_ = _person(person, d, knowledge)
    scored: list[tuple[float, str, Question, list[str]]] = []
    for q in _candidates(knowledge, who_.archetype, who_.also, rnd.format):
        result = _score(q, who_, rnd, ctx)
        if result is not None:
            scored.append((result[0], q.id, q, result[1]))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[Predicted] = []
    chosen_terms: list[frozenset[str]] = []
    theme_count: dict[Theme, int] = {}
    pool = scored[: top * 6]
    while pool and len(chosen) < top:
        best_index, best_value = 0, float("-inf")
        for i, (score, _qid, q, _r) in enumerate(pool):
            value = score - SAME_THEME_PENALTY * theme_count.get(q.themes[0], 0)
            if value > best_value:
                best_index, best_value = i, value
        score, _qid, q, reasons = pool.pop(best_index)
        terms = _question_text_terms(q)
        if any(similarity(terms, other) >= DUPLICATE for other in chosen_terms):
            continue
        text = _fill(q.text, case, d, ctx)
        if text is None:
            continue
        chosen_terms.append(terms)
        theme_count[q.themes[0]] = theme_count.get(q.themes[0], 0) + 1
        chosen.append(
            Predicted(
                id=q.id,
                text=text,
                score=round(score, 2),
                themes=list(q.themes),
                competencies=list(q.competencies),
                reasons=reasons or [f"a common {THEME_LABEL[q.themes[0]]} question"],
                why=q.why,
                strong_answer=q.strong_answer,
                probes=list(q.probes),
            )
        )
    return chosen


class PersonQuestions(BaseModel):
    dossier: Dossier
    questions: list[Predicted]


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
