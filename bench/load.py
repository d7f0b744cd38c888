"""Load benchmark: concurrent clients on the demo case's brief page of a real `finalist
serve`, over loopback, with editors changing the case at the same time.

Target: 20 clients for 30 s, p95 under 250 ms, no errors; every edit is either kept or
refused as stale (412), none lost: the case's final revision is one more than the number
of edits the server accepted.

    python bench/load.py [--clients 20] [--seconds 30] [--editors 2]
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web import CASE_ID, serving


def _reader(port: int, key: str, until: float, times: list[float], errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {key}"}
    while time.monotonic() < until:
        start = time.perf_counter()
        try:
            conn.request("GET", f"/cases/{CASE_ID}", headers=headers)
            response = conn.getresponse()
            response.read()
        except OSError as exc:
            errors.append(type(exc).__name__)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        times.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            errors.append(str(response.status))
    conn.close()


def _editor(
    port: int, key: str, until: float, outcome: dict[str, int], lock: threading.Lock
) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    auth = {"Authorization": f"Bearer {key}"}
    n = 0
    while time.monotonic() < until:
        conn.request("GET", f"/api/cases/{CASE_ID}", headers=auth)
        read = conn.getresponse()
        body = json.loads(read.read())
        etag = read.getheader("ETag") or ""
        case = body["case"]
        n += 1
        case["opportunity"]["company_notes"] = f"edit {threading.get_ident()}-{n}"
        time.sleep(0.05)  # another editor may save in between: that one must be refused
        conn.request(
            "PUT",
            f"/api/cases/{CASE_ID}",
            body=json.dumps(case),
            headers={**auth, "If-Match": etag, "Content-Type": "application/json"},
        )
        put = conn.getresponse()
        put.read()
        with lock:
            outcome[str(put.status)] = outcome.get(str(put.status), 0) + 1
    conn.close()


def measure(clients: int = 20, seconds: float = 30, editors: int = 2) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home, serving(home) as (port, key):
        times: list[float] = []
        errors: list[str] = []
        outcome: dict[str, int] = {}
        lock = threading.Lock()
        until = time.monotonic() + seconds
        threads = [
            threading.Thread(target=_reader, args=(port, key, until, times, errors))
            for _ in range(clients)
        ]
        threads += [
            threading.Thread(target=_editor, args=(port, key, until, outcome, lock))
            for _ in range(editors)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", f"/api/cases/{CASE_ID}", headers={"Authorization": f"Bearer {key}"})
        revision = json.loads(conn.getresponse().read())["revision"]
        conn.close()
    kept = outcome.get("200", 0)
    ordered = sorted(times)
    return {
        "requests": len(times),
        "per_second": len(times) / seconds,
        "p50": statistics.median(ordered),
        "p95": ordered[int(0.95 * (len(ordered) - 1))],
        "errors": len(errors),
        "edits_kept": kept,
        # 412: the If-Match was already old; 409: another save landed between the check
        # and the write (the conditional update caught it)
        "edits_refused": outcome.get("412", 0) + outcome.get("409", 0),
        "edits_other": sum(v for k, v in outcome.items() if k not in ("200", "412", "409")),
        "lost": (1 + kept) - revision,  # every kept edit is one revision, none more, none less
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--editors", type=int, default=2)
    options = parser.parse_args()
    r = measure(options.clients, options.seconds, options.editors)
    print(
        f"{options.clients} clients, {options.seconds:.0f} s: {r['requests']:.0f} requests "
        f"({r['per_second']:.0f}/s), p50 {r['p50']:.0f} ms, p95 {r['p95']:.0f} ms, "
        f"{r['errors']:.0f} errors; edits kept {r['edits_kept']:.0f}, refused as stale "
        f"{r['edits_refused']:.0f}, other {r['edits_other']:.0f}, lost {r['lost']:.0f}"
    )
