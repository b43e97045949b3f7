"""Property tests: order independence, copies of sources, and the blocked copy search."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from test_consensus_support import memory_corpus

from rolegraph.consensus import consensus, render
from rolegraph.consensus.copies import UnionFind, copy_components, normalize
from rolegraph.model import HEDGES, SIZES

ROLES = ["Chief Product Officer", "Head of Product", "VP of Product", "Director of Product", "Product Manager"]
RELATIONS = ["above", "below", "same", "oversees", "reports_to", "not_above", "top", "may_be"]
SCOPES = ["any", "startup", "large", "small..mid", "mid..enterprise", "enterprise"]
QUOTES = [
    "The VP of Product is slightly below the Head of Product",
    "the VP of product is slightly below the head of product!",
    "The VP of Product sits slightly below the Head of Product",
    "Heads of product report to the CPO",
    "Directors lead the product managers.",
    "The two titles are often used for the same role",
    "The two titles are used for the same role",
    "A CPO outranks everyone in product",
]

claim_st = st.tuples(
    st.sampled_from(ROLES),
    st.sampled_from(RELATIONS),
    st.sampled_from(ROLES),
    st.one_of(st.sampled_from(QUOTES), st.text("abcdefgh ", min_size=1, max_size=30)),
    st.sampled_from(SCOPES),
    st.sampled_from(HEDGES),
)
corpus_st = st.dictionaries(
    st.sampled_from(["s1", "s2", "s3", "s4", "s5", "s6"]),
    st.lists(claim_st, max_size=8),
    min_size=1,
    max_size=6,
)


def build(spec: dict[str, list[tuple]], order: list[str] | None = None, perms: dict | None = None):
    sources = {}
    for sid, claims in spec.items():
        rows = [
            (f"c{n}", subj, rel, None if rel == "top" else obj, quote, scope, hedge)
            for n, (subj, rel, obj, quote, scope, hedge) in enumerate(claims)
        ]
        if perms and sid in perms:
            rows = [rows[i] for i in perms[sid]]
        sources[sid] = rows
    return memory_corpus(sources, source_order=order)


def verdicts(result) -> dict:
    """Everything a duplicated source must not change: per size, the ladder and each pair's
    verdict, orientation, agreement, independent sources and weights."""
    out = {}
    for name, s in result.sizes.items():
        out[name] = (
            s.ladder,
            s.unplaced,
            s.cycles,
            {
                frozenset(p.roles): (p.roles, p.verdict, p.leaning, p.agreement, p.independent_sources, p.tally)
                for p in s.pairs
            },
        )
    return out


@settings(max_examples=150, deadline=None)
@given(corpus_st, st.randoms(use_true_random=False))
def test_result_does_not_depend_on_order_of_files_or_claims(spec, rnd):
    base = build(spec)
    order = list(spec)
    rnd.shuffle(order)
    perms = {}
    for sid, claims in spec.items():
        idx = list(range(len(claims)))
        rnd.shuffle(idx)
        perms[sid] = idx
    shuffled = build(spec, order=order, perms=perms)
    a, b = consensus(base), consensus(shuffled)
    # claims left out (a role related to itself) are named with their line, which moves with the claim
    assert {(x.source, x.claim, x.code) for x in a.left_out} == {(x.source, x.claim, x.code) for x in b.left_out}
    a, b = replace(a, left_out=()), replace(b, left_out=())
    assert a == b
    for fmt in ("json", "text", "csv", "markdown"):
        assert render(a, base, fmt) == render(b, shuffled, fmt)


@settings(max_examples=150, deadline=None)
@given(corpus_st, st.data())
def test_duplicating_a_source_verbatim_changes_no_verdict(spec, data):
    original = data.draw(st.sampled_from(sorted(spec)))
    copy_id = data.draw(st.sampled_from(["a-copy", "zz-copy", original + "-mirror"]))
    before = consensus(build(spec))
    after = consensus(build({**spec, copy_id: list(spec[original])}))
    assert verdicts(after) == verdicts(before)


@settings(max_examples=60, deadline=None)
@given(corpus_st, st.sampled_from(SIZES))
def test_one_size_alone_equals_that_size_of_all(spec, size):
    corpus = build(spec)
    assert consensus(corpus, sizes=[size]).sizes[size] == consensus(corpus).sizes[size]


def brute_force_components(quotes: list[str], threshold: float) -> list[frozenset[int]]:
    from rapidfuzz import fuzz

    uf = UnionFind(len(quotes))
    norm = [normalize(q) for q in quotes]
    for i, j in itertools.combinations(range(len(quotes)), 2):
        if norm[i] == norm[j] or fuzz.ratio(norm[i], norm[j]) >= threshold:
            uf.union(i, j)
    groups: dict[int, set[int]] = {}
    for i in range(len(quotes)):
        groups.setdefault(uf.find(i), set()).add(i)
    return sorted(map(frozenset, groups.values()), key=min)


def components(labels: list[int]) -> list[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for i, k in enumerate(labels):
        groups.setdefault(k, set()).add(i)
    return sorted(map(frozenset, groups.values()), key=min)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(QUOTES), st.text("ab c.", min_size=0, max_size=14), st.text(max_size=12)),
        max_size=25,
    ),
    st.sampled_from([50.0, 75.0, 85.5, 90.0, 97.0, 100.0]),
    st.sampled_from([None, True, False]),
)
def test_blocked_copy_search_equals_all_pairs(quotes, threshold, project):
    found = components(copy_components(quotes, threshold, project=project))
    assert found == brute_force_components(quotes, threshold)


def test_projected_search_on_many_real_looking_quotes():
    """Above PROJECT_MIN texts the projection pass is on; it must find exactly the all-pairs answer."""
    import random

    rnd = random.Random(5)
    words = [
        "the",
        "head",
        "of",
        "product",
        "vp",
        "is",
        "slightly",
        "below",
        "above",
        "role",
        "team",
        "company",
        "often",
        "same",
    ]
    quotes = []
    for _ in range(150):
        base = " ".join(rnd.choice(words) for _ in range(rnd.randint(4, 12)))
        quotes.append(base)
        mutated = list(base)
        for _ in range(rnd.randint(0, 6)):
            mutated.insert(rnd.randrange(len(mutated) + 1), rnd.choice("xyz "))
        quotes.append("".join(mutated))
    for threshold in (60.0, 80.0, 90.0, 95.0):
        assert components(copy_components(quotes, threshold)) == brute_force_components(quotes, threshold)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=30,
)


@given(_json)
def test_record_layout_is_the_same_json(value):
    import json

    from rolegraph.consensus.render import dumps_records

    text = dumps_records(value)
    assert json.loads(text) == value
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        assert len(text.split("\n")) == len(value) + 2  # one record per line, between [ and ]
