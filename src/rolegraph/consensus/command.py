"""``rolegraph consensus``: the Click command (registered by ``rolegraph.cli``)."""

from __future__ import annotations

import click

from ..model import SIZES
from .render import EXPLAIN_FORMATS, FORMATS


@click.command("consensus")
@click.option(
    "--corpus",
    type=click.Path(),
    default=None,
    help="Corpus folder (default: the bundled corpus of the five seed pages).",
)
@click.option(
    "--size",
    "sizes",
    multiple=True,
    type=click.Choice(SIZES, case_sensitive=False),
    help="Only this company size (repeatable; default: all five).",
)
@click.option(
    "--min-agreement",
    type=float,
    default=None,
    metavar="X",
    help="Share of the vote (0.5 to 1) a verdict needs; below it a pair is contested "
    "(default: the corpus setting, 0.6).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--explain",
    "pair",
    nargs=2,
    default=None,
    metavar="ROLE ROLE",
    help="List every vote on one pair of roles, with source, quote, hedge, weight and copy group.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=False),
    help="Write to FILE (atomically) instead of standard output.",
)
@click.pass_context
def consensus_command(
    ctx: click.Context,
    corpus: str | None,
    sizes: tuple[str, ...],
    min_agreement: float | None,
    fmt: str,
    pair: tuple[str, str] | None,
    output: str | None,
) -> None:
    """The consensus ladder per company size: tiers, agreement, independent sources, dissent.

    Copied quotes vote once. Formats: text, markdown, json, csv, dot and svg (Graphviz).
    """
    from ..cli import emit, load
    from ..errors import UsageError
    from ..linter import check_structure
    from .core import consensus, explain
    from .render import render, render_explain

    if pair and fmt not in EXPLAIN_FORMATS:
        raise UsageError(f"--explain writes {', '.join(EXPLAIN_FORMATS)}; not {fmt}")
    loaded = load(ctx, corpus, cache=True)
    check_structure(loaded)
    chosen = [s.lower() for s in sizes] or None
    if pair:
        expl = explain(loaded, pair[0], pair[1], size=chosen, min_agreement=min_agreement)
        emit(ctx, render_explain(expl, fmt), output)
        return
    result = consensus(loaded, sizes=chosen, min_agreement=min_agreement)
    emit(ctx, render(result, loaded, fmt), output)
