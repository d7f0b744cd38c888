"""Questions the candidate asks: three to five per interviewer, none given twice in a
round, and a check of the candidate's own questions (logistics-only? yes/no?)."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from finalist.coach.interviewers import Dossier, dossier
from finalist.coach.reasons import Reasons, Spec, as_written, quoted
from finalist.coach.sector import Vocabulary, shown_text, vocabulary_of
from finalist.coach.timeline import told_when
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import ASK_TOPIC_LABEL, Archetype, Ask, AskTopic
from finalist.knowledge.sector_schema import SeatGuide
from finalist.model import Case, Format
from finalist.text import distinctive, find_phrases, keywords, normalise
from finalist.writing import join

LOGISTICS_PREFIX = "logistics-"


class AskPick(BaseModel):
    id: str
    text: str
    topic: AskTopic
    topic_label: str
    why: str
    reasons: list[str]


class PersonAsks(BaseModel):
    name: str
    title: str | None
    round_number: int
    round_label: str
    asks: list[AskPick]


class Finding(BaseModel):
    """One thing wrong with one of the candidate's questions, and what to do instead."""

    kind: str  # "logistics" or "closed"
    message: str
    why: str
    fix: str
    evidence: list[str]


class QuestionCheck(BaseModel):
    question: str
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not self.findings


class AsksResult(BaseModel):
    people: list[PersonAsks]
    own: list[QuestionCheck]


def _per_person(fmt: Format) -> int:
    """Three at a lunch or in a panel (time is shared), four otherwise."""
    return 3 if fmt in (Format.informal, Format.panel, Format.group) else 4


def _fill(text: str, case: Case, d: Dossier) -> str | None:
    dept = d.department.label if d.department else case.opportunity.department
    values = {
        "company": case.opportunity.company,
        "role": case.opportunity.role,
        "department": dept or "",
    }
    if "{department}" in text and not values["department"]:
        return None
    return re.sub(r"\{(company|role|department)\}", lambda m: values[m.group(1)], text)


class _Words:
    """Stems and the words behind them: the person's notes, the company notes and the
    job description, so a reason quotes what the candidate wrote."""

    def __init__(self, person: str, company: str, job: str) -> None:
        self.person = _terms(person)
        self.person_words = as_written(person)
        self.notes = _terms(f"{company} {job}")
        self.company_words = as_written(company)
        self.job_words = as_written(job)


def _notes_reason(noted: list[str], words: _Words) -> Spec:
    """'It picks up 'raised' from your company notes' (or the job description, or both)."""
    sources = [
        label
        for label, found in (
            ("your company notes", words.company_words),
            ("the job description", words.job_words),
        )
        if any(s in found for s in noted)
    ]
    written = {**words.job_words, **words.company_words}
    return ("reason-ask-notes", {"words": quoted(noted, written, 2), "source": join(sources)})


def _score(
    ask: Ask, d: Dossier, role_depts: list[str], words: _Words
) -> tuple[float, list[Spec]] | None:
    main = ask.suits.get(Archetype(d.archetype.value), 0.0)
    fit = main if d.also is None else 0.7 * main + 0.3 * ask.suits.get(Archetype(d.also.value), 0.0)
    if fit < 0.4:
        return None
    reasons: list[Spec] = [("reason-ask-suits", {"kind": d.archetype.label})]
    score = 3.0 * fit
    if ask.departments:
        theirs = d.department.value if d.department else ""
        if theirs in ask.departments:
            score += 1.5
            label = d.department.label if d.department else theirs
            reasons.append(("reason-ask-their-department", {"department": label}))
        elif set(ask.departments) & set(role_depts):
            score += 1.0
            reasons.append(("reason-ask-role-department", {}))
        else:
            return None
    terms = _terms(ask.text + " " + ask.why)
    shared = sorted(words.person & terms)
    if shared:
        score += min(2, len(shared)) * 0.8
        said = quoted(shared[:2], words.person_words)
        reasons.append(("reason-ask-person", {"name": d.name, "words": said}))
    noted = sorted(words.notes & terms)
    if len(noted) >= 2:  # one shared word is chance; two is a real link to your notes
        score += min(3, len(noted)) * 0.3
        reasons.append(_notes_reason(noted[:2], words))
    return score, reasons


@cache
def _terms(text: str) -> frozenset[str]:
    return distinctive(keywords(text))


