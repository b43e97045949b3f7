"""Human-readable report: ``file:line: CODE severity: message``, claims indented below."""

from __future__ import annotations

from .common import printable, shown


def _quote(q: str | None, width: int = 100) -> str:
    if q is None:
        return "(no quote)"
    q = printable(" ".join(q.split()))
    return '"' + (q if len(q) <= width else q[: width - 3] + "...") + '"'


def render(report, corpus, *, display_root: str = "") -> str:
    lines = []
    for f in report.findings:
        sev = f.severity if f.accepted is None else f"{f.severity} (accepted: {printable(f.accepted)})"
        lines.append(f"{shown(display_root, f.file)}:{f.line}: {f.code} {sev}: {printable(f.message)}")
        for c, side in f.claims if len(f.claims) > 1 else ():
            tag = f"[{side}] " if side else ""
            lines.append(f"    {tag}{shown(display_root, c.file)}:{c.line}: {c.source_id}: {_quote(c.quote)}")
    s = report.summary()
    if s["findings"] == 0:
        lines.append(f"No findings: {s['claims']} claims from {s['sources']} sources pass {s['rules']} rules.")
    else:
        acc = f", {s['accepted']} accepted" if s["accepted"] else ""
        lines.append(
            f"Found {s['findings']} findings ({s['error']} errors, {s['warning']} warnings, "
            f"{s['info']} info{acc}) in {s['claims']} claims from {s['sources']} sources."
        )
    return "\n".join(lines) + "\n"
