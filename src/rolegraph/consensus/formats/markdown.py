"""The markdown format of consensus: one section per size with tier and pair tables, and ``--explain``.

It imports only ``results``, ``copies`` and ``formats.common``; it must not import the core.
"""

from __future__ import annotations

from ..results import (
    ConsensusResult,
    Explanation,
    rests_on,
)
from .common import (
    _explain_tally,
    _fmt,
    _notes,
    _pair_relation,
    _tier_text,
    _verdict_sentence,
)


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown(result: ConsensusResult) -> str:
    label = result.label
    out = [
        "# Consensus ladders",
        "",
        f"Minimum agreement {_fmt(result.min_agreement)}. Quotes that are the same text, or at "
        f"least {result.similarity:g}% similar, across sources form a copy group that votes once.",
        "",
        rests_on(result) + ".",
    ]
    for name, s in result.sizes.items():
        out += ["", f"## {name}", ""]
        if not s.pairs:
            out.append("No claim covers this size.")
            continue
        out += ["| Tier | Roles |", "|---:|---|"]
        out += [f"| {i + 1} | {_md(_tier_text(s, tier, label))} |" for i, tier in enumerate(s.ladder)]
        if s.unplaced:
            out += ["", "Unplaced (no accepted verdict): " + _md(", ".join(label(r) for r in s.unplaced)) + "."]
        out += [
            "",
            "| Role | Verdict | Role | Agreement | Independent sources | Dissent |",
            "|---|---|---|---:|---:|---|",
        ]
        for p in s.pairs:
            dissent = ", ".join(f"`{r}`" for r in p.dissent) if p.dissent else "-"
            out.append(
                f"| {_md(label(p.roles[0]))} | {_pair_relation(p)} | {_md(label(p.roles[1]))} | "
                f"{_fmt(p.agreement)} | {p.independent_sources} | {_md(dissent)} |"
            )
        notes = _notes(s, label)
        if s.top:
            notes.append("Top claims: " + ", ".join(f"{label(r)} ({len(refs)})" for r, refs in s.top) + ".")
        if notes:
            out.append("")
            out += [f"- {_md(n)}" for n in notes]
    out += ["", "## Copy groups", ""]
    if not result.copy_groups:
        out.append("None.")
    else:
        out += ["| Group | Roles | Quote | Claims | Sources |", "|---|---|---|---|---|"]
        for g in result.copy_groups:
            quote = " ".join(g.quote.split())
            out.append(
                f"| `{g.id}` | {_md(label(g.roles[0]))} / {_md(label(g.roles[1]))} | {_md(quote)} | "
                f"{_md(', '.join(g.claims))} | {_md(', '.join(g.sources))} |"
            )
    return "\n".join(out) + "\n"


def render_explain_markdown(e: Explanation) -> str:
    a, b = e.label(e.role_a), e.label(e.role_b)
    out = [f"# {_md(a)} vs {_md(b)}", "", f"Votes relative to {_md(a)}; minimum agreement {_fmt(e.min_agreement)}."]
    for s in e.sizes:
        out += ["", f"## {s.size}: {_md(_verdict_sentence(e, s.verdict))}"]
        if not s.votes:
            continue
        out += [
            "",
            f"Agreement {_fmt(s.agreement)}, {s.independent_sources} independent sources; {_md(_explain_tally(e, s))}.",
            "",
            "| Voter | Vote | Weight | Counted | Hedge | Scope | Copy group | Claim | Quote |",
            "|---|---|---:|---|---|---|---|---|---|",
        ]
        for v in s.votes:
            out.append(
                f"| v{v.voter} | {v.direction} | {_fmt(v.weight)} | {'yes' if v.counted else 'no'} | {v.hedge} | "
                f"{v.scope} | {v.copy_group or '-'} | `{_md(v.ref)}` | {_md(' '.join(v.quote.split()))} |"
            )
    return "\n".join(out) + "\n"
