"""Write docs/cli.md from the real `--help` of every command (`make docs`).

A test runs this and fails when docs/cli.md differs, so the reference cannot drift.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys

# Fixed width, no colour, no terminal tricks: the same text on every machine.
os.environ.update(TERMINAL_WIDTH="100", NO_COLOR="1", _TYPER_FORCE_DISABLE_TERMINAL="1")
os.environ.pop("FORCE_COLOR", None)

import typer

from finalist.cli import app, run


def command_paths() -> list[list[str]]:
    """Every command, as the words typed after `finalist`, in the order --help lists them."""
    root = typer.main.get_command(app)
    paths: list[list[str]] = [[]]

    def walk(command: object, prefix: list[str]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            if getattr(sub, "hidden", False):
                continue
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(root, [])
    return paths


def help_text(words: list[str]) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = run([*words, "--help"])
    if code != 0:
        raise SystemExit(f"finalist {' '.join(words)} --help exited {code}")
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def reference() -> str:
    out = [
        "# Command-line reference",
        "",
        "Generated from the real `--help` by `make docs` (tools/cli_reference.py); a test",
        "fails when it is out of date. The [user guide](user-guide.md) shows the commands",
        "in use.",
        "",
    ]
    for words in command_paths():
        title = " ".join(["finalist", *words])
        out += [f"## `{title}`", "", "```text", help_text(words), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(reference())
