"""A claim item the parser cannot read (a value of the wrong type, a key it does not know, a key written
twice) costs the publishing commands that one claim, not its whole claims file.

Each broken item is appended to source ``b`` of the left-out corpora (see ``leftout_corpora``). The
outputs of consensus, export and stats must equal, byte for byte once the left-out record is set aside,
those of the corpus where a curator deleted the item by hand; stderr names the claim at the line of its
problem. ``lint`` and ``--strict`` keep refusing with the parser's message, and problems in the source
header still leave out the whole file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_builder import tree_digest
from leftout_corpora import good
from test_left_out_cli import COMMANDS, GOOD_CLAIMS, GOOD_SOURCES, left_out_count, publish, without_left_out

import rolegraph
from rolegraph.cli import main

HEAD = (
    "- id: {id}\n  subject: VP of Product\n  relation: above\n  object: Head of Product\n"
    "  quote: The VP of Product outranks the Head of Product\n"
)
# name: (the item's id as the record gives it, the extra text inside the item, words of the reason)
ITEMS = {
    "hedge-list": ("bad", "  hedge: [generally]\n", "'hedge' must be text, not a list"),
    "subject-number": ("bad", None, "'subject' must be text, not the number 42"),
    "unknown-key": ("bad", "  hedgee: may\n", "unknown claim key 'hedgee' (did you mean 'hedge'?)"),
    "duplicate-key": ("bad", "  relation: below\n", "duplicate key 'relation'"),
    "duplicate-accept-code": ("bad", "  accept: {RG101: one, RG101: two}\n", "duplicate key 'RG101'"),
    "scope-mapping": ("bad", "  scope: {from: small}\n", "'scope' must be text, not a mapping"),
    "id-unreadable": ("", "  occurrence: 0\n", "'id' must be text, not a list"),
}


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def with_item(root: Path, name: str) -> tuple[Path, int]:
    """The good corpus plus one broken item at the end of claims/b.yaml; the line where the item starts."""
    cid, extra, _ = ITEMS[name]
    good(root)
    path = root / "claims" / "b.yaml"
    text = path.read_text(encoding="utf-8")
    item = HEAD.format(id=cid or "[not, an, id]")
    if extra is None:
        item = item.replace("subject: VP of Product", "subject: 42")
    path.write_text(text + item + (extra or ""), encoding="utf-8")
    return root, text.count("\n") + 1


def lint_problems(root: Path) -> list[str]:
    r = run("lint", "--corpus", str(root))
    assert r.exit_code == 2, r.output
    assert r.stderr.endswith("nothing was written\n")
    return r.stderr.splitlines()[:-1]


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_one_unreadable_item_leaves_out_that_claim_only(tmp_path, name):
    cid, _, words = ITEMS[name]
    bad, start = with_item(tmp_path / "bad", name)
    hand = good(tmp_path / "hand")
    problems = lint_problems(bad)  # lint keeps naming the problem as an input problem
    assert problems and all(p.startswith(f"{bad}/claims/b.yaml:") for p in problems)
    first = problems[0][len(f"{bad}/") :]
    where, _, message = first.partition(": ")
    assert words in message and int(where.rsplit(":", 1)[1]) >= start
    before = tree_digest(bad)
    label = f"claim '{cid}'" if cid else "claim"
    for command, fmt in COMMANDS:
        r, ref = publish(command, bad, fmt), publish(command, hand, fmt)
        assert (r.exit_code, ref.exit_code) == (0, 0), (command, fmt, r.stderr)
        lines = r.stderr.splitlines()
        assert len(lines) == 2, lines
        assert lines[0].startswith(f"{bad}/{where}: {label} left out: {message}"), lines
        assert lines[1].startswith("rolegraph: 1 claim left out; ")
        assert f"rests on {GOOD_CLAIMS} claims from {GOOD_SOURCES} sources" in lines[1]
        assert without_left_out(command, fmt, r.stdout_bytes) == without_left_out(command, fmt, ref.stdout_bytes)
        if fmt == "json":
            (record,) = json.loads(r.stdout)["left_out"]
            assert record["file"] == "claims/b.yaml" and record["line"] == int(where.rsplit(":", 1)[1])
            assert (record["source"], record["claim"], record["code"]) == ("b", cid, None)
            assert record["reason"].startswith(message)
        if command == "export":
            assert left_out_count(r.stdout_bytes, fmt) == (1, 0), "counted as a claim, not as a source"
    assert tree_digest(bad) == before


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_strict_still_refuses_with_the_parser_message(tmp_path, name):
    bad, _ = with_item(tmp_path / "bad", name)
    problems = lint_problems(bad)
    for command in ("consensus", "export", "stats"):
        r = run(command, "--corpus", str(bad), "--strict")
        assert r.exit_code == 2 and r.stdout == ""
        assert r.stderr.splitlines()[:-1] == problems


def test_the_api_keeps_the_other_claims_of_the_file(tmp_path):
    bad, _ = with_item(tmp_path / "bad", "hedge-list")
    usable = rolegraph.load_usable_corpus(bad)
    assert [c.id for c in usable.corpus.source("b").claims] == ["b1", "b2", "b3"]
    (x,) = usable.left_out
    assert (x.source, x.claim, x.code) == ("b", "bad", None)
    with pytest.raises(rolegraph.InputError):
        rolegraph.load_corpus(bad)  # a plain load (lint's) refuses as before


def test_two_broken_items_are_two_records_and_a_header_problem_still_spoils_the_file(tmp_path):
    bad, _ = with_item(tmp_path / "two", "unknown-key")
    path = bad / "claims" / "b.yaml"
    path.write_text(path.read_text(encoding="utf-8") + HEAD.format(id="worse") + "  hedge: [x]\n", encoding="utf-8")
    usable = rolegraph.load_usable_corpus(bad)
    assert sorted(x.claim for x in usable.left_out) == ["bad", "worse"]
    assert usable.claims == GOOD_CLAIMS
    path.write_text(path.read_text(encoding="utf-8").replace("  title: Source b\n", "  title: [Source b]\n"))
    usable = rolegraph.load_usable_corpus(bad)
    (whole,) = usable.left_out
    assert (whole.file, whole.line, whole.source, whole.claim) == ("claims/b.yaml", 3, None, None)
    assert "(and 2 more problems" in whole.reason and [s.id for s in usable.corpus.sources] == ["a"]


def test_a_file_with_a_broken_item_is_not_served_from_the_cache_without_its_problem(tmp_path):
    bad, _ = with_item(tmp_path / "bad", "duplicate-key")
    for _ in range(2):  # the second load would read a cache entry, if one had been written
        usable = rolegraph.load_usable_corpus(bad, cache=True)
        assert [x.claim for x in usable.left_out] == ["bad"]
        with pytest.raises(rolegraph.InputError):
            rolegraph.load_corpus(bad, cache=True)
