"""How likely one question is from one person: a sum of small, named parts, each with
its reason in the candidate's words (rendered only for the questions chosen).

Who asks it, the format, the department, the person's priorities and the notes on them,
the job description, what round one left weak: each part that moves a question up adds
a reason. The number orders the questions and stays in --json; people read
``likelihood``'s words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from finalist.coach.interviewers import Dossier, RoleReading, read_role
from finalist.coach.reasons import Spec, as_written, quoted
from finalist.coach.sector import Vocabulary, vocabulary_of
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import LEVEL_ORDER, Archetype, Question, Theme
from finalist.model import Case, Format, Interviewer, Round
from finalist.text import distinctive, keywords, sentences
from finalist.writing import shorten

_DECIDERS = frozenset(
    a.value for a in (Archetype.executive, Archetype.department_head, Archetype.hiring_manager)
)
SEAT = 0.35  # how far above the others' mean a seat's own question stands
_OTHER_KINDS = len(Archetype) - 1  # the archetypes a question's seat is weighed against
STAPLE_BONUS = 0.8  # a classic, for someone who has not met the candidate before
MOST_LIKELY, LIKELY = 5.0, 3.5  # score thresholds for the words the candidate sees
ROUND_ONE_WORDS = 32  # a round-one note longer than this is shortened, or not quoted
Likelihood = Literal["most likely", "likely", "possible"]

_FORMAT_NAME: dict[Format, str] = {
    Format.panel: "a panel",
    Format.one_on_one: "a one-to-one interview",
    Format.presentation: "a presentation round",
    Format.informal: "an informal meeting",
    Format.virtual: "a video interview",
    Format.group: "a group exercise",
}

_WEAK = re.compile(
    r"\b(badly|weak|too general|vague|thin|struggl\w*|did not|didn't|could not|couldn't|"
    r"no number|forgot|missed|unsure|left open|open question|not sure|fumbl\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CaseContext:
    """What the case says that matters to every prediction, computed once per case."""

    role: RoleReading
    department_names: dict[str, str]
    job_terms: dict[str, str]  # stem -> the word as written in the job description or notes
    in_job_description: frozenset[str]  # the stems of job_terms the job description has
    weak_round_one: tuple[tuple[frozenset[str], str], ...]  # keywords, the sentence
    had_round_one: bool
    vocabulary: Vocabulary | None = None  # which wording fits the sector


def case_context(case: Case, knowledge: Knowledge) -> CaseContext:
    opp = case.opportunity
    job_terms: dict[str, str] = {}
    in_job_description: frozenset[str] = frozenset()
    for source, text in (("job", opp.job_description), ("notes", opp.company_notes)):
        for sentence in sentences(text or ""):
            for word in re.findall(r"[^\W\d_]{4,}", sentence.lower()):
                stem_set = distinctive(keywords(word))
                if stem_set:
                    job_terms.setdefault(next(iter(stem_set)), word)
        if source == "job":
            in_job_description = frozenset(job_terms)
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
        in_job_description=in_job_description,
        weak_round_one=tuple(weak),
        had_round_one=first is not None,
        vocabulary=vocabulary_of(case, knowledge),
    )


@cache
def _terms(text: str) -> frozenset[str]:
    return keywords(text)


def _question_terms(q: Question) -> frozenset[str]:
    return _terms(" ".join([q.text, *q.competencies]))


def question_text_terms(q: Question) -> frozenset[str]:
    return _terms(q.text)


def _asker_weight(q: Question, who_: Person) -> float:
    main = q.askers.get(who_.archetype, 0.0)
    if who_.also is None:
        return main
    return 0.7 * main + 0.3 * q.askers.get(who_.also, 0.0)


@dataclass(frozen=True)
class Person:
    """What one interviewer brings to the scoring, computed once per prediction."""

    dossier: Dossier
    priorities: tuple[tuple[str, frozenset[str]], ...]
    notes: frozenset[str]
    notes_words: dict[str, str]  # stem -> the word as written in the notes on them
    department_terms: frozenset[str]
    archetype: Archetype
    also: Archetype | None


def person_context(person: Interviewer, d: Dossier, knowledge: Knowledge) -> Person:
    dept = knowledge.departments.get(d.department.value) if d.department else None
    dept_text = " ".join([*dept.priorities, *dept.measures]) if dept else ""
    return Person(
        dossier=d,
        priorities=tuple(
            (p.text, distinctive(_terms(p.text)))
            for p in d.priorities
            if p.source in ("you noted", "your notes on them")
        ),
        notes=distinctive(_terms(person.notes or "")),
        notes_words=as_written(person.notes or ""),
        department_terms=distinctive(_terms(dept_text)),
        archetype=Archetype(d.archetype.value),
        also=Archetype(d.also.value) if d.also else None,
    )


@dataclass
class Scored:
    """One question's score for one person, and the reasons, rendered only if chosen."""

    score: float
    reasons: list[Spec]
    round_one: Spec | None = None


