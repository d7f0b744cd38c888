"""finalist serve: the web app on this machine."""

from __future__ import annotations

import errno
import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from finalist.cli.common import TodayOpt
from finalist.errors import FinalistError

if TYPE_CHECKING:
    import socket


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Where to listen; this machine only by default.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="The port.")] = 8765,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the app in your browser once it is up.")
    ] = False,
    allow_remote: Annotated[
        bool,
        typer.Option(
            "--allow-remote",
            help="Listen on a non-local address anyway (others could see your data).",
        ),
    ] = False,
    today_: TodayOpt = None,
) -> None:
    """The whole journey in your browser, on your own machine: http://127.0.0.1:8765.

    It prints a link with a new key (http://127.0.0.1:8765/?key=...): open that one
    (--open does it for you). Without the key, other users on this machine and other web
    pages get nothing. It listens on this machine only; another address is refused unless
    you add --allow-remote, and then it answers only this machine's names, the address it
    listens on and the names in FINALIST_ALLOWED_HOSTS.
    """
    from finalist.web.security import LOCAL_HOSTS, is_loopback

    if not is_loopback(host):
        if not allow_remote:
            raise FinalistError(
                f"refusing to listen on {host}: finalist has no login, so anyone who can reach "
                "it could read your cases; use the default 127.0.0.1, or add --allow-remote "
                "if you really mean it"
            )
        print(
            f"warning: listening on {host}; anyone who can reach port {port} can read and "
            "change your cases (there is no login)",
            file=sys.stderr,
        )
    import secrets

    import uvicorn

    from finalist.cli.common import long_running, today
    from finalist.web import create_app

    fixed = today(today_) if today_ else None
    hosts = LOCAL_HOSTS if not allow_remote else _remote_hosts(host)
    key = secrets.token_urlsafe(24)  # a new key each time: only the printed link opens it
    app = create_app(today=(lambda: fixed) if fixed else None, allowed_hosts=hosts, key=key)
    sock = _listen(host, port)  # before saying where: a busy port is said instead
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/?key={key}"
    print(f"finalist is at {url} (Ctrl-C to stop)", file=sys.stderr)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    long_running()
    config = uvicorn.Config(app, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])


def _remote_hosts(host: str) -> tuple[str, ...]:
    """The Host headers a server on another address answers: this machine's names, the
    address it listens on, and the names in FINALIST_ALLOWED_HOSTS (comma-separated);
    never any host at all, which would open the door to DNS rebinding."""
    from finalist.web.security import LOCAL_HOSTS

    named = [h.strip() for h in os.environ.get("FINALIST_ALLOWED_HOSTS", "").split(",")]
    listening = [] if host in ("0.0.0.0", "::") else [host]
    return tuple(dict.fromkeys([*LOCAL_HOSTS, *listening, *(h for h in named if h)]))


def _listen(host: str, port: int) -> socket.socket:
    """The server's socket, bound here so that a busy port gets finalist's own one-line
    message rather than the web server's log line."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        busy = exc.errno == errno.EADDRINUSE
        raise FinalistError(
            f"cannot listen on {host}:{port}: "
            + (
                "another program (perhaps another finalist serve) is using that port; stop "
                "it, or choose another with --port"
                if busy
                else f"{exc.strerror}; choose another address or --port"
            )
        ) from None
    return sock
