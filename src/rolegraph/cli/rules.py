"""The ``rolegraph rules`` command: list the lint rules, or print one rule's doc.

One library call plus formatting. Imports only Click and ``common`` at module level (library modules inside
the command, so ``--help`` stays fast); it must not import ``rolegraph.cli`` or another command module.
"""

from __future__ import annotations

import click


@click.command("rules")
@click.argument("code", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_command(code: str | None, fmt: str) -> None:
    """List the lint rules, or print the doc of one (by code or name)."""
    import json

    from ..errors import UsageError
    from ..rules import all_rules, find_rule

    if code:
        rule = find_rule(code)
        if rule is None:
            raise UsageError(f"no rule {code!r}; see: rolegraph rules")
        if fmt == "json":
            click.echo(json.dumps(rule.__dict__, indent=2))
            return
        sev = "from the evidence (see doc); default " + rule.severity if rule.evidence_severity else rule.severity
        fixable = "yes (rolegraph lint --fix)" if rule.fixable else "no"
        click.echo(
            f"{rule.code} {rule.name}\nseverity: {sev}\nfixable: {fixable}\n"
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
                        "fixable": r.fixable,
                    }
                    for r in items
                ],
                indent=2,
            )
        )
        return
    for r in items:
        click.echo(f"{r.code}  {r.name:<18} {r.severity:<8} {r.summary}{' [fixable]' if r.fixable else ''}")
