"""The errors a CI user meets with --changed-since / --diff: one line, the fix, exit 2, nothing written."""

from __future__ import annotations

import json

import pytest
from corpus_builder import build, claim, tree_digest
from git_repo import cli, commit_all, git, init_repo

TEXT = "The Head of Product ranks above the VP of Product. The VP of Product outranks the Head of Product."


def spec() -> dict:
    a, b = TEXT.split(". ")
    return {
        "s1": (
            TEXT,
            [
                claim("up", "Head of Product", "above", "VP of Product", a),
                claim("down", "VP of Product", "above", "Head of Product", b[:-1]),
            ],
        )
    }


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def one_line_error(p, *needles: str) -> str:
    assert p.returncode == 2, (p.stdout, p.stderr)
    assert p.stdout == ""
    lines = p.stderr.splitlines()
    if lines[1:] == ["rolegraph: 1 input problem; nothing was written"]:  # the closing line of input errors
        lines = lines[:1]
    assert len(lines) == 1 and "Traceback" not in p.stderr, p.stderr
    for n in needles:
        assert n in lines[0], lines[0]
    return lines[0]


def test_not_a_git_repository(tmp_path):
    corpus = build(tmp_path / "plain", spec())
    for args in (("lint", "--changed-since", "main"), ("consensus", "--diff", "main")):
        p = cli(*args, "--corpus", str(corpus))
        one_line_error(p, "is not inside a git repository", str(corpus))


@pytest.fixture
def repo(tmp_path):
    r = init_repo(tmp_path / "repo")
    build(r / "corpus", spec())
    commit_all(r, "corpus")
    return r


@pytest.mark.parametrize("ref", ["no-such-branch", "--output=x", "-h", "main..HEAD", "HEAD:corpus", ""])
def test_unknown_or_hostile_ref_is_data(repo, ref):
    before = tree_digest(repo)
    p = cli("lint", "--corpus", str(repo / "corpus"), "--changed-since", ref, cwd=repo)
    line = one_line_error(p)
    assert ("unknown revision" in line and repr(ref) in line) or "needs a revision" in line
    assert tree_digest(repo) == before  # no file named x, nothing changed
    assert not (repo / "x").exists()


def test_shallow_clone_without_the_merge_base(tmp_path, repo):
    commit_all(repo, "second")
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "corpus" / "claims" / "s1.yaml").write_text(
        (repo / "corpus" / "claims" / "s1.yaml").read_text().replace("VP of Product\n", "VP of Product\n", 1)
    )
    commit_all(repo, "feature work")
    git(repo, "checkout", "-q", "main")
    commit_all(repo, "main moves on")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{repo}", str(clone))
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main")
    p = cli("lint", "--corpus", str(clone / "corpus"), "--changed-since", "origin/main")
    one_line_error(p, "shallow clone", "fetch-depth: 0")
    # an unknown ref in a shallow clone also says how to fetch it
    p = cli("lint", "--corpus", str(clone / "corpus"), "--changed-since", "origin/release")
    one_line_error(p, "unknown revision", "fetch-depth: 0")


def test_corpus_not_tracked_at_the_base(tmp_path):
    r = init_repo(tmp_path / "repo")
    (r / "README.md").write_text("empty\n")
    commit_all(r, "no corpus yet")
    git(r, "checkout", "-q", "-b", "add-corpus")
    build(r / "corpus", spec())
    commit_all(r, "corpus")
    p = cli("lint", "--corpus", str(r / "corpus"), "--changed-since", "main", "--format", "json")
    assert p.returncode == 1
    note = p.stderr.splitlines()
    assert len(note) == 1 and note[0].startswith("note: the corpus folder corpus is not tracked at main")
    assert "every finding counts as new" in note[0]
    data = json.loads(p.stdout)
    assert [f["code"] for f in data["findings"]] == ["RG101"] and data["summary"]["not_shown"] == 0
    d = cli("consensus", "--corpus", str(r / "corpus"), "--diff", "main")
    assert d.returncode == 0 and "not tracked at main" in d.stderr
    assert "role added: Head of Product" in d.stdout


def test_unborn_head(tmp_path):
    r = init_repo(tmp_path / "repo")
    build(r / "corpus", spec())
    one_line_error(cli("lint", "--corpus", str(r / "corpus"), "--changed-since", "main"), "unknown revision")


def test_baseline_file_errors_name_the_file_and_line(tmp_path, repo):
    bad = tmp_path / "bl.json"
    bad.write_text('{"format": "rolegraph-baseline/1", "findings": [\n{"code": "RG101"}\n]}\n')
    line = one_line_error(cli("lint", "--corpus", str(repo / "corpus"), "--baseline", str(bad)))
    assert line.startswith(f"{bad}:2: entry 1 lacks a fingerprint") and "rolegraph baseline -o" in line
    bad.write_text("[1, 2]")
    one_line_error(cli("lint", "--corpus", str(repo / "corpus"), "--baseline", str(bad)), "not a rolegraph baseline")
    p = cli("lint", "--corpus", str(repo / "corpus"), "--baseline", str(tmp_path / "missing.json"))
    assert p.returncode == 2 and "missing.json: cannot be read" in p.stderr and "Traceback" not in p.stderr


def test_baseline_refuses_to_write_inside_the_corpus(repo):
    before = tree_digest(repo)
    p = cli("baseline", "--corpus", str(repo / "corpus"), "-o", str(repo / "corpus" / "baseline.json"))
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert tree_digest(repo) == before


def test_diff_format_and_explain_are_refused_together(repo):
    p = cli("consensus", "--corpus", str(repo / "corpus"), "--diff", "main", "--format", "svg")
    one_line_error(p, "--diff writes text, markdown or json")
