"""How contradiction findings are grouped, ordered and given a severity (rolegraph.findings),
pinned on small corpora through ``rolegraph.lint`` with every engine.

The severity policy under test (README, "Severity"): two firm claims in the same or genuinely
overlapping scopes are an error, a hedged side makes it a warning; a claim that is narrower
than the other (a scope inside the other's, or the same scope with a condition the other lacks)
is a scoped exception: info when that narrower claim is hedged, warning when it is firm."""

from __future__ import annotations

import json

import pytest
from corpus_builder import build, claim

import rolegraph
from rolegraph.formatters import render

TEXT = "Q. The text of the page. Q."
ENGINES = ["fast", "shacl", "shacl-oxigraph"]
HOP, VPP = "Head of Product", "VP of Product"
COND = "in teams that have both roles"


def lint(root, select, engine="fast") -> list[dict]:
    corpus = rolegraph.load_corpus(root)
    return json.loads(render(rolegraph.lint(corpus, select=select, engine=engine), corpus, "json"))["findings"]


def opposite(tmp_path, up: dict, down: dict) -> list[dict]:
    """HoP above VPP (source s1, claim 'up') against VPP above HoP (source s2, claim 'down')."""
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("up", HOP, "above", VPP, **up)]),
            "s2": (TEXT, [claim("down", VPP, "above", HOP, **down)]),
        },
    )
    return lint(root, ["RG101"])


CASES = [
    # (HoP-above-VPP claim, VPP-above-HoP claim, severity)
    ({}, {}, "error"),
    ({"hedge": "generally"}, {}, "error"),
    ({}, {"hedge": "may"}, "warning"),
    ({"hedge": "often"}, {}, "warning"),
    # the same scope, one side conditional: that side is the narrower exception
    ({"condition": COND}, {}, "warning"),
    ({}, {"condition": COND}, "warning"),
    ({"condition": COND, "hedge": "may"}, {}, "info"),
    ({}, {"condition": COND, "hedge": "some"}, "info"),
    ({"condition": COND}, {"hedge": "may"}, "warning"),  # the narrow side is firm
    ({"hedge": "may"}, {"condition": COND}, "warning"),
    ({"hedge": "often"}, {"condition": COND, "hedge": "may"}, "info"),
    # both conditional: neither is narrower
    ({"condition": COND}, {"condition": "in startups"}, "error"),
    ({"condition": COND, "hedge": "may"}, {"condition": COND}, "warning"),
    # a scope inside the other's
    ({"scope": "large"}, {}, "warning"),
    ({"scope": "large", "hedge": "may"}, {}, "info"),
    ({}, {"scope": "large..enterprise", "hedge": "may"}, "info"),
    ({"hedge": "may"}, {"scope": "startup"}, "warning"),
    # a narrower scope wins over a condition on the wider claim
    ({"scope": "mid", "hedge": "may"}, {"condition": COND}, "info"),
    # scopes that overlap with neither inside the other
    ({"scope": "startup..mid"}, {"scope": "mid..large"}, "error"),
    ({"scope": "startup..mid", "hedge": "may"}, {"scope": "mid..large"}, "warning"),
]


@pytest.mark.parametrize("up, down, severity", CASES)
def test_severity_of_a_pair_of_claims(tmp_path, up, down, severity):
    (f,) = opposite(tmp_path, up, down)
    assert f["severity"] == severity


@pytest.mark.parametrize("engine", ["shacl", "shacl-oxigraph"])
def test_severity_of_conditional_claims_is_the_same_on_every_engine(tmp_path, engine):
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("up", HOP, "above", VPP, condition=COND, hedge="may")]),
            "s2": (TEXT, [claim("down", VPP, "above", HOP)]),
            "s3": (TEXT, [claim("x", "CPO", "above", "Director of Product", condition=COND)]),
            "s4": (TEXT, [claim("y", "Director of Product", "above", "CPO")]),
        },
    )
    assert [f["severity"] for f in lint(root, ["RG101"], engine)] == ["info", "warning"]
    assert [f["severity"] for f in lint(root, ["RG101"])] == ["info", "warning"]


