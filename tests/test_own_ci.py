"""This project's own CI: the bundled corpus against the committed baseline .ci/bundled-baseline.json.

A change to the bundled claims that adds a finding fails here; after a deliberate change rewrite
the file with `rolegraph baseline -o .ci/bundled-baseline.json` and review its diff.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from git_repo import cli

import rolegraph
from rolegraph.baseline import apply_baseline, baseline, read_baseline

BASELINE = Path(__file__).resolve().parents[1] / ".ci" / "bundled-baseline.json"


def test_bundled_corpus_has_no_finding_beyond_the_baseline():
    p = cli("lint", "--baseline", str(BASELINE), "--format", "json")
    data = json.loads(p.stdout)
    assert p.returncode == 0 and data["findings"] == [], data["findings"]
    assert data["resolved"] == [], "prune the baseline: rolegraph baseline -o .ci/bundled-baseline.json"


def test_committed_baseline_is_what_the_baseline_command_writes():
    assert BASELINE.read_text("utf-8") == baseline(rolegraph.load_corpus())


def test_a_new_bundled_finding_would_fail(tmp_path):
    corpus_dir = tmp_path / "corpus"
    shutil.copytree(rolegraph.load_corpus().root, corpus_dir)
    claims = corpus_dir / "claims" / "004_baab004481bc1948.yaml"
    text = claims.read_text("utf-8")
    # a copy of a claim of this page with subject and object swapped: a new contradiction
    head = "claims:\n"
    quote = next(line.split("quote:", 1)[1].strip() for line in text.splitlines() if "quote:" in line)
    extra = (
        f"  - id: swapped-for-test\n    subject: Product Manager\n    relation: above\n"
        f"    object: Head of Product\n    quote: {quote}\n"
    )
    claims.write_text(text.replace(head, head + extra, 1), "utf-8")
    report = apply_baseline(rolegraph.lint(rolegraph.load_corpus(corpus_dir)), read_baseline(BASELINE))
    assert report.failed
    pm, hop = "https://w3id.org/rolegraph/role/product-manager", "https://w3id.org/rolegraph/role/head-of-product"
    assert sorted(f.code for f in report.findings) == ["RG101", "RG104"]
    assert {pm, hop} == set(next(f.roles for f in report.findings if f.code == "RG101"))
    # the top-role finding now has one more role ranked above a candidate: a new fingerprint,
    # and the old entry is listed as no longer found
    assert pm in next(f.roles for f in report.findings if f.code == "RG104")
    assert [e["code"] for e in report.resolved] == ["RG104"]
