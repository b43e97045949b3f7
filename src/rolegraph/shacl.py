"""The reference engine: the SHACL shapes run by pyshacl over the compiled corpus.

The shapes under ``rolegraph/shapes/`` are the specification of every rule. This engine runs
them unchanged; the fast engine (each rule module's ``fast``) must produce identical findings,
which the test suite checks rule by rule and on generated corpora. Slow (pyshacl evaluates a
SPARQL constraint once per focus node), so it is for checking, not for CI on large corpora.

It imports ``compiler``, ``findings``, ``model`` and the rules' shapes (pyshacl lazily); it must not
import the loader internals, formatters, consensus or CLI.
"""

from __future__ import annotations

from collections import defaultdict
from importlib import resources

from .compiler import claim_iri, compile_triples, position_iri, snapshot_iri
from .findings import Finding
from .model import SIZES
from .rules import modules
from .rules.base import Context

SH = "http://www.w3.org/ns/shacl#"
SHAPES_NS = "https://w3id.org/rolegraph/shapes#"


def shapes_graph(codes: list[str]):
    """An rdflib graph of the shapes of the given rules."""
    import rdflib

    g = rdflib.Graph()
    mods = modules()
    for code in codes:
        shape = mods[code].RULE.shape
        if shape:
            g.parse(
                data=resources.files("rolegraph").joinpath(f"shapes/{shape}").read_text("utf-8"),
                format="turtle",
            )
    return g


def data_graph(ctx: Context):
    """The compiled corpus as one rdflib graph (the union of its named graphs)."""
    import rdflib

    g = rdflib.Graph()
    g.parse(data="".join(compile_triples(ctx.corpus)), format="nt")
    return g


def data_store(ctx: Context):
    """The compiled corpus as an in-memory pyoxigraph store (the union of its named graphs)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load("".join(compile_triples(ctx.corpus)).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


STORES = ("rdflib", "oxigraph")


def validate(ctx: Context, codes: list[str], store: str = "rdflib") -> list[tuple[str, str, object, object]]:
    """Run pyshacl over the data in an rdflib graph or a pyoxigraph store (pyshacl >= 0.40
    evaluates the SPARQL constraints with the store's own engine, about 10x faster); return
    (code, field, focus, value) for every validation result."""
    import pyshacl
    import rdflib

    if store not in STORES:
        raise ValueError(f"unknown store {store!r}; use one of {', '.join(STORES)}")
    _conforms, results, _text = pyshacl.validate(
        data_store(ctx) if store == "oxigraph" else data_graph(ctx),
        shacl_graph=shapes_graph(codes),
        inference="none",
        advanced=False,
        allow_warnings=True,
    )
    sh = rdflib.Namespace(SH)
    out = []
    for r in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        shape = str(results.value(r, sh.sourceShape))
        if not shape.startswith(SHAPES_NS):
            continue
        local = shape[len(SHAPES_NS) :]
        code, _, field = local.partition("-")
        out.append((code, field, results.value(r, sh.focusNode), results.value(r, sh.value)))
    return out


def run_shacl(ctx: Context, codes: list[str], store: str = "rdflib") -> list[Finding]:
    """Findings of the given rules, computed from pyshacl's validation report."""
    claims = {claim_iri(c): c for c in ctx.claims}
    snapshots = {snapshot_iri(s.id): s for s in ctx.corpus.sources}
    positions = {}
    for c in ctx.claims:
        for role in (c.subject, c.object):
            if role:
                for size in SIZES:
                    positions[position_iri(size, role)] = (size, role)

    def resolve(node):
        if node is None:
            return None
        key = str(node)
        if key in claims:
            return claims[key]
        if key in snapshots:
            return snapshots[key]
        if key in positions:
            return positions[key]
        return key

    hits: dict[str, list] = defaultdict(list)
    for code, field, focus, value in validate(ctx, codes, store):
        hits[code].append((resolve(focus), resolve(value), field))
    mods = modules()
    findings: list[Finding] = []
    for code in codes:
        if mods[code].RULE.shape:
            findings.extend(mods[code].from_shacl(ctx, hits.get(code, [])))
    return findings