def questions_to_ask(
    case: Case, knowledge: Knowledge, number: int, used: set[str] | None = None
) -> list[PersonAsks]:
    """Three to five questions for each person of one round. People take turns choosing
    their best remaining question, so no question goes to two people; ``used`` carries
    the questions already given in earlier rounds, so a day of rounds does not repeat."""
    from finalist.coach.interviewers import read_role

    rnd = case.rounds[number - 1]
    role = read_role(case, knowledge)
    opp = case.opportunity
    say = Reasons(knowledge)
    people = [dossier(p, rnd, number, case, knowledge) for p in rnd.interviewers]
    vocabulary = vocabulary_of(case, knowledge)
    ranked: list[list[tuple[float, Ask, list[Spec]]]] = []
    told = told_when(case)
    for person, d in zip(rnd.interviewers, people, strict=True):
        about = " ".join([*person.priorities, person.notes or ""])
        words = _Words(about, opp.company_notes or "", opp.job_description or "")
        guide = knowledge.seats.get(d.seat.value) if d.seat is not None else None
        options = _seat_options(guide, vocabulary) if guide is not None else []
        if guide is not None and not guide.asks_as_staff:
            ranked.append(options)  # a pupil or a patient's voice is not asked a colleague's
            continue
        for ask in knowledge.asks:
            if not vocabulary.suits(ask.sectors, shown_text(ask)):
                continue  # another sector's word the case never uses
            if told and ask.topic is AskTopic.decision_process and _TIMING.search(ask.text):
                continue  # they already said when: asking again shows you did not listen
            result = _score(ask, d, role.departments, words)
            if result is not None:
                options.append((result[0], ask, result[1]))
        options.sort(key=lambda item: (-item[0], item[1].id))
        ranked.append(options)
    want = _per_person(rnd.format)
    picks: list[list[AskPick]] = [[] for _ in people]
    used = used if used is not None else set()
    topics: list[set[AskTopic]] = [set() for _ in people]
    for _turn in range(want):
        for i, d in enumerate(people):
            choice = _next(ranked[i], used, topics[i])
            if choice is None:
                continue
            _score_value, ask, reasons = choice
            text = _fill(ask.text, case, d)
            used.add(ask.id)
            if text is None:
                continue
            topics[i].add(ask.topic)
            picks[i].append(
                AskPick(
                    id=ask.id,
                    text=text,
                    topic=ask.topic,
                    topic_label=ASK_TOPIC_LABEL[ask.topic],
                    why=ask.why,
                    reasons=say.render(reasons),
                )
            )
    return [
        PersonAsks(
            name=d.name, title=d.title, round_number=number, round_label=rnd.label(number), asks=p
        )
        for d, p in zip(people, picks, strict=True)
    ]


_TIMING = re.compile(r"\b(?:when|timeline|timing|how long|by what date)\b", re.IGNORECASE)


def _seat_options(guide: SeatGuide, vocabulary: Vocabulary) -> list[tuple[float, Ask, list[Spec]]]:
    """The seat's own questions to ask, in their order and ahead of any staff question."""
    options: list[tuple[float, Ask, list[Spec]]] = []
    for i, own in enumerate(guide.asks):
        if not vocabulary.fits(shown_text(own)):
            continue
        # checked as a seat's ask when the knowledge was loaded: an Ask in shape only
        ask = Ask.model_construct(
            id=f"seat-{guide.id.value}-{i + 1}",
            text=own.text,
            topic=own.topic,
            why=own.why,
            suits={},
        )
        options.append((100.0 - i, ask, [("reason-ask-seat", {"seat": guide.name})]))
    return options


def _next(
    options: list[tuple[float, Ask, list[Spec]]], used: set[str], topics: set[AskTopic]
) -> tuple[float, Ask, list[Spec]] | None:
    """The best unused option, preferring a topic this person has not had yet."""
    fresh = [o for o in options if o[1].id not in used and o[1].topic not in topics]
    if fresh:
        return fresh[0]
    rest = [o for o in options if o[1].id not in used]
    return rest[0] if rest else None


# --- checking the candidate's own questions ----------------------------------------------


