"""Reviewed proposals stay reviewed: after a person accepts (deletes ``proposed: true``), edits
(hedge, scope, relation) or deletes proposals, ``extract --write`` never proposes a claim from the
same quote about the same two roles again. It remembers the proposals it made in the claims file's
``extracted:`` list (the file's last key)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rolegraph
from rolegraph.corpus.claims import parse_claims_file
from rolegraph.extract import api
from rolegraph.extract.writer import render_item

PAGE = (
    "Product at a mid-size software maker\n\n"
    "Every Product Manager answers to a Group Product Manager. The Group Product Manager sits beneath the "
    "Director of Product. In larger firms the Director of Product reports to a VP of Product, and the VP of "
    "Product often reports to the Chief Product Officer.\n\n"
    "The Chief Product Officer is the most senior product role.\n"
)
HEAD = "source:\n  id: p\n  title: t\n  url: null\n  retrieved: 2026-01-01\n  snapshot: sources/p.txt\n  sha256: {}\n"


def _corpus(tmp: Path) -> Path:
    root = tmp / "c"
    (root / "claims").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "sources" / "p.txt").write_text(PAGE)
    (root / "claims" / "p.yaml").write_text(HEAD.format(hashlib.sha256(PAGE.encode()).hexdigest()) + "claims:\n")
    return root


def _write(root: Path) -> int:
    corpus = rolegraph.load_corpus(str(root))
    result = api.extract(corpus)
    api.write_proposals(corpus, result)
    return result.count


def _items(root: Path) -> tuple[list[dict], str]:
    text = (root / "claims" / "p.yaml").read_text()
    src, problems = parse_claims_file("claims/p.yaml", text)
    assert src is not None and not problems
    items = []
    for c in src.claims:
        items.append(
            {
                "id": c.id,
                "subject": c.subject_text,
                "relation": c.relation_text,
                "object": c.object_text,
                "quote": c.quote,
                "scope": c.scope_text,
                "hedge": c.hedge_text,
                "note": c.note,
                "proposed": True if c.proposed else None,
            }
        )
    record = text[text.index("extracted:") :] if "\nextracted:" in text else ""
    return items, record


def _rewrite(root: Path, items: list[dict], record: str) -> None:
    body = "".join(render_item(it, "  ") for it in items)
    head = HEAD.format(hashlib.sha256(PAGE.encode()).hexdigest())
    (root / "claims" / "p.yaml").write_text(head + "claims:\n" + body + record)


EDITS = {
    "hedge": lambda it: {**it, "hedge": "may" if it["hedge"] != "may" else "some"},
    "scope": lambda it: {**it, "scope": "enterprise" if it["scope"] != "enterprise" else "startup"},
    "relation": lambda it: (
        {**it, "relation": "not_above" if it["relation"] != "not_above" else "above"} if it["object"] else it
    ),
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["keep", "accept", "delete", "hedge", "scope", "relation"]), min_size=8, max_size=8))
def test_reviewed_proposals_never_come_back(tmp_path_factory, actions):
    root = _corpus(tmp_path_factory.mktemp("rev"))
    assert _write(root) >= 4
    items, record = _items(root)
    assert record.startswith("extracted: [")
    kept = []
    for it, act in zip(items, actions + ["keep"] * len(items), strict=False):
        if act == "delete":
            continue
        if act == "accept":
            it = {**it, "proposed": None}
        elif act in EDITS:
            it = {**EDITS[act](it), "proposed": None}
        kept.append(it)
    _rewrite(root, kept, record)
    before = (root / "claims" / "p.yaml").read_text()
    assert _write(root) == 0
    assert (root / "claims" / "p.yaml").read_text() == before
    findings = rolegraph.lint(rolegraph.load_corpus(str(root))).findings
    assert not [f for f in findings if f.rule.startswith("RG0")]


def test_same_quote_and_roles_counts_as_there_without_a_record(tmp_path):
    """A hand-written claim on the same sentence and roles, with another hedge and scope."""
    root = _corpus(tmp_path)
    hand = (
        "  - id: mine\n    subject: Director of Product\n    relation: reports_to\n    object: VP of Product\n"
        '    quote: "In larger firms the Director of Product reports to a VP of Product"\n'
        "    scope: enterprise\n    hedge: may\n"
    )
    (root / "claims" / "p.yaml").write_text((root / "claims" / "p.yaml").read_text() + hand)
    corpus = rolegraph.load_corpus(str(root))
    res = api.extract(corpus)
    pairs = {(p.subject, p.object) for p in res.sources[0].proposals}
    voc = corpus.vocabulary
    assert (voc.resolve("Director of Product"), voc.resolve("VP of Product")) not in pairs
    assert res.sources[0].already == 1


def test_deleting_the_record_lets_extract_propose_again(tmp_path):
    root = _corpus(tmp_path)
    n = _write(root)
    items, _record = _items(root)
    _rewrite(root, items[:1], "")  # the reviewer deleted proposals and the extracted: list
    assert _write(root) == n - 1


def test_record_must_be_the_last_key(tmp_path):
    root = _corpus(tmp_path)
    _write(root)
    f = root / "claims" / "p.yaml"
    text = f.read_text()
    record = text[text.index("extracted:") :]
    f.write_text(text.replace(record, "").replace("claims:\n", record + "claims:\n", 1))
    with pytest.raises(rolegraph.errors.InputError, match="'extracted:' is not the last key"):
        (root / "sources" / "p.txt").write_text(
            PAGE + "\nThe Senior Product Manager reports to the Group Product Manager.\n"
        )
        _write(root)


def test_bad_record_is_one_problem(tmp_path):
    root = _corpus(tmp_path)
    f = root / "claims" / "p.yaml"
    f.write_text(f.read_text() + "extracted: [not-an-id]\n")
    _src, problems = parse_claims_file("claims/p.yaml", f.read_text())
    assert len(problems) == 1 and "extracted" in problems[0].message


def test_extract_warns_once_when_the_snapshot_changed(tmp_path):
    from click.testing import CliRunner

    from rolegraph.cli import main

    root = _corpus(tmp_path)
    r = CliRunner().invoke(main, ["extract", "p", "--corpus", str(root)])
    assert r.exit_code == 0 and "warning" not in r.stderr
    (root / "sources" / "p.txt").write_text(PAGE + "\nThe Product Owner reports to the Group Product Manager.\n")
    r = CliRunner().invoke(main, ["extract", "p", "--corpus", str(root)])
    assert r.exit_code == 0
    warnings = [ln for ln in r.stderr.splitlines() if "warning" in ln]
    assert len(warnings) == 1 and warnings[0].startswith("claims/p.yaml:7: warning: sources/p.txt no longer matches")


def test_a_repeated_sentence_counts_once_as_already_there(tmp_path):
    root = _corpus(tmp_path)
    page = "The Senior Product Manager reports to the Group Product Manager.\n" * 30
    (root / "sources" / "p.txt").write_text(page)
    f = root / "claims" / "p.yaml"
    f.write_text(HEAD.format(hashlib.sha256(page.encode()).hexdigest()) + "claims:\n")
    assert _write(root) == 1
    res = api.extract(rolegraph.load_corpus(str(root)))
    assert res.count == 0 and res.sources[0].already == 1


def test_consensus_does_not_count_a_source_with_only_proposals(tmp_path):
    root = _corpus(tmp_path)
    _write(root)  # p.yaml now holds only proposals
    page = "The VP of Product reports to the Chief Product Officer.\n"
    (root / "sources" / "h.txt").write_text(page)
    head = HEAD.replace("id: p", "id: h").replace("sources/p.txt", "sources/h.txt")
    (root / "claims" / "h.yaml").write_text(
        head.format(hashlib.sha256(page.encode()).hexdigest())
        + "claims:\n  - id: mine\n    subject: VP of Product\n    relation: reports_to\n"
        '    object: Chief Product Officer\n    quote: "The VP of Product reports to the Chief Product Officer"\n'
    )
    corpus = rolegraph.load_corpus(str(root))
    assert rolegraph.consensus(corpus).sources == 1
    assert rolegraph.consensus(corpus, include_proposed=True).sources == 2
