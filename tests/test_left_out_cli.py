"""One broken claim does not block consensus, export or stats: it is left out, named on stderr, counted.

For every structure error RG001-RG009 the corpus gets one broken claim (see ``leftout_corpora``). The
publishing commands must then exit 0, name exactly that claim on stderr (file and line as ``rolegraph
lint`` gives them), and print what they print for the corpus with the claim deleted by hand, byte for
byte. Two records of the left-out claims are allowed to differ, and only they are excluded from the
comparison: the ``left_out`` list at the end of the JSON documents (consensus and stats), and the
``rg:claimsLeftOut`` and ``rg:sourcesLeftOut`` counts of the export's provenance activity.
``--strict`` (or ``strict = true`` in rolegraph.toml) refuses instead, as these commands did before.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from corpus_builder import tree_digest
from leftout_corpora import CODES, SOURCE_LEVEL, bad_claim_lines, broken, by_hand, good

from rolegraph.cli import main
from rolegraph.exporter import FORMATS

GOOD_CLAIMS, GOOD_SOURCES = 7, 2
RG = "https://w3id.org/rolegraph#"
LEFT_OUT_COUNTS = (f"<{RG}claimsLeftOut>", f"<{RG}sourcesLeftOut>")
COMMANDS = [
    ("consensus", "text"),
    ("consensus", "markdown"),
    ("consensus", "json"),
    ("consensus", "csv"),
    ("consensus", "dot"),
    ("export", "nquads"),
    ("export", "trig"),
    ("export", "turtle"),
    ("export", "jsonld"),
    ("stats", "text"),
    ("stats", "json"),
    ("explain", "text"),
    ("explain", "json"),
]
EXPLAIN = ("--explain", "Head of Product", "VP of Product")


def publish(command: str, root: Path, fmt: str, *extra: str):
    """Run a publishing command (``explain``: consensus --explain on the pair the broken claims touch)."""
    if command == "explain":
        return run("consensus", "--corpus", str(root), "--format", fmt, *EXPLAIN, *extra)
    return run(command, "--corpus", str(root), "--format", fmt, *extra)


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def lint_finding(root: Path, code: str) -> dict:
    """The one finding ``rolegraph lint`` reports for ``code``: the reference for file, line and reason
    (``file`` made relative to the corpus again, as JSON records hold it)."""
    r = run("lint", "--corpus", str(root), "--format", "json")
    found = [f for f in json.loads(r.stdout)["findings"] if f["code"] == code]
    assert len(found) == 1, found
    assert found[0]["file"].startswith(f"{root}/claims/")
    return {**found[0], "file": found[0]["file"][len(f"{root}/") :]}


def without_left_out(command: str, fmt: str, out: bytes) -> bytes:
    """The output with its record of left-out claims removed (the only part allowed to differ)."""
    if fmt == "json":
        text = out.decode()
        head, sep, tail = text.partition(',\n  "left_out": ')
        assert sep and '\n  "' not in tail, "the JSON document ends with its left_out list"
        return head.encode()
    if command == "export":
        quads = list(ox.parse(out, format=FORMATS[fmt]))
        kept = [q for q in quads if str(q.predicate) not in LEFT_OUT_COUNTS]
        assert len(quads) - len(kept) == 2, "the provenance activity records the left-out counts once"
        if fmt == "nquads":  # sorted lines: byte-identical once the count lines are gone
            counts = tuple(p.encode() for p in LEFT_OUT_COUNTS)
            return b"".join(line for line in out.splitlines(keepends=True) if not any(p in line for p in counts))
        return "\n".join(sorted(str(q) for q in kept)).encode()
    return out


def left_out_count(out: bytes, fmt: str) -> tuple[int, int]:
    """(claims, sources) left out, as the export's provenance activity records them."""
    quads = list(ox.parse(out, format=FORMATS[fmt]))
    (claims,) = [int(q.object.value) for q in quads if str(q.predicate) == LEFT_OUT_COUNTS[0]]
    (sources,) = [int(q.object.value) for q in quads if str(q.predicate) == LEFT_OUT_COUNTS[1]]
    return claims, sources


@pytest.mark.parametrize("code", CODES)
def test_each_structure_error_leaves_out_only_its_claim(tmp_path, code):
    bad, hand = broken(tmp_path / "bad", code), by_hand(tmp_path / "hand", code)
    finding = lint_finding(bad, code)
    assert finding["line"] in bad_claim_lines(bad, code)
    before = tree_digest(bad)
    expected_line = f"{bad}/{finding['file']}:{finding['line']}: claim 'bad' left out: {finding['message']} [{code}]"
    for command, fmt in COMMANDS:
        r, ref = publish(command, bad, fmt), publish(command, hand, fmt)
        assert (r.exit_code, ref.exit_code) == (0, 0), (command, fmt, r.stderr)
        assert ref.stderr == "", "nothing is left out of the corpus fixed by hand"
        lines = r.stderr.splitlines()
        assert lines[0] == expected_line, (command, fmt)
        assert len(lines) == 2 and lines[1].startswith("rolegraph: 1 claim left out; "), lines
        assert f"rests on {GOOD_CLAIMS} claims from {GOOD_SOURCES} sources" in lines[1]
        assert without_left_out(command, fmt, r.stdout_bytes) == without_left_out(command, fmt, ref.stdout_bytes), (
            command,
            fmt,
        )
        if fmt == "json":
            (record,) = json.loads(r.stdout)["left_out"]
            source = "c" if code in SOURCE_LEVEL else "b"
            assert record == {
                "file": finding["file"],
                "line": finding["line"],
                "source": source,
                "claim": "bad",
                "code": code,
                "reason": finding["message"],
            }
            assert json.loads(ref.stdout)["left_out"] == []
        if command == "export":
            assert (left_out_count(r.stdout_bytes, fmt), left_out_count(ref.stdout_bytes, fmt)) == ((1, 0), (0, 0))
    assert tree_digest(bad) == before


