"""The ``rolegraph baseline`` command: record today's findings for ``lint --baseline``.

One library call (:func:`rolegraph.baseline.baseline`) plus output. Imports only Click and ``common`` at
module level; it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import click

from .common import corpus_option, emit, load, output_option


@click.command("baseline")
@corpus_option
@click.option("--no-cache", is_flag=True, help="Do not read or write the parse cache.")
@output_option
@click.pass_context
def baseline_command(ctx: click.Context, corpus: str | None, no_cache: bool, output: str | None) -> None:
    """Record the corpus's findings today (sorted JSON, one per line) for: rolegraph lint --baseline FILE."""
    from ..baseline import baseline as make

    c = load(ctx, corpus, cache=not no_cache)
    emit(ctx, make(c), output)
