"""The local on-disk store: built by one streamed bulk load, it holds exactly the quads of the
in-memory store, reports its progress, and a failure while compiling surfaces as itself and
leaves no store behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

import rolegraph
from rolegraph.errors import RolegraphError
from rolegraph.sparql.store import build_memory_store, open_store


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "c"
    shutil.copytree(rolegraph.load_corpus().root, root)
    return root


def test_disk_store_holds_the_memory_store_and_reports_progress(corpus):
    seen: list[int] = []
    store = open_store(corpus, progress=seen.append)
    memory = build_memory_store(rolegraph.load_corpus(corpus))
    assert set(store) == set(memory) and len(store) > 1000
    assert seen and seen == sorted(seen) and seen[-1] == len(store)
    again: list[int] = []
    open_store(corpus, progress=again.append)
    assert again == []  # reused: nothing compiled


def test_a_failure_while_compiling_is_raised_as_itself_and_leaves_no_store(corpus, monkeypatch):
    import rolegraph.consensus.rdf as rdf

    def broken(*args, **kwargs):
        raise RolegraphError("the consensus graph could not be made")

    monkeypatch.setattr(rdf, "consensus_lines", broken)
    with pytest.raises(RolegraphError, match="could not be made"):
        open_store(corpus)
    stores = corpus.parent / "cache" / "stores"
    assert not list(stores.glob("*/*/ready")) and not list(stores.glob("*/.build-*"))


def _built(corpus) -> list:
    return sorted((corpus.parent / "cache" / "stores").glob("*/*/ready"))


def test_a_store_built_just_after_an_edit_is_found_again_later(corpus, monkeypatch):
    import rolegraph.sparql.store as store_mod

    claims = sorted((corpus / "claims").glob("*.yaml"))[0]
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # racy now
    open_store(corpus)
    (ready,) = _built(corpus)
    first = ready.stat().st_mtime_ns
    real = store_mod.time.time_ns
    monkeypatch.setattr(store_mod.time, "time_ns", lambda: real() + 10 * store_mod.RACY_NS)  # not racy
    seen: list[int] = []
    open_store(corpus, progress=seen.append)
    assert seen == [] and _built(corpus) == [ready] and ready.stat().st_mtime_ns == first


def test_an_edit_that_keeps_size_and_time_still_rebuilds(corpus):
    claims = next(f for f in sorted((corpus / "claims").glob("*.yaml")) if "hedge: generally" in f.read_text())
    text = claims.read_text(encoding="utf-8")
    open_store(corpus)
    st = claims.stat()
    claims.write_text(text.replace("hedge: generally", "hedge: often    ", 1), encoding="utf-8")
    os.utime(claims, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same time: the stat signature cannot tell
    assert claims.stat().st_size == st.st_size
    seen: list[int] = []
    store = open_store(corpus, progress=seen.append)
    assert seen, "the store was reused although a claims file changed"
    memory = build_memory_store(rolegraph.load_corpus(corpus))
    assert set(store) == set(memory)


def _query_processes(corpus, n: int) -> list[subprocess.CompletedProcess]:
    env = {**os.environ, "ROLEGRAPH_CACHE_DIR": str(corpus.parent / "cache")}
    cmd = [sys.executable, "-m", "rolegraph", "query", "--corpus", str(corpus), "--name", "counts", "--format", "csv"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(n)]
    return [subprocess.CompletedProcess(cmd, p.wait(), *p.communicate()) for p in procs]


def test_processes_that_start_together_build_the_store_once_and_all_answer(corpus):
    for _ in range(3):
        shutil.rmtree(corpus.parent / "cache", ignore_errors=True)
        runs = _query_processes(corpus, 4)
        assert [r.returncode for r in runs] == [0] * 4, [r.stderr for r in runs]
        assert len({r.stdout for r in runs}) == 1 and runs[0].stdout.startswith(b"dimension,value,claims")
        assert len(_built(corpus)) == 1 and not list((corpus.parent / "cache" / "stores").glob("*/.build-*"))


def test_a_store_in_use_is_not_removed_by_a_build_for_a_newer_corpus(corpus):
    store = open_store(corpus)  # pinned by this process
    (old,) = _built(corpus)
    claims = next(f for f in sorted((corpus / "claims").glob("*.yaml")) if "hedge: generally" in f.read_text())
    claims.write_text(claims.read_text(encoding="utf-8").replace("hedge: generally", "hedge: often", 1), "utf-8")
    (run,) = _query_processes(corpus, 1)  # another process builds the new state
    assert run.returncode == 0, run.stderr
    assert old in _built(corpus) and len(_built(corpus)) == 2
    assert len(store) > 1000 and bool(store.query("ASK { ?s ?p ?o }", use_default_graph_as_union=True))
