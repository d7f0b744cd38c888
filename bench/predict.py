"""Benchmark: dossiers and top-15 questions for a six-person panel, in a warm process.

The target is under 20 ms. Run with `make bench` (bench/run.py calls this).
"""

from __future__ import annotations

import statistics
import time

from finalist.coach.interviewers import dossier
from finalist.coach.questions import case_context, predict_questions
from finalist.knowledge import load
from finalist.model import Case

PANEL = [
    ("Amara Osei", "Chief Financial Officer", "Finance"),
    ("Jonas Weber", "VP Engineering", "Engineering"),
    ("Lucía Fernández", "Director of Product", "Product"),
    ("Kenji Watanabe", "Senior Software Engineer", "Engineering"),
    ("Priya Raman", "Talent Acquisition Partner", "People"),
    ("Sam Taylor", "Customer Success Manager", "Customer Success"),
]


def panel_case() -> Case:
    return Case.model_validate(
        {
            "candidate": {"name": "Bench Candidate"},
            "opportunity": {
                "company": "Benchmark Ltd",
                "role": "Senior Product Manager",
                "department": "Product",
                "job_description": "Own the roadmap for onboarding; improve retention and "
                "activation; work with engineering and customer success on reliability.",
                "first_round": {"notes": "My answer on prioritisation was too general."},
            },
            "rounds": [
                {
                    "format": "panel",
                    "interviewers": [
                        {"name": n, "title": t, "department": d, "priorities": ["retention"]}
                        for n, t, d in PANEL
                    ],
                }
            ],
        }
    )


def one_panel(case: Case) -> int:
    knowledge = load(None)
    rnd = case.rounds[0]
    ctx = case_context(case, knowledge)
    count = 0
    for person in rnd.interviewers:
        dossier(person, rnd, 1, case, knowledge)
        count += len(predict_questions(person, rnd, case, knowledge, top=15, context=ctx))
    return count


def measure(runs: int = 200) -> tuple[float, float]:
    """Median and best milliseconds for one panel, after a warm-up run."""
    case = panel_case()
    one_panel(case)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        one_panel(case)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


if __name__ == "__main__":
    median, best = measure()
    print(f"six-person panel, dossiers and top 15: median {median:.1f} ms, best {best:.1f} ms")
