"""The ``rolegraph`` command: a thin Click layer over the Python API."""

from __future__ import annotations

import os
import sys

import click

from . import __version__

CORPUS_HELP = "Corpus folder (default: the bundled corpus of the five seed pages)."


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
        from .errors import InputError, Problem, RolegraphError

        try:
            return super().invoke(ctx)
        except InputError as e:
            if ctx.params.get("debug"):
                raise
            from .formatters.common import shown

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
    from .gc_pause import freeze_after_phases

    freeze_after_phases()
    ctx.ensure_object(dict)


def load(ctx: click.Context, corpus: str | None, *, cache: bool = False):
    """Load the corpus a command names, remembering its root for messages and output checks."""
    from .loader import load_corpus

    if isinstance(ctx.obj, dict):
        ctx.obj["display_root"] = corpus or ""
    loaded = load_corpus(corpus, cache=cache)
    if isinstance(ctx.obj, dict):
        ctx.obj["corpus_root"] = loaded.root
    return loaded


def emit(ctx: click.Context, text: str | bytes, output: str | None) -> None:
    """Write to ``-o FILE`` atomically (never inside the corpus), or to standard output."""
    if output is not None:
        from .atomic import write_atomic
        from .errors import UsageError

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


@main.command()
@click.argument("directory", type=click.Path())
@click.option("--example", is_flag=True, help="Copy the bundled corpus instead of starting empty.")
def init(directory: str, example: bool) -> None:
    """Start a new corpus in DIRECTORY (which must not exist or be empty)."""
    from .init import init_corpus

    path = init_corpus(directory, example=example)
    what = "a copy of the bundled corpus" if example else "an empty corpus"
    click.echo(
        f"Created {what} in {path}. Next: add sources/ID.txt and claims/ID.yaml, "
        f"then run: rolegraph lint --corpus {path}"
    )


@main.command()
@corpus_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@output_option
@click.pass_context
def stats(ctx: click.Context, corpus: str | None, fmt: str, output: str | None) -> None:
    """Count sources, claims by relation, scope and hedge, and roles used."""
    import json

    from .corpus_stats import render_text
    from .corpus_stats import stats as compute
    from .linter import check_structure

    c = load(ctx, corpus)
    check_structure(c)
    data = compute(c)
    emit(ctx, render_text(data) if fmt == "text" else json.dumps(data, indent=2) + "\n", output)


@main.command()
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
def roles(ctx: click.Context, corpus: str | None, fmt: str, output: str | None) -> None:
    """List the role vocabulary with its aliases."""
    import json

    from .loader import bundled_corpus_path
    from .vocab import load_vocabulary

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
        from .exporter import vocabulary_turtle

        emit(ctx, vocabulary_turtle(voc), output)
    else:
        width = max(len(r.label) for r in items)
        lines = [f"{r.label:<{width}}  {', '.join(sorted(r.alt_labels, key=str.casefold))}" for r in items]
        emit(ctx, "\n".join(lines) + "\n", output)


@main.command()
@corpus_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["trig", "nquads", "turtle", "jsonld"]),
    default="trig",
    show_default=True,
)
@output_option
@click.pass_context
def export(ctx: click.Context, corpus: str | None, fmt: str, output: str | None) -> None:
    """Export the corpus as RDF with provenance (byte-identical for the same corpus)."""
    from .exporter import export as do_export
    from .linter import check_structure

    c = load(ctx, corpus)
    check_structure(c)
    emit(ctx, do_export(c, fmt), output)


