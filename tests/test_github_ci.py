"""--format github in CI: findings on changed claims first, GitHub's per-level limit, the step summary."""

from __future__ import annotations

import itertools
import re

import pytest
from corpus_builder import build, claim
from git_repo import cli, commit_all, git, init_repo

import rolegraph
from rolegraph.formatters import render
from rolegraph.formatters.github_format import PER_LEVEL, step_summary

ROLES = ["Head of Product", "VP of Product", "Director of Product", "Product Manager", "Product Lead", "CTO"]
PAIRS = list(itertools.combinations(ROLES, 2))  # 15 pairs


def many_conflicts(root, pairs):
    up, down = [], []
    text_a = " ".join(f"{a} above {b}." for a, b in pairs)
    text_b = " ".join(f"{b} above {a}." for a, b in pairs)
    for i, (a, b) in enumerate(pairs):
        up.append(claim(f"u{i}", a, "above", b, f"{a} above {b}"))
        down.append(claim(f"d{i}", b, "above", a, f"{b} above {a}"))
    return build(root, {"a": (text_a, up), "b": (text_b, down)})


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def annotations(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("::")]


def test_changed_first_and_at_most_ten_per_level(tmp_path):
    corpus = rolegraph.load_corpus(many_conflicts(tmp_path / "c", PAIRS))
    report = rolegraph.lint(corpus)
    assert len(report.findings) == 15 and all(f.severity == "error" for f in report.findings)
    plain = annotations(render(report, corpus, "github"))
    assert len(plain) == PER_LEVEL == 10
    last = report.findings[-3:]  # pretend the change touched the three findings sorted last
    report.changed = frozenset(f.fingerprint for f in last)
    out = render(report, corpus, "github")
    got = annotations(out)
    assert len(got) == 10
    for line, f in zip(got[:3], last, strict=True):
        assert f"line={f.line}," in line and f.message.split(" (")[0] in line
    assert got[3:] == plain[:7]  # then the rest, in the usual order
    assert "rolegraph: 5 more findings not annotated" in out


def test_step_summary_is_appended_with_every_finding(tmp_path):
    root = many_conflicts(tmp_path / "c", PAIRS[:12])
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    p = cli("lint", "--corpus", str(root), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert p.returncode == 1
    md = summary.read_text()
    assert md.startswith("earlier step\n## rolegraph lint\n")
    rows = [line for line in md.splitlines() if re.match(r"\| *(new/changed)? *\| error \| RG101", line)]
    assert len(rows) == 12  # the table holds all of them, though only 10 are annotations
    assert len(annotations(p.stdout)) == 10
    # without the variable nothing is written anywhere
    p2 = cli("lint", "--corpus", str(root), "--format", "github", env={"GITHUB_STEP_SUMMARY": ""})
    assert p2.stdout == p.stdout and summary.read_text() == md


def test_step_summary_marks_changed_and_lists_resolved(tmp_path, monkeypatch):
    repo = init_repo(tmp_path / "repo")
    many_conflicts(repo / "corpus", PAIRS[:3])
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "pr")
    many_conflicts(repo / "corpus", PAIRS[1:4])  # drops pair 0, keeps 1 and 2, adds 3
    commit_all(repo, "edit")
    summary = tmp_path / "s.md"
    p = cli(
        "lint",
        "--corpus",
        str(repo / "corpus"),
        "--changed-since",
        "main",
        "--format",
        "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert p.returncode == 1
    assert len(annotations(p.stdout)) == 1 and "CTO" not in p.stdout  # only the new pair
    md = summary.read_text()
    assert "| new/changed | error | RG101 top-conflict" not in md
    assert md.count("| new/changed | error | RG101 opposite-rank |") == 1
    assert "Resolved, no longer found:" in md and "- RG101 Head of Product / VP of Product [any]" in md
    assert "rolegraph: 1 findings resolved" in p.stdout


def test_summary_escapes_table_breaking_text(tmp_path):
    corpus = rolegraph.load_corpus(many_conflicts(tmp_path / "c", PAIRS[:1]))
    report = rolegraph.lint(corpus)
    report.findings[0].message = "a | b\nc <script>"
    md = step_summary(report, corpus)
    row = [line for line in md.splitlines() if "RG101" in line][0]
    assert "a \\| b c &lt;script>" in row and row.count("|") == 7  # 6 cell borders + the escaped one
