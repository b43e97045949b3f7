"""The benchmark's synthetic corpus loads, and lint finds exactly the planted findings."""

from __future__ import annotations

import collections
import importlib.util
import json
from pathlib import Path

import pytest

import rolegraph

GENERATE = Path(__file__).resolve().parents[1] / "bench" / "generate.py"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    if not GENERATE.is_file():
        pytest.skip("bench/generate.py not present")
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = tmp_path_factory.mktemp("bench") / "corpus"
    meta = mod.generate(200, out, seed=1)
    return out, meta, mod


def _found(report, corpus) -> collections.Counter:
    label = corpus.vocabulary.label
    return collections.Counter((f.code, tuple(sorted(label(r) for r in f.roles))) for f in report.findings)


def test_corpus_loads(generated):
    out, meta, _ = generated
    corpus = rolegraph.load_corpus(out, cache=False)
    assert len(corpus.claims()) == 200 == meta["n_claims"]
    assert len(corpus.sources) == 20 == meta["n_sources"]
    # every background quote is in its snapshot; only the planted RG004 claims miss
    missing = [c for c in corpus.claims() if c.start is None]
    assert len(missing) == meta["planted_per_kind"]


def test_lint_finds_exactly_the_planted_set(generated):
    out, meta, _ = generated
    corpus = rolegraph.load_corpus(out, cache=False)
    report = rolegraph.lint(corpus, engine="fast")
    want = collections.Counter((e["code"], tuple(e["roles"])) for e in meta["expected"])
    got = _found(report, corpus)
    assert got == want, {"missing": want - got, "extra": got - want}
    kinds = collections.Counter(code for code, _ in want.elements())
    for code in ("RG101", "RG102", "RG103", "RG104", "RG105", "RG002", "RG004"):
        assert kinds[code] == meta["planted_per_kind"], code


def test_deterministic_and_expected_file(generated, tmp_path):
    out, meta, mod = generated
    again = mod.generate(200, tmp_path / "again", seed=1)
    assert again["expected"] == meta["expected"]
    for f in sorted((out / "claims").iterdir())[:5]:
        assert f.read_bytes() == (tmp_path / "again" / "claims" / f.name).read_bytes()
    assert json.loads((out / "expected.json").read_text())["expected"] == meta["expected"]


def test_benchmark_edit_keeps_the_planted_set(generated, tmp_path):
    """The edit bench/run.py makes (to time the warm cache) changes a claim, not the findings."""
    import shutil

    out, meta, _ = generated
    copy = tmp_path / "edited"
    shutil.copytree(out, copy)
    f = copy / meta["edit"]["file"]
    text = f.read_text()
    assert meta["edit"]["old"] in text
    f.write_text(text.replace(meta["edit"]["old"], meta["edit"]["new"], 1))
    corpus = rolegraph.load_corpus(copy, cache=False)
    assert corpus.sources[0].claims[0].hedge == "generally"
    report = rolegraph.lint(corpus)
    assert _found(report, corpus) == collections.Counter((e["code"], tuple(e["roles"])) for e in meta["expected"])
