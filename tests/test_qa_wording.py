"""Small things a QA run found: an ``accept:`` naming no rule is a finding with a suggestion (not silence),
and stats counts read as English for one source or one claim."""

from __future__ import annotations

import json

from click.testing import CliRunner
from corpus_builder import build, claim

from rolegraph.cli import main

TEXT = "The Chief Product Officer ranks the highest. The Head of Product is above the VP of Product."


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def one_source(tmp_path, accept: dict | None = None, n: int = 2):
    items = [
        claim("a1", "CPO", "top", quote="The Chief Product Officer ranks the highest"),
        claim(
            "a2", "Head of Product", "above", "VP of Product", quote="The Head of Product is above the VP of Product"
        ),
    ][:n]
    if accept:
        items[0]["accept"] = accept
    return build(tmp_path / "c", {"only": (TEXT, items)})


def test_an_accept_naming_no_rule_is_reported_with_the_closest_code(tmp_path):
    root = one_source(tmp_path, {"RG999": "a typo for RG009", "RG101": "real rule, unused here"})
    r = run("lint", "--corpus", str(root), "--format", "json")
    found = json.loads(r.stdout)["findings"]
    messages = sorted(f["message"] for f in found if f["code"] == "RG010")
    assert len(messages) == 2, found
    assert "accepts RG999, which is no rule of rolegraph (did you mean RG009?)" in messages[1]
    assert "accepts RG101, but no RG101 finding" in messages[0]
    (bad,) = [f for f in found if "RG999" in f["message"]]
    text = (root / "claims" / "only.yaml").read_text(encoding="utf-8").splitlines()
    assert text[bad["line"] - 1].strip().startswith("accept:"), "the finding points at the claim's accept"
    # a warning: publishing goes on with the claim in it
    assert run("stats", "--corpus", str(root)).stdout.startswith("1 source, 2 claims\n")


def test_an_accept_of_a_real_rule_that_did_not_run_is_not_reported(tmp_path):
    root = one_source(tmp_path, {"RG101": "reviewed"})
    r = run("lint", "--corpus", str(root), "--select", "RG00", "--select", "RG010", "--format", "json")
    assert [f["code"] for f in json.loads(r.stdout)["findings"]] == []


def test_stats_says_one_source_and_one_claim(tmp_path):
    r = run("stats", "--corpus", str(one_source(tmp_path, n=1)))
    assert r.exit_code == 0 and r.stdout.splitlines()[0] == "1 source, 1 claim"
    assert run("stats").stdout.splitlines()[0].endswith(" claims")  # the bundled corpus: plural stays
