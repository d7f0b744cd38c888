"""The story bank: each story checked like an answer, its numbers traced to the candidate's
own words, its competencies given or suggested with reasons, and advice on the bank's size.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from finalist.coach.answers import MEASURE
from finalist.coach.reasons import Reasons, as_written, quoted
from finalist.knowledge import Knowledge
from finalist.model import Case, Story
from finalist.text import distinctive, keywords
from finalist.writing import join

THIN, LONG = 6, 12  # fewer stories leave gaps; more cannot be rehearsed well
PARTS = ("situation", "task", "action", "result")
_NUMBER = re.compile(r"(?<![\w.])[£$€]?\d[\d,.]*%?(?:\s?(?:percent|per cent|[kKmM]\b))?")


class Claim(BaseModel):
    """A number the story claims, and where in the candidate's text it stands."""

    value: str
    field: str


class Suggested(BaseModel):
    competency: str
    because: str


class StoryReport(BaseModel):
    title: str
    complete: bool
    missing: list[str]
    findings: list[str]  # what the answer analysis notices when the story is told as is
    numbers: list[Claim]
    competencies: list[str]
    suggested: list[Suggested]


class Bank(BaseModel):
    stories: list[StoryReport]
    advice: list[str]


def story_text(story: Story) -> str:
    return " ".join(getattr(story, part) or "" for part in PARTS).strip()


def numbers(story: Story) -> list[Claim]:
    """Every number in the story, with the field it comes from: nothing is added."""
    found = []
    for part in ("title", *PARTS):
        text = getattr(story, part) or ""
        found += [Claim(value=m.group(0).rstrip(".,"), field=part) for m in _NUMBER.finditer(text)]
    return found


@cache
def _vocabulary(knowledge: Knowledge) -> tuple[tuple[str, frozenset[str]], ...]:
    """The competencies the question bank tests, each with its keywords."""
    names = sorted({c for q in knowledge.questions for c in q.competencies})
    return tuple((name, distinctive(keywords(name))) for name in names)


def suggest_competencies(story: Story, knowledge: Knowledge, limit: int = 3) -> list[Suggested]:
    """Competencies the story's own words point to, each with the words that did (as
    the story writes them)."""
    text = f"{story_text(story)} {story.title}"
    terms = distinctive(keywords(text))
    written = as_written(text)
    say = Reasons(knowledge)
    scored = []
    for name, name_terms in _vocabulary(knowledge):
        shared = sorted(name_terms & terms)
        if shared and len(shared) == len(name_terms):
            scored.append((len(shared), name, shared))
    scored.sort(key=lambda s: (-s[0], s[1]))
    out = []
    for _n, name, shared in scored[:limit]:
        because = say.say("reason-story-says", words=quoted(shared, written))
        if because:
            out.append(Suggested(competency=name, because=because))
    return out


def _findings(story: Story) -> list[str]:
    """What a listener would notice, judged from the story's own fields (which say what
    is situation, action and result, so no labelling is needed)."""
    found = []
    if story.result and not MEASURE.search(story.result):
        found.append("a result with no measure: add how much, how many or how fast")
    action = (story.action or "").lower()
    we = len(re.findall(r"\bwe\b|\bour\b|\bus\b", action))
    mine = len(re.findall(r"\bi\b|\bmy\b|\bme\b", action))
    if we >= 2 and we > mine:
        found.append(
            f"'we' where they need 'I' ({we} times 'we' or 'our', {mine} 'I' or 'my' in the action)"
        )
    if story.situation and len(story.situation.split()) > 80:
        found.append("a long situation: keep it to two sentences and get to your part")
    return found


def story_report(story: Story, knowledge: Knowledge) -> StoryReport:
    missing = [part for part in PARTS if not getattr(story, part)]
    return StoryReport(
        title=story.title,
        complete=not missing,
        missing=missing,
        findings=_findings(story),
        numbers=numbers(story),
        competencies=list(story.competencies),
        suggested=[] if story.competencies else suggest_competencies(story, knowledge),
    )


def story_bank(case: Case, knowledge: Knowledge) -> Bank:
    reports = [story_report(s, knowledge) for s in case.stories]
    count = len(reports)
    advice = []
    if count == 0:
        advice.append(
            "No stories yet: write six to twelve, each with a situation, your task, "
            "what you did and a measured result (finalist story add CASE --title ...)."
        )
    elif count < THIN:
        advice.append(
            f"Only {count} stor{'y' if count == 1 else 'ies'}: a second round asks many "
            f"questions from several people; aim for {THIN} to {LONG} so you need not "
            "tell one twice."
        )
    elif count > LONG:
        advice.append(
            f"{count} stories is more than you can rehearse well: keep the "
            f"{LONG} strongest, with different competencies."
        )
    unmeasured = [s.title for s in case.stories if not MEASURE.search(s.result or "")]
    if reports and unmeasured:
        more = len(unmeasured) - 4
        titles = join([*unmeasured[:4], f"{more} more"] if more > 0 else unmeasured)
        said = Reasons(knowledge).writer.say(
            "bank-unmeasured", count=str(len(unmeasured)), total=str(count), titles=titles
        )
        advice += [said] if said else []
    return Bank(stories=reports, advice=advice)
