"""The ``rolegraph roles`` command: the role vocabulary with its aliases, as text, JSON or Turtle.

One library call plus formatting. Imports only Click and ``common`` at module level (library modules inside
the command, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import os

import click

from .common import corpus_option, emit, output_option


@click.command("roles")
@corpus_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
)
@output_option
@click.pass_context
def roles_command(ctx: click.Context, corpus: str | None, fmt: str, output: str | None) -> None:
    """List the role vocabulary with its aliases."""
    import json

    from ..corpus.files import bundled_corpus_path
    from ..corpus.vocab import load_vocabulary

    root = corpus or str(bundled_corpus_path())
    ctx.obj["display_root"] = corpus or ""
    ctx.obj["corpus_root"] = root
    roles_file = os.path.join(root, "roles.ttl")
    # lexists: a dangling or escaping symlink must reach the loader's refusal, not be skipped
    from pathlib import Path

    voc = load_vocabulary(Path(roles_file) if os.path.lexists(roles_file) else None)
    items = sorted(voc.roles.values(), key=lambda r: r.label.casefold())
    if fmt == "json":
        data = [
            {
                "iri": r.iri,
                "label": r.label,
                "aliases": sorted(r.alt_labels),
                "family": r.family,
                "builtin": r.builtin,
            }
            for r in items
        ]
        emit(ctx, json.dumps(data, indent=2) + "\n", output)
    elif fmt == "turtle":
        from ..exporter import vocabulary_turtle

        emit(ctx, vocabulary_turtle(voc), output)
    else:
        width = max(len(r.label) for r in items)
        lines = [f"{r.label:<{width}}  {', '.join(sorted(r.alt_labels, key=str.casefold))}" for r in items]
        emit(ctx, "\n".join(lines) + "\n", output)
