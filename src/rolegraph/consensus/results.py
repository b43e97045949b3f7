"""The data types of consensus: votes, pair verdicts, per-size results, copy groups, explanations,
and their plain-data (JSON) shape (:func:`result_dict`, used by ``ConsensusResult.to_dict`` and the json format).

It holds no computation and no rendering: it imports only ``model`` and must not import any
other module of ``rolegraph.consensus`` (the core and every format import it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Scope

DIRECTIONS: tuple[str, ...] = ("above", "same", "below")
FLIP = {"above": "below", "below": "above", "same": "same"}


@dataclass(slots=True)
class Vote:
    """One claim's vote on a role pair (read-only). ``direction`` is relative to ``pair[0]``."""

    ref: str  # "source/claim"
    source: str
    pair: tuple[str, str]  # role IRIs, sorted
    direction: str  # above | same | below
    weight: float
    hedge: str
    scope: Scope
    quote: str
    file: str
    line: int


@dataclass(frozen=True)
class PairVerdict:
    """The verdict on one role pair at one size.

    ``roles`` is ``(higher, lower)`` for an ``above`` verdict; for ``same`` and ``contested``
    it is ordered by label, except that a contested pair leaning one way puts the role it
    leans to put higher first. ``tally`` and ``voters`` are keyed by direction relative to
    ``roles[0]``.
    """

    roles: tuple[str, str]
    verdict: str  # above | same | contested
    agreement: float
    independent_sources: int
    tally: dict[str, float]
    voters: dict[str, int]
    claims: tuple[str, ...]
    dissent: tuple[str, ...]
    leaning: str | None = None  # contested only: the strongest direction, None on a tie

    @property
    def higher(self) -> str | None:
        return self.roles[0] if self.verdict == "above" else None

    @property
    def lower(self) -> str | None:
        return self.roles[1] if self.verdict == "above" else None


@dataclass(frozen=True)
class SizeResult:
    """The consensus at one company size."""

    size: str
    ladder: tuple[tuple[str, ...], ...]  # tiers of role IRIs, top first
    pairs: tuple[PairVerdict, ...]
    unplaced: tuple[str, ...]
    cycles: tuple[tuple[str, ...], ...]
    top: tuple[tuple[str, tuple[str, ...]], ...]  # (role, refs of its top claims)
    votes: int  # claims voting at this size

    def tier_of(self, role: str) -> int | None:
        """The 0-based tier of a role, None when unplaced or absent."""
        for i, tier in enumerate(self.ladder):
            if role in tier:
                return i
        return None

    @property
    def contested(self) -> tuple[PairVerdict, ...]:
        return tuple(p for p in self.pairs if p.verdict == "contested")


@dataclass(frozen=True)
class CopyGroup:
    """Claims on one role pair whose quotes are copies of each other, across sources."""

    id: str
    roles: tuple[str, str]
    quote: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ConsensusResult:
    """The consensus ladders of a corpus; see :func:`consensus`."""

    sizes: dict[str, SizeResult]
    copy_groups: tuple[CopyGroup, ...]
    labels: dict[str, str]  # role IRI -> canonical label
    min_agreement: float
    similarity: float
    weights: dict[str, float] = field(default_factory=dict)
    claims: int = 0  # the claims the result rests on
    sources: int = 0
    left_out: tuple = ()  # rolegraph.leftout.LeftOut records: what the usable corpus left out

    def label(self, iri: str) -> str:
        return self.labels.get(iri, iri)

    def to_dict(self) -> dict:
        """The JSON shape: ``{"sizes": {...}, "copy_groups": [...]}`` with role labels."""
        return result_dict(self)


@dataclass(frozen=True)
class VoteRow:
    """One vote as shown by :func:`explain`; ``direction`` is relative to the first role."""

    ref: str
    source: str
    quote: str
    hedge: str
    weight: float
    direction: str
    scope: str
    copy_group: str | None
    voter: int  # 1-based, per size
    counted: bool  # False when another claim of the same voter carries its weight
    file: str
    line: int


@dataclass(frozen=True)
class SizeExplanation:
    size: str
    verdict: str  # relative to the first role: above | below | same | contested
    agreement: float
    independent_sources: int
    tally: dict[str, float]  # relative to the first role
    voters: dict[str, int]
    votes: tuple[VoteRow, ...]


@dataclass(frozen=True)
class Explanation:
    """Every vote behind the verdicts on one pair, per size."""

    role_a: str
    role_b: str
    sizes: tuple[SizeExplanation, ...]
    copy_groups: tuple[CopyGroup, ...]
    labels: dict[str, str]
    min_agreement: float
    left_out: tuple = ()  # rolegraph.leftout.LeftOut records: what the usable corpus left out

    def label(self, iri: str) -> str:
        return self.labels.get(iri, iri)


def _num(x: float) -> float:
    """A number for JSON: 4 decimals, integers without a fraction noise."""
    return round(x, 4) + 0.0


def pair_dict(p: PairVerdict, label) -> dict:
    """One pair as JSON data (role labels, claim refs)."""
    d: dict = {}
    if p.verdict == "above":
        d["higher"], d["lower"] = label(p.roles[0]), label(p.roles[1])
    else:
        d["roles"] = [label(p.roles[0]), label(p.roles[1])]
    d["verdict"] = p.verdict
    if p.verdict == "contested":
        d["leaning"] = p.leaning
    d["agreement"] = _num(p.agreement)
    d["independent_sources"] = p.independent_sources
    d["tally"] = {k: _num(p.tally[k]) for k in DIRECTIONS}
    d["voters"] = {k: p.voters[k] for k in DIRECTIONS}
    d["claims"] = list(p.claims)
    d["dissent"] = list(p.dissent)
    return d


def size_dict(s: SizeResult, label) -> dict:
    return {
        "ladder": [[label(r) for r in tier] for tier in s.ladder],
        "unplaced": [label(r) for r in s.unplaced],
        "cycles": [[label(r) for r in c] for c in s.cycles],
        "votes": s.votes,
        "pairs": [pair_dict(p, label) for p in s.pairs],
        "top": [{"role": label(r), "claims": list(refs)} for r, refs in s.top],
    }


def result_dict(result: ConsensusResult) -> dict:
    """The JSON document of a consensus result."""
    label = result.label
    return {
        "settings": {
            "min_agreement": result.min_agreement,
            "similarity": result.similarity,
            "weights": {k: result.weights[k] for k in sorted(result.weights)},
        },
        "claims": result.claims,
        "sources": result.sources,
        "sizes": {name: size_dict(s, label) for name, s in result.sizes.items()},
        "copy_groups": [
            {
                "id": g.id,
                "roles": [label(g.roles[0]), label(g.roles[1])],
                "quote": g.quote,
                "claims": list(g.claims),
                "sources": list(g.sources),
            }
            for g in result.copy_groups
        ],
        "left_out": [x.to_dict() for x in result.left_out],  # last: what the result does not rest on
    }


def rests_on(result: ConsensusResult) -> str:
    """``Rests on 36 claims from 5 sources``: what every ladder output says it is made of."""
    n, m = result.claims, result.sources
    return f"Rests on {n} claim{'s' if n != 1 else ''} from {m} source{'s' if m != 1 else ''}"
