"""The ``rolegraph report`` command: one self-contained HTML page (a thin layer over rolegraph.report).

One library call plus writing the file. Imports only Click and ``common`` at module level (the library
inside the command, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import sys

import click

from .common import CORPUS_HELP, emit, load_usable, strict_option


@click.command("report")
@click.option("--corpus", type=click.Path(), default=None, help=CORPUS_HELP)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=False, allow_dash=True),
    default="report.html",
    show_default=True,
    help="Write the page to FILE (atomically); '-' writes it to standard output.",
)
@click.option(
    "--title", default=None, metavar="TITLE", help="Heading of the page (default: Role ladders and disagreements)."
)
@strict_option
@click.pass_context
def report_command(ctx: click.Context, corpus: str | None, output: str, title: str | None, strict: bool | None) -> None:
    """One self-contained HTML page: the ladder per company size, every disagreement with its
    quotes in context, and every source's claims, with a role filter. Opens offline in any browser."""
    from ..report import report

    usable = load_usable(ctx, corpus, strict=strict, cache=True)
    html = report(usable, title=title)
    emit(ctx, html, None if output == "-" else output)
    if output != "-" and sys.stderr.isatty():
        click.echo(f"rolegraph report: wrote {output} ({len(html.encode('utf-8')) // 1024} KiB)", err=True)
