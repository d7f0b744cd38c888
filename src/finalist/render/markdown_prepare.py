"""Markdown views of questions to ask, the why, the plan and the playbooks."""

from __future__ import annotations

from finalist.coach.asks import AsksResult
from finalist.coach.consensus import ConsensusMap
from finalist.coach.matching import RoundStories
from finalist.coach.plan import Plan
from finalist.coach.playbook import RoundPlaybook
from finalist.coach.why import WhyResult
from finalist.render.common import when_text
from finalist.render.markdown import escape


def _bullets(items: list[str]) -> list[str]:
    return [f"- {escape(i)}" for i in items]


def asks_md(result: AsksResult) -> str:
    out = ["## Questions to ask", ""]
    for person in result.people:
        who = escape(person.name) + (f", {escape(person.title)}" if person.title else "")
        out += [f"### {who} ({escape(person.round_label)})", ""]
        for i, a in enumerate(person.asks, start=1):
            out += [
                f"{i}. **{escape(a.text)}**  ",
                f"   _{escape(a.topic_label)}; {escape('; '.join(a.reasons))}._ " + escape(a.why),
            ]
        out.append("")
    if result.own:
        out += ["### Your own questions, checked", ""]
        for check in result.own:
            verdict = (
                "fine for a second round"
                if check.ok
                else "; ".join(f.message for f in check.findings)
            )
            out.append(f"- **{escape(check.question)}**: {escape(verdict)}")
            for f in check.findings:
                out.append(f"  - Why: {escape(f.why)} Instead: {escape(f.fix)}")
        out.append("")
    return "\n".join(out)


def why_md(result: WhyResult) -> str:
    out = ['## Your "why"', ""]
    if result.composed:
        out += [
            f"_Built from your own words: {result.composed_words} words, about "
            f"{result.composed_seconds} seconds at 150 words a minute._",
            "",
            f"> {escape(result.composed)}",
            "",
        ]
    if result.missing:
        out += ["To make it complete, add:", "", *_bullets(result.missing), ""]
    if result.draft:
        out += [
            f"Your draft ({result.draft_words} words, about {result.draft_seconds} seconds):",
            "",
            f"> {escape(result.draft)}",
            "",
        ]
    for f in result.findings:
        out.append(f"- **{escape(f.message)}**. {escape(f.why)} Fix: {escape(f.fix)}")
    out.append("")
    return "\n".join(out)


def plan_md(plan: Plan) -> str:
    out = [f"## {escape(plan.title or 'My first six months as ' + plan.role)}", ""]
    for stage in plan.stages:
        out += [f"### By day {stage.days} \u00b7 {stage.name}: {escape(stage.aim)}", ""]
        for m in stage.milestones:
            quote = f": \u201c{escape(m.quote)}\u201d" if m.quote else ""
            out.append(
                f"- {escape(m.text)} Measure: {escape(m.measure)} "
                f"_(from {escape(m.source)}{quote})_"
            )
        out.append("")
    if plan.not_one_to_one:
        out += [*_bullets(plan.not_one_to_one), ""]
    out += ["**How to use it in the interview**", "", *_bullets(plan.how_to_use), ""]
    return "\n".join(out)


def playbook_md(pb: RoundPlaybook) -> str:
    out = [f"## Playbook: {escape(pb.round_label)} ({pb.format.value})", ""]
    for guide in pb.guides:
        out += [f"**{escape(guide.purpose)}**", ""]
        for label, items in (
            ("Before", guide.before),
            ("In the room", guide.during),
            ("After", guide.after),
            ("Avoid", guide.avoid),
        ):
            out += [f"_{label}_", "", *_bullets(items), ""]
    if pb.members:
        out += ["| Person | Needs to agree |", "|---|---|"]
        out += [
            f"| {escape(m.name)} | {escape(m.needs)} ({escape(m.source)}) |" for m in pb.members
        ]
        out.append("")
    if pb.presentation:
        p = pb.presentation
        out += [f"### Your presentation{': ' + escape(p.topic) if p.topic else ''}", ""]
        out += ["| Part | Minutes | What |", "|---|---:|---|"]
        out += [f"| {o.part} | {o.minutes:g} | {escape(o.what)} |" for o in p.outline]
        out += ["", f"About {p.slides} slides for {p.minutes} minutes.", "", "_Rehearsals_", ""]
        out += _bullets([(f"{when_text(r.on)}: " if r.on else "") + r.what for r in p.rehearsals])
        out += ["", "_Questions likely to follow_", "", *_bullets(p.likely_questions), ""]
    if pb.openers:
        out += ["_Conversation openers_", "", *_bullets(pb.openers), ""]
    out += ["### Logistics checklist", ""]
    out += [
        f"- [ ] {escape((when_text(i.due) + ': ') if i.due else '')}{escape(i.text)}"
        for i in pb.checklist
    ]
    out.append("")
    for script in pb.scripts:
        out += [
            f"**{escape(script.title)}** _({escape(script.when)})_",
            "",
            f"> {escape(' '.join(script.lines))}",
            "",
        ]
    return "\n".join(out)


def round_stories_md(rs: RoundStories) -> str:
    out = [
        "### Your stories for these questions",
        "",
        "| Who | Question | Your story |",
        "|---|---|---|",
    ]
    for m in rs.matches:
        if m.best is None:
            story = "none yet: a gap"
        else:
            story = escape(m.best.story) + (f" ({escape(m.note)})" if m.note else "")
        out.append(f"| {escape(m.interviewer)} | {escape(m.question)} | {story} |")
    out.append("")
    return "\n".join(out)


def consensus_md(cm: ConsensusMap) -> str:
    out = [
        f"## Consensus map: {escape(cm.round_label)}",
        "",
        "| Person | Cares about | Status | Your evidence |",
        "|---|---|---|---|",
    ]
    for person in cm.people:
        for c in person.concerns:
            evidence = "; ".join(f"{e.kind}: {escape(e.text)}" for e in c.evidence) or "none"
            out.append(f"| {escape(person.name)} | {escape(c.text)} | {c.status} | {evidence} |")
    out.append("")
    if cm.gaps:
        out += ["**Gaps, most important first**", ""]
        out += [
            f"{i}. {escape(g.concern)} ({escape(', '.join(g.people))}): prepare {escape(g.prepare)}"
            for i, g in enumerate(cm.gaps[:8], start=1)
        ]
        out.append("")
    several = [s for s in cm.shared if not s.from_round_one]
    if several:
        out += ["**Asked by several people**", ""]
        out += [f"- {escape(s.question)}: {escape(s.advice)}" for s in several[:6]]
        out.append("")
    if cm.repairs:
        out += ["**From round one: prepare again**", ""]
        for i, r in enumerate(cm.repairs, start=1):
            out.append(f"{i}. **{r.label}: {escape(r.question or r.noted)}**  ")
            if r.question:
                out.append(f"   _You noted: {escape(r.noted)}_  ")
            out.append(f"   _Why: {escape(r.why)}_  ")
            out += [f"   {escape(a)}  " for a in r.advice]
        out.append("")
    noted = {r.noted for r in cm.repairs}
    out += [
        f"- Fix from an earlier round: {escape(x)}" for x in cm.round_one_fixes if x not in noted
    ]
    out += [
        f"- '{escape(t)}' was told in round one: bring a new example" for t in cm.told_in_round_one
    ]
    out.append("")
    return "\n".join(out)
