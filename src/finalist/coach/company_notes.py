"""What the candidate's company notes say that a plan can use: an inspection and who
made it, a finding such as restated accounts, a stated priority, a change under way, a
measure that moved, the competitors. Read with simple cues a candidate can check (the
sentence says "inspected", "restated", "priority", "competitors", a regulator's name);
each fact keeps the words it was read from. Pure and deterministic.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from finalist.coach.round_one import lower_start, proper_words
from finalist.model import Case
from finalist.text import sentences
from finalist.writing import Kind, kind_of, shorten

FactKind = Literal[
    "inspection", "finding", "safety", "priority", "change", "measure", "competitors"
]
SUBJECT_WORDS = 16
QUOTE_WORDS = 30

# regulators and inspectorates, as a sentence names them (the name as it reads mid-sentence)
REGULATORS: tuple[tuple[str, str], ...] = (
    (r"\bOfsted\b", "Ofsted"),
    (r"\bEstyn\b", "Estyn"),
    (r"\bCQC\b|\bCare Quality Commission\b", "the CQC"),
    (r"\bCare Inspectorate\b", "the Care Inspectorate"),
    (r"\bRegulator of Social Housing\b", "the Regulator of Social Housing"),
    (r"\bNational Audit Office\b|\bNAO\b", "the National Audit Office"),
    (r"\bSocial Work England\b", "Social Work England"),
    (r"\bHRSA\b", "HRSA"),
    (r"\bHSE\b|\bHealth and Safety Executive\b", "the HSE"),
    (r"\bFundraising Regulator\b", "the Fundraising Regulator"),
    (r"\bCharity Commission\b", "the Charity Commission"),
    (r"\bFCA\b|\bFinancial Conduct Authority\b", "the FCA"),
    (r"\bSRA\b|\bSolicitors Regulation Authority\b", "the SRA"),
    (r"\bOfwat\b", "Ofwat"),
    (r"\bOfgem\b", "Ofgem"),
    (r"\bJoint Commission\b", "the Joint Commission"),
)
_INSPECTED = re.compile(
    r"\b(?:inspect\w*|rated|rating|grading|graded|site visit|visit|reported|report|found|"
    r"notice|conditions?|approved)\b",
    re.I,
)
_INSPECTION = re.compile(r"\binspect(?:ion|ed)\b", re.I)
# a finding, a change: the cue, and the noun phrase a milestone names it by
_FINDINGS: tuple[tuple[str, str], ...] = (
    (r"\brestated\b|\brestatement\b", "the restatement"),
    (r"\bsignificant deficiency\b|\bauditors raised\b|\bqualified opinion\b", "the audit findings"),
)
_CHANGES: tuple[tuple[str, str], ...] = (
    (r"\bmerged\b|\bmerger\b", "the merger"),
    (
        r"\bbought the majority\b|\bmajority stake\b|\bchange of ownership\b",
        "the change of ownership",
    ),
    (r"\bacquired\b|\bacquisitions?\b", "the acquisitions"),
    (r"\btook over\b|\btakeover\b", "the takeover"),
    (r"\bbring \w+ in-house\b|\bin-house\b", "the move in-house"),
    (r"\bcontract (?:ends|comes up for renewal)\b|\brenewal\b", "the contract renewal"),
    (r"\bdevolution\b", "devolution"),
)
# harm to people that the notes record: a safety record the new starter must look into first
_SAFETY = re.compile(
    r"\b(?:riddor(?: reportable)?|reportable|lost[- ]time|serious|fatal)\s+"
    r"(?:injur(?:y|ies)|accidents?|incidents?)\b|\b(?:injur(?:y|ies)|accidents?) (?:on|at) "
    r"(?:the )?site\b|\bimprovement notice\b|\bprohibition notice\b",
    re.I,
)


_NEW_SYSTEM = re.compile(
    r"\b(?P<s>(?:a )?(?:new|legacy) (?:[\w-]+ ){0,2}(?:system|ERP|WMS|engine|portal|formula|"
    r"platform))\b"
)
_PRIORITY = (
    re.compile(
        r"^(?P<s>.{3,60}?) (?:is|are) (?:a |the |its |our )?(?:stated |top |main |first )?"
        r"priorit(?:y|ies)\b",
        re.I,
    ),
    re.compile(r"\bhas put (?P<s>.{2,40}?) first\b", re.I),
    re.compile(r"\bpriorit(?:y|ies) (?:is|are) (?P<s>.{3,60})", re.I),
)
_COMPETITORS = (
    re.compile(
        r"\b(?:competitor|neighbouring|neighboring) (?:school|trust|hospital|council|firm), "
        r"(?P<s>[^,]+),",
        re.I,
    ),
    re.compile(
        r"\b(?:competitors|peers)(?: for \w+)?(?: nearby)?(?: include| are)?:? (?P<s>.+)", re.I
    ),
    re.compile(r"\brivals are (?P<s>.+)", re.I),
    re.compile(r"\bpressure from (?P<s>[\w\s-]{3,40})", re.I),
)
_MEASURE_WORDS = re.compile(
    r"\b(?:margin|rate|scores?|satisfaction|conversion|appointment|waits?|occupancy|accuracy|"
    r"attendance|progress|income|revenue|costs?|use|retention|turnover|sickness|vacanc\w*|"
    r"frequency|results)\b",
    re.I,
)
_MEASURE = (
    re.compile(
        r"^(?P<s>[\w\s&'-]{3,50}?) (?:fell|rose|dropped|dipped|has fallen|has risen|"
        r"increased|decreased|went (?:up|down)) (?:from|to|by)\b",
        re.I,
    ),
    re.compile(r"^(?P<s>[\w\s&'-]{3,50}?) (?:is|was|are|were) (?:about |only |just )?-?\d", re.I),
    re.compile(r"^(?P<s>[\w\s&'-]{3,30}?) (?:is|are) (?:high|low|rising|falling)\b", re.I),
    re.compile(r"\ban? (?P<s>[\w\s-]{2,40}? rate) of \d", re.I),
)
_PRONOUNS = re.compile(r"\b(?:it|its|they|them|their|this|that)\b", re.I)


class CompanyFact(BaseModel):
    kind: FactKind
    subject: str | None  # how a milestone names it: "Ofsted", "the restatement", "EBITDA margin"
    text: str  # the words of the notes it was read from
    cue: str  # why it was read so, in plain words


def _clauses(text: str) -> list[str]:
    """Sentences, and the parts of a sentence joined by ";", each its own point."""
    out: list[str] = []
    for line in sentences(text):
        out += [p.strip() for p in re.split(r";\s+", line) if p.strip()]
    return out


def _subject(text: str, proper: frozenset[str]) -> str | None:
    text = re.sub(r"\s*\([^)]{0,60}\)", "", text).strip(" ,.;:\"'\u201c\u201d")
    short = shorten(text, SUBJECT_WORDS)
    if not short or kind_of(short) is not Kind.noun_phrase:
        return None
    return lower_start(short, proper)


def _quote(text: str) -> str | None:
    return shorten(text, QUOTE_WORDS)


def read_company_notes(case: Case) -> list[CompanyFact]:
    """The facts in ``opportunity.company_notes``, in the order the notes give them; at
    most one fact per clause, the most specific kind first."""
    notes = case.opportunity.company_notes or ""
    proper = proper_words(case)
    facts: list[CompanyFact] = []
    for clause in _clauses(notes):
        fact = _read(clause, proper)
        if fact is not None:
            facts.append(fact)
    return facts


def _read(clause: str, proper: frozenset[str]) -> CompanyFact | None:
    quote = _quote(clause)
    if quote is None:
        return None
    for cue, name in REGULATORS:
        said = re.search(cue, clause)
        if said and _INSPECTED.search(clause):
            return CompanyFact(
                kind="inspection",
                subject=name,
                text=quote,
                cue=f"it names {name}",
            )
    if _INSPECTION.search(clause):
        return CompanyFact(kind="inspection", subject=None, text=quote, cue='it says "inspection"')
    harm = _SAFETY.search(clause)
    if harm:
        return CompanyFact(
            kind="safety",
            subject="the recent safety incidents",
            text=quote,
            cue=f'it says "{harm.group(0)}"',
        )
    for cue, name in _FINDINGS:
        said = re.search(cue, clause, re.I)
        if said:
            return CompanyFact(
                kind="finding", subject=name, text=quote, cue=f'it says "{said.group(0)}"'
            )
    for pattern in _PRIORITY:
        match = pattern.search(clause)
        if match and (subject := _subject(match.group("s"), proper)):
            return CompanyFact(
                kind="priority",
                subject=subject,
                text=quote,
                cue='it says "priority"'
                if "priorit" in clause.lower()
                else f'it says "{match.group(0)}"',
            )
    for pattern in _COMPETITORS:
        match = pattern.search(clause)
        if match and (subject := _subject(match.group("s"), proper)):
            word = re.search(
                r"competitors?|peers|rivals|competitor|neighbou?ring|pressure from", clause, re.I
            )
            return CompanyFact(
                kind="competitors",
                subject=subject,
                text=quote,
                cue=f'it says "{word.group(0) if word else "competitors"}"',
            )
    for pattern in _MEASURE:
        match = pattern.search(re.sub(r"\s*\([^)]{0,60}\)", "", clause))
        if not match:
            continue
        named = match.group("s")
        if (
            _MEASURE_WORDS.search(named)
            and not _PRONOUNS.search(named)
            and not named[:1].isdigit()
            and not named.lower().startswith("about")
        ):
            subject = _subject(named, proper)
            if subject:
                return CompanyFact(
                    kind="measure", subject=subject, text=quote, cue="it gives a figure that moved"
                )
    system = _NEW_SYSTEM.search(clause)
    if system:
        name = re.sub(r"^a ", "", system.group("s"))
        return CompanyFact(
            kind="change", subject="the " + name, text=quote, cue=f'it says "{name}"'
        )
    for cue, name in _CHANGES:
        said = re.search(cue, clause, re.I)
        if said:
            return CompanyFact(
                kind="change", subject=name, text=quote, cue=f'it says "{said.group(0)}"'
            )
    return None


def first_of(facts: list[CompanyFact], *kinds: FactKind) -> CompanyFact | None:
    """The first fact of the first kind given that the notes have."""
    for kind in kinds:
        for fact in facts:
            if fact.kind == kind:
                return fact
    return None
