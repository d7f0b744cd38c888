"""Benchmark: the brief page of the demo case from a warm `finalist serve` (target: a
median under 100 ms). A real server in its own process, asked over HTTP on loopback."""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "src" / "finalist" / "examples" / "harbourline-product-lead.yaml"
CASE_ID = "harbourline-senior-product-manager"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(port: int, path: str) -> tuple[int, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    elapsed = (time.perf_counter() - start) * 1000
    conn.close()
    return response.status, elapsed


def measure(runs: int = 40) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "FINALIST_HOME": home}
        env.pop("FINALIST_DATABASE_URL", None)
        finalist = [sys.executable, "-m", "finalist"]
        subprocess.run([*finalist, "import", str(DEMO)], env=env, check=True, capture_output=True)
        port = _free_port()
        server = subprocess.Popen(
            [*finalist, "serve", "--port", str(port), "--today", "2026-12-01"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    status, _ = _get(port, "/")
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            path = f"/cases/{CASE_ID}"
            for _ in range(5):  # warm: templates compiled, knowledge cached
                status, _ = _get(port, path)
                assert status == 200, status
            times = [_get(port, path)[1] for _ in range(runs)]
        finally:
            server.terminate()
            server.wait(timeout=10)
    return statistics.median(times), min(times)


if __name__ == "__main__":
    median, best = measure()
    print(f"brief page of the demo case (warm server): median {median:.1f} ms, best {best:.1f} ms")
