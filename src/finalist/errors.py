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
