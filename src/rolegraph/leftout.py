"""What a publishing command left out of a corpus: the :class:`LeftOut` record and its one-line forms.

A claim with a structure error (RG001-RG009 at severity error, not accepted) or a claims file that cannot be
read or parsed is left out of consensus, export and stats; each is recorded as a :class:`LeftOut` (file, line,
source, claim, rule code, reason), which results carry and renderers print. This module holds only the
record and its text; it must not import any rolegraph module, so every layer (model, consensus,
exporter, formatters, CLI) may import it. Deciding what to leave out is :mod:`rolegraph.usable`'s job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LeftOut:
    """One claim (or one whole source, ``claim`` None) left out of a result, and why.

    ``file`` is relative to the corpus, ``line`` points at the problem (0: the file as a whole); ``code`` is
    the rule (RG001-RG009), None for a problem the claims parser found: a claims file that could not be read
    or parsed (then ``source`` is None too, since the file never said which source it is), or one claim item
    that could not be read (a wrong type, an unknown or duplicate key; ``claim`` is then its id as written,
    or ``""`` when it has no readable id).
    """

    file: str
    line: int
    source: str | None
    claim: str | None
    code: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.claim:
            what = f"claim '{self.claim}'"
        elif self.claim is not None:
            what = "claim"
        elif self.source is not None:
            what = f"source '{self.source}'"
        else:
            what = "source"
        tail = f" [{self.code}]" if self.code else ""
        return f"{where}: {what} left out: {self.reason}{tail}"

    def shown(self, file: str) -> str:
        """The line with ``file`` written as the user should see it (e.g. under the corpus they named)."""
        from dataclasses import replace

        return str(replace(self, file=file))

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.claim or "", self.code or "", self.reason)

    def to_dict(self) -> dict:
        """The JSON record: ``{"file", "line", "source", "claim", "code", "reason"}``."""
        return {
            "file": self.file,
            "line": self.line,
            "source": self.source,
            "claim": self.claim,
            "code": self.code,
            "reason": self.reason,
        }


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(left_out: Sequence[LeftOut], claims: int, sources: int) -> str:
    """The count line after the left-out lines, e.g. ``rolegraph: 1 claim left out; the result rests on
    35 claims from 5 sources (see: rolegraph lint; --strict refuses instead)``."""
    n_claims = sum(1 for x in left_out if x.claim is not None)
    n_sources = sum(1 for x in left_out if x.claim is None)
    parts = [_n(n_claims, "claim")] if n_claims else []
    parts += [_n(n_sources, "source")] if n_sources else []
    return (
        f"rolegraph: {' and '.join(parts) or 'nothing'} left out; the result rests on {_n(claims, 'claim')} "
        f"from {_n(sources, 'source')} (see: rolegraph lint; --strict refuses instead)"
    )
