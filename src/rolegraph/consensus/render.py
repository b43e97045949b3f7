"""Renderers of consensus results and explanations: text, markdown, json, csv, dot and svg.

Every renderer is deterministic: the same result gives byte-identical output.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import textwrap

from ..errors import UsageError
from .copies import UnionFind
from .core import DIRECTIONS, ConsensusResult, Explanation, PairVerdict, SizeResult

FORMATS: tuple[str, ...] = ("text", "markdown", "json", "csv", "dot", "svg")
EXPLAIN_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "csv")
GRAPHVIZ_MISSING = (
    "the Graphviz 'dot' program is needed for svg output; install it (Debian/Ubuntu: "
    "apt-get install graphviz) or use --format dot"
)
BINDING_MISSING = (
    "the Python package 'graphviz' is needed for dot and svg output; install it with: pip install 'rolegraph[graph]'"
)


def _num(x: float) -> float:
    """A number for JSON: 4 decimals, integers without a fraction noise."""
    return round(x, 4) + 0.0


def _fmt(x: float) -> str:
    return f"{x:.2f}"


# ----------------------------------------------------------------------------- plain data


def pair_dict(p: PairVerdict, label) -> dict:
    """One pair as JSON data (role labels, claim refs)."""
    d: dict = {}
    if p.verdict == "above":
        d["higher"], d["lower"] = label(p.roles[0]), label(p.roles[1])
    else:
        d["roles"] = [label(p.roles[0]), label(p.roles[1])]
    d["verdict"] = p.verdict
    if p.verdict == "contested":
        d["leaning"] = p.leaning
    d["agreement"] = _num(p.agreement)
    d["independent_sources"] = p.independent_sources
    d["tally"] = {k: _num(p.tally[k]) for k in DIRECTIONS}
    d["voters"] = {k: p.voters[k] for k in DIRECTIONS}
    d["claims"] = list(p.claims)
    d["dissent"] = list(p.dissent)
    return d


def size_dict(s: SizeResult, label) -> dict:
    return {
        "ladder": [[label(r) for r in tier] for tier in s.ladder],
        "unplaced": [label(r) for r in s.unplaced],
        "cycles": [[label(r) for r in c] for c in s.cycles],
        "votes": s.votes,
        "pairs": [pair_dict(p, label) for p in s.pairs],
        "top": [{"role": label(r), "claims": list(refs)} for r, refs in s.top],
    }


def dumps_records(value: object, indent: str = "") -> str:
    """JSON laid out like ``indent=2`` down to records, with each record (a dict in a list:
    a pair, a copy group, a vote) on one line, so a diff shows one changed record per line.
    The records go through the C encoder, which ``indent=`` would turn off (at 100k claims
    this is 0.4 s instead of 4 s)."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{_compact(k)}: {dumps_records(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return "[\n" + ",\n".join(inner + _compact(v) for v in value) + "\n" + indent + "]"
    return _compact(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))  # built once: json.dumps
_compact = _ENCODER.encode  # with options builds a new encoder on every call


def result_dict(result: ConsensusResult) -> dict:
    """The JSON document of a consensus result."""
    label = result.label
    return {
        "settings": {
            "min_agreement": result.min_agreement,
            "similarity": result.similarity,
            "weights": {k: result.weights[k] for k in sorted(result.weights)},
        },
        "claims": result.claims,
        "sources": result.sources,
        "sizes": {name: size_dict(s, label) for name, s in result.sizes.items()},
        "copy_groups": [
            {
                "id": g.id,
                "roles": [label(g.roles[0]), label(g.roles[1])],
                "quote": g.quote,
                "claims": list(g.claims),
                "sources": list(g.sources),
            }
            for g in result.copy_groups
        ],
        "left_out": [x.to_dict() for x in result.left_out],  # last: what the result does not rest on
    }


def rests_on(result: ConsensusResult) -> str:
    """``Rests on 36 claims from 5 sources``: what every ladder output says it is made of."""
    n, m = result.claims, result.sources
    return f"Rests on {n} claim{'s' if n != 1 else ''} from {m} source{'s' if m != 1 else ''}"


# ----------------------------------------------------------------------------- shared layout


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


# ----------------------------------------------------------------------------- text


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


# ----------------------------------------------------------------------------- markdown


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


