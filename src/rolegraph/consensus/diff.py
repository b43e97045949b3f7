"""What a change did to the consensus ladders: ``rolegraph consensus --diff REF``.

Holds :func:`diff_results` (two :class:`ConsensusResult` -> the changes per size: verdicts that
flipped, became contested or settled, appeared or went away; agreement that moved by at least
:data:`AGREEMENT_STEP`; roles that changed tier; roles added or removed) and
:func:`consensus_diff` (the corpus at the merge-base of REF and HEAD against the corpus on disk).
Its output formats are in :mod:`rolegraph.consensus.formats.diff_format`. Reads the base through
:mod:`rolegraph.changes`; it must not import the CLI, a format module or the lint rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .core import consensus
from .results import ConsensusResult, PairVerdict, SizeResult

AGREEMENT_STEP = 0.05


@dataclass(frozen=True)
class Change:
    size: str
    kind: str  # flipped | contested | settled | new | gone | agreement | tier | added | removed
    roles: tuple[str, ...]  # labels
    text: str


@dataclass
class ConsensusDiff:
    compared_with: str
    sizes: tuple[str, ...]
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _say(p: PairVerdict, label) -> str:
    a, b = label(p.roles[0]), label(p.roles[1])
    if p.verdict == "above":
        return f"{a} above {b}"
    if p.verdict == "same":
        return f"{a} = {b}"
    lean = f"leans {p.leaning}" if p.leaning else "tie"
    return f"{a} contested ({lean}) with {b}"


def _numbers(old: PairVerdict | None, new: PairVerdict | None) -> str:
    if old and new:
        return (
            f"agreement {old.agreement:.2f} -> {new.agreement:.2f}, "
            f"{old.independent_sources} -> {new.independent_sources} sources"
        )
    p = new or old
    return f"agreement {p.agreement:.2f}, {p.independent_sources} sources"


def _direction(p: PairVerdict) -> tuple:
    return (p.verdict, p.roles if p.verdict == "above" else tuple(sorted(p.roles)))


def _roles_of(s: SizeResult) -> set[str]:
    return {r for tier in s.ladder for r in tier} | set(s.unplaced)


def diff_size(size: str, old: SizeResult | None, new: SizeResult | None, label) -> list[Change]:
    """The changes at one size, in a fixed order (pairs by label, then tiers, then roles)."""
    out: list[Change] = []
    before = {tuple(sorted(p.roles)): p for p in (old.pairs if old else ())}
    after = {tuple(sorted(p.roles)): p for p in (new.pairs if new else ())}
    for key in sorted(set(before) | set(after), key=lambda k: (label(k[0]), label(k[1]), k)):
        o, n = before.get(key), after.get(key)
        names = tuple(label(r) for r in key)
        if o is None:
            out.append(Change(size, "new", names, f"new: {_say(n, label)}, {_numbers(None, n)}"))
        elif n is None:
            out.append(Change(size, "gone", names, f"gone: {_say(o, label)} (was {_numbers(o, None)})"))
        elif _direction(o) != _direction(n):
            kind = "contested" if n.verdict == "contested" else "settled" if o.verdict == "contested" else "flipped"
            what = {"contested": "became contested", "settled": "settled", "flipped": "flipped"}[kind]
            out.append(Change(size, kind, names, f"{what}: {_say(n, label)} (was {_say(o, label)}), {_numbers(o, n)}"))
        elif abs(n.agreement - o.agreement) >= AGREEMENT_STEP - 1e-9:
            out.append(Change(size, "agreement", names, f"agreement moved: {_say(n, label)}, {_numbers(o, n)}"))
    old_roles, new_roles = (_roles_of(old) if old else set()), (_roles_of(new) if new else set())
    for r in sorted(old_roles & new_roles, key=lambda r: (label(r), r)):
        to, tn = old.tier_of(r), new.tier_of(r)
        if to != tn:
            was = f"tier {to + 1}" if to is not None else "unplaced"
            now = f"tier {tn + 1}" if tn is not None else "unplaced"
            out.append(Change(size, "tier", (label(r),), f"{label(r)}: {was} -> {now}"))
    for r in sorted(new_roles - old_roles, key=lambda r: (label(r), r)):
        out.append(Change(size, "added", (label(r),), f"role added: {label(r)}"))
    for r in sorted(old_roles - new_roles, key=lambda r: (label(r), r)):
        out.append(Change(size, "removed", (label(r),), f"role removed: {label(r)}"))
    return out


def diff_results(old: ConsensusResult | None, new: ConsensusResult, compared_with: str = "") -> ConsensusDiff:
    labels = {**(old.labels if old else {}), **new.labels}

    def label(iri: str) -> str:
        return labels.get(iri, iri)

    d = ConsensusDiff(compared_with=compared_with, sizes=tuple(new.sizes))
    for size in new.sizes:
        d.changes += diff_size(size, old.sizes.get(size) if old else None, new.sizes[size], label)
    return d


def consensus_diff(
    corpus,
    ref: str,
    *,
    sizes: list[str] | None = None,
    min_agreement: float | None = None,
    include_proposed: bool = False,
) -> ConsensusDiff:
    """The consensus of ``corpus`` (a Corpus or a UsableCorpus) against the corpus at the merge-base of
    REF and HEAD. The base rests on its usable part too: claims the structure rules leave out there
    are left out of the base's ladders."""
    from ..changes import load_base, locate
    from ..usable import unwrap, usable_corpus

    plain, _ = unwrap(corpus)
    repo, base = locate(plain, ref)
    base_corpus, notes = load_base(repo, base)
    old = None
    if base_corpus is not None:
        usable = usable_corpus(base_corpus, strict=False, allow_empty=True)
        if usable.corpus.sources:
            old = consensus(usable, sizes, min_agreement, include_proposed=include_proposed)
    new = consensus(corpus, sizes, min_agreement, include_proposed=include_proposed)
    d = diff_results(old, new, f"{ref} (merge-base {base.short})")
    d.notes = notes
    return d


def render_diff(d: ConsensusDiff, fmt: str) -> str:
    """``d`` as text, markdown (for a pull-request comment) or json."""
    from .formats.diff_format import render_diff as render

    return render(d, fmt)
