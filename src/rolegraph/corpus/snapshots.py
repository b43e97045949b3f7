"""Snapshots: reading a source's snapshot file, its sha256, and locating each claim's quote in it.

Holds :func:`read_snapshot`, :func:`find_quote`, :func:`attach_snapshot` and :func:`finish_source`
(snapshot read + checksum + quotes for one parsed source). It imports only ``errors``, ``model``,
``yamlsafe`` and :mod:`rolegraph.corpus.files`; it must not import the parser, vocabulary, settings,
cache, pool or the orchestrator.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from ..errors import InputError, Problem
from ..model import Source
from ..yamlsafe import short
from .files import (
    MAX_QUOTE_SEARCH,
    MAX_SNAPSHOT_BYTES,
    MAX_SNAPSHOT_BYTES_PER_LOAD,
    Budget,
    locate,
    plain_file,
    read_input,
)

QUOTE_CONTEXT = 32  # characters of prefix and suffix kept with each quote


def find_quote(text: str, quote: str, occurrence: int, found: dict[str, list[int]], budget: Budget) -> int | None:
    """Offset of the ``occurrence``-th ``quote`` in ``text``, or None.

    ``found`` remembers the offsets seen per quote (-1 at the end: no more), so repeated quotes
    cost nothing; every character scanned is charged to ``budget``.
    """
    seen = found.setdefault(quote, [])
    while len(seen) < occurrence and (not seen or seen[-1] >= 0):
        start = seen[-1] + 1 if seen else 0
        pos = text.find(quote, start)
        budget.quote_search -= (pos + len(quote) if pos >= 0 else len(text)) - start
        if budget.quote_search < 0:
            raise _OverBudget
        seen.append(pos)
    return seen[occurrence - 1] if len(seen) >= occurrence and seen[occurrence - 1] >= 0 else None


class _OverBudget(Exception):
    pass


def attach_snapshot(root: Path, source: Source, text: str | None, budget: Budget | None = None) -> None:
    """Record each claim's quote offsets and context (None when not found).

    Raises :class:`InputError` when the search would exceed the budget of the load.
    """
    budget = budget or Budget()
    found: dict[str, list[int]] = {}
    for c in source.claims:
        c.start = c.end = None
        c.prefix = c.suffix = ""
        if text is None or not c.quote:
            continue
        try:
            pos = find_quote(text, c.quote, c.occurrence, found, budget)
        except _OverBudget:
            raise InputError(
                Problem(
                    c.file,
                    c.line_of("quote"),
                    f"searching the snapshots for quotes went over the limit of {MAX_QUOTE_SEARCH} "
                    "characters per run; use shorter snapshots or fewer claims per snapshot",
                )
            ) from None
        if pos is not None:
            c.start, c.end = pos, pos + len(c.quote)
            c.prefix = text[max(0, pos - QUOTE_CONTEXT) : pos]
            c.suffix = text[c.end : c.end + QUOTE_CONTEXT]


def read_snapshot(
    root: Path, source: Source, problems: list[Problem], budget: Budget | None = None
) -> tuple[bytes | None, str | None]:
    """The snapshot's bytes and text; (None, None) when it is missing (rule RG006 reports
    that) or refused (a problem is added)."""
    if source.snapshot is None:
        return None, None
    budget = budget or Budget()
    line = source.line_of("snapshot")
    shown = short(source.snapshot)
    plain = plain_file(root, source.snapshot, budget)
    path, why = (plain, "") if plain is not None else locate(root, source.snapshot)
    if path is None:
        problems.append(Problem(source.file, line, f"snapshot path '{shown}' {why}; keep snapshots under sources/"))
        return None, None
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return None, None  # reported by rule RG006 (snapshot-missing)
    except OSError as e:
        problems.append(Problem(source.file, line, f"snapshot '{shown}' cannot be read: {e.strerror or e}"))
        return None, None
    if size > budget.snapshot_bytes:
        problems.append(
            Problem(
                source.file,
                line,
                f"snapshot '{shown}': the snapshots read in one run went over the limit of "
                f"{MAX_SNAPSHOT_BYTES_PER_LOAD} bytes; split the corpus",
            )
        )
        return None, None
    try:
        data = read_input(path, MAX_SNAPSHOT_BYTES, source.file, line=line)
    except InputError as e:
        problems.extend(Problem(p.file, p.line, f"snapshot '{shown}' {p.message}") for p in e.problems)
        return None, None
    budget.snapshot_bytes -= len(data)
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad_line = len(re.findall(rb"\r\n|\r|\n", data[: e.start])) + 1
        rel = Path(path).relative_to(root.resolve()).as_posix()
        problems.append(
            Problem(rel, bad_line, f"not UTF-8 text (byte {e.start}; the snapshot of {source.file}); save it as UTF-8")
        )
        return None, None


def finish_source(root: Path, source: Source, problems: list[Problem], budget: Budget) -> Source | None:
    """Read a parsed source's snapshot, record its checksum and locate the quotes."""
    before = len(problems)
    snap, snap_text = read_snapshot(root, source, problems, budget)
    source.actual_sha256 = hashlib.sha256(snap).hexdigest() if snap is not None else None
    try:
        attach_snapshot(root, source, snap_text, budget)
    except InputError as e:
        problems.extend(e.problems)
    return source if len(problems) == before else None
