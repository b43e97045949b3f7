"""The output formats of ``rolegraph consensus --diff``: text, markdown (for a pull-request comment), json.

Holds :data:`DIFF_FORMATS` and :func:`render_diff`, which reads a
:class:`rolegraph.consensus.diff.ConsensusDiff` by its attributes. It imports only
``formatters.common.printable`` (to escape control characters); it must not import the consensus
core, the diff computation, the linter or the CLI.
"""

from __future__ import annotations

import json

from ...formatters.common import printable

DIFF_FORMATS = ("text", "markdown", "json")


def render_diff(d, fmt: str) -> str:
    """A ``ConsensusDiff`` (compared_with, sizes, changes of size/kind/roles/text) as ``fmt``."""
    if fmt == "json":
        data = {
            "compared_with": d.compared_with,
            "changed": bool(d.changes),
            "sizes": {s: [{"kind": c.kind, "roles": list(c.roles), "text": c.text} for c in d.changes if c.size == s]
                      for s in d.sizes},
        }  # fmt: skip
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if not d.changes:
        if fmt == "markdown":
            return f"### rolegraph consensus\n\nNo change to the consensus since {_md(d.compared_with)}.\n"
        return f"No change to the consensus since {printable(d.compared_with)}.\n"
    lines = []
    if fmt == "markdown":
        lines += ["### rolegraph consensus", "", f"Changes since {_md(d.compared_with)}:", ""]
        for s in d.sizes:
            items = [c for c in d.changes if c.size == s]
            if items:
                lines += [f"**{s}**", ""] + [f"- {_md(c.text)}" for c in items] + [""]
        return "\n".join(lines)
    lines.append(f"Consensus changes since {printable(d.compared_with)}:")
    for s in d.sizes:
        items = [c for c in d.changes if c.size == s]
        if items:
            lines.append(f"{s}:")
            lines += [f"  {printable(c.text)}" for c in items]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    out = printable(text)
    for ch in "\\`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out
