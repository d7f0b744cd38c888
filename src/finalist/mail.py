"""Sending thank-you notes through the candidate's own mail server (SMTP).

A shell, like the store: the notes are written by ``coach.followup``; this module only
reads the mail settings, finds the password (the environment or the system keyring,
never the case file), and hands the messages to the server one by one, reporting each
one the server accepted so the caller can record it. Every failure becomes one line that
says what went wrong and what to check.
"""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage

from finalist.errors import FinalistError
from finalist.text import ascii_number

KEYRING_SERVICE = "finalist-smtp"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
TIMEOUT_SECONDS = 20


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    starttls: bool
    user: str | None

    @property
    def implicit_tls(self) -> bool:
        return self.port == 465

    def where(self) -> str:
        return f"{self.host}:{self.port}"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> SmtpSettings:
        env = os.environ if env is None else env
        host = env.get("FINALIST_SMTP_HOST", "").strip()
        if not host:
            raise FinalistError(
                "no mail server is set: set FINALIST_SMTP_HOST (and FINALIST_SMTP_USER, "
                "FINALIST_SMTP_PORT) to send, or write drafts with --eml DIR instead"
            )
        port_text = env.get("FINALIST_SMTP_PORT", "").strip() or "587"
        port_number = ascii_number(port_text)
        if port_number is None or not 0 < port_number < 65536:
            raise FinalistError(
                f"FINALIST_SMTP_PORT {port_text[:20]!r} is not a port; use a number such as "
                "587 (STARTTLS) or 465 (TLS)"
            )
        tls_text = env.get("FINALIST_SMTP_STARTTLS", "").strip().lower() or "on"
        if tls_text not in _TRUE | _FALSE:
            raise FinalistError(
                f"FINALIST_SMTP_STARTTLS {tls_text[:20]!r} is neither on nor off; set it to on "
                "(the default) or off"
            )
        user = env.get("FINALIST_SMTP_USER", "").strip() or None
        return cls(host=host, port=int(port_text), starttls=tls_text in _TRUE, user=user)


def find_password(smtp: SmtpSettings, env: Mapping[str, str] | None = None) -> str | None:
    """The password from FINALIST_SMTP_PASSWORD, else from the system keyring; None when
    the server needs no login. It is only ever held in memory."""
    if smtp.user is None:
        return None
    env = os.environ if env is None else env
    password = env.get("FINALIST_SMTP_PASSWORD")
    if password:
        return password
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            password = keyring.get_password(KEYRING_SERVICE, smtp.user)
        except KeyringError:
            password = None
    except ImportError:  # pragma: no cover - keyring is a dependency
        password = None
    if not password:
        raise FinalistError(
            f"no password for {smtp.user}: set FINALIST_SMTP_PASSWORD for this command, or "
            f"store it once in the system keyring with: keyring set {KEYRING_SERVICE} {smtp.user}"
        )
    return password


@dataclass(frozen=True)
class Outgoing:
    """One message to send, and who it is for (for the messages we print)."""

    person: str
    message: EmailMessage
    address: str  # the interviewer's own email field: the one recipient, whatever the headers say


