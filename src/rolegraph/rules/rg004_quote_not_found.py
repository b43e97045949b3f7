"""RG004 quote-not-found: the quote is not verbatim in the source snapshot.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

from ..findings import Finding
from ..fix.textmatch import closest_passage
from ..model import Claim
from ._structural import from_hits
from .base import Context, Rule, claim_finding

RULE = Rule(
    code="RG004",
    name="quote-not-found",
    severity="error",
    summary="A claim's quote is not found verbatim in its source snapshot.",
    doc="""What it finds: a `quote` that does not occur in the snapshot text (or occurs fewer times
than its `occurrence` asks for). Snapshots that are missing are reported by RG006 instead.
Why it matters: the quote is the claim's evidence; a paraphrase cannot be checked by a reviewer
and its character offsets cannot be computed.
Fails:
  - quote: "the CPO is the most senior"     # the page says "ranks the highest"
Passes:
  - quote: "The Chief Product Officer ranks the highest"
""",
    shape="RG004-quote-not-found.ttl",
    fixable=True,
)


def violations(ctx: Context) -> list[tuple[Claim, str]]:
    return [
        (c, "quote")
        for c in ctx.claims
        if c.quote is not None and c.start is None and ctx.sources[c.source_id].actual_sha256
    ]


def make(ctx: Context, c: Claim, field: str) -> Finding:
    snap = ctx.sources[c.source_id].snapshot
    occ = f" (occurrence {c.occurrence})" if c.occurrence > 1 else ""
    near = None
    if c.quote and ctx.hints_left > 0:  # each hint costs up to ~0.5 s on a large page: bound the run
        ctx.hints_left -= 1
        text = ctx.snapshot_text(c.source_id)
        near = closest_passage(text, c.quote) if text else None
    hint = f"; {near.describe()}" if near else ""
    return claim_finding(
        RULE,
        c,
        "quote",
        f"quote of claim '{c.id}' not found in {snap}{occ}; copy it verbatim from the snapshot{hint}",
    )


def fast(ctx: Context) -> list[Finding]:
    return [make(ctx, c, f) for c, f in violations(ctx)]


def from_shacl(ctx: Context, hits) -> list[Finding]:
    return from_hits(ctx, hits, make)
