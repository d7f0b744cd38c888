"""Advice on a round's debrief: the entries the thank-you notes cannot use as written.

The notes put a topic after "about", a correction in as the corrected fact, a promised
item after "I attach", and take next steps from the structured who, how and by when,
never from the free text. Each entry that will not fit is flagged with what to write
instead. The advice never blocks saving: the debrief is the candidate's own record.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel

from finalist.fields import same_person
from finalist.writing import Kind, Writer, count_words, kind_of, shorten

if TYPE_CHECKING:
    from finalist.knowledge import Knowledge
    from finalist.model import Debrief, FirstRound, Interviewer, Round, TalkedWith

MAX_TOPIC_WORDS = 12  # "a few words": longer than this is a sentence's worth
MAX_TOPIC_CHARS = 100  # the same for scripts written without spaces
QUOTE_WORDS = 8  # how much of an entry the advice repeats, to say which one it means
QUOTE_CHARS = 60


class Advice(BaseModel):
    """One debrief entry the notes cannot use well, and what to write instead."""

    field: str  # where, inside the debrief: "talked_with[1].topics[0]", "next_contact.who"
    where: str  # the same in words: "Rachel Whitford, topic 2"
    person: str | None = None  # the interviewer the entry is about; None for the round
    flag: str  # what is wrong, as a short id: "topic-sentence", "contact-not-met", ...
    message: str  # one line, in plain words
    suggestion: str


def debrief_advice(
    rnd: Round, knowledge: Knowledge, first_round: FirstRound | None = None
) -> list[Advice]:
    """Advice on the round's debrief, in the order of its fields; empty when every entry
    fits the notes (or there is no debrief). ``first_round`` is round one, whose people
    the candidate has also met."""
    if rnd.debrief is None:
        return []
    writer = Writer(knowledge)
    people = [*rnd.interviewers, *(first_round.interviewers if first_round else [])]
    out: list[Advice] = []
    for i, talk in enumerate(rnd.debrief.talked_with):
        out += _person_advice(writer, i, talk)
    out += _next_steps_advice(writer, rnd.debrief, people)
    return out


# --- what was said with each person ---------------------------------------------------


def _person_advice(writer: Writer, i: int, talk: TalkedWith) -> Iterator[Advice]:
    name = talk.interviewer
    base = f"talked_with[{i}]"

    def advice(field: str, where: str, flag: str, message: str, suggestion: str) -> Advice:
        return Advice(
            field=f"{base}.{field}",
            where=f"{name}, {where}",
            person=name,
            flag=flag,
            message=message,
            suggestion=suggestion,
        )

    for j, topic in enumerate(talk.topics):
        found = _topic_problem(writer, topic)
        if found:
            yield advice(f"topics[{j}]", f"topic {j + 1}", *found)
    interest = talk.interest
    if interest and kind_of(interest) is Kind.first_person:
        yield advice(
            "interest",
            "point of interest",
            "interest-first-person",
            _say(writer, "advice-interest-first-person", quote=_quote(interest), person=name),
            _say(writer, "advice-interest-first-person-try"),
        )
    clarify = talk.clarify
    if clarify and not _is_a_fact(clarify):
        yield advice(
            "clarify",
            "detail to clarify",
            "clarify-not-a-fact",
            _say(writer, "advice-clarify-not-a-fact", quote=_quote(clarify)),
            _say(writer, "advice-clarify-not-a-fact-try"),
        )
    for j, item in enumerate(talk.promised):
        if kind_of(item) is not Kind.noun_phrase:
            yield advice(
                f"promised[{j}]",
                f"promised item {j + 1}",
                "promised-not-a-thing",
                _say(writer, "advice-promised-not-a-thing", quote=_quote(item)),
                _say(writer, "advice-promised-not-a-thing-try", core=_sent(item)),
            )


def _topic_problem(writer: Writer, topic: str) -> tuple[str, str, str] | None:
    """(flag, message, suggestion) for a topic that will not read well after "about"."""
    kind = kind_of(topic)
    quote = _quote(topic)
    if kind in (Kind.sentence, Kind.first_person):
        flag = "topic-first-person" if kind is Kind.first_person else "topic-sentence"
        return (
            flag,
            _say(writer, f"advice-{flag}", quote=quote),
            _say(writer, "advice-topic-sentence-try", core=_core(topic)),
        )
    words = count_words(topic)
    if words > MAX_TOPIC_WORDS or len(topic) > MAX_TOPIC_CHARS:
        counted = {"words": str(words)} if words > MAX_TOPIC_WORDS else {}
        return (
            "topic-long",
            _say(writer, "advice-topic-long", quote=quote, characters=f"{len(topic):,}", **counted),
            _say(writer, "advice-topic-long-try"),
        )
    if words == 1 and kind is Kind.noun_phrase and not _unspaced(topic):
        return (
            "topic-one-word",
            _say(writer, "advice-topic-one-word", quote=quote),
            _say(writer, "advice-topic-one-word-try"),
        )
    return None


_SPOKEN = re.compile(
    r"^(?:i|we|she|he|they)\s+(?:\w+ed|wants|asked about|talked about|spoke about|"
    r"mentioned|discussed|raised|wants to discuss)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_STARTS = frozenset("the a an her his their our my your how what whether why".split())


def _core(topic: str) -> str | None:
    """What a remark was about, when it says so plainly: "I liked the audit plan" gives
    "the audit plan"; None when there is no such safe cut."""
    match = _SPOKEN.match(" ".join(topic.split()).rstrip(".!"))
    if not match:
        return None
    rest = match.group("rest")
    first = rest.split(" ", 1)[0].lower()
    if first not in _STARTS or count_words(rest) < 2 or count_words(rest) > MAX_TOPIC_WORDS:
        return None
    if kind_of(rest) not in (Kind.noun_phrase, Kind.clause):
        return None
    return rest


_PROMISE = re.compile(
    r"^(?:I(?:'ll| will|'d| would| said I'd| said I would| promised to| can)\s+)?"
    r"(?:send|share|forward|email|post)\s+(?:(?:them|him|her|you|over|on)\s+)*(?P<rest>.+)$",
    re.IGNORECASE,
)


def _sent(item: str) -> str | None:
    """The thing a promise names: "I'll send the scheme of work" gives "the scheme of work"."""
    match = _PROMISE.match(" ".join(item.replace("\u2019", "'").split()).rstrip(".!"))
    if not match:
        return None
    rest = re.sub(r"\s+(?:with|to)\s+(?:you|them|him|her)$", "", match.group("rest"))
    if kind_of(rest) is not Kind.noun_phrase or count_words(rest) > MAX_TOPIC_WORDS:
        return None
    return rest


_CORRECTED = re.compile(r"\b(?:not|actually|in fact|rather than|instead of)\b|\d|[:;]", re.I)
BARE_WORDS = 6  # a noun phrase this short, with no figure or contrast, names a subject


def _is_a_fact(text: str) -> bool:
    """A correction states what is true: a sentence, or a phrase that sets one figure
    against another ("nine weeks lead time, not six"). A bare subject ("the lead time")
    or a question ("how many data drops we run") is not one. A longer phrase is given
    the benefit of the doubt: it may be a sentence with a verb we do not know."""
    kind = kind_of(text)
    if kind in (Kind.clause, Kind.infinitive):
        return False
    if kind is Kind.noun_phrase:
        return count_words(text) > BARE_WORDS or bool(_CORRECTED.search(text))
    return True


# Scripts written without spaces between words: a "one word" count means nothing there.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff]")


def _unspaced(text: str) -> bool:
    return bool(_UNSPACED.search(text))


# --- next steps -------------------------------------------------------------------------

_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Cllr|Councillor|Revd|Rev|Reverend|Sir|Dame)"
    r"\.?\s+[A-Z][\w'\u2019-]+"
)
_ROLES = re.compile(
    r"\b(?:the\s+)?(?:recruiter|headhunter|hiring manager|talent partner|HR)\b", re.IGNORECASE
)
_NOT_NAMES = frozenset(
    "dr mr mrs ms miss mx prof professor cllr councillor revd rev reverend sir dame".split()
)


def _next_steps_advice(writer: Writer, debrief: Debrief, people: list[Interviewer]) -> list[Advice]:
    out: list[Advice] = []
    contact = debrief.next_contact
    if debrief.next_steps and contact is None:
        who = _named(debrief.next_steps, people)
        if who is not None:
            message = _say(writer, "advice-next-steps-no-contact", who=who)
            flag = "next-steps-no-contact"
        elif debrief.decision_date is None:
            message = _say(writer, "advice-next-steps-no-facts")
            flag = "next-steps-no-facts"
        else:
            return out
        out.append(
            Advice(
                field="next_steps",
                where="next steps",
                flag=flag,
                message=message,
                suggestion=_say(writer, "advice-next-steps-try"),
            )
        )
    who = contact.who if contact is not None else None
    if who and not any(same_person(who, p.name) for p in people):
        out.append(
            Advice(
                field="next_contact.who",
                where="who will be in touch",
                flag="contact-not-met",
                message=_say(writer, "advice-contact-not-met", who=who),
                suggestion=_say(writer, "advice-contact-not-met-try", close=_closest(who, people)),
            )
        )
    return out


def _name_parts(name: str) -> list[str]:
    parts = re.split(r"[\s.]+", name)
    return [p for p in parts if len(p) > 1 and p.lower() not in _NOT_NAMES]


def _named(text: str, people: list[Interviewer]) -> str | None:
    """Whom the next steps name: one of the people met (by a capitalised given name or
    surname), someone with a title ("Mrs Akinola"), or a role such as the recruiter."""
    for person in people:
        for part in _name_parts(person.name):
            if re.search(rf"(?<![\w'\u2019-]){re.escape(part)}(?![\w'\u2019-])", text):
                return person.name
    titled = _TITLED.search(text)
    if titled:
        return titled.group(0)
    role = _ROLES.search(text)
    return role.group(0) if role else None


def person_meant(who: str, people: Sequence[Interviewer]) -> str | None:
    """The one person met whom ``who`` names: the same name, or only words of their name
    that nobody else's has ("Mrs Akinola" or "Folasade" for Folasade Akinola)."""
    exact = [p.name for p in people if same_person(who, p.name)]
    if exact:
        return exact[0]
    said = {p.casefold() for p in _name_parts(who)}
    if not said:
        return None
    meant = {p.name for p in people if said <= {x.casefold() for x in _name_parts(p.name)}}
    return meant.pop() if len(meant) == 1 else None


