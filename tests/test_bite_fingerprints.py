"""Fingerprints are stable: a finding keeps its fingerprint from one release to the next.

Code-scanning tools (SARIF ``partialFingerprints``) and reviewers track a finding across runs
by its fingerprint, so a change in what goes into it silently reopens every finding. This pins
the fingerprint, file and line of one finding of every rule on a corpus that triggers them all,
on the fast engine and on pyshacl. If a change of the fingerprint recipe is intended, update the
table below in the same commit and say so in the changelog."""

from __future__ import annotations

import json

import pytest
from corpus_builder import build, claim

import rolegraph
from rolegraph.formatters import render

TEXT = "Q. The text of the page. Q."
HOP, VPP, DOP, PM = "Head of Product", "VP of Product", "Director of Product", "Product Manager"


def every_rule(root):
    build(
        root,
        {
            "s1": (
                TEXT,
                [
                    {"id": "noquote", "subject": "CPO", "relation": "top"},
                    claim("unknown", "Xyzzy Wrangler", "above", HOP),
                    claim("badhedge", HOP, "above", PM, hedge="perhaps"),
                    claim("notfound", "CPO", "top", quote="never said"),
                    claim("self", VPP, "above", "Vice President of Product"),
                    claim("dup1", DOP, "above", PM, scope="mid"),
                    claim("dup2", DOP, "above", PM, scope="mid", quote="page"),
                    claim("topobj", "CPO", "top", HOP),
                    claim("acc", PM, "above", "Associate Product Manager", accept={"RG101": "old"}),
                ],
            ),
            "s2": (
                TEXT,
                [
                    claim("up", HOP, "above", VPP),
                    claim("down", VPP, "above", HOP, scope="large"),
                    claim("same", HOP, "same", VPP, hedge="may"),
                    claim("na", DOP, "not_above", HOP),
                    claim("over", DOP, "oversees", HOP, scope="startup"),
                    claim("hoptop", HOP, "top", scope="startup"),
                    claim("c1", "CPO", "above", DOP),
                    claim("c2", DOP, "above", "Group Product Manager"),
                    claim("c3", "Group Product Manager", "above", "CPO"),
                ],
            ),
            "s3": (TEXT, [claim("t", "CPO", "top")]),
        },
        header={"s2": {"sha256": None}},
    )
    (root / "sources" / "s3.txt").unlink()
    return root


EXPECTED = [
    ("RG001", "claims/s1.yaml", 9, "533cc3389cdaed31"),
    ("RG104", "claims/s1.yaml", 9, "890ed72774c74e42"),  # since RG104 groups a family: one finding
    ("RG002", "claims/s1.yaml", 13, "a847016625eb06a8"),
    ("RG003", "claims/s1.yaml", 22, "8e803a02522ebfe5"),
    ("RG008", "claims/s1.yaml", 23, "9bdef2bb34bcf9ef"),
    ("RG004", "claims/s1.yaml", 26, "a532e4f0b56a2710"),
    ("RG007", "claims/s1.yaml", 30, "664590d0f6be1c77"),
    ("RG008", "claims/s1.yaml", 38, "1432f6fd6f21a53c"),
    ("RG009", "claims/s1.yaml", 47, "bf58af1f55a992a5"),
    ("RG010", "claims/s1.yaml", 54, "0f33b49f3cd095fc"),
    ("RG005", "claims/s2.yaml", 2, "df5cfe7e952a9298"),
    ("RG101", "claims/s2.yaml", 8, "2311cc0b492055aa"),
    ("RG102", "claims/s2.yaml", 8, "e5d6688278db4399"),
    ("RG103", "claims/s2.yaml", 25, "ea019e10b9ce87ab"),
    ("RG105", "claims/s2.yaml", 41, "beceff6bca797baa"),
    ("RG006", "claims/s3.yaml", 6, "fe4719d501ed7c59"),
]


@pytest.mark.parametrize("engine", ["fast", "shacl"])
def test_fingerprint_file_and_line_of_every_rule(tmp_path, engine):
    corpus = rolegraph.load_corpus(every_rule(tmp_path / "c"))
    found = json.loads(render(rolegraph.lint(corpus, engine=engine), corpus, "json"))["findings"]
    assert [(f["code"], f["file"], f["line"], f["fingerprint"]) for f in found] == EXPECTED


def test_fingerprints_differ_between_sources_and_scopes(tmp_path):
    # two missing snapshots, and one source stating two claims twice that differ only in scope
    twice = [
        claim("a", DOP, "above", PM, scope="small"),
        claim("b", DOP, "above", PM, scope="small", quote="page"),
        claim("c", DOP, "above", PM, scope="large"),
        claim("d", DOP, "above", PM, scope="large", quote="page"),
    ]
    root = build(tmp_path / "c", {"s1": (TEXT, twice), "s2": (TEXT, [claim("t", "CPO", "top")])})
    for sid in ("s1", "s2"):
        (root / "sources" / f"{sid}.txt").unlink()
    corpus = rolegraph.load_corpus(root)
    found = json.loads(render(rolegraph.lint(corpus, select=["RG006", "RG008"]), corpus, "json"))["findings"]
    assert [f["code"] for f in found] == ["RG006", "RG008", "RG008", "RG006"]
    assert len({f["fingerprint"] for f in found}) == 4
