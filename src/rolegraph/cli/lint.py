"""The ``rolegraph lint`` command: structure and contradiction findings, in every lint output format.

One library call plus formatting. Imports only Click and ``common`` at module level (library modules inside
the command, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import os
import sys

import click

from .common import corpus_option, emit, load, output_option


@click.command("lint")
@corpus_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "github"]),
    default="text",
    show_default=True,
)
@click.option(
    "--select",
    multiple=True,
    help="Only these rule codes or prefixes (comma-separated, repeatable).",
)
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option(
    "--severity",
    "severities",
    multiple=True,
    metavar="CODE=LEVEL",
    help="Override a rule's severity (error, warning, info).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Exit 1 when a finding is at least this severe (default: error).",
)
@click.option(
    "--engine",
    type=click.Choice(["fast", "shacl", "shacl-oxigraph"]),
    default="fast",
    show_default=True,
    help="fast: indexed rules; shacl: the SHACL shapes run by pyshacl on rdflib (the reference, slow); "
    "shacl-oxigraph: the same on a pyoxigraph store.",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the parse cache.")
@click.option(
    "--fix",
    "do_fix",
    is_flag=True,
    help="Apply the safe fixes (RG004 near-verbatim quotes, RG005 stale checksums, RG008 identical "
    "duplicates), writing each changed claims file atomically, then report what is left.",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print the safe fixes as a unified diff and write nothing (exit 1 when there is one).",
)
@click.option(
    "--changed-since",
    metavar="REF",
    default=None,
    help="Report only findings the change since the merge-base of REF and HEAD introduced or touched "
    "(the corpus must be in a git repository); list the ones it resolved.",
)
@click.option(
    "--baseline",
    "baseline_file",
    metavar="FILE",
    default=None,
    help="Report only findings not recorded in FILE (see: rolegraph baseline); list entries no longer found.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="Run the contradiction rules (RG1xx) as SPARQL queries on this store (filled by rolegraph push) "
    "instead of the files; structure rules are listed as not run.",
)
@click.option("--timeout", type=float, default=60.0, show_default=True, metavar="SECONDS", help="With --endpoint.")
@output_option
@click.pass_context
def lint_command(
    ctx,
    corpus,
    fmt,
    select,
    ignore,
    severities,
    fail_on,
    engine,
    no_cache,
    do_fix,
    show_diff,
    endpoint,
    timeout,
    changed_since,
    baseline_file,
    output,
) -> None:
    """Check a corpus: structure (RG0xx) and contradictions between claims (RG1xx).

    Exit status: 0 no finding at or above --fail-on, 1 there is one, 2 usage or input error.
    """
    from ..errors import UsageError
    from ..formatters import render
    from ..linter import lint as run_lint
    from ..linter import parse_codes

    overrides = {}
    for item in severities:
        code, _, level = item.partition("=")
        if not code or level not in ("error", "warning", "info"):
            raise UsageError(f"--severity {item!r}: write CODE=LEVEL with LEVEL error, warning or info")
        overrides[parse_codes([code])[0]] = level
    sel, ign = parse_codes(select), parse_codes(ignore)
    if endpoint is not None:
        from ..sparql.endpoint_lint import endpoint_lint
        from ..sparql.remote import Endpoint

        with Endpoint(endpoint, timeout=timeout) as ep:
            report, c = endpoint_lint(ep, select=sel, ignore=ign, severity=overrides, fail_on=fail_on)
        if report.not_run:
            click.echo(
                f"rolegraph lint: not run on the endpoint (they need the files): {', '.join(report.not_run)}", err=True
            )
        emit(ctx, render(report, c, fmt, display_root=""), output)
        sys.exit(1 if report.failed else 0)
    options = dict(select=sel or None, ignore=ign, severity=overrides, fail_on=fail_on, engine=engine)
    if (do_fix or show_diff) and (changed_since is not None or baseline_file is not None):
        raise UsageError("--fix and --diff work on the whole corpus; leave out --changed-since and --baseline")
    if do_fix or show_diff:
        _fix(ctx, corpus, fmt, options, do_fix, show_diff, no_cache, output)
    c = load(ctx, corpus, cache=not no_cache)
    if changed_since is not None or baseline_file is not None:
        from ..changes import lint_for_ci

        report = lint_for_ci(c, changed_since=changed_since, baseline=baseline_file, **options)
    else:
        report = run_lint(c, **options)
    for note in report.notes:
        click.echo(note, err=True)
    emit(ctx, render(report, c, fmt, display_root=corpus or ""), output)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from ..formatters.github_format import step_summary

        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as f:
            f.write(step_summary(report, c, display_root=corpus or ""))
    sys.exit(1 if report.failed else 0)


def _fix(ctx, corpus, fmt, options, do_fix, show_diff, no_cache, output) -> None:
    """--fix and --diff: one library call (rolegraph.fix.fix_corpus), then a line on stderr."""
    from ..errors import UsageError
    from ..fix import fix_corpus
    from ..formatters import render

    if do_fix and show_diff:
        raise UsageError("--fix writes the fixes and --diff only shows them; use one")
    load(ctx, corpus, cache=not no_cache)  # checks the corpus and records its root for -o
    result, report = fix_corpus(corpus, write=do_fix, cache=not no_cache, display_root=corpus or "", **options)
    n, m = len(result.fixed), len(result.files)
    what = f"{n} finding{'s' if n != 1 else ''} in {m} file{'s' if m != 1 else ''}"
    if show_diff:
        emit(ctx, result.diff, output)
        done = f"{what} would be fixed (nothing written; run lint --fix)" if n else "nothing to fix"
        click.echo(f"rolegraph: {done}", err=True)
        sys.exit(1 if result.diff else 0)
    click.echo(f"rolegraph: fixed {what}" if n else "rolegraph: nothing to fix", err=True)
    c = load(ctx, corpus, cache=not no_cache)
    emit(ctx, render(report, c, fmt, display_root=corpus or ""), output)
    sys.exit(1 if report.failed else 0)
