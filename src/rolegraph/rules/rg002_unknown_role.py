"""RG002 unknown-role: a subject or object that names no role of the vocabulary.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

import shlex

from ..findings import Finding
from ..model import Claim
from ._structural import from_hits
from .base import Context, Rule, claim_finding

RULE = Rule(
    code="RG002",
    name="unknown-role",
    severity="error",
    summary="A subject or object names no role of the vocabulary.",
    doc="""What it finds: a `subject` or `object` that is not a label or alias (case-insensitive) of
any role in the built-in vocabulary or the corpus's roles.ttl. The closest labels are suggested.
Why it matters: an unknown title is usually a typo; left alone it silently drops the claim from
every contradiction check and every ladder.
Fails:
  - subject: Hed of Product      # closest: Head of Product
Passes:
  - subject: head of product     # any case, any alias (HoP, Head of Product Management)
""",
    shape="RG002-unknown-role.ttl",
)


def violations(ctx: Context) -> list[tuple[Claim, str]]:
    out = []
    for c in ctx.claims:
        if c.subject_text is not None and c.subject is None:
            out.append((c, "subject"))
        if c.object_text is not None and c.object is None:
            out.append((c, "object"))
    return out


def make(ctx: Context, c: Claim, field: str) -> Finding:
    text = c.subject_text if field == "subject" else c.object_text
    voc = ctx.corpus.vocabulary
    root = "" if ctx.corpus.bundled else ctx.corpus.root
    why = voc.why_unknown(text or "", root)  # an override of the corpus's roles.ttl took the title away
    if why:
        corpus = f" --corpus {shlex.quote(root)}" if root else ""
        see = f"rolegraph roles{corpus} --explain {shlex.quote(text or '')}"
        return claim_finding(RULE, c, field, f"unknown role {text!r} in {field}: {why}; see: {see}")
    hints = voc.suggest(text or "")
    hint = f"did you mean {', '.join(repr(h) for h in hints)}?" if hints else "see: rolegraph roles"
    return claim_finding(RULE, c, field, f"unknown role {text!r} in {field}; {hint} (or add it to roles.ttl)")


def fast(ctx: Context) -> list[Finding]:
    return [make(ctx, c, f) for c, f in violations(ctx)]


def from_shacl(ctx: Context, hits) -> list[Finding]:
    return from_hits(ctx, hits, make)
