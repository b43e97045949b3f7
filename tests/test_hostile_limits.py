"""The limits that bound a hostile corpus's cost: quote search, snapshot bytes, suggestions, the
role file; no network access ever; and a damaged parse cache costs speed, never correctness."""

from __future__ import annotations

import functools
import hashlib
import marshal
import socket
import time

import pytest
from hostile_helpers import CLAIMS, ROLES_PREFIXES, SHA, make_corpus

import rolegraph
from rolegraph.corpus import cache as cache_mod
from rolegraph.corpus import claims as claims_mod
from rolegraph.corpus import files as files_mod
from rolegraph.corpus import load as corpus_load
from rolegraph.corpus import vocab
from rolegraph.errors import InputError


def _claims_on(text: str, quotes: list[str], occurrence: int = 1) -> str:
    head = CLAIMS.split("claims:\n")[0].replace(SHA, hashlib.sha256(text.encode()).hexdigest())
    items = "".join(
        f"  - id: k{i}\n    subject: CPO\n    relation: top\n    quote: '{q}'\n    occurrence: {occurrence}\n"
        for i, q in enumerate(quotes)
    )
    return head + "claims:\n" + items


def test_repeated_quotes_with_high_occurrence_are_searched_once(tmp_path, monkeypatch):
    """Regression: quote 'a' with a huge occurrence on a page of 'a's looped once per claim; now
    each distinct quote is searched once, so 2000 such claims scan about 1000 characters."""
    monkeypatch.setattr(corpus_load, "Budget", functools.partial(files_mod.Budget, quote_search=10_000))
    root = make_corpus(tmp_path / "c")
    text = "a" * 2_000_000
    (root / "sources" / "a.txt").write_text(text)
    (root / "claims" / "a.yaml").write_text(_claims_on(text, ["a"] * 2000, occurrence=claims_mod.MAX_OCCURRENCE))
    corpus = rolegraph.load_corpus(root)
    assert {c.start for c in corpus.claims()} == {claims_mod.MAX_OCCURRENCE - 1}


def test_occurrence_over_the_limit_is_refused(tmp_path):
    root = make_corpus(tmp_path / "c")
    (root / "claims" / "a.yaml").write_text(_claims_on("x", ["x"], occurrence=claims_mod.MAX_OCCURRENCE + 1))
    with pytest.raises(InputError) as e:
        rolegraph.load_corpus(root)
    assert f"from 1 to {claims_mod.MAX_OCCURRENCE}" in str(e.value) and e.value.problems[0].line == 13


def test_quote_search_budget_names_the_limit_and_the_line(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_load, "Budget", functools.partial(files_mod.Budget, quote_search=50_000))
    root = make_corpus(tmp_path / "c")
    text = "b" * 10_000
    (root / "sources" / "a.txt").write_text(text)
    (root / "claims" / "a.yaml").write_text(_claims_on(text, [f"a{i}" for i in range(20)]))
    with pytest.raises(InputError) as e:
        rolegraph.load_corpus(root)
    (p,) = e.value.problems
    assert p.file == "claims/a.yaml" and p.line == 9 + 5 * 5 + 3  # the quote of the 6th claim (k5)
    assert str(files_mod.MAX_QUOTE_SEARCH) in p.message


