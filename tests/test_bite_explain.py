"""Explain and min-agreement, pinned through the public API: ``explain(a, b)`` is the mirror image of
``explain(b, a)`` and agrees with ``consensus``; roles by label, alias or IRI; sizes in any case;
min-agreement a number from 0.5 to 1 (booleans refused), with the bar itself deciding."""

from __future__ import annotations

import pytest
from test_bite_consensus import corpus_of, verdict_on
from test_consensus_support import HOP, PM, VPP, claim, iri

from rolegraph.consensus import consensus, explain
from rolegraph.errors import UsageError
from rolegraph.model import SIZES

MIRROR = {"above": "below", "below": "above", "same": "same", "contested": "contested", "none": "none"}


# ----------------------------------------------------------------------------- explain symmetry


def sizes_of_every_kind(tmp_path):
    """startup: HoP above VPP; small: same; mid: contested (tie); large, enterprise: no votes."""
    return corpus_of(
        tmp_path,
        {
            "a": [
                claim("up", HOP, "above", VPP, "The HoP leads the VPs at startups.", scope="startup"),
                claim("eq", HOP, "same", VPP, "In small firms the two titles name one job.", scope="small"),
                claim("m1", HOP, "above", VPP, "Mid-size: the HoP is over the VP.", scope="mid"),
            ],
            "b": [
                claim("up2", VPP, "reports_to", HOP, "Startup VPs report to the head.", scope="startup"),
                claim("up3", VPP, "above", HOP, "Some say a VP is above the head.", scope="startup", hedge="some"),
                claim("eq2", VPP, "same", HOP, "Small companies use either title.", scope="small"),
                claim("m2", VPP, "oversees", HOP, "Mid-size: the VP oversees the HoP.", scope="mid"),
            ],
            "c": [claim("cp", HOP, "above", VPP, "HoP above VP, says a copy.", scope="startup")],
        },
    )


def test_explain_in_either_order_is_the_mirror_image(tmp_path):
    corpus = sizes_of_every_kind(tmp_path)
    ab, ba = explain(corpus, HOP, VPP), explain(corpus, VPP, HOP)
    assert (ab.role_a, ab.role_b) == (ba.role_b, ba.role_a) == (iri(HOP), iri(VPP))
    assert [s.verdict for s in ab.sizes] == ["above", "same", "contested", "none", "none"]
    assert [s.verdict for s in ba.sizes] == ["below", "same", "contested", "none", "none"]
    for s, t in zip(ab.sizes, ba.sizes, strict=True):
        assert s.size == t.size
        assert t.verdict == MIRROR[s.verdict]
        assert (s.agreement, s.independent_sources) == (t.agreement, t.independent_sources)
        assert s.tally == {d: t.tally[MIRROR[d]] for d in ("above", "same", "below")}
        assert s.voters == {d: t.voters[MIRROR[d]] for d in ("above", "same", "below")}
        assert [v.ref for v in s.votes] == [v.ref for v in t.votes]
        for v, w in zip(s.votes, t.votes, strict=True):
            assert w.direction == MIRROR[v.direction]
            assert (v.voter, v.counted, v.weight, v.copy_group) == (w.voter, w.counted, w.weight, w.copy_group)


def test_explain_is_relative_to_the_first_role(tmp_path):
    corpus = sizes_of_every_kind(tmp_path)
    (s,) = explain(corpus, VPP, HOP, size="startup").sizes
    rows = {v.ref: v.direction for v in s.votes}
    # VP of Product first: every claim putting the HoP higher reads "below"
    assert rows == {"a/up": "below", "b/up2": "below", "b/up3": "above", "c/cp": "below"}
    assert s.tally == {"above": 0.3, "same": 0.0, "below": 3.0}
    assert s.voters == {"above": 1, "same": 0, "below": 3}
    # the same numbers as the consensus verdict on the pair
    p = verdict_on(consensus(corpus), "startup", HOP, VPP)
    assert p.roles == (iri(HOP), iri(VPP)) and p.tally == {"above": 3.0, "same": 0.0, "below": 0.3}
    assert (s.agreement, s.independent_sources) == (p.agreement, p.independent_sources)


def test_explain_of_pair_whose_first_role_sorts_last(tmp_path):
    corpus = corpus_of(
        tmp_path,
        {
            "a": [claim("c1", PM, "reports_to", HOP, "PMs report to the head of product.")],
            "b": [claim("c1", HOP, "oversees", PM, "The head oversees PMs.")],
        },
    )
    assert iri(PM) > iri(HOP)
    (s,) = explain(corpus, PM, HOP, size="mid").sizes
    assert (s.verdict, s.tally["below"], s.voters["below"]) == ("below", 2.0, 2)
    assert [v.direction for v in s.votes] == ["below", "below"]
    (t,) = explain(corpus, HOP, PM, size="mid").sizes
    assert (t.verdict, t.tally["above"], t.voters["above"]) == ("above", 2.0, 2)
    assert [v.direction for v in t.votes] == ["above", "above"]


# ----------------------------------------------------------------------------- min-agreement


@pytest.mark.parametrize("bad", [True, False, 0.49, 0.4999, 1.01, 2, 0, -1, "0.7", float("nan")])
def test_min_agreement_must_be_a_number_from_half_to_one(tmp_path, bad):
    corpus = corpus_of(tmp_path, {"a": [claim("c1", HOP, "above", VPP, "x above y")]})
    with pytest.raises(UsageError, match="min-agreement must be a number from 0.5 to 1"):
        consensus(corpus, min_agreement=bad)
    with pytest.raises(UsageError, match="min-agreement must be a number from 0.5 to 1"):
        explain(corpus, HOP, VPP, min_agreement=bad)


