"""The ``rolegraph`` command: a thin Click layer over the Python API.

Holds the ``Group`` class (one clean line per error), the ``main`` group and the registration of every
command; each command lives in its own module here (``lint.py``, ``consensus.py``, ...) and shared helpers in
``common.py``. At module level it imports only Click and the command modules (which import only Click and
``common``), so ``rolegraph --help`` stays fast; library modules are imported inside functions. It must not
import heavy library modules at module level, and nothing in the library may import ``rolegraph.cli``.
"""

from __future__ import annotations

import os
import sys

import click

from .. import __version__


class Group(click.Group):
    """Turns rolegraph errors into one clean line each (a traceback only with --debug)."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        """As Click's, but a usage error is one line: ``rolegraph lint: what is wrong (see: ...)``."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as e:
            if type(e).__name__ == "NoArgsIsHelpError":  # bare `rolegraph` (Click >= 8.2): show the help
                e.show()
                sys.exit(e.exit_code)
            cmd = e.ctx.command_path if e.ctx is not None else "rolegraph"
            click.echo(f"{cmd}: {e.format_message()} (see: {cmd} --help)", err=True)
            sys.exit(e.exit_code)
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except click.exceptions.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)

    def invoke(self, ctx: click.Context):
        from ..errors import InputError, Problem, RolegraphError

        try:
            return super().invoke(ctx)
        except InputError as e:
            if ctx.params.get("debug"):
                raise
            from ..formatters.common import shown

            root = (ctx.obj or {}).get("display_root", "")
            for p in e.problems:
                # problem paths are relative to the corpus; show them as the user named it
                if root and p.file and not os.path.isabs(p.file) and os.path.normpath(p.file) != os.path.normpath(root):
                    p = Problem(shown(root, p.file), p.line, p.message)
                click.echo(str(p), err=True)
            n = len(e.problems)
            click.echo(
                f"rolegraph: {n} input problem{'s' if n != 1 else ''}; nothing was written",
                err=True,
            )
            sys.exit(2)
        except RolegraphError as e:
            if ctx.params.get("debug"):
                raise
            click.echo(f"rolegraph: {e}", err=True)
            sys.exit(e.exit_code)
        except OSError as e:
            if ctx.params.get("debug"):
                raise
            where = f"{e.filename}: " if e.filename else ""
            click.echo(f"rolegraph: {where}{e.strerror or e}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as e:  # a bug: say so in one line; --debug shows the traceback
            if ctx.params.get("debug"):
                raise
            click.echo(
                f"rolegraph: internal error: {type(e).__name__}: {e} (rerun with --debug and report it)",
                err=True,
            )
            sys.exit(2)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rolegraph")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Claims about job-role rank as RDF with provenance: lint, export, consensus."""
    from ..gc_pause import freeze_after_phases

    freeze_after_phases()
    ctx.ensure_object(dict)


from .add import add_command  # noqa: E402
from .baseline import baseline_command  # noqa: E402
from .consensus import (  # noqa: E402  (re-exported: the CLI spells out the choices)
    CONSENSUS_FORMATS,
    SIZES,
    consensus_command,  # noqa: E402
)
from .export import export_command  # noqa: E402
from .extract import extract_command  # noqa: E402
from .init import init_command  # noqa: E402
from .lint import lint_command  # noqa: E402
from .push import push_command  # noqa: E402
from .query import query_command  # noqa: E402
from .report import report_command  # noqa: E402
from .roles import roles_command  # noqa: E402
from .rules import rules_command  # noqa: E402
from .stats import stats_command  # noqa: E402

for _command in (
    init_command,
    stats_command,
    roles_command,
    export_command,
    lint_command,
    baseline_command,
    consensus_command,
    query_command,
    push_command,
    report_command,
    rules_command,
    add_command,
    extract_command,
):
    main.add_command(_command)

__all__ = ["CONSENSUS_FORMATS", "SIZES", "Group", "main"]

if __name__ == "__main__":  # pragma: no cover
    main()
