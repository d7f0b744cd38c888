"""Benchmarks: how fast finalist answers, measured as a user feels it (whole processes).

Run with `make bench`. `python bench/run.py --record` also writes the figures, with the
machine and the date, into docs/benchmarks.md between the markers there.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FINALIST = [sys.executable, "-m", "finalist"]
EXAMPLE = ROOT / "examples" / "harbourline-product-lead.yaml"
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def _once(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def timed(args: Sequence[str], env: dict[str, str], runs: int) -> tuple[float, float, float]:
    """Median and best wall time in milliseconds of `finalist ARGS` over `runs` runs, and
    the median of `python -c pass` run in turn with it: on a noisy machine a slow moment
    slows both, so the ratio of the two is the steadier figure."""
    times, floor = [], []
    for _ in range(runs):
        floor.append(_once([sys.executable, "-c", "pass"], env))
        times.append(_once([*FINALIST, *args], env))
    return statistics.median(times), min(times), statistics.median(floor)


def baseline(env: dict[str, str], runs: int) -> tuple[float, float]:
    times = [_once([sys.executable, "-c", "pass"], env) for _ in range(runs)]
    return statistics.median(times), min(times)


def fill_store(env: dict[str, str], count: int) -> str:
    """Store `count` variations of the example case; returns one id."""
    text = EXAMPLE.read_text(encoding="utf-8")
    folder = Path(env["FINALIST_HOME"]) / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"case-{i}.yaml"
        path.write_text(f"id: bench-{i:04d}\n" + text, encoding="utf-8")
        paths.append(str(path))
    for start in range(0, len(paths), 100):
        subprocess.run(
            [*FINALIST, "import", *paths[start : start + 100]],
            env=env,
            check=True,
            capture_output=True,
        )
    return "bench-0000"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{cpu}, {os.cpu_count()} cores, {system}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--record", action="store_true", help="write into docs/benchmarks.md")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "FINALIST_HOME": tmp, "COLUMNS": "100"}
        env.pop("FINALIST_DATABASE_URL", None)
        # as on a user's machine: Python keeps compiled modules (some CI images turn it off)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        rows: list[tuple[str, float, float, float | None]] = [
            ("python -c pass (the floor)", *baseline(env, options.runs), None)
        ]
        rows.append(("finalist --version", *timed(["--version"], env, options.runs)))
        rows.append(("finalist --help", *timed(["--help"], env, options.runs)))
        rows.append(
            (
                "finalist brief FILE (no database)",
                *timed(["brief", str(EXAMPLE)], env, options.runs),
            )
        )
        case_id = fill_store(env, 1)
        rows.append(("finalist list (1 case)", *timed(["list"], env, options.runs)))
        rows.append(("finalist brief ID", *timed(["brief", case_id], env, options.runs)))
        rows.append(
            ("finalist import (unchanged)", *timed(["import", str(EXAMPLE)], env, options.runs))
        )
        fill_store(env, 500)
        rows.append(("finalist list (500 cases)", *timed(["list"], env, options.runs)))
        rows.append(
            ("finalist brief ID (500 cases)", *timed(["brief", case_id], env, options.runs))
        )
    sys.path.insert(0, str(ROOT / "bench"))
    import predict

    rows.append(
        ("in process: six-person panel, dossiers and top 15 (warm)", *predict.measure(), None)
    )
    import analyze

    rows.append(("in process: feedback on one answer (warm)", *analyze.measure(), None))
    import consensus

    rows.append(
        ("in process: consensus map, six people, twelve stories (warm)", *consensus.measure(), None)
    )
    import web

    rows.append(
        ("finalist serve: the brief page of the demo case (warm server)", *web.measure(), None)
    )
    table = ["| command | median ms | best ms | times the floor |", "|---|---:|---:|---:|"]
    table += [
        f"| `{name}` | {median:.0f} | {best:.0f} | "
        + (f"{median / floor:.1f}" if floor else "-")
        + " |"
        for name, median, best, floor in rows
    ]
    block = "\n".join(
        [
            BEGIN,
            f"Measured on {date.today().isoformat()}: {machine()}; "
            f"{options.runs} runs each, whole processes; each command's runs alternate with "
            "runs of the floor, and the last column divides its median by theirs.",
            "",
            *table,
            END,
        ]
    )
    print(block)
    if options.record:
        doc = DOC.read_text(encoding="utf-8")
        head, rest = doc.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        DOC.write_text(head + block + tail, encoding="utf-8")
        print(f"recorded in {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
