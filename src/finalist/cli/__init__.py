"""The `finalist` command: thin adapters over the domain API, one module per group.

``main`` is the edge where a FinalistError or a usage mistake becomes one line on stderr
and exit 1. Only Typer is imported here; each command imports what it needs when it runs.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from finalist import __version__
from finalist.cli import (
    brief,
    cases,
    db,
    debrief,
    demo,
    edit,
    evaluate,
    followup,
    knowledge,
    people,
    practice,
    prepare,
    serve,
)
from finalist.errors import FinalistError

app = typer.Typer(
    name="finalist",
    help="Your coach for the second-round interview, from the invitation to the decision. "
    "Private: everything stays on this machine.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: Rich help layout costs about 150 ms per --help
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"finalist {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Your coach for the second-round interview, from the invitation to the decision."""


app.command("import")(cases.import_cases)
app.command("export")(cases.export_case)
app.command("list")(cases.list_cases)
app.command("show")(cases.show_case)
app.command("remove")(cases.remove_case)
app.command("brief")(brief.brief)
app.command("dossier")(people.dossier)
app.command("questions")(people.questions)
app.command("asks")(prepare.asks)
app.command("why")(prepare.why)
app.command("plan")(prepare.plan)
app.command("playbook")(prepare.playbook)
app.command("stories")(prepare.stories)
app.command("consensus")(prepare.consensus)
app.command("debrief")(debrief.debrief)
app.command("thanks")(followup.thanks)
app.command("timeline")(followup.timeline)
app.command("due")(followup.due)
app.command("serve")(serve.serve)
app.command("analyze")(practice.analyze)
app.command("practice")(practice.practice)
app.command("demo")(demo.demo)
app.add_typer(edit.rounds_app, name="round")
app.add_typer(edit.people_app, name="interviewer")
app.add_typer(edit.stories_app, name="story")
app.add_typer(db.db_app, name="db")
app.add_typer(knowledge.knowledge_app, name="knowledge")
app.add_typer(evaluate.eval_app, name="eval")


def _error(message: str) -> None:
    line = " ".join(message.split())
    sys.stderr.write(f"error: {line}\n")


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code; never lets a traceback reach a user."""
    command = typer.main.get_command(app)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = command.main(args=args, prog_name="finalist", standalone_mode=False)
    except FinalistError as exc:
        _error(exc.message)
        return 1
    except typer.Abort:
        _error("stopped; nothing was changed")
        return 1
    except typer.TyperException as exc:  # a usage mistake: unknown option, missing argument
        if type(exc).__name__ == "NoArgsIsHelpError":
            sys.stdout.write(exc.format_message() + "\n")
            return 0
        ctx = getattr(exc, "ctx", None)
        where = ctx.command_path if ctx is not None else "finalist"
        _error(f"{exc.format_message()} (see: {where} --help)")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `finalist list | head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:  # the system said no: a full disk, a closed output
        where = f": {exc.filename}" if exc.filename else ""
        reason = exc.strerror or type(exc).__name__
        _error(f"{reason}{where}; check the disk, the file and its permissions, then try again")
        return 1
    except Exception as exc:
        if os.environ.get("FINALIST_DEBUG", "").lower() in {"1", "true", "yes", "on"}:
            raise
        _error(
            f"internal error ({type(exc).__name__}: {str(exc)[:200]}); this is a bug in "
            "finalist, not your mistake; run again with FINALIST_DEBUG=1 to see the details"
        )
        return 2
    return result if isinstance(result, int) else 0


def main(argv: Sequence[str] | None = None) -> None:
    """The `finalist` command as a process. A command usually lasts well under a second,
    so the cyclic garbage collector waits (``common.long_running`` starts it again for the
    web server and the mock interview), and once the output is flushed and the store
    closed the process ends without tearing its objects down one by one."""
    gc.disable()
    # no pydantic plugins are used: skip scanning every installed package for them
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    code = run(argv)
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away: as in ``run``, stop quietly
        pass
    except OSError as exc:  # standard output is a full disk, say
        _error(f"could not write the output: {exc.strerror or exc}")
        code = code or 1
    except ValueError:  # standard output was closed
        pass
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)
