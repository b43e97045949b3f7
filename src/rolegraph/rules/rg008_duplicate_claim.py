"""RG008 duplicate-claim: one source states the same claim twice.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

from collections import defaultdict

from ..findings import Finding
from ..model import Claim
from .base import Context, Rule

RULE = Rule(
    code="RG008",
    name="duplicate-claim",
    severity="warning",
    summary="One source states the same claim more than once.",
    doc="""What it finds: two or more claims of one source with the same subject, relation, object,
scope, hedge and condition (roles compared after resolving aliases), whatever their quotes.
Why it matters: a duplicate counts the source twice in the consensus and doubles its findings.
Keep one claim (quote the clearest sentence) and delete the others.
Fails:
  - {id: a, subject: HoP, relation: above, object: VP of Product, quote: "..."}
  - {id: b, subject: Head of Product, relation: above, object: VP Product, quote: "..."}
Passes: one of the two.
""",
    shape="RG008-duplicate-claim.ttl",
    fixable=True,
)


def _key(c: Claim) -> tuple | None:
    if not c.subject or not c.relation or c.scope is None or c.hedge is None:
        return None
    return (c.source_id, c.subject, c.relation, c.object, c.scope, c.hedge, c.condition or "")


def _finding(ctx: Context, group: list[Claim]) -> Finding:
    group = sorted(group, key=lambda c: (c.line, c.id))
    first, dup = group[0], group[1]
    others = ", ".join(f"'{c.id}' (line {c.line})" for c in group[1:])
    return Finding(
        code=RULE.code,
        name=RULE.name,
        severity=RULE.severity,
        message=f"claim '{first.id}' is stated again by {others}; keep one",
        roles=[r for r in (first.subject, first.object) if r],
        sizes=frozenset(range(first.scope.lo, first.scope.hi + 1)),
        claims=[(c, "") for c in group],
        key=(
            first.source_id,
            first.subject,
            first.relation,
            first.object or "",
            str(first.scope),
            first.hedge,
            first.condition or "",
        ),
        file=dup.file,
        line=dup.line,
    )


def fast(ctx: Context) -> list[Finding]:
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in ctx.claims:
        k = _key(c)
        if k is not None:
            groups[k].append(c)
    return [_finding(ctx, g) for g in groups.values() if len(g) > 1]


def from_shacl(ctx: Context, hits) -> list[Finding]:
    groups: dict[tuple, dict] = defaultdict(dict)
    for focus, value, _field in hits:
        for c in (focus, value):
            groups[_key(c)][c.key] = c
    return [_finding(ctx, list(g.values())) for g in groups.values() if len(g) > 1]
