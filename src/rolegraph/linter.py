"""Run the lint rules over a corpus: select rules, pick an engine, apply accepts and overrides.

It imports the rules, ``findings``, ``model`` and (for the shacl engines) ``shacl``; it must not
import the loader, formatters, consensus or CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import UsageError
from .findings import SEVERITY_RANK, Finding
from .model import Corpus

ENGINES = ("fast", "shacl", "shacl-oxigraph")
FIXABLE = ("RG004", "RG005", "RG008")  # = rolegraph.fix.plan.FIXABLE (tested)
META = "RG010"


@dataclass
class LintReport:
    findings: list[Finding]
    rules: list[str]  # codes that ran
    claims: int
    sources: int
    engine: str
    fail_on: str = "error"
    counts: dict[str, int] = field(default_factory=dict)
    # set when the findings were filtered (--changed-since, --baseline; see rolegraph.changes):
    resolved: list[dict] | None = None  # findings of the base (or baseline entries) that no longer occur
    changed: frozenset[str] = frozenset()  # fingerprints of findings on a new or changed claim
    hidden: int = 0  # findings left out because they predate the change or are in the baseline
    compared_with: str = ""  # what the findings were compared with, for the reports
    notes: list[str] = field(default_factory=list)  # one-line notes for standard error

    @property
    def fixable(self) -> int:
        """How many findings have a safe automatic fix (``rolegraph lint --fix``)."""
        return sum(1 for f in self.findings if f.fix is not None)

    @property
    def failed(self) -> bool:
        limit = SEVERITY_RANK[self.fail_on]
        return any(f.accepted is None and SEVERITY_RANK[f.severity] >= limit for f in self.findings)

    def summary(self) -> dict:
        by = {s: 0 for s in ("error", "warning", "info")}
        for f in self.findings:
            if f.accepted is None:
                by[f.severity] += 1
        return {
            "findings": len(self.findings),
            "error": by["error"],
            "warning": by["warning"],
            "info": by["info"],
            "accepted": sum(1 for f in self.findings if f.accepted is not None),
            "claims": self.claims,
            "sources": self.sources,
            "rules": len(self.rules),
        }


def parse_codes(values: list[str] | tuple[str, ...] | None) -> list[str]:
    """``["RG1,RG005", "RG2"]`` -> ``["RG1", "RG005", "RG2"]``, validated."""
    import re

    out = []
    for v in values or []:
        for part in v.split(","):
            part = part.strip().upper()
            if not part:
                continue
            if not re.fullmatch(r"RG\d{0,3}|ALL", part):
                raise UsageError(f"'{part}' is not a rule code or prefix (like RG101, RG1 or ALL)")
            out.append("RG" if part == "ALL" else part)
    return out


def selected_codes(select: list[str], ignore: list[str]) -> list[str]:
    from .rules import modules

    codes = list(modules())
    chosen = [c for c in codes if not select or any(c.startswith(p) for p in select)]
    for p in select:
        if not any(c.startswith(p) for c in codes):
            raise UsageError(f"--select {p} matches no rule; see: rolegraph rules")
    return [c for c in chosen if not any(c.startswith(p) for p in ignore)]


def lint(
    corpus: Corpus,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    severity: dict[str, str] | None = None,
    fail_on: str | None = None,
    engine: str = "fast",
) -> LintReport:
    """Lint a loaded corpus. ``select``/``ignore`` take codes or prefixes (``RG1``)."""
    if engine != "fast":  # rdflib and pyshacl make reference cycles: leave the collector on
        return _lint(corpus, select, ignore, severity, fail_on, engine)
    from .gc_pause import paused_gc

    with paused_gc():
        return _lint(corpus, select, ignore, severity, fail_on, engine)


def _lint(corpus, select, ignore, severity, fail_on, engine) -> LintReport:
    from .rules import modules
    from .rules.base import Context

    settings = corpus.settings
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    codes = selected_codes(select if select else list(settings.select), list(settings.ignore) + list(ignore or []))
    overrides = {**settings.severity, **(severity or {})}
    mods = modules()
    ctx = Context(corpus)
    main = [c for c in codes if c != META]
    if engine != "fast":
        from .shacl import run_shacl

        findings = run_shacl(ctx, main, store="oxigraph" if engine == "shacl-oxigraph" else "rdflib")
    else:
        findings = [f for code in main for f in mods[code].fast(ctx)]
    if META in codes:
        findings += mods[META].check(ctx, findings, set(main), set(mods))
    for f in findings:
        if f.code in overrides:
            f.severity = overrides[f.code]
        reasons = sorted({c.accept[f.code] for c, _ in f.claims if f.code in c.accept})
        f.accepted = "; ".join(reasons) if reasons else None
    findings.sort(key=Finding.sort_key)
    if any(f.code in FIXABLE for f in findings):
        from .fix.plan import attach

        attach(corpus, findings)
    return LintReport(
        findings=findings,
        rules=codes,
        claims=len(ctx.claims),
        sources=len(corpus.sources),
        engine=engine,
        fail_on=fail_on or settings.fail_on,
    )


def check_structure(corpus: Corpus) -> None:
    """Raise InputError listing every structural error (RG0xx of severity error).

    Commands that publish the corpus (export, stats, consensus) refuse a broken one; lint
    reports the same problems as findings instead.
    """
    from .errors import InputError, Problem

    report = lint(corpus, select=["RG00"], ignore=[META], fail_on="error")
    problems = [
        Problem(f.file, f.line, f"{f.message} [{f.code}]")
        for f in report.findings
        if f.severity == "error" and f.accepted is None
    ]
    if problems:
        raise InputError(problems)
