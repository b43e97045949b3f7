"""RG006 snapshot-missing: the snapshot file named in the header does not exist.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..findings import Finding
from ..model import Source
from ._structural import from_hits
from .base import Context, Rule, source_finding

RULE = Rule(
    code="RG006",
    name="snapshot-missing",
    severity="error",
    summary="The snapshot file named in a claims file does not exist.",
    doc="""What it finds: a source whose `snapshot` path names no file in the corpus.
Why it matters: without the text, no quote can be checked and no offset computed.
Fails:
  source: {snapshot: sources/missing.txt}
Passes:
  source: {snapshot: sources/a.txt}      # and the file is there
""",
    shape="RG006-snapshot-missing.ttl",
)


def violations(ctx: Context) -> list[tuple[Source, str]]:
    return [(s, "snapshot") for s in ctx.corpus.sources if s.snapshot and s.actual_sha256 is None]


def closest_file(ctx: Context, rel: str) -> str | None:
    """The existing file of the snapshot's folder whose name is closest to ``rel``'s."""
    import posixpath

    from rapidfuzz import fuzz, process

    folder, name = posixpath.split(rel)
    base = Path(ctx.corpus.root) / folder
    try:
        names = sorted(e.name for e in os.scandir(base) if e.is_file(follow_symlinks=False))[:10_000]
    except OSError:
        return None
    best = process.extractOne(name, names, scorer=fuzz.ratio, score_cutoff=60)
    return posixpath.join(folder, best[0]) if best else None


def make(ctx: Context, s: Source, field: str) -> Finding:
    near = closest_file(ctx, s.snapshot) if s.snapshot else None
    hint = f" (did you mean {near}?)" if near else ""
    return source_finding(
        RULE,
        s,
        "snapshot",
        f"snapshot {s.snapshot} does not exist{hint}; add the page text there or fix the path",
    )


def fast(ctx: Context) -> list[Finding]:
    return [make(ctx, s, f) for s, f in violations(ctx)]


def from_shacl(ctx: Context, hits) -> list[Finding]:
    return from_hits(ctx, hits, make)