# ----------------------------------------------------------------------------- csv

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
    w = csv.writer(buf, lineterminator="\n")
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


# ----------------------------------------------------------------------------- dot and svg


def _reduced_above(s: SizeResult) -> list[PairVerdict]:
    """Accepted above verdicts not implied by a longer chain of above/same verdicts."""
    succ: dict[str, set[str]] = {}
    same: dict[str, set[str]] = {}
    for p in s.pairs:
        if p.verdict == "above":
            succ.setdefault(p.roles[0], set()).add(p.roles[1])
        elif p.verdict == "same":
            same.setdefault(p.roles[0], set()).add(p.roles[1])
            same.setdefault(p.roles[1], set()).add(p.roles[0])

    def reachable(start: str, goal: str, skip: tuple[str, str]) -> bool:
        # a path start -> ... -> goal with at least one above step, not using the edge skip
        seen = {(start, False)}
        todo = [(start, False)]
        while todo:
            node, stepped = todo.pop()
            if node == goal and stepped:
                return True
            nxt = [(m, True) for m in succ.get(node, ()) if (node, m) != skip]
            nxt += [(m, stepped) for m in same.get(node, ())]
            for item in nxt:
                if item not in seen:
                    seen.add(item)
                    todo.append(item)
        return False

    in_cycle = {r for c in s.cycles for r in c}
    keep = []
    for p in s.pairs:
        if p.verdict != "above":
            continue
        h, low = p.roles
        if h in in_cycle and low in in_cycle or not reachable(h, low, (h, low)):
            keep.append(p)
    return keep


def render_dot(result: ConsensusResult) -> str:
    """The ladders as a Graphviz digraph: one column per size, top tier first."""
    try:
        import graphviz
    except ImportError:
        raise UsageError(BINDING_MISSING) from None
    label = result.label
    esc = graphviz.escape
    g = graphviz.Digraph("consensus")
    g.attr("graph", rankdir="TB", newrank="true", nodesep="0.25", ranksep="0.45", fontname="Helvetica")
    g.attr(
        "graph",
        label=esc(
            f"Consensus ladders (min agreement {_fmt(result.min_agreement)}); "
            f"edge labels: agreement (independent sources); {rests_on(result).lower()}"
        ),
        labelloc="t",
        fontsize="12",
    )
    g.attr("node", shape="box", style="rounded,filled", fillcolor="white", fontname="Helvetica", fontsize="10")
    g.attr("edge", fontname="Helvetica", fontsize="9")
    headers = [f"size_{name}" for name in result.sizes]
    role_no = {iri: k for k, iri in enumerate(sorted(result.labels, key=lambda i: (label(i).casefold(), i)))}
    for name, s in result.sizes.items():
        nid = {r: f"{name}_r{role_no[r]}" for tier in s.ladder for r in tier}
        nid.update({r: f"{name}_r{role_no[r]}" for r in s.unplaced})
        in_cycle = {r for c in s.cycles for r in c}
        with g.subgraph(name=f"cluster_{name}") as c:
            c.attr(label=esc(name), style="rounded", color="gray80", fontsize="12")
            c.node(f"size_{name}", label="", shape="point", style="invis", width="0", height="0")
            for tier in s.ladder:
                with c.subgraph() as t:
                    t.attr(rank="same")
                    for r in tier:
                        color = {"color": "red"} if r in in_cycle else {}
                        t.node(nid[r], label=esc(label(r)), **color)
            for r in s.unplaced:
                c.node(nid[r], label=esc(label(r)), style="rounded,dashed", fontcolor="gray30")
            header = f"size_{name}"
            for r in s.ladder[0] if s.ladder else ():
                g.edge(header, nid[r], style="invis")
            last = s.ladder[-1] if s.ladder else ()
            for r in s.unplaced:
                for up in last[:1]:
                    g.edge(nid[up], nid[r], style="invis")
                if not last:
                    g.edge(header, nid[r], style="invis")
            for p in _reduced_above(s):
                hot = p.roles[0] in in_cycle and p.roles[1] in in_cycle
                c.edge(
                    nid[p.roles[0]],
                    nid[p.roles[1]],
                    label=esc(f"{_fmt(p.agreement)} ({p.independent_sources})"),
                    **({"color": "red", "fontcolor": "red"} if hot else {}),
                )
            for p in s.pairs:
                if p.verdict == "same":
                    c.edge(
                        nid[p.roles[0]],
                        nid[p.roles[1]],
                        label=esc(f"= {_fmt(p.agreement)} ({p.independent_sources})"),
                        dir="none",
                        style="dotted",
                        constraint="false",
                    )
                elif p.verdict == "contested":
                    c.edge(
                        nid[p.roles[0]],
                        nid[p.roles[1]],
                        label=esc(f"? {_fmt(p.agreement)}"),
                        dir="none",
                        style="dashed",
                        color="orange3",
                        fontcolor="orange3",
                        constraint="false",
                    )
    with g.subgraph() as top:  # the size columns side by side, in size order
        top.attr(rank="same")
        for h in headers:
            top.node(h)
    for a, b in zip(headers, headers[1:], strict=False):
        g.edge(a, b, style="invis")
    return g.source


