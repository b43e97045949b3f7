"""Benchmark extract: pages per second on ~10 KB pages, and add + extract --all --write of N pages.

python bench/extract_bench.py --pages 1000
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pages(n: int, size: int = 10_000) -> list[str]:
    paras = []
    for folder in (ROOT / "src/rolegraph/data/corpus/sources", ROOT / "eval/dev/sources"):
        for p in sorted(folder.glob("*.txt")):
            paras += [x for x in p.read_text().split("\n\n") if x.strip()]
    rng = random.Random(7)
    out = []
    for i in range(n):
        chunks, total = [f"Synthetic page {i}"], 0
        while total < size:
            para = rng.choice(paras)
            chunks.append(para)
            total += len(para) + 2
        out.append("\n\n".join(chunks) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    a = ap.parse_args()
    import rolegraph
    from rolegraph.extract import Extractor, extract, write_proposals
    from rolegraph.sources import add_source

    texts = pages(a.pages)
    ex = Extractor(rolegraph.load_corpus().vocabulary)
    t = time.perf_counter()
    n_props = sum(len(ex.run(x)[0]) for x in texts)
    dt = time.perf_counter() - t
    kb = sum(len(x) for x in texts) / len(texts) / 1000
    print(
        f"extract (rules only): {len(texts)} pages of {kb:.1f} KB in {dt:.2f} s = {len(texts) / dt:.0f} pages/s, {n_props} proposals"  # noqa: E501
    )
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "c"
        rolegraph.init_corpus(str(corpus))
        files = Path(tmp) / "in"
        files.mkdir()
        for i, x in enumerate(texts):
            (files / f"p{i:04d}.txt").write_text(x)
        t0 = time.perf_counter()
        for i in range(len(texts)):
            add_source(corpus, str(files / f"p{i:04d}.txt"), source_id=f"p{i:04d}", retrieved="2026-12-02")
        t1 = time.perf_counter()
        c = rolegraph.load_corpus(str(corpus))
        res = extract(c)
        write_proposals(c, res)
        t2 = time.perf_counter()
        print(
            f"add {len(texts)} pages: {t1 - t0:.2f} s; extract --all --write: {t2 - t1:.2f} s ({res.count} claims); total {t2 - t0:.2f} s"  # noqa: E501
        )


if __name__ == "__main__":
    main()
