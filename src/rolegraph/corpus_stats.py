"""Counts over a corpus: sources, claims by relation, scope and hedge, roles used.

It reads the claim model only (``model``); it must not import the loader, compiler, rules or CLI.
"""

from __future__ import annotations

from collections import Counter

from .model import HEDGES, RELATIONS, Corpus
from .usable import UsableCorpus, unwrap


def stats(corpus: Corpus | UsableCorpus, *, strict: bool | None = None) -> dict:
    """The counts of the usable claims (claims with structure errors are left out; ``strict``: refuse
    instead), and ``left_out`` lists what was left out (last key)."""
    corpus, left_out = unwrap(corpus, strict)
    claims = corpus.claims()
    voc = corpus.vocabulary
    rel = Counter(c.relation for c in claims if c.relation)
    hedge = Counter(c.hedge for c in claims if c.hedge)
    scope = Counter(str(c.scope) for c in claims if c.scope is not None)
    roles: Counter[str] = Counter()
    for c in claims:
        for r in {c.subject, c.object} - {None}:
            roles[voc.label(r)] += 1
    return {
        "sources": len(corpus.sources),
        "claims": len(claims),
        "claims_per_source": {s.id: len(s.claims) for s in corpus.sources},
        "relations": {r: rel[r] for r in RELATIONS if rel[r]},
        "scopes": dict(sorted(scope.items(), key=lambda kv: (-kv[1], kv[0]))),
        "hedges": {h: hedge[h] for h in HEDGES if hedge[h]},
        "roles": dict(sorted(roles.items(), key=lambda kv: (-kv[1], kv[0]))),
        "left_out": [x.to_dict() for x in left_out],
    }


def render_text(data: dict) -> str:
    n, m = data["sources"], data["claims"]
    out = [f"{n} source{'' if n == 1 else 's'}, {m} claim{'' if m == 1 else 's'}"]
    for title, key in (
        ("claims per source", "claims_per_source"),
        ("relations", "relations"),
        ("scopes", "scopes"),
        ("hedges", "hedges"),
        ("roles (claims naming them)", "roles"),
    ):
        out.append(f"\n{title}:")
        width = max((len(k) for k in data[key]), default=0)
        out.extend(f"  {k:<{width}}  {v:>5}" for k, v in data[key].items())
    return "\n".join(out) + "\n"
