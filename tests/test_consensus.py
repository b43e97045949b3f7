"""Consensus on small hand-made corpora with known answers."""

from __future__ import annotations

import pytest
from test_consensus_support import APM, CPO, DOP, HOP, PM, VPP, claim, iri, write_corpus

from rolegraph.consensus import ConsensusResult, consensus, explain, render
from rolegraph.corpus import load_corpus
from rolegraph.errors import UsageError
from rolegraph.model import SIZES


def run(tmp_path, sources, settings=None, **kw) -> ConsensusResult:
    return consensus(load_corpus(write_corpus(tmp_path / "c", sources, settings)), **kw)


def pair(result: ConsensusResult, size: str, a: str, b: str):
    """The verdict on the pair {a, b} at a size (labels)."""
    want = {iri(a), iri(b)}
    hits = [p for p in result.sizes[size].pairs if set(p.roles) == want]
    assert len(hits) == 1, hits
    return hits[0]


def labels(result: ConsensusResult, tiers) -> list[list[str]]:
    return [[result.label(r) for r in t] for t in tiers]


def test_clear_majority(tmp_path):
    r = run(
        tmp_path,
        {
            "a": [claim("c1", HOP, "above", VPP, "The Head of Product outranks every VP.")],
            "b": [claim("c1", VPP, "reports_to", HOP, "Our VP of Product reports to the HoP.")],
            "c": [claim("c1", HOP, "oversees", VPP, "A head of product oversees product VPs in large orgs.")],
            "d": [claim("c1", VPP, "above", HOP, "VPs sit above heads of product, always.")],
        },
    )
    for size in SIZES:
        p = pair(r, size, HOP, VPP)
        assert (p.verdict, p.higher, p.lower) == ("above", iri(HOP), iri(VPP))
        assert p.agreement == pytest.approx(0.75)
        assert p.independent_sources == 3
        assert p.claims == ("a/c1", "b/c1", "c/c1", "d/c1")
        assert p.dissent == ("d/c1",)
        assert p.tally == {"above": 3.0, "same": 0.0, "below": 1.0}
        assert labels(r, r.sizes[size].ladder) == [[HOP], [VPP]]
        assert r.sizes[size].unplaced == ()
    assert r.copy_groups == ()


def test_tie_is_contested_and_leaves_roles_unplaced(tmp_path):
    r = run(
        tmp_path,
        {
            "a": [claim("c1", HOP, "above", VPP, "The Head of Product outranks every VP.")],
            "b": [claim("c1", HOP, "below", VPP, "Heads of product report into a VP.")],
        },
    )
    p = pair(r, "mid", HOP, VPP)
    assert p.verdict == "contested"
    assert p.leaning is None
    assert p.agreement == pytest.approx(0.5)
    assert p.independent_sources == 2
    assert p.dissent == ()
    assert p.higher is None
    assert r.sizes["mid"].ladder == ()
    assert labels(r, [r.sizes["mid"].unplaced]) == [[HOP, VPP]]
    assert "contested (tie)" in render(r, None, "text")


def test_min_agreement_and_hedge_weights(tmp_path):
    sources = {
        "a": [claim("c1", HOP, "above", VPP, "The Head of Product outranks every VP.")],
        "b": [claim("c1", VPP, "above", HOP, "VPs may sit above heads of product.", hedge="may")],
        "c": [claim("c1", VPP, "above", HOP, "Sometimes a VP may outrank the head.", hedge="may")],
    }
    r = run(tmp_path, sources)  # 1.0 vs 0.4 + 0.4: 0.556 < 0.6
    p = pair(r, "small", HOP, VPP)
    assert (p.verdict, p.leaning, p.roles[0]) == ("contested", "above", iri(HOP))
    assert p.agreement == pytest.approx(1 / 1.8)
    assert p.independent_sources == 3

    p = pair(run(tmp_path / "x", sources, min_agreement=0.55), "small", HOP, VPP)
    assert (p.verdict, p.higher, p.independent_sources, p.dissent) == ("above", iri(HOP), 1, ("b/c1", "c/c1"))

    weights = "[consensus.weights]\nmay = 1.0\n"
    p = pair(run(tmp_path / "y", sources, weights), "small", HOP, VPP)
    assert (p.verdict, p.higher, p.independent_sources) == ("above", iri(VPP), 2)
    assert p.agreement == pytest.approx(2 / 3)

    p = pair(run(tmp_path / "z", sources, "[consensus]\nmin-agreement = 0.5\n"), "small", HOP, VPP)
    assert p.verdict == "above" and p.higher == iri(HOP)


