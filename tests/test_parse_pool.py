"""Claims files loaded in worker processes give exactly the answer of an inline load:
the same sources, the same problems, the same budget limits, through the cache too."""

from __future__ import annotations

import functools

import pytest
from corpus_builder import build, claim

import rolegraph
from rolegraph.corpus import files as files_mod
from rolegraph.corpus import load as corpus_load
from rolegraph.corpus import pool as parse_pool
from rolegraph.errors import InputError

N_SOURCES = 40


@pytest.fixture
def pool_used(monkeypatch):
    """Force the worker pool on small corpora (and on a one-CPU machine); count pools made."""
    made = []
    real = parse_pool.process_pool

    def counting(n, **kw):
        pool = real(n, **kw)
        made.append(pool is not None)
        return pool

    monkeypatch.setattr(parse_pool, "PARALLEL_MIN_FILES", 8)
    monkeypatch.setattr(parse_pool, "CHUNK_FILES", 3)
    monkeypatch.setattr(parse_pool, "cpu_count", lambda: 2)
    monkeypatch.setattr(parse_pool, "process_pool", counting)
    return made


def corpus(root, broken: dict[int, str] | None = None):
    sources = {}
    for i in range(N_SOURCES):
        text = f"Page {i}. The Head of Product is above the VP of Product. The CPO ranks highest in {i}."
        claims = [
            claim("a", "Head of Product", "above", "VP of Product", quote="Head of Product is above the VP"),
            claim("b", "CPO", "top", quote=f"The CPO ranks highest in {i}", hedge="often", scope="large"),
        ]
        sources[f"s{i:03d}"] = (text, claims)
    build(root, sources)
    for i, text in (broken or {}).items():
        (root / "claims" / f"s{i:03d}.yaml").write_text(text, encoding="utf-8")
    return root


def load_both(monkeypatch, root, made, **kw):
    """(inline result, pooled result): each a corpus or the InputError's problems."""

    def attempt():
        try:
            return rolegraph.load_corpus(root, **kw).sources
        except InputError as e:
            return e.problems

    with monkeypatch.context() as m:
        m.setattr(parse_pool, "cpu_count", lambda: 1)
        inline = attempt()
    assert made == [] or not any(made)
    pooled = attempt()
    return inline, pooled


def test_same_sources(tmp_path, monkeypatch, pool_used):
    root = corpus(tmp_path / "c")
    inline, pooled = load_both(monkeypatch, root, pool_used)
    assert pool_used and all(pool_used), "the worker pool was not used"
    assert len(pooled) == N_SOURCES and pooled == inline
    assert pooled[7].claims[1].start is not None and pooled[7].actual_sha256 == pooled[7].sha256


def test_same_problems(tmp_path, monkeypatch, pool_used):
    broken = {
        3: "source: [\n",  # YAML syntax
        11: "source:\n  id: s011\nclaims: 7\n",  # wrong types
        12: "\ufeffsource:\n\tid: x\n",  # BOM and a tab
        30: "",  # empty
    }
    root = corpus(tmp_path / "c", broken)
    (root / "claims" / "s031.yaml").write_bytes(b"source: \xff\xfe\n")  # not UTF-8
    inline, pooled = load_both(monkeypatch, root, pool_used)
    assert all(pool_used)
    assert isinstance(pooled, list) and pooled == inline
    assert {p.file for p in pooled} >= {"claims/s003.yaml", "claims/s011.yaml", "claims/s030.yaml", "claims/s031.yaml"}


def test_same_budget_limit(tmp_path, monkeypatch, pool_used):
    # each snapshot is ~90 bytes: the budget runs out part way, at the same file either way
    monkeypatch.setattr(corpus_load, "Budget", functools.partial(files_mod.Budget, snapshot_bytes=2_000))
    root = corpus(tmp_path / "c")
    inline, pooled = load_both(monkeypatch, root, pool_used)
    assert all(pool_used)
    assert pooled == inline
    assert len(pooled) >= 1 and all("went over the limit" in p.message for p in pooled)


def test_through_the_cache(tmp_path, monkeypatch, pool_used):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = corpus(tmp_path / "c")
    inline = rolegraph.load_corpus(root).sources
    cold = rolegraph.load_corpus(root, cache=True).sources  # every file parsed in the pool
    assert all(pool_used)
    warm = rolegraph.load_corpus(root, cache=True).sources  # every file from the cache
    assert cold == inline == warm
