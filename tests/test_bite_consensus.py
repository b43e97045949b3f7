"""Consensus behaviour the known-answer tests leave open: cycles of two merged roles, how a
``same`` or contested verdict orders its roles, tiers as the longest chain from the top, top
roles, and which claims vote (explain and min-agreement: test_bite_explain.py).

Corpora are written to disk (test_consensus_support.write_corpus) or built in memory, and read
through the public API only (``consensus``, ``explain``, results and their JSON shape)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_consensus_support import CPO, DOP, HOP, PM, VPP, claim, iri, memory_corpus, write_corpus

from rolegraph import load_corpus
from rolegraph.consensus import consensus, explain
from rolegraph.model import SIZES
from rolegraph.usable import UsableCorpus

COO = "COO"  # its IRI sorts before the CPO's (chief-operating < chief-product), its label after


def corpus_of(tmp_path, sources, settings=None):
    return load_corpus(write_corpus(tmp_path / "c", sources, settings))


def verdict_on(result, size, a, b):
    hits = [p for p in result.sizes[size].pairs if set(p.roles) == {iri(a), iri(b)}]
    assert len(hits) == 1, hits
    return hits[0]


def names(result, tiers):
    return [[result.label(r) for r in t] for t in tiers]


# ----------------------------------------------------------------------------- cycles


def test_cycle_between_a_merged_role_and_one_other_is_reported(tmp_path):
    # HoP = VPP (one tier), HoP above Director, Director above VPP: the merged role and the
    # Director outrank each other, a cycle of two ladder positions and three roles
    r = consensus(
        corpus_of(
            tmp_path,
            {
                "a": [claim("c1", HOP, "same", VPP, "The HoP and the VP are one job.")],
                "b": [claim("c1", HOP, "above", DOP, "The HoP is above the Director.")],
                "c": [claim("c1", DOP, "above", VPP, "The Director is above the VP.")],
            },
        )
    )
    for size in SIZES:
        s = r.sizes[size]
        assert names(r, s.cycles) == [[DOP, HOP, VPP]]
        assert names(r, s.ladder) == [[DOP, HOP, VPP]]
    assert r.to_dict()["sizes"]["mid"]["cycles"] == [[DOP, HOP, VPP]]


def test_merged_roles_without_a_contradiction_are_no_cycle(tmp_path):
    r = consensus(
        corpus_of(
            tmp_path,
            {
                "a": [claim("c1", HOP, "same", VPP, "The HoP and the VP are one job.")],
                "b": [claim("c1", HOP, "above", DOP, "The HoP is above the Director.")],
                "c": [claim("c1", VPP, "above", PM, "The VP leads the PMs.")],
            },
        )
    )
    s = r.sizes["large"]
    assert s.cycles == ()
    assert names(r, s.ladder) == [[HOP, VPP], [DOP, PM]]


def test_two_separate_cycles_are_listed_in_label_order(tmp_path):
    three = [
        claim("c1", HOP, "above", VPP, "HoP over VP."),
        claim("c2", VPP, "above", DOP, "VP over Director."),
        claim("c3", DOP, "above", HOP, "Director over HoP."),
    ]
    two = [
        claim("c4", CPO, "same", COO, "The CPO is the COO here."),
        claim("c5", CPO, "above", "CEO", "The CPO is above the CEO."),
        claim("c6", "CEO", "above", COO, "The CEO is above the COO."),
    ]
    r = consensus(corpus_of(tmp_path, {"a": three, "b": two}))
    assert names(r, r.sizes["small"].cycles) == [["CEO", CPO, COO], [DOP, HOP, VPP]]


# ----------------------------------------------------------------------------- verdict orientation


def test_same_verdict_names_its_roles_in_label_order(tmp_path):
    corpus = corpus_of(
        tmp_path,
        {
            "a": [claim("c1", CPO, "same", COO, "Here the CPO is the COO.")],
            "b": [claim("c1", COO, "same", CPO, "The COO doubles as CPO.")],
            "c": [claim("c1", CPO, "same", COO, "CPO and COO: one person.")],
            "d": [claim("c1", COO, "above", CPO, "The COO is above the CPO.")],
        },
    )
    assert iri(COO) < iri(CPO)  # the premise of this test: IRI order and label order differ
    p = verdict_on(consensus(corpus), "mid", CPO, COO)
    assert p.verdict == "same"
    assert p.roles == (iri(CPO), iri(COO))
    assert p.tally == {"above": 0.0, "same": 3.0, "below": 1.0}
    assert p.voters == {"above": 0, "same": 3, "below": 1}
    assert (p.higher, p.lower, p.independent_sources) == (None, None, 3)
    assert p.dissent == ("d/c1",)
    assert consensus(corpus).to_dict()["sizes"]["mid"]["pairs"][0]["roles"] == [CPO, COO]


def test_tied_contested_pair_names_its_roles_in_label_order(tmp_path):
    corpus = corpus_of(
        tmp_path,
        {
            "a": [claim("c1", COO, "above", CPO, "The COO is above the CPO.")],
            "b": [claim("c1", CPO, "above", COO, "The CPO is above the COO.")],
        },
    )
    p = verdict_on(consensus(corpus), "mid", CPO, COO)
    assert (p.verdict, p.leaning, p.roles) == ("contested", None, (iri(CPO), iri(COO)))
    assert p.tally == {"above": 1.0, "same": 0.0, "below": 1.0}


@pytest.mark.parametrize("strong, weak", [(COO, CPO), (CPO, COO)])
def test_contested_pair_puts_the_role_it_leans_to_first(tmp_path, strong, weak):
    corpus = corpus_of(
        tmp_path,
        {
            "a": [claim("c1", strong, "above", weak, "One is above the other.")],
            "b": [claim("c1", weak, "above", strong, "It may be the other way.", hedge="may")],
        },
    )
    p = verdict_on(consensus(corpus, min_agreement=0.8), "mid", CPO, COO)
    assert (p.verdict, p.leaning, p.roles) == ("contested", "above", (iri(strong), iri(weak)))
    assert p.tally == {"above": 1.0, "same": 0.0, "below": 0.4}
    assert p.agreement == pytest.approx(1 / 1.4)
    assert p.independent_sources == 2 and p.dissent == ()
    # decided at a lower bar: the strong side wins with the same orientation
    q = verdict_on(consensus(corpus, min_agreement=0.7), "mid", CPO, COO)
    assert (q.verdict, q.roles, q.higher, q.lower) == ("above", (iri(strong), iri(weak)), iri(strong), iri(weak))
    assert q.dissent == ("b/c1",) and q.independent_sources == 1


# ----------------------------------------------------------------------------- ladder tiers


def test_tier_is_the_longest_chain_from_the_top(tmp_path):
    # CPO > HoP > Director > PM, with shortcuts CPO > Director and CPO > PM, and VP > PM:
    # PM has three roles judged above it and sits below the lowest of them
    rank = [(CPO, HOP), (HOP, DOP), (DOP, PM), (CPO, DOP), (CPO, PM), (VPP, PM)]
    sources = {f"s{n}": [claim("c1", hi, "above", lo, f"{hi} is above {lo}.")] for n, (hi, lo) in enumerate(rank)}
    r = consensus(corpus_of(tmp_path, sources))
    assert names(r, r.sizes["mid"].ladder) == [[CPO, VPP], [HOP], [DOP], [PM]]
    assert r.sizes["mid"].unplaced == () and r.sizes["mid"].cycles == ()


ROLES = [CPO, HOP, VPP, DOP, "Group Product Manager", "Senior Product Manager", PM]


@st.composite
def dags(draw):
    """Roles in a random order, and 'above' edges only from earlier to later roles (no cycle)."""
    roles = draw(st.permutations(ROLES))[: draw(st.integers(2, len(ROLES)))]
    pairs = [(roles[i], roles[j]) for i in range(len(roles)) for j in range(i + 1, len(roles))]
    edges = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=len(pairs), unique=True))
    return edges


@settings(max_examples=60, deadline=None)
@given(dags())
def test_each_role_sits_one_tier_below_the_lowest_role_above_it(edges):
    sources = {
        f"s{n}": [(f"c{n}", hi, "above", lo, f"{hi} above {lo}", "any", "definite")] for n, (hi, lo) in enumerate(edges)
    }
    r = consensus(memory_corpus(sources), sizes=["mid"], workers=1)
    tier = {r.label(role): t for t, roles in enumerate(r.sizes["mid"].ladder) for role in roles}
    above: dict[str, set[str]] = {}
    for hi, lo in edges:
        above.setdefault(lo, set()).add(hi)
        above.setdefault(hi, set())
    assert set(tier) == set(above)
    for role, bosses in above.items():
        assert tier[role] == (1 + max(tier[b] for b in bosses) if bosses else 0), (role, tier)
    assert r.sizes["mid"].cycles == () and r.sizes["mid"].unplaced == ()


def test_cycles_are_ordered_by_label_not_by_iri(tmp_path):
    # by IRI the COO's cycle would come first (chief-operating < chief-product); by label the CPO's
    execs = [
        claim("e1", COO, "above", "CTO", "The COO is above the CTO."),
        claim("e2", "CTO", "above", "Founder", "The CTO is above the founder."),
        claim("e3", "Founder", "above", COO, "The founder is above the COO."),
    ]
    product = [
        claim("p1", CPO, "above", HOP, "The CPO is above the HoP."),
        claim("p2", HOP, "above", VPP, "The HoP is above the VP."),
        claim("p3", VPP, "above", CPO, "The VP is above the CPO."),
    ]
    r = consensus(corpus_of(tmp_path, {"a": execs, "b": product}))
    assert names(r, r.sizes["mid"].cycles) == [[CPO, HOP, VPP], [COO, "CTO", "Founder"]]


def test_top_roles_per_size_in_label_order_with_their_labels(tmp_path):
    corpus = corpus_of(
        tmp_path,
        {
            "a": [
                claim("t1", COO, "top", None, "The COO is the top role here.", scope="large..enterprise"),
                claim("t2", "Founder", "top", None, "The founder is on top.", scope="startup"),
            ],
            "b": [
                claim("t1", CPO, "top", None, "The CPO is the top product role.", scope="large"),
                claim("t2", COO, "top", None, "Nobody outranks the COO.", scope="large"),
            ],
        },
    )
    r = consensus(corpus)
    assert {s: r.sizes[s].size for s in SIZES} == {s: s for s in SIZES}
    assert r.sizes["large"].top == ((iri(CPO), ("b/t1",)), (iri(COO), ("a/t1", "b/t2")))
    assert r.sizes["enterprise"].top == ((iri(COO), ("a/t1",)),)
    assert r.sizes["mid"].top == ()
    # roles that only appear in top claims still carry their labels
    assert r.to_dict()["sizes"]["startup"]["top"] == [{"role": "Founder", "claims": ["a/t2"]}]
    assert r.to_dict()["sizes"]["large"]["top"] == [
        {"role": CPO, "claims": ["b/t1"]},
        {"role": COO, "claims": ["a/t1", "b/t2"]},
    ]
    assert r.labels[iri("Founder")] == "Founder"


def test_claims_naming_one_role_twice_do_not_vote(tmp_path):
    r = consensus(
        corpus_of(
            tmp_path,
            {
                "a": [
                    claim("c1", VPP, "same", "Vice President of Product", "The VP is the Vice President."),
                    claim("c2", VPP, "above", "VP Product", "The VP is above the VP."),
                ]
            },
        )
    )
    assert all(s.pairs == () and s.votes == 0 and s.ladder == () for s in r.sizes.values())


def test_hedges_without_a_weight_do_not_vote():
    from rolegraph.corpus.settings import Settings

    sources = {
        "a": [("c1", HOP, "above", VPP, "HoP over VP", "any", "definite")],
        "b": [("c1", VPP, "above", HOP, "VP over HoP", "any", "may")],
        "c": [("c1", CPO, "top", None, "CPO on top", "any", "may")],
    }
    only_firm = Settings(weights={"definite": 1.0, "generally": 0.8})
    r = consensus(memory_corpus(sources, settings=only_firm), workers=1)
    p = verdict_on(r, "mid", HOP, VPP)
    assert (p.verdict, p.claims, p.agreement) == ("above", ("a/c1",), 1.0)
    assert r.sizes["mid"].top == ()
    assert r.weights == {"definite": 1.0, "generally": 0.8}


def test_a_corpus_without_settings_uses_the_defaults():
    corpus = memory_corpus({"a": [("c1", HOP, "above", VPP, "HoP over VP", "any", "may")]})
    corpus.settings = None
    corpus = UsableCorpus(corpus)  # taken as it is: no lint run, which needs settings
    r = consensus(corpus, workers=1)
    assert (r.min_agreement, r.similarity) == (0.6, 90.0)
    assert r.weights["may"] == 0.4 and verdict_on(r, "mid", HOP, VPP).tally["above"] == 0.4
    assert explain(corpus, HOP, VPP).min_agreement == 0.6


def test_weightless_claims_leave_a_pair_contested_at_zero():
    from rolegraph.corpus.settings import Settings

    sources = {"a": [("c1", HOP, "above", VPP, "HoP over VP", "any", "some")]}
    zero = Settings(weights={"definite": 1.0, "generally": 0.8, "often": 0.6, "may": 0.4, "some": 0.0})
    p = verdict_on(consensus(memory_corpus(sources, settings=zero), workers=1), "mid", HOP, VPP)
    assert (p.verdict, p.agreement, p.leaning, p.tally["above"]) == ("contested", 0.0, None, 0.0)


def test_a_corpus_without_vocabulary_is_labelled_by_iri():
    corpus = memory_corpus({"a": [("c1", HOP, "above", VPP, "HoP over VP", "any", "definite")]})
    corpus.vocabulary = None
    r = consensus(UsableCorpus(corpus), workers=1)
    assert r.labels == {iri(HOP): iri(HOP), iri(VPP): iri(VPP)}
    assert r.sizes["mid"].ladder == ((iri(HOP),), (iri(VPP),))
