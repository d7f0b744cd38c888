"""Benchmark: feedback on one answer in a warm process (target: under 10 ms)."""

from __future__ import annotations

import statistics
import time

from finalist.coach.answers import analyze_answer
from finalist.knowledge import load
from finalist.knowledge.schema import Archetype, Level

ANSWER = (
    "Last year our regional warehouse was missing its same-day dispatch target on two days "
    "in five. As the new shift manager I had to get us back above 95% before peak season. "
    "I timed every step of the pick and pack for a week and found that half the delay was "
    "waiting for labels. I moved label printing to the start of the pick and trained two "
    "pickers on the printers. Within six weeks we hit 97% and held it through December. "
    "Here I would start the same way: measure before changing anything."
)
QUESTION = "Tell me about a time you fixed a process that kept failing."


def measure(runs: int = 300) -> tuple[float, float]:
    knowledge = load(None)
    analyze_answer(ANSWER, knowledge, question=QUESTION)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        analyze_answer(
            ANSWER,
            knowledge,
            question=QUESTION,
            archetype=Archetype.executive,
            level=Level.executive,
        )
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


if __name__ == "__main__":
    median, best = measure()
    print(f"one answer analysed: median {median:.2f} ms, best {best:.2f} ms")
