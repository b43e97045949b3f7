"""Machine-readable report: ``{"summary": {...}, "findings": [...]}``.

It imports only ``formatters.common``; it must not import the linter, loader or CLI.
"""

from __future__ import annotations

import json

from .common import finding_dict


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
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
