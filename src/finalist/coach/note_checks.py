"""The checks every thank-you note reports. Each can fail, and says why in plain words.

The checks read the finished note, not the way it was built, so they hold for a note the
candidate edits and for one a language model drafts (``check_note``).
"""

from __future__ import annotations

import itertools
import re

from pydantic import BaseModel

from finalist.text import normalise, words
from finalist.writing import article, count_words, mentions, short_role

NEAR_COPY = 0.6  # share of word pairs two notes may have in common, names and topics removed


class Check(BaseModel):
    name: str
    passed: bool
    detail: str
    blocking: bool = True  # a failed blocking check holds a note back from --send


ADVISORY = frozenset({"ties the topic to your evidence", "length", "no cliché"})


class NoteSpec(BaseModel):
    """What a note to this person must do, decided before any word is written."""

    name: str  # the person's full name
    greeting: str  # the form of address: "Dr Okafor", "Sam"
    role: str  # the job applied for
    topics: list[str]  # what the candidate discussed with them, as written
    evidence: list[str] = []  # the case's own words the note should carry (a story, a strength)
    needs_evidence: bool = True  # a short note to a representative does without
    runs_process: bool = False  # the one person the timing question goes to
    promised: list[str] = []  # what the candidate said they would send
    min_words: int = 100
    max_words: int = 180
    cliches: list[str] = []


_BROKEN = (
    (r"\{[a-z_:|]+\}", "a {slot} left in"),
    (r"\[[^\]]*\]", "a [gap] left in"),
    (r"\.\.\.|…", "text cut off with an ellipsis"),
    (r"\b(a|an|the) (a|an|the)\b", "two articles in a row"),
    (r"\s[,.;:]", "a space before punctuation"),
    (r"[.!?] [a-z]", "a sentence that starts in lower case"),
    (r"\b(\w+) \1\b", "a word written twice"),
)
_TIMING = re.compile(
    r"\bnext steps\b|\bthe next step (?:is|will)\b|\breach a decision\b|"
    r"\bdecision (?:is|was) expected\b|\bdecision by\b|"
    r"\bhear(?:ing)? (?:back|from you)\b|\bwhat happens next\b|"
    r"\bbe in touch\b|\blook forward to (?:hearing|your call)\b",
    re.IGNORECASE,
)


def body_of(note_text: str) -> str:
    """The note without its greeting line and sign-off."""
    parts = note_text.strip().split("\n\n")
    if len(parts) >= 3:
        return "\n\n".join(parts[1:-1])
    return parts[-1] if parts else ""


def paragraphs(note_text: str) -> list[str]:
    return [p for p in body_of(note_text).split("\n\n") if p.strip()]


def check_note(text: str, subject: str, spec: NoteSpec) -> list[Check]:
    """Every check for one note (the near-copy check compares notes: ``check_copies``)."""
    body = body_of(text)
    first_line = text.strip().split("\n", 1)[0]
    count = count_words(body)
    checks = [
        _greeting(first_line, spec),
        _topic(body, spec),
        _second_person(body, spec),
        _evidence(body, spec),
        _next_steps(body, spec),
        _promised(body, spec),
        Check(
            name="length",
            passed=spec.min_words <= count <= spec.max_words and 2 <= len(paragraphs(text)) <= 3,
            detail=f"{count} words in {len(paragraphs(text))} paragraphs (aim for "
            f"{spec.min_words} to {spec.max_words} words in two or three paragraphs)",
        ),
        _well_formed(body),
        _no_cliche(body, spec),
        Check(
            name="subject names the role",
            passed=normalise(short_role(spec.role)) in normalise(subject) and len(subject) <= 80,
            detail=subject,
        ),
    ]
    for check in checks:  # advice to improve the note, not a reason to hold it back
        check.blocking = check.name not in ADVISORY
    return checks


def _greeting(line: str, spec: NoteSpec) -> Check:
    expected = f"Dear {spec.greeting},"
    bare_title = re.fullmatch(
        r"(?:dear|hi|hello) (?:dr|prof|professor|cllr|councillor|mr|mrs|ms|miss|rev|revd)\.?,",
        line.strip().lower(),
    )
    ok = line.strip() == expected and not bare_title
    detail = expected if ok else f"{line.strip()!r}; expected {expected!r}"
    return Check(name="greets them properly", passed=ok, detail=detail)


def _topic(body: str, spec: NoteSpec) -> Check:
    text = normalise(body)
    found = [t for t in spec.topics if _core(t) and _core(t) in text]
    return Check(
        name="about what you discussed",
        passed=bool(found),
        detail=found[0] if found else f"none of: {'; '.join(spec.topics) or 'no topic logged'}",
    )


def _core(topic: str) -> str:
    """The topic as it appears in a sentence: without a leading article or end mark."""
    text = normalise(topic).strip(" .!?")
    return re.sub(r"^(?:the|a|an) ", "", text)


