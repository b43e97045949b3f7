"""Serialise a compiled corpus: TriG, N-Quads, Turtle (graphs merged) or JSON-LD.

It imports ``compiler``, ``graphs`` (the graph-by-graph lines) and ``model``; it must not import the
loader internals, rules, linter, consensus or CLI.
"""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox

from .compiler import BASE, PREFIXES, PROV, RDFS, A, Quad, lit, num, rg, snapshot_iri, vocabulary_lines
from .leftout import LeftOut
from .model import Corpus
from .usable import UsableCorpus, unwrap

#: The provenance activity of an export: what it rests on and how much it left out.
ACTIVITY = f"{BASE}compilation"

FORMATS: dict[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def export(
    corpus: Corpus | UsableCorpus,
    format: str = "trig",
    *,
    strict: bool | None = None,
    extra_graphs: dict[str, list[str]] | None = None,
) -> bytes:
    """The corpus as RDF bytes, byte-identical for the same corpus.

    Turtle has no named graphs, so it holds the union of all graphs; use TriG, N-Quads or
    JSON-LD to keep the per-source graphs. Claims with structure errors are left out (``strict``:
    refuse instead), as a :class:`~rolegraph.usable.UsableCorpus`'s are; the provenance activity
    (:data:`ACTIVITY`) counts them. ``extra_graphs`` (graph IRI -> sorted N-Triples lines, such as
    :func:`rolegraph.consensus.rdf.consensus_graph`) are added as named graphs.
    """
    import io

    out = io.BytesIO()
    write_export(corpus, out, format, strict=strict, extra_graphs=extra_graphs)
    return out.getvalue()


def write_export(
    corpus: Corpus | UsableCorpus,
    out: BinaryIO,
    format: str = "trig",
    *,
    strict: bool | None = None,
    extra_graphs: dict[str, list[str]] | None = None,
) -> None:
    """Write the export to ``out`` graph by graph (:func:`rolegraph.graphs.export_lines`), never
    holding every quad; Turtle, which merges the graphs, is built whole."""
    from .graphs import export_lines

    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    corpus, left_out = unwrap(corpus, strict)
    chunks = export_lines(corpus, extra_graphs, default_extra=activity_quads(corpus, left_out))
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


def activity_quads(corpus: Corpus, left_out: tuple[LeftOut, ...] = ()) -> list[Quad]:
    """The ``prov:Activity`` that made the export: the snapshots it used, how many claims it rests on
    (``rg:claimsUsed``), and how many claims and whole sources it left out (``rg:claimsLeftOut``,
    ``rg:sourcesLeftOut``). Nothing else in the export mentions left-out claims: they are not in it."""
    act = f"<{ACTIVITY}>"
    quads = [
        ("", f"{act} {A} <{PROV}Activity>"),
        ("", f"{act} <{RDFS}label> {lit('rolegraph compiled the usable claims of the corpus', 'en')}"),
        ("", f"{act} {rg('claimsUsed')} {num(sum(len(s.claims) for s in corpus.sources))}"),
        ("", f"{act} {rg('claimsLeftOut')} {num(sum(1 for x in left_out if x.claim is not None))}"),
        ("", f"{act} {rg('sourcesLeftOut')} {num(sum(1 for x in left_out if x.claim is None))}"),
    ]
    quads += [("", f"{act} <{PROV}used> <{snapshot_iri(s.id)}>") for s in corpus.sources]
    return quads


def vocabulary_turtle(vocabulary) -> bytes:
    """The whole role vocabulary (built-in roles and a corpus's own) as sorted Turtle."""
    data = "".join(vocabulary_lines(vocabulary)).encode()
    return _sorted_turtle([q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)])


def _sorted_turtle(triples: list[ox.Triple]) -> bytes:
    """Turtle with the triples in a stable order (so the same input gives the same bytes)."""
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
