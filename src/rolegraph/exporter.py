"""Serialise a compiled corpus: TriG, N-Quads, Turtle (graphs merged) or JSON-LD.

It imports ``compiler`` and ``model``; it must not import the loader internals, rules, linter,
consensus or CLI.
"""

from __future__ import annotations

import pyoxigraph as ox

from .compiler import PREFIXES, compile_lines, vocabulary_lines
from .model import Corpus

FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def export(corpus: Corpus, format: str = "trig") -> bytes:
    """The corpus as RDF bytes, byte-identical for the same corpus.

    Turtle has no named graphs, so it holds the union of all graphs; use TriG, N-Quads or
    JSON-LD to keep the per-source graphs.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    lines = compile_lines(corpus)
    if format == "nquads":
        return "".join(lines).encode("utf-8")
    fmt = FORMATS[format]
    quads = list(ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    if format == "turtle":
        seen: set[ox.Triple] = set()
        triples = []
        for q in quads:
            t = q.triple
            if t not in seen:
                seen.add(t)
                triples.append(t)
        return _sorted_turtle(triples)
    return ox.serialize(quads, format=fmt, prefixes=PREFIXES)


def vocabulary_turtle(vocabulary) -> bytes:
    """The whole role vocabulary (built-in roles and a corpus's own) as sorted Turtle."""
    data = "".join(vocabulary_lines(vocabulary)).encode()
    return _sorted_turtle([q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)])


def _sorted_turtle(triples: list[ox.Triple]) -> bytes:
    """Turtle with the triples in a stable order (so the same input gives the same bytes)."""
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
