"""Benchmark rolegraph add and extract (not part of the tests).

Rows: extract's rules on ~10 KB pages (pages per second, in process), and the CLI end to end:
``rolegraph add`` of N page files in one call, then ``rolegraph extract --all --write``.
Wall time and CPU time are both printed: on a shared machine the CPU time is the steadier one.
The pages are made of paragraphs of the bundled and development pages (dense in role talk,
so harder than typical pages).

    python bench/extract_bench.py --pages 1000
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pages(n: int, size: int = 10_000, seed: int = 7) -> list[str]:
    paras = []
    for folder in (ROOT / "src/rolegraph/data/corpus/sources", ROOT / "eval/dev/sources"):
        for p in sorted(folder.glob("*.txt")):
            paras += [x for x in p.read_text().split("\n\n") if x.strip()]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        chunks, total = [f"Synthetic page {i}"], 0
        while total < size:
            para = rng.choice(paras)
            chunks.append(para)
            total += len(para) + 2
        out.append("\n\n".join(chunks) + "\n")
    return out


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(cmd: list[str]) -> tuple[float, float]:
    c0, t0 = children_cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, children_cpu() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    a = ap.parse_args()
    import rolegraph
    from rolegraph.extract import Extractor

    texts = pages(a.pages)
    kb = sum(len(x.encode()) for x in texts) / len(texts) / 1000
    ex = Extractor(rolegraph.load_corpus().vocabulary)
    ex.run(texts[0])
    c0, t0 = time.process_time(), time.perf_counter()
    n_props = sum(len(ex.run(x)[0]) for x in texts)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"| extract rules, {len(texts)} pages of {kb:.1f} KB | {len(texts) / wall:.0f} pages/s wall "
          f"| {len(texts) / cpu:.0f} pages/s CPU | {n_props} proposals |")  # fmt: skip
    exe = [sys.executable, "-m", "rolegraph"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, files = Path(tmp) / "c", Path(tmp) / "in"
        files.mkdir()
        subprocess.run([*exe, "init", str(corpus)], check=True, stdout=subprocess.DEVNULL)
        names = []
        for i, x in enumerate(texts):
            names.append(str(files / f"p{i:04d}.txt"))
            Path(names[-1]).write_text(x)
        w1, c1 = run([*exe, "add", *names, "--corpus", str(corpus), "--retrieved", "2026-12-02"])
        w2, c2 = run([*exe, "extract", "--all", "--write", "--corpus", str(corpus)])
        n = sum(1 for _ in (corpus / "claims").iterdir())
        print(f"| rolegraph add, {n} files in one call | {w1:.1f} s wall | {c1:.1f} s CPU | |")
        print(f"| rolegraph extract --all --write | {w2:.1f} s wall | {c2:.1f} s CPU | |")
        print(f"| add + extract --all --write, {n} pages | {w1 + w2:.1f} s wall | {c1 + c2:.1f} s CPU | |")
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
