"""RDF export: parsed back by two independent parsers, counted with SPARQL, deterministic."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from corpus_builder import build, claim

import rolegraph
from rolegraph.exporter import FORMATS

TEXT = "The Chief Product Officer ranks the highest, followed by Head of Product, then VP of Product."


@pytest.fixture
def corpus(tmp_path):
    build(
        tmp_path,
        {
            "a": (
                TEXT,
                [
                    claim("cpo-top", "CPO", "top", quote="The Chief Product Officer ranks the highest"),
                    claim(
                        "hop-vp",
                        "Head of Product",
                        "above",
                        "VP Product",
                        quote="followed by Head of Product, then VP of Product",
                    ),
                    claim(
                        "vp-hop",
                        "VP of Product",
                        "below",
                        "HoP",
                        quote="then VP of Product",
                        scope="large..enterprise",
                        hedge="may",
                        condition="in teams with both",
                    ),
                ],
            )
        },
    )
    return rolegraph.load_corpus(tmp_path)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_is_byte_identical_across_runs(corpus, tmp_path, fmt):
    again = rolegraph.load_corpus(tmp_path)
    assert rolegraph.export(corpus, fmt) == rolegraph.export(again, fmt)


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_pyoxigraph_and_rdflib_read_the_same_quads(corpus, fmt):
    data = rolegraph.export(corpus, fmt)
    oxfmt = {
        "trig": ox.RdfFormat.TRIG,
        "nquads": ox.RdfFormat.N_QUADS,
        "jsonld": ox.RdfFormat.JSON_LD,
    }[fmt]
    ox_quads = list(ox.parse(data, format=oxfmt))
    ds = rdflib.Dataset()
    ds.parse(data=data.decode(), format={"trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt])
    assert len(ox_quads) == len(list(ds.quads((None, None, None, None))))
    named = {str(q.graph_name.value) for q in ox_quads if isinstance(q.graph_name, ox.NamedNode)}
    assert named == {"https://w3id.org/rolegraph/id/graph/a"}


def test_turtle_loads_in_both_parsers(corpus):
    data = rolegraph.export(corpus, "turtle")
    n_ox = len(list(ox.parse(data, format=ox.RdfFormat.TURTLE)))
    g = rdflib.Graph().parse(data=data.decode(), format="turtle")
    assert n_ox == len(g) > 50


def _store(corpus) -> ox.Store:
    store = ox.Store()
    store.load(rolegraph.export(corpus, "nquads"), format=ox.RdfFormat.N_QUADS)
    return store


def test_sparql_counts_claims_sources_and_plain_triples(corpus):
    store = _store(corpus)
    q = "PREFIX rg: <https://w3id.org/rolegraph#> SELECT (COUNT(?c) AS ?n) WHERE { ?c a rg:Claim }"
    assert int(next(iter(store.query(q)))["n"].value) == 3
    q = """PREFIX rg: <https://w3id.org/rolegraph#> PREFIX role: <https://w3id.org/rolegraph/role/>
    SELECT ?g WHERE { GRAPH ?g { role:vp-of-product rg:below role:head-of-product } }"""
    assert [r["g"].value for r in store.query(q)] == ["https://w3id.org/rolegraph/id/graph/a"]


def test_provenance_and_selectors_point_at_the_quote(corpus):
    store = _store(corpus)
    q = """PREFIX rg: <https://w3id.org/rolegraph#> PREFIX oa: <http://www.w3.org/ns/oa#>
    PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?exact ?start ?end ?snap ?title ?sha WHERE {
      ?c rg:claimId "hop-vp" ; prov:wasDerivedFrom ?snap ; rg:source ?src .
      ?ann oa:hasBody ?c ; oa:hasTarget ?t . ?t oa:hasSource ?snap ; oa:hasSelector ?q, ?p .
      ?q a oa:TextQuoteSelector ; oa:exact ?exact . ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
      ?src dcterms:title ?title . ?snap rg:sha256 ?sha .
    }"""
    rows = list(store.query(q))
    assert len(rows) == 1
    r = rows[0]
    start, end = int(r["start"].value), int(r["end"].value)
    assert TEXT[start:end] == r["exact"].value == "followed by Head of Product, then VP of Product"
    assert r["title"].value == "Source a" and len(r["sha"].value) == 64


def test_scope_hedge_condition_and_derived_rank(corpus):
    store = _store(corpus)
    q = """PREFIX rg: <https://w3id.org/rolegraph#> PREFIX role: <https://w3id.org/rolegraph/role/>
    SELECT ?hedge ?cond (COUNT(?size) AS ?n) WHERE {
      ?c rg:claimId "vp-hop" ; rg:hedge ?hedge ; rg:condition ?cond ; rg:coversSize ?size ;
         rg:higherRole role:head-of-product ; rg:lowerRole role:vp-of-product .
    } GROUP BY ?hedge ?cond"""
    rows = list(store.query(q))
    assert [(r["hedge"].value, r["cond"].value, int(r["n"].value)) for r in rows] == [
        ("https://w3id.org/rolegraph#may", "in teams with both", 2)
    ]


def test_jsonld_is_json_with_graphs(corpus):
    doc = json.loads(rolegraph.export(corpus, "jsonld"))
    assert doc


def test_ontology_and_roles_parse_and_document_every_term():
    from importlib import resources

    for name in ("ontology.ttl", "roles.ttl"):
        g = rdflib.Graph().parse(
            data=resources.files("rolegraph").joinpath(f"data/{name}").read_text(), format="turtle"
        )
        assert len(g) > 50
    g = rdflib.Graph().parse(
        data=resources.files("rolegraph").joinpath("data/ontology.ttl").read_text(), format="turtle"
    )
    RG = rdflib.Namespace("https://w3id.org/rolegraph#")
    terms = {s for s in g.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(str(RG))}
    assert len(terms) > 40
    for t in terms:
        assert g.value(t, rdflib.RDFS.label) is not None, t
        assert g.value(t, rdflib.RDFS.comment) is not None, t
    for h, w in {"definite": 1.0, "generally": 0.8, "often": 0.6, "may": 0.4, "some": 0.3}.items():
        assert float(g.value(RG[h], RG.defaultWeight)) == w


def test_bundled_queries_run_on_the_bundled_corpus():
    from importlib import resources

    store = ox.Store()
    store.load(rolegraph.export(rolegraph.load_corpus(), "nquads"), format=ox.RdfFormat.N_QUADS)
    folder = resources.files("rolegraph").joinpath("queries")
    rows = {}
    for q in sorted(p.name for p in folder.iterdir() if p.name.endswith(".rq")):
        rows[q] = list(store.query(folder.joinpath(q).read_text("utf-8")))
    # the three original queries plus the named-query catalogue of `rolegraph query` (issue 13)
    assert {"claims-by-pair.rq", "graphs-asserting.rq", "opposite-rank-pairs.rq"} <= set(rows)
    assert len(rows) >= 10
    pairs = {(r["x"].value, r["y"].value) for r in rows["opposite-rank-pairs.rq"]}
    assert ("Head of Product", "VP of Product") in pairs
    assert ("Director of Product", "Head of Product") in pairs
    graphs = [r["graph"].value.rsplit("/", 1)[1] for r in rows["graphs-asserting.rq"]]
    assert len(graphs) >= 3  # the copied "VP of Product is slightly below the Head of Product" sentence
    assert rows["claims-by-pair.rq"] and all(r["quote"] is not None for r in rows["claims-by-pair.rq"])


def test_nquads_are_sorted_and_unique_graph_by_graph(tmp_path):
    """Lines are built subject by subject; the result must still be the plain sorted order,
    also where one claim IRI is a prefix of another (a, a2, a#..., a-b)."""
    from rolegraph.compiler import compile_lines, compile_triples

    text = "The CPO is above the VP of Product. The CPO is above the VP of Product."
    claims = [
        claim(cid, "CPO", "above", "VP of Product", quote="The CPO is above the VP of Product", occurrence=i % 2 + 1)
        for i, cid in enumerate(["a", "a2", "a-b", "A", "a_", "a1"])
    ]
    root = build(tmp_path / "c", {"s": (text, claims), "s2": (text, claims[:2])})
    corpus = rolegraph.load_corpus(root)
    lines = compile_lines(corpus)
    named = " <https://w3id.org/rolegraph/id/graph/"
    default = [x for x in lines if named not in x]
    graphs = sorted({x[x.index(named) :] for x in lines if named in x})
    assert lines[: len(default)] == default == sorted(set(default)) and len(default) > 100
    rest = lines[len(default) :]
    for g in graphs:  # each named graph's lines in a sorted block, graphs in order
        block, rest = [x for x in rest if x.endswith(g)], [x for x in rest if not x.endswith(g)]
        assert block and block == sorted(set(block))
    assert rest == []
    triples = compile_triples(corpus)
    assert triples == sorted(set(triples))
    assert len(lines) == len(set(lines))
