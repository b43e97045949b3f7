"""Helpers shared by the command modules: loading a corpus for a command, writing output, common options.

Holds ``load``, ``emit`` and the ``--corpus`` and ``-o`` options. It imports only Click and the standard
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


def emit(ctx: click.Context, text: str | bytes, output: str | None) -> None:
    """Write to ``-o FILE`` atomically (never inside the corpus), or to standard output."""
    if output is not None:
        from ..atomic import write_atomic
        from ..errors import UsageError

        if not output.strip():
            raise UsageError("-o/--output needs a file name; leave it out to write to standard output")
        root = (ctx.obj or {}).get("corpus_root") if isinstance(ctx.obj, dict) else None
        write_atomic(output, text, protect=root)
    else:
        if isinstance(text, bytes):
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
