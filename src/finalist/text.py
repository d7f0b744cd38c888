"""Shared text helpers: words, light stemming, keywords and similarity.

Deliberately simple and deterministic: every match it makes can be shown to the user as
"these words in common".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_APOSTROPHES = "'\u2019"
_WORD = re.compile(rf"[^\W\d_]+(?:[{_APOSTROPHES}][^\W\d_]+)?|\d+(?:[.,]\d+)?%?", re.UNICODE)

STOP = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    even ever every few for from further get gets got had has have having he her here
    hers herself him himself his how i if in into is it its itself just last let like
    made make makes many may me might more most much must my myself need new next no nor
    not now of off on once one only or other our ours ourselves out over own per put
    quite rather really said same say says see she should since so some such take tell
    than that the their theirs them themselves then there these they thing things this
    those through to too two under until up upon us use used very via want wants was way
    we well were what when where which while who whom why will with within without would
    yes yet you your yours yourself yourselves walk talk give us time times someone
    something work working able think know going go went come let's describe example
    """.split()
)

# Words too common in job posts and interview questions to say anything when they match.
COMMON_WORK = frozenset(
    """
    general specific asked ask answer answered told tell said
    size figure figures number numbers move moving point start end place set run keep look
    show long short fast little big small large real next last today kind sort lot lots
    team teams people role roles company companies business work working job jobs help
    across across new good great best better lead leading leader manage management
    manager managers support build building make making deliver delivering drive driving
    ensure experience skills strong ability day days week weeks month months year years
    time first early plan plans planning approach part own ownership take taking bring
    colleague colleagues teammate teammates client clients customer customers
    stakeholder stakeholders partner partners organisation organization function
    department area areas change changes win wins goal goals result results impact
    success successful level high key main problem problems issue issues question
    questions answer decision decisions example way ways thing things know knowing want
    wanted need needs like often still usually always never ever every many much well
    really actually find finds found able whole
    """.split()
)

# Words that mean the same thing for matching purposes (our own small lexicon).
SYNONYMS: dict[str, str] = {
    "customer": "client",
    "clients": "client",
    "customers": "client",
    "colleague": "teammate",
    "coworker": "teammate",
    "peer": "teammate",
    "boss": "manager",
    "supervisor": "manager",
    "stress": "pressure",
    "deadline": "pressure",
    "crunch": "pressure",
    "deadlines": "pressure",
    "urgent": "pressure",
    "executive": "leader",
    "executives": "leader",
    "leadership": "leader",
    "senior": "leader",
    "board": "leader",
    "department": "team",
    "departments": "team",
    "function": "team",
    "group": "team",
    "disagree": "conflict",
    "disagreement": "conflict",
    "tension": "conflict",
    "months": "month",
    "weeks": "month",
    "days": "month",
    "plan": "plan",
    "approach": "plan",
    "strategy": "strategic",
    "vision": "strategic",
    "future": "strategic",
    "long-term": "strategic",
    "years": "year",
    "explain": "communicate",
    "present": "communicate",
    "presentation": "communicate",
    "teach": "communicate",
    "simple": "plain",
    "technical": "complex",
    "complicated": "complex",
    "culture": "culture",
    "environment": "culture",
    "values": "culture",
    "style": "culture",
    "hobby": "outside",
    "hobbies": "outside",
    "weekend": "outside",
    "motivate": "motivation",
    "motivates": "motivation",
    "energise": "motivation",
    "energises": "motivation",
    "passion": "motivation",
    "leave": "move",
    "leaving": "move",
    "join": "move",
    "joining": "move",
    "change": "change",
    "changed": "change",
    "shift": "change",
    "adapt": "change",
    "priorities": "priority",
    "prioritise": "priority",
    "prioritize": "priority",
    "mistake": "failure",
    "failed": "failure",
    "fail": "failure",
    "wrong": "failure",
    "complain": "complaint",
    "complained": "complaint",
    "complaints": "complaint",
    "unhappy": "complaint",
    "dissatisfied": "complaint",
}


_ASCII_NUMBER = re.compile(r"[0-9]{1,9}")


def ascii_number(text: str) -> int | None:
    """A whole number written in plain ASCII digits (at most nine), or None: "2" is 2,
    while "²", "٣" and "1e3" are not numbers here, though str.isdigit says some are."""
    return int(text) if _ASCII_NUMBER.fullmatch(text) else None


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")


