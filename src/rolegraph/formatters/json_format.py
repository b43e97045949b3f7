"""Machine-readable report: ``{"summary": {...}, "findings": [...]}``.

It imports only ``formatters.common``; it must not import the linter, loader or CLI.
"""

from __future__ import annotations

import json

from .common import finding_dict, shown


def render(report, corpus, *, display_root: str = "") -> str:
    data = {
        "summary": {
            **report.summary(),
            "engine": report.engine,
            "fail_on": report.fail_on,
            "failed": report.failed,
        },
        "findings": [finding_dict(f, corpus, display_root) for f in report.findings],
    }
    if report.compared_with:  # filtered by --changed-since or --baseline
        data["summary"]["compared_with"] = report.compared_with
        data["summary"]["not_shown"] = report.hidden
        data["resolved"] = [
            {**e, "file": shown(display_root, e["file"])} if e.get("file") else e for e in report.resolved or []
        ]
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
