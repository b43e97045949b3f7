"""RG104 top-conflict: X is the top role against Y above X, or against another top role Y.

A rule module imports only ``rules.base``, its shared plumbing (``_structural``/``_pairs``),
``findings`` and ``model``; it must not import the loader, compiler, linter, formatters, consensus
or CLI.
"""

from __future__ import annotations

from collections import defaultdict

from ..findings import Finding, claim_class, max_severity, pair_severity
from ..model import Claim, format_sizes
from ._pairs import counted
from .base import Context, Rule

RULE = Rule(
    code="RG104",
    name="top-conflict",
    severity="error",
    evidence_severity=True,
    summary="A role said to be the top role is outranked, or has a rival top role.",
    doc="""What it finds: claims that X is `top` (the highest role of its family in the scope)
against claims that rank a role Y of the same family above X, or against claims that another
role Y of the same family is top, in overlapping company sizes. All of it is one finding per
family and connected range of sizes: every candidate for the top with its claims, and every rank
claim that puts another role above a candidate. Its fingerprint depends on the candidates, the
roles ranked above them and the sizes, so it stays put as candidates gain claims.
Why it matters: a ladder has one top rung per family; a CPO who is "the highest" cannot report
to a Head of Product.
Fails:
  - {subject: Chief Product Officer, relation: top}
  - {subject: Head of Product, relation: top}
Passes:
  - {subject: Chief Product Officer, relation: top}
  - {subject: Head of Product, relation: top, scope: startup}
  - {subject: Chief Product Officer, relation: above, object: Head of Product, scope: large..enterprise}
  (with the CPO top claim scoped large..enterprise)
""",
    shape="RG104-top-conflict.ttl",
)


def _loc(c: Claim) -> tuple[str, int, str]:
    return (c.file, c.line, c.id)


def _group(ctx: Context, edges: list[tuple[tuple, Claim, tuple, Claim]]) -> list[Finding]:
    """Edges (node, claim, node, claim) between opposing claims -> one finding per connected group.

    A node is ("top", X) for the claims that X is top, or ("rank", Y, X) for claims that Y is
    above the candidate X; edges join a top claim to a rival top claim or to a rank claim.
    """
    parent: dict = {}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for na, ca, nb, cb in edges:
        ka, kb = (na, ca.key), (nb, cb.key)
        parent.setdefault(ka, ka)
        parent.setdefault(kb, kb)
        ra, rb = find(ka), find(kb)
        if ra != rb:
            parent[ra] = rb
    groups: dict = {}
    for na, ca, nb, cb in edges:
        g = groups.setdefault(find((na, ca.key)), {"claims": defaultdict(dict), "sizes": set(), "sev": []})
        g["claims"][na][ca.key] = ca
        g["claims"][nb][cb.key] = cb
        inter = ca.scope.intersection(cb.scope)
        g["sizes"].update(range(inter.lo, inter.hi + 1))
        g["sev"].append(pair_severity(claim_class(ca), claim_class(cb)))
    return [_finding(ctx, g["claims"], frozenset(g["sizes"]), max_severity(g["sev"])) for g in groups.values()]


def _finding(ctx: Context, by_node: dict, sizes: frozenset[int], severity: str) -> Finding:
    label = ctx.label
    tops = sorted((n for n in by_node if n[0] == "top"), key=lambda n: (label(n[1]), n[1]))
    ranks = sorted((n for n in by_node if n[0] == "rank"), key=lambda n: (label(n[2]), label(n[1]), n))
    claims: list[tuple[Claim, str]] = []
    parts, against = [], []
    for i, node in enumerate(tops + ranks):
        side = chr(ord("a") + i) if i < 26 else f"z{i - 25}"
        group = sorted(by_node[node].values(), key=_loc)
        claims += [(c, side) for c in group]
        if node[0] == "top":
            parts.append(f"{label(node[1])} [{side}] ({counted(group)})")
        else:
            against.append(f"{label(node[1])} above {label(node[2])} [{side}] ({counted(group)})")
    msg = "top role disputed: " + " vs ".join(parts) + ("; against " + ", ".join(against) if against else "")
    roles = [n[1] for n in tops] + sorted({n[1] for n in ranks} - {n[1] for n in tops}, key=lambda r: (label(r), r))
    where = format_sizes(sizes)
    first = min((c for c, _ in claims if c.relation == "top"), key=_loc)
    return Finding(
        code=RULE.code,
        name=RULE.name,
        severity=severity,
        message=f"{msg} [{where}]",
        roles=roles,
        sizes=sizes,
        claims=claims,
        key=(
            "top",
            ",".join(sorted(n[1] for n in tops)),
            ",".join(sorted(f"{n[1]}>{n[2]}" for n in ranks)),
            where,
        ),
        file=first.file,
        line=first.line,
    )


def fast(ctx: Context) -> list[Finding]:
    """Bucket claims by role and severity class, join buckets whose scopes overlap (linear in claims)."""
    top, rank = ctx.top, ctx.rank
    buckets: dict[tuple, dict[tuple, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for x in sorted(top):
        for c in top[x]:
            if c.scope is not None:
                buckets[("top", x)][claim_class(c)].append(c)
    outrank: dict[str, list[tuple]] = defaultdict(list)
    for hi, lo in sorted(rank):
        if lo in top and ctx.family(hi) == ctx.family(lo):
            node = ("rank", hi, lo)
            for c in rank[(hi, lo)]:
                if c.scope is not None:
                    buckets[node][claim_class(c)].append(c)
            outrank[lo].append(node)
    pairs: list[tuple[tuple, tuple]] = []
    roles = sorted(top)
    for i, x in enumerate(roles):
        pairs += [(("top", x), node) for node in outrank.get(x, ())]
        pairs += [(("top", x), ("top", y)) for y in roles[i + 1 :] if ctx.family(x) == ctx.family(y)]
    edges = []
    for na, nb in pairs:
        for ka, ca in buckets[na].items():
            for kb, cb in buckets[nb].items():
                if ka[0].overlaps(kb[0]):
                    # one representative edge per pair of buckets, plus one tying each claim in
                    edges.append((na, ca[0], nb, cb[0]))
                    edges += [(na, c, nb, cb[0]) for c in ca[1:]]
                    edges += [(na, ca[0], nb, c) for c in cb[1:]]
    return _group(ctx, edges)


def from_shacl(ctx: Context, hits) -> list[Finding]:
    edges = []
    for f, v, _ in hits:
        if v.relation == "top":
            a, b = (f, v) if f.subject < v.subject else (v, f)
            edges.append((("top", a.subject), a, ("top", b.subject), b))
        else:
            edges.append((("top", f.subject), f, ("rank", v.rank()[0], f.subject), v))
    return _group(ctx, edges)