def words(text: str) -> list[str]:
    """Lowercase words (letters in any script, and numbers), in order."""
    return _WORD.findall(normalise(text))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light English stem: enough for 'prioritising' and 'priorities' to meet."""
    word = SYNONYMS.get(word, word)
    for suffix, keep in (
        ("ational", "ate"),
        ("isation", "ise"),
        ("ization", "ise"),
        ("ising", "ise"),
        ("izing", "ise"),
        ("ities", "ity"),
        ("iness", "y"),
        ("ments", ""),
        ("ment", ""),
        ("ness", ""),
        ("ings", ""),
        ("ing", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("edly", ""),
        ("ed", ""),
        ("ly", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + keep
            break
    return SYNONYMS.get(word, word)


def keywords(text: str) -> frozenset[str]:
    """The stems of the content words of a text."""
    return frozenset(stem(w) for w in words(text) if w not in STOP and len(w) > 1)


_COMMON_STEMS: frozenset[str] | None = None


def distinctive(terms: frozenset[str]) -> frozenset[str]:
    """Keywords without the ones every job post and question share ('team', 'lead')."""
    global _COMMON_STEMS
    if _COMMON_STEMS is None:
        _COMMON_STEMS = frozenset(stem(w) for w in COMMON_WORK)
    return terms - _COMMON_STEMS


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two keyword sets, 0 to 1 (the cosine of the sets)."""
    if not a or not b:
        return 0.0
    return float(len(a & b) / math.sqrt(len(a) * len(b)))


def reflow(text: str) -> str:
    """Text as the reader should see it: lines wrapped by hand in a case file are joined
    into paragraphs; blank lines and list items ("- ", "* ", "1. ") keep their breaks."""
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        starts_item = bool(re.match(r"^([-*•]|\d+[.)])\s", stripped))
        if out and out[-1] and stripped and not starts_item:
            out[-1] += " " + stripped
        else:
            out.append(stripped)
    return "\n".join(out)


def sentences(text: str) -> list[str]:
    """Sentences, split on ., ! and ? followed by space, and on paragraph breaks;
    lines wrapped by hand are joined first."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", reflow(text.strip()))
    return [p.strip() for p in parts if p.strip()]


_SENTENCE_STARTERS = frozenset(
    """a an the my our their this that these those it its experience skills years i'd
    building running leading working helping making being having using""".split()
)


def lower_first(text: str) -> str:
    """Lowercase the first letter when the sentence goes on after a colon or a joining
    phrase, unless the first word looks like a name ("Harbourline", "I", "SQL")."""
    first = text.split(" ", 1)[0]
    if first.lower() in _SENTENCE_STARTERS and first[1:] == first[1:].lower():
        return text[:1].lower() + text[1:]
    return text


_RUN = re.compile(r"[\w-]+")


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"  # what a pattern's [\w-] matches


class Phrases:
    """Many phrases looked up at once as whole words (a hyphen counts as part of a word),
    case ignored. Each phrase is filed under its first run of word characters, so a
    look-up reads the text's runs once and tries only the phrases that could stand there:
    no pattern of hundreds of alternatives to compile, or to try at every position."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_run: dict[str, list[tuple[str, str]]] = {}
        for phrase in dict.fromkeys(phrases):
            key = phrase.lower()
            parts = _RUN.findall(key)
            if parts:
                self._by_run.setdefault(parts[0], []).append((phrase, key))

    def _hits(self, lowered: str) -> list[tuple[int, int, str]]:
        """Every place a phrase stands in ``lowered``: (start, end, phrase)."""
        hits = []
        for run in set(_RUN.findall(lowered)):
            for phrase, key in self._by_run.get(run, ()):
                at = lowered.find(key)
                while at >= 0:
                    end = at + len(key)
                    if (at == 0 or not _word_char(lowered[at - 1])) and (
                        end == len(lowered) or not _word_char(lowered[end])
                    ):
                        hits.append((at, end, phrase))
                    at = lowered.find(key, at + 1)
        return hits

    def present(self, text: str) -> set[str]:
        """Each phrase that stands anywhere in ``text``, inside a longer one or not."""
        return {phrase for _, _, phrase in self._hits(text.lower())}

    def search(self, text: str) -> bool:
        return bool(self._hits(text.lower()))

    def find(self, text: str) -> list[str]:
        """The phrases as ``text`` writes them, read from left to right, the longest where
        several start at one place ("student representative", not "student"), none
        inside another found."""
        lowered = text.lower()
        same = len(lowered) == len(text)  # lowering kept the places: quote the text
        found, reached = [], 0
        for start, end, phrase in sorted(self._hits(lowered), key=lambda h: (h[0], -h[1])):
            if start >= reached:
                found.append(text[start:end] if same else phrase)
                reached = end
        return found


@lru_cache(maxsize=512)
def any_word(words: tuple[str, ...]) -> Phrases:
    """A look-up of any of ``words`` as whole words (see ``Phrases``), kept for the next
    text that asks about the same words."""
    return Phrases(words)


def find_phrases(phrases: Iterable[str], text: str) -> list[str]:
    """The phrases that stand in ``text`` as whole words ("pay" in "pay rise", not in
    "paying"); ``text`` is expected normalised (see ``normalise``)."""
    phrases = tuple(phrases)
    present = any_word(phrases).present(text)
    return [p for p in phrases if p in present]
