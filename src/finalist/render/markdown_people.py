"""Markdown views of dossiers and predicted questions (escaped like all user text)."""

from __future__ import annotations

from finalist.coach.interviewers import Dossier, Placement
from finalist.coach.questions import PersonQuestions, RoundQuestions
from finalist.knowledge.schema import THEME_LABEL
from finalist.render.markdown import escape
from finalist.writing import join


def _placement(p: Placement) -> str:
    why = f" ({escape('; '.join(p.reasons))})" if p.reasons else ""
    return f"{escape(p.label)}, {p.confidence} confidence{why}"


def dossier_md(d: Dossier, level: int = 3) -> str:
    h = "#" * level
    title = escape(d.name) + (f", {escape(d.title)}" if d.title else "")
    out = [f"{h} {title}", "", f"_{escape(d.round_label)} ({d.format.value})_", ""]
    if d.seat is not None:  # not staff: their seat says more than a rank or a department
        out.append(f"- **Seat at the table:** {_placement(d.seat)}")
        out.append(f"- **Who they are:** {escape(d.seat_summary or '')}")
    else:
        out.append(f"- **Role in the decision:** {_placement(d.archetype)}")
        if d.also is not None:
            out.append(f"- **Also:** {_placement(d.also)}")
        out.append(f"- **Seniority:** {_placement(d.level)}")
        dept = _placement(d.department) if d.department else "not known"
        out.append(f"- **Department:** {dept}")
    if d.address is not None and d.address.seat.value == "pupil":
        out.append(f"- **In writing:** {escape(d.address.why[:1].upper() + d.address.why[1:])}")
    elif d.address is not None:
        check = (
            f" {escape(d.address.check[:1].upper() + d.address.check[1:])}."
            if d.address.check
            else ""
        )
        greeting, why = escape(d.address.greeting), escape(d.address.why)
        out.append(f"- **In writing:** Dear {greeting} _({why})_{check}")
    if d.thank_you:
        out.append(f"- **Thanking them:** {escape(d.thank_you)}")
    if d.met_in_round_one:
        out.append("- **Round one:** you met them; build on that conversation.")
    out.append("")
    if d.priorities:
        out += ["**Likely cares about**", ""]
        out += [f"- {escape(p.text)} _({escape(p.source)})_" for p in d.priorities]
        out.append("")
    if d.wants_to_learn:
        out += ["**Wants to learn**", ""] + [f"- {escape(w)}" for w in d.wants_to_learn] + [""]
    if d.how_to_talk:
        out += ["**How to talk to them**", ""] + [f"- {escape(w)}" for w in d.how_to_talk] + [""]
    return "\n".join(out)


def questions_md(pq: PersonQuestions, detail: bool = True) -> str:
    out = ["**Likely questions**", ""]
    if not pq.questions:
        out.append("No question fits this person and round well enough to predict it.")
    for note in pq.round_one():
        out += [f"_Round one matters here:_ {escape(note)}.", ""]
    if pq.said_once():
        out += [f"_Behind most of these:_ {escape('; '.join(pq.said_once()))}.", ""]
    for i, q in enumerate(pq.questions, start=1):
        themes = ", ".join(THEME_LABEL[t] for t in q.themes)
        reasons = pq.own_reasons(q)
        why = f"; because {escape('; '.join(reasons))}" if reasons else ""
        out.append(f"{i}. **{escape(q.text)}**  ")
        out.append(f"   _{q.likelihood}; {escape(themes)}{why}_")
        if detail:
            out.append(f"   - Why they ask: {escape(q.why)}")
            out.append(f"   - A strong answer: {escape(q.strong_answer)}")
            out.append(f"   - Then they may probe: {escape(' / '.join(q.probes))}")
    out.append("")
    return "\n".join(out)


def round_people_md(rq: RoundQuestions, detail: bool = False) -> str:
    out = [f"## {escape(rq.round_label)}: who you will meet", ""]
    for pq in rq.people:
        out += [dossier_md(pq.dossier), questions_md(pq, detail=detail)]
    if rq.shared:
        out += ["### Asked by more than one person", ""]
        out += [f"- {escape(s.text)} _({escape(join(s.askers))})_" for s in rq.shared]
        out += ["", "Keep your answer consistent across them: they will compare notes.", ""]
    return "\n".join(out)
