"""What the plan is built from: the duties a job description gives, and the people the
role will work with (not pupils or representatives on a panel, nor a recruiter from
another firm)."""

from __future__ import annotations

import re

from pydantic import BaseModel

from finalist.coach.address import Seat, seat
from finalist.coach.interviewers import dossier, read_title
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Archetype
from finalist.model import Case, Interviewer, same_person
from finalist.text import ascii_number, lower_first, sentences
from finalist.writing import gerund, shorten

VERBS = (
    "own|owns|lead|leads|define|run|build|improve|reduce|deliver|manage|partner|develop|"
    "drive|design|grow|launch|replace|set up|create|make|refinance|strengthen|prepare|raise|"
    "increase|line manage|work|teach|support|oversee|ensure|shape|chair|coordinate|recruit|"
    "plan|review|maintain|handle|advise|represent|implement|establish|embed|monitor|report|"
    "negotiate|secure|bring|open|cut|modernise|modernize|rebuild|restore|expand|supervise|"
    "recover|transform|deliver|coach|mentor|train|hire|sponsor|set|teach|chair"
)
# duties one does not "own end to end": a reporting line, working alongside others
_SHARED = re.compile(r"^(?:report|work|partner|support|teach|advise|represent)\b", re.I)
_ACTION = re.compile(rf"\b({VERBS})\b", re.I)
_STARTS_WITH_VERB = re.compile(rf"^(?:and\s+)?({VERBS})\b", re.I)
_LEAD_IN = re.compile(
    r"^(?:(?:over|in|during|within|from) [^,]{3,40}?,? )?"
    r"(you will|you'll|you would|the [\w\s,]+? will|this role will|in this role you will|"
    r"we need someone to|we are looking for someone to|responsible for|the role)\s+",
    re.I,
)
_OUTSIDE_FIRM = re.compile(
    r"\bretained by\b|\b(?:search|recruitment|recruiting|headhunting|staffing) "
    r"(?:firm|agency|consultancy|partner)\b|\b[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3} "
    r"(?:Search|Recruitment|Recruiting|Headhunters|Staffing)\b"
)
DUTY_WORDS = 18  # a duty longer than this is shortened at a clause boundary, or left out


def _duties_of(sentence: str) -> list[str]:
    """A sentence of duties, one phrase per duty: "refinance ..., lead ..., and prepare
    ..." gives three; "work with A, B and C" stays one."""
    out: list[str] = []
    for part in re.split(r",\s+|;\s+", sentence):
        part = part.strip()
        if out and not _STARTS_WITH_VERB.match(part):
            out[-1] += ", " + part
        elif part:
            out.append(re.sub(r"^and\s+", "", part, flags=re.I))
    return out


def responsibilities(job_description: str | None) -> list[str]:
    """The duties a job description gives, as short phrases in its own words."""
    found: list[str] = []
    for line in sentences(job_description or ""):
        line = line.strip().lstrip("-*• ")
        addressed = _LEAD_IN.match(line)
        if not (addressed or _STARTS_WITH_VERB.match(line)) or not _ACTION.search(line):
            continue  # a sentence about the company, not about the job
        body = _LEAD_IN.sub("", line).rstrip(".")
        body = lower_first(body) if addressed else body[:1].lower() + body[1:]
        for duty in _duties_of(body):
            if not _STARTS_WITH_VERB.match(duty) or re.match(r"^report to\b", duty, re.I):
                continue  # a requirement ("have a strong record ...") or a reporting line
            duty = re.sub(r"\bour\b", "the", duty)  # the employer's voice: "our move upmarket"
            short = shorten(duty.split(": ", 1)[0], DUTY_WORDS)
            if short and short not in found:
                found.append(short)
    return found


def ownable(duty: str) -> bool:
    """A duty the role can own end to end, not one shared with others."""
    return not _SHARED.match(duty)


_PEOPLE = re.compile(
    r"^(?:lead|manage|line manage|supervise|develop|recruit|coach)\b[^,]{0,40}?\b"
    r"(?:team|teams|staff|managers|people|colleagues|department|reports)"
    r"(?=$|,|\s+(?:of|and|in|to|through|across|who|that)\b)",
    re.I,
)


def a_process(duty: str) -> bool:
    """A duty that is a piece of work with a process behind it, not leading people."""
    return ownable(duty) and not _PEOPLE.match(duty)


def is_outside_recruiter(person: Interviewer) -> bool:
    """Someone from a search or recruitment firm hiring for the employer: their title or
    department names the firm ("Ardmore Search (retained by Castellan)")."""
    return bool(_OUTSIDE_FIRM.search(" ".join(filter(None, [person.title, person.department]))))


