"""`[vocabulary]` in rolegraph.toml (builtin = false, include = optional ladders) and the text of
`rolegraph roles --explain LABEL`."""

from __future__ import annotations

import json

import pytest
from vocab_helpers import FIRST, ROLE, builtin_line, codes, corpus, run

import rolegraph
from rolegraph.corpus.vocab import load_vocabulary


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def labels(root) -> list[str]:
    r = run("roles", "--corpus", str(root), "--format", "json")
    assert r.exit_code == 0, r.output
    return [x["label"] for x in json.loads(r.output)]


def test_builtin_false_starts_from_an_empty_vocabulary(tmp_path):
    toml = "[vocabulary]\nbuiltin = false\n"
    root = corpus(tmp_path / "c", [("Head of Product", "above", "VP of Product")], toml=toml)
    assert codes(root) == ["RG002", "RG002"]
    assert labels(root) == []
    listed = run("roles", "--corpus", str(root))
    assert listed.exit_code == 0 and listed.stdout == ""  # nothing to list, and stderr says why
    assert listed.stderr.startswith("rolegraph: no roles: the vocabulary is empty")


def test_builtin_false_with_the_corpus_roles_only(tmp_path):
    roles = (
        'role:analyst a rg:Role ; skos:prefLabel "Data Analyst"@en ; rg:family rg:data .\n'
        'role:scientist a rg:Role ; skos:prefLabel "Data Scientist"@en ; rg:family rg:data .\n'
        'rg:data a skos:Collection ; skos:prefLabel "Data roles"@en .\n'
    )
    toml = "[vocabulary]\nbuiltin = false\n"
    root = corpus(tmp_path / "c", [("Data Scientist", "above", "Data Analyst"), ("CPO", "top", None)], roles, toml)
    found = json.loads(run("lint", "--corpus", str(root), "--format", "json").output)["findings"]
    assert [f["code"] for f in found] == ["RG002"] and "CPO" in found[0]["message"]
    assert labels(root) == ["Data Analyst", "Data Scientist"]
    # an override of a built-in role that is not there is refused, at its line
    (root / "roles.ttl").write_text((root / "roles.ttl").read_text() + 'role:head-of-product skos:altLabel "HoP2" .\n')
    r = run("roles", "--corpus", str(root))
    assert r.exit_code == 2 and f"roles.ttl:{FIRST + 3}:" in r.output and "builtin = false" in r.output


def test_include_engineering(tmp_path):
    toml = '[vocabulary]\ninclude = ["engineering"]\n'
    claims = [("Staff Engineer", "below", "Principal Engineer"), ("EM", "reports_to", "Director of Engineering")]
    root = corpus(tmp_path / "c", claims, toml=toml)
    assert codes(root) == []
    c = rolegraph.load_corpus(root)
    assert c.sources[0].claims[0].subject == ROLE + "staff-software-engineer"
    assert c.vocabulary.resolve("HoP") == ROLE + "head-of-product"  # the default vocabulary is still there
    assert c.vocabulary.roles[ROLE + "engineering-manager"].family == "https://w3id.org/rolegraph#engineeringRoles"
    without = corpus(tmp_path / "d", claims)
    assert codes(without) == ["RG002"] * 4


def test_only_the_ladders(tmp_path):
    toml = '[vocabulary]\nbuiltin = false\ninclude = ["engineering", "design"]\n'
    root = corpus(tmp_path / "c", [], toml=toml)
    got = labels(root)
    assert "Head of Product" not in got
    engineering = {"Software Engineer", "Staff Software Engineer", "CTO", "VP of Engineering", "Engineering Manager"}
    assert engineering <= set(got)
    assert {"Product Designer", "Senior Product Designer", "Director of Design", "VP of Design"} <= set(got)
    code = run("roles", "--corpus", str(root), "--explain", "Staff Designer")
    line = builtin_line("Staff Designer", "vocab/design.ttl")
    assert code.exit_code == 0 and f"built-in vocab/design.ttl:{line}" in code.output


@pytest.mark.parametrize("ladder", ["engineering", "design"])
def test_ladders_agree_with_the_default_vocabulary(ladder):
    """A role in both a ladder and the default vocabulary is the same role, with the same labels."""
    both = load_vocabulary(None, include=[ladder])
    alone = load_vocabulary(None, builtin=False, include=[ladder])
    core = load_vocabulary(None)
    assert set(core.roles) | set(alone.roles) == set(both.roles)
    for iri in set(core.roles) & set(alone.roles):
        a, b = core.roles[iri], alone.roles[iri]
        assert (a.label, sorted(a.alt_labels), a.family) == (b.label, sorted(b.alt_labels), b.family)
    for key, iri in alone.index.items():
        assert both.index[key] == iri
    assert len(alone.roles) >= 8


def test_ladder_roles_can_be_overridden_like_builtin_ones(tmp_path):
    toml = '[vocabulary]\ninclude = ["engineering"]\n'
    roles = "role:staff-software-engineer skos:exactMatch role:principal-software-engineer .\n"
    root = corpus(tmp_path / "c", [("Staff Engineer", "below", "Principal Engineer")], roles, toml)
    assert codes(root) == ["RG007"]


@pytest.mark.parametrize(
    ("toml", "line", "words"),
    [
        ('\n[vocabulary]\ninclude = ["marketing"]\n', 3, "marketing"),
        ('[vocabulary]\ninclude = "engineering"\n', 2, "list"),
        ("[vocabulary]\nbuiltin = 0\n", 2, "true or false"),
        ("[vocabulary]\nbuiltins = false\n", 2, "vocabulary.builtins"),
    ],
)
def test_bad_vocabulary_settings(tmp_path, toml, line, words):
    root = corpus(tmp_path / "c", [], toml=toml)
    for cmd in ("lint", "roles"):
        r = run(cmd, "--corpus", str(root))
        assert r.exit_code == 2 and f"rolegraph.toml:{line}:" in r.output and words in r.output, r.output


def test_explain_text_for_a_builtin_alias():
    r = run("roles", "--explain", "apm")
    assert r.exit_code == 0
    first = r.output.splitlines()[0]
    assert first == f"'apm' names Associate Product Manager <{ROLE}associate-product-manager>"
    apm_line = builtin_line('"APM"@en')
    assert f"built-in roles.ttl:{apm_line}" in r.output


def test_explain_text_for_an_unknown_label():
    r = run("roles", "--explain", "Hed of Product")
    assert r.exit_code == 1
    assert r.output.splitlines()[0] == "'Hed of Product' names no role"
    assert "Head of Product" in r.output  # the closest label is suggested


def test_explain_names_corpus_lines_as_the_user_wrote_the_folder(tmp_path):
    root = corpus(tmp_path / "c", [], '\nrole:vp-of-product skos:altLabel "VP Prod"@en .\n')
    r = run("roles", "--corpus", str(root), "--explain", "VP Prod")
    assert r.exit_code == 0 and f"{root}/roles.ttl:{FIRST + 1}" in r.output


def test_explain_through_the_api(tmp_path):
    root = corpus(tmp_path / "c", [], "role:product-owner owl:deprecated true .\n")
    voc = rolegraph.corpus_vocabulary(root)
    got = rolegraph.explain_label(voc, "PO")
    assert got["role"] is None and [t["kind"] for t in got["trail"]][-1] == "retired"
    assert rolegraph.explain_label(rolegraph.corpus_vocabulary(), "PO")["role"]["iri"] == ROLE + "product-owner"
