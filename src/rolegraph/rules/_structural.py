"""Shared plumbing of rules that report one claim or one source at a time.

It imports only ``rules.base`` and ``findings``; it must not import a rule module, the loader,
linter or CLI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Finding
from .base import Context

Make = Callable[[Context, object, str], Finding | None]


def from_hits(ctx: Context, hits: Iterable[tuple[object, object, str]], make: Make) -> list[Finding]:
    """Findings from SHACL results: one per distinct (focus, field)."""
    seen: set[tuple] = set()
    out: list[Finding] = []
    for focus, _value, field in hits:
        k = (id(focus), field)
        if k in seen:
            continue
        seen.add(k)
        f = make(ctx, focus, field)
        if f is not None:
            out.append(f)
    return out
