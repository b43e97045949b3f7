"""GitHub Actions workflow commands, one annotation per finding, and the step summary table.

GitHub shows at most 10 annotations of each level per step (50 per job), so findings on new or
changed claims (``report.changed``) come first, then the rest, and no more than
:data:`PER_LEVEL` of a level are written; a last line says how many were left out.

It imports only ``formatters.common``; it must not import the linter, loader or CLI.
"""

from __future__ import annotations

from .common import printable, shown

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
PER_LEVEL = 10  # annotations GitHub shows per level and step


def _data(s: str) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(s)


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(report, corpus, *, display_root: str = "") -> str:
    lines = []
    shown_per_level: dict[str, int] = {}
    left_out = 0
    for f in sorted(report.findings, key=lambda f: f.fingerprint not in report.changed):  # stable
        level = "notice" if f.accepted is not None else LEVEL[f.severity]
        if shown_per_level.get(level, 0) >= PER_LEVEL:
            left_out += 1
            continue
        shown_per_level[level] = shown_per_level.get(level, 0) + 1
        others = [
            f"{shown(display_root, c.file)}:{c.line}" for c, _ in f.claims if (c.file, c.line) != (f.file, f.line)
        ]
        msg = f.message + (f" (accepted: {f.accepted})" if f.accepted else "")
        if others:
            msg += "\nAlso: " + ", ".join(others)
        props = f"file={_prop(shown(display_root, f.file))},line={f.line},title={_prop(f'{f.code} {f.name}')}"
        lines.append(f"::{level} {props}::{_data(msg)}")
    s = report.summary()
    lines.append(f"rolegraph: {s['error']} errors, {s['warning']} warnings, {s['info']} info, {s['accepted']} accepted")
    if left_out:
        lines.append(
            f"rolegraph: {left_out} more findings not annotated (GitHub shows {PER_LEVEL} per level and step); "
            "see the step summary"
        )
    if report.compared_with:
        lines.append(
            f"rolegraph: compared with {_data(report.compared_with)}; {report.hidden} known findings not shown"
        )
    if report.resolved:
        lines.append(f"rolegraph: {len(report.resolved)} findings resolved, no longer found")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return printable(" ".join(str(text).split())).replace("|", "\\|").replace("<", "&lt;")


def step_summary(report, corpus, *, display_root: str = "") -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: a table of every reported finding, and what was resolved."""
    s = report.summary()
    out = ["## rolegraph lint", ""]
    what = (
        f" (compared with {_cell(report.compared_with)}; {report.hidden} known findings not shown)"
        if report.compared_with
        else ""
    )
    out.append(f"{s['error']} errors, {s['warning']} warnings, {s['info']} info, {s['accepted']} accepted{what}.")
    out.append("")
    if report.findings:
        out += ["| | severity | rule | where | finding |", "|---|---|---|---|---|"]
        for f in report.findings:
            mark = "new/changed" if f.fingerprint in report.changed else ""
            sev = f"{f.severity} (accepted)" if f.accepted is not None else f.severity
            where = f"`{_cell(shown(display_root, f.file))}:{f.line}`"
            out.append(f"| {mark} | {sev} | {f.code} {f.name} | {where} | {_cell(f.message)} |")
        out.append("")
    if report.resolved:
        out += ["Resolved, no longer found:", ""]
        for e in report.resolved:
            roles = " / ".join(_cell(r) for r in e.get("roles") or [])
            scope = f" [{e['scope']}]" if e.get("scope") else ""
            out.append(f"- {e.get('code')} {roles}{scope}")
        out.append("")
    return "\n".join(out) + "\n"
