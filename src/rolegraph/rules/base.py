"""What every rule is made of, and the shared index the fast engine evaluates rules over.

It imports only ``findings`` and ``model``; it must not import a rule module, the loader, linter,
formatters or CLI.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..corpus.snapshots import read_snapshot
from ..findings import Conflict, Finding
from ..model import Claim, Corpus, Source


@dataclass(frozen=True)
class Rule:
    """A lint rule: code, kebab-case name, default severity, doc, and its SHACL shape file."""

    code: str
    name: str
    severity: str  # default; contradiction rules compute theirs from the evidence
    summary: str
    doc: str  # what it finds, why it matters, a failing and a passing example
    shape: str | None  # file under rolegraph/shapes/, None for the meta rule RG010
    evidence_severity: bool = False  # severity follows the claims (see rolegraph.findings)
    fixable: bool = False  # some findings have a safe automatic fix (rolegraph lint --fix)


@dataclass
class Context:
    """The corpus plus indexes by role pair, built once and shared by the fast rules."""

    corpus: Corpus
    _labels: dict[str, str] = field(default_factory=dict)
    _snapshots: dict[str, str | None] = field(default_factory=dict)
    hints_left: int = 200  # closest-passage hints one run may compute (RG004)

    @cached_property
    def claims(self) -> list[Claim]:
        return self.corpus.claims()

    @cached_property
    def by_key(self) -> dict[tuple[str, str], Claim]:
        return {c.key: c for c in self.claims}

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.corpus.sources}

    @cached_property
    def rank(self) -> dict[tuple[str, str], list[Claim]]:
        """(higher, lower) -> claims that put higher above lower (above/below/oversees/reports_to)."""
        idx: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for c in self.claims:
            r = c.rank()
            if r and r[0] != r[1]:
                idx[r].append(c)
        return idx

    @cached_property
    def same(self) -> dict[tuple[str, str], list[Claim]]:
        """Sorted role pair -> claims that say the two titles are the same role."""
        idx: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for c in self.claims:
            if c.relation == "same" and c.subject and c.object and c.subject != c.object:
                idx[tuple(sorted((c.subject, c.object)))].append(c)
        return idx

    @cached_property
    def not_above(self) -> dict[tuple[str, str], list[Claim]]:
        idx: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for c in self.claims:
            if c.relation == "not_above" and c.subject and c.object and c.subject != c.object:
                idx[(c.subject, c.object)].append(c)
        return idx

    @cached_property
    def top(self) -> dict[str, list[Claim]]:
        idx: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims:
            if c.relation == "top" and c.subject:
                idx[c.subject].append(c)
        return idx

    def snapshot_text(self, source_id: str) -> str | None:
        """A source's snapshot text, read again on demand (for hints; rare, so not kept by the loader)."""
        if source_id not in self._snapshots:
            from pathlib import Path

            self._snapshots[source_id] = read_snapshot(Path(self.corpus.root), self.sources[source_id], [])[1]
        return self._snapshots[source_id]

    def label(self, iri: str) -> str:
        return self.corpus.vocabulary.label(iri)

    def family(self, iri: str) -> str | None:
        role = self.corpus.vocabulary.roles.get(iri)
        return role.family if role else None


def claim_finding(rule: Rule, c: Claim, field_name: str, message: str, *, severity: str | None = None) -> Finding:
    """A finding about one claim (structural rules)."""
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=severity or rule.severity,
        message=message,
        roles=[r for r in (c.subject, c.object) if r],
        sizes=frozenset(range(c.scope.lo, c.scope.hi + 1)) if c.scope else frozenset(),
        claims=[(c, "")],
        key=(c.source_id, c.id, field_name),
        file=c.file,
        line=c.line_of(field_name),
    )


def source_finding(rule: Rule, s: Source, field_name: str, message: str) -> Finding:
    """A finding about a source header (snapshot rules)."""
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=message,
        key=(s.id, field_name),
        file=s.file,
        line=s.line_of(field_name),
    )


def conflict_finding(rule: Rule, k: Conflict, key: tuple, roles: list[str], message: str) -> Finding:
    """A finding for one grouped disagreement; it points at the first claim of side a."""
    from ..model import format_sizes

    first = k.a[0]
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=k.severity,
        message=f"{message} [{format_sizes(k.sizes)}]",
        roles=roles,
        sizes=k.sizes,
        claims=[(c, "a") for c in k.a] + [(c, "b") for c in k.b],
        key=(*key, format_sizes(k.sizes)),
        file=first.file,
        line=first.line,
    )
