"""Benchmark: the consensus map for a six-person panel and twelve stories, warm process.

The target is under 50 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from finalist.coach.consensus import consensus_map
from finalist.knowledge import load
from finalist.model import Case
from predict import panel_case

TOPICS = [
    "retention",
    "onboarding",
    "pricing",
    "reliability",
    "hiring",
    "forecasting",
    "roadmap",
    "customer discovery",
    "budget",
    "migration",
    "negotiation",
    "coaching",
]


def case_with_stories() -> Case:
    data = panel_case().model_dump()
    data["stories"] = [
        {
            "title": f"A {topic} story",
            "situation": f"Our {topic} was off track.",
            "task": f"I had to fix {topic}.",
            "action": f"I changed how we handled {topic}.",
            "result": f"{topic.capitalize()} improved by {10 + i}% in a quarter.",
            "competencies": [topic],
        }
        for i, topic in enumerate(TOPICS)
    ]
    return Case.model_validate(data)


def measure(runs: int = 30) -> tuple[float, float]:
    case = case_with_stories()
    knowledge = load(None)
    consensus_map(case, 1, knowledge)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        consensus_map(case, 1, knowledge)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


if __name__ == "__main__":
    median, best = measure()
    print(f"consensus map, six people, twelve stories: median {median:.1f} ms, best {best:.1f} ms")