def test_snapshot_bytes_budget_per_load(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_load, "Budget", functools.partial(files_mod.Budget, snapshot_bytes=15_000))
    root = make_corpus(tmp_path / "c")
    text = "CPO " * 2500  # 10 kB; two sources point at it
    (root / "sources" / "a.txt").write_text(text)
    (root / "claims" / "a.yaml").write_text(_claims_on(text, ["CPO"]))
    (root / "claims" / "b.yaml").write_text(_claims_on(text, ["CPO"]).replace("  id: a\n", "  id: b\n"))
    with pytest.raises(InputError) as e:
        rolegraph.load_corpus(root)
    (p,) = e.value.problems
    assert p.file == "claims/b.yaml" and p.line == 6 and str(files_mod.MAX_SNAPSHOT_BYTES_PER_LOAD) in p.message


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection or resolve a name fails the test."""
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return calls


@pytest.mark.parametrize(
    "ttl",
    [
        "<http://x.org/r> owl:imports <http://127.0.0.1:9/roles.ttl> .\n",
        '@base <http://127.0.0.1:9/> .\n<x> a rg:Role ; skos:prefLabel "Remote" .\n',
        'role:x a rg:Role ; skos:prefLabel "X" ; rg:family <http://127.0.0.1:9/family> .\n',
        "<http://example.com/roles.ttl> a <http://www.w3.org/2002/07/owl#Ontology> .\n",
    ],
)
def test_role_files_never_fetch(tmp_path, no_network, ttl):
    root = make_corpus(tmp_path / "c")
    (root / "roles.ttl").write_text(ROLES_PREFIXES + ttl)
    try:
        corpus = rolegraph.load_corpus(root)
    except InputError as e:
        assert all(p.file == "roles.ttl" and p.line >= 1 for p in e.problems), e.problems
    else:
        rolegraph.lint(corpus)
        rolegraph.export(corpus, "trig")
    assert no_network == []


def test_suggestions_have_a_budget_and_stay_fast():
    """Regression: many unknown names against a big roles.ttl ran difflib for hours."""
    v = vocab.builtin_vocabulary().copy()
    v = vocab.Vocabulary(dict(v.roles), {f"label number {i}": next(iter(v.roles)) for i in range(20_000)})
    t0 = time.monotonic()
    hints = [v.suggest(f"unknown title {i}") for i in range(500)]
    assert time.monotonic() - t0 < 10
    assert hints[-1] == []  # the budget ran out: hints stop, nothing breaks
    assert v.suggest("unknown title 0") == hints[0]  # answers are remembered
    fresh = vocab.load_vocabulary(None)
    assert fresh.suggest("Hed of Product")[0] == "Head of Product"  # each load gets a fresh budget


def test_role_file_over_the_triple_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(vocab, "MAX_TRIPLES", 100)
    root = make_corpus(tmp_path / "c")
    body = "".join(f'role:r{i} a rg:Role ; skos:prefLabel "Role {i}" .\n' for i in range(60))
    (root / "roles.ttl").write_text(ROLES_PREFIXES + body)
    with pytest.raises(InputError, match="more than 100 triples"):
        rolegraph.load_corpus(root)


@pytest.mark.parametrize(
    "damage",
    [
        b"not marshal at all",
        marshal.dumps({"format": "other"}),
        marshal.dumps({"format": cache_mod.FORMAT, "entries": {"claims/a.yaml": ("x",)}}),
        marshal.dumps({"format": cache_mod.FORMAT, "entries": {"claims/a.yaml": (None, 1, 2, 3, 4, 5)}}),
        "entry-with-bad-fields",
    ],
)
def test_damaged_cache_is_ignored(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = make_corpus(tmp_path / "c")
    fresh = rolegraph.load_corpus(root, cache=True)
    path = cache_mod.cache_file(root, "claims/a.yaml")
    if damage == "entry-with-bad-fields":  # the right digests, but the parse does not fit the model
        entries = marshal.loads(path.read_bytes())["entries"]
        *keys, _ = entries["claims/a.yaml"]
        entries["claims/a.yaml"] = (*keys, (("a", "too few"), []))
        damage = marshal.dumps({"format": cache_mod.FORMAT, "entries": entries})
    path.write_bytes(damage)
    again = rolegraph.load_corpus(root, cache=True)
    assert [(c.id, c.start, c.subject) for c in again.claims()] == [(c.id, c.start, c.subject) for c in fresh.claims()]


def test_cache_never_serves_a_now_refused_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = make_corpus(tmp_path / "c")
    rolegraph.load_corpus(root, cache=True)
    (root / "sources" / "a.txt").unlink()
    (root / "sources" / "a.txt").symlink_to("/etc/hostname")
    with pytest.raises(InputError, match="outside the corpus"):
        rolegraph.load_corpus(root, cache=True)
