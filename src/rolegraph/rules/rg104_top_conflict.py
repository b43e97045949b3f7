"""RG104 top-conflict: X is the top role against Y above X, or against another top role Y.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

from ..findings import Conflict, Finding
from ._pairs import counted, findings_from_pairs, findings_from_sides
from .base import Context, Rule

RULE = Rule(
    code="RG104",
    name="top-conflict",
    severity="error",
    evidence_severity=True,
    summary="A role said to be the top role is outranked, or has a rival top role.",
    doc="""What it finds: claims that X is `top` (the highest role of its family in the scope)
against claims that rank a role Y of the same family above X, or against claims that another
role Y of the same family is top, in overlapping company sizes.
Why it matters: a ladder has one top rung per family; a CPO who is "the highest" cannot report
to a Head of Product.
Fails:
  - {subject: Chief Product Officer, relation: top}
  - {subject: Head of Product, relation: top}
Passes:
  - {subject: Chief Product Officer, relation: top}
  - {subject: Head of Product, relation: top, scope: startup}
  - {subject: Chief Product Officer, relation: above, object: Head of Product, scope: large..enterprise}
  (with the CPO top claim scoped large..enterprise)
""",
    shape="RG104-top-conflict.ttl",
)


def _describe(ctx: Context, key: tuple, k: Conflict) -> tuple[list[str], str]:
    kind, x, y = key
    lx, ly = ctx.label(x), ctx.label(y)
    if kind == "outranked":
        return [
            x,
            y,
        ], f"{lx} is the top role ({counted(k.a)}) against {ly} above {lx} ({counted(k.b)})"
    return [
        x,
        y,
    ], f"{lx} is the top role ({counted(k.a)}) against {ly} as the top role ({counted(k.b)})"


def fast(ctx: Context) -> list[Finding]:
    top, rank = ctx.top, ctx.rank
    sides = []
    for hi, lo in sorted(rank):
        if lo in top and ctx.family(hi) == ctx.family(lo):
            sides.append((("outranked", lo, hi), top[lo], rank[(hi, lo)]))
    roles = sorted(top)
    for i, x in enumerate(roles):
        for y in roles[i + 1 :]:
            if ctx.family(x) == ctx.family(y):
                sides.append((("rival", x, y), top[x], top[y]))
    return findings_from_sides(RULE, ctx, sides, _describe)


def from_shacl(ctx: Context, hits) -> list[Finding]:
    pairs = []
    for f, v, _ in hits:
        if v.relation == "top":
            a, b = (f, v) if f.subject < v.subject else (v, f)
            pairs.append((("rival", a.subject, b.subject), a, b))
        else:
            pairs.append((("outranked", f.subject, v.rank()[0]), f, v))
    return findings_from_pairs(RULE, ctx, pairs, _describe)