_VERSION_COMMENT = re.compile(rb"<!-- Generated by graphviz version [^>]*-->\n")


def render_svg(result: ConsensusResult) -> bytes:
    """The dot picture laid out by Graphviz ``dot`` as SVG (version comment dropped)."""
    source = render_dot(result)
    import graphviz

    try:
        svg = graphviz.Source(source).pipe(format="svg")
    except graphviz.ExecutableNotFound:
        raise UsageError(GRAPHVIZ_MISSING) from None
    return _VERSION_COMMENT.sub(b"", svg)


# ----------------------------------------------------------------------------- dispatch


def render(result: ConsensusResult, corpus: object | None = None, fmt: str = "text") -> str | bytes:
    """Render a consensus result as ``text``, ``markdown``, ``json``, ``csv``, ``dot`` or ``svg``
    (bytes for svg). ``corpus`` is accepted for symmetry with the other renderers; the result
    carries the role labels it needs."""
    if fmt == "text":
        return render_text(result)
    if fmt == "markdown":
        return render_markdown(result)
    if fmt == "json":
        from ..gc_pause import paused_gc

        with paused_gc():
            data = result_dict(result)
        return dumps_records(data) + "\n"
    if fmt == "csv":
        return render_csv(result)
    if fmt == "dot":
        return render_dot(result)
    if fmt == "svg":
        return render_svg(result)
    raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


# ----------------------------------------------------------------------------- explanations


def explanation_dict(e: Explanation) -> dict:
    label = e.label
    return {
        "roles": [label(e.role_a), label(e.role_b)],
        "min_agreement": e.min_agreement,
        "sizes": {
            s.size: {
                "verdict": s.verdict,
                "agreement": _num(s.agreement),
                "independent_sources": s.independent_sources,
                "tally": {k: _num(s.tally[k]) for k in DIRECTIONS},
                "voters": {k: s.voters[k] for k in DIRECTIONS},
                "votes": [
                    {
                        "claim": v.ref,
                        "source": v.source,
                        "file": v.file,
                        "line": v.line,
                        "vote": v.direction,
                        "hedge": v.hedge,
                        "weight": v.weight,
                        "scope": v.scope,
                        "copy_group": v.copy_group,
                        "voter": v.voter,
                        "counted": v.counted,
                        "quote": v.quote,
                    }
                    for v in s.votes
                ],
            }
            for s in e.sizes
        },
        "copy_groups": [
            {"id": g.id, "quote": g.quote, "claims": list(g.claims), "sources": list(g.sources)} for g in e.copy_groups
        ],
    }


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


def _short(q: str, width: int = 80) -> str:
    q = " ".join(q.split())
    return '"' + (q if len(q) <= width else q[: width - 3] + "...") + '"'


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


def render_explain_csv(e: Explanation) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
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


def render_explain(e: Explanation, fmt: str = "text") -> str:
    """Render an explanation as ``text``, ``markdown``, ``json`` or ``csv``."""
    if fmt == "text":
        return render_explain_text(e)
    if fmt == "markdown":
        return render_explain_markdown(e)
    if fmt == "json":
        return dumps_records(explanation_dict(e)) + "\n"
    if fmt == "csv":
        return render_explain_csv(e)
    raise UsageError(f"--explain writes {', '.join(EXPLAIN_FORMATS)}; not {fmt}")
