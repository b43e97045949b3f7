"""The ``rolegraph query`` command: SPARQL over the compiled corpus, locally or on an endpoint.

One library call (:func:`rolegraph.sparql.run_query`) plus output. Imports only Click and ``common`` at
module level; it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import sys

import click

from .common import corpus_option, emit, output_option, strict_option

QUERY_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "nquads")  # = sparql.results.FORMATS (tested)
endpoint_option = click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="Send the query to this SPARQL 1.1 endpoint instead of the local store. Credentials come from "
    "ROLEGRAPH_SPARQL_USER/ROLEGRAPH_SPARQL_PASSWORD or ROLEGRAPH_SPARQL_TOKEN.",
)
timeout_option = click.option(
    "--timeout",
    type=float,
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Give up on the endpoint after this long.",
)


@click.command("query")
@click.argument("text", metavar="[QUERY]", required=False)
@click.option(
    "-f", "--file", "file", type=click.Path(dir_okay=False), default=None, help="Read the query from FILE.rq."
)
@click.option("--name", default=None, help="Run a named query (see --list).")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A named query's parameter (repeatable).")
@click.option("--list", "list_", is_flag=True, help="List the named queries: name, parameters, what each answers.")
@click.option("--help-query", is_flag=True, help="With --name: print the query's whole header.")
@corpus_option
@endpoint_option
@timeout_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(QUERY_FORMATS),
    default=None,
    help="table (default for SELECT/ASK), csv, tsv, json, xml (W3C result formats); turtle (default for "
    "CONSTRUCT/DESCRIBE) or nquads.",
)
@strict_option
@output_option
@click.pass_context
def query_command(
    ctx, text, file, name, params, list_, help_query, corpus, endpoint, timeout, fmt, strict, output
) -> None:
    """Run a read-only SPARQL 1.1 query over the corpus.

    The default graph is the union of the per-source named graphs, the claim and provenance graph, the
    role vocabulary and the consensus graph; each named graph stays addressable with GRAPH. The local
    store is kept on disk in the cache folder and rebuilt only when the corpus changes. SPARQL Update is
    refused.
    """
    from ..errors import UsageError
    from ..sparql import read_query_file, run_query
    from ..sparql.named import listing, named_query
    from ..sparql.params import parse_params

    if list_:
        emit(ctx, listing(), output)
        return
    if help_query:
        if not name:
            raise UsageError("--help-query goes with --name NAME")
        emit(ctx, named_query(name).header, output)
        return
    if sum(x is not None for x in (text, file, name)) != 1:
        raise UsageError("give exactly one of: QUERY, -f FILE.rq, --name NAME")
    where = "query"
    if file is not None:
        text, where = read_query_file(file), file
    if isinstance(ctx.obj, dict):
        ctx.obj["display_root"] = corpus or ""
        if corpus:
            ctx.obj["corpus_root"] = corpus
    about: dict = {}
    shown: list[int] = []

    def progress(quads: int) -> None:  # a store build of a large corpus takes a while
        click.echo(f"\rquery: building the store: {quads:,} quads", err=True, nl=False)
        shown.append(quads)

    result = run_query(
        text,
        about=about,
        name=name,
        params=parse_params(params),
        corpus=corpus,
        endpoint=endpoint,
        fmt=fmt,
        timeout=timeout,
        where=where,
        strict=strict,
        progress=progress if sys.stderr.isatty() else None,
    )
    if shown:
        click.echo("", err=True)
    if about.get("left_out"):  # as every publishing command does: one line each, then the count
        from ..formatters.common import shown
        from ..leftout import summary

        for x in about["left_out"]:
            click.echo(x.shown(shown(corpus or "", x.file)), err=True)
        click.echo(summary(about["left_out"], about["claims"], about["sources"]), err=True)
    emit(ctx, result, output)
