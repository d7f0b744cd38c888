"""Settings, declared once: each has an environment variable, a default and help text.

``Settings.from_env()`` is the only place that reads the environment; everything else
takes a ``Settings``. Tests get a fresh ``FINALIST_HOME`` each, so no test touches the
real home folder.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from finalist.errors import FinalistError

_WARNED: set[Path] = set()  # data folders already warned about in this process


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "FINALIST_HOME",
        "the user data folder (e.g. ~/.local/share/finalist)",
        "Folder where finalist keeps its database, backups and drafts.",
    ),
    Setting(
        "FINALIST_DATABASE_URL",
        "sqlite:///$FINALIST_HOME/finalist.db",
        "Any SQLAlchemy database URL, e.g. postgresql+psycopg://user@host/db.",
    ),
    Setting(
        "FINALIST_KNOWLEDGE",
        "none",
        "A folder of your own knowledge files (.yaml) that add to or replace the shipped ones.",
    ),
    Setting(
        "FINALIST_SMTP_HOST",
        "none",
        "The mail server that `finalist thanks --send` sends through, e.g. smtp.example.org.",
    ),
    Setting(
        "FINALIST_SMTP_PORT",
        "587 (465 means TLS from the start)",
        "The mail server's port.",
    ),
    Setting(
        "FINALIST_SMTP_STARTTLS",
        "on",
        "Set to off only for a server on your own machine that offers no encryption.",
    ),
    Setting(
        "FINALIST_SMTP_USER",
        "none",
        "The login for the mail server; leave unset for a server that needs no login.",
    ),
    Setting(
        "FINALIST_SMTP_PASSWORD",
        "the system keyring",
        "The mail password. Never stored by finalist; without it the password is read from "
        "the system keyring (`keyring set finalist-smtp USER`).",
    ),
    Setting(
        "FINALIST_DEBUG",
        "off",
        "Set to 1 to see the full traceback of an internal error (a bug, not your mistake).",
    ),
)

_URL = re.compile(r"^[a-z][a-z0-9]*(\+[a-z0-9_]+)?://", re.IGNORECASE)
_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    debug: bool = False
    knowledge: Path | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        home_text = env.get("FINALIST_HOME", "").strip()
        if home_text:
            home = Path(home_text).expanduser()
        else:
            import platformdirs

            home = Path(platformdirs.user_data_dir("finalist", appauthor=False))
        url = env.get("FINALIST_DATABASE_URL", "").strip()
        if url and not _URL.match(url):
            raise FinalistError(
                f"FINALIST_DATABASE_URL {url[:60]!r} is not a database URL; use e.g. "
                "sqlite:////path/to/finalist.db or postgresql+psycopg://user@host/dbname"
            )
        if not url:
            url = cls.default_url(home)
        debug = env.get("FINALIST_DEBUG", "").strip().lower() in _TRUE
        extra = env.get("FINALIST_KNOWLEDGE", "").strip()
        knowledge = Path(extra).expanduser() if extra else None
        return cls(home=home, database_url=url, debug=debug, knowledge=knowledge)

    @staticmethod
    def default_url(home: Path) -> str:
        return f"sqlite:///{home / 'finalist.db'}"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def data_dir(self) -> Path:
        """The folder for finalist's files, created on first use for this user alone
        (0700); a folder others can read or enter gets a warning with the fix, once."""
        try:
            self.home.mkdir(mode=0o700, parents=True, exist_ok=True)
            mode = stat.S_IMODE(self.home.stat().st_mode)
        except OSError as exc:
            raise FinalistError(
                f"cannot create the data folder {self.home}: {exc.strerror}; "
                "set FINALIST_HOME to a folder you can write to"
            ) from None
        if mode & 0o077 and self.home not in _WARNED:
            _WARNED.add(self.home)
            print(
                f"warning: other users on this machine can open the data folder {self.home} "
                f"(mode {mode:o}); make it yours alone with: chmod 700 {self.home}",
                file=sys.stderr,
            )
        return self.home
