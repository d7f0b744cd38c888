"""The prep pack: one object with every section, which each shell renders its own way."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from pydantic import BaseModel

from finalist.coach.asks import PersonAsks, QuestionCheck, check_own_questions, questions_to_ask
from finalist.coach.consensus import ConsensusMap, consensus_map
from finalist.coach.followup import NotesResult, rounds_sent, thank_you_notes
from finalist.coach.glance import Glance, at_a_glance, rounds_ahead
from finalist.coach.matching import RoundStories, match_round
from finalist.coach.plan import Plan, first_six_months
from finalist.coach.playbook import RoundPlaybook, ScriptText, round_playbook
from finalist.coach.questions import RoundQuestions, round_questions
from finalist.coach.sector import read_sector, sector_text
from finalist.coach.timeline import Timeline, timeline
from finalist.coach.why import WhyResult, personal_why
from finalist.knowledge import Knowledge
from finalist.model import Case

BRIEF_QUESTIONS = 10  # per person: enough to prepare, few enough to read


class RoundBrief(BaseModel):
    """Everything about one round ahead."""

    people: RoundQuestions  # each person's dossier and likely questions
    stories: RoundStories  # which of your stories answers each question, and the gaps
    consensus: ConsensusMap  # each person's concerns against your evidence
    asks: list[PersonAsks]  # what to ask each of them
    playbook: RoundPlaybook


class Brief(BaseModel):
    """The brief's sections, in reading order. Later capabilities add theirs here."""

    today: date
    glance: Glance
    why: WhyResult
    plan: Plan
    own_questions: list[QuestionCheck]
    rounds: list[RoundBrief]
    notes: list[NotesResult]  # thank-you notes for the rounds behind you with a debrief
    timeline: Timeline  # the after-interview plan: notes due, decision, check-ins


def _round(
    case: Case, n: int, knowledge: Knowledge, today: date, asked: set[str], plan: Plan
) -> RoundBrief:
    people = round_questions(case, n, knowledge, top=BRIEF_QUESTIONS)
    return RoundBrief(
        people=people,
        stories=match_round(people, case.stories, knowledge),
        consensus=consensus_map(case, n, knowledge, plan=plan, questions=people),
        asks=questions_to_ask(case, knowledge, n, asked),
        playbook=round_playbook(case, n, knowledge, today),
    )


def build_brief(
    case: Case,
    today: date,
    knowledge: Knowledge,
    sent: Mapping[int, Mapping[str, datetime]] | None = None,
) -> Brief:
    """Every section, in reading order. ``sent`` says which thank-you notes have gone, by
    round and person (``store.sent.by_round``): they show as sent, in the notes and the
    timeline."""
    sent = sent or {}
    glance = at_a_glance(case, today)
    glance.sector = sector_text(read_sector(case, knowledge))
    ahead = rounds_ahead(glance)
    asked: set[str] = set()  # questions to ask, not repeated from one round to the next
    plan = first_six_months(case, knowledge, today)
    return Brief(
        today=today,
        glance=glance,
        why=personal_why(case, knowledge),
        plan=plan,
        own_questions=check_own_questions(case, knowledge),
        rounds=[_round(case, n, knowledge, today, asked, plan) for n in ahead],
        notes=[
            thank_you_notes(case, r.number, knowledge, today, sent=sent.get(r.number))
            for r in glance.rounds
            if r.number not in ahead and r.debriefed
        ],
        timeline=timeline(case, today, rounds_sent(case, sent)),
    )


def shared_scripts(brief: Brief) -> list[ScriptText]:
    """The playbooks' scripts (an offer on the spot, a deadline from another offer), each
    once: they are the same in every round, so a full brief prints them once."""
    seen: dict[str, ScriptText] = {}
    for rb in brief.rounds:
        for script in rb.playbook.scripts:
            seen.setdefault(script.id, script)
    return list(seen.values())