class People(BaseModel):
    """Who is who for the plan, by their names as the case writes them."""

    colleagues: list[str]  # to meet one to one: round two's people, then round one's
    deciders: list[str]
    pupils: list[str]
    representatives: list[str]
    recruiters: list[str]  # from a search or recruitment firm
    hr: list[str] = []  # the employer's own HR or recruitment contact
    manager: str | None = None  # the line manager, when one hiring manager was met


def people_of(case: Case, knowledge: Knowledge) -> People:
    """Who the role works with, and who sat on a panel without being a colleague."""
    found = People(colleagues=[], deciders=[], pupils=[], representatives=[], recruiters=[])
    people: list[tuple[Interviewer, bool]] = []
    kinds: dict[str, str] = {}
    for n, rnd in enumerate(case.rounds, start=1):
        for person in rnd.interviewers:
            kind = dossier(person, rnd, n, case, knowledge).archetype.value
            kinds.setdefault(person.name, kind)
            people.append((person, kind in (Archetype.executive, Archetype.hiring_manager)))
    first = case.opportunity.first_round
    people += [(p, False) for p in (first.interviewers if first else [])]
    for person in first.interviewers if first else []:
        kinds.setdefault(person.name, read_title(person.title or "", knowledge).archetype.value)
    hr_role = bool(
        re.search(
            r"\b(?:hr|human resources|people|talent|recruit\w*)\b", case.opportunity.role, re.I
        )
    )
    seen: list[str] = []
    for person, decides in people:
        if any(same_person(person.name, s) for s in seen):
            continue
        seen.append(person.name)
        where = seat(person, case, knowledge)
        if where is Seat.pupil and "representative" in (person.title or "").lower():
            where = Seat.representative  # "Student Representative, BA Social Work (Year 3)"
        if where is Seat.pupil:
            found.pupils.append(person.name)
        elif where is Seat.representative:
            found.representatives.append(person.name)
        elif is_outside_recruiter(person):
            found.recruiters.append(person.name)
        elif kinds.get(person.name) == Archetype.hr_recruiter and not hr_role:
            found.hr.append(person.name)
        else:
            found.colleagues.append(person.name)
            if decides:
                found.deciders.append(person.name)
    managers = [n for n in found.colleagues if kinds.get(n) == Archetype.hiring_manager]
    found.manager = _line_manager(found.colleagues, managers, case)
    if found.manager is not None:  # the line manager first
        found.colleagues.remove(found.manager)
        found.colleagues.insert(0, found.manager)
    return found


_REPORTS_TO = re.compile(
    r"\breport(?:s|ing)? (?:in)?to (?:the )?(?P<to>[^.,;\n]+?)(?= and\b|[.,;\n]|$)", re.I
)
_MANAGING = re.compile(
    r"\b(?:manager|director|head|chief|lead|principal|partner|officer|president|deputy|"
    r"matron|controller|rector|vicar)\b",
    re.I,
)
_SMALL = frozenset("of the and for a an to in".split())


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower()) if w not in _SMALL]


def _names_title(said: str, title: str) -> bool:
    """Whether "the Director of Product" or "the CEO" names this title."""
    wanted, have = _words(said), _words(title)
    if not wanted or not have:
        return False
    initials = "".join(w[0] for w in have)
    return set(wanted) <= set(have) or (len(wanted) == 1 and wanted[0] == initials)


def as_named(people: People, case: Case) -> People:
    """The same people, named as a plan writes them mid-sentence (``named``)."""
    first = case.opportunity.first_round
    met = [p for r in case.rounds for p in r.interviewers]
    met += list(first.interviewers) if first else []
    shown = {p.name: named(p) for p in met}

    def each(names: list[str]) -> list[str]:
        return [shown.get(n, n) for n in names]

    return People(
        colleagues=each(people.colleagues),
        deciders=each(people.deciders),
        pupils=each(people.pupils),
        representatives=each(people.representatives),
        recruiters=each(people.recruiters),
        hr=each(people.hr),
        manager=shown.get(people.manager, people.manager) if people.manager else None,
    )


def named(person: Interviewer) -> str:
    """A person's name as a plan writes it mid-sentence: "Revd Canon Judith Amesbury",
    "Cllr Nasreen Akhtar" (the title is the form)."""
    name = re.sub(r"^The\s+", "", person.name)
    if re.match(r"^(?:Cllr|Councill?or)\b", person.title or "", re.I) and not re.match(
        r"^(?:Cllr|Councill?or)\b", name, re.I
    ):
        name = f"Cllr {name}"
    return name


