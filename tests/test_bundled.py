"""The bundled corpus: every quote is in its snapshot, and lint reports the seed pages' disagreements."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import rolegraph
from rolegraph.corpus import bundled_corpus_path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def corpus():
    return rolegraph.load_corpus()


@pytest.fixture(scope="module")
def report(corpus):
    return rolegraph.lint(corpus)


def test_every_quote_is_found_in_its_snapshot(corpus):
    assert len(corpus.sources) == 5
    assert len(corpus.claims()) >= 30
    root = bundled_corpus_path()
    for s in corpus.sources:
        text = (root / s.snapshot).read_text(encoding="utf-8")
        assert s.sha256 == s.actual_sha256 == hashlib.sha256(text.encode()).hexdigest()
        for c in s.claims:
            assert c.start is not None, (s.id, c.id)
            assert text[c.start : c.end] == c.quote


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not beside the checkout")
def test_snapshots_are_the_seed_pages_byte_for_byte():
    root = bundled_corpus_path() / "sources"
    for seed in sorted(SEEDS.glob("*.txt")):
        assert (root / seed.name).read_bytes() == seed.read_bytes()


def test_no_structural_findings(report):
    assert [f for f in report.findings if f.code < "RG100"] == []


def _has(report, code: str, roles: set[str]) -> list:
    voc = rolegraph.load_corpus().vocabulary
    return [f for f in report.findings if f.code == code and {voc.label(r) for r in f.roles} == roles]


def test_head_of_product_against_director_of_product(report):
    pair = {"Head of Product", "Director of Product"}
    # one page: head of product oversees the director in larger enterprises; others: not above, or beneath
    assert _has(report, "RG103", pair)
    assert _has(report, "RG101", pair)


def test_head_of_product_against_vp_of_product(report):
    pair = {"Head of Product", "VP of Product"}
    same = _has(report, "RG102", pair)  # above against "two terms for the same role"
    assert same and same[0].severity == "warning"  # the same-role side is hedged (often / some)
    beneath = _has(report, "RG101", pair)  # above against "may be beneath ... the VP" in larger companies
    assert beneath and beneath[0].severity == "info"  # a hedged, size-scoped exception


def test_chief_product_officer_against_head_of_product_as_top(report):
    # one finding for the whole top-role question: both candidates, plus the roles ranked above one
    voc = rolegraph.load_corpus().vocabulary
    hits = [f for f in report.findings if f.code == "RG104"]
    assert len(hits) == 1 and hits[0].severity == "error"
    tops = {voc.label(c.subject) for c, _ in hits[0].claims if c.relation == "top"}
    assert tops == {"Chief Product Officer", "Head of Product"}
    above = {voc.label(c.rank()[0]) for c, _ in hits[0].claims if c.relation != "top"}
    assert above == {"Chief Product Officer", "Director of Product", "VP of Product"}


def test_lint_fails_on_errors_by_default(report):
    assert report.failed
