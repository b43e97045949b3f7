"""The ``rolegraph stats`` command: counts of sources, claims by relation, scope and hedge, and roles used.

One library call plus formatting. Imports only Click and ``common`` at module level (library modules inside
the command, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import click

from .common import corpus_option, emit, load_usable, output_option, strict_option


@click.command("stats")
@corpus_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@strict_option
@output_option
@click.pass_context
def stats_command(ctx: click.Context, corpus: str | None, fmt: str, strict: bool | None, output: str | None) -> None:
    """Count sources, claims by relation, scope and hedge, and roles used."""
    import json

    from ..corpus_stats import render_text
    from ..corpus_stats import stats as compute

    c = load_usable(ctx, corpus, strict=strict)
    data = compute(c)
    emit(ctx, render_text(data) if fmt == "text" else json.dumps(data, indent=2) + "\n", output)
