"""``push``: load the compiled corpus into a triple store with the SPARQL 1.1 Graph Store Protocol.

Each graph is replaced with PUT (a second push of the same corpus changes nothing): the claim
graph, the vocabulary graph, the consensus graph and one graph per source; a big graph is sent
as a PUT of its first part and POSTs of the rest, so memory stays bounded. On an Oxigraph server
(told by its ``Server`` header) a big part is sent as a DELETE and a POST with ``no_transaction``,
its bulk loader, about twice as fast; the stored graphs are the same. ``prune`` deletes the
source graphs that an earlier push listed in the store's claim graph and the corpus no longer
has. A manifest graph records each graph's content digest, so a graph that did not change since
the last push is not sent again (``force`` sends all). Only graphs whose IRI starts with
:data:`rolegraph.graphs.GRAPH_SPACE` are ever written or deleted. It must not import the CLI.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from ..compiler import RG
from ..graphs import GRAPH_SPACE, MANIFEST_GRAPH, SOURCE_GRAPHS
from ..model import Corpus
from ..usable import UsableCorpus
from .remote import Endpoint

PART = 100_000  # triples per request (about 15 MB)


@dataclass
class PushReport:
    graphs: int = 0  # graphs of the corpus
    sent: int = 0  # graphs sent (the others were unchanged since the last push)
    triples: int = 0  # triples sent
    pruned: list[str] = field(default_factory=list)


def _digest(chunks) -> str:
    h = hashlib.sha256()
    for lines in chunks:
        for line in lines:
            h.update(line.encode("utf-8"))
    return h.hexdigest()


def read_manifest(endpoint: Endpoint) -> dict[str, str]:
    """Graph IRI -> content digest, as the last push recorded them (empty when none)."""
    rows = endpoint.select(
        f"SELECT ?g ?d WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ ?g <{RG}contentDigest> ?d }} }}", dataset=False
    )
    return {r["g"].value: r["d"].value for r in rows if r["g"].value.startswith(GRAPH_SPACE)}


def push(
    corpus: Corpus | UsableCorpus,
    endpoint: Endpoint,
    *,
    prune: bool = False,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> PushReport:
    """Push every graph of ``corpus`` (with its consensus) to ``endpoint``'s Graph Store.

    A manifest graph records each graph's content digest; a graph whose digest equals the one
    recorded is not sent again (``force`` sends everything)."""
    from .. import __version__
    from ..consensus import consensus
    from ..consensus.rdf import consensus_lines
    from ..graphs import CLAIMS_GRAPH, store_graphs
    from ..usable import unwrap

    usable = corpus
    corpus, _ = unwrap(corpus)
    old = read_manifest(endpoint)
    before = set(endpoint.corpus_graphs()) | {g for g in old if g.startswith(SOURCE_GRAPHS)} if prune else set()
    cons = consensus_lines(consensus(usable), __version__)
    if CLAIMS_GRAPH in old and not force:  # a first pass to learn whether the big graph changed
        graph, chunks = next(store_graphs(corpus, None, PART))
        claims_digest = _digest(chunks)
    else:
        claims_digest = None
    report = PushReport()
    digests: dict[str, str] = {}
    total = len(corpus.sources) + 3
    for graph, chunks in store_graphs(corpus, cons, PART):
        assert graph.startswith(GRAPH_SPACE)
        report.graphs += 1
        if graph == CLAIMS_GRAPH:
            if claims_digest is not None and old.get(graph) == claims_digest:
                digests[graph] = claims_digest
                for _ in chunks:  # fills the per-source graphs
                    pass
            else:
                h = hashlib.sha256()
                for i, lines in enumerate(chunks):
                    for line in lines:
                        h.update(line.encode("utf-8"))
                    endpoint.put_graph(graph, "".join(lines).encode("utf-8"), append=i > 0)
                    report.triples += len(lines)
                digests[graph] = h.hexdigest()
                report.sent += 1
        else:
            lines = [line for part in chunks for line in part]
            digests[graph] = _digest([lines])
            if force or old.get(graph) != digests[graph]:
                for i in range(0, max(len(lines), 1), PART):
                    endpoint.put_graph(graph, "".join(lines[i : i + PART]).encode("utf-8"), append=i > 0)
                report.triples += len(lines)
                report.sent += 1
        if progress:
            progress(report.graphs, total)
    if prune:
        from ..compiler import graph_iri

        keep = {graph_iri(s.id) for s in corpus.sources}
        for graph in sorted(before):
            if graph not in keep and graph.startswith(SOURCE_GRAPHS):
                endpoint.delete_graph(graph)
                report.pruned.append(graph)
    pruned = set(report.pruned)
    kept = {g: d for g, d in old.items() if g not in digests and g not in pruned}  # left alone without --prune
    manifest = sorted(f'<{g}> <{RG}contentDigest> "{d}" .\n' for g, d in {**kept, **digests}.items())
    endpoint.put_graph(MANIFEST_GRAPH, "".join(manifest).encode("utf-8"))
    return report


def terminal_progress(done: int, total: int) -> None:
    """A one-line progress counter on stderr (only used when stderr is a terminal)."""
    sys.stderr.write(f"\rpush: {done}/{total} graphs")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