def test_a_finding_takes_the_worst_pair(tmp_path):
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("up", HOP, "above", VPP, scope="large", hedge="may")]),
            "s2": (TEXT, [claim("down", VPP, "above", HOP)]),
            "s3": (TEXT, [claim("up2", HOP, "above", VPP, scope="large..enterprise")]),
        },
    )
    (f,) = lint(root, ["RG101"])
    assert f["severity"] == "warning"
    assert f["scope"] == "large..enterprise"
    assert [(c["id"], c["side"]) for c in f["claims"]] == [("up", "a"), ("up2", "a"), ("down", "b")]


@pytest.mark.parametrize("engine", ENGINES)
def test_disagreements_at_separate_sizes_are_separate_findings(tmp_path, engine):
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("big", HOP, "above", VPP, scope="enterprise"),
                    claim("small", HOP, "above", VPP, scope="startup", hedge="may"),
                ],
            ),
            "s2": (
                TEXT,
                [
                    claim("big2", VPP, "oversees", HOP, scope="large..enterprise"),
                    claim("small2", VPP, "above", HOP, scope="startup..small"),
                ],
            ),
        },
    )
    found = lint(root, ["RG101"], engine)
    assert [(f["scope"], f["severity"], [c["id"] for c in f["claims"]]) for f in found] == [
        ("enterprise", "warning", ["big", "big2"]),
        ("startup", "info", ["small", "small2"]),
    ]
    assert [f["line"] for f in found] == sorted(f["line"] for f in found)
    assert len({f["fingerprint"] for f in found}) == 2
    assert all(f["message"].endswith(f"[{f['scope']}]") for f in found)


def test_claims_connected_through_a_shared_opponent_are_one_finding(tmp_path):
    # startup..small and large do not overlap each other, but both overlap the 'any' claim
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("low", HOP, "above", VPP, scope="startup..small"),
                    claim("high", HOP, "above", VPP, scope="large"),
                ],
            ),
            "s2": (TEXT, [claim("all", VPP, "above", HOP)]),
        },
    )
    (f,) = lint(root, ["RG101"])
    assert f["scope"] == "startup..small, large"
    assert [c["id"] for c in f["claims"]] == ["low", "high", "all"]
    assert f["message"] == (
        "Head of Product above VP of Product (2 claims, 1 source) against VP of Product above Head of Product "
        "(1 claim, 1 source) [startup..small, large]"
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_claims_of_a_finding_are_in_file_and_line_order(tmp_path, engine):
    # each claim of side a has its own scope and hedge, so none share a severity class
    ups = [
        claim("u1", HOP, "above", VPP, scope="enterprise", hedge="may"),
        claim("u2", HOP, "oversees", VPP, scope="large"),
        claim("u3", VPP, "reports_to", HOP, scope="mid", hedge="some"),
        claim("u4", HOP, "above", VPP, scope="small"),
        claim("u5", VPP, "below", HOP, scope="startup", hedge="often"),
        claim("u6", HOP, "above", VPP, scope="mid..large", condition=COND),
    ]
    root = build(
        tmp_path / "c",
        {
            "s2": (TEXT, ups[3:]),
            "s1": (TEXT, ups[:3]),
            "s3": (TEXT, [claim("d2", VPP, "above", HOP, hedge="may"), claim("d1", VPP, "above", HOP)]),
        },
    )
    (f,) = lint(root, ["RG101"], engine)
    assert [(c["file"], c["id"], c["side"]) for c in f["claims"]] == [
        ("claims/s1.yaml", "u1", "a"),
        ("claims/s1.yaml", "u2", "a"),
        ("claims/s1.yaml", "u3", "a"),
        ("claims/s2.yaml", "u4", "a"),
        ("claims/s2.yaml", "u5", "a"),
        ("claims/s2.yaml", "u6", "a"),
        ("claims/s3.yaml", "d2", "b"),
        ("claims/s3.yaml", "d1", "b"),
    ]
    assert (f["file"], f["severity"]) == ("claims/s1.yaml", "warning")
    assert f["line"] == f["claims"][0]["line"]


@pytest.mark.parametrize("engine", ENGINES)
def test_findings_are_ordered_by_file_line_and_code(tmp_path, engine):
    root = build(
        tmp_path / "c",
        {
            "b": (
                TEXT,
                [
                    claim("b1", "CPO", "top"),
                    claim("b2", HOP, "same", VPP),
                    claim("b3", VPP, "above", "Vice President of Product"),
                    claim("b4", VPP, "above", HOP),
                ],
            ),
            "a": (
                TEXT,
                [
                    claim("a1", "CPO", "top", "Head of Product"),
                    claim("a2", HOP, "above", VPP),
                    claim("a3", HOP, "top", scope="startup..mid"),
                ],
            ),
        },
    )
    found = lint(root, ["RG"], engine)
    keys = [(f["file"], f["line"], f["code"]) for f in found]
    assert keys == sorted(keys)
    # a1's RG104 (the whole family's top dispute) points at its claim, its RG009 at its object
    # line; a2 starts an RG101 and an RG102
    assert [(f["file"], f["code"]) for f in found] == [
        ("claims/a.yaml", "RG104"),
        ("claims/a.yaml", "RG009"),
        ("claims/a.yaml", "RG101"),
        ("claims/a.yaml", "RG102"),
        ("claims/b.yaml", "RG007"),
    ]
    assert found[2]["line"] == found[3]["line"]


def test_dissent_within_one_source_is_reported_once(tmp_path):
    # one page says both: a single finding, each claim listed once
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("up", HOP, "above", VPP),
                    claim("down", VPP, "above", HOP),
                    claim("down2", VPP, "oversees", HOP, scope="large"),
                ],
            )
        },
    )
    for engine in ENGINES:
        (f,) = lint(root, ["RG101"], engine)
        assert [c["id"] for c in f["claims"]] == ["up", "down", "down2"]
        assert f["message"].startswith("Head of Product above VP of Product (1 claim, 1 source) against ")
        assert "(2 claims, 1 source)" in f["message"]