@pytest.mark.parametrize("code", CODES)
def test_the_broken_claim_would_change_the_answer(tmp_path, code):
    """The comparison above means something: the broken claim is in the loaded corpus, and only
    leaving it out makes the counts equal."""
    import rolegraph

    bad = rolegraph.load_corpus(broken(tmp_path / "bad", code))
    hand = rolegraph.load_corpus(by_hand(tmp_path / "hand", code))
    assert len(bad.claims()) == len(hand.claims()) + 1
    assert rolegraph.stats(bad)["claims"] == rolegraph.stats(hand)["claims"] == len(hand.claims())


def test_outputs_say_how_many_claims_they_rest_on(tmp_path):
    root = broken(tmp_path / "c", "RG007")
    text = run("consensus", "--corpus", str(root)).stdout
    assert f"Rests on {GOOD_CLAIMS} claims from {GOOD_SOURCES} sources." in text
    md = run("consensus", "--corpus", str(root), "--format", "markdown").stdout
    assert f"Rests on {GOOD_CLAIMS} claims from {GOOD_SOURCES} sources." in md
    doc = json.loads(run("consensus", "--corpus", str(root), "--format", "json").stdout)
    assert (doc["claims"], doc["sources"]) == (GOOD_CLAIMS, GOOD_SOURCES)
    assert run("stats", "--corpus", str(root)).stdout.startswith(f"{GOOD_SOURCES} sources, {GOOD_CLAIMS} claims\n")
    store = ox.Store()
    store.load(run("export", "--corpus", str(root), "--format", "nquads").stdout_bytes, format=ox.RdfFormat.N_QUADS)
    q = """PREFIX rg: <https://w3id.org/rolegraph#> PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?used ?left (COUNT(?snap) AS ?n) WHERE {
      ?act a prov:Activity ; rg:claimsUsed ?used ; rg:claimsLeftOut ?left ; prov:used ?snap } GROUP BY ?used ?left"""
    (row,) = list(store.query(q))
    assert (int(row["used"].value), int(row["left"].value), int(row["n"].value)) == (GOOD_CLAIMS, 1, GOOD_SOURCES)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("how", ["flag", "setting"])
def test_strict_refuses_as_before(tmp_path, code, how):
    settings = "[publish]\nstrict = true\n" if how == "setting" else None
    root = broken(tmp_path / "c", code, settings=settings)
    finding = lint_finding(root, code)
    before = tree_digest(root)
    out = tmp_path / "out.txt"
    flag = ["--strict"] if how == "flag" else []
    for command in ("consensus", "export", "stats"):
        r = run(command, "--corpus", str(root), *flag, "-o", str(out))
        assert r.exit_code == 2, (command, r.stderr)
        assert r.stderr.splitlines() == [
            f"{root}/{finding['file']}:{finding['line']}: {finding['message']} [{code}]",
            "rolegraph: 1 input problem; nothing was written",
        ]
        assert r.stdout == "" and not out.exists()
    assert tree_digest(root) == before


def test_no_strict_overrides_the_setting(tmp_path):
    root = broken(tmp_path / "c", "RG002", settings="[publish]\nstrict = true\n")
    r = run("stats", "--corpus", str(root), "--no-strict")
    assert r.exit_code == 0 and "claim 'bad' left out" in r.stderr
    assert run("stats", "--corpus", str(good(tmp_path / "g")), "--strict").exit_code == 0


def test_strict_setting_must_be_a_boolean(tmp_path):
    root = good(tmp_path / "c", settings='[publish]\nstrict = "yes"\n')
    r = run("stats", "--corpus", str(root))
    assert r.exit_code == 2
    assert r.stderr.splitlines()[0] == f"{root}/rolegraph.toml:2: publish.strict must be true or false"


BROKEN_FILES = {
    # name: (bytes, the line the reader stops at)
    "yaml-error": (b"source:\n  id: d\n  title: [unclosed\nclaims: []\n", None),
    "not-utf8": (b"source:\n  id: d\n  title: caf\xe9\n", 3),
    # a wrong type in the source header spoils the file (one inside a claim leaves out that claim alone:
    # see test_left_out_claim_items.py)
    "wrong-type": (b"source:\n  id: d\n  title: [1, 2]\n  snapshot: sources/a.txt\nclaims:\n  - id: x\n", 3),
}


