"""Helpers shared by the command modules: loading a corpus for a command, writing output, common options.

Holds ``load``, ``emit``, ``load_usable`` (what every publishing command loads: broken claims left out and
named on stderr) and the ``--corpus``, ``-o`` and ``--strict`` options. It imports only Click and the standard
library at module level (the library modules it needs are imported inside the helpers, so ``--help`` stays
fast); it must not import ``rolegraph.cli`` or any command module.
"""

from __future__ import annotations

import sys

import click

CORPUS_HELP = "Corpus folder (default: the bundled corpus of the five seed pages)."


def load(ctx: click.Context, corpus: str | None, *, cache: bool = False):
    """Load the corpus a command names, remembering its root for messages and output checks."""
    from ..corpus import load_corpus

    if isinstance(ctx.obj, dict):
        ctx.obj["display_root"] = corpus or ""
    loaded = load_corpus(corpus, cache=cache)
    if isinstance(ctx.obj, dict):
        ctx.obj["corpus_root"] = loaded.root
    return loaded


def emit(ctx: click.Context, text, output: str | None) -> None:
    """Write to ``-o FILE`` atomically (never inside the corpus), or to standard output. ``text`` is str,
    bytes, or a function that writes bytes to a binary file (streamed output)."""
    if output is not None:
        from ..atomic import write_atomic
        from ..errors import UsageError

        if not output.strip():
            raise UsageError("-o/--output needs a file name; leave it out to write to standard output")
        root = (ctx.obj or {}).get("corpus_root") if isinstance(ctx.obj, dict) else None
        write_atomic(output, text, protect=root)
    else:
        if callable(text):
            text(sys.stdout.buffer)
            sys.stdout.flush()
        elif isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        else:
            click.echo(text, nl=False)


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=False),
    help="Write to FILE (atomically) instead of standard output.",
)
corpus_option = click.option("--corpus", type=click.Path(), default=None, help=CORPUS_HELP)


strict_option = click.option(
    "--strict/--no-strict",
    default=None,
    help="Refuse (exit 2) when a claim has a structure error (RG001-RG009) or a claims file cannot be read, "
    "instead of leaving it out (default: [publish] strict in rolegraph.toml, else --no-strict).",
)


def load_usable(ctx: click.Context, corpus: str | None, *, strict: bool | None, cache: bool = False):
    """Load the corpus for a publishing command (consensus, export, stats, ...): a
    :class:`rolegraph.usable.UsableCorpus`. Each left-out claim or source is named on stderr in one line
    (``file:line: claim 'id' left out: reason [RGnnn]``), then one count line; with ``strict`` it refuses."""
    from ..formatters.common import shown
    from ..usable import load_usable_corpus

    display = corpus or ""
    if isinstance(ctx.obj, dict):
        ctx.obj["display_root"] = display
    usable = load_usable_corpus(corpus, strict=strict, cache=cache)
    if isinstance(ctx.obj, dict):
        ctx.obj["corpus_root"] = usable.corpus.root
    for x in usable.left_out:
        click.echo(x.shown(shown(display, x.file)), err=True)
    if usable.left_out:
        click.echo(usable.summary(), err=True)
    return usable
