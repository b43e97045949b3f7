"""RG007 self-relation: a claim relates a role to itself.

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
    code="RG007",
    name="self-relation",
    severity="error",
    summary="A claim relates a role to itself.",
    doc="""What it finds: a claim whose subject and object are the same role, also through aliases
(`Head of Product above HoP`).
Why it matters: it says nothing about rank, and usually means one title was mapped to the wrong
role or an alias belongs to another role.
Fails:
  - {subject: VP of Product, relation: above, object: Vice President of Product}
Passes:
  - {subject: VP of Product, relation: same, object: Head of Product}
""",
    shape="RG007-self-relation.ttl",
)


def violations(ctx: Context) -> list[tuple[Claim, str]]:
    return [(c, "object") for c in ctx.claims if c.subject and c.subject == c.object]


def make(ctx: Context, c: Claim, field: str) -> Finding:
    return claim_finding(
        RULE,
        c,
        "object",
        f"claim '{c.id}' relates {ctx.label(c.subject)} to itself "
        f"({c.subject_text!r} and {c.object_text!r} name one role)",
    )


def fast(ctx: Context) -> list[Finding]:
    return [make(ctx, c, f) for c, f in violations(ctx)]


def from_shacl(ctx: Context, hits) -> list[Finding]:
    return from_hits(ctx, hits, make)