def test_bad_min_agreement_and_size(tmp_path):
    corpus = load_corpus(write_corpus(tmp_path / "c", {"a": [claim("c1", HOP, "above", VPP, "x above y")]}))
    with pytest.raises(UsageError, match="0.5 to 1"):
        consensus(corpus, min_agreement=0.3)
    with pytest.raises(UsageError, match="unknown size 'huge'"):
        consensus(corpus, sizes=["huge"])
    assert list(consensus(corpus, sizes=["large", "startup", "large"]).sizes) == ["startup", "large"]


SLIGHTLY = "The VP of Product is slightly below the Head of Product"


def copied_sources(variant: str = "the VP of product is slightly below the head of product!") -> dict:
    """Three pages copy one sentence (one exactly, one with case/punctuation, one edited);
    two independent pages disagree with it."""
    return {
        "p1": [claim("vpp-below-hop", VPP, "below", HOP, SLIGHTLY)],
        "p2": [claim("hop-over-vp", HOP, "above", VPP, variant)],
        "p3": [claim("x", VPP, "below", HOP, "The VP of Product sits slightly below the Head of Product")],
        "p4": [claim("vp-top", VPP, "above", HOP, "In most firms the VP of Product is senior to a Head of Product.")],
        "p5": [claim("vp-boss", HOP, "reports_to", VPP, "Heads of Product report to the VP of Product.")],
    }


def test_copy_group_votes_once_and_flips_the_majority(tmp_path):
    r = run(tmp_path, copied_sources())
    p = pair(r, "large", HOP, VPP)
    # counted three times the copied sentence would win 3 to 2; as one voter it loses 1 to 2
    assert (p.verdict, p.higher, p.lower) == ("above", iri(VPP), iri(HOP))
    assert p.agreement == pytest.approx(2 / 3)
    assert p.independent_sources == 2
    assert p.dissent == ("p1/vpp-below-hop", "p2/hop-over-vp", "p3/x")
    assert p.voters == {"above": 2, "same": 0, "below": 1}
    (g,) = r.copy_groups
    assert g.claims == ("p1/vpp-below-hop", "p2/hop-over-vp", "p3/x")
    assert g.sources == ("p1", "p2", "p3")
    assert g.quote == SLIGHTLY
    assert g.id.startswith("copy-") and len(g.id) == 15
    assert set(g.roles) == {iri(HOP), iri(VPP)}
    data = r.to_dict()["copy_groups"]
    assert data == [
        {
            "id": g.id,
            "roles": [HOP, VPP],
            "quote": SLIGHTLY,
            "claims": ["p1/vpp-below-hop", "p2/hop-over-vp", "p3/x"],
            "sources": ["p1", "p2", "p3"],
        }
    ]


def test_similarity_threshold_is_configurable(tmp_path):
    r = run(tmp_path, copied_sources(), "[consensus]\nsimilarity = 100\n")
    # only the exact (normalised) copy is grouped now: 2 voters above for HoP vs 2 for VP: a tie
    (g,) = r.copy_groups
    assert g.claims == ("p1/vpp-below-hop", "p2/hop-over-vp")
    p = pair(r, "large", HOP, VPP)
    assert p.verdict == "contested" and p.agreement == pytest.approx(0.5)


