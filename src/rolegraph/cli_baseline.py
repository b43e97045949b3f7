"""The ``rolegraph baseline`` command: record today's findings for ``lint --baseline``.

A thin Click layer over :func:`rolegraph.baseline.baseline`; must not import other commands.
"""

from __future__ import annotations

import click


@click.command()
@click.option("--corpus", type=click.Path(), default=None, help="Corpus folder (default: the bundled corpus).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the parse cache.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=False),
    help="Write to FILE (atomically) instead of standard output.",
)
@click.pass_context
def baseline(ctx: click.Context, corpus: str | None, no_cache: bool, output: str | None) -> None:
    """Record the corpus's findings today (sorted JSON, one per line) for: rolegraph lint --baseline FILE."""
    from .baseline import baseline as make
    from .cli import emit, load

    c = load(ctx, corpus, cache=not no_cache)
    emit(ctx, make(c), output)
