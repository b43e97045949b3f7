"""`lint --changed-since`, `lint --baseline` and `consensus --diff` on real git repositories.

Each test commits one corpus on main, makes one contributor edit on a branch, commits it, and
checks exactly what is reported, what is resolved and what the consensus diff says.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from corpus_builder import build, claim
from git_repo import cli, commit_all, git, init_repo, lint_json, read_claims, write_claims

S1 = (
    "The Head of Product ranks above the VP of Product. The Director of Product leads every Product "
    "Manager. The Product Steward is above the Associate Product Manager."
)
S2 = "Sometimes the VP of Product outranks the Head of Product."
S3 = "The Chief Product Officer is the top of the ladder. An Associate Product Manager can outrank a Product Manager."
ROLES_BASE = (
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "<https://example.com/role/product-steward> a skos:Concept ;\n"
    '    skos:prefLabel "Product Steward"@en .\n'
)
ROLES_MERGED = (  # the steward title becomes another name of the product manager
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix role: <https://w3id.org/rolegraph/role/> .\n"
    'role:product-manager skos:altLabel "Product Steward"@en .\n'
)


def base_spec() -> dict:
    return {
        "s1": (
            S1,
            [
                claim("hop-above-vpp", "Head of Product", "above", "VP of Product", S1.split(". ")[0]),
                claim("dop-above-pm", "Director of Product", "above", "Product Manager", S1.split(". ")[1]),
                claim(
                    "steward-above-apm", "Product Steward", "above", "Associate Product Manager", S1.split(". ")[2][:-1]
                ),
            ],
        ),
        "s2": (
            S2,
            [
                claim("vpp-above-hop", "VP of Product", "above", "Head of Product", S2[:-1], hedge="may"),
            ],
        ),
        "s3": (
            S3,
            [
                claim("cpo-top", "Chief Product Officer", "top", quote=S3.split(". ")[0]),
                claim("apm-above-pm", "Associate Product Manager", "above", "Product Manager", S3.split(". ")[1][:-1]),
            ],
        ),
    }


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def repo(tmp_path) -> Path:
    """main: the base corpus under corpus/; HEAD: branch `edit`, nothing changed yet."""
    r = init_repo(tmp_path / "repo")
    build(r / "corpus", base_spec(), roles_ttl=ROLES_BASE)
    (r / "README.md").write_text("a corpus\n")
    commit_all(r, "base corpus")
    git(r, "checkout", "-q", "-b", "edit")
    return r


def changed(repo: Path, *extra: str) -> tuple[int, dict]:
    return lint_json("--corpus", str(repo / "corpus"), "--changed-since", "main", *extra)


def reported(data: dict) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted((f["code"], f["severity"], tuple(f["roles"])) for f in data["findings"])


def base_fingerprints(repo: Path) -> dict[str, str]:
    _, data = lint_json("--corpus", str(repo / "corpus"))
    return {f["code"]: f["fingerprint"] for f in data["findings"]}


def test_no_edit_reports_nothing(repo):
    code, data = changed(repo)
    assert code == 0 and data["findings"] == [] and data["resolved"] == []
    assert data["summary"]["not_shown"] == 1  # the standing RG101 of main
    assert data["summary"]["compared_with"].startswith("main (merge-base ")


def test_new_source_with_a_contradicting_claim(repo):
    text = "Every Product Manager here outranks the Director of Product."
    build(
        repo / "corpus",
        {"s4": (text, [claim("pm-over-dop", "Product Manager", "above", "Director of Product", text[:-1])])},
    )
    commit_all(repo, "add s4")
    code, data = changed(repo)
    assert code == 1
    assert reported(data) == [("RG101", "error", ("Director of Product", "Product Manager"))]
    assert data["resolved"] == []
    # the standing contradictions of main are not this change's doing
    assert data["summary"]["not_shown"] == 1
    d = cli("consensus", "--corpus", str(repo / "corpus"), "--diff", "main", "--format", "json", "--size", "mid")
    changes = json.loads(d.stdout)["sizes"]["mid"]
    assert [c["kind"] for c in changes if c["roles"] == ["Director of Product", "Product Manager"]] == ["contested"]


def test_hedge_change_turns_a_warning_into_an_error(repo):
    before = base_fingerprints(repo)
    path = repo / "corpus" / "claims" / "s2.yaml"
    doc = read_claims(path)
    doc["claims"][0]["hedge"] = "definite"
    write_claims(path, doc)
    commit_all(repo, "firm up")
    code, data = changed(repo)
    assert code == 1
    assert reported(data) == [("RG101", "error", ("Head of Product", "VP of Product"))]
    # same disagreement, same fingerprint: reported because one of its claims changed
    assert data["findings"][0]["fingerprint"] == before["RG101"]
    assert data["resolved"] == []
    text = cli("consensus", "--corpus", str(repo / "corpus"), "--diff", "main", "--size", "small").stdout
    assert "small:\n  became contested: " in text and "Head of Product" in text


def test_moving_reordering_reindenting_and_renaming_change_nothing(repo):
    corpus = repo / "corpus"
    s1 = corpus / "claims" / "s1.yaml"
    doc = read_claims(s1)
    doc["claims"] = doc["claims"][1:] + doc["claims"][:1]  # move the first claim to the end
    write_claims(s1, doc, indent=4)  # and re-indent the file
    s2 = corpus / "claims" / "s2.yaml"
    doc = read_claims(s2)
    doc["claims"].reverse()  # reorder
    doc["claims"] = [dict(reversed(list(c.items()))) for c in doc["claims"]]  # keys in another order
    write_claims(s2, doc)
    # rename source s3 to s9: file names, id and snapshot path all change
    doc = read_claims(corpus / "claims" / "s3.yaml")
    doc["source"]["id"] = "s9"
    doc["source"]["snapshot"] = "sources/s9.txt"
    (corpus / "claims" / "s3.yaml").unlink()
    write_claims(corpus / "claims" / "s9.yaml", doc)
    shutil.move(corpus / "sources" / "s3.txt", corpus / "sources" / "s9.txt")
    commit_all(repo, "move, reorder, rename")
    code, data = changed(repo)
    assert code == 0, data["findings"]
    assert data["findings"] == [] and data["resolved"] == []
    d = cli("consensus", "--corpus", str(corpus), "--diff", "main")
    assert d.returncode == 0 and d.stdout.startswith("No change to the consensus since main (merge-base ")


def test_renaming_the_source_of_a_standing_structural_error_is_no_change(repo):
    corpus = repo / "corpus"
    git(repo, "checkout", "-q", "main")
    doc = read_claims(corpus / "claims" / "s2.yaml")
    doc["claims"].append(claim("ghost", "Director of Product", "above", "Head of Product", "a sentence it lacks"))
    write_claims(corpus / "claims" / "s2.yaml", doc)
    commit_all(repo, "a quote that is not in the page")
    git(repo, "checkout", "-q", "-b", "rename")
    doc = read_claims(corpus / "claims" / "s2.yaml")  # s2 carries the RG004 of main
    doc["source"]["id"] = "s2b"
    doc["source"]["snapshot"] = "sources/s2b.txt"
    (corpus / "claims" / "s2.yaml").unlink()
    write_claims(corpus / "claims" / "s2b.yaml", doc)
    shutil.move(corpus / "sources" / "s2.txt", corpus / "sources" / "s2b.txt")
    commit_all(repo, "rename s2")
    _, whole = lint_json("--corpus", str(corpus))
    assert "RG004" in {f["code"] for f in whole["findings"]}  # still there, under a new fingerprint
    code, data = changed(repo)
    assert code == 0 and data["findings"] == [] and data["resolved"] == []


def test_deleting_a_claim_resolves_its_finding(repo):
    before = base_fingerprints(repo)
    path = repo / "corpus" / "claims" / "s2.yaml"
    doc = read_claims(path)
    doc["claims"] = [c for c in doc["claims"] if c["id"] != "vpp-above-hop"]
    write_claims(path, doc)
    commit_all(repo, "drop the dissenting claim")
    code, data = changed(repo)
    assert code == 0 and data["findings"] == []
    assert [(e["code"], e["fingerprint"], e["roles"]) for e in data["resolved"]] == [
        ("RG101", before["RG101"], ["Head of Product", "VP of Product"])
    ]
    text = cli("lint", "--corpus", str(repo / "corpus"), "--changed-since", "main").stdout
    assert "Resolved, no longer found: 1 finding: RG101 Head of Product / VP of Product [any]." in text
    d = json.loads(cli("consensus", "--corpus", str(repo / "corpus"), "--diff", "main", "--format", "json").stdout)
    moved = [c for c in d["sizes"]["large"] if c["roles"] == ["Head of Product", "VP of Product"]]
    assert [c["kind"] for c in moved] == ["agreement"]
    assert "agreement 0.71 -> 1.00, 1 -> 1 sources" in moved[0]["text"]


def test_roles_ttl_merging_two_roles(repo):
    (repo / "corpus" / "roles.ttl").write_text(ROLES_MERGED)
    commit_all(repo, "the steward is a product manager")
    code, data = changed(repo)
    assert code == 1
    # "Product Steward above Associate Product Manager" now names the product manager: its content
    # changed, and it contradicts the unchanged "Associate Product Manager above Product Manager"
    assert reported(data) == [("RG101", "error", ("Associate Product Manager", "Product Manager"))]
    assert sorted(c["id"] for c in data["findings"][0]["claims"]) == ["apm-above-pm", "steward-above-apm"]
    assert data["resolved"] == []
    d = cli("consensus", "--corpus", str(repo / "corpus"), "--diff", "main", "--size", "mid")
    assert d.returncode == 0
    assert "role removed: Product Steward" in d.stdout
    assert "became contested: Associate Product Manager contested (tie) with Product Manager" in d.stdout


def test_baseline_reports_new_fingerprints_and_lists_stale_entries(repo, tmp_path):
    corpus = repo / "corpus"
    bl = tmp_path / "baseline.json"
    assert cli("baseline", "--corpus", str(corpus), "-o", str(bl)).returncode == 0
    lines = bl.read_text().splitlines()
    assert len(lines) == 3 and lines[1].startswith('{"fingerprint": ')  # header, 1 entry, footer
    entries = json.loads(bl.read_text())["findings"]
    assert [e["code"] for e in entries] == ["RG101"]
    code, data = lint_json("--corpus", str(corpus), "--baseline", str(bl))
    assert code == 0 and data["findings"] == [] and data["resolved"] == []
    # a new contradiction, and the dissenting claim dropped
    text = "Every Product Manager here outranks the Director of Product."
    build(corpus, {"s4": (text, [claim("pm-over-dop", "Product Manager", "above", "Director of Product", text[:-1])])})
    path = corpus / "claims" / "s2.yaml"
    doc = read_claims(path)
    doc["claims"] = [c for c in doc["claims"] if c["id"] != "vpp-above-hop"]
    write_claims(path, doc)
    for fmt in ("sarif", "github", "text"):
        p = cli("lint", "--corpus", str(corpus), "--baseline", str(bl), "--format", fmt)
        assert p.returncode == 1
        assert "Director of Product" in p.stdout and "VP of Product above" not in p.stdout, fmt
    code, data = lint_json("--corpus", str(corpus), "--baseline", str(bl))
    assert reported(data) == [("RG101", "error", ("Director of Product", "Product Manager"))]
    assert [e["code"] for e in data["resolved"]] == ["RG101"]  # prune it from the baseline
    sarif = json.loads(cli("lint", "--corpus", str(corpus), "--baseline", str(bl), "--format", "sarif").stdout)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["RG101"]
    assert (
        sarif["runs"][0]["results"][0]["partialFingerprints"]["rolegraphFinding/v1"]
        == data["findings"][0]["fingerprint"]
    )


def test_baseline_hides_a_hedge_change_that_keeps_the_fingerprint(repo, tmp_path):
    # the baseline is by fingerprint; --changed-since is what catches a changed claim
    bl = tmp_path / "b.json"
    cli("baseline", "--corpus", str(repo / "corpus"), "-o", str(bl))
    path = repo / "corpus" / "claims" / "s2.yaml"
    doc = read_claims(path)
    doc["claims"][0]["hedge"] = "definite"
    write_claims(path, doc)
    commit_all(repo, "firm up")
    assert lint_json("--corpus", str(repo / "corpus"), "--baseline", str(bl))[0] == 0
    code, data = changed(repo, "--baseline", str(bl))
    assert code == 0 and data["findings"] == []
    assert changed(repo)[0] == 1


def test_baseline_is_deterministic_and_sorted(repo):
    a = cli("baseline", "--corpus", str(repo / "corpus")).stdout
    assert a == cli("baseline", "--corpus", str(repo / "corpus"), "--no-cache").stdout
    entries = json.loads(a)["findings"]
    assert entries == sorted(entries, key=lambda e: (e["code"], e["roles"], e["scope"] or "", e["fingerprint"]))
    assert set(entries[0]) == {"fingerprint", "code", "roles", "scope", "message"}


def test_base_result_is_reused_and_worktree_edits_count(repo):
    corpus = repo / "corpus"
    assert changed(repo)[0] == 0
    # an uncommitted edit counts too (the corpus on disk is what is linted)
    path = corpus / "claims" / "s2.yaml"
    doc = read_claims(path)
    doc["claims"][0]["scope"] = "large..enterprise"
    write_claims(path, doc)
    code, data = changed(repo)
    assert code == 0  # a hedged exception for large companies: info now
    assert reported(data) == [("RG101", "info", ("Head of Product", "VP of Product"))]
    assert data["resolved"] == []  # narrowed, not resolved


def test_a_change_outside_the_corpus_reads_no_base(repo, tmp_path):
    cache = tmp_path / "own-cache"
    (repo / "README.md").write_text("edited\n")
    commit_all(repo, "docs only")
    code, data = lint_json(
        "--corpus", str(repo / "corpus"), "--changed-since", "main", env={"ROLEGRAPH_CACHE_DIR": str(cache)}
    )
    assert code == 0 and data["findings"] == [] and data["summary"]["not_shown"] == 1
    # the corpus tree at main is HEAD's: the base was neither checked out nor linted again
    assert not (cache / "git-base").exists()
