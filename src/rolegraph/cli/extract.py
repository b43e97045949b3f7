"""The ``rolegraph extract`` command: a thin Click layer over :func:`rolegraph.extract.extract`.

One library call plus formatting. Imports only Click and ``common`` (inside the command, with the
library, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module."""

from __future__ import annotations

import sys

import click


@click.command("extract")
@click.argument("source_ids", nargs=-1, metavar="SOURCE-ID...")
@click.option("--all", "all_sources", is_flag=True, help="Every source of the corpus.")
@click.option("--write", is_flag=True, help="Append the proposals to each source's claims file, marked proposed: true.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the proposals' YAML to FILE.")
@click.option("--corpus", type=click.Path(), default=None, help="Corpus folder (default: the bundled corpus).")
@click.pass_context
def extract_command(ctx, source_ids, all_sources, write, output, corpus) -> None:
    """Propose claims from sources' snapshots: roles, relation, scope, hedge, a verbatim quote.

    Prints claims YAML, or with --write appends the proposals to the claims files (never
    changing a claim a person wrote, never repeating one that is there). Accept a proposal by
    deleting its 'proposed: true' line.
    """
    from ..errors import UsageError
    from ..extract import extract as run
    from ..extract import write_proposals
    from .common import emit, load

    if bool(source_ids) == all_sources:
        raise UsageError("name SOURCE-IDs or pass --all (not both)")
    if write and output:
        raise UsageError("--write and -o are exclusive: append to the claims files, or write one YAML file")
    c = load(ctx, corpus)
    if write and c.bundled:
        raise UsageError("the bundled corpus is read-only; copy it with: rolegraph init DIR --example")
    n = len(source_ids) if source_ids else len(c.sources)
    if sys.stderr.isatty() and n > 1:
        with click.progressbar(length=n, label="extract", file=sys.stderr) as bar:
            result = run(c, list(source_ids) or None, progress=bar.update)
    else:
        result = run(c, list(source_ids) or None)
    for sp in result.sources:
        if sp.stale:
            click.echo(
                f"{sp.source.file}:{sp.source.line_of('sha256')}: warning: {sp.source.snapshot} no longer matches "
                "its sha256; proposals come from the changed text (check it, then update sha256)",
                err=True,
            )
        for title in sp.unknown:
            click.echo(
                f"{sp.source.file}: '{title}' names no role of the vocabulary; not guessed (add it to roles.ttl)",
                err=True,
            )
    already = sum(sp.already for sp in result.sources)
    if write:
        done = write_proposals(c, result)
        for rel, k in done:
            click.echo(f"{rel}: {k} proposed claim{'s' if k != 1 else ''} appended")
        click.echo(
            f"Wrote {result.count} proposed claims to {len(done)} claims files ({already} already there). "
            "Review them: delete 'proposed: true' to accept, delete the claim to reject; then: rolegraph lint"
        )
    else:
        emit(ctx, result.yaml(), output)
        click.echo(f"{result.count} proposed claims ({already} already there)", err=True)
