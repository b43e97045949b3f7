"""RG102 rank-vs-same: X above Y against X and Y being the same role.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

from ..findings import Conflict, Finding
from ._pairs import counted, findings_from_pairs, findings_from_sides
from .base import Context, Rule

RULE = Rule(
    code="RG102",
    name="rank-vs-same",
    severity="error",
    evidence_severity=True,
    summary="Claims rank two roles apart while others say they are one role.",
    doc="""What it finds: claims that rank X and Y apart (either direction) and claims that say X
and Y are the same role (`same`), in overlapping company sizes. `may_be` does not count.
Why it matters: if the titles are interchangeable, no ladder can put one above the other; a
job architecture has to decide whether it has one role or two.
Fails:
  - {subject: Head of Product, relation: above, object: VP of Product}
  - {subject: VP of Product, relation: same, object: Head of Product}
Passes:
  - {subject: Head of Product, relation: above, object: VP of Product}
  - {subject: VP of Product, relation: may_be, object: Head of Product, hedge: often}
""",
    shape="RG102-rank-vs-same.ttl",
)


def _describe(ctx: Context, key: tuple, k: Conflict) -> tuple[list[str], str]:
    x, y = key
    lx, ly = ctx.label(x), ctx.label(y)
    return [
        x,
        y,
    ], f"{lx} and {ly} ranked apart ({counted(k.a)}) against the same role ({counted(k.b)})"


def fast(ctx: Context) -> list[Finding]:
    rank = ctx.rank
    sides = ((key, rank.get(key, []) + rank.get((key[1], key[0]), []), same) for key, same in sorted(ctx.same.items()))
    return findings_from_sides(RULE, ctx, sides, _describe)


def from_shacl(ctx: Context, hits) -> list[Finding]:
    return findings_from_pairs(RULE, ctx, ((tuple(sorted(f.rank())), f, v) for f, v, _ in hits), _describe)