def _second_person(body: str, spec: NoteSpec) -> Check:
    named = mentions(body, spec.name)
    third = re.search(r"\b(?:she|he) (?:said|says|mentioned|told|wants|hopes)\b", body, re.I)
    ok = not named and not third
    if named:
        detail = f"speaks of {spec.name} by name in their own note"
    elif third:
        detail = f"speaks of the reader as '{third.group(0)}'"
    else:
        detail = "speaks to them as 'you' throughout"
    return Check(name="written to them, not about them", passed=ok, detail=detail)


def _evidence(body: str, spec: NoteSpec) -> Check:
    if not spec.needs_evidence:
        return Check(
            name="ties the topic to your evidence",
            passed=True,
            detail="a short note to someone who is not staff: no evidence needed",
        )
    if not spec.evidence:
        return Check(
            name="ties the topic to your evidence",
            passed=False,
            detail="no story or strength in the case fits their topic: add one",
        )
    text = normalise(body)
    found = [e for e in spec.evidence if normalise(e).strip(" .") in text]
    return Check(
        name="ties the topic to your evidence",
        passed=bool(found),
        detail=f"quotes your own words: {found[0][:80]}" if found else "none of your stories",
    )


def _next_steps(body: str, spec: NoteSpec) -> Check:
    for topic in spec.topics:  # "the hiring timeline" discussed is not a timing question
        body = re.sub(re.escape(_core(topic)), " ", body, flags=re.IGNORECASE)
    asks = bool(_TIMING.search(body))
    if spec.runs_process:
        return Check(
            name="next steps, to the right person",
            passed=asks,
            detail="they run the process: the note asks about timing"
            if asks
            else "they run the process, but the note says nothing about next steps",
        )
    return Check(
        name="next steps, to the right person",
        passed=not asks,
        detail="the timing question is left to the person who runs the process"
        if not asks
        else "asks about timing, but someone else runs the process",
    )


def _promised(body: str, spec: NoteSpec) -> Check:
    text = normalise(body)
    missing = [p for p in spec.promised if _core(p) not in text]
    return Check(
        name="sends what you promised",
        passed=not missing,
        detail="nothing promised"
        if not spec.promised
        else f"missing: {'; '.join(missing)}"
        if missing
        else f"attach: {'; '.join(spec.promised)}",
    )


def _well_formed(body: str) -> Check:
    for paragraph in body.split("\n\n"):
        start = paragraph.strip().lstrip("(")  # a quotation keeps its own case
        if start[:1].islower():
            return Check(
                name="well formed",
                passed=False,
                detail=f"a paragraph starts in lower case: {paragraph.strip()[:30]!r}",
            )
    for pattern, what in _BROKEN:
        found = re.search(pattern, body)
        if found:
            return Check(name="well formed", passed=False, detail=f"{what}: {found.group(0)!r}")
    for found in re.finditer(r"\b([Aa]n?) ([\w'-]+)", body):
        if found.group(1).lower() != article(found.group(2)):
            return Check(name="well formed", passed=False, detail=f"a/an slip: {found.group(0)!r}")
    return Check(name="well formed", passed=True, detail="no slot, gap or broken sentence")


def _no_cliche(body: str, spec: NoteSpec) -> Check:
    text = normalise(body)
    found = [c for c in spec.cliches if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)]
    return Check(
        name="no cliché",
        passed=not found,
        detail=f"reads as stock: {', '.join(found)}" if found else "plain words",
    )


# --- between notes -----------------------------------------------------------------------


def _shingles(text: str) -> set[tuple[str, str]]:
    return set(itertools.pairwise(words(text)))


def similarity(a: str, b: str) -> float:
    """Share of word pairs two texts have in common (Jaccard over bigrams)."""
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def _sentences(text: str) -> set[str]:
    return {s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3}


def check_copies(bodies: list[str], specifics: list[list[str]]) -> list[Check]:
    """For each note: does it share a sentence with another, or most of its word pairs
    once names and topics are removed?"""
    stripped = []
    for body, own in zip(bodies, specifics, strict=True):
        text = body
        for specific in sorted(own, key=len, reverse=True):
            text = text.replace(specific, " ")
        stripped.append(text)
    checks: list[Check] = []
    for i, body in enumerate(bodies):
        others = [j for j in range(len(bodies)) if j != i]
        shared = next((s for j in others for s in _sentences(body) & _sentences(bodies[j])), None)
        worst = max((similarity(stripped[i], stripped[j]) for j in others), default=0.0)
        ok = shared is None and worst < NEAR_COPY
        detail = (
            f"shares a sentence with another note: {shared[:70]!r}"
            if shared
            else f"{worst:.0%} of word pairs shared with the closest other note "
            f"(limit {NEAR_COPY:.0%})"
        )
        checks.append(Check(name="not a copy of another note", passed=ok, detail=detail))
    return checks