def _closest(who: str, people: list[Interviewer]) -> str | None:
    """The person met whom ``who`` most likely means, to suggest: by name, or by spelling."""
    meant = person_meant(who, people)
    if meant is not None:
        return meant
    close = difflib.get_close_matches(who, [p.name for p in people], n=1, cutoff=0.6)
    return close[0] if close else None


# --- wording ----------------------------------------------------------------------------


def _say(writer: Writer, phrase_id: str, **values: str | None) -> str:
    return writer.say(phrase_id, 0, **values) or ""


def _quote(text: str) -> str:
    """Enough of an entry to recognise it, on one line: whole clauses where they fit."""
    flat = " ".join(text.split())
    if count_words(flat) <= QUOTE_WORDS and len(flat) <= QUOTE_CHARS:
        return flat
    short = shorten(flat, QUOTE_WORDS)
    if short and len(short) <= QUOTE_CHARS:
        return short + " \u2026"
    words = flat.split(" ")[:QUOTE_WORDS]
    while len(words) > 3 and words[-1].lower() in _DANGLING:
        words.pop()  # "her TAs sit at the back and" ends at "back"
    head = " ".join(words)
    if len(head) > QUOTE_CHARS:
        head = head[:QUOTE_CHARS].rstrip()
    return head + " \u2026"


_DANGLING = frozenset(
    """and or but nor so the a an of to in on at for with by from that who which whose
    is are was were be been has have had do does did don't doesn't didn't not my our your
    their his her its this these those""".split()
)
