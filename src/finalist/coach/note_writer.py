"""What each thank-you note says, decided person by person, and its words.

The coach decides the moves (thanks for the conversation and its topic; a point of
interest in their terms; the candidate's own evidence for their topic; a correction or a
promised document; the timing question for the person who runs the process; a close),
then the writing engine words each move from the phrasing content. Every fact comes
from the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from finalist.coach.address import Address, Seat
from finalist.coach.company_notes import REGULATORS
from finalist.coach.note_checks import NoteSpec
from finalist.knowledge.schema import LEVEL_ORDER, Archetype, Level, SlotKind
from finalist.model import Case, Interviewer, Round, Story, TalkedWith, same_person
from finalist.text import distinctive, keywords, sentences, similarity
from finalist.writing import (
    Kind,
    Writer,
    count_words,
    for_reader,
    join,
    kind_of,
    organisation,
    sentence,
    short_role,
    shorten,
    unsentence,
    with_article,
)

# the length guides ask for, by who reads it
STAFF_WORDS = (90, 180)
SENIOR_WORDS = (60, 150)  # a senior executive or an elected member: shorter
SHORT_WORDS = (25, 100)  # a lay or student representative: a short courteous note
SUBJECT_LENGTH = 70  # characters: what a phone's inbox shows


@dataclass
class Reader:
    """One person to write to, with what the coach knows about them."""

    person: Interviewer
    address: Address
    archetype: Archetype
    level: Level
    talk: TalkedWith
    runs_process: bool = False
    pupils: list[str] = field(default_factory=list)  # to thank through this person
    revisit: bool = False  # the debrief says an answer to them went badly
    also_met: list[Round] = field(default_factory=list)  # earlier rounds the same day


@dataclass
class Draft:
    subject: str
    text: str
    spec: NoteSpec


def process_owner(
    rnd: Round,
    readers: list[Reader],
    recruiter_elsewhere: bool = False,
    line_manager: str | None = None,
) -> Reader | None:
    """Who runs the process, of the people met: the one who said they would be in touch,
    else the recruiter or HR contact; when no recruiter or HR contact is met in another
    round (who would be the one to ask), the line manager the job description names, else
    the most senior hiring manager, else the only person met, unless the line manager
    is met in another round."""
    staff = [r for r in readers if r.address.seat is Seat.staff]
    contact = rnd.debrief.next_contact if rnd.debrief else None
    if contact is not None and contact.who:
        named = next((r for r in staff if same_person(r.person.name, contact.who)), None)
        if named is not None:
            return named
    recruiter = next((r for r in staff if r.archetype is Archetype.hr_recruiter), None)
    if recruiter is not None or recruiter_elsewhere:
        return recruiter
    if line_manager is not None:
        return next((r for r in staff if same_person(r.person.name, line_manager)), None)
    managers = [r for r in staff if r.archetype is Archetype.hiring_manager]
    if managers:
        return max(managers, key=lambda r: LEVEL_ORDER[r.level])
    return staff[0] if len(staff) == 1 else None


def senior(reader: Reader) -> bool:
    greeting = reader.address.greeting.split(" ", 1)[0]
    return reader.level in (Level.executive, Level.board) or greeting in ("Councillor", "Cllr")


# --- the candidate's evidence --------------------------------------------------------------

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


# --- the words -----------------------------------------------------------------------------

_CORRECTION = re.compile(
    r"^I (?:said|told (?:them|him|her|you)|suggested|mentioned)\s+(?:that\s+)?(?P<claim>.+?)"
    r"\s*[;,.\u2013\u2014-]+\s*(?:but\s+)?(?:it'?s|it is|that'?s|it was|in fact|actually)\s+"
    r"(?:actually\s+|really\s+)?(?P<fact>.+?)\.?$",
    re.IGNORECASE,
)


def meeting_of(rounds: list[Round]) -> str:
    """What the note thanks them for: one round's meeting, or two on the same day
    ("watching my lesson and talking it through, and for the panel interview")."""
    said = list(dict.fromkeys(_meeting(r) for r in rounds))
    return ", and for ".join(said)


def _meeting(rnd: Round) -> str:
    name = (rnd.name or "").lower()
    for word, meeting in (
        ("lunch", "lunch"),
        ("coffee", "the coffee"),
        ("tour", "the tour and our conversation"),
        ("lesson", "watching my lesson and talking it through"),
        ("presentation", "listening to my presentation"),
    ):
        if word in name:
            return meeting
    return {
        "panel": "the panel interview",
        "presentation": "listening to my presentation",
        "informal": "meeting me",
        "virtual": "our call",
        "group": "the assessment day",
    }.get(rnd.format.value, "our conversation")


def _day(held: date | datetime | None) -> str:
    if held is None:
        return "the day"
    day = held.date() if isinstance(held, datetime) else held
    return f"{day:%A}"


def interest_line(writer: Writer, reader: Reader, pick: int) -> str | None:
    """The point of interest, in their terms: turned to 'you' when it is about them."""
    interest = reader.talk.interest
    if interest is None or kind_of(interest) in (Kind.empty, Kind.first_person):
        return None
    turned = for_reader(re.split(r"\s*;\s*", interest)[0], reader.person.name)
    if turned is None:
        return None  # (a jotting of two points joined by ";": the first is the point)
    if kind_of(turned) is Kind.sentence:
        # "you said students want ..." is what students want: the saying goes unsaid
        heard = re.sub(
            r"^(?:you|he|she|they) (?:said|mentioned|told me|explained|felt)(?: that)? ",
            "",
            turned,
        )
        return writer.say("note-interest-you", pick, clause=heard)
    return writer.say("note-interest-np", pick, interest=turned)


def clarify_line(writer: Writer, reader: Reader, pick: int) -> str | None:
    text = reader.talk.clarify
    if not text:
        return None
    text = for_reader(" ".join(text.split()), reader.person.name) or ""
    if not text:
        return None
    text = _lower_first(unsentence(text))
    match = _CORRECTION.match(text)
    if match:
        return writer.say(
            "note-correction", pick, claim=match.group("claim"), fact=match.group("fact")
        )
    return writer.say("note-clarify", pick, clarify=text)


def next_steps_line(writer: Writer, reader: Reader, rnd: Round, today: date, pick: int) -> str:
    debrief = rnd.debrief
    contact = debrief.next_contact if debrief else None
    by = contact.by if contact and contact.by else debrief.decision_date if debrief else None
    by_day = (by.date() if isinstance(by, datetime) else by) if by is not None else None
    if by_day is not None and by_day <= today:
        by_day = None  # today, or a date already passed, is no news to repeat
    line: str | None = None
    if contact is not None and contact.who:
        if same_person(contact.who, reader.person.name):
            call = bool(re.search(r"phone|call|ring", contact.how or "", re.I))
            line = (
                writer.say("note-next-call" if call else "note-next-from-you", pick, date=by_day)
                if by_day
                else writer.say("note-next-call-soon" if call else "note-next-from-you-soon", pick)
            )
        elif by_day is not None:
            line = writer.say(
                "note-next-from-other",
                pick,
                who=contact.who if contact.who[:1].islower() else contact.who.split()[0],
                date=by_day,
            )
    if line is None and by_day is not None:
        line = writer.say("note-next-known", pick, date=by_day)
    return line or writer.say("note-next-ask", pick) or ""


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


def _named_topic(topic: str | None) -> str | None:
    """A regulator named alone as a topic ("CQC") as a sentence names it ("the CQC")."""
    if topic is None:
        return None
    for cue, name in REGULATORS:
        if re.fullmatch(rf"(?:the\s+)?(?:{cue})", topic.strip(), re.I):
            return name  # "the CQC": the name as a sentence carries it, nothing added
    return topic


CLOSE_TOPIC_WORDS = 4


def _close_topic(writer: Writer, reader: Reader, topics: list[str]) -> str | None:
    """What the close offers to help with: a topic of the talk, the second if there is one
    (the note opened with the first); none for a recruiter or HR contact."""
    if reader.archetype is Archetype.hr_recruiter:
        return None  # their concern is the process, not work to help with
    for text in [*topics[1:2], *topics[:1]]:
        turned = for_reader(text, reader.person.name)
        if (
            turned
            and kind_of(turned) is Kind.noun_phrase
            and count_words(turned) <= CLOSE_TOPIC_WORDS
            and not re.search(r"\b(?:your|my|you|me|I)\b", turned)
            and writer.fit(SlotKind.about, turned)
        ):
            return turned  # a piece of work ("the equal pay appeal"), not a remark
    return None


def write_note(
    writer: Writer,
    reader: Reader,
    case: Case,
    rnd: Round,
    held: date | datetime | None,
    today: date,
    evidence: tuple[str, str] | None,
    pick: int,
    cliches: list[str],
) -> Draft:
    opp = case.opportunity
    short = reader.address.seat is not Seat.staff
    low, high = SHORT_WORDS if short else SENIOR_WORDS if senior(reader) else STAFF_WORDS
    turned = [_named_topic(for_reader(t, reader.person.name)) for t in reader.talk.topics]
    topics = [t for t in turned if t and writer.fit(SlotKind.about, t)]
    company = organisation(opp.company)
    meeting, day = meeting_of([*reader.also_met, rnd]), _day(held)
    # each sentence tagged with its move, so a long note loses the least needed first
    first: list[tuple[str, str | None]] = []
    second: list[tuple[str, str | None]] = []
    third: list[tuple[str, str | None]] = []
    if short:
        first.append(
            (
                "thanks",
                writer.say("note-thanks-short", pick, meeting=meeting, day=day, topic=topics[0])
                if topics
                else writer.say("note-thanks-plain", pick, meeting=meeting, day=day),
            )
        )
        first.append(("interest", interest_line(writer, reader, pick)))
        second.append(("clarify", clarify_line(writer, reader, pick)))  # always delivered
        if reader.talk.promised:
            second.append(
                ("promised", writer.say("note-promised", pick, items=reader.talk.promised))
            )
        third.append(("close", writer.say("note-close", pick, company=company)))
    else:
        first.append(
            (
                "thanks",
                writer.say("note-thanks", pick, meeting=meeting, day=day, topic=topics[0])
                if topics
                else writer.say("note-thanks-plain", pick, meeting=meeting, day=day),
            )
        )
        # the evidence names the topic of theirs its story answers
        story_of = next((st for st in case.stories if evidence and st.title == evidence[0]), None)
        linked = (
            _closest(topics, [_story_text(story_of)], at_least=LINK_WORDS)
            if story_of is not None
            else _closest(topics, [evidence[1]])
            if evidence is not None
            else None
        )
        first.append(("interest", interest_line(writer, reader, pick)))
        if evidence is not None:
            topic = linked
            story = story_phrase(evidence[0])
            told = sentence(evidence[1])
            line = None
            if not evidence[1] and story is not None:
                line = writer.say(
                    "note-evidence-title" if topic else "note-evidence-title-plain",
                    pick,
                    topic=topic,
                    story=story,
                )
            elif reader.revisit:
                line = writer.say("note-evidence-revisit", pick, topic=topic, evidence=told)
            if line is None and story is not None:
                line = writer.say(
                    "note-evidence-story" if topic else "note-evidence-story-plain",
                    pick,
                    topic=topic,
                    story=story,
                    evidence=told,
                )
            line = line or writer.say("note-evidence", pick, topic=topic, evidence=told)
            line = line or writer.say("note-evidence", pick, topic=None, evidence=told)
            second.append(("evidence", line))
        elif (strength := _closest(case.candidate.strengths, topics)) is not None:
            line = writer.say("note-strength-plain", pick, strength=strength)
            second.append(("evidence", line))
            evidence = ("", strength) if line else None
        second.append(("clarify", clarify_line(writer, reader, pick)))
        if reader.talk.promised:
            second.append(
                ("promised", writer.say("note-promised", pick, items=reader.talk.promised))
            )
        if reader.runs_process:
            third.append(("next", next_steps_line(writer, reader, rnd, today, pick)))
        if reader.pupils:
            third.append(("pupils", writer.say("note-pupils", pick, names=join(reader.pupils))))
        on = _close_topic(writer, reader, topics)
        close = writer.say("note-close-on", pick, topic=on, company=company) if on else None
        if close is not None:
            third.append(("close", close))
        else:
            keen = writer.say("note-keen", pick, company=company, role=_role(opp.role))
            third.append(("keen", keen))
            third.append(("close", writer.say("note-close", pick, company=company)))
    groups = [[(m, t) for m, t in g if t] for g in (first, second, third)]
    body = "\n\n".join(" ".join(t for _, t in g) for g in _fit_length(groups, low, high) if g)
    c = case.candidate
    signoff = "\n".join(filter(None, [writer.say("note-signoff", 0), c.name, c.email, c.phone]))
    text = f"Dear {reader.address.greeting},\n\n{body}\n\n{signoff}\n"
    subject = writer.say("note-subject", pick, role=short_role(opp.role), meeting=meeting)
    if subject is None or len(subject) > SUBJECT_LENGTH:
        subject = writer.say("note-short-subject", pick, role=short_role(opp.role))
    spec = NoteSpec(
        name=reader.person.name,
        greeting=reader.address.greeting,
        role=opp.role,
        topics=[*reader.talk.topics, *topics],  # as logged, or as the note names them
        evidence=[evidence[1] or story_phrase(evidence[0]) or evidence[0]] if evidence else [],
        needs_evidence=not short,
        runs_process=reader.runs_process,
        promised=list(reader.talk.promised) if not short else [],
        min_words=low,
        max_words=high,
        cliches=cliches,
    )
    return Draft(subject=subject or short_role(opp.role), text=text, spec=spec)


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:] == first[1:].lower() and first != "I" else text


def _story_text(story: Story) -> str:
    return " ".join(
        filter(None, [story.title, story.situation, story.task, story.action, story.result])
    )


LINK_WORDS = 1  # words a topic must share with a story to be named as what it answers


def _closest(options: list[str], to: list[str], at_least: int = 1) -> str | None:
    """The option that shares most words with ``to``; None when none shares ``at_least``
    distinctive words."""
    want = distinctive(keywords(" ".join(to)))
    scored = [
        (len(want & distinctive(keywords(o))), similarity(want, keywords(o)), o) for o in options
    ]
    best = max(scored, default=(0, 0.0, ""))
    return best[2] if best[0] >= at_least else None


def _role(role: str) -> str:
    """The role as it reads after "join X as": "Head of Mathematics" needs no article."""
    role = short_role(role)
    return role if role[:1].isupper() else with_article(role)


_DROP_ORDER = ("keen", "also", "peer", "interest")  # least needed first


def _fit_length(
    groups: list[list[tuple[str, str]]], low: int, high: int
) -> list[list[tuple[str, str]]]:
    """Drop the least needed sentences until the note is within the length: never the
    thanks, the evidence, a correction, a promised item or the timing. A short note is
    left short: no sentence is added only to make up the words."""

    def total() -> int:
        return sum(count_words(t) for g in groups for _, t in g)

    for move in _DROP_ORDER:
        if total() <= high:
            break
        groups = [[(m, t) for m, t in g if m != move] for g in groups]
    # a short closing paragraph is joined to the one before, so no paragraph is a stub
    if groups[2] and count_words(" ".join(t for _, t in groups[2])) < 8 and groups[1]:
        groups = [groups[0], groups[1] + groups[2], []]
    return groups
