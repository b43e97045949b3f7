"""The CLI: exit codes, rule selection, output files, rules docs, init, strict export/stats."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from corpus_builder import build, claim, tree_digest
from rule_fixtures import materialize

from rolegraph.cli import main


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_exit_0_when_clean_1_on_findings(tmp_path):
    clean = materialize(tmp_path / "clean", "RG101", "pass")
    assert run("lint", "--corpus", str(clean)).exit_code == 0
    bad = materialize(tmp_path / "bad", "RG101", "fail")
    r = run("lint", "--corpus", str(bad))
    assert r.exit_code == 1
    assert f"{bad}/claims/s1.yaml:" in r.output and "RG101 error" in r.output


def test_fail_on_and_severity_override(tmp_path):
    root = materialize(tmp_path, "RG101", "fail")
    assert run("lint", "--corpus", str(root), "--severity", "RG101=warning").exit_code == 0
    assert run("lint", "--corpus", str(root), "--severity", "RG101=warning", "--fail-on", "warning").exit_code == 1
    (root / "rolegraph.toml").write_text('[lint.severity]\nRG101 = "info"\n')
    r = run("lint", "--corpus", str(root), "--format", "json")
    assert json.loads(r.output)["findings"][0]["severity"] == "info" and r.exit_code == 0


def test_select_and_ignore(tmp_path):
    root = materialize(tmp_path, "RG101", "fail")
    assert run("lint", "--corpus", str(root), "--select", "RG0").exit_code == 0
    assert run("lint", "--corpus", str(root), "--ignore", "RG101").exit_code == 0
    assert run("lint", "--corpus", str(root), "--select", "RG1,RG0").exit_code == 1
    r = run("lint", "--corpus", str(root), "--select", "RG9")
    assert r.exit_code == 2 and "matches no rule" in r.output


def test_output_file_is_written_only_where_asked(tmp_path):
    root = materialize(tmp_path / "c", "RG101", "fail")
    before = tree_digest(root)
    out = tmp_path / "report.json"
    r = run("lint", "--corpus", str(root), "--format", "json", "-o", str(out))
    assert r.exit_code == 1 and r.output == ""
    assert json.loads(out.read_text())["summary"]["error"] == 1
    assert tree_digest(root) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "report.json"]


def test_accept_suppresses_and_stale_accept_is_reported(tmp_path):
    src = {
        "s1": (
            "Q",
            [
                claim(
                    "a",
                    "HoP",
                    "above",
                    "VP of Product",
                    accept={"RG101": "checked with the author"},
                )
            ],
        ),
        "s2": ("Q", [claim("b", "VP of Product", "above", "HoP")]),
    }
    root = build(tmp_path / "c", src)
    r = run("lint", "--corpus", str(root), "--format", "json")
    data = json.loads(r.output)
    assert r.exit_code == 0 and data["findings"][0]["accepted"] == "checked with the author"
    root2 = build(tmp_path / "d", {"s1": src["s1"]})
    r = run("lint", "--corpus", str(root2))
    assert r.exit_code == 0 and "RG010 warning" in r.output


def test_rules_list_and_doc():
    r = run("rules")
    codes = [line.split()[0] for line in r.output.splitlines()]
    assert codes[:2] == ["RG001", "RG002"] and "RG105" in codes
    doc = run("rules", "RG101").output
    assert "opposite-rank" in doc and "What it finds" in doc and "RG101-opposite-rank.ttl" in doc
    assert run("rules", "rank-cycle").output.startswith("RG105 rank-cycle")
    assert run("rules", "RG999").exit_code == 2


def test_export_and_stats_refuse_a_broken_corpus_with_file_and_line(tmp_path):
    root = materialize(tmp_path / "c", "RG002", "fail")
    out = tmp_path / "out.trig"
    for cmd in (["export", "-o", str(out)], ["stats"]):
        r = run(*cmd, "--corpus", str(root))
        assert r.exit_code == 2
        assert f"{root}/claims/s1.yaml:" in r.output and "unknown role 'Hed of Product'" in r.output
        assert "Head of Product" in r.output  # the suggestion
    assert not out.exists()


def test_init_empty_and_example(tmp_path):
    r = run("init", str(tmp_path / "empty"))
    assert r.exit_code == 0 and (tmp_path / "empty" / "claims").is_dir()
    assert run("lint", "--corpus", str(tmp_path / "empty")).exit_code == 0
    r = run("init", "--example", str(tmp_path / "ex"))
    assert r.exit_code == 0
    assert len(list((tmp_path / "ex" / "claims").glob("*.yaml"))) == 5
    r = run("init", str(tmp_path / "ex"))
    assert r.exit_code == 2 and "not empty" in r.output


def test_installed_command_runs_in_a_subprocess_without_traceback(tmp_path):
    root = materialize(tmp_path, "RG001", "fail")
    (root / "claims" / "s1.yaml").write_text("source: [unclosed\n")
    p = subprocess.run(
        [sys.executable, "-m", "rolegraph", "lint", "--corpus", str(root)],
        capture_output=True,
        text=True,
    )
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    assert f"{root}/claims/s1.yaml:2: YAML syntax error" in p.stderr


def test_stats_and_roles_on_the_bundled_corpus():
    data = json.loads(run("stats", "--format", "json").output)
    assert data["sources"] == 5 and data["claims"] == sum(data["claims_per_source"].values())
    roles = json.loads(run("roles", "--format", "json").output)
    hop = next(r for r in roles if r["label"] == "Head of Product")
    assert "HoP" in hop["aliases"]


def test_roles_turtle_holds_the_corpus_roles(tmp_path):
    import pyoxigraph as ox
    import rdflib

    roles_ttl = (
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix role: <https://w3id.org/rolegraph/role/> .\n"
        "<https://example.com/role/staff-designer> a skos:Concept ;\n"
        '    skos:prefLabel "Staff Designer"@en ; skos:altLabel "Staff UX"@en .\n'
        'role:head-of-product skos:altLabel "Product Boss"@en .\n'
    )
    root = build(tmp_path / "c", {"s1": ("A.", [])}, roles_ttl=roles_ttl)
    first = run("roles", "--corpus", str(root), "--format", "turtle").stdout_bytes
    assert run("roles", "--corpus", str(root), "--format", "turtle").stdout_bytes == first
    g = rdflib.Graph().parse(data=first.decode(), format="turtle")
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    staff = rdflib.URIRef("https://example.com/role/staff-designer")
    hop = rdflib.URIRef("https://w3id.org/rolegraph/role/head-of-product")
    assert g.value(staff, skos.prefLabel) == rdflib.Literal("Staff Designer", lang="en")
    assert rdflib.Literal("Product Boss", lang="en") in set(g.objects(hop, skos.altLabel))
    assert rdflib.Literal("HoP", lang="en") in set(g.objects(hop, skos.altLabel))
    labels = json.loads(run("roles", "--corpus", str(root), "--format", "json").output)
    assert len(set(g.subjects(skos.prefLabel, None))) == len(labels) + 1  # + the concept scheme
    assert len(list(ox.parse(first, format=ox.RdfFormat.TURTLE))) == len(g)


def test_summary_line_counts_in_the_singular(tmp_path):
    root = build(tmp_path / "c", {"s1": ("The CPO leads.", [claim("k", "CPO", "top", "CEO", quote="The CPO leads")])})
    r = run("lint", "--corpus", str(root))
    assert r.output.splitlines()[-1] == "Found 1 finding (1 error, 0 warnings, 0 info) in 1 claim from 1 source."
    (root / "claims" / "s1.yaml").write_text((root / "claims" / "s1.yaml").read_text().replace("  object: CEO\n", ""))
    r = run("lint", "--corpus", str(root))
    assert r.output.splitlines()[-1] == "No findings in 1 claim from 1 source (15 rules checked)."


@pytest.mark.parametrize(
    "args, start",
    [
        (["lint", "--fail-on", "bogus"], "rolegraph lint: Invalid value for '--fail-on'"),
        (["export", "--format", "xml"], "rolegraph export: Invalid value for '--format'"),
        (["--bogus"], "rolegraph: No such option '--bogus'"),
        (["lintt"], "rolegraph: No such command 'lintt'"),
    ],
)
def test_usage_errors_are_one_line(args, start):
    r = CliRunner().invoke(main, args, prog_name="rolegraph")
    assert r.exit_code == 2
    (line,) = r.output.splitlines()
    assert line.startswith(start) and line.endswith("--help)")
