"""What kind of phrase the candidate wrote, and how to fit it into a slot of ours.

A topic jotted after an interview may be a noun phrase ("the ETA roadmap"), a clause
("how to measure inclusion"), a sentence ("She wants a safety huddle") or a remark in
the first person ("I liked the audit plan"). Each fits some slots and not others; the
functions here say which, and make the small repairs that are always safe (an article
before a bare noun, a sentence end, "she wants" turned to "you want" for its reader).
"""

from __future__ import annotations

import re
from enum import StrEnum

from finalist.writing.grammar import unsentence


class Kind(StrEnum):
    empty = "empty"
    noun_phrase = "noun phrase"
    clause = "clause"  # how to ..., whether ..., what ...: fits after "about"
    sentence = "sentence"  # has a subject and a verb, about someone else
    first_person = "first-person sentence"  # the candidate speaking: "I liked ..."
    infinitive = "infinitive"  # "to cut agency spend": fits after "about" as "how to ..."


_WH = frozenset("how what why whether when where who which whose if".split())
_FIRST = frozenset("i i'm i've i'd i'll we we're we've we'd we'll".split())
_SUBJECTS = frozenset(
    "he she they you it there he's she's they're it's you're you've you'll you'd he'd "
    "she'd they've they'd".split()
)
_DETERMINERS = frozenset(
    """the a an this that these those my our your their his her its each every some any
    no one two three four five six seven eight nine ten both all several many more most""".split()
)
# verbs that turn "Name ..." or "the board ..." into a sentence when they come second or third
_VERBS = frozenset(
    """is are was were has have had said says wants want wanted thinks think thought asked
    asks mentioned mentions liked likes felt feels hopes hope hoped will would can could
    should needs need needed expects expect expected told explained described agreed
    worries worried cares cared plans planned went goes did does do seemed seems run runs
    ran make makes made count counts counted rose fell got gets get came comes know knows knew
    see sees saw use uses work works keep keeps kept won lost read reads found finds
    applies apply applied takes take took start starts started
    don't doesn't didn't can't won't isn't aren't wasn't weren't haven't hasn't shouldn't
    wouldn't couldn't must may might shall am""".split()
)
_FINITE = frozenset("is was has does says".split())  # never a plural noun
_ADVERBS = frozenset("already still never always really just often rarely".split())
_RELATIVE = frozenset("that which who whom whose where".split())
_PRONOUNS = frozenset("i we you they he she".split())
_POSSESSIVES = frozenset("my our your their his her the this that".split())
_NOT_NAMES = frozenset(
    "the revd rev canon dr prof professor cllr councillor mr mrs ms miss mx sir dame lord lady "
    "judge md phd".split()
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("\u2019", "'") for t in _WORD.findall(text)]


def kind_of(text: str | None) -> Kind:
    """The kind of phrase, read from its first words and its end."""
    if text is None or not text.strip():
        return Kind.empty
    tokens = _tokens(text)
    if not tokens:
        return Kind.empty
    first = tokens[0]
    if first in _FIRST or (first in ("my", "our") and any(t in _VERBS for t in tokens[1:4])):
        return Kind.first_person
    if first in _WH:
        return Kind.clause
    if first in _SUBJECTS and len(tokens) > 1:
        return Kind.sentence
    if first == "to":
        return Kind.infinitive
    if all(w[:1].isupper() or w.lower() in ("of", "and", "for", "the") for w in text.split()):
        return Kind.noun_phrase  # a name: "Social Work England", "Care Quality Commission"
    if first.endswith("ing") and len(first) > 4 and first not in _VERBS:
        return Kind.noun_phrase  # a gerund phrase: "adapting lessons so students ... do"
    # "Gareth said ...", "the timetable for the refinancing is ...": a finite verb that
    # is not inside a relative clause ("the plan that was dropped" stays a noun phrase)
    for i, token in enumerate(tokens[1:], start=1):
        if token in _RELATIVE or token in _WH:
            break
        if token in _PRONOUNS and first in _DETERMINERS:
            break  # "the scheme of work I mentioned": a clause inside a noun phrase
        if (
            first in _DETERMINERS
            and i > 1
            and token in _POSSESSIVES
            and tokens[i - 1] not in _PREPOSITIONS
        ):
            break  # "the reconciliations your team still does": the same
        before = tokens[i - 1]
        after_determiner = (
            before in _DETERMINERS
            or before in _PREPOSITIONS
            or before
            in (
                "to",
                "her",
                "his",
            )
        )
        last_plural = i == len(tokens) - 1 and token.endswith("s") and token not in _FINITE
        if token in _VERBS and not after_determiner and not last_plural:
            return Kind.sentence
        if token in _ADVERBS and i + 1 < len(tokens):
            return Kind.sentence
    if text.strip().endswith(("!", "?")):
        return Kind.sentence
    return Kind.noun_phrase


