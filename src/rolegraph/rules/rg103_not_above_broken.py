"""RG103 not-above-broken: X not_above Y against X above Y.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

from ..findings import Conflict, Finding
from ._pairs import counted, findings_from_pairs, findings_from_sides
from .base import Context, Rule

RULE = Rule(
    code="RG103",
    name="not-above-broken",
    severity="error",
    evidence_severity=True,
    summary="A role said to be at most equal to another is ranked above it.",
    doc="""What it finds: claims that X is `not_above` Y (at most equal) and claims that rank X
above Y (above, oversees, or Y below / reports_to X) in overlapping company sizes.
Why it matters: "the head of product is not higher than the director" and "the head of product
oversees the director" cannot both hold for one company.
Fails:
  - {subject: Head of Product, relation: not_above, object: Director of Product}
  - {subject: Head of Product, relation: oversees, object: Director of Product}
Passes:
  - {subject: Head of Product, relation: not_above, object: Director of Product}
  - {subject: Director of Product, relation: above, object: Head of Product}
""",
    shape="RG103-not-above-broken.ttl",
)


def _describe(ctx: Context, key: tuple, k: Conflict) -> tuple[list[str], str]:
    x, y = key
    lx, ly = ctx.label(x), ctx.label(y)
    return [x, y], f"{lx} not above {ly} ({counted(k.a)}) against {lx} above {ly} ({counted(k.b)})"


def fast(ctx: Context) -> list[Finding]:
    rank = ctx.rank
    sides = ((key, na, rank.get(key, [])) for key, na in sorted(ctx.not_above.items()))
    return findings_from_sides(RULE, ctx, sides, _describe)


def from_shacl(ctx: Context, hits) -> list[Finding]:
    return findings_from_pairs(RULE, ctx, (((f.subject, f.object), f, v) for f, v, _ in hits), _describe)
