"""Serialise a compiled corpus: TriG, N-Quads, Turtle (graphs merged) or JSON-LD.

It imports ``compiler`` and ``model``; it must not import the loader internals, rules, linter,
consensus or CLI.
"""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from .compiler import PREFIXES, vocabulary_lines
from .model import Corpus

FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def _extra(corpus: Corpus, consensus: bool) -> dict[str, list[str]] | None:
    if not consensus:
        return None
    from . import __version__
    from .consensus import consensus as compute
    from .consensus.rdf import GRAPH, consensus_lines

    return {GRAPH: consensus_lines(compute(corpus), __version__)}


def export(corpus: Corpus, format: str = "trig", *, consensus: bool = False) -> bytes:
    """The corpus as RDF bytes, byte-identical for the same corpus.

    Turtle has no named graphs, so it holds the union of all graphs; use TriG, N-Quads or
    JSON-LD to keep the per-source graphs. ``consensus`` adds the consensus graph
    (:mod:`rolegraph.consensus.rdf`).
    """
    import io

    out = io.BytesIO()
    write_export(corpus, out, format, consensus=consensus)
    return out.getvalue()


def write_export(corpus: Corpus, out: BinaryIO, format: str = "trig", *, consensus: bool = False) -> None:
    """Write the export to ``out`` graph by graph, never holding every quad (Turtle, which
    merges the graphs, is built whole)."""
    from .graphs import export_lines

    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    chunks = export_lines(corpus, _extra(corpus, consensus))
    if format == "nquads":
        for chunk in chunks:
            out.write(chunk.encode("utf-8"))
        return
    fmt = FORMATS[format]
    if format == "turtle":
        seen: set[ox.Triple] = set()
        triples = []
        for chunk in chunks:
            for q in ox.parse(chunk.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
                t = q.triple
                if t not in seen:
                    seen.add(t)
                    triples.append(t)
        out.write(_sorted_turtle(triples))
        return
    quads = (q for chunk in chunks for q in ox.parse(chunk.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    ox.serialize(quads, out, format=fmt, prefixes=PREFIXES)


def vocabulary_turtle(vocabulary) -> bytes:
    """The whole role vocabulary (built-in roles and a corpus's own) as sorted Turtle."""
    data = "".join(vocabulary_lines(vocabulary)).encode()
    return _sorted_turtle([q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)])


def _sorted_turtle(triples: list[ox.Triple]) -> bytes:
    """Turtle with the triples in a stable order (so the same input gives the same bytes)."""
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
