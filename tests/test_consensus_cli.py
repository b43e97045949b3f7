"""``rolegraph consensus`` through Click: options, errors, output files, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from test_consensus_support import HOP, VPP, claim, write_corpus

from rolegraph.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "consensus" / "ladder"


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["consensus", *args], env=env)


def test_text_by_default():
    r = invoke("--corpus", str(FIXTURE))
    assert r.exit_code == 0, r.output
    for size in ("startup:", "small:", "mid:", "large:", "enterprise:"):
        assert f"\n{size}" in r.output
    assert "Director of Product = Head of Product" in r.output
    assert "copy groups: 1" in r.output


def test_sizes_and_min_agreement():
    r = invoke("--corpus", str(FIXTURE), "--size", "enterprise", "--size", "STARTUP", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert list(data["sizes"]) == ["startup", "enterprise"]
    (hop_vpp,) = [p for p in data["sizes"]["enterprise"]["pairs"] if {p.get("higher"), p.get("lower")} == {HOP, VPP}]
    assert (hop_vpp["higher"], hop_vpp["agreement"]) == (VPP, 0.6429)
    strict = json.loads(
        invoke("--corpus", str(FIXTURE), "--size", "enterprise", "--min-agreement", "0.7", "--format", "json").output
    )
    (p,) = [p for p in strict["sizes"]["enterprise"]["pairs"] if set(p.get("roles", ())) == {HOP, VPP}]
    assert p["verdict"] == "contested" and p["leaning"] == "above" and p["dissent"] == []
    assert data["settings"]["min_agreement"] == 0.6 and strict["settings"]["min_agreement"] == 0.7


def test_bad_min_agreement_is_one_line_exit_2():
    r = invoke("--corpus", str(FIXTURE), "--min-agreement", "0.3")
    assert r.exit_code == 2
    assert r.output.strip().splitlines() == ["rolegraph: min-agreement must be a number from 0.5 to 1, not 0.3"]


def test_unknown_size_is_a_click_error():
    r = invoke("--corpus", str(FIXTURE), "--size", "huge")
    assert r.exit_code == 2 and "huge" in r.output


def test_explain():
    r = invoke("--corpus", str(FIXTURE), "--explain", "HoP", "VP of Product", "--size", "enterprise")
    assert r.exit_code == 0, r.output
    out = r.output
    assert out.startswith("Head of Product vs VP of Product")
    assert "enterprise: Head of Product is below VP of Product" in out
    for ref in (
        "alpha/vpp-below-hop",
        "beta/vpp-below-hop",
        "gamma/vpp-below-hop",
        "delta/vpp-above-hop-large",
        "epsilon/hop-reports-to-vpp",
    ):
        assert ref in out
    assert "copy-28b74e9256" in out and "generally" in out and "(1.00)" in out
    assert "\nlarge:" not in out
    data = json.loads(invoke("--corpus", str(FIXTURE), "--explain", HOP, VPP, "--format", "json").output)
    assert list(data["sizes"]) == ["startup", "small", "mid", "large", "enterprise"]
    assert data["sizes"]["large"]["verdict"] == "contested"
    vote = next(v for v in data["sizes"]["large"]["votes"] if v["claim"] == "alpha/vpp-below-hop")
    assert vote == {
        "claim": "alpha/vpp-below-hop",
        "source": "alpha",
        "file": "claims/alpha.yaml",
        "line": 14,
        "vote": "above",
        "hedge": "definite",
        "weight": 1.0,
        "scope": "any",
        "copy_group": "copy-28b74e9256",
        "voter": vote["voter"],
        "counted": True,
        "quote": "The VP of Product is slightly below the Head of Product",
    }


def test_explain_errors():
    r = invoke("--corpus", str(FIXTURE), "--explain", "Head of Prodcut", VPP)
    assert r.exit_code == 2
    assert "unknown role 'Head of Prodcut'; did you mean 'Head of Product'" in r.output
    r = invoke("--corpus", str(FIXTURE), "--explain", HOP, VPP, "--format", "dot")
    assert r.exit_code == 2 and "--explain writes text, markdown, json, csv; not dot" in r.output


def test_broken_corpus_is_refused(tmp_path):
    root = write_corpus(tmp_path / "c", {"a": [claim("c1", HOP, "above", VPP, "The HoP leads.")]})
    text = (root / "claims" / "a.yaml").read_text().replace("The HoP leads.", "The HoP rules.")
    (root / "claims" / "a.yaml").write_text(text)
    r = invoke("--corpus", str(root))
    assert r.exit_code == 2
    assert "RG004" in r.output and "nothing was written" in r.output


def test_output_file_is_the_same_bytes(tmp_path):
    out = tmp_path / "ladder.md"
    r = invoke("--corpus", str(FIXTURE), "--format", "markdown", "-o", str(out))
    assert r.exit_code == 0 and r.output == ""
    assert out.read_text(encoding="utf-8") == invoke("--corpus", str(FIXTURE), "--format", "markdown").output
    assert out.read_text(encoding="utf-8").startswith("# Consensus ladders\n")


def test_svg_without_dot_is_one_line_exit_2(tmp_path):
    r = invoke("--corpus", str(FIXTURE), "--format", "svg", env={"PATH": str(tmp_path)})
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and "Graphviz 'dot' program" in lines[0] and "apt-get install graphviz" in lines[0]


def test_dot_without_python_binding_is_one_line_exit_2(monkeypatch):
    monkeypatch.setitem(sys.modules, "graphviz", None)
    r = invoke("--corpus", str(FIXTURE), "--format", "dot")
    assert r.exit_code == 2
    assert r.output.strip().splitlines() == [
        "rolegraph: the Python package 'graphviz' is needed for dot and svg output; "
        "install it with: pip install 'rolegraph[graph]'"
    ]


JSON_SCHEMA = {
    "type": "object",
    "required": ["sizes", "copy_groups"],
    "properties": {
        "sizes": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["ladder", "pairs", "unplaced", "cycles"],
                "properties": {
                    "ladder": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
                    "pairs": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["verdict", "agreement", "independent_sources", "claims", "dissent"],
                            "properties": {
                                "verdict": {"enum": ["above", "same", "contested"]},
                                "agreement": {"type": "number", "minimum": 0, "maximum": 1},
                                "independent_sources": {"type": "integer", "minimum": 1},
                                "claims": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                                "dissent": {"type": "array", "items": {"type": "string"}},
                            },
                            "oneOf": [
                                {"required": ["higher", "lower"], "properties": {"verdict": {"const": "above"}}},
                                {"required": ["roles"], "properties": {"verdict": {"enum": ["same", "contested"]}}},
                            ],
                        },
                    },
                },
            },
        },
        "copy_groups": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "quote", "claims", "sources"],
                "properties": {"sources": {"type": "array", "minItems": 2}},
            },
        },
    },
}


def test_json_matches_the_documented_shape():
    import jsonschema

    data = json.loads(invoke("--corpus", str(FIXTURE), "--format", "json").output)
    jsonschema.validate(data, JSON_SCHEMA)
    assert data["sizes"]["mid"]["ladder"] == [
        ["Chief Product Officer"],
        ["Director of Product", "Head of Product"],
        ["VP of Product"],
        ["Product Manager"],
        ["Associate Product Manager"],
    ]
    assert data["sizes"]["mid"]["unplaced"] == ["Product Owner"]
    assert data["sizes"]["startup"]["cycles"] == [
        ["Group Product Manager", "Principal Product Manager", "Senior Product Manager"]
    ]


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "dot"])
def test_output_is_byte_identical_across_processes(fmt):
    code = "from rolegraph.cli import main; main()"
    outs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", code, "consensus", "--corpus", str(FIXTURE), "--format", fmt],
            capture_output=True,
            env=env,
            check=True,
        )
        outs.add(proc.stdout)
    assert len(outs) == 1


def test_registered_in_main_cli_with_the_library_choices():

    from rolegraph import cli
    from rolegraph.consensus import FORMATS
    from rolegraph.model import SIZES

    ctx = click.Context(main)
    assert "consensus" in main.list_commands(ctx)
    assert main.get_command(ctx, "consensus").name == "consensus"
    # the CLI spells the choices out (so --help needs no import of the consensus package)
    assert cli.SIZES == SIZES and cli.CONSENSUS_FORMATS == FORMATS


def test_terminal_escapes_in_quotes_and_labels_are_shown_escaped(tmp_path):
    """A page can carry control characters; consensus text, markdown and csv never pass them to a terminal."""
    from click.testing import CliRunner
    from corpus_builder import build, claim

    from rolegraph.cli import main

    evil = "the Head of Product\x1b]0;owned\x07 sits above\x1b[2J the VP of Product"
    root = build(
        tmp_path / "c",
        {
            "s1": (f"Intro. {evil}. End.\n", [claim("c1", "Head of Product", "above", "VP of Product", quote=evil)]),
            "s2": (
                "The VP of Product leads.\n",
                [claim("c2", "VP of Product", "above", "Head of Product", quote="The VP of Product leads")],
            ),
        },
    )
    for args in (
        ["consensus"],
        ["consensus", "--format", "markdown"],
        ["consensus", "--format", "csv"],
        ["consensus", "--explain", "Head of Product", "VP of Product"],
        ["consensus", "--explain", "Head of Product", "VP of Product", "--format", "markdown"],
        ["consensus", "--explain", "Head of Product", "VP of Product", "--format", "csv"],
    ):
        r = CliRunner().invoke(main, [*args, "--corpus", str(root)])
        assert r.exit_code == 0, r.output
        assert "\x1b" not in r.stdout and "\x07" not in r.stdout, args
        if "--explain" in args:
            assert "\\x1b" in r.stdout, args
