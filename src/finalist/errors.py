"""The one error type a user sees: a mistake they can fix, said in one line."""

from __future__ import annotations


class FinalistError(Exception):
    """A problem the user can fix. Its message is one line: what is wrong and how to fix it.

    The command line prints it on stderr and exits 1; the web app shows it next to the form.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(FinalistError):
    """What the user named does not exist (a case id): the web app answers 404."""


class FieldError(FinalistError):
    """A mistake in one named field: the web app shows it next to that field, the command
    line as ``--field: message``."""

    def __init__(self, field: str, problem: str, message: str | None = None) -> None:
        super().__init__(message or f"{field}: {problem}")
        self.field = field
        self.problem = problem