@pytest.mark.parametrize("kind", sorted(BROKEN_FILES))
def test_a_claims_file_that_cannot_be_read_is_left_out_with_its_line(tmp_path, kind):
    data, line = BROKEN_FILES[kind]
    root = good(tmp_path / "c")
    (root / "claims" / "d.yaml").write_bytes(data)
    hand = good(tmp_path / "hand")
    lint = run("lint", "--corpus", str(root))  # lint still refuses: it names the problem and stops
    assert lint.exit_code == 2
    problem = lint.stderr.splitlines()[0]
    where, _, message = problem.partition(".yaml:")
    assert where == f"{root}/claims/d"
    n, _, message = message.partition(": ")
    if line is not None:
        assert int(n) == line
    for command, fmt in COMMANDS:
        r, ref = publish(command, root, fmt), publish(command, hand, fmt)
        assert r.exit_code == 0, (command, r.stderr)
        lines = r.stderr.splitlines()
        assert lines[0] == f"{root}/claims/d.yaml:{n}: source left out: {message}"
        assert len(lines) == 2 and lines[1].startswith("rolegraph: 1 source left out; "), lines
        assert without_left_out(command, fmt, r.stdout_bytes) == without_left_out(command, fmt, ref.stdout_bytes)
        if fmt == "json":
            assert json.loads(r.stdout)["left_out"] == [
                {
                    "file": "claims/d.yaml",
                    "line": int(n),
                    "source": None,
                    "claim": None,
                    "code": None,
                    "reason": message,
                }
            ]
    r = run("consensus", "--corpus", str(root), "--strict")
    assert r.exit_code == 2 and r.stderr.splitlines()[0] == problem


def test_when_everything_is_left_out_there_is_no_result(tmp_path):
    from corpus_builder import build, claim

    root = build(tmp_path / "c", {"s": ("Q", [claim("x", "Hed of Product", "above", "VP of Product")])})
    for command in ("consensus", "export", "stats"):
        r = run(command, "--corpus", str(root))
        assert r.exit_code == 2 and r.stdout == ""
        assert re.match(rf"{re.escape(str(root))}/claims/s\.yaml:\d+: unknown role 'Hed of Product'", r.stderr)
        assert r.stderr.endswith("rolegraph: 1 input problem; nothing was written\n")


def test_a_warning_or_an_accepted_error_leaves_nothing_out(tmp_path):
    from corpus_builder import build, claim

    # RG008 is a warning by default: the duplicate stays in (and counts)
    root = broken(tmp_path / "dup", "RG008")
    (root / "rolegraph.toml").unlink()
    r = run("stats", "--corpus", str(root), "--format", "json")
    assert r.exit_code == 0 and r.stderr == "" and json.loads(r.stdout)["claims"] == GOOD_CLAIMS + 1
    # a structure error the curator accepted with a reason is used, as lint treats it
    accepted = claim("p", "CPO", "top", quote="not verbatim", accept={"RG004": "paraphrase checked by hand"})
    root = build(tmp_path / "acc", {"s": ("The CPO ranks the highest.", [accepted])})
    r = run("stats", "--corpus", str(root))
    assert r.exit_code == 0 and r.stderr == ""
    # an error downgraded in rolegraph.toml is no longer a structure error
    root = broken(tmp_path / "sev", "RG004", settings='[lint.severity]\nRG004 = "warning"\n')
    r = run("stats", "--corpus", str(root), "--format", "json")
    assert r.exit_code == 0 and r.stderr == "" and json.loads(r.stdout)["claims"] == GOOD_CLAIMS + 1


def test_each_left_out_claim_gets_one_line_and_the_count_sums_them(tmp_path):
    from corpus_builder import build, claim
    from leftout_corpora import CLAIMS_A, CLAIMS_B, TEXT_A, TEXT_B

    extra = [
        claim("bad1", "Hed of Product", "above", "VP of Product", quote="Q"),  # RG002 and RG004
        claim("bad2", "CPO", "top", "HoP", quote="The Head of Product"),  # RG009
    ]
    root = build(tmp_path / "c", {"a": (TEXT_A, [*CLAIMS_A, *extra]), "b": (TEXT_B, list(CLAIMS_B))})
    (root / "claims" / "z.yaml").write_text("claims: [\n", encoding="utf-8")
    r = run("stats", "--corpus", str(root))
    assert r.exit_code == 0
    lines = r.stderr.splitlines()
    assert [re.sub(r":\d+: ", ":N: ", line.split(" left out: ")[0]) for line in lines[:-1]] == [
        f"{root}/claims/a.yaml:N: claim 'bad1'",
        f"{root}/claims/a.yaml:N: claim 'bad2'",
        f"{root}/claims/z.yaml:N: source",
    ]
    assert lines[0].endswith("[RG002]") and "(and 1 more problem; see: rolegraph lint)" in lines[0]
    assert lines[-1].startswith(f"rolegraph: 2 claims and 1 source left out; the result rests on {GOOD_CLAIMS} claims")
