"""The whole-word phrase look-up gives what one big pattern of alternatives gave."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from finalist.text import Phrases

WORDS = ["student", "student representative", "care", "care home", "e-commerce", "p&l", "ward"]
PIECES = [*WORDS, "Student", "CARE", "home", "-", " ", ".", "x", "é", "_", "representatives", "1"]


def _pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_find_reads_as_the_pattern_does(text: str) -> None:
    expected = [m.group(0) for m in _pattern(WORDS).finditer(text)]
    assert Phrases(WORDS).find(text) == expected


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_present_is_each_phrase_on_its_own(text: str) -> None:
    expected = {w for w in WORDS if _pattern([w]).search(text)}
    assert Phrases(WORDS).present(text) == expected
    assert Phrases(WORDS).search(text) is bool(expected)


def test_a_phrase_inside_a_longer_word_is_not_there() -> None:
    phrases = Phrases(["care", "ward"])
    assert phrases.find("careful forward planning, care-home staff") == []
    assert phrases.find("Care for the ward.") == ["Care", "ward"]
