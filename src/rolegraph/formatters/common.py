"""What the formatters share: paths as the user sees them, and findings as plain data.

It imports only ``findings`` and ``model``; it must not import a format module, the linter, loader
or CLI.
"""

from __future__ import annotations

import posixpath

from ..findings import Finding
from ..model import format_sizes


def printable(text: str) -> str:
    """``text`` with control and other non-printable characters escaped (``\\x1b``), so a
    claim file cannot write terminal escapes or extra lines into a terminal or CI log."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def shown(display_root: str, rel: str) -> str:
    """A corpus-relative path as the user named the corpus (``mycorpus/claims/a.yaml``)."""
    if not display_root or display_root == ".":
        return rel
    return posixpath.normpath(posixpath.join(display_root.replace("\\", "/"), rel))


def finding_dict(f: Finding, corpus, display_root: str) -> dict:
    voc = corpus.vocabulary
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "message": f.message,
        "file": shown(display_root, f.file),
        "line": f.line,
        "roles": [voc.label(r) for r in f.roles],
        "scope": format_sizes(f.sizes) if f.sizes else None,
        "fingerprint": f.fingerprint,
        "accepted": f.accepted,
        "claims": [
            {
                "id": c.id,
                "source": c.source_id,
                "file": shown(display_root, c.file),
                "line": c.line,
                "quote": c.quote,
                "subject": voc.label(c.subject) if c.subject else c.subject_text,
                "relation": c.relation or c.relation_text,
                "object": voc.label(c.object) if c.object else c.object_text,
                "scope": str(c.scope) if c.scope is not None else c.scope_text,
                "hedge": c.hedge or c.hedge_text,
                "side": side,
                **({"proposed": True} if c.proposed else {}),
            }
            for c, side in f.claims
        ],
        **({"fix": fix_dict(f.fix, display_root)} if f.fix is not None else {}),
    }


def fix_dict(fix, display_root: str) -> dict:
    """A fix as plain data: what it does and each edit as a character span of a file."""
    return {
        "description": fix.description,
        "edits": [
            {"file": shown(display_root, e.file), "start": e.start, "end": e.end, "insert": e.insert} for e in fix.edits
        ],
    }
