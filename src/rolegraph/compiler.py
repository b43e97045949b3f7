"""Claim model -> RDF quads with provenance (PROV-O, Web Annotation selectors, SKOS, DCMI).

Layout:
- the default graph holds the sources, snapshots, claims (with their quotes and derived
  rank properties), the role vocabulary and the derived rank positions;
- one named graph per source holds that source's plain rank triples
  (``role:vp-of-product rg:below role:head-of-product``); the graph is a ``prov:Bundle``
  derived from the source's snapshot, so provenance attaches to it.

It reads the claim model (``model``; the vocabulary type only for annotations) and imports
pyoxigraph; it must not import the loader internals, rules, linter, formatters, consensus or CLI.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .model import SIZES, Claim, Corpus, Source

if TYPE_CHECKING:
    from .corpus.vocab import Role, Vocabulary

RG = "https://w3id.org/rolegraph#"
BASE = "https://w3id.org/rolegraph/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
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

_XSD_INT = f"<{XSD}integer>"
_XSD_DATE = f"<{XSD}date>"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_ESC = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})

A = f"<{RDF}type>"


def rg(name: str) -> str:
    return f"<{RG}{name}>"


def lit(text: str, lang: str | None = None) -> str:
    body = '"' + text.translate(_ESC) + '"'
    return f"{body}@{lang}" if lang else body


def num(value: int) -> str:
    return f'"{value}"^^{_XSD_INT}'


def source_iri(sid: str) -> str:
    return f"{BASE}source/{sid}"


def snapshot_iri(sid: str) -> str:
    return f"{BASE}snapshot/{sid}"


def graph_iri(sid: str) -> str:
    return f"{BASE}graph/{sid}"


def claim_iri(c: Claim) -> str:
    return f"{BASE}claim/{c.source_id}/{c.id}"


def position_iri(size: str, role: str) -> str:
    return f"{BASE}rank/{size}/{hashlib.sha1(role.encode(), usedforsecurity=False).hexdigest()[:16]}"


# Quads are built as N-Quads text: (graph, "s p o"), about 10x faster than building term objects,
# and they sort as plain strings.
Quad = tuple[str, str]


def _source_quads(s: Source) -> Iterator[Quad]:
    src, snap = f"<{source_iri(s.id)}>", f"<{snapshot_iri(s.id)}>"
    yield "", f"{src} {A} {rg('Source')}"
    yield "", f"{src} {A} <{PROV}Entity>"
    yield "", f"{src} <{DCT}identifier> {lit(s.id)}"
    if s.title:
        yield "", f"{src} <{DCT}title> {lit(s.title)}"
    if s.url:
        yield "", f"{src} {rg('url')} <{s.url}>"
    yield "", f"{src} {rg('claimsFile')} {lit(s.file)}"
    yield "", f"{src} {rg('snapshot')} {snap}"
    yield "", f"{snap} {A} {rg('Snapshot')}"
    yield "", f"{snap} {A} <{PROV}Entity>"
    yield "", f"{snap} <{PROV}specializationOf> {src}"
    yield "", f"{snap} <{DCT}format> {lit('text/plain')}"
    if s.snapshot:
        yield "", f"{snap} {rg('path')} {lit(s.snapshot)}"
    if s.retrieved:
        date = f"{lit(s.retrieved)}^^{_XSD_DATE}" if _DATE.match(s.retrieved) else lit(s.retrieved)
        yield "", f"{snap} <{DCT}date> {date}"
    if s.sha256:
        yield "", f"{snap} {rg('declaredSha256')} {lit(s.sha256)}"
    if s.actual_sha256:
        yield "", f"{snap} {rg('sha256')} {lit(s.actual_sha256)}"
    g = f"<{graph_iri(s.id)}>"
    yield "", f"{g} {A} <{PROV}Bundle>"
    yield "", f"{g} <{PROV}wasDerivedFrom> {snap}"
    yield "", f"{g} {rg('source')} {src}"


def _claim_quads(c: Claim, s: Source) -> Iterator[Quad]:
    iri = claim_iri(c)
    node = f"<{iri}>"
    snap = f"<{snapshot_iri(s.id)}>"
    yield "", f"{node} {A} {rg('Claim')}"
    yield "", f"{node} {A} <{PROV}Entity>"
    yield "", f"{node} {rg('claimId')} {lit(c.id)}"
    yield "", f"{node} {rg('source')} <{source_iri(s.id)}>"
    yield "", f"{node} <{PROV}wasDerivedFrom> {snap}"
    yield "", f"{node} {rg('claimsFile')} {lit(c.file)}"
    yield "", f"{node} {rg('line')} {num(c.line)}"
    for prop, text in (
        ("subjectText", c.subject_text),
        ("objectText", c.object_text),
        ("relationText", c.relation_text),
        ("scopeText", c.scope_text),
        ("hedgeText", c.hedge_text),
        ("condition", c.condition),
    ):
        if text is not None:
            yield "", f"{node} {rg(prop)} {lit(text)}"
    if c.note:
        yield "", f"{node} <{RDFS}comment> {lit(c.note)}"
    if c.proposed:  # unreviewed: SPARQL users filter with FILTER NOT EXISTS { ?c rg:proposed true }
        yield "", f'{node} {rg("proposed")} "true"^^<{XSD}boolean>'
    for code in sorted(c.accept):
        yield "", f"{node} {rg('accepts')} {lit(code)}"
    if c.subject:
        yield "", f"{node} {rg('subject')} <{c.subject}>"
    if c.object:
        yield "", f"{node} {rg('object')} <{c.object}>"
    if c.relation:
        yield "", f"{node} {rg('relation')} {rg(c.relation)}"
    if c.hedge:
        yield "", f"{node} {rg('hedge')} {rg(c.hedge)}"
    if c.scope is not None:
        if c.scope.is_any:
            yield "", f"{node} {rg('scope')} {rg('any')}"
        elif c.scope.lo == c.scope.hi:
            yield "", f"{node} {rg('scope')} {rg(SIZES[c.scope.lo])}"
        yield "", f"{node} {rg('minSize')} {rg(SIZES[c.scope.lo])}"
        yield "", f"{node} {rg('maxSize')} {rg(SIZES[c.scope.hi])}"
        for size in c.scope.sizes():
            yield "", f"{node} {rg('coversSize')} {rg(size)}"
    # derived, so rules and queries need no UNIONs over relation directions
    rank = c.rank()
    if rank:
        yield "", f"{node} {rg('higherRole')} <{rank[0]}>"
        yield "", f"{node} {rg('lowerRole')} <{rank[1]}>"
    if c.relation == "same" and c.subject and c.object:
        yield "", f"{node} {rg('equates')} <{c.subject}>"
        yield "", f"{node} {rg('equates')} <{c.object}>"
    # the plain triple, in the source's named graph
    if c.relation and c.subject and c.object and c.relation != "top":
        yield f"<{graph_iri(s.id)}>", f"<{c.subject}> {rg(c.relation)} <{c.object}>"
    # the quote, as a Web Annotation whose body is the claim
    ann, target = f"<{iri}#annotation>", f"<{iri}#target>"
    yield "", f"{ann} {A} <{OA}Annotation>"
    yield "", f"{ann} <{OA}motivatedBy> <{OA}describing>"
    yield "", f"{ann} <{OA}hasBody> {node}"
    yield "", f"{ann} <{OA}hasTarget> {target}"
    yield "", f"{target} {A} <{OA}SpecificResource>"
    yield "", f"{target} <{OA}hasSource> {snap}"
    if c.quote is not None:
        q = f"<{iri}#quote>"
        yield "", f"{target} <{OA}hasSelector> {q}"
        yield "", f"{q} {A} <{OA}TextQuoteSelector>"
        yield "", f"{q} <{OA}exact> {lit(c.quote)}"
        if c.start is not None:
            yield "", f"{q} <{OA}prefix> {lit(c.prefix)}"
            yield "", f"{q} <{OA}suffix> {lit(c.suffix)}"
    if c.start is not None:
        p = f"<{iri}#position>"
        yield "", f"{target} <{OA}hasSelector> {p}"
        yield "", f"{p} {A} <{OA}TextPositionSelector>"
        yield "", f"{p} <{OA}start> {num(c.start)}"
        yield "", f"{p} <{OA}end> {num(c.end)}"


def role_triples(role: Role) -> Iterator[str]:
    """The SKOS description of one role, as N-Triples statements without the final dot."""
    n = f"<{role.iri}>"
    yield f"{n} {A} {rg('Role')}"
    yield f"{n} {A} <{SKOS}Concept>"
    yield f"{n} <{SKOS}inScheme> {rg('roles')}"
    yield f"{n} <{SKOS}prefLabel> {lit(role.label, 'en')}"
    for alt in role.alt_labels:
        yield f"{n} <{SKOS}altLabel> {lit(alt, 'en')}"
    if role.family:
        yield f"{n} {rg('family')} <{role.family}>"


def vocabulary_lines(voc: Vocabulary) -> list[str]:
    """Every role of a vocabulary (built-in and corpus roles) as sorted N-Triples lines."""
    lines = {f"{rg('roles')} {A} <{SKOS}ConceptScheme> .\n"}
    lines.add(f"{rg('roles')} <{SKOS}prefLabel> {lit('rolegraph roles', 'en')} .\n")
    for role in voc.roles.values():
        lines.update(f"{t} .\n" for t in role_triples(role))
        if role.family:
            lines.add(f"<{role.family}> <{SKOS}member> <{role.iri}> .\n")
    lines.update(f"{t} .\n" for t in override_triples(voc, set(voc.roles), retired=True))
    return sorted(lines)


def override_triples(voc: Vocabulary, used: set[str], *, retired: bool = False) -> Iterator[str]:
    """What a corpus's roles.ttl changed that the roles alone do not show: each role merged into
    a used role (``skos:exactMatch`` the role it is now), the families it declared that a used
    role is in, and, with ``retired``, each retired role (``owl:deprecated true``)."""
    for old, new in sorted(voc.merged.items()):
        if new in used:
            yield f"<{old}> <{SKOS}exactMatch> <{new}>"
    families = {voc.roles[iri].family for iri in used if iri in voc.roles}
    for fam, label in sorted(voc.collections.items()):
        if fam in families:
            yield f"<{fam}> {A} <{SKOS}Collection>"
            if label:
                yield f"<{fam}> <{SKOS}prefLabel> {lit(label, 'en')}"
    for old in sorted(voc.prov.retired) if retired else ():
        yield f'<{old}> <{OWL}deprecated> "true"^^<{XSD}boolean>'


def _vocabulary_quads(corpus: Corpus, used: set[str]) -> Iterator[Quad]:
    voc = corpus.vocabulary
    for iri in sorted(used):
        role = voc.roles.get(iri)
        if role is not None:
            for t in role_triples(role):
                yield "", t
    for t in override_triples(voc, used):  # the vocabulary the linter used: merges into these roles
        yield "", t


def _position_quads(corpus: Corpus) -> Iterator[Quad]:
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
        yield "", f"<{position_iri(size, hi)}> {rg('outranks')} <{position_iri(size, lo)}>"
    for size, role in sorted(nodes):
        n = f"<{position_iri(size, role)}>"
        yield "", f"{n} {A} {rg('RankPosition')}"
        yield "", f"{n} {rg('role')} <{role}>"
        yield "", f"{n} {rg('size')} {rg(size)}"


Graph = dict[str, set[str]]  # subject -> its unique "p o" strings


def _graphs(corpus: Corpus, extra: Iterable[Quad] = ()) -> dict[str, Graph]:
    """Each graph ("" is the default graph) as its subjects' unique "p o" strings.

    Grouping by subject keeps the sort linear in practice: the output is sorted subject by
    subject (a few lines each) instead of as one list of millions of lines with long common
    prefixes. It is the same order: a subject ends at a space, which sorts before any
    character of a subject.
    """
    from collections import defaultdict

    from .gc_pause import paused_gc

    graphs: dict[str, Graph] = defaultdict(lambda: defaultdict(set))
    default = graphs[""]
    used: set[str] = set()

    def add(quads: Iterator[Quad]) -> None:
        for g, spo in quads:
            subject, _, po = spo.partition(" ")
            (graphs[g] if g else default)[subject].add(po)

    with paused_gc():  # millions of strings and no cycles (see gc_pause)
        for s in corpus.sources:
            add(_source_quads(s))
            for c in s.claims:
                add(_claim_quads(c, s))
                used.update(x for x in (c.subject, c.object) if x)
        add(_vocabulary_quads(corpus, used))
        add(_position_quads(corpus))
        add(iter(extra))
    return graphs


def _lines(graph: Graph, end: str) -> Iterator[str]:
    """The sorted lines of a graph, emptying it as they are made (the two never both peak)."""
    for subject in sorted(graph):
        head = subject + " "
        for po in sorted(graph.pop(subject)):
            yield head + po + end


def compile_lines(corpus: Corpus, extra: Iterable[Quad] = ()) -> list[str]:
    """The corpus as sorted, unique N-Quads lines (default graph first, then graph by graph), with
    ``extra`` quads (such as the export's provenance activity) sorted in."""
    from .gc_pause import paused_gc

    graphs = _graphs(corpus, extra)
    out: list[str] = []
    with paused_gc():
        for g in sorted(graphs):
            out.extend(_lines(graphs.pop(g), f" {g} .\n" if g else " .\n"))
    return out


def compile_triples(corpus: Corpus) -> list[str]:
    """The union of all graphs as sorted, unique N-Triples lines."""
    from collections import defaultdict

    union: Graph = defaultdict(set)
    graphs = _graphs(corpus)
    while graphs:
        for subject, pos in graphs.popitem()[1].items():
            union[subject].update(pos)
    return list(_lines(union, " .\n"))


def compile_corpus(corpus: Corpus) -> list[ox.Quad]:
    """All quads of a corpus as pyoxigraph terms, in the order of :func:`compile_lines`."""
    return list(ox.parse("".join(compile_lines(corpus)).encode("utf-8"), format=ox.RdfFormat.N_QUADS))
