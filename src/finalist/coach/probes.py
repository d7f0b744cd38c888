"""The follow-up a real interviewer would ask next, chosen from what the answer lacks.

Each probe says why it was chosen. The same probe is never asked twice in a row.
"""

from __future__ import annotations

from pydantic import BaseModel

from finalist.coach.answers import Analysis
from finalist.knowledge.schema import Archetype

# (finding, probe, why), in the order an interviewer would reach for them
_BY_FINDING: tuple[tuple[str, str, str], ...] = (
    ("no-action", "What did you do yourself, step by step?", "the answer had no action"),
    ("no-result", "What changed as a result, and how did you know?", "the answer had no result"),
    ("we-not-i", "What was your own part in that?", "the answer said 'we' more than 'I'"),
    (
        "result-no-measure",
        "How did you measure that? What was the number before and after?",
        "the result had no measure",
    ),
    (
        "past-only",
        "How would you approach that here, with what you know about us?",
        "the answer stayed in the past",
    ),
    ("long-setup", "What was the outcome, in one sentence?", "the set-up was long"),
)
_EXECUTIVE = (
    "What did it mean for the business, in money, risk or customers?",
    "an executive listens for business impact",
)
_SMOOTH = (
    "What went wrong along the way, and what did you change because of it?",
    "a story with no setback sounds rehearsed; they test how you handle one",
)
_RAISE = (
    "How would you take that further in this role than the job description asks?",
    "round two asks how you would raise the role",
)


class Probe(BaseModel):
    text: str
    why: str


def choose_probe(
    analysis: Analysis,
    archetype: Archetype | None,
    question_probes: list[str],
    previous: list[str],
) -> Probe:
    """The next follow-up: what the answer lacks first, then the interviewer's own angle,
    then the question's own probes; never the probe asked just before."""
    last = previous[-1] if previous else None
    found = {f.id for f in analysis.findings}
    options: list[tuple[str, str]] = [
        (probe, why) for finding, probe, why in _BY_FINDING if finding in found
    ]
    if archetype is Archetype.executive:
        options.append(_EXECUTIVE)
    failure_words = ("wrong", "mistake", "failed", "setback", "didn't", "did not", "problem")
    if analysis.kind.value == "story" and not any(
        w in analysis.stronger.lower() for w in failure_words
    ):
        options.append(_SMOOTH)
    options += [(p, "the follow-up this question usually gets") for p in question_probes]
    options.append(_RAISE)
    for probe, why in options:
        if probe != last and probe not in previous[-2:]:
            return Probe(text=probe, why=why)
    return (
        Probe(text=_RAISE[0], why=_RAISE[1])
        if _RAISE[0] != last
        else Probe(text=_SMOOTH[0], why=_SMOOTH[1])
    )
