"""Rule behaviour that the fixtures of test_rules.py leave open: what each finding says (message,
name, sizes, line), RG105's severity and scope, and the SHACL engines agreeing on all of it.

Every test lints a small corpus written by corpus_builder through the public API and reads the
findings as the JSON report shows them."""

from __future__ import annotations

import hashlib
import json

import pytest
from corpus_builder import build, claim

import rolegraph
from rolegraph.formatters import render

TEXT = "Q. The text of the page. Q."
ENGINES = ["fast", "shacl", "shacl-oxigraph"]


def lint(root, select, engine="fast") -> list[dict]:
    corpus = rolegraph.load_corpus(root)
    report = rolegraph.lint(corpus, select=select, engine=engine)
    return json.loads(render(report, corpus, "json"))["findings"]


def claim_lines(root) -> dict[str, int]:
    corpus = rolegraph.load_corpus(root)
    return {f"{c.source_id}/{c.id}": c.line for c in corpus.claims()}


# ----------------------------------------------------------------------------- RG005, RG004, RG008


def test_snapshot_without_recorded_sha256(tmp_path):
    root = build(tmp_path / "c", {"s1": (TEXT, [claim("c1", "CPO", "top")])}, header={"s1": {"sha256": None}})
    actual = hashlib.sha256(TEXT.encode()).hexdigest()
    for engine in ENGINES:
        (f,) = lint(root, ["RG005"], engine)
        assert f["message"] == (
            "no sha256 recorded for sources/s1.txt (every quote is still found verbatim, so only the checksum "
            f"is stale); add sha256: {actual}"
        )
        assert (f["code"], f["name"], f["severity"], f["scope"]) == ("RG005", "snapshot-changed", "error", None)
        assert f["file"] == "claims/s1.yaml" and f["claims"] == []


def test_snapshot_changed_message_names_both_checksums(tmp_path):
    root = build(tmp_path / "c", {"s1": (TEXT, [claim("c1", "CPO", "top")])})
    (root / "sources" / "s1.txt").write_text(TEXT + " More.", encoding="utf-8")
    new = hashlib.sha256((TEXT + " More.").encode()).hexdigest()
    old = hashlib.sha256(TEXT.encode()).hexdigest()
    (f,) = lint(root, ["RG005"])
    assert f["message"] == (
        f"sources/s1.txt changed since its claims were written (sha256 {new[:12]}..., recorded {old[:12]}...; "
        "every quote is still found verbatim, so only the checksum is stale); re-check the claims, then record "
        "the new sha256"
    )
    text = (root / "claims" / "s1.yaml").read_text(encoding="utf-8").splitlines()
    assert text[f["line"] - 1].strip().startswith("sha256:")


@pytest.mark.parametrize("engine", ENGINES)
def test_quote_message_names_the_occurrence_only_past_the_first(tmp_path, engine):
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("once", "CPO", "top", quote="The text of the page", occurrence=2),
                    claim("never", "CPO", "top", quote="not on the page"),
                    claim("third", "CPO", "top", quote="Q", occurrence=3),
                    claim("found", "CPO", "top", quote="Q", occurrence=2),
                ],
            )
        },
    )
    # each message may go on with a hint to the closest text (after "; closest:")
    found = {f["claims"][0]["id"]: f["message"].split("; closest:")[0] for f in lint(root, ["RG004"], engine)}
    tail = "copy it verbatim from the snapshot"
    assert found == {
        "once": f"quote of claim 'once' not found in sources/s1.txt (occurrence 2); {tail}",
        "never": f"quote of claim 'never' not found in sources/s1.txt; {tail}",
        "third": f"quote of claim 'third' not found in sources/s1.txt (occurrence 3); {tail}",
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_duplicate_message_lists_every_repeat_with_its_line(tmp_path, engine):
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("first", "HoP", "above", "VP of Product", scope="large"),
                    claim("other", "CPO", "top"),
                    claim("again", "Head of Product", "above", "VP Product", scope="large", quote="The text"),
                    claim("thrice", "head of product", "above", "vp of product", scope="large", quote="page"),
                ],
            )
        },
    )
    lines = claim_lines(root)
    (f,) = lint(root, ["RG008"], engine)
    assert f["message"] == (
        f"claim 'first' is stated again by 'again' (line {lines['s1/again']}), "
        f"'thrice' (line {lines['s1/thrice']}); keep one"
    )
    assert (f["name"], f["severity"], f["scope"]) == ("duplicate-claim", "warning", "large")
    assert f["roles"] == ["Head of Product", "VP of Product"]
    assert (f["file"], f["line"]) == ("claims/s1.yaml", lines["s1/again"])
    assert [c["id"] for c in f["claims"]] == ["first", "again", "thrice"]


def test_duplicates_in_two_sources_are_two_findings(tmp_path):
    same = [claim("a", "CPO", "top"), claim("b", "Chief Product Officer", "top", quote="page")]
    root = build(tmp_path / "c", {"s1": (TEXT, same), "s2": (TEXT, same)})
    found = lint(root, ["RG008"])
    assert [(f["file"], [c["id"] for c in f["claims"]]) for f in found] == [
        ("claims/s1.yaml", ["a", "b"]),
        ("claims/s2.yaml", ["a", "b"]),
    ]
    assert len({f["fingerprint"] for f in found}) == 2


