"""Where the employer works: the sector read from the case, how sure, and why.

The case's own words are read for each sector's cues (``knowledge/data/sectors.yaml``):
the company and the role count most, then the department and the people's titles, then
the job description and the company notes. A strong word ("Ofsted", "NHS", "Borough
Council") settles it; otherwise the sector with the most cues wins when it is clearly
ahead. When nothing is clear the reading stays neutral: plain words that fit anywhere.
The candidate's own ``opportunity.sector`` always wins. Pure and deterministic.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Literal, Protocol, TypeVar

from pydantic import BaseModel

from finalist.knowledge import Knowledge
from finalist.model import Case, Sector
from finalist.text import Phrases, any_word
from finalist.writing import join


class _Tagged(Protocol):
    """An entry of the knowledge that names the sectors it fits."""

    @property
    def sectors(self) -> list[Sector]: ...

    @property
    def text(self) -> str: ...


E = TypeVar("E", bound=_Tagged)

Confidence = Literal["high", "medium", "low"]
STRONG = 5.0  # what one strong word is worth
SURE = 6.0  # a score this high without a strong word is still high confidence
AT_LEAST = 3.0  # below this, the reading stays neutral
AHEAD = 1.5  # how far ahead of the next sector the best must be
REASONS = 3  # words quoted as the reason, at most

# where a word was found, and what it counts for there
_WEIGHTS = (("company", 3.0), ("role", 2.0), ("department", 2.0), ("titles", 1.5))
_TEXT_WEIGHT = 1.0  # the job description and the company notes


class SectorReading(BaseModel):
    value: Sector | None  # None: neutral, no sector is clear
    label: str  # "schools and colleges", or "not clear"
    confidence: Confidence
    reasons: list[str]  # in plain words: "the company is 'Fenwick Vale Academy'"
    people: list[str] = []  # whom it serves, for wording: "pupils", "parents"


def _found(words: tuple[str, ...], text: str) -> list[str]:
    """The words of the list that ``text`` has, in the list's order."""
    if not words:
        return []
    present = any_word(words).present(text)
    return [w for w in words if w in present]


def _places(case: Case) -> list[tuple[str, str, float]]:
    """(where, text, weight) for every part of the case that says where it works."""
    opp = case.opportunity
    titles = [p.title or "" for r in case.rounds for p in r.interviewers]
    titles += [p.title or "" for p in (opp.first_round.interviewers if opp.first_round else [])]
    parts = {
        "company": opp.company,
        "role": opp.role,
        "department": opp.department or "",
        "titles": " ; ".join(titles),
    }
    found = [(where, parts[where], weight) for where, weight in _WEIGHTS]
    found.append(("job description", opp.job_description or "", _TEXT_WEIGHT))
    found.append(("company notes", opp.company_notes or "", _TEXT_WEIGHT))
    return found


def _said(where: str, word: str) -> str:
    if where in ("company", "role", "department"):
        return f"the {where} says '{word}'"
    if where == "titles":
        return f"a title says '{word}'"
    return (
        f"your {where} mention '{word}'"
        if where.endswith("notes")
        else f"the {where} mentions '{word}'"
    )


def read_sector(case: Case, knowledge: Knowledge) -> SectorReading:
    """The employer's sector, how sure finalist is, and why."""
    return _read(case.opportunity.sector, tuple(_places(case)), knowledge)


@lru_cache(maxsize=64)  # every dossier asks; the case's words are the key
def _read(
    chosen: Sector | None, places: tuple[tuple[str, str, float], ...], knowledge: Knowledge
) -> SectorReading:
    if chosen is not None:
        guide = knowledge.sectors.get(chosen.value)
        return SectorReading(
            value=chosen,
            label=guide.name if guide else chosen.value,
            confidence="high",
            reasons=["you set opportunity.sector"],
            people=list(guide.people) if guide else [],
        )
    scores: list[tuple[float, bool, str, list[str]]] = []
    for sector_id, guide in knowledge.sectors.items():
        score, strong, why = 0.0, False, []
        for where, text, weight in places:
            if not text:
                continue
            for word in _found(tuple(guide.strong), text):
                score += STRONG * weight / 3.0 + STRONG / 2
                strong = True
                why.append(_said(where, word))
            for word in _found(tuple(guide.cues), text):
                score += weight
                why.append(_said(where, word))
        scores.append((score, strong, sector_id, list(dict.fromkeys(why))))
    scores.sort(key=lambda s: (-s[0], s[2]))
    best = scores[0] if scores else (0.0, False, "", [])
    second = scores[1][0] if len(scores) > 1 else 0.0
    if best[0] < AT_LEAST or best[0] - second < AHEAD:
        return SectorReading(
            value=None,
            label="not clear",
            confidence="low",
            reasons=[
                "nothing in the case points clearly to one sector: finalist keeps to "
                "plain words that fit anywhere (set opportunity.sector to choose)"
            ],
        )
    guide = knowledge.sectors[best[2]]
    confidence: Confidence = "high" if best[1] or best[0] >= SURE else "medium"
    return SectorReading(
        value=Sector(best[2]),
        label=guide.name,
        confidence=confidence,
        reasons=best[3][:REASONS],
        people=list(guide.people),
    )


def sector_text(reading: SectorReading) -> str:
    """The reading as the brief shows it: "schools and colleges (high: the company says
    'academy' and a title says 'headteacher')"."""
    if reading.value is None:
        return "not clear, so the wording stays general (set opportunity.sector to choose)"
    return f"{reading.label} ({reading.confidence}: {join(reading.reasons)})"


