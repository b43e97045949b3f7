"""Text edits that fix findings: what a fix is, applying fixes to text, and showing them as a diff.

A :class:`Fix` is a description and edits, each replacing a span of characters of one corpus
file. Applying never touches a character outside the spans; overlapping edits are refused (the
later one is dropped, so every fix is applied whole or not at all). Pure text functions: it must
not import the loader, the rules or anything that reads or writes files.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` of ``file`` (corpus-relative, in characters) by ``insert``."""

    file: str
    start: int
    end: int
    insert: str
    region: tuple[int, int, int, int] = (0, 0, 0, 0)  # 1-based start line, column, end line, column


@dataclass(frozen=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]


def position(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of a character index; columns count characters (code points)."""
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def apply(text: str, fixes: Iterable[Fix], file: str) -> tuple[str, list[Fix]]:
    """``text`` with every fix to ``file`` applied, and the fixes applied; a fix whose edits
    overlap an earlier fix's is skipped whole."""
    taken: list[tuple[int, int]] = []
    applied: list[Fix] = []
    edits: list[Edit] = []
    for fix in fixes:
        mine = [e for e in fix.edits if e.file == file]
        if not mine or any(e.start < b and a < e.end or e.start == e.end == a for e in mine for a, b in taken):
            continue
        taken += [(e.start, e.end) for e in mine]
        edits += mine
        applied.append(fix)
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: e.start] + e.insert + text[e.end :]
    return text, applied


def unified(before: str, after: str, file: str) -> str:
    """A unified diff of one file, ``a/FILE`` to ``b/FILE``, as ``git diff`` shows it."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{file}",
        tofile=f"b/{file}",
    )
    out = []
    for ln in lines:
        out.append(ln if ln.endswith("\n") else ln + "\n\\ No newline at end of file\n")
    return "".join(out)