def test_claims_differing_in_scope_hedge_or_condition_are_not_duplicates(tmp_path):
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("a", "CPO", "above", "Head of Product"),
                    claim("b", "CPO", "above", "Head of Product", scope="large"),
                    claim("c", "CPO", "above", "Head of Product", hedge="may"),
                    claim("d", "CPO", "above", "Head of Product", condition="in big firms"),
                    claim("e", "CPO", "oversees", "Head of Product"),
                    claim("f", "CPO", "above", "VP of Product"),
                ],
            )
        },
    )
    assert lint(root, ["RG008"]) == []


# ----------------------------------------------------------------------------- structural findings


@pytest.mark.parametrize("engine", ENGINES)
def test_structural_findings_carry_name_sizes_roles_and_field_line(tmp_path, engine):
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("self", "VP of Product", "above", "Vice President of Product", scope="small..mid"),
                    claim("topobj", "CPO", "top", "Head of Product", scope="enterprise"),
                    {"id": "noobj", "subject": "Head of Product", "relation": "above", "quote": "Q"},
                ],
            )
        },
    )
    text = (root / "claims" / "s1.yaml").read_text(encoding="utf-8").splitlines()
    found = {f["code"]: f for f in lint(root, ["RG001", "RG007", "RG009"], engine)}
    assert sorted(found) == ["RG001", "RG007", "RG009"]
    assert (found["RG007"]["name"], found["RG007"]["scope"]) == ("self-relation", "small..mid")
    assert found["RG007"]["roles"] == ["VP of Product", "VP of Product"]
    assert found["RG007"]["message"] == (
        "claim 'self' relates VP of Product to itself ('VP of Product' and 'Vice President of Product' name one role)"
    )
    assert (found["RG009"]["name"], found["RG009"]["scope"]) == ("top-with-object", "enterprise")
    assert found["RG009"]["roles"] == ["Chief Product Officer", "Head of Product"]
    assert (found["RG001"]["name"], found["RG001"]["scope"]) == ("missing-field", "any")
    assert found["RG001"]["message"] == "claim 'noobj' has no object (relation 'above' needs one); add 'object:'"
    # a finding about a field points at that field's line
    for code in ("RG007", "RG009"):
        assert text[found[code]["line"] - 1].strip().startswith("object:")


def test_missing_subject_relation_and_quote_are_three_findings(tmp_path):
    root = build(tmp_path / "c", {"s1": (TEXT, [{"id": "bare", "object": "CPO"}])})
    for engine in ENGINES:
        found = lint(root, ["RG001"], engine)
        assert sorted(f["message"] for f in found) == [
            "claim 'bare' has no quote; add 'quote:'",
            "claim 'bare' has no relation; add 'relation:'",
            "claim 'bare' has no subject; add 'subject:'",
        ]
        assert all(f["scope"] == "any" and f["roles"] == ["Chief Product Officer"] for f in found)


def test_top_claim_needs_no_object(tmp_path):
    root = build(tmp_path / "c", {"s1": (TEXT, [{"id": "t", "subject": "CPO", "relation": "top", "quote": "Q"}])})
    assert lint(root, ["RG001"]) == []


def test_unknown_role_without_a_close_label_points_at_the_role_list(tmp_path):
    root = build(tmp_path / "c", {"s1": (TEXT, [claim("c1", "Xyzzy Wrangler", "above", "CPO")])})
    (f,) = lint(root, ["RG002"])
    assert f["message"] == "unknown role 'Xyzzy Wrangler' in subject; see: rolegraph roles (or add it to roles.ttl)"
    (g,) = lint(build(tmp_path / "d", {"s1": (TEXT, [claim("c1", "CPO", "above", "Hed of Product")])}), ["RG002"])
    assert g["message"].startswith("unknown role 'Hed of Product' in object; did you mean 'Head of Product'")


def test_quotes_are_not_checked_against_a_missing_snapshot(tmp_path):
    root = build(tmp_path / "c", {"s1": (TEXT, [claim("c1", "CPO", "top", quote="not on the page")])})
    (root / "sources" / "s1.txt").unlink()
    for engine in ENGINES:
        found = lint(root, ["RG004", "RG005", "RG006"], engine)
        assert [(f["code"], f["name"]) for f in found] == [("RG006", "snapshot-missing")]
        assert found[0]["message"] == "snapshot sources/s1.txt does not exist; add the page text there or fix the path"


@pytest.mark.parametrize("name", ["RG105", "rg105", " rank-cycle ", "Rank-Cycle"])
def test_a_rule_is_found_by_code_or_name_in_any_case(name):
    from click.testing import CliRunner

    from rolegraph.cli import main

    r = CliRunner().invoke(main, ["rules", name], catch_exceptions=False)
    assert r.exit_code == 0
    assert r.output.startswith("RG105 rank-cycle\n")