@main.command()
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
@output_option
@click.pass_context
def lint(
    ctx, corpus, fmt, select, ignore, severities, fail_on, engine, no_cache, changed_since, baseline_file, output
) -> None:
    """Check a corpus: structure (RG0xx) and contradictions between claims (RG1xx).

    Exit status: 0 no finding at or above --fail-on, 1 there is one, 2 usage or input error.
    """
    from .errors import UsageError
    from .formatters import render
    from .linter import lint as run_lint
    from .linter import parse_codes

    overrides = {}
    for item in severities:
        code, _, level = item.partition("=")
        if not code or level not in ("error", "warning", "info"):
            raise UsageError(f"--severity {item!r}: write CODE=LEVEL with LEVEL error, warning or info")
        overrides[parse_codes([code])[0]] = level
    sel, ign = parse_codes(select), parse_codes(ignore)
    c = load(ctx, corpus, cache=not no_cache)
    opts = {"select": sel or None, "ignore": ign, "severity": overrides, "fail_on": fail_on, "engine": engine}
    if changed_since is not None or baseline_file is not None:
        from .changes import lint_for_ci

        report = lint_for_ci(c, changed_since=changed_since, baseline=baseline_file, **opts)
    else:
        report = run_lint(c, **opts)
    for note in report.notes:
        click.echo(note, err=True)
    emit(ctx, render(report, c, fmt, display_root=corpus or ""), output)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from .formatters.github_format import step_summary

        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as f:
            f.write(step_summary(report, c, display_root=corpus or ""))
    sys.exit(1 if report.failed else 0)


SIZES = ("startup", "small", "mid", "large", "enterprise")  # = rolegraph.model.SIZES (tested)
CONSENSUS_FORMATS = ("text", "markdown", "json", "csv", "dot", "svg")  # = consensus.FORMATS (tested)


@main.command()
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
    "--diff",
    "diff_ref",
    metavar="REF",
    default=None,
    help="Show what changed in the ladders since the merge-base of REF and HEAD (formats text, markdown, json).",
)
@output_option
@click.pass_context
def consensus(ctx, corpus, sizes, min_agreement, fmt, pair, diff_ref, output) -> None:
    """The consensus ladder per company size: tiers, agreement, independent sources, dissent.

    Copied quotes vote once. Formats: text, markdown, json, csv, dot and svg (Graphviz).
    """
    from .consensus import EXPLAIN_FORMATS, explain, render, render_explain
    from .consensus import consensus as compute
    from .errors import UsageError
    from .linter import check_structure

    if pair and fmt not in EXPLAIN_FORMATS:
        raise UsageError(f"--explain writes {', '.join(EXPLAIN_FORMATS)}; not {fmt}")
    if diff_ref is not None and (pair or fmt not in ("text", "markdown", "json")):
        raise UsageError("--diff writes text, markdown or json, and cannot be combined with --explain")
    c = load(ctx, corpus, cache=True)
    check_structure(c)
    chosen = [s.lower() for s in sizes] or None
    if diff_ref is not None:
        from .consensus.diff import consensus_diff, render_diff

        d = consensus_diff(c, diff_ref, sizes=chosen, min_agreement=min_agreement)
        for note in d.notes:
            click.echo(note, err=True)
        emit(ctx, render_diff(d, fmt), output)
    elif pair:
        emit(ctx, render_explain(explain(c, pair[0], pair[1], size=chosen, min_agreement=min_agreement), fmt), output)
    else:
        emit(ctx, render(compute(c, sizes=chosen, min_agreement=min_agreement), c, fmt), output)


@main.command()
@click.argument("code", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(code: str | None, fmt: str) -> None:
    """List the lint rules, or print the doc of one (by code or name)."""
    import json

    from .errors import UsageError
    from .rules import all_rules, find_rule

    if code:
        rule = find_rule(code)
        if rule is None:
            raise UsageError(f"no rule {code!r}; see: rolegraph rules")
        if fmt == "json":
            click.echo(json.dumps(rule.__dict__, indent=2))
            return
        sev = "from the evidence (see doc); default " + rule.severity if rule.evidence_severity else rule.severity
        click.echo(
            f"{rule.code} {rule.name}\nseverity: {sev}\n"
            f"shape: {rule.shape or '(none: computed after the other rules)'}\n\n{rule.summary}\n\n{rule.doc}",
            nl=False,
        )
        return
    items = all_rules()
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "severity": r.severity,
                        "summary": r.summary,
                        "shape": r.shape,
                    }
                    for r in items
                ],
                indent=2,
            )
        )
        return
    for r in items:
        click.echo(f"{r.code}  {r.name:<18} {r.severity:<8} {r.summary}")


from .cli_baseline import baseline  # noqa: E402

main.add_command(baseline)

if __name__ == "__main__":  # pragma: no cover
    main()
