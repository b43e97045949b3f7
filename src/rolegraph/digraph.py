"""Directed graphs of role names: strongly connected components, and the edges that lie on a cycle.

Shared by RG105 (rank cycles over the claim model), ``lint --endpoint``'s RG105 form (over the
``rg:outranks`` edges a store returns) and the consensus ladder (its cycles), so all find cycles
the same way; nodes are any sortable values (role names, ladder classes). Pure functions over plain
dicts; it must not import any other rolegraph module.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


def strong_components(graph: Mapping[N, Iterable[N]]) -> dict[N, int]:
    """Tarjan's strongly connected components, iteratively: role -> component number."""
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    comp: dict[N, int] = {}
    stack: list[N] = []
    on: set[N] = set()
    n = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = n
        n += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = n
                    n += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp[w] = index[v]
                        if w == v:
                            break
    return comp


def cycle_edges(graph: Mapping[str, Iterable[str]]) -> set[tuple[str, str]]:
    """Edges a -> b with no edge b -> a where b reaches a back (both in one strong component)."""
    comp = strong_components(graph)
    return {(a, b) for a, outs in graph.items() for b in outs if a not in graph.get(b, ()) and comp.get(b) == comp[a]}
