"""Baselines: today's findings written down, so CI fails only on findings added after them.

Holds :func:`make_baseline` (a lint report -> the baseline file's text: JSON, one finding per
line, sorted, each with fingerprint, code, roles, scope and message, so a diff of the file reads
well), :func:`entry` (a finding as plain data, shared with :mod:`rolegraph.changes`),
:func:`read_baseline` (one-line errors naming the file and line) and :func:`apply_baseline`
(keep the findings whose fingerprint the baseline lacks; list the entries that no longer occur,
so the file can be pruned). It must not import the CLI, the formatters or
:mod:`rolegraph.changes` (which imports this module).
"""

from __future__ import annotations

import json
import os

from .errors import InputError, Problem
from .findings import Finding
from .linter import LintReport
from .model import Corpus, format_sizes

FORMAT = "rolegraph-baseline/1"
KEYS = ("fingerprint", "code", "roles", "scope", "message")
RESOLVED_KEYS = ("fingerprint", "code", "severity", "roles", "scope", "message", "file", "line")


def entry(f: Finding, corpus: Corpus) -> dict:
    """A finding as plain data: what baselines store and ``resolved`` lists."""
    return {
        "fingerprint": f.fingerprint,
        "code": f.code,
        "severity": f.severity,
        "roles": [corpus.vocabulary.label(r) for r in f.roles],
        "scope": format_sizes(f.sizes) if f.sizes else None,
        "message": f.message,
        "file": f.file,
        "line": f.line,
    }


def baseline_entries(report: LintReport, corpus: Corpus) -> list[dict]:
    out = [{k: entry(f, corpus)[k] for k in KEYS} for f in report.findings]
    return sorted(out, key=lambda e: (e["code"], e["roles"], e["scope"] or "", e["fingerprint"]))


def make_baseline(report: LintReport, corpus: Corpus) -> str:
    """The baseline file's text (byte-identical for the same findings)."""
    lines = [json.dumps(e, ensure_ascii=False, separators=(", ", ": ")) for e in baseline_entries(report, corpus)]
    body = ",\n".join(lines)
    return (
        f'{{"format": "{FORMAT}", "findings": [\n{body}\n]}}\n'
        if lines
        else f'{{"format": "{FORMAT}", "findings": []}}\n'
    )


def baseline(corpus: Corpus) -> str:
    """Lint ``corpus`` with its settings and return the baseline file's text."""
    from .linter import lint

    return make_baseline(lint(corpus), corpus)


def read_baseline(path: str | os.PathLike[str]) -> list[dict]:
    """The entries of a baseline file; InputError (one line, file:line) when it is not one."""
    from .corpus.files import read_input

    name = os.fspath(path)
    fix = f"recreate it with: rolegraph baseline -o {name}"
    try:
        raw = read_input(name, 64 * 1024 * 1024, name)
    except InputError as e:
        p = e.problems[0]
        raise InputError(
            Problem(p.file, p.line, f"{p.message}; create it with: rolegraph baseline -o {name}")
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(Problem(name, 0, f"is not UTF-8 text; {fix}")) from None
    except json.JSONDecodeError as e:
        raise InputError(Problem(name, e.lineno, f"is not JSON ({e.msg}); {fix}")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
        raise InputError(Problem(name, 1, f'is not a rolegraph baseline (no "format": "{FORMAT}"); {fix}'))
    for i, e in enumerate(data["findings"]):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not isinstance(e.get("code"), str):
            raise InputError(Problem(name, i + 2, f"entry {i + 1} lacks a fingerprint or code; {fix}"))
    return data["findings"]


def apply_baseline(report: LintReport, entries: list[dict], *, label: str = "the baseline") -> LintReport:
    """Keep only findings not in the baseline; ``resolved`` gets the entries that no longer occur."""
    known = {e["fingerprint"] for e in entries}
    now = {f.fingerprint for f in report.findings}
    kept = [f for f in report.findings if f.fingerprint not in known]
    report.hidden += len(report.findings) - len(kept)
    report.findings = kept
    stale = [{k: e.get(k) for k in KEYS} for e in entries if e["fingerprint"] not in now]
    seen = {e["fingerprint"] for e in report.resolved or []}
    report.resolved = (report.resolved or []) + [e for e in stale if e["fingerprint"] not in seen]
    report.compared_with = f"{report.compared_with} and {label}" if report.compared_with else label
    return report
