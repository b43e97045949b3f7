"""RG105 rank cycles: severity from the firmness of every edge, the claims and sizes a cycle
lists, one finding per strongly connected group of roles, and cycles found wherever they sit in
the graph. Small corpora through ``rolegraph.lint`` (see test_bite_rules.py for the helpers)."""

from __future__ import annotations

import pytest
from corpus_builder import build, claim
from test_bite_rules import ENGINES, TEXT, claim_lines, lint


def cycle(tmp_path, *, hedges=("definite", "definite", "definite"), conditions=(None, None, None), extra=None):
    """CPO > HoP (s1), HoP > VPP (s2), VPP > CPO (s3), with the given hedge and condition per edge."""
    edges = [("CPO", "Head of Product"), ("Head of Product", "VP of Product"), ("VP of Product", "CPO")]
    sources = {}
    for n, ((hi, lo), hedge, cond) in enumerate(zip(edges, hedges, conditions, strict=True), 1):
        kw = {"hedge": hedge}
        if cond:
            kw["condition"] = cond
        sources[f"s{n}"] = (TEXT, [claim(f"e{n}", hi, "above", lo, **kw)])
    for sid, extra_claims in (extra or {}).items():
        sources[sid] = (TEXT, sources.get(sid, (TEXT, []))[1] + extra_claims)
    return build(tmp_path / "c", sources)


@pytest.mark.parametrize("engine", ENGINES)
def test_cycle_of_firm_claims_is_an_error(tmp_path, engine):
    (f,) = lint(cycle(tmp_path), ["RG105"], engine)
    assert f["severity"] == "error"
    assert f["name"] == "rank-cycle"
    assert f["scope"] == "any"
    assert f["roles"] == ["Chief Product Officer", "Head of Product", "VP of Product"]
    assert f["message"] == (
        "rank cycle: Chief Product Officer above Head of Product above VP of Product above Chief Product Officer [any]"
    )
    assert [(c["id"], c["side"]) for c in f["claims"]] == [("e1", "1"), ("e2", "2"), ("e3", "3")]
    assert (f["file"], f["line"]) == ("claims/s1.yaml", claim_lines(tmp_path / "c")["s1/e1"])


@pytest.mark.parametrize(
    "hedges, conditions",
    [
        (("definite", "may", "definite"), (None, None, None)),
        (("definite", "definite", "often"), (None, None, None)),
        (("some", "definite", "definite"), (None, None, None)),
        (("definite", "generally", "definite"), (None, "in teams with both roles", None)),
    ],
)
def test_cycle_with_one_hedged_or_conditional_edge_is_a_warning(tmp_path, hedges, conditions):
    (f,) = lint(cycle(tmp_path, hedges=hedges, conditions=conditions), ["RG105"])
    assert f["severity"] == "warning"


def test_generally_counts_as_firm_for_a_cycle(tmp_path):
    (f,) = lint(cycle(tmp_path, hedges=("generally", "generally", "definite")), ["RG105"])
    assert f["severity"] == "error"


def test_an_edge_is_firm_when_any_of_its_claims_is_firm(tmp_path):
    # the hedged edge HoP > VPP also has a firm claim from another source: every edge is firm
    extra = {"s4": [claim("e4", "Head of Product", "oversees", "VP of Product")]}
    (f,) = lint(cycle(tmp_path, hedges=("definite", "may", "definite"), extra=extra), ["RG105"])
    assert f["severity"] == "error"
    assert [(c["id"], c["side"]) for c in f["claims"]] == [("e1", "1"), ("e2", "2"), ("e4", "2"), ("e3", "3")]


@pytest.mark.parametrize("engine", ENGINES)
def test_cycle_lists_only_claims_at_its_sizes(tmp_path, engine):
    # the cycle exists at large..enterprise only; a firm startup claim on one edge is not part of it
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("e1", "CPO", "above", "Head of Product", scope="large..enterprise")]),
            "s2": (
                TEXT,
                [
                    claim("e2", "Head of Product", "above", "VP of Product", scope="large", hedge="may"),
                    claim("e2b", "Head of Product", "above", "VP of Product", scope="startup"),
                ],
            ),
            "s3": (TEXT, [claim("e3", "VP of Product", "above", "CPO", scope="any")]),
        },
    )
    (f,) = lint(root, ["RG105"], engine)
    assert f["scope"] == "large"
    assert f["message"].endswith("[large]")
    assert [c["id"] for c in f["claims"]] == ["e1", "e2", "e3"]
    # the only claim of the HoP > VPP edge at that size is hedged
    assert f["severity"] == "warning"


def test_same_cycle_at_two_separate_sizes_is_one_finding(tmp_path):
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("e1", "CPO", "above", "Head of Product")]),
            "s2": (TEXT, [claim("e2", "Head of Product", "above", "VP of Product")]),
            "s3": (
                TEXT,
                [
                    claim("e3", "VP of Product", "above", "CPO", scope="startup"),
                    claim("e3b", "VP of Product", "above", "CPO", scope="enterprise"),
                ],
            ),
        },
    )
    (f,) = lint(root, ["RG105"])
    assert f["scope"] == "startup, enterprise"
    assert [c["id"] for c in f["claims"]] == ["e1", "e2", "e3", "e3b"]


def test_two_role_contradiction_is_not_a_cycle(tmp_path):
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("e1", "CPO", "above", "Head of Product")]),
            "s2": (TEXT, [claim("e2", "Head of Product", "above", "CPO")]),
        },
    )
    assert lint(root, ["RG105"]) == []
    assert [f["code"] for f in lint(root, ["RG1"])] == ["RG101"]


