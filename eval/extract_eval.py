"""Score `rolegraph extract` against hand-curated claims.

A proposal matches a curated claim of the same source when subject, relation, object and scope
agree, with above/below and oversees/reports_to counted as one ordering (all four give the same
(higher, lower) pair) and same/overlaps/may_be compared as unordered pairs. Matching is one to
one (a multiset intersection per source). Hedge, condition and quote are not compared.

    python eval/extract_eval.py                 # bundled corpus, the dev set and the held-out set
    python eval/extract_eval.py CORPUS... [--json] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent


def score_corpus(path: str | None) -> dict:
    from rolegraph import load_corpus
    from rolegraph.extract.api import _snapshot_text, claim_key, proposals_for
    from rolegraph.extract.engine import Extractor

    corpus = load_corpus(path)
    ex = Extractor(corpus.vocabulary)
    tp = n_prop = n_gold = 0
    misses, extras = [], []
    label = corpus.vocabulary.label
    for s in corpus.sources:
        text = _snapshot_text(corpus, s)
        blank = replace(s, claims=[])
        got = proposals_for(blank, text, ex, corpus.vocabulary)
        pk = Counter(claim_key(p.subject, p.relation, p.object, p.scope) for p in got.proposals)
        gk = Counter(claim_key(c.subject, c.relation, c.object, c.scope) for c in s.claims)
        hit = pk & gk
        tp += sum(hit.values())
        n_prop += sum(pk.values())
        n_gold += sum(gk.values())
        for k, n in (gk - pk).items():
            misses.append((s.id, k, n))
        for k, n in (pk - gk).items():
            extras.append((s.id, k, n))

    def show(k):
        return " ".join(label(x) if isinstance(x, str) and x.startswith("http") else str(x) for x in k)

    p = tp / n_prop if n_prop else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {
        "corpus": path or "bundled",
        "sources": len(corpus.sources),
        "gold": n_gold,
        "proposed": n_prop,
        "matched": tp,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "missed": [f"{sid}: {show(k)}" + (f" x{n}" if n > 1 else "") for sid, k, n in misses],
        "extra": [f"{sid}: {show(k)}" + (f" x{n}" if n > 1 else "") for sid, k, n in extras],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "corpora", nargs="*", help="corpus folders (default: the bundled corpus, eval/dev and eval/holdout)"
    )
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", action="store_true", help="list missed and extra claims")
    a = ap.parse_args(argv)
    targets = a.corpora or [None, str(HERE / "dev"), str(HERE / "holdout")]
    results = [score_corpus(t) for t in targets]
    if a.json:
        print(json.dumps(results, indent=2))
        return 0
    print("| corpus | sources | curated | proposed | matched | precision | recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['corpus']} | {r['sources']} | {r['gold']} | {r['proposed']} | {r['matched']} | {r['precision']:.2f} | {r['recall']:.2f} |"  # noqa: E501
        )
    if a.show:
        for r in results:
            print(f"\n{r['corpus']}: missed {len(r['missed'])}, extra {len(r['extra'])}")
            for m in r["missed"]:
                print("  - missed", m)
            for m in r["extra"]:
                print("  + extra ", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