@pytest.mark.parametrize("engine", ENGINES)
def test_claims_with_an_unknown_scope_take_no_side(tmp_path, engine):
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("up", HOP, "above", VPP), claim("vague", VPP, "above", HOP, scope="big firms")]),
            "s2": (TEXT, [claim("down", VPP, "above", HOP, scope="startup")]),
        },
    )
    found = lint(root, ["RG003", "RG101"], engine)
    assert [(f["code"], [c["id"] for c in f["claims"]]) for f in found] == [
        ("RG101", ["up", "down"]),
        ("RG003", ["vague"]),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_contradiction_messages_name_both_sides(tmp_path, engine):
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("na", "Director of Product", "not_above", HOP),
                    claim("hop-top", HOP, "top", scope="mid"),
                    claim("same", HOP, "same", VPP, scope="small"),
                ],
            ),
            "s2": (
                TEXT,
                [
                    claim("over", "Director of Product", "oversees", HOP, scope="mid"),
                    claim("over2", "Director of Product", "above", HOP, scope="mid", hedge="may"),
                    claim("vpp-top", VPP, "top", scope="mid"),
                    claim("apart", VPP, "reports_to", HOP, scope="small"),
                ],
            ),
        },
    )
    got = {(f["code"], f["message"]) for f in lint(root, ["RG1"], engine)}
    assert got == {
        (
            "RG103",
            "Director of Product not above Head of Product (1 claim, 1 source) against Director of Product above "
            "Head of Product (2 claims, 1 source) [mid]",
        ),
        (
            "RG104",
            "top role disputed: Head of Product [a] (1 claim, 1 source) vs VP of Product [b] (1 claim, 1 source); "
            "against Director of Product above Head of Product [c] (2 claims, 1 source) [mid]",
        ),
        (
            "RG102",
            "Head of Product and VP of Product ranked apart (1 claim, 1 source) against the same role "
            "(1 claim, 1 source) [small]",
        ),
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_an_error_pair_outweighs_a_warning_pair(tmp_path, engine):
    root = build(
        tmp_path / "c",
        {
            "s1": (TEXT, [claim("firm", HOP, "above", VPP), claim("hedged", HOP, "above", VPP, hedge="may")]),
            "s2": (TEXT, [claim("down", VPP, "above", HOP)]),
        },
    )
    (f,) = lint(root, ["RG101"], engine)
    assert f["severity"] == "error"
    assert f["roles"] == [HOP, VPP]
    assert (f["name"], f["scope"]) == ("opposite-rank", "any")
