"""Properties of the differential comparison (rolegraph.changes.compare) on generated corpora.

Reordering claims, renaming sources and claim ids changes no claim's content, so nothing may be
reported or resolved; changing one claim's hedge reports exactly the findings that claim is in.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from corpus_builder import build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rolegraph
from rolegraph.changes import _result_of, claim_identity, compare

ROLES = ["Chief Product Officer", "Head of Product", "VP of Product", "Director of Product", "Product Manager"]
TEXT = "First sentence here. Second sentence here. Third sentence here."
claim_st = st.fixed_dictionaries(
    {
        "subject": st.sampled_from(ROLES + ["Nobody Known"]),
        "relation": st.sampled_from(["above", "below", "same", "not_above", "top", "oversees"]),
        "object": st.sampled_from(ROLES),
        "scope": st.sampled_from(["any", "startup", "large", "mid..enterprise", "small..mid"]),
        "hedge": st.sampled_from(["definite", "generally", "often", "may"]),
        "quote": st.sampled_from(["First sentence here", "Second sentence here", "not on the page"]),
    }
)
corpus_st = st.lists(st.lists(claim_st, min_size=1, max_size=5), min_size=1, max_size=4)


def _spec(sources: list[list[dict]], names: list[str], prefix: str) -> dict:
    spec = {}
    for name, claims in zip(names, sources, strict=True):
        out = []
        for j, c in enumerate(claims):
            c = dict(c, id=f"{prefix}{j}")
            if c["relation"] == "top":
                c.pop("object")
            out.append(c)
        spec[name] = (TEXT, out)
    return spec


def _lint(spec: dict):
    root = Path(tempfile.mkdtemp())
    try:
        corpus = rolegraph.load_corpus(build(root, spec))
        return corpus, rolegraph.lint(corpus)
    finally:
        shutil.rmtree(root)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus_st, st.randoms(use_true_random=False))
def test_moves_reorders_and_renames_report_nothing(sources, rnd):
    names = [f"s{i}" for i in range(len(sources))]
    base_corpus, base_report = _lint(_spec(sources, names, "c"))
    base = _result_of(base_report, base_corpus, "base")
    shuffled = [rnd.sample(claims, len(claims)) for claims in sources]
    order = rnd.sample(range(len(sources)), len(sources))
    renamed = [f"renamed{k}" for k in order]  # new source ids, in another sort order
    corpus, report = _lint(_spec(shuffled, renamed, "moved-"))
    total = len(report.findings)
    out = compare(report, corpus, base)
    assert out.findings == [] and out.resolved == [] and out.hidden == total


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus_st, st.data())
def test_a_changed_hedge_reports_exactly_the_findings_on_that_claim(sources, data):
    names = [f"s{i}" for i in range(len(sources))]
    base_corpus, base_report = _lint(_spec(sources, names, "c"))
    base = _result_of(base_report, base_corpus, "base")
    i = data.draw(st.integers(0, len(sources) - 1))
    j = data.draw(st.integers(0, len(sources[i]) - 1))
    old = sources[i][j]["hedge"]
    new = data.draw(st.sampled_from([h for h in ("definite", "generally", "often", "may") if h != old]))
    edited = [list(c) for c in sources]
    edited[i][j] = dict(edited[i][j], hedge=new)
    corpus, report = _lint(_spec(edited, names, "c"))
    claim = next(c for c in corpus.claims() if c.source_id == names[i] and c.id == f"c{j}")
    # content that some claim of the base already had is no change (the definition)
    new_content = claim_identity(claim) not in base.claims
    touched = {f.fingerprint for f in report.findings if new_content and any(c is claim for c, _ in f.claims)}
    before = {f.fingerprint for f in base_report.findings}
    out = compare(report, corpus, base)
    got = {f.fingerprint for f in out.findings}
    assert touched <= got
    # anything else reported is a finding that did not exist before and is on no changed claim's content
    for f in out.findings:
        if f.fingerprint not in touched:
            assert f.fingerprint not in before
            assert all(claim_identity(c) in base.claims for c, _ in f.claims)
    assert out.changed == frozenset(touched)