@pytest.mark.parametrize("edge", [0.5, 1, 1.0, 0.75])
def test_min_agreement_bounds_are_inclusive(tmp_path, edge):
    corpus = corpus_of(tmp_path, {"a": [claim("c1", HOP, "above", VPP, "x above y")]})
    r = consensus(corpus, min_agreement=edge)
    assert r.min_agreement == edge and isinstance(r.min_agreement, float)
    assert explain(corpus, HOP, VPP, min_agreement=edge).min_agreement == edge


def test_agreement_exactly_at_the_bar_decides(tmp_path):
    # 1.0 + 0.8 against 0.6 + 0.6: 1.8 / 3.0 = 0.6 exactly
    corpus = corpus_of(
        tmp_path,
        {
            "a": [claim("c1", HOP, "above", VPP, "The HoP is above the VP.")],
            "b": [claim("c1", HOP, "above", VPP, "Generally the HoP is above.", hedge="generally")],
            "c": [claim("c1", VPP, "above", HOP, "Often the VP is above.", hedge="often")],
            "d": [claim("c1", VPP, "above", HOP, "The VP is often on top.", hedge="often")],
        },
    )
    assert verdict_on(consensus(corpus, min_agreement=0.6), "mid", HOP, VPP).verdict == "above"
    assert verdict_on(consensus(corpus, min_agreement=0.61), "mid", HOP, VPP).verdict == "contested"


def test_min_agreement_from_the_corpus_settings(tmp_path):
    corpus = corpus_of(
        tmp_path,
        {"a": [claim("c1", HOP, "above", VPP, "x above y")]},
        settings="[consensus]\nmin-agreement = 0.9\n",
    )
    assert consensus(corpus).min_agreement == 0.9
    assert explain(corpus, HOP, VPP).min_agreement == 0.9
    assert consensus(corpus, min_agreement=0.5).min_agreement == 0.5


def test_explain_takes_role_iris(tmp_path):
    corpus = sizes_of_every_kind(tmp_path)
    by_iri = explain(corpus, iri(HOP), iri(VPP))
    by_label = explain(corpus, HOP, "vp of product")
    assert (by_iri.role_a, by_iri.role_b) == (iri(HOP), iri(VPP))
    assert by_iri == by_label


def test_explain_at_a_size_without_votes_is_empty(tmp_path):
    corpus = sizes_of_every_kind(tmp_path)
    (s,) = explain(corpus, HOP, VPP, size="enterprise").sizes
    assert (s.size, s.verdict, s.agreement, s.independent_sources, s.votes) == ("enterprise", "none", 0.0, 0, ())
    assert s.tally == {"above": 0.0, "same": 0.0, "below": 0.0}
    assert s.voters == {"above": 0, "same": 0, "below": 0}
    assert all(isinstance(x, float) for x in s.tally.values()) and all(type(x) is int for x in s.voters.values())


def test_explain_lists_copy_groups_by_id(tmp_path):
    one = "The head of product is the boss of every VP of product."
    two = "A VP of Product reports into the head of product at most firms."
    corpus = corpus_of(
        tmp_path,
        {
            "p1": [claim("c1", HOP, "above", VPP, one)],
            "p2": [claim("c1", HOP, "above", VPP, one)],
            "p3": [claim("c1", VPP, "reports_to", HOP, two)],
            "p4": [claim("c1", VPP, "reports_to", HOP, two.upper())],
        },
    )
    e = explain(corpus, HOP, VPP)
    assert len(e.copy_groups) == 2
    assert [g.id for g in e.copy_groups] == sorted(g.id for g in e.copy_groups)
    assert {g.sources for g in e.copy_groups} == {("p1", "p2"), ("p3", "p4")}
    assert {g.id for g in e.copy_groups} == {g.id for g in consensus(corpus).copy_groups}
    (s,) = explain(corpus, HOP, VPP, size="mid").sizes
    assert (s.verdict, s.independent_sources, s.tally["above"]) == ("above", 2, 2.0)


def test_label_of_an_unknown_iri_is_the_iri(tmp_path):
    corpus = sizes_of_every_kind(tmp_path)
    stranger = "https://example.org/role/stranger"
    assert consensus(corpus).label(stranger) == stranger
    assert consensus(corpus).label(iri(HOP)) == HOP
    assert explain(corpus, HOP, VPP).label(stranger) == stranger
    assert explain(corpus, HOP, VPP).label(iri(VPP)) == VPP


def test_sizes_are_named_in_any_case_and_come_back_in_ladder_order(tmp_path):
    corpus = sizes_of_every_kind(tmp_path)
    assert list(consensus(corpus, sizes=[" Large ", "STARTUP", "large"]).sizes) == ["startup", "large"]
    assert list(consensus(corpus, sizes=[]).sizes) == list(SIZES)
    assert [s.size for s in explain(corpus, HOP, VPP, size=["Enterprise", "small"]).sizes] == ["small", "enterprise"]
    assert [s.size for s in explain(corpus, HOP, VPP, size=" MID").sizes] == ["mid"]
    with pytest.raises(UsageError, match=r"^unknown size 'medium'; use one of startup, small, mid, large, enterprise$"):
        explain(corpus, HOP, VPP, size="medium")


def test_decided_verdicts_lean_nowhere(tmp_path):
    r = consensus(sizes_of_every_kind(tmp_path))
    assert [(p.verdict, p.leaning) for s in ("startup", "small") for p in r.sizes[s].pairs] == [
        ("above", None),
        ("same", None),
    ]
