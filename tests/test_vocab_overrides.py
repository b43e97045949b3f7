"""A corpus's roles.ttl reshapes the built-in vocabulary: every accepted override kind, end to end
(lint findings, `roles`, `roles --explain`, the export), and its file:line in `--explain`."""

from __future__ import annotations

import json

import pytest
from vocab_helpers import FIRST, ROLE, builtin_line, codes, corpus, findings, run

import rolegraph
from rolegraph.corpus.vocab import load_vocabulary


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def explain(root, label: str) -> tuple[int, dict]:
    r = run("roles", "--corpus", str(root), "--explain", label, "--format", "json")
    return r.exit_code, json.loads(r.output)


def trail(data: dict, kind: str) -> list[dict]:
    return [t for t in data["trail"] if t["kind"] == kind]


def test_add_a_role_and_use_it(tmp_path):
    roles = (
        "role:growth-pm a rg:Role ;\n"
        '    skos:prefLabel "Growth Product Manager"@en ;\n'
        '    skos:altLabel "Growth PM"@en .\n'
    )
    root = corpus(tmp_path / "c", [("Growth PM", "below", "Head of Product")], roles)
    assert codes(root) == []
    code, data = explain(root, "growth pm")
    assert code == 0
    assert data["role"]["iri"] == ROLE + "growth-pm" and data["role"]["label"] == "Growth Product Manager"
    assert trail(data, "altLabel") == [
        {"kind": "altLabel", "file": "roles.ttl", "line": FIRST + 2, "builtin": False, "text": "Growth PM"}
    ]
    assert trail(data, "role")[0]["line"] == FIRST and trail(data, "role")[0]["builtin"] is False


def test_add_an_alias_of_a_builtin_role(tmp_path):
    roles = '\n\nrole:vp-of-product skos:altLabel "VP Prod"@en .\n'
    root = corpus(tmp_path / "c", [("VP Prod", "below", "HoP")], roles)
    assert codes(root) == []
    code, data = explain(root, "VP Prod")
    assert code == 0 and data["role"]["iri"] == ROLE + "vp-of-product"
    assert trail(data, "altLabel")[0]["line"] == FIRST + 2 and trail(data, "altLabel")[0]["builtin"] is False
    # the role itself still comes from the package
    assert trail(data, "role")[0] == {
        "kind": "role",
        "file": "roles.ttl",
        "line": builtin_line("role:vp-of-product a rg:Role"),
        "builtin": True,
        "text": "VP of Product",
    }


def test_remove_an_alias_of_a_builtin_role(tmp_path):
    roles = 'role:head-of-product rg:removedAltLabel "HoP" .\n'
    root = corpus(tmp_path / "c", [("HoP", "above", "VP of Product")], roles)
    found = findings(root)
    assert [f["code"] for f in found] == ["RG002"]
    assert "HoP" in found[0]["message"] and f"roles.ttl:{FIRST}" in found[0]["message"]
    code, data = explain(root, "hop")
    assert code == 1 and data["role"] is None
    removed = trail(data, "removed")
    assert removed[0]["line"] == FIRST and removed[0]["builtin"] is False
    assert trail(data, "altLabel")[0]["line"] == builtin_line('"HoP"@en') and trail(data, "altLabel")[0]["builtin"]
    listed = json.loads(run("roles", "--corpus", str(root), "--format", "json").output)
    hop = next(r for r in listed if r["label"] == "Head of Product")
    assert "HoP" not in hop["aliases"] and "Product Head" in hop["aliases"]


def test_promote_an_alias_to_a_role_of_its_own(tmp_path):
    claims = [("Product Team Lead", "above", "Product Lead")]
    before = corpus(tmp_path / "before", claims)
    assert codes(before) == ["RG007"]  # one role ranked above itself
    roles = (
        'role:product-lead rg:removedAltLabel "Product Team Lead"@en .\n'
        'role:product-team-lead a rg:Role ; skos:prefLabel "Product Team Lead"@en .\n'
    )
    after = corpus(tmp_path / "after", claims, roles)
    assert codes(after) == []
    code, data = explain(after, "Product Team Lead")
    assert code == 0 and data["role"]["iri"] == ROLE + "product-team-lead"
    assert trail(data, "prefLabel")[0]["line"] == FIRST + 1
    assert trail(data, "removed")[0]["line"] == FIRST


def test_junior_product_manager_is_its_own_builtin_role(tmp_path):
    """The alias review: a page that ranks junior PMs above associate PMs is no self-relation."""
    root = corpus(tmp_path / "c", [("Junior Product Manager", "above", "Associate Product Manager")])
    assert codes(root) == []
    root = corpus(tmp_path / "d", [("Lead Product Manager", "below", "Product Lead")])
    assert codes(root) == []
    voc = load_vocabulary(None)
    assert voc.resolve("Junior PM") == ROLE + "junior-product-manager"
    assert voc.resolve("APM") == ROLE + "associate-product-manager"
    assert voc.resolve("Lead PM") == ROLE + "lead-product-manager"
    assert voc.resolve("Product Team Lead") == ROLE + "product-lead"


