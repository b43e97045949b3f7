"""Worker processes (used for big copy searches) do not change the answer.

Timings live in the benchmark (bench/run.py), not in unit tests."""

from __future__ import annotations

from test_consensus_support import synthetic_corpus

from rolegraph.consensus import consensus, render
from rolegraph.consensus import copies as copies_module


def test_worker_processes_give_the_same_answer():
    corpus = synthetic_corpus(8_000, roles=3, seed=11)
    by_pair = {}
    for c in corpus.claims():
        if c.object:
            by_pair.setdefault(frozenset((c.subject, c.object)), set()).add(c.quote)
    # enough distinct quotes for the pool to be used (see CopySearch)
    assert sum(len(q) ** 2 for q in by_pair.values()) >= copies_module.PARALLEL_WORK
    with copies_module.CopySearch([sorted(q) for q in by_pair.values()], 90.0, workers=2) as search:
        assert search.order[-1] in search._futures  # the big groups went to worker processes
        assert all(search.components(k) is not None for k in search.order)
    serial = consensus(corpus, workers=1)
    parallel = consensus(corpus, workers=2)
    assert serial == parallel
    assert render(serial, corpus, "json") == render(parallel, corpus, "json")
