"""Helpers shared by the consensus tests: build small corpora on disk or in memory.

(Named ``test_consensus_*`` so it sits with the tests it serves; it holds no tests itself.)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from rolegraph.corpus.settings import Settings
from rolegraph.corpus.vocab import builtin_vocabulary
from rolegraph.model import Claim, Corpus, Scope, Source

HOP = "Head of Product"
VPP = "VP of Product"
CPO = "Chief Product Officer"
DOP = "Director of Product"
PM = "Product Manager"
APM = "Associate Product Manager"


def iri(label: str) -> str:
    found = builtin_vocabulary().resolve(label)
    assert found, label
    return found


def claim(cid: str, subject: str, relation: str, obj: str | None, quote: str, **extra) -> dict:
    """A claim as written in a claims file."""
    d = {"id": cid, "subject": subject, "relation": relation}
    if obj is not None:
        d["object"] = obj
    d["quote"] = quote
    d.update(extra)
    return d


def write_corpus(root: Path, sources: dict[str, list[dict]], settings: str | None = None) -> Path:
    """Write a corpus folder: ``claims/ID.yaml`` and ``sources/ID.txt`` per source.

    Each snapshot holds the source's quotes, one per line, so every quote is found verbatim.
    """
    (root / "claims").mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    for sid, claims in sources.items():
        quotes: list[str] = []
        for c in claims:
            if c["quote"] not in quotes:
                quotes.append(c["quote"])
        text = f"Snapshot of {sid}.\n" + "\n".join(quotes) + "\n"
        data = text.encode()
        (root / "sources" / f"{sid}.txt").write_bytes(data)
        lines = [
            "source:",
            f"  id: {sid}",
            f"  title: {json.dumps('Page ' + sid)}",
            f"  url: https://example.org/{sid}",
            "  retrieved: 2025-01-01",
            f"  snapshot: sources/{sid}.txt",
            f"  sha256: {hashlib.sha256(data).hexdigest()}",
            "claims:",
        ]
        for c in claims:
            first = True
            for k, v in c.items():
                lines.append(f"  {'- ' if first else '  '}{k}: {json.dumps(v)}")
                first = False
        (root / "claims" / f"{sid}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if settings is not None:
        (root / "rolegraph.toml").write_text(settings, encoding="utf-8")
    return root


def memory_corpus(
    sources: dict[str, list[tuple]], settings: Settings | None = None, source_order: list[str] | None = None
) -> Corpus:
    """A corpus built in memory from ``{source: [(id, subject, relation, object, quote, scope, hedge)]}``.

    Roles are labels; scope is text (``any``, ``large``, ``small..mid``); no files are written.
    """
    voc = builtin_vocabulary()
    out = []
    for sid in source_order or list(sources):
        src = Source(id=sid, file=f"claims/{sid}.yaml", line=1)  # no snapshot: nothing to leave out
        for n, (cid, subj, rel, obj, quote, scope, hedge) in enumerate(sources[sid]):
            src.claims.append(
                Claim(
                    source_id=sid,
                    id=cid,
                    file=src.file,
                    line=10 + n,
                    subject=voc.resolve(subj),
                    relation=rel,
                    object=voc.resolve(obj) if obj else None,
                    scope=Scope.parse(scope),
                    hedge=hedge,
                    quote=quote,
                    subject_text=subj,
                    relation_text=rel,
                    object_text=obj,
                )
            )
        out.append(src)
    return Corpus(root="<memory>", sources=out, vocabulary=voc, settings=settings or Settings())


WORDS = [
    "the",
    "role",
    "usually",
    "sits",
    "above",
    "below",
    "under",
    "over",
    "reports",
    "leads",
    "team",
    "company",
    "startup",
    "enterprise",
    "product",
    "org",
    "chart",
    "senior",
    "junior",
    "level",
    "title",
    "scope",
    "people",
    "strategy",
    "roadmap",
    "owns",
    "manages",
]


def synthetic_corpus(n_claims: int, *, seed: int = 7, roles: int | None = None, copy_share: float = 0.3) -> Corpus:
    """``n_claims`` random claims in memory, 50 per source; ``copy_share`` of the quotes are exact
    or near copies of a few sentences per role pair, the rest are distinct sentences."""
    import random

    rnd = random.Random(seed)
    voc = builtin_vocabulary()
    iris = sorted(voc.roles)[: roles or None]
    hot = iris[: max(2, len(iris) // 3)]
    relations = ["above", "below", "same", "oversees", "reports_to"] * 6 + ["not_above", "may_be", "top"]
    hedges = ["definite", "generally", "often", "may", "some"]
    scopes = [Scope(), Scope(), Scope(0, 1), Scope(3, 4), Scope(4, 4), Scope(2, 2)]
    sources: list[Source] = []
    for k in range(0, n_claims, 50):
        sid = f"s{k // 50:05d}"
        src = Source(id=sid, file=f"claims/{sid}.yaml", line=1)  # no snapshot: nothing to leave out
        for j in range(min(50, n_claims - k)):
            pool = hot if rnd.random() < 0.5 else iris
            a, b = rnd.sample(pool, 2)
            rel = rnd.choice(relations)
            la, lb = voc.label(a), voc.label(b)
            if rnd.random() < copy_share:
                base = f"The {la} is {rnd.choice(['above', 'below', 'level with'])} the {lb} in most firms"
                quote = base if rnd.random() < 0.6 else base.replace("most", "many") + "."
            else:
                words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 16)))
                quote = f"{la} {words} {lb} {rnd.getrandbits(32):x}"
            src.claims.append(
                Claim(
                    source_id=sid,
                    id=f"c{j}",
                    file=src.file,
                    line=10 + j,
                    subject=a,
                    relation=rel,
                    object=None if rel == "top" else b,
                    scope=rnd.choice(scopes),
                    hedge=rnd.choice(hedges),
                    quote=quote,
                    subject_text=la,
                    relation_text=rel,
                    object_text=None if rel == "top" else lb,
                )
            )
        sources.append(src)
    return Corpus(root="<synthetic>", sources=sources, vocabulary=voc, settings=Settings())
