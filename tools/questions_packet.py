"""Write a packet for a blind judge of question prediction, from an evaluation file.

For each interviewer role in the file, the packet lists finalist's top predictions for a
representative interviewer of that role (the same ones ``finalist eval questions``
scores), then the real questions of that role, numbered. The judge, who has not seen the
code, answers for each real question the number of a prediction that covers it, or
"none", by the strict rule in docs/benchmarks.md. Then

    python tools/questions_packet.py --score JUDGED.jsonl

counts the answers per role. The packet holds the evaluation rows, so it is written
outside the repository and never committed.

    python tools/questions_packet.py ../shared/eval/dev/questions.jsonl > /tmp/packet.md
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from finalist.coach.evaluation import REPRESENTATIVE, predictions_for
from finalist.knowledge import load

RULE = (
    "A prediction covers a real question only when a candidate who had prepared a good "
    "answer to the prediction would be prepared for the real question: the same thing is "
    "being asked, not merely the same topic. Be strict: a near miss is 'none'."
)


def packet(path: Path, top: int = 20) -> str:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    by_role: dict[str, list[str]] = {}
    for row in rows:
        by_role.setdefault(row["role"], []).append(row["question"])
    kb = load(None)
    out = [
        "# Question prediction: a packet for a blind judge",
        "",
        RULE,
        "",
        "Answer with one JSON line per real question: "
        '{"role": ..., "real": N, "covered_by": M or null, "why": "a few words"}.',
        "",
    ]
    for role in sorted(by_role):
        out += [f"## {role} (as '{REPRESENTATIVE[role]}')", "", "Predictions:", ""]
        for i, p in enumerate(predictions_for(role, kb, top), start=1):
            out.append(f"P{i}. {p.text}")
        out += ["", "Real questions:", ""]
        for i, q in enumerate(by_role[role], start=1):
            out.append(f"R{i}. {q}")
        out.append("")
    return "\n".join(out)


def score(path: Path) -> str:
    covered: dict[str, list[int]] = {}
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        tally = covered.setdefault(row["role"], [0, 0])
        tally[0] += row.get("covered_by") is not None
        tally[1] += 1
    lines = []
    for role, (hit, n) in sorted(covered.items()):
        lines.append(f"{role}: {hit}/{n} ({100 * hit / n:.0f}%)")
    hit = sum(c[0] for c in covered.values())
    n = sum(c[1] for c in covered.values())
    lines.append(f"overall: {hit}/{n} ({100 * hit / n:.1f}%)")
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--score"]:
        print(score(Path(sys.argv[2])))
    else:
        print(packet(Path(sys.argv[1])))
