"""RG101 opposite-rank: X above Y against Y above X.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

from ..findings import Conflict, Finding
from ._pairs import counted, findings_from_pairs, findings_from_sides
from .base import Context, Rule

RULE = Rule(
    code="RG101",
    name="opposite-rank",
    severity="error",
    evidence_severity=True,
    summary="Claims rank two roles in opposite orders.",
    doc="""What it finds: claims that put X above Y and claims that put Y above X in overlapping
company sizes, after normalising `below`, `reports_to` (subject lower) and `oversees` (subject
higher). Every claim on each side is listed in one finding per disagreement.
Why it matters: a job ladder cannot honour both; either the sources disagree or one claim is
scoped or hedged wrongly.
Severity: error for two firm claims in genuinely overlapping scopes, warning when a side is
hedged, info for a hedged scope-specific exception to a general claim.
Fails:
  - {subject: Head of Product, relation: above, object: VP of Product}
  - {subject: VP of Product, relation: oversees, object: Head of Product}
Passes:
  - {subject: Head of Product, relation: above, object: VP of Product, scope: startup..mid}
  - {subject: VP of Product, relation: above, object: Head of Product, scope: large..enterprise}
""",
    shape="RG101-opposite-rank.ttl",
)


def _describe(ctx: Context, key: tuple, k: Conflict) -> tuple[list[str], str]:
    x, y = key
    lx, ly = ctx.label(x), ctx.label(y)
    return [x, y], f"{lx} above {ly} ({counted(k.a)}) against {ly} above {lx} ({counted(k.b)})"


def fast(ctx: Context) -> list[Finding]:
    rank = ctx.rank
    sides = ((k, rank[k], rank.get((k[1], k[0]), [])) for k in sorted(rank) if k[0] < k[1])
    return findings_from_sides(RULE, ctx, sides, _describe)


def from_shacl(ctx: Context, hits) -> list[Finding]:
    pairs = []
    for focus, value, _ in hits:
        hi, lo = focus.rank()
        a, b = (focus, value) if hi < lo else (value, focus)
        pairs.append((tuple(sorted((hi, lo))), a, b))
    return findings_from_pairs(RULE, ctx, pairs, _describe)