def test_copy_group_id_is_stable_across_sources_and_order(tmp_path):
    a = run(tmp_path / "a", copied_sources()).copy_groups[0].id
    renamed = {f"z{k}": v for k, v in reversed(list(copied_sources().items()))}
    b = run(tmp_path / "b", renamed).copy_groups[0].id
    assert a == b


def test_copy_groups_are_blocked_by_role_pair(tmp_path):
    quote = "The Head of Product is above the VP of Product and the Product Manager"
    r = run(
        tmp_path,
        {
            "a": [claim("c1", HOP, "above", VPP, quote)],
            "b": [claim("c1", HOP, "above", PM, quote)],
        },
    )
    assert r.copy_groups == ()
    assert pair(r, "mid", HOP, VPP).independent_sources == 1
    assert pair(r, "mid", HOP, PM).independent_sources == 1


def test_a_source_is_one_voice_per_direction(tmp_path):
    r = run(
        tmp_path,
        {
            "a": [
                claim("c1", HOP, "above", VPP, "The Head of Product outranks every VP."),
                claim("c2", VPP, "reports_to", HOP, "Our VP of Product reports to the HoP."),
                claim("c3", HOP, "oversees", VPP, "A head of product oversees VPs.", hedge="generally"),
            ],
            "b": [claim("c1", VPP, "above", HOP, "VPs sit above heads of product, always.")],
        },
    )
    p = pair(r, "mid", HOP, VPP)
    assert p.verdict == "contested" and p.agreement == pytest.approx(0.5)
    assert p.voters == {"above": 1, "same": 0, "below": 1}
    e = explain(load_corpus(tmp_path / "c"), HOP, VPP, size="mid")
    rows = {v.ref: v for v in e.sizes[0].votes}
    assert rows["a/c1"].counted and not rows["a/c2"].counted and not rows["a/c3"].counted
    assert rows["a/c1"].voter == rows["a/c3"].voter != rows["b/c1"].voter


def test_size_scoped_claim_changes_only_its_size(tmp_path):
    base = {
        "a": [claim("c1", HOP, "above", VPP, "The Head of Product outranks every VP.")],
        "b": [claim("c1", VPP, "reports_to", HOP, "Our VP of Product reports to the HoP.")],
    }
    scoped = {k: list(v) for k, v in base.items()}
    enterprise_quotes = {
        "c": "In enterprises VPs outrank heads of product.",
        "d": "Big companies put the VP of Product over the HoP.",
        "e": "At enterprise scale the head of product reports into a vice president.",
    }
    for s, quote in enterprise_quotes.items():
        scoped[s] = [claim("ent", VPP, "above", HOP, quote, scope="enterprise")]
    before, after = run(tmp_path / "a", base).to_dict(), run(tmp_path / "b", scoped).to_dict()
    for size in SIZES[:-1]:
        assert after["sizes"][size] == before["sizes"][size]
    ent = after["sizes"]["enterprise"]
    assert ent["ladder"] == [[VPP], [HOP]]
    (p,) = ent["pairs"]
    assert (p["higher"], p["lower"], p["agreement"], p["independent_sources"]) == (VPP, HOP, 0.6, 3)
    assert p["dissent"] == ["a/c1", "b/c1"]
    assert before["sizes"]["enterprise"]["ladder"] == [[HOP], [VPP]]


def test_scope_range(tmp_path):
    r = run(
        tmp_path, {"a": [claim("c1", HOP, "above", VPP, "In smaller firms the HoP leads.", scope="startup..small")]}
    )
    assert [s for s in SIZES if r.sizes[s].pairs] == ["startup", "small"]
    assert r.sizes["large"].ladder == () and r.sizes["large"].votes == 0
    assert "no claim covers this size" in render(r, None, "text")


