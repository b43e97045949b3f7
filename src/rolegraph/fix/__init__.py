"""Safe automatic fixes for lint findings (``rolegraph lint --fix`` and ``--diff``).

``plan.attach`` gives fixable findings a :class:`~.edits.Fix`; ``apply_fixes`` writes them, each
changed claims file atomically, or returns the unified diff without writing. Submodules:
``textmatch`` (near-verbatim quotes, hints), ``yamlspans`` (value spans of a claims file),
``edits`` (what a fix is, applying and diffing), ``plan`` (which findings are fixable and how).
This package may import the corpus loader, model, findings, linter and ``formatters.common`` (paths
as the user named them); it must not import the CLI or consensus.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding
from ..model import Corpus
from .edits import Edit, Fix, apply, unified
from .plan import FIXABLE, attach, read_claims_text


@dataclass
class FixResult:
    """What applying fixes did (or, with ``write=False``, would do)."""

    fixed: list[Finding]  # findings whose fix was applied
    files: list[str]  # corpus-relative files changed
    diff: str  # unified diff of every change


def apply_fixes(corpus: Corpus, findings: list[Finding], *, write: bool = True, display_root: str = "") -> FixResult:
    """Apply the fixes attached to ``findings`` (see :func:`plan.attach`); each changed claims
    file is written atomically and only the fixed spans change. ``write=False``: diff only.
    The diff names files as ``display_root`` joined with their corpus path (``git apply`` ready)."""
    from ..atomic import write_atomic
    from ..formatters.common import shown

    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        if getattr(f, "fix", None) is not None:
            for e in f.fix.edits:
                by_file.setdefault(e.file, [])
                if f not in by_file[e.file]:
                    by_file[e.file].append(f)
    fixed: list[Finding] = []
    files: list[str] = []
    diffs: list[str] = []
    for rel in sorted(by_file):
        got = read_claims_text(corpus, rel)
        if got is None:
            continue
        text, bom = got
        full = "\ufeff" * bom + text
        new, applied = apply(full, [f.fix for f in by_file[rel]], rel)
        if new == full:
            continue
        done = [f for f in by_file[rel] if f.fix in applied]
        fixed += [f for f in done if f not in fixed]
        files.append(rel)
        # a relative corpus path lets `git apply` run from where the user is; an absolute one cannot
        diffs.append(unified(full, new, rel if os.path.isabs(display_root) else shown(display_root, rel)))
        if write:
            write_atomic(Path(corpus.root) / rel, new.encode("utf-8"))
    return FixResult(fixed, files, "".join(diffs))


def fix_corpus(path, *, write: bool = True, cache: bool = False, display_root: str = "", **lint_options):
    """Lint the corpus at ``path``, apply every safe fix (``write=False``: only diff them), and
    lint again. Returns ``(FixResult, LintReport)``, the report of what is left after the fixes
    (with ``write=False``, of the corpus as it is). Refuses the bundled corpus, which is read-only."""
    from ..corpus import load_corpus
    from ..errors import UsageError
    from ..linter import lint

    corpus = load_corpus(path, cache=cache)
    if corpus.bundled and write:
        raise UsageError("the bundled corpus is read-only; copy it first: rolegraph init DIR --example")
    report = lint(corpus, **lint_options)
    result = apply_fixes(corpus, report.findings, write=write, display_root=display_root)
    if write and result.files:
        report = lint(load_corpus(path, cache=cache), **lint_options)
    return result, report


__all__ = ["FIXABLE", "Edit", "Fix", "FixResult", "apply_fixes", "attach", "fix_corpus"]