@pytest.mark.parametrize("name", ["RG10", "rank", "RG105x", "opposite rank"])
def test_a_rule_is_not_found_by_part_of_its_code_or_name(name):
    from click.testing import CliRunner

    from rolegraph.cli import main

    r = CliRunner().invoke(main, ["rules", name])
    assert r.exit_code == 2
    assert f"no rule {name!r}; see: rolegraph rules" in r.output


def test_claims_with_an_unknown_subject_or_relation_are_not_duplicates(tmp_path):
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("a", "Xyzzy", "above", "VP of Product"),
                    claim("b", "Xyzzy", "above", "VP of Product", quote="page"),
                    claim("c", "CPO", "outranks", "VP of Product"),
                    claim("d", "CPO", "outranks", "VP of Product", quote="page"),
                ],
            )
        },
    )
    assert lint(root, ["RG008"]) == []
    assert [f["code"] for f in lint(root, ["RG0"])].count("RG008") == 0


# ----------------------------------------------------------------------------- hints (RG005, RG004, RG010, RG002)


@pytest.mark.parametrize(
    ("lost", "words"),
    [
        (1, "quote no longer found: 'q0'"),
        (2, "quotes no longer found: 'q0', 'q1'"),
        (5, "quotes no longer found: 'q0', 'q1', 'q2', 'q3', 'q4')"),
        (7, "quotes no longer found: 'q0', 'q1', 'q2', 'q3', 'q4' and 2 more)"),
    ],
)
def test_a_changed_snapshot_names_the_claims_whose_quotes_it_lost(tmp_path, lost, words):
    page = " ".join(f"Sentence number {i} of the page." for i in range(8))
    claims = [claim(f"q{i}", "CPO", "top", quote=f"Sentence number {i} of the page") for i in range(8)]
    root = build(tmp_path / "c", {"s1": (page, claims)})
    changed = page
    for i in range(lost):
        changed = changed.replace(f"Sentence number {i} of", f"Line {i} of")
    (root / "sources" / "s1.txt").write_text(changed, encoding="utf-8")
    (f,) = lint(root, ["RG005"])
    assert words in f["message"]
    text = (root / "claims" / "s1.yaml").read_text(encoding="utf-8").splitlines()
    assert text[f["line"] - 1].strip().startswith("sha256:")


def test_closest_passage_hints_are_bounded_per_run(tmp_path):
    """Each hint reads the page again: a run computes 200 of them, then names the quote alone."""
    page = "The head of product leads the product team. " * 3
    claims = [claim(f"c{i:03d}", "CPO", "top", quote=f"The head of product leads team {i}") for i in range(203)]
    root = build(tmp_path / "c", {"s1": (page, claims)})
    found = lint(root, ["RG004"])
    assert len(found) == 203
    assert sum("; closest: line 1 col 1" in f["message"] for f in found) == 200


def test_an_accept_naming_no_rule_is_a_finding_at_its_line_with_the_closest_code(tmp_path):
    root = build(
        tmp_path / "c",
        {
            "s1": (
                TEXT,
                [
                    claim("c1", "CPO", "top", accept={"RG999": "typo"}),
                    claim("c2", "CPO", "top", accept={"RG500": "x"}),
                ],
            )
        },
    )
    found = lint(root, ["RG0"])
    by_claim = {f["claims"][0]["id"]: f for f in found if f["code"] == "RG010"}
    assert by_claim["c1"]["message"] == (
        "claim 'c1' accepts RG999, which is no rule of rolegraph (did you mean RG009?); fix the code or remove it"
    )
    assert by_claim["c2"]["message"] == (
        "claim 'c2' accepts RG500, which is no rule of rolegraph (did you mean RG010?); fix the code or remove it"
    )
    lines = (root / "claims" / "s1.yaml").read_text(encoding="utf-8").splitlines()
    for f in by_claim.values():
        assert lines[f["line"] - 1].strip().startswith("accept:")
    assert len({f["fingerprint"] for f in by_claim.values()}) == 2


def test_a_title_a_corpus_took_away_names_the_command_that_explains_it(tmp_path):
    ttl = (
        "@prefix rg: <https://w3id.org/rolegraph#> .\n"
        "@prefix role: <https://w3id.org/rolegraph/role/> .\n"
        'role:vp-of-product rg:removedAltLabel "VPP" .\n'
    )
    root = build(
        tmp_path / "my corpus", {"s1": (TEXT, [claim("c1", "VPP", "above", "Product Manager")])}, roles_ttl=ttl
    )
    (f,) = lint(root, ["RG002"])
    assert f["message"].endswith(f"; see: rolegraph roles --corpus '{root}' --explain VPP")
    assert f["roles"] == ["Product Manager"] and f["claims"][0]["id"] == "c1"
    lines = (root / "claims" / "s1.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[f["line"] - 1].strip().startswith("subject:")
    corpus = rolegraph.load_corpus(root)
    corpus.bundled = True  # the bundled corpus is the default: the command needs no --corpus
    (g,) = rolegraph.lint(corpus, select=["RG002"]).findings
    assert g.message.endswith("; see: rolegraph roles --explain VPP")