def score_question(q: Question, who_: Person, rnd: Round, ctx: CaseContext) -> Scored | None:
    """The score of one question for one person, with its reasons; None when it does not
    fit at all (wrong format, another department, a level far from the role)."""
    d = who_.dossier
    weight = _asker_weight(q, who_)
    if weight < 0.2:
        return None
    reasons: list[Spec] = []
    kind = d.archetype.label
    if weight >= 0.7:
        reasons.append(("reason-asker-often", {"kind": kind}))
    elif weight >= 0.4:
        reasons.append(("reason-asker-may", {"kind": kind}))
    score = 4.0 * weight
    # a question of their seat: far more usual for this kind of person than for the rest,
    # so the director's list and the hiring manager's differ
    others = sum(q.askers.values()) - q.askers.get(who_.archetype, 0.0)
    seat = weight - others / _OTHER_KINDS
    if seat >= SEAT:
        score += 1.5 * seat
        reasons.append(("reason-seat", {"kind": kind}))
    if q.staple and not d.met_in_round_one:
        # someone meeting the candidate for the first time still asks the classics
        score += STAPLE_BONUS
        reasons.append(("reason-staple", {}))
    for_format = False
    if q.formats:
        if rnd.format not in q.formats:
            return None
        score += 1.5
        for_format = True
        reasons.append(("reason-format", {"format": _FORMAT_NAME[rnd.format]}))
    if rnd.format is Format.informal:
        if Theme.culture_fit in q.themes:
            score += 1.5
            if not for_format:
                reasons.append(("reason-informal", {}))
        elif q.themes[0] in (Theme.hypothetical_challenge, Theme.presentation_follow_up):
            score -= 1.5
    if rnd.format is Format.presentation and Theme.presentation_follow_up in q.themes:
        score += 2.0
        if rnd.topic:
            reasons.append(("reason-presentation", {"topic": rnd.topic}))
    if rnd.format is Format.panel and Theme.communicating_to_leadership in q.themes:
        score += 0.5
        reasons.append(("reason-panel", {}))
    if q.departments:
        role_dept = ctx.role.department
        theirs = d.department
        shared = [dept for dept in ctx.role.departments if dept in q.departments]
        if shared:
            score += 1.5
            name = ctx.department_names.get(shared[0], shared[0])
            reasons.append(("reason-role-department", {"department": name}))
        elif (
            theirs is not None
            and theirs.value in q.departments
            and (role_dept is None or Theme.cross_functional in q.themes)
        ):
            score += 1.0
            reasons.append(
                ("reason-their-department", {"department": theirs.label, "name": d.name})
            )
        else:
            return None
    terms = _question_terms(q)
    if who_.department_terms and len(who_.department_terms & terms) >= 2 and d.department:
        score += 0.6
        reasons.append(("reason-department-cares", {"department": d.department.label}))
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
        reasons.append(("reason-priority", {"name": d.name, "priority": priority}))
    noted = who_.notes & question_text_terms(q)
    if len(noted) >= 2:
        score += 0.5
        words = quoted(sorted(noted), who_.notes_words)
        reasons.append(("reason-person-notes", {"name": d.name, "words": words}))
    common_job = question_text_terms(q) & ctx.job_terms.keys()
    job_hits = sorted(common_job)[:3] if common_job else []
    if job_hits:
        score += 0.4 * len(job_hits)
        reasons += _job_reasons(job_hits[:2], ctx)
    # the people who decide share the round-one notes; a peer at lunch will not probe them
    knows_round_one = d.met_in_round_one or d.archetype.value in _DECIDERS
    round_one: Spec | None = None
    for weak_terms, sentence in ctx.weak_round_one if knows_round_one else ():
        common = weak_terms & terms
        if len(common) >= 2 or any(len(t) >= 6 for t in common):
            score += 1.0 if len(common) >= 2 else 0.6
            round_one = _round_one(sentence, d)
            break
    if Theme.validating_round_one in q.themes:
        if d.met_in_round_one:
            score += 1.2
            reasons.append(("reason-met-validate", {"name": d.name}))
        elif ctx.had_round_one and d.archetype.value in (
            Archetype.hiring_manager.value,
            Archetype.hr_recruiter.value,
        ):
            score += 0.3
            reasons.append(("reason-has-notes", {"kind": kind, "name": d.name}))
        elif not ctx.had_round_one:
            score -= 1.0
    return Scored(score, reasons, round_one)


def _job_reasons(hits: list[str], ctx: CaseContext) -> list[Spec]:
    """'The job description mentions 'roadmap'', 'your company notes mention ...'."""
    in_jd = [t for t in hits if t in ctx.in_job_description]
    in_notes = [t for t in hits if t not in ctx.in_job_description]
    out: list[Spec] = []
    if in_jd:
        out.append(("reason-job-description", {"words": quoted(in_jd, ctx.job_terms)}))
    if in_notes:
        out.append(("reason-company-notes", {"words": quoted(in_notes, ctx.job_terms)}))
    return out


def _round_one(sentence: str, d: Dossier) -> Spec:
    """The weak spot from round one, quoted whole or at a clause boundary, and who knows."""
    note = shorten(sentence, ROUND_ONE_WORDS)
    if note is None:
        return ("reason-round-one-plain", {"name": d.name})
    if d.met_in_round_one:
        return ("reason-round-one-there", {"note": note, "name": d.name})
    return ("reason-round-one-notes", {"note": note, "name": d.name})


def likelihood(score: float) -> Likelihood:
    """The words for a score: the number stays in --json, people read these."""
    if score >= MOST_LIKELY:
        return "most likely"
    return "likely" if score >= LIKELY else "possible"
