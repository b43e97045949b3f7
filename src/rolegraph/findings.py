"""Findings, and how the claims of one disagreement are grouped and given a severity.

Severity policy (documented in the README and tested):

- two claims in *genuinely* overlapping scopes (the same scope, or scopes that overlap with
  neither inside the other), both firm (definite or generally, no condition): **error**;
- the same where either side is hedged (often, may, some): **warning**;
- one claim's scope strictly inside the other's (``large`` against ``any``), or the same scope
  but only one claim has a condition: a *scoped exception*. **info** when the narrower claim is
  hedged, **warning** when it is firm.

A finding groups every claim on each side of one disagreement (same rule, same roles,
connected by overlapping scopes) and takes the highest severity of any pair in it.

It imports only ``model``; it must not import the rules, linter, formatters, loader or CLI.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import FIRM_HEDGES, Claim, Scope

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Finding:
    code: str
    name: str
    severity: str
    message: str
    roles: list[str] = field(default_factory=list)  # role IRIs, in the order the message names them
    sizes: frozenset[int] = frozenset()
    claims: list[tuple[Claim, str]] = field(default_factory=list)  # (claim, side)
    key: tuple = ()  # what identifies the disagreement, for the fingerprint
    file: str = ""
    line: int = 0
    accepted: str | None = None  # the reasons, when every failing claim's curators accepted it
    fix: object | None = None  # a rolegraph.fix.Fix when the finding has a safe automatic fix

    @property
    def fingerprint(self) -> str:
        basis = "\x1f".join([self.code, *map(str, self.key)])
        return hashlib.sha256(basis.encode()).hexdigest()[:16]

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.code, self.fingerprint)


def claim_class(c: Claim) -> tuple[Scope, bool, bool]:
    """What the severity of a pair depends on: scope, hedged?, conditional?"""
    return (c.scope, c.hedge not in FIRM_HEDGES, bool(c.condition))


def pair_severity(a: tuple[Scope, bool, bool], b: tuple[Scope, bool, bool]) -> str:
    (sa, ha, ca), (sb, hb, cb) = a, b
    a_narrow = sb.contains(sa) and (sa != sb or (ca and not cb))
    b_narrow = sa.contains(sb) and (sa != sb or (cb and not ca))
    if a_narrow:
        return "info" if ha else "warning"
    if b_narrow:
        return "info" if hb else "warning"
    return "warning" if ha or hb else "error"


def max_severity(sevs: Iterable[str]) -> str:
    return max(sevs, key=SEVERITY_RANK.__getitem__)


@dataclass
class Conflict:
    """One connected group of opposing claims: sides a and b, where they overlap, how bad."""

    a: list[Claim]
    b: list[Claim]
    sizes: frozenset[int]
    severity: str


def conflicts_by_scope(side_a: list[Claim], side_b: list[Claim]) -> list[Conflict]:
    """Group opposing claims into connected conflicts without comparing every pair of claims.

    Claims are bucketed by severity class (at most 15 scopes x 2 x 2), so the cost is linear in
    the number of claims however popular a pair of roles is.
    """
    ba: dict[tuple, list[Claim]] = defaultdict(list)
    bb: dict[tuple, list[Claim]] = defaultdict(list)
    for c in side_a:
        if c.scope is not None:
            ba[claim_class(c)].append(c)
    for c in side_b:
        if c.scope is not None:
            bb[claim_class(c)].append(c)
    parent: dict[tuple, tuple] = {}

    def find(x: tuple) -> tuple:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges = []
    for ka in ba:
        for kb in bb:
            if ka[0].overlaps(kb[0]):
                na, nb = ("a", ka), ("b", kb)
                parent.setdefault(na, na)
                parent.setdefault(nb, nb)
                ra, rb = find(na), find(nb)
                if ra != rb:
                    parent[ra] = rb
                edges.append((na, nb))
    groups: dict[tuple, dict] = {}
    for na, nb in edges:
        g = groups.setdefault(find(na), {"nodes": set(), "sizes": set(), "sev": []})
        g["nodes"].update((na, nb))
        inter = na[1][0].intersection(nb[1][0])
        g["sizes"].update(range(inter.lo, inter.hi + 1))
        g["sev"].append(pair_severity(na[1], nb[1]))
    out = []
    for g in groups.values():
        a = sorted((c for side, k in g["nodes"] if side == "a" for c in ba[k]), key=_loc)
        b = sorted((c for side, k in g["nodes"] if side == "b" for c in bb[k]), key=_loc)
        out.append(Conflict(a, b, frozenset(g["sizes"]), max_severity(g["sev"])))
    return sorted(out, key=lambda k: (min(k.sizes), _loc(k.a[0])))


def conflicts_from_pairs(pairs: Iterable[tuple[Claim, Claim]]) -> list[Conflict]:
    """The same grouping from explicit (side a, side b) claim pairs, as a SHACL engine reports them."""
    parent: dict[tuple, tuple] = {}

    def find(x: tuple) -> tuple:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    plist = []
    for ca, cb in pairs:
        na, nb = ("a", ca.key), ("b", cb.key)
        parent.setdefault(na, na)
        parent.setdefault(nb, nb)
        ra, rb = find(na), find(nb)
        if ra != rb:
            parent[ra] = rb
        plist.append((ca, cb))
    groups: dict[tuple, dict] = {}
    for ca, cb in plist:
        g = groups.setdefault(find(("a", ca.key)), {"a": {}, "b": {}, "sizes": set(), "sev": []})
        g["a"][ca.key] = ca
        g["b"][cb.key] = cb
        inter = ca.scope.intersection(cb.scope)
        g["sizes"].update(range(inter.lo, inter.hi + 1))
        g["sev"].append(pair_severity(claim_class(ca), claim_class(cb)))
    out = [
        Conflict(
            sorted(g["a"].values(), key=_loc),
            sorted(g["b"].values(), key=_loc),
            frozenset(g["sizes"]),
            max_severity(g["sev"]),
        )
        for g in groups.values()
    ]
    return sorted(out, key=lambda k: (min(k.sizes), _loc(k.a[0])))


def _loc(c: Claim) -> tuple[str, int, str]:
    return (c.file, c.line, c.id)
