"""Every contradiction rule reports one finding per disagreement, however many sources take part.

Each case spreads one disagreement over many sources (one claim each, hedges and scopes mixed so
the claims fall in different severity classes) and expects exactly one finding of the rule, from
the fast engine and from the SHACL shapes alike.
"""

from __future__ import annotations

import pytest
from corpus_builder import build, claim
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rolegraph

HEDGES = ["definite", "generally", "often", "may", "some"]
SCOPES = ["any", "mid..enterprise", "large", "startup..large"]  # all overlap "large"


def spread(root, claims: list[tuple]) -> object:
    """One source per claim: (subject, relation, object or None, hedge, scope)."""
    spec = {}
    for i, (s, r, o, hedge, scope) in enumerate(claims):
        text = f"Page {i} states a claim."
        spec[f"src{i:02d}"] = (text, [claim(f"c{i}", s, r, o, text[:-1], hedge=hedge, scope=scope)])
    return rolegraph.load_corpus(build(root, spec))


def mixed(n: int, i0: int = 0) -> list[tuple[str, str]]:
    return [(HEDGES[(i0 + i) % len(HEDGES)], SCOPES[(i0 + i) % len(SCOPES)]) for i in range(n)]


CASES = {
    "RG101": lambda: (
        [("Head of Product", "above", "VP of Product", h, s) for h, s in mixed(4)]
        + [("VP of Product", "oversees", "Head of Product", h, s) for h, s in mixed(4, 2)]
        + [("Head of Product", "reports_to", "VP of Product", h, s) for h, s in mixed(2, 1)]
    ),
    "RG102": lambda: (
        [("Head of Product", "above", "VP of Product", h, s) for h, s in mixed(3)]
        + [("VP of Product", "above", "Head of Product", h, s) for h, s in mixed(2, 1)]
        + [("VP of Product", "same", "Head of Product", h, s) for h, s in mixed(4, 3)]
    ),
    "RG103": lambda: (
        [("Head of Product", "not_above", "Director of Product", h, s) for h, s in mixed(4)]
        + [("Head of Product", "above", "Director of Product", h, s) for h, s in mixed(4, 1)]
    ),
    # four sources, four different top roles, and two rank claims above a candidate
    "RG104": lambda: [
        ("Chief Product Officer", "top", None, "definite", "any"),
        ("Head of Product", "top", None, "may", "large"),
        ("VP of Product", "top", None, "often", "mid..enterprise"),
        ("Director of Product", "top", None, "generally", "startup..large"),
        ("Head of Product", "above", "Director of Product", "definite", "any"),
        ("Chief Product Officer", "above", "Head of Product", "some", "large"),
    ],
    # one strongly connected group of roles holding several cycles, each edge from two sources
    "RG105": lambda: [
        (a, "above", b, h, s)
        for a, b in [
            ("Head of Product", "VP of Product"),
            ("VP of Product", "Director of Product"),
            ("Director of Product", "Head of Product"),
            ("Director of Product", "Product Lead"),
            ("Product Lead", "Head of Product"),
        ]
        for h, s in mixed(2)
    ],
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_one_finding_per_disagreement(tmp_path, code):
    corpus = spread(tmp_path / code, CASES[code]())
    for engine in ("fast", "shacl-oxigraph"):
        report = rolegraph.lint(corpus, select=[code], engine=engine)
        assert [f.code for f in report.findings] == [code], (engine, [f.message for f in report.findings])
        if code != "RG105":  # a cycle lists the claims of its shortest cycle
            assert len(report.findings[0].claims) == len(CASES[code]())


def test_duplicates_within_one_source_are_one_finding(tmp_path):
    text = "The Head of Product ranks above the VP of Product."
    claims = [claim(f"d{i}", "Head of Product", "above", "VP of Product", text[:-1]) for i in range(5)]
    corpus = rolegraph.load_corpus(build(tmp_path, {"s": (text, claims)}))
    report = rolegraph.lint(corpus, select=["RG008"])
    assert len(report.findings) == 1 and len(report.findings[0].claims) == 5


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    tops=st.lists(
        st.tuples(
            st.sampled_from(["Chief Product Officer", "Head of Product", "VP of Product", "Director of Product"]),
            st.sampled_from(HEDGES),
        ),
        min_size=2,
        max_size=8,
    )
)
def test_top_role_claims_in_any_scope_give_at_most_one_finding(tmp_path_factory, tops):
    # every claim covers "any" size, so every rival pair overlaps: one connected disagreement
    root = tmp_path_factory.mktemp("tops")
    corpus = spread(root, [(r, "top", None, h, "any") for r, h in tops])
    findings = rolegraph.lint(corpus, select=["RG104"]).findings
    rivals = {r for r, _ in tops}
    assert len(findings) == (1 if len(rivals) > 1 else 0)
    if findings:
        f = findings[0]
        assert len(f.claims) == len(tops)
        # the fingerprint stays when a candidate gains a claim
        more = spread(tmp_path_factory.mktemp("more"), [(r, "top", None, h, "any") for r, h in tops + [tops[0]]])
        assert rolegraph.lint(more, select=["RG104"]).findings[0].fingerprint == f.fingerprint