def _line_manager(colleagues: list[str], managers: list[str], case: Case) -> str | None:
    """Who the role reports to: the colleague whose title the job description names after
    "report to", else the only hiring manager met whose title reads as a manager's."""
    first = case.opportunity.first_round
    met = [p for r in case.rounds for p in r.interviewers]
    met += list(first.interviewers) if first else []
    titles: dict[str, list[str]] = {}
    for person in met:
        titles.setdefault(person.name, []).append(person.title or "")
    said = _REPORTS_TO.search(case.opportunity.job_description or "")
    if said:
        fits = [n for n in colleagues if any(_names_title(said.group("to"), t) for t in titles[n])]
        if len(fits) == 1:
            return fits[0]
    if len(managers) == 1 and any(_MANAGING.search(t) for t in titles[managers[0]]):
        return managers[0]
    return None


_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
_TEAM_IN_JD = (
    re.compile(rf"\blead(?:s|ing)? (?:a |the |our )?(?:[\w-]+ )?team of (?P<n>{_NUMBER})\b", re.I),
    re.compile(
        rf"\b(?:lead(?:s|ing)?|manag(?:e|es|ing)|line manag(?:e|es|ing)|supervis(?:e|es|ing))"
        rf" (?:a team of )?(?P<n>{_NUMBER}) (?P<who>[\w ]{{3,40}}?)(?= and\b|[,.;(\n]|$)",
        re.I,
    ),
    re.compile(
        r"\b(?:lead(?:s|ing)?|manag\w*|development of|leadership of)\b[^.]{0,40}?\(?"
        r"(?:about |around |some )?(?P<n>\d+) (?P<who>staff|people|colleagues)\b",
        re.I,
    ),
)
LARGE_TEAM = 12  # more people than this are met in groups, not one by one


def team_size(team: str) -> int | None:
    """How many people "the team of four" or "the 50 staff" counts, when it says."""
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
    words |= {"nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
    for word in team.split():
        if (number := ascii_number(word)) is not None:
            return number
        if word.lower() in words:
            return words[word.lower()]
    return None


def team_of(job_description: str | None) -> str | None:
    """The people the role leads, as the job description counts them: "leading a team of
    four" gives "the team of four", "manage four site managers" gives "the four site
    managers"; None when it does not say."""
    text = " ".join((job_description or "").split())
    for pattern in _TEAM_IN_JD:
        match = pattern.search(text)
        if match is None:
            continue
        who = match.groupdict().get("who")
        if who and not re.search(r"\b(?:budget|contract|project)s?\b", who, re.I):
            return f"the {match.group('n')} {who.strip()}"
        if not who:
            return f"the team of {match.group('n')}"
    if re.search(r"\bline manag\w* (?:and develop )?the team\b", text, re.I):
        return "the team"
    return None


_TEAM_DUTY = re.compile(
    r"^(?:lead|manage|line manage|supervise|develop|coach)\b.{0,30}\b(?:team|staff|managers|"
    r"officers|people)\b",
    re.I,
)


def doing_form(duty: str) -> str | None:
    """A duty in its -ing form, every verb of it: "prepare for renewals and make sure
    the site is safe" as "preparing for renewals and making sure the site is safe"."""
    parts = re.split(rf"\s+and\s+(?=(?:{VERBS})\b)", duty)
    done = [gerund(part) for part in parts]
    return None if any(d is None for d in done) else " and ".join(d for d in done if d)


def unit_of(role: str) -> str | None:
    """The site, ward or team a role names after a comma: "Site General Manager, Hollins
    Park" runs Hollins Park; "(Grade 7)" and "/" alternatives are not places."""
    if ", " not in role:
        return None
    unit = re.sub(r"\s*\([^)]*\)", "", role.rsplit(", ", 1)[1]).strip()
    return unit if unit[:1].isupper() and "/" not in unit and len(unit.split()) <= 4 else None


def in_my_voice(duty: str) -> str:
    """A duty in the candidate's voice: "coach your product managers" as "coach my ..."."""
    return re.sub(r"\byour\b", "my", re.sub(r"\byourself\b", "myself", duty))


def leads_team(duty: str) -> bool:
    """A duty that is leading people ("line manage and develop the team"): the plan meets
    the team instead of treating it as a piece of work."""
    return bool(_TEAM_DUTY.match(duty))
