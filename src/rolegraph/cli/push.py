"""The ``rolegraph push`` command: the compiled corpus into a triple store (Graph Store Protocol).

One library call (:func:`rolegraph.sparql.push.push`) plus a summary line. Imports only Click and
``common`` at module level; it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import sys

import click

from .common import corpus_option, load_usable, strict_option


@click.command("push")
@corpus_option
@click.option("--endpoint", metavar="URL", required=True, help="The store's SPARQL query endpoint.")
@click.option(
    "--update-endpoint", metavar="URL", default=None, help="The store's SPARQL Update endpoint (if it has one apart)."
)
@click.option(
    "--graph-store",
    metavar="URL",
    default=None,
    help="The store's Graph Store Protocol endpoint (default: for an endpoint ending in /query, the same "
    "URL ending in /store, as Oxigraph serves it).",
)
@click.option("--prune", is_flag=True, help="Delete the graphs of sources no longer in the corpus.")
@click.option("--force", is_flag=True, help="Send every graph, even those unchanged since the last push.")
@click.option("--timeout", type=float, default=60.0, show_default=True, metavar="SECONDS", help="Per request.")
@strict_option
@click.pass_context
def push_command(ctx, corpus, endpoint, update_endpoint, graph_store, prune, force, timeout, strict) -> None:
    """Load the corpus into a SPARQL store: one named graph per source plus the claim, vocabulary and
    consensus graphs, each replaced (PUT), so pushing the same corpus twice changes nothing. Graphs unchanged
    since the last push (by the content digests it recorded in the store) are not sent again.

    Credentials come from ROLEGRAPH_SPARQL_USER/ROLEGRAPH_SPARQL_PASSWORD (ROLEGRAPH_SPARQL_AUTH=digest for
    digest) or ROLEGRAPH_SPARQL_TOKEN. Only graphs under https://w3id.org/rolegraph/id/ are touched.
    """
    from ..sparql.push import push, terminal_progress
    from ..sparql.remote import Endpoint

    if graph_store is None and endpoint.rstrip("/").endswith("/query"):
        graph_store = endpoint.rstrip("/")[: -len("query")] + "store"
    c = load_usable(ctx, corpus, strict=strict, cache=corpus is not None)
    with Endpoint(endpoint, timeout=timeout, update_url=update_endpoint, graph_store=graph_store) as ep:
        if graph_store is None:
            from ..errors import UsageError

            raise UsageError("give --graph-store URL (the store's Graph Store Protocol endpoint)")
        report = push(c, ep, prune=prune, force=force, progress=terminal_progress if sys.stderr.isatty() else None)
    pruned = f", pruned {len(report.pruned)} graph{'s' if len(report.pruned) != 1 else ''}" if prune else ""
    click.echo(
        f"pushed {report.graphs} graphs to {graph_store}: {report.sent} sent ({report.triples} triples), "
        f"{report.graphs - report.sent} unchanged{pruned}"
    )
