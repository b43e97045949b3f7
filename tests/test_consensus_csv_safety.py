"""Consensus CSV opened in a spreadsheet must not run anything: a cell from the corpus (a role label, a
quote, a claim id) that starts like a formula is written as text, with a leading apostrophe."""

from __future__ import annotations

import csv
import io

from corpus_builder import build, claim
from hypothesis import given
from hypothesis import strategies as st

from rolegraph.cli import main
from rolegraph.consensus.formats.csv_format import cell

PREFIXES = (
    "@prefix rg: <https://w3id.org/rolegraph#> .\n"
    "@prefix role: <https://w3id.org/rolegraph/role/> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
)
LABELS = {
    "formula": '=HYPERLINK("http://example.com/x")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(A1:A9)",
}
TEXT = "Formula one outranks the plus role. The minus role is under the at role. =1+1 is what it says."


def run(*args: str):
    from click.testing import CliRunner

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def hostile_corpus(root):
    roles = PREFIXES + "".join(f"role:{k} a rg:Role ; skos:prefLabel '''{v}''' .\n" for k, v in LABELS.items())
    items = [
        claim("c1", LABELS["formula"], "above", LABELS["plus"], quote="Formula one outranks the plus role"),
        claim("c2", LABELS["minus"], "below", LABELS["at"], quote="=1+1 is what it says"),
    ]
    return build(root, {"s": (TEXT, items)}, roles_ttl=roles)


def cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def test_formula_like_cells_are_written_as_text(tmp_path):
    root = hostile_corpus(tmp_path / "c")
    r = run("consensus", "--corpus", str(root), "--format", "csv")
    assert r.exit_code == 0, r.output
    got = cells(r.stdout)
    for label in LABELS.values():
        assert "'" + label in got, label  # present, and neutralised
    assert not [c for c in got if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in got if c.startswith("-")]
    explain = run("consensus", "--corpus", str(root), "--format", "csv", "--explain", LABELS["minus"], LABELS["at"])
    assert explain.exit_code == 0, explain.output
    assert "'=1+1 is what it says" in cells(explain.stdout)
    assert not [c for c in cells(explain.stdout) if c[:1] in ("=", "+", "-", "@")]


@given(st.text(max_size=20))
def test_a_cell_never_starts_like_a_formula_and_keeps_its_text(text):
    out = cell(text)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert out in (text, "'" + text)
    assert cell(3) == 3 and cell(0.5) == 0.5  # numbers stay numbers
