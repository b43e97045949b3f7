"""lint --fix and --diff: near-verbatim quotes, stale checksums, identical duplicates; hints."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_builder import tree_digest

from rolegraph.cli import main
from rolegraph.fix.textmatch import closest_passage, first_difference, fixed_passage, normalised_matches

# A page of our own, with typographic characters a curator tends to flatten when pasting.
PAGE = (
    "Ladders differ between firms.\n"
    "At our company the Head of Product’s remit is wider than a director’s.\n"
    "The VP of Product reports to the Chief Product Officer \u2013 in most years.\n"
    "A group product manager\u00a0ranks above a senior product manager.\n"
    "Some teams call the principal product manager a “staff” role,\n"
    "while others keep it beside the senior one.\n"
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def claims_yaml(quote_line: str, *, extra: str = "", sha256: str | None = None, newline: str = "\n") -> str:
    """A hand-written claims file: comments, a blank line, mixed quoting styles."""
    lines = [
        "# written by hand; keep this comment",
        "source:",
        "  id: page",
        "  title: 'A page of our own'   # single-quoted title",
        "  url: https://example.com/page",
        "  retrieved: 2026-11-20",
        "  snapshot: sources/page.txt",
        f"  sha256: {sha256 if sha256 is not None else sha(PAGE)}",
        "",
        "claims:",
        "  - id: c1",
        "    subject: Head of Product",
        "    relation: above",
        "    object: Director of Product",
        f"    quote: {quote_line}",
        "    hedge: definite   # trailing comment",
        extra,
    ]
    return newline.join(x for x in lines if x is not None) + newline


def make_corpus(root: Path, claims: str, page: str = PAGE, *, binary: bytes | None = None) -> Path:
    (root / "claims").mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    (root / "sources" / "page.txt").write_bytes(page.encode("utf-8"))
    (root / "claims" / "page.yaml").write_bytes(binary if binary is not None else claims.encode("utf-8"))
    return root


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def lint_json(root: Path, *extra: str) -> dict:
    r = run("lint", "--corpus", str(root), "--format", "json", *extra)
    return json.loads(r.stdout)


# --------------------------------------------------------------------------- matching, pure

NEAR_MISSES = [
    # (what the curator typed, the verbatim passage of PAGE it stands for)
    ("the Head of Product's remit", "the Head of Product’s remit"),  # straight apostrophe
    (
        "The VP of Product reports to the Chief Product Officer - in",
        "The VP of Product reports to the Chief Product Officer \u2013 in",
    ),
    ("A group product manager ranks above", "A group product manager\u00a0ranks above"),  # NBSP
    ("A group  product manager\u00a0ranks", "A group product manager\u00a0ranks"),  # double space
    ('call the principal product manager a "staff" role', "call the principal product manager a “staff” role"),
    ("a “staff” role, while others", "a “staff” role,\nwhile others"),  # a line break in the page
    ("a “staff” role,\n  while others", "a “staff” role,\nwhile others"),  # a line break in the quote
]


@pytest.mark.parametrize(("typed", "verbatim"), NEAR_MISSES)
def test_a_near_miss_quote_stands_for_exactly_its_passage(typed, verbatim):
    assert typed not in PAGE
    assert fixed_passage(PAGE, typed) == verbatim
    [(a, b)] = normalised_matches(PAGE, typed)
    assert PAGE[a:b] == verbatim


def test_no_passage_when_the_words_differ():
    assert fixed_passage(PAGE, "the Head of Product’s remit is narrower") is None
    assert normalised_matches(PAGE, "nothing like this") == []


def test_two_different_passages_are_ambiguous_and_never_fixed():
    page = "Here it’s the lead role. Elsewhere it's the lead role too.\n"
    typed = "it‘s the lead role"  # a left single quote: neither passage verbatim
    assert len(normalised_matches(page, typed)) == 2
    assert fixed_passage(page, typed) is None  # a person must choose


def test_two_equal_passages_fix_to_that_text():
    page = "The lead’s role. Then again: the lead’s role.\n"
    assert fixed_passage(page, "the lead's role") == "the lead’s role"
    assert fixed_passage(page, "the lead's role", occurrence=3) is None  # there are only two


def test_the_first_difference_is_named_with_code_points():
    assert first_difference("a company’s product", "a company's product") == "’ U+2019 where the quote has ' U+0027"
    assert first_difference("abc", "abc") == ""
    assert "where the quote ends" in first_difference("abcd", "abc")
    near = closest_passage(PAGE, "the Head of Product's remit")
    assert (near.line, near.col) == (2, 16)
    assert near.passage == "the Head of Product’s remit"
    assert near.describe().startswith('closest: line 2 col 16 "the Head of Product’s remit" (’ U+2019')


def test_closest_passage_finds_a_paraphrase_that_normalising_cannot():
    near = closest_passage(PAGE, "A group product lead ranks above a senior product manager")
    assert near is not None and near.line == 4


# --------------------------------------------------------------------------- RG004 fix


def _plain_ok(typed: str) -> bool:
    return not typed.startswith(("'", '"')) and ": " not in typed and "\u00a0" not in typed


STYLED = [
    (typed, verbatim, style)
    for typed, verbatim in NEAR_MISSES
    if "\n" not in typed
    for style in ("double", "single", "plain")
    if style != "plain" or _plain_ok(typed)
]


@pytest.mark.parametrize(("typed", "verbatim", "style"), STYLED)
def test_fix_replaces_only_the_quote_value(tmp_path, typed, verbatim, style):
    if style == "double":
        written = json.dumps(typed, ensure_ascii=False)
    elif style == "single":
        written = "'" + typed.replace("'", "''") + "'"
    else:
        written = typed
    before = claims_yaml(written)
    root = make_corpus(tmp_path / "c", before)
    data = lint_json(root)
    [f] = [f for f in data["findings"] if f["code"] == "RG004"]
    assert "closest: line" in f["message"]
    assert f["fix"]["edits"][0]["file"].endswith("claims/page.yaml")
    r = run("lint", "--corpus", str(root), "--fix")
    assert r.exit_code == 0, r.output
    after = (root / "claims" / "page.yaml").read_text("utf-8")
    b_lines, a_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(a_lines) == len(b_lines)
    changed = [i for i, (x, y) in enumerate(zip(b_lines, a_lines, strict=True)) if x != y]
    assert changed == [14]  # only the quote line
    assert a_lines[14].startswith("    quote: ")
    import yaml

    assert yaml.safe_load(after)["claims"][0]["quote"] == verbatim
    assert lint_json(root)["findings"] == []
    assert run("lint", "--corpus", str(root), "--diff").stdout == ""  # idempotent


def test_a_line_break_in_a_double_quoted_quote_is_fixed(tmp_path):
    before = claims_yaml('"a “staff” role,\n      while others"')
    root = make_corpus(tmp_path / "c", before)
    r = run("lint", "--corpus", str(root), "--fix")
    assert r.exit_code == 0, r.output
    after = (root / "claims" / "page.yaml").read_text("utf-8")
    assert after.count("\n") == before.count("\n") - 1
    assert '    quote: "a “staff” role,\\nwhile others"\n' in after


def test_ambiguous_or_absent_passages_are_reported_not_fixed(tmp_path):
    page = PAGE + "So it’s a lead role. So it's a lead role.\n"
    for quote in ('"it‘s a lead role"', '"a lead role that is not there"'):
        root = make_corpus(tmp_path / str(len(quote)), claims_yaml(quote, sha256=sha(page)), page)
        digest = tree_digest(root)
        data = lint_json(root)
        [f] = [f for f in data["findings"] if f["code"] == "RG004"]
        assert "fix" not in f
        r = run("lint", "--corpus", str(root), "--fix")
        assert r.exit_code == 1
        assert tree_digest(root) == digest


def test_crlf_and_bom_files_keep_their_bytes(tmp_path):
    text = claims_yaml('"the Head of Product\'s remit"', newline="\r\n")
    root = make_corpus(tmp_path / "c", "", binary=b"\xef\xbb\xbf" + text.encode("utf-8"))
    run("lint", "--corpus", str(root), "--fix")
    after = (root / "claims" / "page.yaml").read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    expected = text.replace("Product's remit", "Product’s remit")
    assert after[3:].decode("utf-8") == expected


def test_diff_writes_nothing_and_exits_1(tmp_path):
    root = make_corpus(tmp_path / "c", claims_yaml('"the Head of Product\'s remit"'))
    digest = tree_digest(root)
    r = run("lint", "--corpus", str(root), "--diff")
    assert r.exit_code == 1
    assert '-    quote: "the Head of Product\'s remit"' in r.stdout
    assert '+    quote: "the Head of Product’s remit"' in r.stdout
    assert r.stdout.startswith("--- a/claims/page.yaml\n+++ b/claims/page.yaml\n")
    assert tree_digest(root) == digest


def test_fix_refuses_the_bundled_corpus():
    r = CliRunner().invoke(main, ["lint", "--fix"])
    assert r.exit_code == 2
    assert "read-only" in r.output


# --------------------------------------------------------------------------- RG005 fix


def test_stale_checksum_is_recorded_when_every_quote_survives(tmp_path):
    changed = PAGE + "A new closing paragraph.\n"
    root = make_corpus(tmp_path / "c", claims_yaml('"the Head of Product’s remit"'), changed)
    data = lint_json(root)
    [f] = data["findings"]
    assert f["code"] == "RG005" and "only the checksum is stale" in f["message"]
    r = run("lint", "--corpus", str(root), "--fix")
    assert r.exit_code == 0
    after = (root / "claims" / "page.yaml").read_text("utf-8")
    assert f"  sha256: {sha(changed)}\n" in after
    assert after.replace(sha(changed), sha(PAGE)) == claims_yaml('"the Head of Product’s remit"')


def test_a_lost_quote_keeps_the_checksum_for_a_person(tmp_path):
    changed = PAGE.replace("remit is wider", "remit is broader")
    root = make_corpus(tmp_path / "c", claims_yaml('"the Head of Product’s remit is wider"'), changed)
    [f5] = [f for f in lint_json(root)["findings"] if f["code"] == "RG005"]
    assert "no longer found: 'c1'" in f5["message"] and "fix" not in f5
    digest = tree_digest(root)
    assert run("lint", "--corpus", str(root), "--fix").exit_code == 1
    assert tree_digest(root) == digest


def test_a_missing_checksum_is_added_under_the_snapshot_line(tmp_path):
    text = claims_yaml('"the Head of Product’s remit"').replace(f"  sha256: {sha(PAGE)}\n", "")
    root = make_corpus(tmp_path / "c", text)
    [f] = lint_json(root)["findings"]
    assert f["code"] == "RG005" and f["message"].startswith("no sha256 recorded")
    run("lint", "--corpus", str(root), "--fix")
    after = (root / "claims" / "page.yaml").read_text("utf-8")
    assert after == claims_yaml('"the Head of Product’s remit"')


# --------------------------------------------------------------------------- RG008 fix

DUP = """  - id: c2
    subject: Head of Product
    relation: above
    object: Director of Product
    quote: "the Head of Product’s remit"
    hedge: definite