def check_question(question: str, knowledge: Knowledge, case: Case | None = None) -> QuestionCheck:
    """Is this a good second-round question? Logistics-only and yes/no questions are
    flagged, each with why and a better version."""
    text = normalise(question)
    findings: list[Finding] = []
    for lexicon in knowledge.lexicons.values():
        if not lexicon.id.startswith(LOGISTICS_PREFIX):
            continue
        found = find_phrases(lexicon.words, text)
        if found:
            findings.append(
                Finding(
                    kind="logistics",
                    message=f"logistics-only for a second round ({join(found[:3])})",
                    why=lexicon.advice,
                    fix=_alternative(lexicon.alternative, knowledge, case),
                    evidence=found,
                )
            )
            break
    opener = _closed_opener(text, knowledge)
    if opener:
        findings.append(
            Finding(
                kind="closed",
                message=f"a yes/no question (it starts with '{opener}')",
                why=knowledge.lexicons["yes-no-openers"].advice
                if "yes-no-openers" in knowledge.lexicons
                else "An open question gets a fuller answer.",
                fix=open_rewording(question),
                evidence=[opener],
            )
        )
    return QuestionCheck(question=question, findings=findings)


def _closed_opener(text: str, knowledge: Knowledge) -> str | None:
    lexicon = knowledge.lexicons.get("yes-no-openers")
    words = lexicon.words if lexicon else ["do you", "is there", "are there", "can i"]
    start = text.strip().lstrip("¿¡\"'")
    for opener in sorted(words, key=len, reverse=True):
        if re.match(rf"{re.escape(opener)}\b", start):
            return opener
    return None


def _alternative(topic: AskTopic | None, knowledge: Knowledge, case: Case | None) -> str:
    if topic is None:
        return "Save it for the offer stage, and ask about the work instead."
    vocabulary = vocabulary_of(case, knowledge) if case is not None else None
    options = sorted(
        (
            a
            for a in knowledge.asks
            if a.topic is topic
            and not a.departments
            and "{department}" not in a.text
            # the case's own sector, or plain words that fit any (never "volunteers" for
            # a software company)
            and (vocabulary.suits(a.sectors, shown_text(a)) if vocabulary else not a.sectors)
        ),
        key=lambda a: (-a.suits.get(Archetype.hiring_manager, 0.0), a.id),
    )
    if not options:
        return f"Ask about {ASK_TOPIC_LABEL[topic]} instead."
    text = options[0].text
    if case is not None:
        text = text.replace("{company}", case.opportunity.company).replace(
            "{role}", case.opportunity.role
        )
    else:
        text = text.replace("{company}", "the company").replace("{role}", "this role")
    return f'Save it for the offer stage; ask about {ASK_TOPIC_LABEL[topic]} instead: "{text}"'


_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^(?:is|are) there (?:a |an |any |some )?(.+?)\??$", re.I),
        "What {0} is there, and how does it work in practice?",
    ),
    (
        re.compile(r"^(?:do|does) (you|the team|your team|the company|it|they) (.+?)\??$", re.I),
        "How {0} {1}, and what would you change about it?",
    ),
    (
        re.compile(r"^(?:can|will|would|could) i (.+?)\??$", re.I),
        "How would I {0} here, and what would that look like in the first year?",
    ),
    (
        re.compile(r"^(?:have|has) (you|the team|your team|the company) (?:ever )?(.+?)\??$", re.I),
        "Tell me about a time {0} {1}: what happened, and what did you learn?",
    ),
    (re.compile(r"^(?:is|are) (?:the |your )?(.+?)\??$", re.I), "How would you describe {0}?"),
]


_OPINION = {"see", "think", "believe", "expect", "feel", "consider", "agree", "view"}


def open_rewording(question: str) -> str:
    """An open version of a yes/no question, keeping the candidate's own words."""
    q = question.strip()
    for pattern, template in _REWRITES:
        m = pattern.match(q)
        if m:
            parts = [g.strip() for g in m.groups()]
            if template.startswith("How {0} {1}"):
                subject = parts[0].lower()
                verb = "do" if subject in ("you", "they") else "does"
                if parts[1].split(" ", 1)[0].lower() in _OPINION:
                    return f"Ask it openly: How {verb} {subject} {parts[1]}, and why?"
                parts = [f"{verb} {subject}", parts[1]]
            return "Ask it openly: " + template.format(*parts)
    return "Start it with 'what' or 'how' so they can tell you more than yes or no."


def check_own_questions(case: Case, knowledge: Knowledge) -> list[QuestionCheck]:
    return [check_question(q, knowledge, case) for q in case.opportunity.my_questions]


def asks_for_case(case: Case, knowledge: Knowledge, rounds: list[int]) -> AsksResult:
    people: list[PersonAsks] = []
    used: set[str] = set()
    for number in rounds:
        people += questions_to_ask(case, knowledge, number, used)
    return AsksResult(people=people, own=check_own_questions(case, knowledge))
