"""GitHub Actions workflow commands, one annotation per finding.

It imports only ``formatters.common``; it must not import the linter, loader or CLI.
"""

from __future__ import annotations

from .common import printable, shown

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(s)


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(report, corpus, *, display_root: str = "") -> str:
    lines = []
    for f in report.findings:
        level = "notice" if f.accepted is not None else LEVEL[f.severity]
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
    return "\n".join(lines) + "\n"
