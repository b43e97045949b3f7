"""The ``rolegraph export`` command: the corpus as RDF with provenance (TriG, N-Quads, Turtle, JSON-LD).

One library call plus formatting. Imports only Click and ``common`` at module level (library modules inside
the command, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import click

from .common import corpus_option, emit, load_usable, output_option, strict_option


@click.command("export")
@corpus_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["trig", "nquads", "turtle", "jsonld"]),
    default="trig",
    show_default=True,
)
@click.option(
    "--consensus",
    "with_consensus",
    is_flag=True,
    help="Add the consensus graph: verdicts, ladder tiers, dissent and copy groups, with PROV-O provenance.",
)
@strict_option
@output_option
@click.pass_context
def export_command(
    ctx: click.Context, corpus: str | None, fmt: str, with_consensus: bool, strict: bool | None, output: str | None
) -> None:
    """Export the corpus as RDF with provenance (byte-identical for the same corpus), written graph by graph."""
    from ..exporter import write_export

    c = load_usable(ctx, corpus, strict=strict)
    extra = None
    if with_consensus:
        from ..consensus.rdf import consensus_graph

        extra = consensus_graph(c)
    emit(ctx, lambda out: write_export(c, out, fmt, extra_graphs=extra), output)
