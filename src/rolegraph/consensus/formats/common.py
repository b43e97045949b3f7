"""Layout shared by the consensus output formats: numbers, tiers, relations, notes, aligned tables,
and the wording of explanations.

It imports only :mod:`rolegraph.consensus.results` and ``copies``; it must not import the core or a format module.
"""

from __future__ import annotations

import math

from ..copies import UnionFind
from ..results import (
    Explanation,
    PairVerdict,
    SizeResult,
)


def _fmt(x: float) -> str:
    return f"{x:.2f}"


def _tier_groups(s: SizeResult, tier: tuple[str, ...]) -> list[list[str]]:
    """The roles of a tier split into groups judged the same (verdict-connected)."""
    idx = {r: i for i, r in enumerate(tier)}
    uf = UnionFind(len(tier))
    for p in s.pairs:
        if p.verdict == "same" and p.roles[0] in idx and p.roles[1] in idx:
            uf.union(idx[p.roles[0]], idx[p.roles[1]])
    groups: dict[int, list[str]] = {}
    for r in tier:
        groups.setdefault(uf.find(idx[r]), []).append(r)
    return [groups[k] for k in sorted(groups)]


def _tier_text(s: SizeResult, tier: tuple[str, ...], label) -> str:
    in_cycle = {r for c in s.cycles for r in c}
    parts = []
    for g in _tier_groups(s, tier):
        text = " = ".join(label(r) for r in g)
        if any(r in in_cycle for r in g):
            text += " (cycle)"
        parts.append(text)
    return ", ".join(parts)


def _pair_relation(p: PairVerdict) -> str:
    if p.verdict == "contested":
        return "contested" + (f" (leans {p.leaning})" if p.leaning else " (tie)")
    return p.verdict


def _notes(s: SizeResult, label) -> list[str]:
    notes = []
    for c in s.cycles:
        members = set(c)
        edges = [
            f"{label(p.roles[0])} > {label(p.roles[1])}"
            for p in s.pairs
            if p.verdict == "above" and p.roles[0] in members and p.roles[1] in members
        ]
        notes.append(
            f"cycle: majority verdicts {'; '.join(edges)} go round; {', '.join(label(r) for r in c)} are not ordered"
        )
    return notes


def _table(rows: list[list[str]], right: set[int] = frozenset(), indent: str = "  ") -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        out.append((indent + "  ".join(cells)).rstrip())
    return out


def _verdict_sentence(e: Explanation, verdict: str) -> str:
    a, b = e.label(e.role_a), e.label(e.role_b)
    return {
        "above": f"{a} is above {b}",
        "below": f"{a} is below {b}",
        "same": f"{a} and {b} are the same level",
        "contested": "contested",
        "none": "no claim covers this size",
    }[verdict]


def _voters(n: int) -> str:
    return f"{n} voter{'s' if n != 1 else ''}"


def _explain_tally(e: Explanation, s) -> str:
    a = e.label(e.role_a)
    parts = [
        f"{name} {_fmt(s.tally[d])} ({s.voters[d]} voter{'s' if s.voters[d] != 1 else ''})"
        for d, name in (("above", f"{a} above"), ("same", "same"), ("below", f"{a} below"))
    ]
    total = math.fsum(s.tally.values())
    return "; ".join(parts) + f"; total {_fmt(total)}"


def _short(q: str, width: int = 80) -> str:
    q = " ".join(q.split())
    return '"' + (q if len(q) <= width else q[: width - 3] + "...") + '"'
