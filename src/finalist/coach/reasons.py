"""Reasons in the candidate's words: a matched stem traced back to the word it came from,
and reason phrasing (``knowledge/data/phrasing/reasons.yaml``) rendered to read after
"because" or in a list of reasons.

Matching works on stems ("promis", "sal"); a person reads words. ``as_written`` keeps,
for each stem, the first word of the source text that produced it, so a reason can
quote "'promised' and 'salary'" exactly as the case says them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from finalist.knowledge import Knowledge
from finalist.text import STOP, normalise, stem
from finalist.writing import Writer, join, unsentence
from finalist.writing.engine import Value

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?|\d+(?:[.,]\d+)?%?", re.UNICODE)

_LEADING_ARTICLE = re.compile(r"^\{[a-z_]+(?::[a-z]+)?\|a\}")  # "{kind|a}": "an executive"
# a reason to be rendered later: its phrasing id and the values of its slots
Spec = tuple[str, Mapping[str, Value]]


def as_written(text: str) -> dict[str, str]:
    """Each stem of ``text`` with the first word that produced it, as written there
    (a lower-case spelling is preferred to one capitalised at the start of a sentence)."""
    found: dict[str, str] = {}
    for match in _WORD.finditer(unicodedata.normalize("NFKC", text)):
        word = match.group(0)
        lower = normalise(word)
        if lower in STOP or len(lower) <= 1:
            continue
        key = stem(lower)
        held = found.get(key)
        if held is None or (held[:1].isupper() and held[1:] == held[1:].lower() and word == lower):
            found[key] = word
    return found


def quoted(stems: Iterable[str], source: Mapping[str, str], limit: int = 3) -> str | None:
    """The words behind ``stems`` as the source writes them, quoted and joined with
    "and" ("'promised' and 'salary'"); None when none of them is in the source."""
    said: list[str] = []
    for s in stems:
        word = source.get(s)
        if word is not None and word not in said:
            said.append(word)
    return join(f"'{w}'" for w in said[:limit]) or None


class Reasons:
    """Renders reason phrasing for one case, as clauses that sit after "because"."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.writer = Writer(knowledge)  # for a wording that is not a reason

    def say(self, phrase_id: str, **values: Value) -> str | None:
        """The reason as a clause: no end mark, and a lower-case first letter when the
        wording starts with a word of ours ("an executive often asks ...")."""
        frozen = tuple(
            sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items())
        )
        return _said(self.knowledge, phrase_id, frozen)

    def render(self, specs: Iterable[Spec]) -> list[str]:
        return [r for phrase_id, values in specs if (r := self.say(phrase_id, **values))]


@lru_cache(maxsize=8192)
def _said(
    knowledge: Knowledge, phrase_id: str, values: tuple[tuple[str, Value], ...]
) -> str | None:
    """A reason, rendered once for each set of values: a reason reads the same each time
    it is given, and the same reasons come up for every person of a panel."""
    writer = Writer(knowledge)
    given = {k: list(v) if isinstance(v, tuple) else v for k, v in values}
    text = writer.say(phrase_id, 0, **given)
    if text is None:
        return None
    variant = knowledge.phrasing[phrase_id].variants[0]
    ours = not variant.startswith("{") or bool(_LEADING_ARTICLE.match(variant))
    text = unsentence(text)
    return text[:1].lower() + text[1:] if ours else text


@cache
def reasons_for(knowledge: Knowledge) -> Reasons:
    """One Reasons per knowledge base (a Knowledge is hashed by identity), so its worded
    reasons are cached across calls."""
    return Reasons(knowledge)
