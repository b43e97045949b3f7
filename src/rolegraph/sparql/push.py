"""``push``: load the compiled corpus into a triple store with the SPARQL 1.1 Graph Store Protocol.

Each graph is replaced with PUT (a second push of the same corpus changes nothing): the claim graph,
the vocabulary graph, the consensus graph and one graph per source; a big graph is sent as a PUT of
its first part and POSTs of the rest, so memory stays bounded. On an Oxigraph server (told by its
``Server`` header) the claim graph is instead one streamed POST into its bulk loader after a DELETE,
and the other changed graphs go as one N-Quads POST (after deleting the store's copies): two
loads instead of one request per graph, and the stored graphs are the same. ``prune`` deletes the source graphs
that an earlier push listed in the store's claim graph and the corpus no longer has. Small graphs go
out from a few threads sharing the endpoint's keep-alive client (the store parses one graph while
the next is compiled). A manifest graph records each graph's content digest, so a graph that did not
change since the last push is not sent again (``force`` sends all). Only graphs whose IRI starts
with :data:`rolegraph.graphs.GRAPH_SPACE` are ever written or deleted. It must not import the CLI.
"""

from __future__ import annotations

import hashlib
import itertools
import sys
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ..compiler import RG
from ..graphs import GRAPH_SPACE, MANIFEST_GRAPH, SOURCE_GRAPHS
from ..model import Corpus
from ..usable import UsableCorpus
from .remote import Endpoint

PART = 100_000  # triples per request (about 15 MB)
WORKERS = 3  # concurrent PUTs of small graphs over the one keep-alive client


@dataclass
class PushReport:
    graphs: int = 0  # graphs of the corpus
    sent: int = 0  # graphs sent (the others were unchanged since the last push)
    triples: int = 0  # triples sent
    pruned: list[str] = field(default_factory=list)


def _digest(chunks) -> str:
    h = hashlib.sha256()  # of the lines one after another: a chunk at a time is the same digest
    for lines in chunks:
        h.update("".join(lines).encode("utf-8"))
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
    report = PushReport()
    send = _send_bulk if endpoint.oxigraph() else _send_each
    worker = ThreadPoolExecutor(1)
    try:  # the consensus is computed while the claim graph goes out (the store is the slow side)
        cons = worker.submit(lambda: consensus_lines(consensus(usable), __version__))
        graphs = store_graphs(corpus, cons.result, PART)
        claims_digest = None
        if CLAIMS_GRAPH in old and not force:  # a first pass to learn whether the big graph changed
            graph, chunks = next(graphs)
            claims_digest = _digest(chunks)
            if claims_digest == old[CLAIMS_GRAPH]:  # nothing to send; the rest follows from this pass
                graphs = itertools.chain([(graph, iter(()))], graphs)
            else:  # compiled again, to be sent
                graphs = store_graphs(corpus, cons.result, PART)
        digests = send(graphs, len(corpus.sources) + 3, endpoint, old, claims_digest, force, report, progress)
    finally:
        worker.shutdown(cancel_futures=True)
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


def _send_each(graphs, total: int, endpoint: Endpoint, old: dict, claims_digest, force, report, progress) -> dict:
    """The Graph Store Protocol as every store speaks it: a PUT per graph (big ones in parts)."""
    from ..graphs import CLAIMS_GRAPH

    digests: dict[str, str] = {}
    pool, serial = ThreadPoolExecutor(WORKERS), ThreadPoolExecutor(1)
    pending: deque = deque()
    big: deque = deque()
    try:
        for graph, chunks in graphs:
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
                        data = "".join(lines).encode("utf-8")
                        h.update(data)
                        # one worker, in order: the store loads part i while part i + 1 is compiled
                        if big:
                            big.popleft().result()
                        big.append(serial.submit(endpoint.put_graph, graph, data, append=i > 0))
                        report.triples += len(lines)
                    while big:
                        big.popleft().result()
                    digests[graph] = h.hexdigest()
                    report.sent += 1
            else:
                lines = [line for part in chunks for line in part]
                digests[graph] = _digest([lines])
                if force or old.get(graph) != digests[graph]:
                    if len(lines) <= PART:  # one request: sent by the pool while the next graph compiles
                        pending.append(pool.submit(endpoint.put_graph, graph, "".join(lines).encode("utf-8")))
                    else:
                        for i in range(0, len(lines), PART):
                            endpoint.put_graph(graph, "".join(lines[i : i + PART]).encode("utf-8"), append=i > 0)
                    report.triples += len(lines)
                    report.sent += 1
                while len(pending) > 2 * WORKERS:  # bounded: memory stays flat; errors surface in order
                    pending.popleft().result()
            if progress:
                progress(report.graphs, total)
        while pending:
            pending.popleft().result()
    finally:  # a failed request: the queued ones are dropped, not sent
        pool.shutdown(cancel_futures=True)
        serial.shutdown(cancel_futures=True)
    return digests


def _send_bulk(graphs, total: int, endpoint: Endpoint, old: dict, claims_digest, force, report, progress) -> dict:
    """Oxigraph: the claim graph, when changed, is one streamed bulk load (sent while the
    consensus is computed); every other changed graph (vocabulary, consensus, sources) goes in
    one N-Quads bulk load, after the store's copies of them are deleted (PUT's replace)."""
    from ..graphs import CLAIMS_GRAPH

    digests: dict[str, str] = {}
    batch: list[tuple[str, list[str]]] = []
    for graph, chunks in graphs:
        assert graph.startswith(GRAPH_SPACE)
        report.graphs += 1
        if graph != CLAIMS_GRAPH:
            lines = [line for part in chunks for line in part]
            digests[graph] = _digest([lines])
            if force or old.get(graph) != digests[graph]:
                batch.append((graph, lines))
        elif claims_digest is not None and old.get(graph) == claims_digest:
            digests[graph] = claims_digest
            for _ in chunks:  # fills the per-source graphs
                pass
        else:
            h = hashlib.sha256()
            endpoint.bulk_load(_hashed(chunks, h, report), graph)
            digests[graph] = h.hexdigest()
            report.sent += 1
        if progress and not graph.startswith(SOURCE_GRAPHS):
            progress(report.graphs, total)
    if batch:
        have = endpoint.source_graphs()  # a source graph the store lacks needs no DELETE
        for graph, _ in batch:
            if graph in have or not graph.startswith(SOURCE_GRAPHS):
                endpoint.delete_graph(graph)
        endpoint.bulk_load(_as_quads(batch))
        report.sent += len(batch)
        report.triples += sum(len(lines) for _, lines in batch)
    if progress:
        progress(report.graphs, total)
    return digests


def _hashed(chunks, h, report: PushReport):
    for lines in chunks:
        data = "".join(lines).encode("utf-8")
        h.update(data)
        report.triples += len(lines)
        yield data


def _as_quads(graphs: list[tuple[str, list[str]]]):
    buf: list[str] = []
    for graph, lines in graphs:
        end = f" <{graph}> .\n"
        buf.extend(line[:-3] + end for line in lines)
        if len(buf) >= PART:
            yield "".join(buf).encode("utf-8")
            buf = []
    yield "".join(buf).encode("utf-8")


def terminal_progress(done: int, total: int) -> None:
    """A one-line progress counter on stderr (only used when stderr is a terminal)."""
    sys.stderr.write(f"\rpush: {done}/{total} graphs")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
