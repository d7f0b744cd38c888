"""finalist serve: the web app on this machine."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from finalist.cli.common import TodayOpt
from finalist.errors import FinalistError


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

    It listens on this machine only. Listening on another address is refused unless you
    add --allow-remote: finalist has no login, so anyone who can reach the port could
    read and change your cases.
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
    import uvicorn

    from finalist.cli.common import today
    from finalist.web import create_app

    fixed = today(today_) if today_ else None
    hosts = LOCAL_HOSTS if not allow_remote else ("*",)
    app = create_app(today=(lambda: fixed) if fixed else None, allowed_hosts=hosts)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    print(f"finalist is at {url} (Ctrl-C to stop)", file=sys.stderr)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    except OSError as exc:
        raise FinalistError(
            f"cannot listen on {host}:{port} ({exc.strerror}); try --port"
        ) from None
