"""RG001 missing-field: a claim lacks subject, relation, quote, or (except for top) object.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

from ..findings import Finding
from ..model import Claim
from ._structural import from_hits
from .base import Context, Rule, claim_finding

RULE = Rule(
    code="RG001",
    name="missing-field",
    severity="error",
    summary="A claim lacks its subject, relation, quote, or object.",
    doc="""What it finds: a claim without `subject`, `relation` or `quote`, or without `object`
when its relation needs one (every relation but `top`).
Why it matters: such a claim cannot be placed on any ladder or traced back to its source.
Fails:
  - subject: Head of Product
    relation: above
    quote: "the head of product is above the VP"
Passes:
  - subject: Head of Product
    relation: above
    object: VP of Product
    quote: "the head of product is above the VP"
""",
    shape="RG001-missing-field.ttl",
)


def violations(ctx: Context) -> list[tuple[Claim, str]]:
    out = []
    for c in ctx.claims:
        if c.subject_text is None:
            out.append((c, "subject"))
        if c.relation_text is None:
            out.append((c, "relation"))
        if c.quote is None:
            out.append((c, "quote"))
        if c.object_text is None and c.relation is not None and c.relation != "top":
            out.append((c, "object"))
    return out


def make(ctx: Context, c: Claim, field: str) -> Finding:
    extra = f" (relation '{c.relation}' needs one)" if field == "object" else ""
    return claim_finding(RULE, c, field, f"claim '{c.id}' has no {field}{extra}; add '{field}:'")


def fast(ctx: Context) -> list[Finding]:
    return [make(ctx, c, f) for c, f in violations(ctx)]


def from_shacl(ctx: Context, hits) -> list[Finding]:
    return from_hits(ctx, hits, make)
