"""Feedback on one answer: what a listener can observe, why it matters, and what to change.

Every finding quotes the candidate's own words as evidence. The "stronger version"
reorders and trims those words and marks what is missing ("[your measured result]"); it
never adds a fact.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel

from finalist.coach.star import label_sentences
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import LEVEL_ORDER, Archetype, Level
from finalist.text import find_phrases, normalise, sentences, words

WORDS_PER_MINUTE = 150
MAX_ANSWER_WORDS = 5_000  # longer text is refused: no spoken answer runs past half an hour
LONG_SENTENCE = 35
STAR_LABEL = {"S": "situation", "T": "task", "A": "action", "R": "result", "O": "other"}


class Kind(StrEnum):
    story = "story"  # "tell me about a time"
    hypothetical = "hypothetical"  # "how would you"
    open = "open"  # "tell me about yourself", "why us": not forced into STAR


_STORY = re.compile(
    r"\b(tell me about a time|describe a time|give me an example|walk me "
    r"through a time|a time when|a time you|have you ever|an example of|"
    r"describe a situation|tell me about a (project|decision|mistake|conflict))",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"\b(how would you|what would you|imagine|suppose|if you (joined|"
    r"were|had)|in your first|what will you|how will you|walk me through "
    r"how you would)\b",
    re.I,
)
_OPEN = re.compile(
    r"\b(about yourself|why (do you want|this|us|our|are you)|what motivates|"
    r"where do you see|your (strengths|weaknesses))\b",
    re.I,
)
_FORWARD = re.compile(
    r"\b(would|will|here|going forward|next time|in this role|"
    r"i'd|i'll|plan to|intend to)\b",
    re.I,
)
_I_DID = re.compile(
    r"^(so |then |and )?i (\w+ed|led|set|ran|built|wrote|took|made|got|went|spoke|told|"
    r"found|put|sent|chose|brought|did|began|drew|gave|kept|met|paid|sat|saw|sold)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|me|my|we|we're|we've|our|us)\b", re.I)
_WE = re.compile(r"\bwe\b", re.I)
MEASURE = re.compile(
    r"\d|%|£|\$|€|\b(half|double|doubled|twice|halved|tripled|percent|hours|days|weeks|"
    r"months|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand|million|dozen)\b",
    re.I,
)


def question_kind(question: str | None) -> Kind:
    if not question:
        return Kind.story
    if _OPEN.search(question):
        return Kind.open
    if _STORY.search(question):
        return Kind.story
    if _HYPOTHETICAL.search(question):
        return Kind.hypothetical
    return Kind.story


class Sentence(BaseModel):
    text: str
    label: str


class Finding(BaseModel):
    id: str
    message: str
    evidence: list[str]
    why: str
    fix: str
    weight: int  # how much it matters; the top changes are the heaviest findings


class Analysis(BaseModel):
    question: str | None
    kind: Kind
    sentences: list[Sentence]
    words: int
    seconds: int
    target_seconds: tuple[int, int]
    findings: list[Finding]
    top_changes: list[str]
    stronger: str
    notes: list[str]


def _target(kind: Kind, archetype: Archetype | None, level: Level | None) -> tuple[int, int]:
    senior = archetype is Archetype.executive or (
        level is not None and LEVEL_ORDER[level] >= LEVEL_ORDER[Level.vp]
    )
    if kind is Kind.open:
        return (45, 90) if senior else (60, 120)
    return (45, 90) if senior else (60, 150)


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f"'{text}'" if len(text) <= limit else f"'{text[: limit - 3].rsplit(' ', 1)[0]}...'"


MAX_ANSWER_BYTES = 1_000_000


def check_answer(text: str, where: str = "the answer") -> str:
    """The answer as given, or a FinalistError that says what is wrong with it: empty,
    only punctuation, or far longer than any answer."""
    from finalist.errors import FinalistError

    if len(text.encode("utf-8", "replace")) > MAX_ANSWER_BYTES:
        raise FinalistError(
            f"{where} is longer than {MAX_ANSWER_BYTES // 1000} KB; paste one answer"
        )
    if not text.strip():
        raise FinalistError(f"{where} is empty; type or paste the answer you would give")
    count = len(words(text))
    if count == 0:
        raise FinalistError(f"{where} has no words, only punctuation or symbols")
    if count > MAX_ANSWER_WORDS:
        raise FinalistError(
            f"{where} has {count:,} words; an answer is at most {MAX_ANSWER_WORDS:,} "
            "(about half an hour spoken): give one answer at a time"
        )
    return text


def analyze_answer(
    answer: str,
    knowledge: Knowledge,
    *,
    question: str | None = None,
    archetype: Archetype | None = None,
    level: Level | None = None,
    transcript: bool = False,
) -> Analysis:
    """Feedback on one answer. ``transcript`` says the text is speech written down (so
    fillers and pace can be judged), not typed."""
    parts = sentences(answer)
    # an action is something the candidate or their team did: a sentence that names
    # neither is scene-setting, whatever the labeller guessed
    labels = [
        "S" if label == "A" and not _FIRST_PERSON.search(text) else label
        for text, label in zip(parts, label_sentences(parts) if parts else [], strict=True)
    ]
    labelled = [Sentence(text=t, label=lab) for t, lab in zip(parts, labels, strict=True)]
    kind = question_kind(question)
    total = len(words(answer))
    spoken = round(total * 60 / WORDS_PER_MINUTE)
    target = _target(kind, archetype, level)
    text = normalise(answer)
    findings: list[Finding] = []
    notes: list[str] = []
    has = set(labels)

    if kind is Kind.story and parts:
        # a result follows what you did: with no action, nothing counts as a result
        results = [s for s in labelled if s.label == "R"] if "A" in has else []
        if not results:
            findings.append(
                Finding(
                    id="no-result",
                    weight=10,
                    message="no result: the story stops before saying what changed",
                    evidence=[_quote(labelled[-1].text)],
                    why="The result is the proof; without it the interviewer has to guess whether "
                    "what you did worked.",
                    fix="End with what changed and how you knew: [your measured result].",
                )
            )
        elif not any(MEASURE.search(s.text) for s in results):
            findings.append(
                Finding(
                    id="result-no-measure",
                    weight=7,
                    message="a result with no measure",
                    evidence=[_quote(s.text) for s in results[:2]],
                    why="A number, or a before and after, makes a result believable.",
                    fix="Add how much, how many or how fast: [your measure], from your records.",
                )
            )

        # your part starts at the first action, the first "I did" sentence, or a result;
        # a "result" in the middle of the scene-setting (followed by more situation) is
        # part of the set-up: the labeller can take a past complaint for an outcome
        def starts_your_part(i: int, s: Sentence) -> bool:
            if s.label == "A" or _I_DID.match(s.text):
                return True
            following = labelled[i + 1].label if i + 1 < len(labelled) else None
            return s.label == "R" and (i == 0 or following != "S")

        first_action = next((i for i, s in enumerate(labelled) if starts_your_part(i, s)), None)
        setup = labelled[: first_action if first_action is not None else len(labelled)]
        setup_words = sum(len(words(s.text)) for s in setup)
        if len(setup) >= 3 and setup_words > 0.4 * max(total, 1):
            senior = archetype is Archetype.executive or (
                level is not None and LEVEL_ORDER[level] >= LEVEL_ORDER[Level.director]
            )
            findings.append(
                Finding(
                    id="long-setup",
                    weight=8 if senior else 5,
                    message=f"a long set-up: {len(setup)} sentences before you say what you did",
                    evidence=[_quote(setup[0].text), _quote(setup[-1].text)],
                    why="Senior listeners want the headline first; a long set-up loses them before "
                    "the point."
                    if senior
                    else "The interviewer is waiting for your part; context only frames it.",
                    fix="Open with one line of outcome, keep the situation to one or two "
                    "sentences, then your actions.",
                )
            )
        # the actions, and anything else that is not scene-setting (labels can slip)
        action_text = " ".join(s.text for s in labelled if s.label != "S").lower()
        we = len(re.findall(r"\bwe\b|\bour\b|\bus\b", action_text))
        i_count = len(re.findall(r"\bi\b|\bmy\b|\bme\b", action_text))
        if we >= 2 and we > i_count:
            findings.append(
                Finding(
                    id="we-not-i",
                    weight=8,
                    message=f"'we' where they need 'I' ({we} times 'we' or 'our', {i_count} 'I' or "
                    "'my' in your actions)",
                    evidence=[
                        _quote(s.text) for s in labelled if re.search(r"\bwe\b", s.text, re.I)
                    ][:2],
                    why="They are hiring you, not the team: they need to hear your part.",
                    fix="Keep the team in, but say what you decided, built or persuaded: 'I ...'.",
                )
            )
        if "A" not in has and "S" in has:
            findings.append(
                Finding(
                    id="no-action",
                    weight=9,
                    message="no action: it sets the scene but never says what you did",
                    evidence=[_quote(labelled[0].text)],
                    why="The action is what they are assessing.",
                    fix="Add two or three sentences that start with 'I' and a verb.",
                )
            )
    if kind is not Kind.open and parts and not _FORWARD.search(text):
        findings.append(
            Finding(
                id="past-only",
                weight=6 if kind is Kind.story else 9,
                message="only the past: nothing on how you would do it here",
                evidence=[_quote(labelled[-1].text)],
                why="Round two asks how you will do the job and raise the role, not only what "
                "you did before.",
                fix="Close with one sentence on how you would apply it here, and what you would "
                "do better: [how you would do it here].",
            )
        )
    if (
        kind is Kind.hypothetical
        and parts
        and labels.count("O") < len(labels) / 2
        and not re.search(r"\b(would|will|i'd|i'll)\b", text)
    ):
        notes.append(
            "A 'how would you' question: a past example helps, but answer the "
            "question first with what you would do."
        )

    for lexicon_id, finding_id, weight, message in (
        ("hedges", "hedges", 4, "hedging"),
        ("jargon", "jargon", 3, "jargon"),
    ):
        lexicon = knowledge.lexicons.get(lexicon_id)
        if lexicon is None:
            continue
        hits = find_phrases(lexicon.words, text)
        threshold = 2 if lexicon_id == "hedges" else 1
        if len(hits) >= threshold:
            findings.append(
                Finding(
                    id=finding_id,
                    weight=weight,
                    message=f"{message}: {', '.join(sorted(set(hits))[:5])}",
                    evidence=sorted(set(hits))[:5],
                    why=lexicon.advice,
                    fix="Say it plainly and with conviction; keep 'I think' for real uncertainty."
                    if lexicon_id == "hedges"
                    else "Use the plain word your listener would use.",
                )
            )
    fillers = knowledge.lexicons.get("fillers")
    if fillers is not None:
        hits = find_phrases(fillers.words, text)
        if transcript and len(hits) >= 3:
            findings.append(
                Finding(
                    id="fillers",
                    weight=4,
                    message=f"filler words: {', '.join(sorted(set(hits)))}",
                    evidence=sorted(set(hits)),
                    why=fillers.advice,
                    fix="Pause instead; a silent second sounds more confident than 'um'.",
                )
            )
    if not transcript:
        notes.append(
            "Typed text: pace and filler words can only be judged from a transcript "
            "of the spoken answer."
        )
    long_ones = [s for s in parts if len(words(s)) > LONG_SENTENCE]
    if long_ones:
        findings.append(
            Finding(
                id="hard-to-follow",
                weight=3,
                message=f"{len(long_ones)} sentence{'s' if len(long_ones) > 1 else ''} longer than "
                f"{LONG_SENTENCE} words",
                evidence=[_quote(long_ones[0])],
                why="A listener cannot re-read: long sentences lose them halfway.",
                fix="Split it: one idea per sentence.",
            )
        )
    if parts and spoken > target[1]:
        findings.append(
            Finding(
                id="too-long",
                weight=5,
                message=f"about {spoken} seconds spoken; aim for {target[0]} to {target[1]}",
                evidence=[f"{total} words"],
                why="Past the target the listener starts to drift, especially a senior one.",
                fix="Cut the set-up and any second example.",
            )
        )
    elif parts and spoken < target[0] // 2:
        findings.append(
            Finding(
                id="too-short",
                weight=6,
                message=f"about {spoken} seconds spoken; aim for {target[0]} to {target[1]}",
                evidence=[f"{total} words"],
                why="A very short answer sounds thin for round two.",
                fix="Add what you did and what changed, with one number.",
            )
        )
    findings.sort(key=lambda f: (-f.weight, f.id))
    return Analysis(
        question=question,
        kind=kind,
        sentences=labelled,
        words=total,
        seconds=spoken,
        target_seconds=target,
        findings=findings,
        top_changes=[f.fix for f in findings[:3]],
        stronger=stronger_version(labelled, findings),
        notes=notes,
    )


def stronger_version(labelled: list[Sentence], findings: list[Finding]) -> str:
    """The candidate's own sentences, reordered (result first, then situation, task,
    actions) and trimmed of 'other' sentences; gaps marked in brackets, nothing invented."""
    if not labelled:
        return ""
    ids = {f.id for f in findings}
    by = {lab: [s.text for s in labelled if s.label == lab] for lab in "STARO"}
    if not (by["S"] or by["T"] or by["A"] or by["R"]):
        return " ".join(by["O"])
    headline = by["R"][:1] or ["[your measured result, in one sentence]"]
    out = [*headline, *by["S"][:2], *by["T"][:1], *by["A"], *by["R"][1:]]
    if "result-no-measure" in ids:
        out.append("[your measure: how much, how many or how fast]")
    if "past-only" in ids:
        out.append("[how you would do it here]")
    return " ".join(out)