def test_same_verdicts_share_a_tier(tmp_path):
    r = run(
        tmp_path,
        {
            "a": [
                claim("c1", HOP, "same", VPP, "Head of Product and VP of Product are the same job."),
                claim("c2", CPO, "above", HOP, "The CPO sits above the head of product."),
                claim("c3", VPP, "above", PM, "VPs lead the product managers."),
            ],
            "b": [claim("c1", VPP, "same", HOP, "VP Product is just another name for Head of Product.")],
        },
    )
    s = r.sizes["startup"]
    assert labels(r, s.ladder) == [[CPO], [HOP, VPP], [PM]]
    p = pair(r, "startup", HOP, VPP)
    assert (p.verdict, p.roles, p.independent_sources) == ("same", (iri(HOP), iri(VPP)), 2)
    assert r.to_dict()["sizes"]["startup"]["pairs"][1]["roles"] == [HOP, VPP]
    assert "Head of Product = VP of Product" in render(r, None, "text")


def test_unordered_roles_share_a_tier_the_order_allows(tmp_path):
    r = run(
        tmp_path,
        {
            "a": [
                claim("c1", CPO, "above", HOP, "The CPO sits above the head of product."),
                claim("c2", CPO, "above", DOP, "The CPO sits above directors."),
                claim("c3", HOP, "above", PM, "Heads of product lead PMs."),
                claim("c4", PM, "above", APM, "PMs mentor APMs."),
            ],
        },
    )
    s = r.sizes["mid"]
    # Director of Product is only known to be below the CPO: it shares the tier of Head of Product
    assert labels(r, s.ladder) == [[CPO], [DOP, HOP], [PM], [APM]]
    assert "Director of Product, Head of Product" in render(r, None, "text")


def test_cycle_is_reported_not_ordered(tmp_path):
    r = run(
        tmp_path,
        {
            "a": [
                claim("c1", HOP, "above", VPP, "The HoP is above the VP."),
                claim("c2", VPP, "above", DOP, "The VP is above the Director."),
                claim("c3", DOP, "above", HOP, "The Director is above the HoP."),
                claim("c4", CPO, "above", HOP, "The CPO is above the HoP."),
                claim("c5", DOP, "above", PM, "Directors lead PMs."),
            ],
        },
    )
    s = r.sizes["large"]
    assert labels(r, s.cycles) == [[DOP, HOP, VPP]]
    assert labels(r, s.ladder) == [[CPO], [DOP, HOP, VPP], [PM]]
    text = render(r, None, "text")
    assert "Director of Product (cycle), Head of Product (cycle), VP of Product (cycle)" in text
    assert "are not ordered" in text
    assert r.to_dict()["sizes"]["large"]["cycles"] == [[DOP, HOP, VPP]]


def test_same_and_above_contradiction_is_a_cycle(tmp_path):
    r = run(
        tmp_path,
        {
            "a": [
                claim("c1", HOP, "same", VPP, "HoP and VP are one job."),
                claim("c2", VPP, "same", DOP, "VP and Director are one job."),
                claim("c3", HOP, "above", DOP, "The HoP is above the Director."),
            ],
        },
    )
    assert labels(r, r.sizes["mid"].cycles) == [[DOP, HOP, VPP]]


def test_ignored_relations_and_top_claims(tmp_path):
    r = run(
        tmp_path,
        {
            "a": [
                claim("c1", HOP, "not_above", VPP, "The HoP is not above the VP."),
                claim("c2", HOP, "may_be", VPP, "The HoP may be the VP."),
                claim("c3", HOP, "overlaps", VPP, "The roles overlap."),
                claim("c4", CPO, "top", None, "The CPO is the top product role.", scope="large..enterprise"),
                claim("c5", CPO, "above", PM, "The CPO is above the PM."),
            ],
        },
    )
    s = r.sizes["large"]
    assert [set(p.roles) for p in s.pairs] == [{iri(CPO), iri(PM)}]
    assert s.top == ((iri(CPO), ("a/c4",)),)
    assert r.sizes["mid"].top == ()
    assert r.to_dict()["sizes"]["large"]["top"] == [{"role": CPO, "claims": ["a/c4"]}]


