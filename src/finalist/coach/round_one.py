"""Round one read as what it is: what went well, what went badly, what was never asked.

From the case's own fields (``first_round.went_well``, ``went_badly``, ``not_asked``) when
the candidate filled them in, and otherwise from the free ``notes``, a sentence at a time,
by the words candidates use for each ("went badly", "sounded thin", "did not ask", "left
open", "landed", ...). Each item keeps the text as the candidate wrote it, what it was
about (ready to follow "your answer on"), who heard it when the text or the round-one
interviewers say so, and why it was read that way. Pure and deterministic.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from finalist.coach.address import given_name, surname
from finalist.model import Case, Interviewer
from finalist.text import sentences
from finalist.writing import Kind, kind_of, shorten

Part = Literal["went_well", "went_badly", "not_asked"]
TOPIC_WORDS = 16  # a topic longer than this is shortened at a clause boundary, or left out

_CUES: dict[Part, tuple[str, ...]] = {
    "went_badly": (
        "went badly",
        "sounded thin",
        "was thin",
        "struggled",
        "weak",
        "too general",
        "vague",
        "fumbled",
        "rambled",
        "was thrown",
        "a bit flat",
        "was flat",
        "went wrong",
        "poor answer",
        "could not answer",
        "couldn't answer",
        "too long on",
    ),
    "not_asked": (
        "did not ask",
        "didn't ask",
        "did not get asked",
        "didn't get asked",
        "never asked",
        "not asked",
        "nobody asked",
        "no one asked",
        "left open",
        "open question",
        "did not come up",
        "didn't come up",
        "never came up",
    ),
    "went_well": (
        "went well",
        "landed",
        "liked",
        "loved",
        "impressed",
        "good on",
        "strong on",
        "good conversation",
        "good energy",
    ),
}
_ORDER: tuple[Part, ...] = ("went_badly", "not_asked", "went_well")
_FIELD_NAME = {"went_well": "went_well", "went_badly": "went_badly", "not_asked": "not_asked"}
# a label the candidate put before the point: "Left open: whether ..."
_CUE_LABEL = re.compile(
    r"^(?:left open|weakest moment|went badly|went well|not asked|never asked|open|"
    r"to fix|fix|weak spot)\s*[:;-]\s*",
    re.I,
)
_TOPIC_PATTERNS = (
    re.compile(r"\basked (?:me )?(?:\w+ly )?(?:about|on) (?P<t>.+)", re.I),
    re.compile(
        r"\basked (?:me )?(?:\w+ly )?(?P<t>(?:how|what|whether|why|which|when|where)\b.+)", re.I
    ),
    re.compile(r"\basked (?:me )?(?P<t>to .+)", re.I),
    re.compile(r"\b(?:question|answer)s? (?:from [^,:;]+? )?(?:on|about|to) (?P<t>.+)", re.I),
    re.compile(
        r"\b(?:weak|weakest|thin|vague|poor|shaky|struggled|good|strong) (?:on|with) (?P<t>.+)",
        re.I,
    ),
    re.compile(r"\bfumbled (?P<t>.+?) question\b", re.I),
    re.compile(
        r"\b(?:nothing|nobody asked|no one asked|not asked|never asked|did not (?:get )?ask(?:ed)?|"
        r"didn't (?:get )?ask(?:ed)?) (?:on|about) (?P<t>.+)",
        re.I,
    ),
    re.compile(r"\bliked (?P<t>(?:the|my|our) .+)", re.I),
    re.compile(r"(?P<t>\b(?:the|my|our) [^,;:.]{1,60}? (?:story|example|case study))\b", re.I),
)
# where the topic stops: the rest is the candidate's account of how it went
_TOPIC_END = re.compile(
    r"\s*[:;(\u2013\u2014]|\.(?:\s|$)|"
    r",\s*(?=(?:and|but|which|so|because|since|as|though|while|with|i|we|she|he|they|my|it)\b|\d)|"
    r"\s(?=(?:and|but) (?:i|we|my|she|he|they|it)\b)|"
    r"\s(?=(?:because|since|which|but|then|without|before)\b)|"
    r"\s+(?=(?:landed|went well|went badly|sounded|was too|were too)\b)",
    re.I,
)
_TAIL = re.compile(r"\s+(?:at all|in any detail|itself|again|instead|properly)$", re.I)
_SECOND_PERSON = {
    "i": "you",
    "i'd": "you'd",
    "i'm": "you're",
    "i've": "you've",
    "i'll": "you'll",
    "my": "your",
    "me": "you",
    "myself": "yourself",
    "mine": "yours",
}
_PRONOUN = re.compile(r"\b(?:she|he|her|him|his)\b", re.I)
_THE_TITLE = re.compile(r"\bthe ((?:[A-Z][\w&-]*)(?: [A-Z][\w&-]*){0,2})")
_RAISE = re.compile(r"\b(?:left open|open question|did not ask|didn't ask|whether)\b", re.I)
_ARTICLES = frozenset("the a an my our their this that these those nothing".split())


class RoundOneItem(BaseModel):
    """One thing round one left: as written, what it was about, who heard it, and why."""

    text: str  # as the candidate wrote it (spacing tidied)
    topic: str | None  # what it was about, for "your answer on ..." (you, not I)
    heard_by: str | None  # the full name of the person who heard it, when known
    raise_it: bool = False  # something the candidate meant to ask: to raise in round two
    source: str  # where it was read: "went_badly in your round-one notes"
    why: str  # how it was read, in plain words


class RoundOne(BaseModel):
    went_well: list[RoundOneItem]
    went_badly: list[RoundOneItem]
    not_asked: list[RoundOneItem]

    def items(self) -> list[tuple[Part, RoundOneItem]]:
        return [(part, item) for part in _ORDER for item in getattr(self, part)]


def _tidy(text: str) -> str:
    return " ".join(text.split())


def cue_of(sentence: str) -> tuple[Part, str] | None:
    """Which part of round one a sentence of the free notes speaks of, and the words that
    say so; the first of went badly, not asked, went well that matches."""
    lower = sentence.lower().replace("\u2019", "'")
    for part in _ORDER:
        for cue in _CUES[part]:
            if re.search(rf"(?<![\w-]){re.escape(cue)}", lower):
                return part, cue
    return None


def _second_person(text: str) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return _SECOND_PERSON.get(word.lower().replace("\u2019", "'"), word)

    return re.sub(r"(?<![\w'])[A-Za-z]+(?:['\u2019][a-z]+)?(?![\w'])", swap, text)


def lower_start(text: str, proper: frozenset[str]) -> str:
    """ "Research" as "research" in mid-sentence; names, initialisms and a name of two
    words the case writes in mid-sentence ("A level") stay as written."""
    words = text.split(" ")
    bare = words[0].strip("\"'\u201c\u2018")
    if " ".join(words[:2]) in proper or (len(words) > 1 and words[1][:1].isdigit()):
        return text  # "A level uptake", "Progress 8 in maths"
    if bare.lower() not in _ARTICLES and len(words) > 1 and words[1][:1].isupper():
        return text  # a name of several words: "Considerate Constructors scores"
    keep = bare.lower() not in _ARTICLES and (
        bare in proper or bare[1:] != bare[1:].lower() or bare == "I"
    )
    return text if keep else text[:1].lower() + text[1:]


def topic_of(text: str, proper: frozenset[str] = frozenset()) -> str | None:
    """What a round-one point was about: "asked about trade spend ... : I have never ..."
    gives "trade spend ...", "asked how I would ..." gives "how you would ..."; a short
    label before a colon ("Research: ...") is the topic itself. None when nothing reads
    as a topic, or it would have to be cut mid-phrase."""
    text = _CUE_LABEL.sub("", _tidy(re.sub(r"\s*\([^)]{0,80}\)", "", text)))
    if not text:
        return None
    label = re.match(r"^([^:;.]{2,60}?)\s*[:;]\s+\S", text)
    found: str | None = None
    if (
        label
        and len(label.group(1).split()) <= 6
        and kind_of(label.group(1)) is Kind.noun_phrase
        and cue_of(label.group(1)) is None
    ):
        found = label.group(1)
    else:
        for pattern in _TOPIC_PATTERNS:
            match = pattern.search(text)
            if match:
                found = match.group("t")
                break
    if found is None:
        first = sentences(text)[0] if sentences(text) else text
        found = first
        whole = True
    else:
        whole = False
    end = _TOPIC_END.search(found)
    if end is not None and end.start() > 0:
        found = found[: end.start()]
    found = _TAIL.sub("", found.strip(" ,.;:\"'\u201c\u201d"))
    if not found or (whole and kind_of(found) not in (Kind.noun_phrase, Kind.clause)):
        return None
    if whole and kind_of(found) is Kind.noun_phrase and len(found.split()) > 10:
        return None
    found = _second_person(found)
    short = shorten(found, TOPIC_WORDS)
    return lower_start(short, proper) if short else None


def _named(person: Interviewer, text: str) -> str | None:
    """The words in ``text`` that name ``person``, if any."""
    for form in (person.name, given_name(person.name), surname(person.name)):
        if len(form) > 1 and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            return form
    return None


def _people(case: Case) -> list[Interviewer]:
    first = case.opportunity.first_round
    seen: list[Interviewer] = list(first.interviewers) if first else []
    for rnd in case.rounds:
        for person in rnd.interviewers:
            if not any(p.name.casefold() == person.name.casefold() for p in seen):
                seen.append(person)
    return seen


def heard_by(
    text: str, case: Case, before: str = "", *, sole: bool = True
) -> tuple[str | None, str | None]:
    """Who heard a point, and why finalist thinks so: a person named in it (round one's
    people first), a title ("the Director"), or "she"/"he" for the last person named in
    the notes before it; else the only person met in round one (``sole``)."""
    first = case.opportunity.first_round
    met = list(first.interviewers) if first else []
    for person in _people(case):
        form = _named(person, text)
        if form is not None:
            why = "your notes name them" if form == person.name else f"your notes say {form}"
            return person.name, why
    for match in _THE_TITLE.finditer(text):
        said = match.group(1).lower()
        fits = [p for p in met if p.title and re.search(rf"\b{re.escape(said)}\b", p.title.lower())]
        if len(fits) == 1:
            return (
                fits[0].name,
                f"your notes say the {match.group(1)}, and {fits[0].name} is the {fits[0].title}",
            )
    if _PRONOUN.search(text):
        last: tuple[int, Interviewer] | None = None
        for person in met:
            at = _last_named(person, before)
            if at >= 0 and (last is None or at > last[0]):
                last = (at, person)
        if last is not None:
            return last[1].name, f"the last person your notes name before it is {last[1].name}"
    if len(met) == 1 and sole:
        return met[0].name, f"{met[0].name} is the only person you met in round one"
    return None, None


def _last_named(person: Interviewer, text: str) -> int:
    """Where ``text`` last names ``person``, or -1."""
    at = -1
    for form in (person.name, given_name(person.name), surname(person.name)):
        if len(form) > 1:
            for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                at = max(at, match.start())
    return at


def proper_words(case: Case) -> frozenset[str]:
    """Words the case writes with a capital in mid-sentence: names, not sentence starts."""
    opp = case.opportunity
    first = opp.first_round
    texts = [opp.company_notes or "", opp.job_description or ""]
    if first:
        texts += [first.notes or "", first.went_well or "", first.went_badly or ""]
        texts += [first.not_asked or ""]
    words: set[str] = set()
    for person in _people(case):
        words.update(person.name.split())
    for text in texts:
        for line in sentences(text):
            words.update(re.findall(r"(?<=\s)[A-Z][\w&'-]*", line))
            words.update(re.findall(r"(?<=\s)[A-Z][\w&'-]* [A-Za-z][\w&'-]*", line))
    words.update(opp.company.split())
    return frozenset(words)


def _item(
    text: str, part: Part, case: Case, source: str, why: str, before: str, proper: frozenset[str]
) -> RoundOneItem:
    who, who_why = heard_by(text, case, before, sole=part != "not_asked")
    reasons = [why] + ([f"{who} heard it ({who_why})"] if who and who_why else [])
    return RoundOneItem(
        text=text,
        topic=topic_of(text, proper),
        heard_by=who,
        raise_it=part == "not_asked" and bool(_RAISE.search(text)),
        source=source,
        why="; ".join(reasons),
    )


def _split_open(text: str) -> list[str]:
    """ "Left open: whether A, and whether B" as two points, each with its own topic."""
    head = _CUE_LABEL.match(text)
    body = text[head.end() :] if head else text
    parts = re.split(r",?\s+and\s+(?=whether\b)|;\s+(?=whether\b)", body)
    if len(parts) < 2:
        return [text]
    return [(head.group(0) if head else "") + p.strip().rstrip(".") for p in parts]


def read_round_one(case: Case) -> RoundOne:
    """What round one left, part by part: the case's own fields where filled in, the free
    notes (by the words that say which part a sentence is) for the others."""
    first = case.opportunity.first_round
    found: dict[Part, list[RoundOneItem]] = {part: [] for part in _ORDER}
    if first is None:
        return RoundOne(went_well=[], went_badly=[], not_asked=[])
    proper = proper_words(case)
    notes = first.notes or ""
    for part in _ORDER:
        written = getattr(first, part)
        if not written:
            continue
        for paragraph in re.split(r"\n\s*\n|\n\s*[-*\u2022]\s+", written.strip()):
            text = _tidy(paragraph.lstrip("-*\u2022 "))
            if text:
                found[part].append(
                    _item(
                        text,
                        part,
                        case,
                        f"{_FIELD_NAME[part]} in your round-one notes",
                        f"you wrote it under {_FIELD_NAME[part]}",
                        notes,
                        proper,
                    )
                )
    lines = sentences(notes)
    for i, line in enumerate(lines):
        cue = cue_of(line)
        if cue is None or getattr(first, cue[0]):
            continue
        part, said = cue
        before = " ".join(lines[:i])
        pieces = _split_open(line) if part == "not_asked" else [line]
        for piece in pieces:
            found[part].append(
                _item(
                    _tidy(piece),
                    part,
                    case,
                    "your round-one notes",
                    f'your notes say "{said}"',
                    before,
                    proper,
                )
            )
    return RoundOne(
        went_well=found["went_well"], went_badly=found["went_badly"], not_asked=found["not_asked"]
    )
