"""The personal "why": why this role, at this company, now.

`compose_why` joins the candidate's own words (past, present, next step, what draws them,
what they bring) into a 60-90 second answer; the joining phrases are ours, every fact is
theirs. `critique_why` checks a draft and says, for each finding, why it matters and how
to fix it.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from finalist.knowledge import Knowledge
from finalist.model import Case
from finalist.text import (
    distinctive,
    find_phrases,
    keywords,
    lower_first,
    normalise,
    reflow,
    sentences,
    words,
)
from finalist.writing import join

WORDS_PER_MINUTE = 150
MIN_SECONDS, MAX_SECONDS = 60, 90

_PAST = re.compile(
    r"\b(started|began|used to|years ago|at first|before|originally|grew up|trained|"
    r"qualified|spent|joined|worked|was|were|first)\b",
    re.I,
)
_PRESENT = re.compile(
    r"\b(now|currently|today|at the moment|these days|i lead|i run|i am|i'm)\b", re.I
)
_NEXT = re.compile(
    r"\b(next|want to|would like|looking for|looking to|ready to|hope to|aim to|"
    r"the step|move into|grow into|future|going forward)\b",
    re.I,
)
_BRING = re.compile(
    r"\b(bring|i can|i could|i would help|contribute|offer you|help you|help the|"
    r"my experience|i have done|i've done|i know how)\b",
    re.I,
)


class WhyPart(BaseModel):
    part: str  # "past", "present", ...
    text: str | None


class WhyFinding(BaseModel):
    id: str
    message: str
    why: str
    fix: str
    evidence: list[str] = []


class WhyResult(BaseModel):
    composed: str
    composed_words: int
    composed_seconds: int
    missing: list[str]  # motivation parts not given, each with what to write
    draft: str | None
    draft_words: int
    draft_seconds: int
    findings: list[WhyFinding]


def seconds(text: str) -> int:
    """Speaking time at 150 words a minute."""
    return round(len(words(text)) * 60 / WORDS_PER_MINUTE)


_ASKS_FOR: dict[str, str] = {
    "past": "where you started and what first pulled you towards this work (motivation.past)",
    "present": "what you do now and what you are good at (motivation.present)",
    "future": "the next step you want and why now (motivation.future)",
    "company_draw": "what draws you to this company in particular (motivation.company_draw)",
    "bring": "what you would bring to the role (motivation.bring)",
}


def _sentence(text: str) -> str:
    """One sentence on one line, ending with a full stop."""
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def compose_why(case: Case) -> tuple[str, list[str]]:
    """The answer from the candidate's own words, and the parts they have not given."""
    m = case.candidate.motivation
    opp = case.opportunity
    missing = [label for key, label in _ASKS_FOR.items() if not getattr(m, key)]
    parts: list[str] = []
    if m.past:
        parts.append(_sentence(m.past))
    if m.present:
        parts.append(_sentence(m.present))
    if m.future:
        parts.append(_sentence(m.future))
    if m.company_draw:
        parts.append(f"That is why {opp.role} at {opp.company} is the logical next step for me.")
        parts.append(_sentence(m.company_draw))
    elif m.future:
        parts.append(f"That is why {opp.role} at {opp.company} is the step I want to take now.")
    if m.bring:
        parts.append("What I would bring is " + _sentence(lower_first(m.bring)))
    return " ".join(parts), missing


def critique_why(text: str, case: Case, knowledge: Knowledge) -> list[WhyFinding]:
    """What a listener would notice in a "why" answer, each with why and a fix."""
    findings: list[WhyFinding] = []
    lowered = normalise(text)
    opp = case.opportunity
    specific_terms = distinctive(
        keywords(
            " ".join(
                filter(
                    None,
                    [
                        opp.company_notes,
                        opp.job_description,
                        case.candidate.motivation.company_draw,
                    ],
                )
            )
        )
    )
    named = normalise(opp.company) in lowered
    shared = sorted(specific_terms & distinctive(keywords(text)))
    if not named and len(shared) < 2:
        example = case.candidate.motivation.company_draw or (
            sentences(opp.company_notes)[0] if opp.company_notes else None
        )
        findings.append(
            WhyFinding(
                id="not-specific",
                message=f"nothing in it is specific to {opp.company}",
                why="An answer that would fit any company tells them you have not chosen them.",
                fix="Name one thing that is true of this company only"
                + (
                    f", such as: {reflow(example)}"
                    if example
                    else ": its product, market, a move it made"
                )
                + ".",
            )
        )
    story = {
        "past": bool(_PAST.search(text)),
        "present": bool(_PRESENT.search(text)),
        "next step": bool(_NEXT.search(text)),
    }
    gaps = [k for k, found in story.items() if not found]
    if gaps:
        findings.append(
            WhyFinding(
                id="no-arc",
                message="the arc from past to present to next step is missing its " + join(gaps),
                why="The question is why this is the logical next step: that needs where you "
                "come from, where you are, and where this takes you.",
                fix="Give one sentence for each: where you started, what you do now, and why "
                "this role is the next step.",
            )
        )
    if not _BRING.search(text):
        findings.append(
            WhyFinding(
                id="no-bring",
                message="it does not say what you would bring",
                why="A why that is only about what you want leaves out what they get.",
                fix="End with one concrete thing you would bring, from your own record: "
                + _sentence(
                    reflow(case.candidate.motivation.bring or "a result or a skill the role needs")
                ),
            )
        )
    cliches = knowledge.lexicons.get("cliches")
    if cliches:
        found = find_phrases(cliches.words, lowered)
        if found:
            findings.append(
                WhyFinding(
                    id="cliches",
                    message=f"clichés: {join(found)}",
                    why="Interviewers hear these words all day; they carry no evidence.",
                    fix=cliches.advice,
                    evidence=found,
                )
            )
    perks = knowledge.lexicons.get("perks-motives")
    if perks:
        found = find_phrases(perks.words, lowered)
        if found:
            findings.append(
                WhyFinding(
                    id="perks",
                    message=f"it rests on perks ({join(found)})"
                    if not shared and not named
                    else f"it mentions perks ({join(found)})",
                    why=perks.advice,
                    fix="Keep the reasons about the work, the company and your growth; perks "
                    "are for the offer conversation.",
                    evidence=found,
                )
            )
    spoken = seconds(text)
    if spoken < MIN_SECONDS:
        findings.append(
            WhyFinding(
                id="too-short",
                message=f"about {spoken} seconds spoken: short of the 60 to 90 seconds it deserves",
                why="Too short sounds rehearsed or thin for a question this central.",
                fix="Add a sentence of evidence for each step of the arc.",
            )
        )
    elif spoken > MAX_SECONDS:
        findings.append(
            WhyFinding(
                id="too-long",
                message=f"about {spoken} seconds spoken: longer than 90 seconds",
                why="Past 90 seconds the listener loses the thread, especially a senior one.",
                fix="Keep one sentence per step and cut the background.",
            )
        )
    return findings


def personal_why(case: Case, knowledge: Knowledge) -> WhyResult:
    composed, missing = compose_why(case)
    draft = case.candidate.motivation.draft
    checked = draft or composed
    return WhyResult(
        composed=composed,
        composed_words=len(words(composed)),
        composed_seconds=seconds(composed),
        missing=missing,
        draft=draft,
        draft_words=len(words(draft or "")),
        draft_seconds=seconds(draft or ""),
        findings=critique_why(checked, case, knowledge) if checked else [],
    )
