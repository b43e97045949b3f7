"""RG005 snapshot-changed: the snapshot's sha256 differs from the one recorded with the claims.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

from ..findings import Finding
from ..model import Source
from ._structural import from_hits
from .base import Context, Rule, source_finding

RULE = Rule(
    code="RG005",
    name="snapshot-changed",
    severity="error",
    summary="The snapshot no longer matches the sha256 recorded in the claims file.",
    doc="""What it finds: a source whose snapshot file's sha256 is not the `sha256` in its claims
file header (or whose header records none).
Why it matters: the claims were curated from other text; quotes and offsets may no longer hold.
Re-read the page, update the claims, then record the new checksum.
Fails:
  source: {snapshot: sources/a.txt, sha256: 3b0c...}   # file edited since
Passes:
  source: {snapshot: sources/a.txt, sha256: <output of sha256sum sources/a.txt>}
""",
    shape="RG005-snapshot-changed.ttl",
    fixable=True,
)


def violations(ctx: Context) -> list[tuple[Source, str]]:
    return [(s, "sha256") for s in ctx.corpus.sources if s.actual_sha256 is not None and s.sha256 != s.actual_sha256]


def _quotes(s: Source) -> str:
    """Whether the claims' quotes survived the change: only the checksum is stale, or which are lost."""
    lost = [c.id for c in s.claims if c.quote is not None and c.start is None]
    if not lost:
        return "every quote is still found verbatim, so only the checksum is stale"
    shown = ", ".join(f"'{i}'" for i in lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
    return f"quote{'s' if len(lost) != 1 else ''} no longer found: {shown}"


def make(ctx: Context, s: Source, field: str) -> Finding:
    if s.sha256 is None:
        msg = f"no sha256 recorded for {s.snapshot} ({_quotes(s)}); add sha256: {s.actual_sha256}"
    else:
        msg = (
            f"{s.snapshot} changed since its claims were written (sha256 {s.actual_sha256[:12]}..., "
            f"recorded {s.sha256[:12]}...; {_quotes(s)}); re-check the claims, then record the new sha256"
        )
    return source_finding(RULE, s, "sha256", msg)


def fast(ctx: Context) -> list[Finding]:
    return [make(ctx, s, f) for s, f in violations(ctx)]


def from_shacl(ctx: Context, hits) -> list[Finding]:
    return from_hits(ctx, hits, make)
