"""Errors that stop a command, each pointing at a file and line.

It is the bottom of the package: it must not import any other rolegraph module.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One input problem: ``file:line: message``. ``file`` is relative to the corpus when it can be."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class RolegraphError(Exception):
    """Base class of errors that rolegraph reports to the user as clean one-line messages."""

    exit_code = 2


class InputError(RolegraphError):
    """The input cannot be used. Carries every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = sorted(problems if isinstance(problems, list) else [problems])
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(RolegraphError):
    """A command was called with arguments that cannot work."""