class Vocabulary:
    """Which wording fits the case's sector: a word of another sector's own vocabulary
    ("roadmap" for a school) fits only when the case itself uses it; with no sector
    clear, everything fits."""

    def __init__(self, case: Case, knowledge: Knowledge) -> None:
        reading = read_sector(case, knowledge)
        self.sector = reading.value.value if reading.value else None
        owners: dict[str, set[str]] = {}
        for sector_id, guide in knowledge.sectors.items():
            for word in guide.words:
                owners.setdefault(word.lower(), set()).add(sector_id)
        own = knowledge.sectors.get(self.sector) if self.sector is not None else None
        setting = [w.lower() for w in own.setting_words] if own is not None else []
        for word in setting:
            owners.setdefault(word, set())  # looked for in the case with the rest
        self._owned = any_word(tuple(owners)) if owners else None
        self._used = self._owned.present(" ".join(_case_words(case))) if self._owned else set()
        barred = [
            word
            for word, sectors in owners.items()
            if self.sector is not None
            and (self.sector not in sectors or word in setting)
            and word not in self._used
        ]
        self._seen: dict[str, bool] = {}
        self._suits: dict[tuple[tuple[Sector, ...], str], bool] = {}
        self._kept: dict[int, tuple[tuple[object, ...], tuple[object, ...]]] = {}
        self._foreign = Phrases(barred) if barred else None
        unused = [w for w in setting if w not in self._used]
        self._setting = Phrases(unused) if unused else None  # "ward", for a care home

    def foreign(self, text: str) -> list[str]:
        """The words of ``text`` that belong to other sectors and that the case never uses."""
        if self._foreign is None:
            return []
        return list(dict.fromkeys(word.lower() for word in self._foreign.find(text)))

    def suits(self, sectors: list[Sector], text: str) -> bool:
        """Whether an entry of the knowledge fits the case: one that names its sectors fits
        a case in one of them, or a case that itself uses the sector words the entry does;
        one that names none fits wherever its words do."""
        if not sectors:
            return self.fits(text)
        key = (tuple(sectors), text)
        known = self._suits.get(key)
        if known is None:  # weighed once per case, not once per person
            known = self._suits[key] = self._named_fits(sectors, text)
        return known

    def _named_fits(self, sectors: list[Sector], text: str) -> bool:
        if self.sector is not None and any(s.value == self.sector for s in sectors):
            return self._setting is None or not self._setting.search(text)
        if self._owned is None:
            return False
        found = self._owned.find(text)
        return bool(found) and all(word.lower() in self._used for word in found)

    def keep(self, entries: tuple[E, ...]) -> tuple[E, ...]:
        """The entries (questions, asks) that suit the case, worked out once per case for
        each tuple of them: the same candidates are weighed for every person."""
        known = self._kept.get(id(entries))
        if known is None or known[0] is not entries:
            kept = tuple(e for e in entries if self.suits(e.sectors, shown_text(e)))
            known = self._kept[id(entries)] = (entries, kept)
        return known[1]  # type: ignore[return-value]

    def fits(self, text: str) -> bool:
        if self._foreign is None:
            return True
        known = self._seen.get(text)
        if known is None:  # the same question is weighed for every person: once is enough
            known = self._seen[text] = not self._foreign.search(text)
        return known


_KEPT: dict[tuple[object, ...], tuple[Knowledge, Vocabulary]] = {}
_KEEPING = threading.Lock()


def vocabulary_of(case: Case, knowledge: Knowledge) -> Vocabulary:
    """The case's vocabulary, made once for the case's words and kept (every dossier
    asks, and a vocabulary remembers what it has weighed)."""
    key = (tuple(_case_words(case)), case.opportunity.sector, id(knowledge))
    with _KEEPING:
        kept = _KEPT.get(key)
        if kept is not None and kept[0] is knowledge:
            return kept[1]
        made = Vocabulary(case, knowledge)
        if len(_KEPT) >= 16:
            _KEPT.pop(next(iter(_KEPT)))
        _KEPT[key] = (knowledge, made)
        return made


def shown_text(entry: object) -> str:
    """Everything of an entry that a brief prints: the question, and why it is asked, what
    a strong answer does and the probes, so that no word of it is out of place."""
    parts = [getattr(entry, name, None) for name in ("text", "why", "strong_answer")]
    parts += list(getattr(entry, "probes", None) or [])
    return " ".join(p for p in parts if isinstance(p, str))


def _case_words(case: Case) -> list[str]:
    """Everything the case says in the candidate's words, where a sector's word may appear."""
    opp = case.opportunity
    texts = [opp.company, opp.role, opp.department or "", opp.job_description or ""]
    texts += [opp.company_notes or "", *opp.my_questions]
    you = case.candidate
    texts += [you.headline or "", you.background or "", *you.strengths]
    texts += [v for v in you.motivation.model_dump().values() if isinstance(v, str)]
    people = [p for r in case.rounds for p in r.interviewers]
    people += list(opp.first_round.interviewers) if opp.first_round else []
    for person in people:
        texts += [person.title or "", person.department or "", person.notes or ""]
        texts += list(person.priorities)
    if opp.first_round is not None:
        texts.append(opp.first_round.notes or "")
    for story in case.stories:
        texts += [story.title, story.situation or "", story.task or "", story.action or ""]
        texts.append(story.result or "")
    for rnd in case.rounds:
        if rnd.debrief is not None:
            for talk in rnd.debrief.talked_with:
                texts += [*talk.topics, talk.interest or "", talk.clarify or ""]
    return texts
