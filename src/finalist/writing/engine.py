"""The one writing engine: phrasing kept as content, rendered with the right grammar.

A phrasing entry (``knowledge/data/phrasing/*.yaml``) has an id, the kind of each slot
it takes, and one or more variants. ``Writer.say`` picks a variant (``pick`` rotates
through them, so two people's notes differ), fits each value to its slot, and gives the
sentence, or None when no variant can take the values: a phrase that does not fit is
left out, never pasted in broken.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from finalist.writing import grammar
from finalist.writing.phrases import Kind, kind_of, noun_phrase

if TYPE_CHECKING:
    from finalist.knowledge import Knowledge
    from finalist.knowledge.schema import Phrasing, SlotKind

Value = str | Sequence[str] | date | None

_SLOT = re.compile(r"\{([a-z_]+)(?::([a-z]+))?(?:\|([a-z]+))?\}")
MAX_SLOT_WORDS = 22  # a phrase longer than this is shortened at a clause boundary, or left out


class Writer:
    """Renders phrasing entries for one case: its spelling and its vocabulary."""

    def __init__(self, knowledge: Knowledge, spelling: str = "british") -> None:
        self.knowledge = knowledge
        self.phrasing = knowledge.phrasing
        self.american = spelling == "american"
        self._spell = _spelling_map(knowledge) if self.american else {}
        mass = knowledge.lexicons.get("mass-nouns")
        self.mass_nouns = frozenset(mass.words) if mass else frozenset()
        self.said: set[str] = set()  # sentences written so far, not to be written twice

    def say(self, phrase_id: str, pick: int = 0, **values: Value) -> str | None:
        """The phrasing ``phrase_id`` with ``values`` in its slots, or None when no
        variant fits them."""
        entry = self.phrasing[phrase_id]
        # ``pick`` counts among the wordings that fit, so different picks differ; a
        # wording already written (to another person) is passed over while others fit
        fitting = [t for v in entry.variants if (t := self._render(entry, v, values))]
        if not fitting:
            return None
        for step in range(len(fitting)):
            text = fitting[(pick + step) % len(fitting)]
            parts = _sentences(text)
            if not parts & self.said:
                self.said |= parts
                return text
        return fitting[pick % len(fitting)]

    def spell(self, text: str) -> str:
        """Our own words in the candidate's spelling (their words are never changed)."""
        if not self._spell:
            return text

        def swap(match: re.Match[str]) -> str:
            word = match.group(0)
            other = self._spell.get(word.lower())
            if other is None:
                return word
            return grammar.capitalise(other) if word[:1].isupper() else other

        return re.sub(r"[A-Za-z]+", swap, text)

    def fit(self, kind: SlotKind, value: Value) -> str | None:
        """A value as its slot needs it, or None when it does not fit the slot."""
        from finalist.knowledge.schema import SlotKind

        if value is None:
            return None
        if isinstance(value, date):
            return _day(value) if kind is SlotKind.date else None
        if kind is SlotKind.list:
            if isinstance(value, str):
                value = [value]
            items = [self.fit(SlotKind.np, v) for v in value]
            return grammar.join(i for i in items if i) or None
        if not isinstance(value, str):
            return None
        text = " ".join(value.split())
        if not text:
            return None
        found = kind_of(text)
        if kind in (SlotKind.name, SlotKind.text):
            return text
        if kind is SlotKind.np:
            short = grammar.shorten(text, MAX_SLOT_WORDS)
            return noun_phrase(short, self.mass_nouns) if short else None
        if kind is SlotKind.about:
            if found is Kind.infinitive:
                text, found = "how " + text, Kind.clause
            if found is Kind.clause:
                short = grammar.shorten(text, MAX_SLOT_WORDS)
                return _lower_start(short) if short else None
            return self.fit(SlotKind.np, text)
        if kind is SlotKind.sentence:
            return grammar.sentence(text) if found in (Kind.sentence, Kind.first_person) else None
        if kind is SlotKind.first:
            return grammar.sentence(text) if found is Kind.first_person else None
        if kind is SlotKind.clause:
            if found not in (Kind.sentence, Kind.first_person):
                return None
            return _lower_start(grammar.unsentence(text))
        return None  # a date slot given text

    def _render(self, entry: Phrasing, variant: str, values: Mapping[str, Value]) -> str | None:
        from finalist.knowledge.schema import SlotKind

        filled: dict[tuple[str, str | None], str] = {}
        for match in _SLOT.finditer(variant):
            name, kind = match.group(1), match.group(2)
            slot = SlotKind(kind) if kind else entry.slots[name]
            fitted = self.fit(slot, values.get(name))
            if fitted is None:
                return None
            filled[(name, kind)] = fitted
        template = self.spell(variant)

        def put(match: re.Match[str]) -> str:
            text = filled[(match.group(1), match.group(2))]
            how = match.group(3)
            if how == "possessive":
                return grammar.possessive(text)
            if how == "a":
                return grammar.with_article(text)
            return text

        out = _SLOT.sub(put, template)
        out = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(out.split()))
        # a capital after every sentence end, including the very first letter
        return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)


def _sentences(text: str) -> set[str]:
    return {s for s in re.split(r"(?<=[.!?;:])\s+", text) if len(s.split()) > 3}


def _lower_start(text: str) -> str:
    """'How to measure inclusion' as 'how to measure inclusion'; 'I' and names stay."""
    first = text.split(" ", 1)[0]
    if first in ("I", "I'm", "I've", "I'd", "I'll") or first[1:] != first[1:].lower():
        return text
    return text[:1].lower() + text[1:] if first.lower() in _LOWER_OK else text


_LOWER_OK = frozenset(
    """how what why whether when where who which if the a an this that these those my our
    your their his her its we you they he she it there to each every some""".split()
)


def _day(value: date) -> str:
    day = value.date() if isinstance(value, datetime) else value
    return f"{day:%A} {day.day} {day:%B}"


def _spelling_map(knowledge: Knowledge) -> dict[str, str]:
    pairs = knowledge.lexicons.get("spelling-american")
    out: dict[str, str] = {}
    for pair in pairs.words if pairs else []:
        british, _, american = pair.partition(":")
        out[british.strip()] = american.strip()
    return out


def spelling_of(knowledge: Knowledge, texts: Sequence[str | None], zone: str | None) -> str:
    """'american' or 'british', from the candidate's own words (counting the words that
    the two spellings write differently), then from their time zone."""
    pairs = _spelling_map(knowledge)
    found = re.findall(r"[a-z]+", " ".join(t for t in texts if t).lower())
    american = set(pairs.values())
    uk = sum(1 for w in found if w in pairs)
    us = sum(1 for w in found if w in american)
    if us != uk:
        return "american" if us > uk else "british"
    return "american" if (zone or "").startswith("America/") else "british"