def test_explain_lists_every_vote(tmp_path):
    corpus = load_corpus(write_corpus(tmp_path / "c", copied_sources()))
    e = explain(corpus, "head of product", "VP Product", size="large")
    (s,) = e.sizes
    assert (e.role_a, e.role_b) == (iri(HOP), iri(VPP))
    assert s.verdict == "below"  # Head of Product is below VP of Product
    assert s.agreement == pytest.approx(2 / 3) and s.independent_sources == 2
    assert s.tally == {"above": 1.0, "same": 0.0, "below": 2.0}
    rows = {v.ref: v for v in s.votes}
    assert set(rows) == {"p1/vpp-below-hop", "p2/hop-over-vp", "p3/x", "p4/vp-top", "p5/vp-boss"}
    group = rows["p1/vpp-below-hop"].copy_group
    assert group and rows["p3/x"].copy_group == group and rows["p4/vp-top"].copy_group is None
    assert rows["p1/vpp-below-hop"].direction == "above"
    assert rows["p4/vp-top"].direction == "below"
    assert rows["p1/vpp-below-hop"].quote == SLIGHTLY
    assert (rows["p1/vpp-below-hop"].hedge, rows["p1/vpp-below-hop"].weight) == ("definite", 1.0)
    assert sum(v.counted for v in s.votes) == 3
    assert rows["p1/vpp-below-hop"].file == "claims/p1.yaml" and rows["p1/vpp-below-hop"].line > 0
    # the other order flips the verdict's wording, not its substance
    (t,) = explain(corpus, VPP, HOP, size="large").sizes
    assert t.verdict == "above" and t.tally == {"above": 2.0, "same": 0.0, "below": 1.0}
    # explain agrees with consensus at every size
    r = consensus(corpus)
    for s in explain(corpus, HOP, VPP).sizes:
        p = pair(r, s.size, HOP, VPP)
        assert (s.agreement, s.independent_sources) == (p.agreement, p.independent_sources)


def test_explain_errors(tmp_path):
    corpus = load_corpus(write_corpus(tmp_path / "c", copied_sources()))
    with pytest.raises(UsageError, match="unknown role 'Haed of Product'.*'Head of Product'"):
        explain(corpus, "Haed of Product", VPP)
    with pytest.raises(UsageError, match="name the same role"):
        explain(corpus, "HoP", HOP)
    (s,) = explain(corpus, CPO, PM, size="mid").sizes
    assert s.verdict == "none" and s.votes == ()


def test_claims_with_unknown_terms_do_not_vote(tmp_path):
    from rolegraph.consensus.core import claim_vote

    corpus = load_corpus(
        write_corpus(
            tmp_path / "c",
            {
                "a": [
                    claim("c1", HOP, "above", VPP, "q1", hedge="perhaps"),
                    claim("c2", HOP, "above", VPP, "q2", scope="huge"),
                    claim("c3", "Wizard", "above", VPP, "q3"),
                    claim("c4", HOP, "above", VPP, "q4"),
                ]
            },
        )
    )
    weights = corpus.settings.weights
    assert [claim_vote(c, weights) is not None for c in corpus.claims()] == [False, False, False, True]
    assert pair(consensus(corpus), "mid", HOP, VPP).claims == ("a/c4",)


def test_python_api_exports():
    import rolegraph
    from rolegraph.consensus import ConsensusResult as CR
    from rolegraph.consensus import consensus as fn
    from rolegraph.corpus import load_corpus as lc

    assert callable(fn) and CR is ConsensusResult
    # the package is callable, so rolegraph.consensus(corpus) works in any import order
    corpus = lc()
    assert rolegraph.consensus(corpus) == fn(corpus)
