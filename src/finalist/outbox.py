"""The outbox: a journal of the notes being sent, kept beside the database.

Sending a note and recording it are two systems: the mail server and the database. A note
the server accepted must never be sent twice, nor reported as not sent, even when the
database is locked or the disk fills at that moment. So each note moves through states
written to a small append-only file first (``sending`` before it goes, ``sent`` the moment
the server accepts it, ``recorded`` once the database has it), and the next run reconciles
what the database missed. A note left ``sending`` (the run stopped before the server
answered) may or may not have gone: it is reported once, for the candidate to check their
Sent folder, and not sent again in that run.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from finalist.errors import FinalistError

FILE = "outbox.jsonl"


@dataclass(frozen=True)
class Entry:
    """The latest state of one note in the outbox."""

    key: str  # the note's Message-ID: unique per sending
    state: str  # sending | sent | recorded | reported
    data: dict[str, Any]


class Outbox:
    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE

    def _append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise FinalistError(
                f"cannot write the outbox {self.path} ({exc.strerror}); nothing more was sent"
            ) from None

    def sending(self, key: str, data: dict[str, Any]) -> None:
        self._append({"key": key, "state": "sending", **data})

    def sent(self, key: str, moment: datetime) -> None:
        """The server accepted it: written before anything else can fail."""
        self._append({"key": key, "state": "sent", "sent_at": moment.isoformat()})

    def mark(self, key: str, state: str) -> None:
        self._append({"key": key, "state": state})

    def entries(self) -> list[Entry]:
        """Each note's latest state, in the order they were first written."""
        if not self.path.exists():
            return []
        latest: dict[str, Entry] = {}
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise FinalistError(f"cannot read the outbox {self.path} ({exc.strerror})") from None
        for line in lines:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by a crash: the state before it stands
            key, state = record.pop("key", None), record.pop("state", None)
            if not isinstance(key, str) or not isinstance(state, str):
                continue
            data = latest[key].data if key in latest else {}
            latest[key] = Entry(key, state, {**data, **record})
        return list(latest.values())

    def unrecorded(self) -> list[Entry]:
        """Notes the server accepted that the database does not have yet."""
        return [e for e in self.entries() if e.state == "sent"]

    def uncertain(self) -> list[Entry]:
        """Notes whose run stopped between handing them over and the server's answer."""
        return [e for e in self.entries() if e.state == "sending"]


def sent_at(entry: Entry) -> datetime:
    return datetime.fromisoformat(str(entry.data["sent_at"]))
