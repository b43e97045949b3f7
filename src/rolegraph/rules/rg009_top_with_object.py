"""RG009 top-with-object: a top claim that names an object.

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
    code="RG009",
    name="top-with-object",
    severity="error",
    summary="A `top` claim names an object.",
    doc="""What it finds: a claim with `relation: top` and an `object`.
Why it matters: `top` means "the highest role of its family in this scope" and compares with no
one role; an object usually means the curator meant `above`.
Fails:
  - {subject: CPO, relation: top, object: Head of Product}
Passes:
  - {subject: CPO, relation: top}
  - {subject: CPO, relation: above, object: Head of Product}
""",
    shape="RG009-top-with-object.ttl",
)


def violations(ctx: Context) -> list[tuple[Claim, str]]:
    return [(c, "object") for c in ctx.claims if c.relation == "top" and c.object_text is not None]


def make(ctx: Context, c: Claim, field: str) -> Finding:
    return claim_finding(
        RULE,
        c,
        "object",
        f"top claim '{c.id}' has an object ({c.object_text!r}); drop it, or use relation 'above'",
    )


def fast(ctx: Context) -> list[Finding]:
    return [make(ctx, c, f) for c, f in violations(ctx)]


def from_shacl(ctx: Context, hits) -> list[Finding]:
    return from_hits(ctx, hits, make)
