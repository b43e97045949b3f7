"""``push``: load the compiled corpus into a triple store with the SPARQL 1.1 Graph Store Protocol.

Each graph is replaced with PUT (a second push of the same corpus changes nothing): the claim
graph, the vocabulary graph, the consensus graph and one graph per source; a big graph is sent
as a PUT of its first part and POSTs of the rest, so memory stays bounded. On an Oxigraph server
(told by its ``Server`` header) a big part is sent as a DELETE and a POST with ``no_transaction``,
its bulk loader, about twice as fast; the stored graphs are the same. ``prune`` deletes the
source graphs that an earlier push listed in the store's claim graph and the corpus no longer
has. Only graphs whose IRI starts with :data:`rolegraph.graphs.GRAPH_SPACE` are ever written or
deleted. It must not import the CLI.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from ..graphs import GRAPH_SPACE
from ..model import Corpus
from .remote import Endpoint

PART = 100_000  # triples per request (about 15 MB)


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    pruned: list[str] = field(default_factory=list)


def push(
    corpus: Corpus,
    endpoint: Endpoint,
    *,
    prune: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> PushReport:
    """Push every graph of ``corpus`` (with its consensus) to ``endpoint``'s Graph Store."""
    from .. import __version__
    from ..consensus import consensus
    from ..consensus.rdf import consensus_lines
    from ..graphs import store_graphs

    before = endpoint.corpus_graphs() if prune else []
    report = PushReport()
    total = len(corpus.sources) + 3
    for graph, chunks in store_graphs(corpus, consensus_lines(consensus(corpus), __version__), PART):
        assert graph.startswith(GRAPH_SPACE)
        for i, lines in enumerate(chunks):
            endpoint.put_graph(graph, "".join(lines).encode("utf-8"), append=i > 0)
            report.triples += len(lines)
        report.graphs += 1
        if progress:
            progress(report.graphs, total)
    if prune:
        from ..compiler import graph_iri

        keep = {graph_iri(s.id) for s in corpus.sources}
        for graph in before:
            if graph not in keep and graph.startswith(GRAPH_SPACE):
                endpoint.delete_graph(graph)
                report.pruned.append(graph)
    return report


def terminal_progress(done: int, total: int) -> None:
    """A one-line progress counter on stderr (only used when stderr is a terminal)."""
    sys.stderr.write(f"\rpush: {done}/{total} graphs")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
