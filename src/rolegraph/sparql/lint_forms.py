"""Store-friendly forms of the pairwise contradiction constraints (RG101-RG103) for ``lint --endpoint``.

The shapes' literal queries join every claim with every other claim on the same pair of roles and
size, which a store evaluates claim by claim (RG101: minutes at 100k claims on Oxigraph). Here
each constraint is split in three queries: the conflicting *keys* (pair of roles and size) found by
joining two ``SELECT DISTINCT`` key sets (one hash join over keys, not claims), then the claims on
each side of those keys read back with a ``VALUES`` block, and the (this, value) pairs are the cross
product per key, computed here. The result is exactly the shape query's set of pairs (a test checks
it on generated corpora). It must not import the CLI or the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..digraph import cycle_edges

BATCH = 300
RANK = "?c rg:higherRole ?x ; rg:lowerRole ?y ; rg:coversSize ?size ."


@dataclass(frozen=True)
class Grouped:
    keys: str  # SELECT ?x ?y ?size: the keys on which both sides exist
    this: str  # the focus side's claims on a key (pattern over ?c ?x ?y ?size; type added)
    value: str  # the value side's claims on a key


def _keys(a: str, b: str) -> str:
    return f"""SELECT ?x ?y ?size WHERE {{
        {{ SELECT DISTINCT ?x ?y ?size WHERE {{ {a} ?c a ?cls . }} }}
        {{ SELECT DISTINCT ?x ?y ?size WHERE {{ {b} }} }}
        FILTER (?x != ?y) }}"""


NOT_ABOVE = "?c rg:relation rg:not_above ; rg:subject ?x ; rg:object ?y ; rg:coversSize ?size ."
SAME = "?c rg:relation rg:same ; rg:equates ?x , ?y ; rg:coversSize ?size ."
REVERSED = "?c rg:higherRole ?y ; rg:lowerRole ?x ; rg:coversSize ?size ."

GROUPED = {
    "RG101-claim": Grouped(_keys(RANK, REVERSED), RANK, REVERSED),
    "RG102-claim": Grouped(_keys(RANK, SAME), RANK, SAME),
    "RG103-claim": Grouped(_keys(NOT_ABOVE, RANK), NOT_ABOVE, RANK),
}


def _term(t) -> str:
    return f"<{t.value}>"


def grouped_pairs(select: Callable[[str], list[dict]], form: Grouped, cls: str, prefix: str) -> set[tuple[str, str]]:
    """The (this, value) IRI pairs of a :data:`GROUPED` form; ``select`` runs one SELECT and
    returns rows of variable -> term."""
    cls_term = f"<{cls}>"
    keys = sorted(
        {(_term(r["x"]), _term(r["y"]), _term(r["size"])) for r in select(prefix + form.keys.replace("?cls", cls_term))}
    )
    sides: list[dict[tuple[str, str, str], set[str]]] = [{}, {}]
    for side, pattern in enumerate((form.this + f" ?c a {cls_term} .", form.value)):
        for i in range(0, len(keys), BATCH):
            values = " ".join(f"({x} {y} {s})" for x, y, s in keys[i : i + BATCH])
            q = f"{prefix}SELECT ?c ?x ?y ?size WHERE {{ VALUES (?x ?y ?size) {{ {values} }} {pattern} }}"
            for r in select(q):
                k = (_term(r["x"]), _term(r["y"]), _term(r["size"]))
                sides[side].setdefault(k, set()).add(r["c"].value)
    this, value = sides
    return {(a, b) for k in keys for a in this.get(k, ()) for b in value.get(k, ())}


# RG105 (rank cycle): the shape asks, per outranks edge a -> b without b -> a, whether b reaches a
# (``rg:outranks+``), a path search per edge that takes the store seconds per thousand positions.
# Given the edge a -> b, b reaches a exactly when a and b lie in the same strongly connected
# component, so the edges (a derived summary bounded by roles x sizes, not by claims) are read in
# one query and the components computed by rolegraph.digraph (the same as the fast RG105).
EDGES = "SELECT ?a ?b WHERE { ?a rg:outranks ?b . ?a a rg:RankPosition . }"


def cycle_pairs(select: Callable[[str], list[dict]], prefix: str) -> set[tuple[str, str]]:
    """The (this, value) pairs of RG105's shape query: edges a -> b, no edge b -> a, b reaches a."""
    edges: dict[str, set[str]] = {}
    for r in select(prefix + EDGES):
        edges.setdefault(r["a"].value, set()).add(r["b"].value)
    return cycle_edges(edges)
