"""The dot and svg formats of consensus: one Graphviz cluster per size (svg through the ``dot`` program).

The ``graphviz`` package is imported lazily. It imports only ``results``, ``copies`` and ``formats.common``;
it must not import the core.
"""

from __future__ import annotations

import re

from ...errors import UsageError
from ..results import (
    ConsensusResult,
    PairVerdict,
    SizeResult,
    rests_on,
)
from .common import (
    _fmt,
)

GRAPHVIZ_MISSING = (
    "the Graphviz 'dot' program is needed for svg output; install it (Debian/Ubuntu: "
    "apt-get install graphviz) or use --format dot"
)


BINDING_MISSING = (
    "the Python package 'graphviz' is needed for dot and svg output; install it with: pip install 'rolegraph[graph]'"
)


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