def test_role_hanging_off_a_cycle_is_not_part_of_it(tmp_path):
    # Head of Product also outranks the Product Manager, who outranks no one
    root = cycle(tmp_path, extra={"s2": [claim("leaf", "Head of Product", "above", "Product Manager")]})
    (f,) = lint(root, ["RG105"])
    assert f["roles"] == ["Chief Product Officer", "Head of Product", "VP of Product"]
    assert "leaf" not in [c["id"] for c in f["claims"]]


def test_claims_with_an_unknown_scope_make_no_cycle(tmp_path):
    root = cycle(tmp_path, extra={"s4": [claim("x", "VP of Product", "above", "CPO", scope="huge")]})
    (f,) = lint(root, ["RG105"])
    assert [c["id"] for c in f["claims"]] == ["e1", "e2", "e3"]
    broken = build(
        tmp_path / "d",
        {
            "s1": (TEXT, [claim("e1", "CPO", "above", "Head of Product")]),
            "s2": (TEXT, [claim("e2", "Head of Product", "above", "VP of Product")]),
            "s3": (TEXT, [claim("e3", "VP of Product", "above", "CPO", scope="huge")]),
        },
    )
    assert lint(broken, ["RG105"]) == []


def test_cycle_is_found_behind_roles_already_ranked(tmp_path):
    # CEO > CPO > Founder holds no cycle; the Director, Head and VP of Product form one
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("a", "CEO", "above", "CPO"), claim("b", "CPO", "above", "Founder")]),
            "s2": (
                TEXT,
                [
                    claim("c", "Director of Product", "above", "Head of Product"),
                    claim("d", "Head of Product", "above", "VP of Product"),
                    claim("e", "VP of Product", "above", "Director of Product"),
                ],
            ),
        },
    )
    for engine in ENGINES:
        (f,) = lint(root, ["RG105"], engine)
        assert f["roles"] == ["Director of Product", "Head of Product", "VP of Product"]
        assert [c["id"] for c in f["claims"]] == ["c", "d", "e"]


def test_two_cycles_below_one_role_are_two_findings(tmp_path):
    # the Associate PM (first by IRI) outranks a member of each cycle but is in neither
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("a1", "APM", "above", "CEO"), claim("a2", "APM", "above", "Director of Product")]),
            "s2": (TEXT, [claim("e1", "CEO", "above", "COO"), claim("e2", "COO", "above", "CTO")]),
            "s3": (TEXT, [claim("e3", "CTO", "above", "CEO")]),
            "s4": (
                TEXT,
                [
                    claim("p1", "Director of Product", "above", "Head of Product"),
                    claim("p2", "Head of Product", "above", "VP of Product"),
                    claim("p3", "VP of Product", "above", "Director of Product"),
                ],
            ),
        },
    )
    found = lint(root, ["RG105"])
    assert sorted(f["roles"] for f in found) == [
        ["CEO", "COO", "CTO"],
        ["Director of Product", "Head of Product", "VP of Product"],
    ]


def test_one_group_of_roles_is_one_finding_with_its_shortest_cycle(tmp_path):
    # CPO > HoP, then HoP > VPP > CPO and HoP > Director > CPO: two cycles of three through one group
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("a", "CPO", "above", "Head of Product")]),
            "s2": (
                TEXT,
                [
                    claim("b", "Head of Product", "above", "VP of Product"),
                    claim("c", "VP of Product", "above", "CPO"),
                    claim("d", "Head of Product", "above", "Director of Product"),
                    claim("e", "Director of Product", "above", "CPO"),
                ],
            ),
        },
    )
    (f,) = lint(root, ["RG105"])
    assert f["roles"] == ["Chief Product Officer", "Head of Product", "Director of Product"]
    assert [c["id"] for c in f["claims"]] == ["a", "d", "e"]


def test_two_cycles_sharing_one_role_are_one_group(tmp_path):
    # a figure eight through the Associate PM: APM > Director > PM > APM and APM > HoP > VPP > APM
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("a", "APM", "above", "Director of Product"),
                    claim("b", "Director of Product", "above", "Product Manager"),
                    claim("c", "Product Manager", "above", "APM"),
                ],
            ),
            "s2": (
                TEXT,
                [
                    claim("d", "APM", "above", "Head of Product"),
                    claim("e", "Head of Product", "above", "VP of Product"),
                    claim("f", "VP of Product", "above", "APM"),
                ],
            ),
        },
    )
    (f,) = lint(root, ["RG105"])
    assert f["roles"] == ["Associate Product Manager", "Director of Product", "Product Manager"]


def test_a_cycle_of_three_is_reported_even_beside_a_two_role_contradiction(tmp_path):
    # CPO and HoP outrank each other (RG101's business) and also sit on the cycle CPO > HoP > VPP > CPO
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [claim("a", "CPO", "above", "Head of Product"), claim("b", "Head of Product", "above", "CPO")],
            ),
            "s2": (
                TEXT,
                [claim("c", "Head of Product", "above", "VP of Product"), claim("d", "VP of Product", "above", "CPO")],
            ),
        },
    )
    (f,) = lint(root, ["RG105"])
    assert f["roles"] == ["Chief Product Officer", "Head of Product", "VP of Product"]
    assert [c["id"] for c in f["claims"]] == ["a", "c", "d"]