"""


def test_an_identical_later_claim_is_removed(tmp_path):
    first = claims_yaml('"the Head of Product’s remit"')
    root = make_corpus(tmp_path / "c", first + "  # a comment about the copy below\n" + DUP)
    [f] = lint_json(root)["findings"]
    assert f["code"] == "RG008" and "fix" in f
    assert run("lint", "--corpus", str(root), "--fix").exit_code == 0
    assert (root / "claims" / "page.yaml").read_text("utf-8") == first + "  # a comment about the copy below\n"


def test_a_duplicate_that_differs_in_a_note_is_left_for_a_person(tmp_path):
    text = claims_yaml('"the Head of Product’s remit"') + DUP + "    note: read from the second paragraph\n"
    root = make_corpus(tmp_path / "c", text)
    [f] = lint_json(root)["findings"]
    assert f["code"] == "RG008" and "fix" not in f
    digest = tree_digest(root)
    run("lint", "--corpus", str(root), "--fix")
    assert tree_digest(root) == digest


# --------------------------------------------------------------------------- hints, rules, SARIF


def test_missing_snapshot_names_the_closest_file(tmp_path):
    text = claims_yaml('"x"').replace("sources/page.txt", "sources/pgae.txt")
    root = make_corpus(tmp_path / "c", text)
    [f] = [f for f in lint_json(root)["findings"] if f["code"] == "RG006"]
    assert "(did you mean sources/page.txt?)" in f["message"]


def test_rules_marks_the_fixable_ones():
    data = json.loads(run("rules", "--format", "json").output)
    fixable = sorted(r["code"] for r in data if r["fixable"])
    assert fixable == ["RG004", "RG005", "RG008"]
    listing = run("rules").output.splitlines()
    assert [ln[:5] for ln in listing if ln.endswith("[fixable]")] == fixable


def test_sarif_carries_the_fix_and_validates(tmp_path):
    import jsonschema
    from test_formats import sarif_schema

    root = make_corpus(tmp_path / "c", claims_yaml('"the Head of Product\'s remit"'))
    data = json.loads(run("lint", "--corpus", str(root), "--format", "sarif").stdout)
    jsonschema.Draft4Validator(sarif_schema()).validate(data)
    run0 = data["runs"][0]
    assert run0["columnKind"] == "unicodeCodePoints"
    [res] = run0["results"]
    [change] = res["fixes"][0]["artifactChanges"]
    [rep] = change["replacements"]
    assert rep["deletedRegion"] == {"startLine": 15, "startColumn": 12, "endLine": 15, "endColumn": 41}
    assert rep["insertedContent"]["text"] == '"the Head of Product’s remit"'


# --------------------------------------------------------------------------- properties

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SENTENCES = [line for line in PAGE.splitlines() if line]
FOLDS = {"’": ["'"], "“": ['"'], "”": ['"'], "\u2013": ["-", "--"], "\u00a0": [" ", "  "], " ": [" ", "  ", "\u00a0"]}


@st.composite
def near_miss(draw) -> tuple[str, str]:
    """A passage of PAGE and a typed version that differs only in typography."""
    line = draw(st.sampled_from(SENTENCES))
    a = draw(st.integers(0, len(line) - 12))
    b = draw(st.integers(a + 10, len(line)))
    passage = line[a:b].strip()
    typed = "".join(draw(st.sampled_from(FOLDS[ch])) if ch in FOLDS else ch for ch in passage)
    return passage, typed


@st.composite
def claims_file(draw) -> tuple[str, list[str]]:
    """A claims file with random comments, blank lines, key order and quoting style; the quotes."""
    n = draw(st.integers(1, 4))
    items, typed_quotes = [], []
    for i in range(n):
        passage, typed = draw(near_miss())
        style = draw(st.sampled_from(["double", "single"]))
        q = json.dumps(typed, ensure_ascii=False) if style == "double" else "'" + typed.replace("'", "''") + "'"
        fields = [
            "subject: Head of Product",
            "relation: above",
            f"object: {draw(st.sampled_from(['Director of Product', 'VP of Product']))}",
            f"quote: {q}",
            f"hedge: {draw(st.sampled_from(['definite', 'may', 'often']))}",
            f"note: claim number {i}",  # never two identical claims (RG008 would remove one)
        ]
        fields = draw(st.permutations(fields))
        body = [f"  - id: c{i}"] + [
            f"    {fld}" + draw(st.sampled_from(["", "   # note to self", "  #x"])) for fld in fields
        ]
        if draw(st.booleans()):
            body.insert(0, draw(st.sampled_from(["", "  # the next claim", "", "   "])))
        items += body
        typed_quotes.append(typed)
    head = claims_yaml('"x"').split("claims:")[0]
    return head + "claims:\n" + "\n".join(items) + "\n", typed_quotes


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(claims_file())
def test_fix_changes_only_the_quote_values_and_is_idempotent(tmp_path_factory, case):
    import yaml

    text, typed = case
    root = make_corpus(tmp_path_factory.mktemp("p"), text)
    before = yaml.safe_load(text)
    run("lint", "--corpus", str(root), "--fix")
    after_text = (root / "claims" / "page.yaml").read_text("utf-8")
    after = yaml.safe_load(after_text)
    # every line but the quote lines is byte-identical, and a quote line keeps its key and comment
    b_lines, a_lines = text.splitlines(), after_text.splitlines()
    assert len(b_lines) == len(a_lines)
    for x, y in zip(b_lines, a_lines, strict=True):
        if x != y:
            assert x.lstrip().startswith("quote: ") and y.startswith(x[: x.index("quote: ") + 7])
    for c_before, c_after in zip(before["claims"], after["claims"], strict=True):
        assert {k: v for k, v in c_before.items() if k != "quote"} == {k: v for k, v in c_after.items() if k != "quote"}
        assert c_after["quote"] in PAGE  # now verbatim
    # a second run changes nothing
    r = run("lint", "--corpus", str(root), "--diff")
    assert r.stdout == "" and r.exit_code == 0


def test_the_diff_applies_with_git_apply_and_equals_the_fix(tmp_path, monkeypatch):
    import shutil
    import subprocess

    text = claims_yaml('"the Head of Product\'s remit"')
    make_corpus(tmp_path / "mine", text)
    make_corpus(tmp_path / "copy", text)
    monkeypatch.chdir(tmp_path)
    diff = run("lint", "--corpus", "mine", "--diff").stdout
    assert diff.startswith("--- a/mine/claims/page.yaml\n")
    subprocess.run(["git", "apply", "-p1", "-"], input=diff.encode(), check=True, cwd=tmp_path)
    run("lint", "--corpus", "copy", "--fix")
    assert (tmp_path / "mine/claims/page.yaml").read_bytes() == (tmp_path / "copy/claims/page.yaml").read_bytes()
    assert shutil.which("git")


@pytest.mark.parametrize("indicator", ["|-", ">-", "|", ">"])
def test_a_block_scalar_quote_becomes_a_quoted_one(tmp_path, indicator):
    """Literal or folded, the pasted lines stand for one line of the page; the next key stays put."""
    block = f"{indicator}\n      the Head of Product's remit\n      is wider than a director's"
    before = claims_yaml(block)
    root = make_corpus(tmp_path / "c", before)
    r = run("lint", "--corpus", str(root), "--fix")
    assert r.exit_code == 0, r.output
    after = (root / "claims" / "page.yaml").read_text("utf-8")
    fixed = '    quote: "the Head of Product’s remit is wider than a director’s"\n'
    assert after == before.replace(f"    quote: {block}\n", fixed)


def test_a_block_scalar_with_a_comment_on_its_indicator_line_is_left_alone(tmp_path):
    root = make_corpus(tmp_path / "c", claims_yaml("|-  # pasted\n      the Head of Product's remit"))
    digest = tree_digest(root)
    assert run("lint", "--corpus", str(root), "--fix").exit_code == 1
    assert tree_digest(root) == digest


def test_hints_name_blank_characters_and_ambiguity(tmp_path):
    page = PAGE + "So it’s a lead role. So it's a lead role.\n"
    root = make_corpus(tmp_path / "c", claims_yaml('"it\u2018s a lead role"', sha256=sha(page)), page)
    [f] = [f for f in lint_json(root)["findings"] if f["code"] == "RG004"]
    assert "2 passages match once quotes, dashes and spaces are normalised" in f["message"]
    near = closest_passage("the lead  role", "the lead role")
    assert near.difference == "space U+0020 where the quote has r U+0072"
    assert "no-break space U+00A0" in first_difference("a\u00a0b", "a b")


def test_a_quote_whose_first_words_differ_points_at_its_line(tmp_path):
    page = "First line of the page.\nThe intro praised everyone.\nA PM gets promoted to senior product manager.\n"
    for p in (page, page.replace("\n", "\r\n")):
        near = closest_passage(p, "A product manager gets promoted to senior product manager")
        assert (near.line, near.col) == (3, 1)
        assert near.passage.startswith("A PM gets promoted")


def test_nothing_to_fix_says_so(tmp_path):
    root = make_corpus(tmp_path / "c", claims_yaml('"the Head of Product’s remit"'))
    r = run("lint", "--corpus", str(root), "--diff")
    assert r.exit_code == 0 and r.stdout == "" and "rolegraph: nothing to fix" in r.output
