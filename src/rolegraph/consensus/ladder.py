"""Ladders from verdicts: roles layered by accepted ``above`` verdicts, ``same`` verdicts sharing a
tier, cycles found (Tarjan) and reported, roles without an accepted verdict unplaced.

Pure computation over verdicts: it imports only :mod:`rolegraph.consensus.results`,
:mod:`rolegraph.consensus.copies` and :mod:`rolegraph.digraph`; it must not import the core,
explain or any output format.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..digraph import strong_components
from .copies import UnionFind
from .results import PairVerdict


def _sort_key(labels: dict[str, str]):
    return lambda iri: (labels.get(iri, iri).casefold(), labels.get(iri, iri), iri)


def build_ladder(
    roles: Iterable[str], verdicts: Iterable[PairVerdict], labels: dict[str, str]
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(tiers, unplaced, cycles) from the accepted verdicts among ``roles``."""
    key = _sort_key(labels)
    roles = sorted(set(roles), key=key)
    index = {r: i for i, r in enumerate(roles)}
    accepted = [p for p in verdicts if p.verdict in ("above", "same")]
    placed = sorted({r for p in accepted for r in p.roles}, key=key)
    uf = UnionFind(len(roles))
    for p in accepted:
        if p.verdict == "same":
            uf.union(index[p.roles[0]], index[p.roles[1]])
    cls = {r: uf.find(index[r]) for r in placed}  # class = smallest index (by label) in it
    nodes = sorted(set(cls.values()))
    succ: dict[int, set[int]] = {n: set() for n in nodes}
    for p in accepted:
        if p.verdict == "above":
            succ[cls[p.roles[0]]].add(cls[p.roles[1]])
    comp = _scc(nodes, succ)
    # condensation: component -> successors, with a flag for cyclic components
    members: dict[int, list[int]] = defaultdict(list)
    for n in nodes:
        members[comp[n]].append(n)
    cyclic = {c for c, ns in members.items() if len(ns) > 1 or any(n in succ[n] for n in ns)}
    csucc: dict[int, set[int]] = defaultdict(set)
    indeg: dict[int, int] = {c: 0 for c in members}
    for n in nodes:
        for m in succ[n]:
            a, b = comp[n], comp[m]
            if a != b and b not in csucc[a]:
                csucc[a].add(b)
                indeg[b] += 1
    depth = {c: 0 for c in members}
    ready = sorted(c for c, d in indeg.items() if d == 0)
    while ready:
        c = ready.pop()
        for d in csucc[c]:
            depth[d] = max(depth[d], depth[c] + 1)
            indeg[d] -= 1
            if indeg[d] == 0:
                ready.append(d)
    tiers: dict[int, list[str]] = defaultdict(list)
    for r in placed:
        tiers[depth[comp[cls[r]]]].append(r)
    ladder = tuple(tuple(sorted(tiers[t], key=key)) for t in sorted(tiers))
    unplaced = tuple(r for r in roles if r not in cls)
    cycles = sorted(
        (tuple(sorted((r for r in placed if comp[cls[r]] == c), key=key)) for c in cyclic),
        key=lambda rs: [key(r) for r in rs],
    )
    return ladder, unplaced, tuple(cycles)


def _scc(nodes: Sequence[int], succ: dict[int, set[int]]) -> dict[int, int]:
    """Strongly connected components (:func:`rolegraph.digraph.strong_components`): node ->
    smallest node of its component."""
    label = strong_components({n: succ[n] for n in nodes})
    smallest: dict[int, int] = {}
    for n, c in label.items():
        smallest[c] = min(smallest.get(c, n), n)
    return {n: smallest[c] for n, c in label.items()}
