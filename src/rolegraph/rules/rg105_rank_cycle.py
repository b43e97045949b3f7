"""RG105 rank-cycle: X above Y above Z above X, through any number of claims and sources.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

from collections import defaultdict, deque

from ..digraph import cycle_edges, strong_components
from ..findings import Finding
from ..model import FIRM_HEDGES, SIZES, Claim, format_sizes
from .base import Context, Rule

RULE = Rule(
    code="RG105",
    name="rank-cycle",
    severity="error",
    evidence_severity=True,
    summary="Rank claims form a cycle of three or more roles.",
    doc="""What it finds: at one company size, claims that chain into a cycle X above Y above Z
above X (three roles or more; two-role cycles are RG101). It reports the shortest such cycle
through every strongly connected group of roles, with every claim on it, and merges the sizes
where the same cycle occurs. Each cycle goes through at least one rank edge that no claim
contradicts directly.
Why it matters: no ladder can satisfy a cycle, and no single pair of claims shows it, so it
slips past pairwise review.
Severity: error when every edge of the cycle has a firm claim, else warning.
Fails:
  - {subject: CPO, relation: above, object: Head of Product}            # source a
  - {subject: Head of Product, relation: above, object: VP of Product}  # source b
  - {subject: VP of Product, relation: above, object: CPO}              # source c
Passes: the first two alone.
""",
    shape="RG105-rank-cycle.ttl",
)


def size_graphs(ctx: Context) -> dict[int, dict[str, set[str]]]:
    """Per size index: role -> roles it is claimed to outrank at that size."""
    graphs: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (hi, lo), claims in ctx.rank.items():
        covered = set()
        for c in claims:
            if c.scope is not None:
                covered.update(range(c.scope.lo, c.scope.hi + 1))
        for i in covered:
            graphs[i][hi].add(lo)
    return graphs


def flagged(ctx: Context) -> dict[int, set[str]]:
    """Per size: roles with an out-edge, not returned directly, whose target leads back."""
    out: dict[int, set[str]] = {}
    for i, g in size_graphs(ctx).items():
        hits = {u for u, _ in cycle_edges(g)}
        if hits:
            out[i] = hits
    return out


def _path(g: dict[str, set[str]], start: str, goal: str) -> list[str] | None:
    prev = {start: None}
    q = deque([start])
    while q:
        v = q.popleft()
        if v == goal:
            path = [v]
            while prev[path[-1]] is not None:
                path.append(prev[path[-1]])
            return path[::-1]
        for w in sorted(g.get(v, ())):
            if w not in prev:
                prev[w] = v
                q.append(w)
    return None


def _cycles(ctx: Context, marks: dict[int, set[str]]) -> list[Finding]:
    graphs = size_graphs(ctx)
    by_cycle: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, roles in marks.items():
        g = graphs.get(i, {})
        comp = strong_components(g)
        best: dict[int, list[str]] = {}
        for u in sorted(roles):
            for b in sorted(g.get(u, ())):
                if u in g.get(b, ()):
                    continue
                p = _path(g, b, u)
                if p is None:
                    continue
                cyc = [u, *p[:-1]]
                c = comp[u]
                if c not in best or (len(cyc), _canon(cyc)) < (len(best[c]), _canon(best[c])):
                    best[c] = cyc
        for cyc in best.values():
            by_cycle[_canon(cyc)].add(i)
    out = []
    for cyc, sizes in sorted(by_cycle.items()):
        out.append(_finding(ctx, list(cyc), frozenset(sizes)))
    return out


def _canon(cyc: list[str]) -> tuple[str, ...]:
    k = cyc.index(min(cyc))
    return tuple(cyc[k:] + cyc[:k])


def _finding(ctx: Context, cyc: list[str], sizes: frozenset[int]) -> Finding:
    claims: list[tuple[Claim, str]] = []
    firm_edges = True
    for n, hi in enumerate(cyc):
        lo = cyc[(n + 1) % len(cyc)]
        edge = [
            c for c in ctx.rank[(hi, lo)] if c.scope is not None and any(c.scope.lo <= i <= c.scope.hi for i in sizes)
        ]
        edge.sort(key=lambda c: (c.file, c.line, c.id))
        firm_edges &= any(c.hedge in FIRM_HEDGES and not c.condition for c in edge)
        claims.extend((c, str(n + 1)) for c in edge)
    labels = [ctx.label(r) for r in cyc]
    first = claims[0][0]
    return Finding(
        code=RULE.code,
        name=RULE.name,
        severity="error" if firm_edges else "warning",
        message=f"rank cycle: {' above '.join(labels + labels[:1])} [{format_sizes(sizes)}]",
        roles=list(cyc),
        sizes=sizes,
        claims=claims,
        key=(*cyc, format_sizes(sizes)),
        file=first.file,
        line=first.line,
    )


def fast(ctx: Context) -> list[Finding]:
    return _cycles(ctx, flagged(ctx))


def from_shacl(ctx: Context, hits) -> list[Finding]:
    marks: dict[int, set[str]] = defaultdict(set)
    for (size, role), _value, _ in hits:
        marks[SIZES.index(size)].add(role)
    return _cycles(ctx, dict(marks))
