"""The compiled corpus graph by graph, as sorted N-Triples/N-Quads lines made a source at a time.

:func:`compile_lines` in :mod:`rolegraph.compiler` builds every quad before sorting; this
module yields the same lines (the export stays byte-identical, a test checks it) while holding
one source's claims at a time, so ``export`` and ``push`` stream large corpora. It also names
the graphs a triple store holds (:func:`store_graphs`): one per source, plus the claim,
vocabulary and consensus graphs. It reads the claim model and the compiler's quad generators;
it must not import the CLI, the rules, the linter or the SPARQL package.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator

from .compiler import (
    BASE,
    RG,
    Quad,
    _claim_quads,
    _position_quads,
    _source_quads,
    _vocabulary_quads,
    graph_iri,
    vocabulary_lines,
)
from .model import Corpus

CLAIMS_GRAPH = f"{BASE}corpus/claims"
VOCABULARY_GRAPH = f"{BASE}corpus/vocabulary"
CONSENSUS_GRAPH = f"{BASE}corpus/consensus"
MANIFEST_GRAPH = f"{BASE}corpus/manifest"  # push records each graph's content digest here
SOURCE_GRAPHS = f"{BASE}graph/"
#: Every graph rolegraph writes to a store starts with this (push never touches another).
GRAPH_SPACE = BASE


def streamable(corpus: Corpus) -> bool:
    """Whether claim subjects of different sources never interleave in sorted order: true
    when no source id holds a character that ends or splits an IRI path segment."""
    return all(s.id and not any(ch in s.id for ch in "/#> ") for s in corpus.sources)


def _used_roles(corpus: Corpus) -> set[str]:
    return {x for s in corpus.sources for c in s.claims for x in (c.subject, c.object) if x}


def default_graph_lines(
    corpus: Corpus, *, vocabulary: bool = True, extra: Iterable[Quad] = ()
) -> Iterator[tuple[str, list[str]]]:
    """The export's default graph as sorted unique triple lines (ending ``" .\\n"``), yielded in
    chunks as ``(source id or "", lines)``; with each source's chunk comes its named graph's
    lines, made from the same claims (the caller keeps or drops them)."""
    rest: set[str] = set()
    for s in corpus.sources:
        rest.update(f"{spo} .\n" for _g, spo in _source_quads(s))
    if vocabulary:
        rest.update(f"{spo} .\n" for _g, spo in _vocabulary_quads(corpus, _used_roles(corpus)))
    rest.update(f"{spo} .\n" for _g, spo in _position_quads(corpus))
    rest.update(f"{spo} .\n" for g, spo in extra if not g)
    order = sorted(corpus.sources, key=lambda s: f"<{BASE}claim/{s.id}/")
    named: dict[str, list[str]] = {}

    def claim_lines() -> Iterator[str]:
        for s in order:
            lines: set[str] = set()
            plain: set[str] = set()
            for c in s.claims:
                for g, spo in _claim_quads(c, s):
                    (plain if g else lines).add(f"{spo} .\n")
            named[s.id] = sorted(plain)
            yield from sorted(lines)

    last = None
    chunk: list[str] = []
    for line in heapq.merge(claim_lines(), sorted(rest)):
        if line != last:
            chunk.append(line)
            last = line
        if len(chunk) >= 50_000:
            yield "", chunk
            chunk = []
    yield "", chunk
    for sid in sorted(named, key=lambda sid: f"<{graph_iri(sid)}>"):
        yield sid, named.pop(sid)


def export_lines(
    corpus: Corpus, extra: dict[str, list[str]] | None = None, *, default_extra: Iterable[Quad] = ()
) -> Iterator[str]:
    """The same lines as :func:`rolegraph.compiler.compile_lines`, a chunk at a time; ``extra``
    named graphs (graph IRI -> sorted triple lines) go in their sorted place among the others;
    ``default_extra`` quads (the export's provenance activity) are sorted into the default graph."""
    pending = sorted((f"<{g}>", lines) for g, lines in (extra or {}).items())

    def extras_before(key: str | None) -> Iterator[str]:
        while pending and (key is None or pending[0][0] < key):
            g, lines = pending.pop(0)
            yield "".join(line[:-3] + f" {g} .\n" for line in lines)

    if not streamable(corpus):
        from .compiler import compile_lines

        yield "".join(compile_lines(corpus, default_extra))
        yield from extras_before(None)
        return
    for sid, lines in default_graph_lines(corpus, extra=default_extra):
        if not sid:
            yield "".join(lines)
        elif lines:
            g = f"<{graph_iri(sid)}>"
            yield from extras_before(g)
            end = f" {g} .\n"
            yield "".join(line[:-3] + end for line in lines)
    yield from extras_before(None)


def store_graphs(
    corpus: Corpus, consensus_lines: list[str] | Callable[[], list[str]] | None = None, part: int = 100_000
) -> Iterator[tuple[str, Iterator[list[str]]]]:
    """The graphs a store holds, as ``(graph IRI, chunks of triple lines)``, one source at a time:
    the claim graph (the export's default graph without the role descriptions), the vocabulary
    graph (the whole role vocabulary and the ontology), the consensus graph when given (its
    lines, or a function called for them only once the claim graph is consumed, so they can be
    computed while it is sent), then one graph per source. Consume each graph's chunks before
    asking for the next graph."""
    named: dict[str, list[str]] = {}

    def claims() -> Iterator[list[str]]:
        buf = [f"<{CLAIMS_GRAPH}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{RG}ClaimGraph> .\n"]
        for s in corpus.sources:
            lines = {f"{spo} .\n" for _g, spo in _source_quads(s)}
            plain: set[str] = set()
            for c in s.claims:
                for g, spo in _claim_quads(c, s):
                    (plain if g else lines).add(f"{spo} .\n")
            named[graph_iri(s.id)] = sorted(plain)
            buf.extend(sorted(lines))
            if len(buf) >= part:
                yield buf
                buf = []
        buf.extend(sorted({f"{spo} .\n" for _g, spo in _position_quads(corpus)}))
        yield buf

    yield CLAIMS_GRAPH, claims()
    yield VOCABULARY_GRAPH, iter([vocabulary_graph_lines(corpus)])
    if consensus_lines is not None:
        yield CONSENSUS_GRAPH, iter([consensus_lines() if callable(consensus_lines) else consensus_lines])
    for graph in sorted(named):
        yield graph, iter([named.pop(graph)])


def vocabulary_graph_lines(corpus: Corpus) -> list[str]:
    """The corpus's role vocabulary (built-in and its own roles) and the rolegraph ontology."""
    from importlib import resources

    import pyoxigraph as ox

    data = resources.files("rolegraph").joinpath("data/ontology.ttl").read_bytes()
    onto = {f"{t} .\n" for t in ox.parse(data, format=ox.RdfFormat.TURTLE) if not isinstance(t.object, ox.BlankNode)}
    return sorted(onto.union(vocabulary_lines(corpus.vocabulary)))
