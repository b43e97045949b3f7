"""The ``rolegraph consensus`` command: the consensus ladder per company size, or ``--explain`` for one pair.

One library call plus formatting. Imports only Click and ``common`` at module level (library modules inside
the command, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import click

from .common import corpus_option, emit, load_usable, output_option, strict_option

SIZES = ("startup", "small", "mid", "large", "enterprise")  # = rolegraph.model.SIZES (tested)
CONSENSUS_FORMATS = ("text", "markdown", "json", "csv", "dot", "svg")  # = consensus.FORMATS (tested)


@click.command("consensus")
@corpus_option
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
@click.option("--format", "fmt", type=click.Choice(CONSENSUS_FORMATS), default="text", show_default=True)
@click.option(
    "--explain",
    "pair",
    nargs=2,
    default=None,
    metavar="ROLE ROLE",
    help="List every vote on one pair of roles, with source, quote, hedge, weight and copy group.",
)
@click.option(
    "--include-proposed",
    is_flag=True,
    help="Also count claims marked 'proposed: true' (written by extract, not yet reviewed).",
)
@click.option(
    "--diff",
    "diff_ref",
    metavar="REF",
    default=None,
    help="Show what changed in the ladders since the merge-base of REF and HEAD (formats text, markdown, json).",
)
@strict_option
@output_option
@click.pass_context
def consensus_command(ctx, corpus, sizes, min_agreement, fmt, pair, include_proposed, diff_ref, strict, output) -> None:
    """The consensus ladder per company size: tiers, agreement, independent sources, dissent.

    Copied quotes vote once. Formats: text, markdown, json, csv, dot and svg (Graphviz).
    """
    from ..consensus import EXPLAIN_FORMATS, explain, render, render_explain
    from ..consensus import consensus as compute
    from ..errors import UsageError

    if pair and fmt not in EXPLAIN_FORMATS:
        raise UsageError(f"--explain writes {', '.join(EXPLAIN_FORMATS)}; not {fmt}")
    if diff_ref is not None and (pair or fmt not in ("text", "markdown", "json")):
        raise UsageError("--diff writes text, markdown or json, and cannot be combined with --explain")
    c = load_usable(ctx, corpus, strict=strict, cache=True)
    unreviewed = 0 if include_proposed else sum(1 for x in c.corpus.claims() if x.proposed)
    if unreviewed:
        noun = "claim" if unreviewed == 1 else "claims"
        click.echo(f"{unreviewed} proposed {noun} not counted (review them, or pass --include-proposed)", err=True)
    chosen = [s.lower() for s in sizes] or None
    if diff_ref is not None:
        from ..consensus.diff import consensus_diff, render_diff

        d = consensus_diff(c, diff_ref, sizes=chosen, min_agreement=min_agreement, include_proposed=include_proposed)
        for note in d.notes:
            click.echo(note, err=True)
        emit(ctx, render_diff(d, fmt), output)
    elif pair:
        why = explain(c, pair[0], pair[1], size=chosen, min_agreement=min_agreement, include_proposed=include_proposed)
        emit(ctx, render_explain(why, fmt), output)
    else:
        result = compute(c, sizes=chosen, min_agreement=min_agreement, include_proposed=include_proposed)
        emit(ctx, render(result, c.corpus, fmt), output)
