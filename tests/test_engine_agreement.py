"""Property: on generated corpora the fast engine and pyshacl (the SHACL shapes) agree exactly."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from corpus_builder import build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rolegraph
from rolegraph.formatters import render

ROLES = ["CPO", "Head of Product", "VP of Product", "Director of Product", "Product Manager", "CEO"]
RELATIONS = [
    "above",
    "below",
    "same",
    "may_be",
    "reports_to",
    "oversees",
    "not_above",
    "top",
    "overlaps",
]
SCOPES = [
    "any",
    "startup",
    "small",
    "mid",
    "large",
    "enterprise",
    "startup..small",
    "small..mid",
    "large..enterprise",
]
HEDGES = ["definite", "generally", "often", "may", "some"]
TEXT = "Q one. Q two. Q three."

claim_st = st.fixed_dictionaries(
    {
        "subject": st.sampled_from(ROLES),
        "relation": st.sampled_from(RELATIONS),
        "object": st.sampled_from(ROLES),
        "scope": st.sampled_from(SCOPES),
        "hedge": st.sampled_from(HEDGES),
        "quote": st.sampled_from(["Q one", "Q two", "missing quote"]),
    },
    optional={"condition": st.just("in teams with both")},
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(claim_st, min_size=1, max_size=6), min_size=1, max_size=4))
def test_fast_and_shacl_agree(sources):
    spec = {}
    for i, claims in enumerate(sources):
        out = []
        for j, c in enumerate(claims):
            c = dict(c, id=f"c{j}")
            if c["relation"] == "top" and j % 2 == 0:
                c.pop("object")
            out.append(c)
        spec[f"s{i}"] = (TEXT, out)
    root = Path(tempfile.mkdtemp())
    try:
        corpus = rolegraph.load_corpus(build(root, spec))
        fast = json.loads(render(rolegraph.lint(corpus), corpus, "json"))
        fast["summary"].pop("engine")
        for engine in ("shacl", "shacl-oxigraph"):
            ref = json.loads(render(rolegraph.lint(corpus, engine=engine), corpus, "json"))
            ref["summary"].pop("engine")
            assert fast == ref, engine
    finally:
        shutil.rmtree(root)
