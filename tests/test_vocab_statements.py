"""A corpus roles.ttl says only what rolegraph reads: a label that is not text, a role used as a family,
or a statement that is none of the documented overrides is refused at its line instead of being
ignored or half-applied; notes and scheme membership, which change nothing, still load."""

from __future__ import annotations

import pytest
from test_vocab_refused import refused
from vocab_helpers import FIRST, corpus, run

RDFS = "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"


@pytest.mark.parametrize(
    ("roles", "words"),
    [
        (
            "role:x a rg:Role ; skos:prefLabel 42 .\n",
            'skos:prefLabel takes a text such as "Growth PM"@en, not the number 42',
        ),
        ('role:x a rg:Role ; skos:prefLabel "X" ; skos:altLabel 3.5 .\n', "skos:altLabel takes a text"),
        ("role:x a rg:Role ; skos:prefLabel role:y .\n", "not an IRI"),
        ("role:head-of-product skos:altLabel [] .\n", "not a blank node"),
        ("role:head-of-product rg:removedAltLabel true .\n", "xsd:boolean"),
        ('role:x a rg:Role ; skos:prefLabel "2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .\n', "xsd:date"),
    ],
)
def test_a_label_must_be_text(tmp_path, roles, words):
    lines = refused(tmp_path, roles)
    assert len(lines) == 1, lines  # the refused label is the one problem, not also "has no skos:prefLabel"
    assert lines[0].startswith(f"roles.ttl:{FIRST}: ") and words in lines[0]


@pytest.mark.parametrize(
    ("roles", "offset"),
    [
        ('role:x a rg:Role ; skos:prefLabel "X"@en ;\n    rg:family role:vp-of-product .\n', 1),
        ('role:x a rg:Role ; skos:prefLabel "X"@en .\nrole:vp-of-product\n    skos:member role:x .\n', 2),
        ("role:head-of-product\n    rg:family role:chief-product-officer .\n", 1),
        # a role merged away earlier in the file is still no family
        (
            "role:head-of-product skos:exactMatch role:vp-of-product .\n\n"
            "role:chief-product-officer rg:family role:head-of-product .\n",
            2,
        ),
    ],
)
def test_a_role_is_not_a_family(tmp_path, roles, offset):
    lines = refused(tmp_path, roles)
    assert lines and lines[-1].startswith(f"roles.ttl:{FIRST + offset}: "), lines
    assert "is a role, not a family" in lines[-1] and "skos:exactMatch" in lines[-1]


@pytest.mark.parametrize(
    ("roles", "said"),
    [
        ("<http://example.com/a> <http://example.com/b> <http://example.com/c> .\n", "<http://example.com/b>"),
        ('role:head-of-product rdfs:label "Boss" .\n', "rdfs:label"),
        ("role:head-of-product skos:broader role:vp-of-product .\n", "skos:broader"),
        ("role:head-of-product a owl:Class .\n", "'a owl:Class'"),
        ('role:x a rg:Role ; skos:prefLabel "X" ;\n    rg:level 3 .\n', "rg:level"),
    ],
)
def test_a_statement_that_is_no_override_is_refused_with_its_predicate(tmp_path, roles, said):
    lines = refused(tmp_path, RDFS + roles)
    last = roles.count("\n") - 1
    assert lines == [lines[0]] and lines[0].startswith(f"roles.ttl:{FIRST + 1 + last}: {said} is not understood"), lines
    assert 'README "Your own roles"' in lines[0]


def test_notes_and_scheme_membership_change_nothing_and_load(tmp_path):
    roles = (
        RDFS + 'role:x a rg:Role, skos:Concept ; skos:inScheme rg:roles ; skos:prefLabel "Growth Lead"@en ;\n'
        '    rdfs:comment "added for the growth team" ; skos:definition "Leads growth experiments" .\n'
        'rg:roles a skos:ConceptScheme ; skos:prefLabel "our roles"@en .\n'
    )
    root = corpus(tmp_path / "c", [("Growth Lead", "below", "VP of Product")], roles)
    r = run("roles", "--corpus", str(root))
    assert r.exit_code == 0, r.output
    assert any(line.startswith("Growth Lead") for line in r.output.splitlines())
    assert run("lint", "--corpus", str(root)).exit_code in (0, 1)
