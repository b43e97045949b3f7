"""Errors that stop a command, each pointing at a file and line.

It is the bottom of the package: it must not import any other rolegraph module.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One input problem: ``file:line: message``. ``file`` is relative to the corpus when it can be.

    ``claim`` is set when the problem lies inside one claim of a claims file and concerns nothing else:
    (source id, claim id as written or ``""`` when it cannot be read, the line where the claim starts).
    A publishing load then leaves out only that claim (see :mod:`rolegraph.usable`). It takes no part in
    comparing or sorting problems.
    """

    file: str
    line: int
    message: str
    claim: tuple[str, str, int] | None = field(default=None, compare=False)

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
