"""Shared plumbing of contradiction rules between two sides of claims about a pair of roles.

It imports only ``rules.base``, ``findings`` and ``model``; it must not import a rule module, the
loader, linter or CLI.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from ..findings import Conflict, Finding, conflicts_by_scope, conflicts_from_pairs
from ..model import Claim
from .base import Context, Rule, conflict_finding

Describe = Callable[[Context, tuple, Conflict], tuple[list[str], str]]


def findings_from_sides(
    rule: Rule,
    ctx: Context,
    sides: Iterable[tuple[tuple, list[Claim], list[Claim]]],
    describe: Describe,
) -> list[Finding]:
    """Fast path: (key, side a, side b) -> grouped findings, linear in the claims."""
    out = []
    for key, a, b in sides:
        if a and b:
            for k in conflicts_by_scope(a, b):
                roles, msg = describe(ctx, key, k)
                out.append(conflict_finding(rule, k, key, roles, msg))
    return out


def findings_from_pairs(
    rule: Rule, ctx: Context, pairs: Iterable[tuple[tuple, Claim, Claim]], describe: Describe
) -> list[Finding]:
    """Reference path: (key, claim on side a, claim on side b) pairs reported by SHACL."""
    by_key: dict[tuple, list[tuple[Claim, Claim]]] = defaultdict(list)
    for key, a, b in pairs:  # a pair reported twice adds nothing: conflicts_from_pairs keys claims
        by_key[key].append((a, b))
    out = []
    for key in sorted(by_key):
        for k in conflicts_from_pairs(by_key[key]):
            roles, msg = describe(ctx, key, k)
            out.append(conflict_finding(rule, k, key, roles, msg))
    return out


def counted(claims: list[Claim]) -> str:
    n, s = len(claims), len({c.source_id for c in claims})
    return f"{n} claim{'s' if n != 1 else ''}, {s} source{'s' if s != 1 else ''}"