def send_all(
    smtp: SmtpSettings,
    password: str | None,
    outgoing: Sequence[Outgoing],
    on_sent: Callable[[Outgoing], None],
    on_sending: Callable[[Outgoing], None] = lambda _item: None,
    on_refused: Callable[[Outgoing], None] = lambda _item: None,
) -> None:
    """Send each message over one connection; ``on_sent`` runs as soon as the server has
    accepted a message. The first failure stops the run with a message that says which
    notes went and which did not."""
    sent: list[str] = []

    def fail(reason: str) -> FinalistError:
        left = [o.person for o in outgoing if o.person not in sent]
        if not sent:
            return FinalistError(f"{reason}; nothing was sent")
        return FinalistError(
            f"{reason}; sent to {', '.join(sent)}, not sent to {', '.join(left)} "
            "(run the command again to send the rest)"
        )

    try:
        server = _connect(smtp)
    except FinalistError as exc:
        raise fail(str(exc)) from None
    try:
        _login(server, smtp, password)
        for item in outgoing:
            on_sending(item)  # journalled before it is handed over
            try:
                server.send_message(item.message, to_addrs=[item.address])
            except smtplib.SMTPRecipientsRefused as exc:
                on_refused(item)  # the server said no: it did not go
                codes = "; ".join(
                    f"{addr}: {_reply(c, m)}" for addr, (c, m) in exc.recipients.items()
                )
                raise fail(
                    f"the mail server refused the address of {item.person} ({codes})"
                ) from None
            except smtplib.SMTPSenderRefused as exc:
                on_refused(item)  # the server said no: it did not go
                raise fail(
                    f"the mail server refused the sender {exc.sender} "
                    f"({_reply(exc.smtp_code, exc.smtp_error)}); check your email in the case file"
                ) from None
            except smtplib.SMTPDataError as exc:
                on_refused(item)  # the server said no: it did not go
                raise fail(
                    f"the mail server refused the note to {item.person} "
                    f"({_reply(exc.smtp_code, exc.smtp_error)})"
                ) from None
            sent.append(item.person)
            on_sent(item)
    except FinalistError:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise fail(
            f"the mail server {smtp.where()} refused the login for {smtp.user} "
            f"({_reply(exc.smtp_code, exc.smtp_error)}); check FINALIST_SMTP_USER and the password"
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise fail(
            f"the mail server {smtp.where()} does not offer STARTTLS; use its TLS port (465), "
            "or set FINALIST_SMTP_STARTTLS=off only for a server on your own machine"
        ) from None
    except smtplib.SMTPServerDisconnected:
        raise fail(f"the mail server {smtp.where()} closed the connection") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise fail(f"sending through {smtp.where()} failed: {_short(exc)}") from None
    finally:
        try:
            server.quit()
        except (smtplib.SMTPException, OSError):
            server.close()


def _connect(smtp: SmtpSettings) -> smtplib.SMTP:
    context = ssl.create_default_context()
    try:
        if smtp.implicit_tls:
            return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=TIMEOUT_SECONDS, context=context)
        server = smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT_SECONDS)
    except socket.gaierror:
        raise FinalistError(
            f"cannot find the mail server {smtp.host}; check FINALIST_SMTP_HOST"
        ) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise FinalistError(
            f"cannot reach the mail server {smtp.where()} ({_short(exc)}); check "
            "FINALIST_SMTP_HOST and FINALIST_SMTP_PORT, and that you are online"
        ) from None
    if smtp.starttls:
        try:
            server.starttls(context=context)
        except smtplib.SMTPNotSupportedError:
            server.close()
            raise FinalistError(
                f"the mail server {smtp.where()} does not offer STARTTLS; use its TLS port "
                "(465), or set FINALIST_SMTP_STARTTLS=off only for a server on your own machine"
            ) from None
        except (OSError, smtplib.SMTPException) as exc:
            server.close()
            raise FinalistError(
                f"could not start an encrypted connection to {smtp.where()} ({_short(exc)})"
            ) from None
    return server


def _login(server: smtplib.SMTP, smtp: SmtpSettings, password: str | None) -> None:
    if smtp.user is None or password is None:
        return
    if not smtp.starttls and not smtp.implicit_tls and smtp.host not in _LOCAL:
        raise FinalistError(
            f"refusing to send the password for {smtp.user} to {smtp.where()} without "
            "encryption; turn FINALIST_SMTP_STARTTLS back on or use port 465"
        )
    server.login(smtp.user, password)


_LOCAL = {"localhost", "127.0.0.1", "::1"}


def _reply(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return f"{code} {' '.join(text.split())}"[:160]


def _short(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())[:160]
