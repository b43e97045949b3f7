"""The local on-disk store: built by one streamed bulk load, it holds exactly the quads of the
in-memory store, reports its progress, and a failure while compiling surfaces as itself and
leaves no store behind."""

from __future__ import annotations

import shutil

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