def noun_phrase(text: str, mass_nouns: frozenset[str] = frozenset()) -> str | None:
    """The phrase ready to follow "about": a bare singular noun gets "the" ("the notice
    period"), a name, plural, gerund or mass noun stays as it is; None when it is not a
    noun phrase at all."""
    if kind_of(text) is not Kind.noun_phrase:
        return None
    phrase = unsentence(text)
    tokens = _tokens(phrase)
    if not tokens:
        return None
    first_word = phrase.split(" ", 1)[0]
    if tokens[0] in _DETERMINERS or "'s" in tokens[0] or first_word[:1].isupper():
        return phrase  # has its own determiner, or a name or initialism leads it
    if first_word[:1].isdigit():
        return phrase
    # the head noun: the last word before a preposition
    head_index = len(tokens) - 1
    for i, token in enumerate(tokens):
        if token in _PREPOSITIONS and i > 0:
            head_index = i - 1
            break
    head = tokens[head_index]
    if head in mass_nouns or head.endswith(_ABSTRACT):
        return phrase  # "tenant satisfaction", "devolution", "staff retention"
    if head.endswith("ing") or tokens[0].endswith("ing"):
        return phrase  # "planning the rota", "safeguarding"
    if head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return phrase  # plural: "budget pressures"
    return "the " + phrase


_PREPOSITIONS = frozenset("of for in on at with from between across about into by".split())
_ABSTRACT = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "acy", "ery")

# third person -> second person, for text written about the person who will read it
_TO_YOU = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "doesn't": "don't",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
}
_OBJECTS = {"her": "your", "his": "your", "their": "your", "herself": "yourself"}


def _conjugate(verb: str) -> str:
    """The verb after "you", from the one after "she": wants -> want, is -> are."""
    lower = verb.lower()
    if lower in _TO_YOU:
        return _TO_YOU[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us")) and lower not in _NOT_VERBS:
        return lower[:-1]
    return verb


_NOT_VERBS = frozenset("was has his its this thus always perhaps".split())


def to_second_person(text: str, name: str) -> str | None:
    """ "She wants a safety huddle" (about the reader, ``name``) as "you want a safety
    huddle", "Sam said he wants ..." as "you said you want ..."; None when it cannot be
    turned safely."""
    parts = unsentence(text).split(" ")
    names = {p.lower() for p in name.replace(".", " ").split() if p.lower() not in _NOT_NAMES}
    out: list[str] = []
    turned = False
    previous_was_subject = False
    for word in parts:
        bare = word.lower().replace("\u2019", "'").strip(",.;:")
        tail = word[len(word.rstrip(",.;:")) :]
        if bare in ("she", "he") or bare in names or bare in ("she's", "he's"):
            out.append("you're" + tail if bare.endswith("'s") else "you" + tail)
            turned = True
            previous_was_subject = not bare.endswith("'s")
            continue
        if previous_was_subject:
            out.append(_conjugate(word.rstrip(",.;:")) + tail)
        elif bare in _OBJECTS:
            out.append(_OBJECTS[bare] + tail)
        elif bare == "him":
            out.append("you" + tail)
        else:
            out.append(word)
        previous_was_subject = False
    if not turned and not any(w.lower() in ("your", "you") for w in out):
        return None
    return " ".join(out)


def for_reader(text: str, name: str) -> str | None:
    """A phrase the candidate wrote about the reader, ready for the reader's own note:
    "her idea of estate walkabouts" as "your idea of estate walkabouts", "she wants ..."
    as "you want ..."; None when it names them in a way that cannot be turned."""
    words = text.split(" ")
    first = words[0].lower() if words else ""
    if first in ("her", "his"):
        text = "your " + " ".join(words[1:])
    about_them = re.search(r"\b(?:she|he|she's|he's)\b", text, re.I) or mentions(text, name)
    if about_them and (kind_of(text) is Kind.sentence or mentions(text, name)):
        return to_second_person(text, name)
    return text


def mentions(text: str, name: str) -> bool:
    """Whether ``text`` names the person (their given name or surname, as a word)."""
    tokens = set(_tokens(text))
    parts = [
        p.lower()
        for p in name.replace(".", " ").replace(",", " ").split()
        if len(p) > 1 and p.lower() not in _NOT_NAMES
    ]
    return any(p in tokens for p in parts)
