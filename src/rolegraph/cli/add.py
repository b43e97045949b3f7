"""The ``rolegraph add`` command: a thin Click layer over :func:`rolegraph.sources.add_source`.

One library call plus formatting. Imports only Click at module level (the library inside the command,
so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module."""

from __future__ import annotations

import click


@click.command("add")
@click.argument("targets", nargs=-1, required=True, metavar="FILE|URL...")
@click.option(
    "--id",
    "source_id",
    default=None,
    help="Source id (default: a slug of the title, else of the URL or file name).",
)
@click.option("--url", default=None, help="URL to record (default: the final URL fetched; none for a file).")
@click.option("--title", default=None, help="Title to record (default: the page's title or first line).")
@click.option(
    "--retrieved",
    default=None,
    metavar="DATE",
    help="Retrieval date YYYY-MM-DD (default: today for a URL, the file's modification date for a file).",
)
@click.option("--corpus", type=click.Path(), default=".", show_default=True, help="Corpus folder to add to.")
@click.option("--replace", is_flag=True, help="Replace the snapshot of an existing id (its claims are kept).")
@click.option(
    "--timeout", type=click.FloatRange(0.1, 600), default=20.0, show_default=True, help="Seconds a fetch may take."
)
@click.option(
    "--max-bytes", type=click.IntRange(1), default=5 * 1024 * 1024, show_default=True, help="Largest page fetched."
)
@click.pass_context
def add_command(ctx, targets, source_id, url, title, retrieved, corpus, replace, timeout, max_bytes) -> None:
    """Add pages (files, or http/https URLs) to a corpus, each as a snapshot and a claims file.

    All are read and checked before anything is written. HTML is reduced to its main text
    (paragraph and list breaks kept); plain text is kept as it is. Next: rolegraph extract ID --write.
    """
    from ..sources import add_sources

    added = add_sources(
        corpus, list(targets), source_id=source_id, url=url, title=title, retrieved=retrieved, replace=replace,
        timeout=timeout, max_bytes=max_bytes,
    )  # fmt: skip
    for got in added:
        verb = "Replaced" if got.replaced else "Added"
        click.echo(f"{verb} {got.id}: {got.snapshot} ({got.sha256[:12]}), {got.claims}")
    ids = added[0].id if len(added) == 1 else "--all"
    click.echo(f"Next: rolegraph extract {ids} --write --corpus {corpus}")
