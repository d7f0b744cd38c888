"""Write the thank-you notes of some case files as a packet for a blind reader.

The reader sees what a careers adviser would: who the candidate is, the role, the people
met with their titles, what the candidate logged after the round, and each note as it
would be sent. Not the code, not the checks. See docs/quality.md for how it is used.

    python tools/notes_packet.py tests/data/sectors/*.yaml examples/*.yaml > packet.md
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from finalist.coach.followup import thank_you_notes
from finalist.knowledge import load
from finalist.model import day_of
from test_golden_notes import TODAY, _with_demo_debrief  # type: ignore[import-not-found]


def packet(paths: list[Path]) -> str:
    kb = load(None)
    out: list[str] = []
    for path in paths:
        case = _with_demo_debrief(path)
        opp = case.opportunity
        for number, rnd in enumerate(case.rounds, start=1):
            if rnd.debrief is None or not rnd.debrief.talked_with:
                continue
            today = max(TODAY, day_of(rnd.date)) if rnd.date is not None else TODAY
            result = thank_you_notes(case, number, kb, today)
            out.append(f"## Case `{path.stem}`, {result.round_label}\n")
            out.append(f"- Candidate: {case.candidate.name} ({case.candidate.headline or ''})")
            out.append(f"- Applying for: {opp.role} at {opp.company}")
            out.append(f"- Format: {rnd.format.value}; date: {rnd.date}")
            out.append("- People met:")
            for p in rnd.interviewers:
                out.append(f"  - {p.name}: {p.title or '?'} ({p.department or ''})")
                if p.priorities:  # what the candidate noted they care about
                    out.append(
                        f"    - the candidate noted they care about: {'; '.join(p.priorities)}"
                    )
                if p.notes:
                    out.append(f"    - the candidate's notes on them: {' '.join(p.notes.split())}")
            d = rnd.debrief
            out.append("- What the candidate logged after the round:")
            if d.next_steps:
                out.append(f"  - next steps: {' '.join(d.next_steps.split())}")
            if d.next_contact:
                c = d.next_contact
                out.append(f"  - next contact: {c.who} by {c.how} by {c.by}")
            if d.decision_date:
                out.append(f"  - decision date: {d.decision_date}")
            for t in d.talked_with:
                bits = [f"topics {t.topics}"]
                if t.interest:
                    bits.append(f"interest: {t.interest}")
                if t.clarify:
                    bits.append(f"clarify: {t.clarify}")
                if t.promised:
                    bits.append(f"promised: {t.promised}")
                out.append(f"  - with {t.interviewer}: " + "; ".join(bits))
            out.append("")
            for note in result.notes:
                out.append(f"### Note to {note.to}\n\nSubject: {note.subject}\n")
                out.append("```text\n" + note.body.rstrip() + "\n```\n")
            for line in result.no_note:
                out.append(f"(No note of their own: {line})\n")
    return "\n".join(out)


if __name__ == "__main__":
    print(packet([Path(a) for a in sys.argv[1:]]))
