"""Benchmark: the brief page of the demo case from a warm `finalist serve` (target: a
median under 100 ms). A real server in its own process, asked over HTTP on loopback."""

from __future__ import annotations

import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "src" / "finalist" / "examples" / "harbourline-product-lead.yaml"
CASE_ID = "harbourline-senior-product-manager"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(port: int, path: str, key: str) -> tuple[int, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    conn.request("GET", path, headers={"Authorization": f"Bearer {key}"})
    response = conn.getresponse()
    response.read()
    elapsed = (time.perf_counter() - start) * 1000
    conn.close()
    return response.status, elapsed


@contextmanager
def serving(home: str) -> Iterator[tuple[int, str]]:
    """A real `finalist serve` on a free port with the demo case stored: (port, key), the
    key read from the link it prints."""
    env = {**os.environ, "FINALIST_HOME": home}
    env.pop("FINALIST_DATABASE_URL", None)
    finalist = [sys.executable, "-m", "finalist"]
    subprocess.run([*finalist, "import", str(DEMO)], env=env, check=True, capture_output=True)
    port = _free_port()
    log = Path(home) / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [*finalist, "serve", "--port", str(port), "--today", "2026-12-01"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while not (printed := re.search(r"\?key=([\w-]+)", log.read_text())):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"finalist serve did not start: {log.read_text()}")
            time.sleep(0.2)
        key = printed.group(1)
        while True:
            try:
                _get(port, "/", key)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield port, key
    finally:
        server.terminate()
        server.wait(timeout=10)


def measure(runs: int = 40) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as home, serving(home) as (port, key):
        path = f"/cases/{CASE_ID}"
        for _ in range(5):  # warm: templates compiled, knowledge cached
            status, _ = _get(port, path, key)
            assert status == 200, status
        times = [_get(port, path, key)[1] for _ in range(runs)]
    return statistics.median(times), min(times)


if __name__ == "__main__":
    median, best = measure()
    print(f"brief page of the demo case (warm server): median {median:.1f} ms, best {best:.1f} ms")
