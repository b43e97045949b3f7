"""The text format of consensus: ladders, pair tables and notes per size, and ``--explain`` as text.

It imports only ``results``, ``copies`` and ``formats.common``; it must not import the core.
"""

from __future__ import annotations

import math
import textwrap

from ..results import (
    ConsensusResult,
    Explanation,
    rests_on,
)
from .common import (
    _fmt,
    _notes,
    _pair_relation,
    _short,
    _table,
    _tier_text,
    _verdict_sentence,
    _voters,
)


def render_text(result: ConsensusResult) -> str:
    label = result.label
    lines = [
        f"Consensus ladders (min agreement {_fmt(result.min_agreement)}; quotes at or above "
        f"similarity {result.similarity:g} count as copies and vote once)",
        "A tier holds roles judged the same (joined by =) and roles no accepted verdict orders",
        "(joined by ,). Sources: independent voters behind the verdict. Details: --explain A B.",
        rests_on(result) + ".",
    ]
    for name, s in result.sizes.items():
        lines += ["", f"{name}: {s.votes} vote{'s' if s.votes != 1 else ''}"]
        if not s.pairs:
            lines.append("  no claim covers this size")
            continue
        rows = [["tier", "roles (top first)"]]
        rows += [[str(i + 1), _tier_text(s, tier, label)] for i, tier in enumerate(s.ladder)]
        if s.unplaced:
            rows.append(["-", "unplaced: " + ", ".join(label(r) for r in s.unplaced)])
        lines += _table(rows, right={0})
        lines.append("")
        rows = [["role", "verdict", "role", "agreement", "sources", "dissent"]]
        for p in s.pairs:
            rows.append(
                [
                    label(p.roles[0]),
                    _pair_relation(p),
                    label(p.roles[1]),
                    _fmt(p.agreement),
                    str(p.independent_sources),
                    str(len(p.dissent)) if p.dissent else "-",
                ]
            )
        lines += _table(rows, right={3, 4, 5})
        for p in s.pairs:
            if p.dissent:
                head = f"  dissent on {label(p.roles[0])} {p.verdict} {label(p.roles[1])}: "
                lines += textwrap.wrap(
                    head + ", ".join(p.dissent),
                    width=100,
                    subsequent_indent="      ",
                    break_on_hyphens=False,
                    break_long_words=False,
                )
        notes = _notes(s, label)
        contested = s.contested
        if contested:
            notes.append(
                f"{len(contested)} contested pair{'s' if len(contested) != 1 else ''}: agreement "
                f"below {_fmt(result.min_agreement)} or a tie; not used for the ladder"
            )
        if s.top:
            notes.append("top claims: " + ", ".join(f"{label(r)} ({len(refs)})" for r, refs in s.top))
        for n in notes:
            lines += textwrap.wrap(
                f"note: {n}", width=98, initial_indent="  ", subsequent_indent="    ", break_on_hyphens=False
            )
    lines += ["", f"copy groups: {len(result.copy_groups)}"]
    for g in result.copy_groups:
        lines.append(
            f"  {g.id}  {label(g.roles[0])} / {label(g.roles[1])}: {len(g.claims)} claims "
            f"from {len(g.sources)} sources ({', '.join(g.sources)})"
        )
        lines.append(f'    "{" ".join(g.quote.split())}"')
        lines.append(f"    claims: {' '.join(g.claims)}")
    return "\n".join(lines) + "\n"


def render_explain_text(e: Explanation) -> str:
    a, b = e.label(e.role_a), e.label(e.role_b)
    lines = [f"{a} vs {b} (votes relative to {a}; min agreement {_fmt(e.min_agreement)})"]
    for s in e.sizes:
        lines += ["", f"{s.size}: {_verdict_sentence(e, s.verdict)}"]
        if not s.votes:
            continue
        need = "" if s.verdict != "contested" else f" (needs {_fmt(e.min_agreement)} and no tie)"
        plural = "s" if s.independent_sources != 1 else ""
        lines.append(f"  agreement {_fmt(s.agreement)}{need}, {s.independent_sources} independent source{plural}")
        a = e.label(e.role_a)
        tally = [[f"{a} above", _fmt(s.tally["above"]), _voters(s.voters["above"])]]
        tally.append(["same", _fmt(s.tally["same"]), _voters(s.voters["same"])])
        tally.append([f"{a} below", _fmt(s.tally["below"]), _voters(s.voters["below"])])
        tally.append(["total", _fmt(math.fsum(s.tally.values())), ""])
        lines += _table(tally, right={1}, indent="    ")
        lines.append("")
        rows = [["voter", "vote", "weight", "hedge", "scope", "copy group", "claim", "quote"]]
        for v in s.votes:
            weight = _fmt(v.weight) if v.counted else f"({_fmt(v.weight)})"
            rows.append(
                [f"v{v.voter}", v.direction, weight, v.hedge, v.scope, v.copy_group or "-", v.ref, _short(v.quote)]
            )
        lines += _table(rows, right={2})
    lines += [
        "",
        "A voter is a copy group, or the claims of one source voting one way; it casts each",
        "direction once with its highest weight (weights in parentheses are not counted again).",
    ]
    return "\n".join(lines) + "\n"
