"""The csv format of consensus: one row per tier member, pair and copy group, and ``--explain`` rows.

Every text cell that a spreadsheet would read as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return: role labels, quotes and ids come from untrusted files) is written with a leading
``'``, as OWASP advises against CSV injection; numbers are written as they are.
It imports only ``results``, ``copies`` and ``formats.common``; it must not import the core.
"""

from __future__ import annotations

import csv
import io

from ..results import (
    ConsensusResult,
    Explanation,
)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A cell a spreadsheet shows as text: a text starting like a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _Writer:
    """``csv.writer`` whose rows are made safe with :func:`cell`."""

    def __init__(self, buf: io.StringIO) -> None:
        self._w = csv.writer(buf, lineterminator="\n")

    def writerow(self, row: list) -> None:
        self._w.writerow([cell(v) for v in row])


CSV_COLUMNS = (
    "size",
    "record",
    "tier",
    "role",
    "relation",
    "other_role",
    "agreement",
    "independent_sources",
    "claims",
    "dissent",
)


def render_csv(result: ConsensusResult) -> str:
    """Long-format CSV: ``tier``, ``unplaced``, ``cycle``, ``pair`` and ``copy_group`` rows."""
    label = result.label
    buf = io.StringIO()
    w = _Writer(buf)
    w.writerow(CSV_COLUMNS)
    for name, s in result.sizes.items():
        for i, tier in enumerate(s.ladder):
            for r in tier:
                w.writerow([name, "tier", i + 1, label(r), "", "", "", "", "", ""])
        for r in s.unplaced:
            w.writerow([name, "unplaced", "", label(r), "", "", "", "", "", ""])
        for c in s.cycles:
            w.writerow([name, "cycle", "", "; ".join(label(r) for r in c), "", "", "", "", "", ""])
        for p in s.pairs:
            w.writerow(
                [
                    name,
                    "pair",
                    "",
                    label(p.roles[0]),
                    p.verdict,
                    label(p.roles[1]),
                    f"{p.agreement:.4f}",
                    p.independent_sources,
                    " ".join(p.claims),
                    " ".join(p.dissent),
                ]
            )
    for g in result.copy_groups:
        w.writerow(
            [
                "",
                "copy_group",
                "",
                label(g.roles[0]),
                g.id,
                label(g.roles[1]),
                "",
                len(g.sources),
                " ".join(g.claims),
                "",
            ]
        )
    return buf.getvalue()


def render_explain_csv(e: Explanation) -> str:
    buf = io.StringIO()
    w = _Writer(buf)
    w.writerow(
        [
            "size",
            "verdict",
            "agreement",
            "independent_sources",
            "voter",
            "vote",
            "weight",
            "counted",
            "hedge",
            "scope",
            "copy_group",
            "claim",
            "source",
            "quote",
        ]
    )
    for s in e.sizes:
        for v in s.votes:
            w.writerow(
                [
                    s.size,
                    s.verdict,
                    f"{s.agreement:.4f}",
                    s.independent_sources,
                    v.voter,
                    v.direction,
                    v.weight,
                    "yes" if v.counted else "no",
                    v.hedge,
                    v.scope,
                    v.copy_group or "",
                    v.ref,
                    v.source,
                    v.quote,
                ]
            )
    return buf.getvalue()
