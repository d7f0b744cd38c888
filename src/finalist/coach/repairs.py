"""Round one's weak answers and open questions, made into preparation for round two.

A weak answer becomes a question to prepare again, with why (what the notes say and who
heard it), how to answer it this time (by what went wrong: a gap in experience, no
number, too long, too vague) and the story that fits it best. Something never asked
becomes a question to be ready for; something left open, a question to raise. Every
sentence comes from ``phrasing/repairs.yaml``.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from finalist.coach.matching import fit
from finalist.coach.reasons import Reasons, reasons_for
from finalist.coach.round_one import Part, RoundOne, RoundOneItem
from finalist.model import Story
from finalist.writing import Kind, Writer, kind_of

RepairKind = Literal["weak answer", "not asked", "to raise"]
LABEL: dict[RepairKind, str] = {
    "weak answer": "Prepare again",
    "not asked": "Be ready for",
    "to raise": "Ask",
}
STORY_FIT = 1.5  # a story this close to the topic is worth building the answer on

# what went wrong with the answer, read from the candidate's own words, first match wins
_WHAT_WENT_WRONG: tuple[tuple[str, str], ...] = (
    (
        r"\b(?:never|have not|haven't|had not|hadn't|only done|only had|only have|admit\w*|"
        r"did not know|didn't know|couldn't speak|could not speak|had nothing|no experience)\b",
        "repair-advice-gap",
    ),
    (
        r"\b(?:no number|without numbers|not give a number|didn't give a number|guessed|"
        r"no figure|gave no number)\b",
        "repair-advice-number",
    ),
    (
        r"\b(?:ran out of time|too long|rambled|talked around|didn't leave time|"
        r"did not leave time)\b",
        "repair-advice-short",
    ),
)
_INVERT = re.compile(
    r"^(?P<wh>how|what|why|when|where|which)(?P<mid>(?: [\w'-]+){0,3}?) you"
    r"(?P<aux>'d| would| could| will| can| might| should) (?P<rest>.+)$",
    re.I,
)
_AUX = {"'d": "would"}


class Repair(BaseModel):
    kind: RepairKind
    label: str  # what to do with it, for a heading: "Prepare again", "Ask"
    question: str | None  # the question to prepare, or to ask; None when none reads well
    noted: str  # what you wrote about round one, as you wrote it
    topic: str | None  # what it was about
    heard_by: str | None
    why: str  # in plain words: what your notes say, and who heard it
    point: str | None  # for the consensus map: "You noted your answer on ... was weak ..."
    advice: list[str]  # how to answer it this time
    story: str | None  # the story to build the answer on
    story_why: str | None  # why that story fits


def _question(w: Writer, kind: RepairKind, topic: str | None) -> str | None:
    """The interview question a round-one point becomes: "how you would manage X" as "How
    would you manage X?", a noun phrase as "How would you approach X?"."""
    if topic is None:
        return None
    found = kind_of(topic)
    if kind == "to raise":
        if found is Kind.clause:
            return w.say("repair-raise-clause", topic=topic)
        return w.say("repair-raise-np", topic=topic)
    if found is Kind.infinitive:
        return w.say("repair-question-do", action=topic.removeprefix("to ").strip())
    match = _INVERT.match(topic)
    if match:
        aux = match.group("aux").strip()
        return w.say(
            "repair-question-wh",
            wh=match.group("wh") + match.group("mid"),
            aux=_AUX.get(aux, aux),
            rest=match.group("rest"),
        )
    if found is Kind.clause:
        return w.say("repair-question-clause", topic=topic)
    return w.say("repair-question-np", topic=topic)


def _story(
    topic: str | None, noted: str, stories: list[Story], told: list[str], say: Reasons
) -> tuple[str | None, str | None]:
    """The story that fits best and was not told in round one already, and why."""
    asked = topic or re.sub(r"\b(?:went badly|went wrong|badly|weak)\b", " ", noted, flags=re.I)
    fits = sorted((fit(asked, (), s, say) for s in stories), key=lambda f: (-f.score, f.story))
    for f in fits:
        if f.score >= STORY_FIT and f.story not in told:
            return f.story, "; ".join(f.reasons) or None
    return None, None


def repair_of(
    w: Writer, part: Part, item: RoundOneItem, stories: list[Story], told: list[str]
) -> Repair | None:
    """What a round-one point asks of round two; None for what went well."""
    if part == "went_well":
        return None
    kind: RepairKind = (
        "weak answer" if part == "went_badly" else "to raise" if item.raise_it else "not asked"
    )
    # a point with no topic (pay raised too early, say) is not an answer to rebuild
    story, story_why = (
        _story(item.topic, item.text, stories, told, reasons_for(w.knowledge))
        if kind != "to raise" and item.topic
        else (None, None)
    )
    advice: list[str | None] = []
    point: str | None = None
    if kind == "weak answer" and item.topic is None:
        advice.append(w.say("repair-advice-noted"))
        point = w.say("repair-point-weak-noted")
    elif kind == "weak answer":
        how = next(
            (phrase for cue, phrase in _WHAT_WENT_WRONG if re.search(cue, item.text, re.I)),
            "repair-advice-specific",
        )
        advice.append(w.say(how))
        point = w.say("repair-point-weak", topic=item.topic)
    elif kind == "not asked":
        advice.append(w.say("repair-advice-ready"))
    else:
        advice.append(w.say("repair-advice-raise"))
    if kind != "to raise" and item.topic:
        advice.append(
            w.say("repair-advice-story", story=story) if story else w.say("repair-advice-no-story")
        )
    return Repair(
        kind=kind,
        label=LABEL[kind],
        question=_question(w, kind, item.topic),
        noted=item.text,
        topic=item.topic,
        heard_by=item.heard_by,
        why=item.why,
        point=point,
        advice=[a for a in advice if a],
        story=story,
        story_why=story_why,
    )


def repairs(w: Writer, round_one: RoundOne, stories: list[Story], told: list[str]) -> list[Repair]:
    """Every weak answer, then what was never asked or left open, as preparation."""
    found = [repair_of(w, part, item, stories, told) for part, item in round_one.items()]
    return [r for r in found if r is not None]