def test_merge_two_roles_into_one(tmp_path):
    claims = [("Head of Product", "above", "VP of Product"), ("HoP", "same", "VPP")]
    before = corpus(tmp_path / "before", claims)
    assert codes(before) == ["RG102"]
    roles = "\nrole:head-of-product skos:exactMatch role:vp-of-product .\n"
    after = corpus(tmp_path / "after", claims, roles)
    # both claims now relate one role to itself: the rank claim is the one a curator looks at
    assert codes(after) == ["RG007", "RG007"]
    code, data = explain(after, "HoP")
    assert code == 0 and data["role"]["iri"] == ROLE + "vp-of-product"
    merged = trail(data, "merged")
    assert merged[0]["line"] == FIRST + 1 and merged[0]["builtin"] is False
    listed = json.loads(run("roles", "--corpus", str(after), "--format", "json").output)
    assert "Head of Product" not in [r["label"] for r in listed]
    vpp = next(r for r in listed if r["label"] == "VP of Product")
    assert {"Head of Product", "HoP", "VPP"} <= set(vpp["aliases"])


def test_merges_chain_to_the_last_role(tmp_path):
    roles = (
        "role:head-of-product skos:exactMatch role:vp-of-product .\n"
        "role:vp-of-product skos:exactMatch role:chief-product-officer .\n"
    )
    root = corpus(tmp_path / "c", [("HoP", "below", "CEO")], roles)
    corpus_ = rolegraph.load_corpus(root)
    assert corpus_.vocabulary.resolve("HoP") == ROLE + "chief-product-officer"
    assert corpus_.vocabulary.resolve("VP of Product") == ROLE + "chief-product-officer"
    assert corpus_.sources[0].claims[0].subject == ROLE + "chief-product-officer"


def test_retire_a_builtin_role(tmp_path):
    roles = "\n\n\nrole:product-owner owl:deprecated true .\n"
    root = corpus(tmp_path / "c", [("PO", "below", "Product Manager")], roles)
    found = findings(root)
    assert [f["code"] for f in found] == ["RG002"]
    assert "retired" in found[0]["message"] and f"roles.ttl:{FIRST + 3}" in found[0]["message"]
    listed = json.loads(run("roles", "--corpus", str(root), "--format", "json").output)
    assert "Product Owner" not in [r["label"] for r in listed]
    code, data = explain(root, "Product Owner")
    assert code == 1 and data["role"] is None and trail(data, "retired")[0]["line"] == FIRST + 3
    # a retired role's titles are never suggested
    voc = rolegraph.load_corpus(root).vocabulary
    assert "Product Owner" not in voc.suggest("Product Owners")


@pytest.mark.parametrize(
    "how",
    [
        "role:product-marketing-manager rg:family rg:marketingRoles .\n",
        "rg:marketingRoles skos:member role:product-marketing-manager .\n",
    ],
)
def test_put_a_role_in_a_family(tmp_path, how):
    claims = [("PMM", "top", None), ("Head of Product", "above", "Product Marketing Manager")]
    before = corpus(tmp_path / "before", claims)
    assert codes(before) == ["RG104"]  # two product roles: the top one is outranked
    family = 'rg:marketingRoles a skos:Collection ; skos:prefLabel "Marketing roles"@en .\n'
    after = corpus(tmp_path / "after", claims, family + how)
    assert codes(after) == []  # PMM is top of its own family now
    code, data = explain(after, "PMM")
    assert data["role"]["family"] == "https://w3id.org/rolegraph#marketingRoles"
    exported = rolegraph.export(rolegraph.load_corpus(after), "nquads").decode()
    marketing = "<https://w3id.org/rolegraph#marketingRoles>"
    assert f'{marketing} <http://www.w3.org/2004/02/skos/core#prefLabel> "Marketing roles"@en .' in exported
    assert trail(data, "family")[0]["line"] == FIRST + 1 and not trail(data, "family")[0]["builtin"]


def test_a_new_role_can_join_a_builtin_family(tmp_path):
    roles = 'role:x a rg:Role ; skos:prefLabel "Growth Lead"@en ; rg:family rg:engineeringRoles .\n'
    voc = rolegraph.load_corpus(corpus(tmp_path / "c", [], roles)).vocabulary
    assert voc.roles[ROLE + "x"].family == "https://w3id.org/rolegraph#engineeringRoles"


