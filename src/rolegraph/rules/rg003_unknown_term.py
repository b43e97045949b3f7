"""RG003 unknown-term: a relation, scope or hedge that is not one of the ontology's terms.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model`` (this one also the parser's ``did_you_mean`` hint, from
``corpus.claims``); it must not import the loader orchestration, compiler, linter, formatters,
consensus or CLI.
"""

from __future__ import annotations

from ..corpus.claims import did_you_mean
from ..findings import Finding
from ..model import HEDGES, RELATIONS, SIZES, Claim
from ._structural import from_hits
from .base import Context, Rule, claim_finding

RULE = Rule(
    code="RG003",
    name="unknown-term",
    severity="error",
    summary="A relation, scope or hedge is not a term of the ontology.",
    doc="""What it finds: `relation`, `scope` or `hedge` values outside the ontology: relations
above, below, same, may_be, reports_to, oversees, not_above, top, overlaps; scopes any, a size
(startup, small, mid, large, enterprise) or a range FROM..TO; hedges definite, generally, often,
may, some.
Why it matters: a misspelt term makes the claim mean nothing (or the wrong thing) to the rules.
Fails:
  - relation: is-above
    scope: big companies
Passes:
  - relation: above
    scope: large..enterprise
""",
    shape="RG003-unknown-term.ttl",
)

ALLOWED = {
    "relation": ", ".join(RELATIONS),
    "scope": "any, " + ", ".join(SIZES) + ", or FROM..TO",
    "hedge": ", ".join(HEDGES),
}


def violations(ctx: Context) -> list[tuple[Claim, str]]:
    out = []
    for c in ctx.claims:
        if c.relation_text is not None and c.relation is None:
            out.append((c, "relation"))
        if c.scope_text is not None and c.scope is None:
            out.append((c, "scope"))
        if c.hedge_text is not None and c.hedge is None:
            out.append((c, "hedge"))
    return out


TERMS = {"relation": tuple(RELATIONS), "scope": ("any", *SIZES), "hedge": tuple(HEDGES)}


def make(ctx: Context, c: Claim, field: str) -> Finding:
    text = {"relation": c.relation_text, "scope": c.scope_text, "hedge": c.hedge_text}[field]
    hint = did_you_mean(text or "", TERMS[field])
    return claim_finding(RULE, c, field, f"unknown {field} {text!r}{hint}; use one of: {ALLOWED[field]}")


def fast(ctx: Context) -> list[Finding]:
    return [make(ctx, c, f) for c, f in violations(ctx)]


def from_shacl(ctx: Context, hits) -> list[Finding]:
    return from_hits(ctx, hits, make)
