"""Human-readable report: ``file:line: CODE severity: message``, claims indented below.

It imports only ``formatters.common``; it must not import the linter, loader or CLI.
"""

from __future__ import annotations

from .common import printable, shown


def _quote(q: str | None, width: int = 100) -> str:
    if q is None:
        return "(no quote)"
    q = printable(" ".join(q.split()))
    return '"' + (q if len(q) <= width else q[: width - 3] + "...") + '"'


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def render(report, corpus, *, display_root: str = "") -> str:
    lines = []
    for f in report.findings:
        sev = f.severity if f.accepted is None else f"{f.severity} (accepted: {printable(f.accepted)})"
        mark = " (proposed claim)" if len(f.claims) == 1 and f.claims[0][0].proposed else ""
        lines.append(f"{shown(display_root, f.file)}:{f.line}: {f.code} {sev}: {printable(f.message)}{mark}")
        for c, side in f.claims if len(f.claims) > 1 else ():
            tag = (f"[{side}] " if side else "") + ("(proposed) " if c.proposed else "")
            lines.append(f"    {tag}{shown(display_root, c.file)}:{c.line}: {c.source_id}: {_quote(c.quote)}")
    s = report.summary()
    corpus_size = f"{_n(s['claims'], 'claim')} from {_n(s['sources'], 'source')}"
    new = "new " if report.compared_with else ""
    if s["findings"] == 0:
        lines.append(f"No {new}findings in {corpus_size} ({_n(s['rules'], 'rule')} checked).")
    else:
        acc = f", {s['accepted']} accepted" if s["accepted"] else ""
        lines.append(
            f"Found {_n(s['findings'], new + 'finding')} ({_n(s['error'], 'error')}, {_n(s['warning'], 'warning')}, "
            f"{s['info']} info{acc}) in {corpus_size}."
        )
    if report.compared_with:
        lines.append(
            f"Compared with {printable(report.compared_with)}: {_n(report.hidden, 'known finding')} not shown."
        )
    if report.resolved:
        gone = "; ".join(resolved_label(e) for e in report.resolved)
        lines.append(f"Resolved, no longer found: {_n(len(report.resolved), 'finding')}: {gone}.")
    fixable = sum(1 for f in report.findings if f.fix is not None)
    if fixable:
        lines.append(
            f"{_n(fixable, 'finding')} can be fixed safely: rolegraph lint --fix (to see the changes: --diff)."
        )
    return "\n".join(lines) + "\n"


def resolved_label(e: dict) -> str:
    """``RG101 Head of Product / VP of Product [any]`` for a resolved finding or baseline entry."""
    roles = " / ".join(printable(str(r)) for r in e.get("roles") or [])
    scope = f" [{e['scope']}]" if e.get("scope") else ""
    return f"{e.get('code')} {roles}{scope}".rstrip()
