"""The ``rolegraph stats`` command: counts of sources, claims by relation, scope and hedge, and roles used.

One library call plus formatting. Imports only Click and ``common`` at module level (library modules inside
the command, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import click

from .common import corpus_option, emit, load, output_option


@click.command("stats")
@corpus_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@output_option
@click.pass_context
def stats_command(ctx: click.Context, corpus: str | None, fmt: str, output: str | None) -> None:
    """Count sources, claims by relation, scope and hedge, and roles used."""
    import json

    from ..corpus_stats import render_text
    from ..corpus_stats import stats as compute
    from ..linter import check_structure

    c = load(ctx, corpus)
    check_structure(c)
    data = compute(c)
    emit(ctx, render_text(data) if fmt == "text" else json.dumps(data, indent=2) + "\n", output)
