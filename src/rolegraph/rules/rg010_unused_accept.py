"""RG010 unused-accept: an `accept:` entry whose finding no longer occurs.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

import difflib

from ..findings import Finding
from .base import Context, Rule, claim_finding

RULE = Rule(
    code="RG010",
    name="unused-accept",
    severity="warning",
    summary="An accepted finding no longer occurs.",
    doc="""What it finds: a claim's `accept: {CODE: reason}` when no finding of rule CODE involves
that claim any more (only judged for rules that ran), or one whose CODE is no rule at all (a
typo such as RG999; the message suggests the closest code).
Why it matters: stale acceptances hide the next real finding of that rule on that claim. Delete
the entry once the disagreement is gone.
Fails:
  - {id: a, ..., accept: {RG101: "page contradicts itself"}}   # and RG101 no longer fires on a
Passes: the same claim while an RG101 finding lists it.
Implementation: computed after the other rules (like ruff's unused-noqa); it has no shape.
""",
    shape=None,
)


def check(ctx: Context, findings: list[Finding], ran: set[str], known: set[str] | None = None) -> list[Finding]:
    """The unused acceptances; with ``known`` (every rule code), acceptances naming no rule too."""
    involved: set[tuple[str, tuple[str, str]]] = set()
    for f in findings:
        for c, _side in f.claims:
            involved.add((f.code, c.key))
    out = []
    for c in ctx.claims:
        for code in sorted(c.accept):
            if known is not None and code not in known:
                hint = difflib.get_close_matches(code, sorted(known), n=1)
                maybe = f" (did you mean {hint[0]}?)" if hint else ""
                msg = f"claim '{c.id}' accepts {code}, which is no rule of rolegraph{maybe}; fix the code or remove it"
                f = claim_finding(RULE, c, "accept", msg)
                f.key = (c.source_id, c.id, "accept", code)
                out.append(f)
            elif code in ran and (code, c.key) not in involved:
                f = claim_finding(
                    RULE,
                    c,
                    "accept",
                    f"claim '{c.id}' accepts {code}, but no {code} finding involves it any more; remove the entry",
                )
                f.key = (c.source_id, c.id, "accept", code)
                out.append(f)
    return out
