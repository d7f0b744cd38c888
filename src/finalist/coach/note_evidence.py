"""The candidate's evidence for a note: which of their stories answers what each person
talked about, told in sentences that stand on their own (what they did and what came of
it, never a "they" or "both" the reader was never told about), each story to one person.
Pure and deterministic.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from finalist.coach.address import Seat
from finalist.model import Case, Story
from finalist.text import distinctive, keywords, sentences, similarity
from finalist.writing import count_words, sentence, shorten, unsentence

if TYPE_CHECKING:
    from finalist.coach.note_writer import Reader


_WEAK_START = re.compile(
    r"^(?:this|that|it|they|these|those|he|she|but|and|so|then|which|also|still)\b", re.I
)
# words that point back to something the reader of the note has not been told: anywhere,
# or (a pronoun) before the sentence has named anything it could stand for
_POINTS_BACK = re.compile(
    r"\b(?:both|these|those|since then|the same|this(?! year| term))\b|\bsince,|"
    r"\b(?:it|them|this|that)\W*$",  # "... before they read it."
    re.I,
)
_PRONOUN = re.compile(r"\b(?:their|they|them|it|its|he|she|his|her|him|there|then)\b", re.I)
PRONOUN_AFTER = 6  # a pronoun this many words in may stand for something the sentence named


def _dangling(sentence: str) -> bool:
    if _POINTS_BACK.search(sentence):
        return True
    first = " ".join(sentence.split()[:PRONOUN_AFTER])
    return bool(_PRONOUN.search(first))


_FIRST = re.compile(r"\b(?:i|we|my|our|me|us)\b", re.I)
_NUMBER = re.compile(r"\d")
_ACTED = re.compile(r"^(?:I|We|With|Together|Working)\b")
ACTION_WORDS = 24  # an action sentence longer than this is cut at a clause boundary
RESULT_WORDS = 30


def _usable(sentence: str) -> bool:
    n = count_words(sentence)
    return (
        6 <= n <= 34
        and not _WEAK_START.match(sentence)
        and not sentence.rstrip().endswith((":", ";", ","))
        and bool(_FIRST.search(sentence) or _NUMBER.search(sentence))
        and sentence.strip()[:1].isupper()
        and not _dangling(sentence)
    )


def _actions(story: Story) -> list[str]:
    """What the candidate did, each a sentence that stands on its own: "I ..." or "With
    the SENCo I ...", cut at a clause boundary when long."""
    out = []
    for s in sentences(story.action or ""):
        if not _ACTED.match(s) or _dangling(s):
            continue
        short = shorten(s, ACTION_WORDS)
        if short and short != unsentence(s) and "," in short:
            short = re.split(r",\s", short)[0]  # "I did A, B" is a list cut short: keep A
        if short and short.count("(") != short.count(")"):
            short = re.split(r"\s*\(", short)[0]  # never a bracket left open
        if short and count_words(short) >= 6:
            out.append(sentence(short))
    return out


def _results(story: Story) -> list[str]:
    """What came of it, each a sentence that names what it measures or what was done."""
    return [
        s for s in sentences(story.result or "") if _usable(s) and count_words(s) <= RESULT_WORDS
    ]


def _wanted(reader: Reader) -> frozenset[str]:
    """What the evidence must answer: what was discussed with them, not their job title."""
    talk = reader.talk
    said = distinctive(keywords(" ".join([*talk.topics, talk.interest or "", talk.clarify or ""])))
    return frozenset(t for t in said if not _COUNTING.match(t))


_COUNTING = re.compile(
    r"^(?:[\d.,%£$€]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|hundred|thousand|million|half|quarter|first|second|third)$"
)


MIN_SHARED = 2  # words a story must share with what was discussed to be used as evidence


def _story_terms(story: Story) -> frozenset[str]:
    parts = [story.title, story.situation, story.task, story.action, story.result]
    return distinctive(keywords(" ".join([*filter(None, parts), *story.competencies])))


def _best_sentence(want: frozenset[str], story: Story, score: float) -> tuple[float, str] | None:
    """The story told in one or two sentences that stand on their own: what the candidate
    did and what came of it, the sentences closest to what was discussed."""

    def close(s: str) -> float:
        return similarity(want, distinctive(keywords(s)))

    acts = sorted(_actions(story), key=lambda s: -close(s))
    results = sorted(_results(story), key=lambda s: -close(s))
    if acts and results:
        told = f"{acts[0]} {results[0]}"
        return score + 0.1 + 0.5 * close(told), told
    if results:
        return score + 0.05 + 0.5 * close(results[0]), results[0]
    if acts:
        return score + 0.5 * close(acts[0]), acts[0]
    if story_phrase(story.title) is not None:
        return score - 0.1, ""  # no sentence stands on its own: the story named by its title
    return None


def assign_evidence(readers: list[Reader], case: Case) -> list[tuple[str, str] | None]:
    """For each reader, the story sentence that best backs up what they talked about:
    (story title, sentence). Each story goes to one person only, the pairs that fit best
    first, so the story that suits the sales director is not used up on someone else."""
    terms = {story.title: _story_terms(story) for story in case.stories}
    # a word most of the case's stories share ("maths" in a maths teacher's) tells no
    # story apart: it does not count towards the fit
    spread = max(1, len(case.stories) // 3)
    common = {
        t for t in set().union(*terms.values()) if sum(t in x for x in terms.values()) > spread
    }
    pairs: list[tuple[float, int, str, str]] = []
    for i, reader in enumerate(readers):
        if reader.address.seat is not Seat.staff:
            continue
        want = _wanted(reader)
        for story in case.stories:
            score = similarity(want, terms[story.title])
            fits = len((want & terms[story.title]) - common) >= MIN_SHARED
            found = _best_sentence(want, story, score) if fits else None
            if found is not None:
                pairs.append((found[0], i, story.title, found[1]))
    chosen: list[tuple[str, str] | None] = [None] * len(readers)
    used: set[str] = set()
    for _, i, title, sentence_ in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if chosen[i] is None and title not in used:
            chosen[i] = (title, sentence_)
            used.add(title)
    return chosen


def story_phrase(title: str) -> str | None:
    """A story's title as a phrase a sentence can carry ("rebuilding the Year 7
    curriculum", "the forecast I should have challenged"); None for a title that does not
    read as one ("Five ERPs into one")."""
    title = " ".join(title.split()).rstrip(".")
    if not title or "," in title or ":" in title:
        return None
    first, *rest = title.split(" ")
    lowered = first.lower()
    if lowered in ("the", "a", "an", "my", "our") or (
        lowered.endswith("ing") and len(lowered) > 4 and rest
    ):
        keep = first[1:] != first[1:].lower()  # an initialism: "KPIs"
        return title if keep else lowered + title[len(first) :]
    return None


def story_text(story: Story) -> str:
    return " ".join(
        filter(None, [story.title, story.situation, story.task, story.action, story.result])
    )
