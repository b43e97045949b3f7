"""The ``rolegraph init`` command: start a new corpus folder, empty or as a copy of the bundled one.

One library call plus formatting. Imports only Click and ``common`` at module level (library modules inside
the command, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import click


@click.command("init")
@click.argument("directory", type=click.Path())
@click.option("--example", is_flag=True, help="Copy the bundled corpus instead of starting empty.")
def init_command(directory: str, example: bool) -> None:
    """Start a new corpus in DIRECTORY (which must not exist or be empty)."""
    from ..init import init_corpus

    path = init_corpus(directory, example=example)
    what = "a copy of the bundled corpus" if example else "an empty corpus"
    click.echo(
        f"Created {what} in {path}. Next: add sources/ID.txt and claims/ID.yaml, "
        f"then run: rolegraph lint --corpus {path}"
    )
