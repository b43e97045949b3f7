"""SARIF 2.1.0: the rules with their docs as help, one result per finding.

It imports ``formatters.common``, the rule registry and the version; it must not import the linter,
loader or CLI.
"""

from __future__ import annotations

import json

from .. import __version__
from .common import shown

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _location(display_root: str, file: str, line: int, i: int | None = None, text: str | None = None) -> dict:
    loc: dict = {
        "physicalLocation": {
            "artifactLocation": {"uri": shown(display_root, file)},
            "region": {"startLine": max(line, 1)},
        }
    }
    if i is not None:
        loc = {"id": i, **loc}
    if text:
        loc["message"] = {"text": text}
    return loc


def _fix(display_root: str, fix) -> dict:
    """A SARIF fix: one artifactChange per file, a replacement per edit (columns in code points)."""
    files: dict[str, list] = {}
    for e in fix.edits:
        sl, sc, el, ec = e.region
        files.setdefault(e.file, []).append(
            {
                "deletedRegion": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec},
                "insertedContent": {"text": e.insert},
            }
        )
    return {
        "description": {"text": fix.description},
        "artifactChanges": [
            {"artifactLocation": {"uri": shown(display_root, rel)}, "replacements": reps}
            for rel, reps in sorted(files.items())
        ],
    }


def render(report, corpus, *, display_root: str = "") -> str:
    from ..rules import all_rules

    rules = [r for r in all_rules() if r.code in report.rules]
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for f in report.findings:
        related = [
            _location(
                display_root,
                c.file,
                c.line,
                i,
                f"{c.source_id} [{side or '-'}]: {c.quote or ''}"[:500],
            )
            for i, (c, side) in enumerate(f.claims)
            if (c.file, c.line) != (f.file, f.line)
        ]
        res: dict = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [_location(display_root, f.file, f.line)],
            "partialFingerprints": {"rolegraphFinding/v1": f.fingerprint},
        }
        if related:
            res["relatedLocations"] = related
        if f.fix is not None:
            res["fixes"] = [_fix(display_root, f.fix)]
        if f.accepted is not None:
            res["suppressions"] = [{"kind": "inSource", "justification": f.accepted}]
        results.append(res)
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "rolegraph",
                        "version": __version__,
                        "informationUri": "https://w3id.org/rolegraph",
                        "rules": [
                            {
                                "id": r.code,
                                "name": r.name,
                                "shortDescription": {"text": r.summary},
                                "fullDescription": {"text": r.doc.split("\n")[0]},
                                "help": {"text": r.doc},
                                "defaultConfiguration": {"level": LEVEL[r.severity]},
                            }
                            for r in rules
                        ],
                    }
                },
                "results": results,
                **({"columnKind": "unicodeCodePoints"} if any(f.fix for f in report.findings) else {}),
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
