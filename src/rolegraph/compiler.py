"""Claim model -> RDF quads with provenance (PROV-O, Web Annotation selectors, SKOS, DCMI).

Layout:
- the default graph holds the sources, snapshots, claims (with their quotes and derived
  rank properties), the role vocabulary and the derived rank positions;
- one named graph per source holds that source's plain rank triples
  (``role:vp-of-product rg:below role:head-of-product``); the graph is a ``prov:Bundle``
  derived from the source's snapshot, so provenance attaches to it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pyoxigraph as ox

from .model import SIZES, Claim, Corpus, Source

RG = "https://w3id.org/rolegraph#"
BASE = "https://w3id.org/rolegraph/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
DCT = "http://purl.org/dc/terms/"

PREFIXES = {
    "rg": RG,
    "role": "https://w3id.org/rolegraph/role/",
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "oa": OA,
    "dcterms": DCT,
}

_N = ox.NamedNode
_L = ox.Literal
_DG = ox.DefaultGraph()
_TYPE = _N(RDF + "type")
_INT = _N(XSD + "integer")
_DATE = _N(XSD + "date")


def rg(name: str) -> ox.NamedNode:
    return _N(RG + name)


def source_iri(sid: str) -> str:
    return f"{BASE}source/{sid}"


def snapshot_iri(sid: str) -> str:
    return f"{BASE}snapshot/{sid}"


def graph_iri(sid: str) -> str:
    return f"{BASE}graph/{sid}"


def claim_iri(c: Claim) -> str:
    return f"{BASE}claim/{c.source_id}/{c.id}"


def position_iri(size: str, role: str) -> str:
    return f"{BASE}rank/{size}/{hashlib.sha1(role.encode()).hexdigest()[:16]}"


def _source_quads(s: Source) -> Iterator[ox.Quad]:
    src, snap = _N(source_iri(s.id)), _N(snapshot_iri(s.id))
    yield ox.Quad(src, _TYPE, rg("Source"), _DG)
    yield ox.Quad(src, _TYPE, _N(PROV + "Entity"), _DG)
    yield ox.Quad(src, _N(DCT + "identifier"), _L(s.id), _DG)
    if s.title:
        yield ox.Quad(src, _N(DCT + "title"), _L(s.title), _DG)
    if s.url:
        yield ox.Quad(src, rg("url"), _N(s.url), _DG)
    yield ox.Quad(src, rg("claimsFile"), _L(s.file), _DG)
    yield ox.Quad(src, rg("snapshot"), snap, _DG)
    yield ox.Quad(snap, _TYPE, rg("Snapshot"), _DG)
    yield ox.Quad(snap, _TYPE, _N(PROV + "Entity"), _DG)
    yield ox.Quad(snap, _N(PROV + "specializationOf"), src, _DG)
    yield ox.Quad(snap, _N(DCT + "format"), _L("text/plain"), _DG)
    if s.snapshot:
        yield ox.Quad(snap, rg("path"), _L(s.snapshot), _DG)
    if s.retrieved:
        try:
            lit = _L(s.retrieved, datatype=_DATE)
            lit_ok = len(s.retrieved) == 10
        except ValueError:
            lit_ok = False
        yield ox.Quad(snap, _N(DCT + "date"), lit if lit_ok else _L(s.retrieved), _DG)
    if s.sha256:
        yield ox.Quad(snap, rg("declaredSha256"), _L(s.sha256), _DG)
    if s.actual_sha256:
        yield ox.Quad(snap, rg("sha256"), _L(s.actual_sha256), _DG)
    g = _N(graph_iri(s.id))
    yield ox.Quad(g, _TYPE, _N(PROV + "Bundle"), _DG)
    yield ox.Quad(g, _N(PROV + "wasDerivedFrom"), snap, _DG)
    yield ox.Quad(g, rg("source"), src, _DG)


def _claim_quads(c: Claim, s: Source) -> Iterator[ox.Quad]:
    iri = claim_iri(c)
    node = _N(iri)
    yield ox.Quad(node, _TYPE, rg("Claim"), _DG)
    yield ox.Quad(node, _TYPE, _N(PROV + "Entity"), _DG)
    yield ox.Quad(node, rg("claimId"), _L(c.id), _DG)
    yield ox.Quad(node, rg("source"), _N(source_iri(s.id)), _DG)
    yield ox.Quad(node, _N(PROV + "wasDerivedFrom"), _N(snapshot_iri(s.id)), _DG)
    yield ox.Quad(node, rg("claimsFile"), _L(c.file), _DG)
    yield ox.Quad(node, rg("line"), _L(str(c.line), datatype=_INT), _DG)
    for prop, text in (
        ("subjectText", c.subject_text),
        ("objectText", c.object_text),
        ("relationText", c.relation_text),
        ("scopeText", c.scope_text),
        ("hedgeText", c.hedge_text),
        ("condition", c.condition),
    ):
        if text is not None:
            yield ox.Quad(node, rg(prop), _L(text), _DG)
    if c.note:
        yield ox.Quad(node, _N(RDFS + "comment"), _L(c.note), _DG)
    for code in sorted(c.accept):
        yield ox.Quad(node, rg("accepts"), _L(code), _DG)
    if c.subject:
        yield ox.Quad(node, rg("subject"), _N(c.subject), _DG)
    if c.object:
        yield ox.Quad(node, rg("object"), _N(c.object), _DG)
    if c.relation:
        yield ox.Quad(node, rg("relation"), rg(c.relation), _DG)
    if c.hedge:
        yield ox.Quad(node, rg("hedge"), rg(c.hedge), _DG)
    if c.scope is not None:
        if c.scope.is_any:
            yield ox.Quad(node, rg("scope"), rg("any"), _DG)
        elif c.scope.lo == c.scope.hi:
            yield ox.Quad(node, rg("scope"), rg(SIZES[c.scope.lo]), _DG)
        yield ox.Quad(node, rg("minSize"), rg(SIZES[c.scope.lo]), _DG)
        yield ox.Quad(node, rg("maxSize"), rg(SIZES[c.scope.hi]), _DG)
        for size in c.scope.sizes():
            yield ox.Quad(node, rg("coversSize"), rg(size), _DG)
    # derived, so rules and queries need no UNIONs over relation directions
    rank = c.rank()
    if rank:
        yield ox.Quad(node, rg("higherRole"), _N(rank[0]), _DG)
        yield ox.Quad(node, rg("lowerRole"), _N(rank[1]), _DG)
    if c.relation == "same" and c.subject and c.object:
        yield ox.Quad(node, rg("equates"), _N(c.subject), _DG)
        yield ox.Quad(node, rg("equates"), _N(c.object), _DG)
    # the plain triple, in the source's named graph
    if c.relation and c.subject and c.object and c.relation != "top":
        yield ox.Quad(_N(c.subject), rg(c.relation), _N(c.object), _N(graph_iri(s.id)))
    # the quote, as a Web Annotation whose body is the claim
    ann, target = _N(iri + "#annotation"), _N(iri + "#target")
    yield ox.Quad(ann, _TYPE, _N(OA + "Annotation"), _DG)
    yield ox.Quad(ann, _N(OA + "motivatedBy"), _N(OA + "describing"), _DG)
    yield ox.Quad(ann, _N(OA + "hasBody"), node, _DG)
    yield ox.Quad(ann, _N(OA + "hasTarget"), target, _DG)
    yield ox.Quad(target, _TYPE, _N(OA + "SpecificResource"), _DG)
    yield ox.Quad(target, _N(OA + "hasSource"), _N(snapshot_iri(s.id)), _DG)
    if c.quote is not None:
        q = _N(iri + "#quote")
        yield ox.Quad(target, _N(OA + "hasSelector"), q, _DG)
        yield ox.Quad(q, _TYPE, _N(OA + "TextQuoteSelector"), _DG)
        yield ox.Quad(q, _N(OA + "exact"), _L(c.quote), _DG)
        if c.start is not None:
            yield ox.Quad(q, _N(OA + "prefix"), _L(c.prefix), _DG)
            yield ox.Quad(q, _N(OA + "suffix"), _L(c.suffix), _DG)
    if c.start is not None:
        p = _N(iri + "#position")
        yield ox.Quad(target, _N(OA + "hasSelector"), p, _DG)
        yield ox.Quad(p, _TYPE, _N(OA + "TextPositionSelector"), _DG)
        yield ox.Quad(p, _N(OA + "start"), _L(str(c.start), datatype=_INT), _DG)
        yield ox.Quad(p, _N(OA + "end"), _L(str(c.end), datatype=_INT), _DG)


def _vocabulary_quads(corpus: Corpus, used: set[str]) -> Iterator[ox.Quad]:
    voc = corpus.vocabulary
    for iri in sorted(used):
        role = voc.roles.get(iri)
        if role is None:
            continue
        n = _N(iri)
        yield ox.Quad(n, _TYPE, rg("Role"), _DG)
        yield ox.Quad(n, _TYPE, _N(SKOS + "Concept"), _DG)
        yield ox.Quad(n, _N(SKOS + "inScheme"), rg("roles"), _DG)
        yield ox.Quad(n, _N(SKOS + "prefLabel"), _L(role.label, language="en"), _DG)
        for alt in role.alt_labels:
            yield ox.Quad(n, _N(SKOS + "altLabel"), _L(alt, language="en"), _DG)
        if role.family:
            yield ox.Quad(n, rg("family"), _N(role.family), _DG)


def _position_quads(corpus: Corpus) -> Iterator[ox.Quad]:
    """Derived rank positions: (size, role) nodes linked by rg:outranks, for cycle queries."""
    edges: set[tuple[str, str, str]] = set()
    for c in corpus.claims():
        rank = c.rank()
        if rank and c.scope is not None and rank[0] != rank[1]:
            for size in c.scope.sizes():
                edges.add((size, rank[0], rank[1]))
    nodes: set[tuple[str, str]] = set()
    for size, hi, lo in sorted(edges):
        nodes.add((size, hi))
        nodes.add((size, lo))
        yield ox.Quad(_N(position_iri(size, hi)), rg("outranks"), _N(position_iri(size, lo)), _DG)
    for size, role in sorted(nodes):
        n = _N(position_iri(size, role))
        yield ox.Quad(n, _TYPE, rg("RankPosition"), _DG)
        yield ox.Quad(n, rg("role"), _N(role), _DG)
        yield ox.Quad(n, rg("size"), rg(size), _DG)


def compile_corpus(corpus: Corpus) -> list[ox.Quad]:
    """All quads of a corpus, sorted so that serialisations are byte-identical run to run."""
    quads: list[ox.Quad] = []
    used: set[str] = set()
    for s in corpus.sources:
        quads.extend(_source_quads(s))
        for c in s.claims:
            quads.extend(_claim_quads(c, s))
            used.update(x for x in (c.subject, c.object) if x)
    quads.extend(_vocabulary_quads(corpus, used))
    quads.extend(_position_quads(corpus))
    quads = list(set(quads))
    quads.sort(key=_sort_key)
    return quads


def _sort_key(q: ox.Quad) -> tuple[str, str, str, str]:
    g = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
    return (g, str(q.subject), str(q.predicate), str(q.object))
