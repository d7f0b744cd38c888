"""Small grammar that every sentence needs: a/an, lists joined with "and", possessives,
capitals, sentence ends, and shortening that never cuts a phrase in the middle."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that start with a vowel letter but a consonant sound, and the reverse.
_CONSONANT_SOUND = ("uni", "use", "usu", "uti", "ubi", "eu", "one", "once", "ewe", "ure")
_VOWEL_SOUND = ("hour", "honest", "honour", "honor", "heir")
# Letters whose name starts with a vowel sound, for initialisms read letter by letter.
_VOWEL_LETTERS = set("AEFHILMNORSX")


def article(word: str) -> str:
    """'a' or 'an' for the word that follows: an HR partner, a unit, an 18-month plan."""
    first = word.strip().split(" ", 1)[0].strip("\"'(\u201c\u2018")
    if not first:
        return "a"
    if first[0].isdigit():
        number = re.match(r"\d+", first)
        digits = number.group(0) if number else first
        spoken_vowel = (
            digits.startswith("8")
            or digits in ("11", "18")
            or (len(digits) in (5, 6) and digits.startswith(("11", "18")))
        )
        return "an" if spoken_vowel else "a"
    bare = re.sub(r"[^A-Za-z]", "", first)
    if len(bare) >= 2 and bare.isupper():  # an initialism: HR, SENCo is not all capitals
        return "an" if bare[0] in _VOWEL_LETTERS else "a"
    lower = first.lower()
    if lower.startswith(_VOWEL_SOUND):
        return "an"
    if lower.startswith(_CONSONANT_SOUND):
        return "a"
    return "an" if lower[:1] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    return f"{article(phrase)} {phrase}"


def join(items: Iterable[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (no serial comma, as British guides prefer)."""
    parts = [item.strip() for item in items if item and item.strip()]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}"


def possessive(name: str) -> str:
    """James's, the governors', Priya's."""
    name = name.strip()
    if not name:
        return name
    if name.endswith("s") and name[:1].islower():  # a plural noun: the governors'
        return name + "'"
    return name + "'s"


def capitalise(text: str) -> str:
    """The first letter as a capital, the rest untouched ("iPhone" stays as written)."""
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1 :]
        if not char.isspace() and char not in "\"'(\u201c\u2018":
            return text
    return text


def sentence(text: str) -> str:
    """One sentence: single spaces, a capital first letter and an end mark."""
    text = " ".join(text.split()).strip()
    if not text:
        return ""
    text = text.rstrip(",;:\u2013\u2014- ")
    if not text.endswith((".", "!", "?", ".\u201d", '."', "?\u201d", '?"')):
        text += "."
    return capitalise(text)


def unsentence(text: str) -> str:
    """A sentence made ready to sit inside another: no end mark, no stray spaces."""
    text = " ".join(text.split()).strip()
    while text and text[-1] in ".!;:,":
        text = text[:-1].rstrip()
    return text


# where a clause may end, strongest first: never inside "cocoa and sugar"
_BOUNDARIES = (
    (r";\s", r"\s[\u2013\u2014]\s", r"\s-\s", r",\s"),
    (r"\s(?:but|because|which|while|although)\s",),
)
_DANGLING = frozenset(
    "a an the and or but of for to in on at with by from which that who so as".split()
)


def shorten(text: str, max_words: int) -> str | None:
    """The text cut at the last clause boundary within ``max_words`` words, or None when
    no whole clause fits: never a phrase cut in the middle, never an ellipsis."""
    text = unsentence(text)
    if len(text.split()) <= max_words:
        return text
    for level in _BOUNDARIES:
        best: str | None = None
        for pattern in level:
            for match in re.finditer(pattern, text):
                head = text[: match.start()].rstrip(" ,;")
                words = head.split()
                if not 3 <= len(words) <= max_words or words[-1].lower() in _DANGLING:
                    continue
                if best is None or len(head) > len(best):
                    best = head
        if best is not None:
            return best
    return None


_VOWELS = "aeiou"
_KEEP_E = ("ee", "ye", "oe")


def gerund(phrase: str) -> str | None:
    """A verb phrase as its -ing form: "manage the budget" as "managing the budget",
    "run discovery" as "running discovery", "line manage the team" as "line managing the
    team"; None when the phrase does not start with a plain verb."""
    words = phrase.split(" ")
    at = 1 if words[0].lower() == "line" and len(words) > 1 else 0
    verb = words[at].lower()
    past = verb.endswith("ed") and not verb.endswith("eed")  # "improved", not "need"
    if not verb.isalpha() or verb.endswith("ing") or past or len(verb) < 2:
        return None
    if verb.endswith("ie"):
        ing = verb[:-2] + "ying"
    elif verb.endswith("e") and not verb.endswith(_KEEP_E) and verb != "be":
        ing = verb[:-1] + "ing"
    elif (
        (len(verb) <= 3 or (len(verb) == 4 and verb[0] not in _VOWELS))
        and verb[-1] not in _VOWELS + "wxy"
        and verb[-2] in _VOWELS
        and (len(verb) < 3 or verb[-3] not in _VOWELS)
    ):
        ing = verb + verb[-1] + "ing"  # run, set, plan, cut, stop
    else:
        ing = verb + "ing"
    return " ".join([*words[:at], ing, *words[at + 1 :]])


def count_words(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:['\u2019][^\W_]+)?", text))


_INSTITUTION = ("Department", "Ministry", "Office", "University", "College", "Institute")


def organisation(name: str) -> str:
    """An employer's name as it reads in a sentence: "the Department for Education",
    "the University of Leeds", but "Ashcombe Borough Council"."""
    name = name.strip()
    first = name.split(" ", 1)[0]
    if first in _INSTITUTION and re.search(r"\b(?:of|for)\b", name):
        return "the " + name
    if first == "Royal" and " of " in name:
        return "the " + name
    return name


def short_role(role: str) -> str:
    """A job title as a person says it: "Ward Sister / Charge Nurse, Ward 7B" as "Ward
    Sister", "Policy Lead, Adult Skills Fund (Grade 7)" as "Policy Lead"."""
    text = re.sub(r"\s*\([^)]*\)", "", role).strip()
    for mark in (" / ", "/", ", ", " \u2013 ", " - "):
        if mark in text:
            head = text.split(mark, 1)[0].strip()
            if len(head.split()) >= 1 and len(head) >= 3:
                text = head
    return text or role
