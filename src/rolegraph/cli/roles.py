"""The ``rolegraph roles`` command: the role vocabulary with its aliases, as text, JSON or Turtle.

One library call plus formatting. Imports only Click and ``common`` at module level (library modules inside
the command, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import click

from .common import corpus_option, emit, output_option

NO_ROLES = (
    "no roles: the vocabulary is empty ([vocabulary] builtin = false in rolegraph.toml and no role in "
    "roles.ttl); declare roles in roles.ttl, set builtin = true, or include a ladder"
)


@click.command("roles")
@corpus_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "turtle"]),
    default="text",
    show_default=True,
)
@click.option(
    "--explain",
    "explain",
    metavar="LABEL",
    help="Say which role LABEL names and where that comes from (built-in, or roles.ttl and line); exit 1 if none.",
)
@output_option
@click.pass_context
def roles_command(ctx: click.Context, corpus: str | None, fmt: str, explain: str | None, output: str | None) -> None:
    """List the role vocabulary with its aliases, or explain one label."""
    import json

    from ..corpus.files import bundled_corpus_path
    from ..corpus.vocab_explain import corpus_vocabulary

    root = corpus or str(bundled_corpus_path())
    ctx.obj["display_root"] = corpus or ""
    ctx.obj["corpus_root"] = root
    voc = corpus_vocabulary(root)
    if explain is not None:
        from ..corpus.vocab_explain import explain_label, render_text

        data = explain_label(voc, explain)
        if fmt == "json":
            emit(ctx, json.dumps(data, indent=2) + "\n", output)
        elif fmt == "turtle":
            raise click.UsageError("--explain prints text or json, not turtle")
        else:
            emit(ctx, render_text(data, corpus or ""), output)
        ctx.exit(0 if data["role"] else 1)
    items = sorted(voc.roles.values(), key=lambda r: r.label.casefold())
    if not items and fmt == "text":  # said on stderr, so the output stays the (empty) list; JSON says []
        click.echo(f"rolegraph: {NO_ROLES}", err=True)
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
        width = max((len(r.label) for r in items), default=0)
        lines = [f"{r.label:<{width}}  {', '.join(sorted(r.alt_labels, key=str.casefold))}" for r in items]
        emit(ctx, "".join(line + "\n" for line in lines), output)