def test_a_new_family_of_new_roles_needs_no_declaration(tmp_path):
    """As before overrides existed: roles a corpus adds may start a family of their own."""
    roles = (
        'role:a a rg:Role ; skos:prefLabel "Analyst"@en ; rg:family rg:dataRoles .\n'
        'role:b a rg:Role ; skos:prefLabel "Scientist"@en ; rg:family rg:dataRoles .\n'
        "role:product-owner rg:family rg:dataRoles .\n"  # and a built-in role may join it
    )
    voc = rolegraph.load_corpus(corpus(tmp_path / "c", [], roles)).vocabulary
    assert {voc.roles[ROLE + x].family for x in ("a", "b", "product-owner")} == {"https://w3id.org/rolegraph#dataRoles"}


def test_one_text_in_two_languages(tmp_path):
    roles = 'role:x a rg:Role ; skos:prefLabel "Growth"@en ; skos:altLabel "GL"@en , "GL"@fr , "GL" .\n'
    voc = rolegraph.load_corpus(corpus(tmp_path / "c", [], roles)).vocabulary
    assert voc.roles[ROLE + "x"].alt_labels == ["GL"] and voc.resolve("gl") == ROLE + "x"


def test_overrides_reach_the_export(tmp_path):
    import pyoxigraph as ox

    roles = (
        "role:head-of-product skos:exactMatch role:vp-of-product .\n"
        'role:vp-of-product skos:altLabel "VP Prod"@en .\n'
        'role:director-of-product rg:removedAltLabel "Product Director"@en .\n'
    )
    root = corpus(tmp_path / "c", [("Head of Product", "above", "Director of Product")], roles)
    c = rolegraph.load_corpus(root)
    data = rolegraph.export(c, "nquads")
    assert data == rolegraph.export(rolegraph.load_corpus(root), "nquads")  # byte-identical
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.N_QUADS)

    def ask(q: str) -> set[str]:
        prefix = "PREFIX rg: <https://w3id.org/rolegraph#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        return {str(row[0].value) for row in store.query(prefix + q, use_default_graph_as_union=True)}

    # the roles the linter saw are the roles SPARQL sees
    assert ask("SELECT ?r WHERE { ?c rg:subject ?r }") == {ROLE + "vp-of-product"}
    assert ask("SELECT ?l WHERE { ?c rg:subject ?r . ?r skos:prefLabel ?l }") == {"VP of Product"}
    alts = ask(f"SELECT ?l WHERE {{ <{ROLE}vp-of-product> skos:altLabel ?l }}")
    assert {"Head of Product", "HoP", "VP Prod", "VPP"} <= alts
    assert ask("SELECT ?x WHERE { ?x skos:exactMatch ?y }") == {ROLE + "head-of-product"}
    assert ask(f"SELECT ?t WHERE {{ <{ROLE}head-of-product> a ?t }}") == set()  # not a role of its own any more
    dop_alts = ask(f"SELECT ?l WHERE {{ <{ROLE}director-of-product> skos:altLabel ?l }}")
    assert "Product Director" not in dop_alts and "Director of Product Management" in dop_alts


def test_roles_turtle_carries_the_overrides(tmp_path):
    import rdflib

    roles = "role:product-owner owl:deprecated true .\nrole:head-of-product skos:exactMatch role:vp-of-product .\n"
    root = corpus(tmp_path / "c", [], roles)
    g = rdflib.Graph().parse(data=run("roles", "--corpus", str(root), "--format", "turtle").output, format="turtle")
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    hop, vpp = rdflib.URIRef(ROLE + "head-of-product"), rdflib.URIRef(ROLE + "vp-of-product")
    assert (hop, skos.exactMatch, vpp) in g
    assert g.value(hop, skos.prefLabel) is None
    assert g.value(rdflib.URIRef(ROLE + "product-owner"), skos.prefLabel) is None


def test_cache_follows_vocabulary_changes(tmp_path):
    claims = [("PMM", "top", None), ("Head of Product", "above", "PMM")]
    root = corpus(tmp_path / "c", claims)

    def cached_codes() -> list[str]:
        r = run("lint", "--corpus", str(root), "--format", "json")
        return sorted(f["code"] for f in json.loads(r.output)["findings"])

    assert cached_codes() == ["RG104"]
    family = 'rg:m a skos:Collection ; skos:prefLabel "M"@en .\nrole:product-marketing-manager rg:family rg:m .\n'
    (root / "roles.ttl").write_text(
        "@prefix rg: <https://w3id.org/rolegraph#> .\n@prefix role: <https://w3id.org/rolegraph/role/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n" + family
    )
    assert cached_codes() == []
    (root / "roles.ttl").unlink()
    assert cached_codes() == ["RG104"]
