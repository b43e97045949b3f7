"""Every rule: its failing fixture fires it, its passing fixture does not, and the fast engine
agrees with the SHACL shapes run by pyshacl (the reference)."""

from __future__ import annotations

import json

import pytest
from rule_fixtures import FIXTURES, materialize

import rolegraph
from rolegraph.formatters import render
from rolegraph.rules import all_rules

CODES = sorted(FIXTURES)


def test_every_rule_has_fixtures_and_a_shape_file():
    from importlib import resources

    assert [r.code for r in all_rules()] == CODES
    for r in all_rules():
        assert r.name and r.summary and "What it finds" in r.doc and "Why it matters" in r.doc
        assert "Fails" in r.doc and "Passes" in r.doc
        if r.code != "RG010":
            assert resources.files("rolegraph").joinpath(f"shapes/{r.shape}").is_file()


@pytest.mark.parametrize("code", CODES)
def test_fail_fixture_fires_only_that_rule(tmp_path, code):
    corpus = rolegraph.load_corpus(materialize(tmp_path, code, "fail"))
    select = [code, "RG104"] if code == "RG010" else [code]
    report = rolegraph.lint(corpus, select=select)
    mine = [f for f in report.findings if f.code == code]
    assert mine, f"{code} did not fire on its failing fixture"
    for f in mine:
        assert f.file.startswith("claims/") and f.line >= 1
        assert f.message


@pytest.mark.parametrize("code", CODES)
def test_pass_fixture_is_clean(tmp_path, code):
    corpus = rolegraph.load_corpus(materialize(tmp_path, code, "pass"))
    select = [code, "RG104"] if code == "RG010" else [code]
    report = rolegraph.lint(corpus, select=select)
    assert [f for f in report.findings if f.code == code] == []


def _canonical(report, corpus) -> dict:
    data = json.loads(render(report, corpus, "json"))
    data["summary"].pop("engine")
    return data


@pytest.mark.parametrize("kind", ["fail", "pass"])
@pytest.mark.parametrize("code", [c for c in CODES if c != "RG010"])
def test_fast_engine_agrees_with_pyshacl(tmp_path, code, kind):
    corpus = rolegraph.load_corpus(materialize(tmp_path, code, kind))
    fast = _canonical(rolegraph.lint(corpus, engine="fast"), corpus)
    assert fast == _canonical(rolegraph.lint(corpus, engine="shacl"), corpus)
    assert fast == _canonical(rolegraph.lint(corpus, engine="shacl-oxigraph"), corpus)
    if kind == "fail":
        assert any(f["code"] == code for f in fast["findings"])


def test_shapes_graph_conforms_to_shacl_shacl():
    import pyshacl

    from rolegraph.shacl import shapes_graph

    g = shapes_graph([r.code for r in all_rules()])
    assert len(g) > 100
    conforms, _, text = pyshacl.validate(g, shacl_graph=None, meta_shacl=True, inference="none")
    # meta_shacl validates the shapes graph itself against SHACL-SHACL before using it
    assert conforms, text


def test_unknown_terms_suggest_the_closest(tmp_path):
    from corpus_builder import build, claim

    import rolegraph

    text = "The CPO is above the VP of Product."
    bad = claim("k", "CPO", "abov", "VP of Product", quote="CPO is above", hedge="ofen", scope="larg")
    root = build(tmp_path / "c", {"s1": (text, [bad])})
    messages = sorted(f.message for f in rolegraph.lint(rolegraph.load_corpus(root), select=["RG003"]).findings)
    assert messages == [
        "unknown hedge 'ofen' (did you mean 'often'?); use one of: definite, generally, often, may, some",
        "unknown relation 'abov' (did you mean 'above'?); use one of: above, below, same, may_be, reports_to, "
        "oversees, not_above, top, overlaps",
        "unknown scope 'larg' (did you mean 'large'?); use one of: any, startup, small, mid, large, enterprise, "
        "or FROM..TO",
    ]
