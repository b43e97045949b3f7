"""The consensus ladder per company size: votes, copy groups, verdicts and ladders.

Rules (also in the package docstring):

- **Votes.** A claim votes on the unordered pair of its two roles at every size its scope
  covers: a rank claim (above, below, oversees, reports_to) votes "higher above lower", a
  ``same`` claim votes "same". ``not_above``, ``may_be``, ``overlaps`` and ``top`` do not vote
  on pairs (``top`` claims are listed per size). The weight is ``settings.weights[hedge]``;
  claims with an unknown hedge, scope or role, or relating a role to itself, are skipped.
- **Copy groups.** On one role pair, claims whose quotes are equal after normalising case,
  whitespace and punctuation, or whose rapidfuzz ``fuzz.ratio`` reaches ``settings.similarity``,
  are linked; the connected claims form a copy group (reported when it spans two sources).
- **Voters.** At one size, the claims on a pair are joined into independent voters: claims of
  one copy group are one voter, and so are the claims of one source voting the same direction
  (a source is one voice). A voter casts each direction its members vote once, with the
  highest member weight. ``independent_sources`` counts the voters behind a direction.
- **Verdict.** The winning direction's share of the summed voter weight is the agreement; at
  least ``min_agreement`` (and no tie) gives the verdict, else the pair is ``contested``.
- **Ladder.** Roles judged ``same`` merge; ``above`` verdicts order the merged roles. Each role
  sits one tier below the lowest tier of any role judged above it (longest chain from the
  top), so a tier holds roles judged the same and roles no accepted verdict orders. Verdicts
  that form a cycle are not resolved: the roles of a cycle share one tier and are listed in
  ``cycles``. Roles with votes at the size but no accepted verdict are ``unplaced``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..errors import UsageError
from ..model import SIZES, Claim, Corpus, Scope
from .copies import CopySearch, UnionFind, copy_components, group_id, normalize

DIRECTIONS: tuple[str, ...] = ("above", "same", "below")
FLIP = {"above": "below", "below": "above", "same": "same"}
_EPS = 1e-9


# ----------------------------------------------------------------------------- result types


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

    def label(self, iri: str) -> str:
        return self.labels.get(iri, iri)

    def to_dict(self) -> dict:
        """The JSON shape: ``{"sizes": {...}, "copy_groups": [...]}`` with role labels."""
        from .render import result_dict

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

    def label(self, iri: str) -> str:
        return self.labels.get(iri, iri)


# ----------------------------------------------------------------------------- votes


def _settings(corpus: Corpus):
    s = corpus.settings
    if s is None:
        from ..settings import Settings

        s = Settings()
    return s


def _check_min_agreement(value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.5 <= value <= 1:
        raise UsageError(f"min-agreement must be a number from 0.5 to 1, not {value!r}")
    return float(value)


def normalize_sizes(sizes: Iterable[str] | None) -> tuple[str, ...]:
    """Validated company sizes in ladder order (all sizes when None or empty)."""
    if not sizes:
        return SIZES
    wanted = set()
    for s in sizes:
        key = str(s).strip().lower()
        if key not in SIZES:
            raise UsageError(f"unknown size {s!r}; use one of {', '.join(SIZES)}")
        wanted.add(key)
    return tuple(s for s in SIZES if s in wanted)


def claim_vote(c: Claim, weights: dict[str, float]) -> Vote | None:
    """The vote a claim casts on its role pair, or None when it casts none."""
    if c.scope is None or c.hedge is None or c.hedge not in weights:
        return None
    if c.relation == "same":
        if not c.subject or not c.object or c.subject == c.object:
            return None
        higher, lower, direction = c.subject, c.object, "same"
    else:
        rank = c.rank()
        if rank is None or rank[0] == rank[1]:
            return None
        higher, lower = rank
        direction = "above"
    pair = (higher, lower) if higher < lower else (lower, higher)
    if direction == "above" and pair[0] != higher:
        direction = "below"
    return Vote(
        ref=f"{c.source_id}/{c.id}",
        source=c.source_id,
        pair=pair,
        direction=direction,
        weight=float(weights[c.hedge]),
        hedge=c.hedge,
        scope=c.scope,
        quote=c.quote or "",
        file=c.file,
        line=c.line,
    )


def collect_votes(claims: Iterable[Claim], weights: dict[str, float]) -> dict[tuple[str, str], list[Vote]]:
    """Votes grouped by role pair, each list sorted by claim ref."""
    by_pair: dict[tuple[str, str], list[Vote]] = defaultdict(list)
    for c in claims:
        v = claim_vote(c, weights)
        if v is not None:
            by_pair[v.pair].append(v)
    for votes in by_pair.values():
        votes.sort(key=lambda v: (v.ref, v.direction))
    return by_pair


@dataclass(slots=True)
class _PairCopies:
    component: list[int]  # per vote (in ref order): its copy component
    groups: list[CopyGroup]  # components spanning two or more sources
    group_of: dict[int, str]  # component -> copy group id (reported groups only)


def pair_copies(
    pair: tuple[str, str], votes: Sequence[Vote], threshold: float, component: list[int] | None = None
) -> _PairCopies:
    """Copy components of the votes on one pair (``votes`` sorted by ref); ``component`` when
    they are already known."""
    comp = copy_components([v.quote for v in votes], threshold) if component is None else component
    members: dict[int, list[int]] = defaultdict(list)
    for i, k in enumerate(comp):
        members[k].append(i)
    groups: list[CopyGroup] = []
    group_of: dict[int, str] = {}
    for k, idx in members.items():
        if len(idx) < 2:
            continue
        sources = sorted({votes[i].source for i in idx})
        if len(sources) < 2:
            continue
        first = min(idx, key=lambda i: (normalize(votes[i].quote), votes[i].quote, votes[i].ref))
        gid = group_id(pair, normalize(votes[first].quote))
        group_of[k] = gid
        refs = tuple(sorted({votes[i].ref for i in idx}))
        groups.append(CopyGroup(gid, pair, votes[first].quote, refs, tuple(sources)))
    return _PairCopies(comp, groups, group_of)


# ----------------------------------------------------------------------------- one pair at one size


@dataclass(slots=True)
class _Tally:
    verdict: PairVerdict
    voter_of: dict[int, int]  # vote index -> voter number (1-based)
    counted: set[int]  # vote indexes that carry their voter's weight


def voice_ids(votes: Sequence[Vote]) -> list[int]:
    """For each vote, a number shared by the votes of one source in one direction."""
    ids: dict[tuple[str, str], int] = {}
    return [ids.setdefault((v.source, v.direction), len(ids)) for v in votes]


def tally_pair(
    pair: tuple[str, str],
    votes: Sequence[Vote],
    present: Sequence[int],
    component: Sequence[int],
    min_agreement: float,
    labels: dict[str, str],
    voice: Sequence[int] | None = None,
) -> _Tally:
    """Join the present votes into voters and judge the pair.

    Two votes are one voter when they share a copy component (``component``) or a voice (one
    source, one direction: ``voice``, from :func:`voice_ids`), directly or through other
    present votes.
    """
    if voice is None:
        voice = voice_ids(votes)
    # union-find over keys: copy components are 0..n-1 (vote indexes), voices n.. upwards;
    # inlined (no helper calls): this loop runs once per vote, pair and size
    n = len(votes)
    parent = list(range(n + max(voice, default=0) + 1))
    for i in present:
        a = component[i]
        while parent[a] != a:
            parent[a] = a = parent[parent[a]]
        b = n + voice[i]
        while parent[b] != b:
            parent[b] = b = parent[parent[b]]
        if a < b:
            parent[b] = a
        elif b < a:
            parent[a] = b
    # voters numbered by their first vote (votes are in ref order)
    number: dict[int, int] = {}
    voter_of: dict[int, int] = {}
    best: dict[tuple[int, str], int] = {}  # (voter, direction) -> vote index with max weight
    for i in present:
        a = component[i]
        while parent[a] != a:
            a = parent[a]
        vid = number.setdefault(a, len(number) + 1)
        voter_of[i] = vid
        v = votes[i]
        key = (vid, v.direction)
        j = best.get(key)
        if j is None or v.weight > votes[j].weight:
            best[key] = i
    cast: dict[str, list[float]] = {d: [] for d in DIRECTIONS}
    for (_, d), i in best.items():
        cast[d].append(votes[i].weight)
    tally = {d: math.fsum(cast[d]) for d in DIRECTIONS}  # fsum: exact, so order-independent
    voters = {d: len(cast[d]) for d in DIRECTIONS}
    total = math.fsum(tally.values())
    top = max(tally.values())
    leaders = [d for d in DIRECTIONS if tally[d] == top]
    agreement = top / total if total > 0 else 0.0
    all_refs = tuple(votes[i].ref for i in present)  # votes are sorted by ref
    winner = leaders[0] if len(leaders) == 1 else None
    decided = winner is not None and agreement >= min_agreement - _EPS
    if decided:
        dissent = tuple(votes[i].ref for i in present if votes[i].direction != winner)

    def by_label(p: tuple[str, str]) -> bool:
        """True when p is already ordered by label."""
        return (labels.get(p[0], p[0]).casefold(), p[0]) <= (labels.get(p[1], p[1]).casefold(), p[1])

    flip = winner == "below" or (winner == "same" or winner is None) and not by_label(pair)
    roles = (pair[1], pair[0]) if flip else pair
    if flip:
        tally = {d: tally[FLIP[d]] for d in DIRECTIONS}
        voters = {d: voters[FLIP[d]] for d in DIRECTIONS}
        winner = FLIP[winner] if winner else None
    if decided:
        verdict = winner
        independent = voters[winner]
        leaning = None
    else:
        verdict = "contested"
        dissent = ()
        independent = len(number)
        leaning = winner
    pv = PairVerdict(
        roles=roles,
        verdict=verdict,
        agreement=agreement,
        independent_sources=independent,
        tally=tally,
        voters=voters,
        claims=all_refs,
        dissent=dissent,
        leaning=leaning,
    )
    return _Tally(pv, voter_of, set(best.values()))


# ----------------------------------------------------------------------------- ladder


def _sort_key(labels: dict[str, str]):
    return lambda iri: (labels.get(iri, iri).casefold(), labels.get(iri, iri), iri)


def build_ladder(
    roles: Iterable[str], verdicts: Iterable[PairVerdict], labels: dict[str, str]
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(tiers, unplaced, cycles) from the accepted verdicts among ``roles``."""
    key = _sort_key(labels)
    roles = sorted(set(roles), key=key)
    index = {r: i for i, r in enumerate(roles)}
    accepted = [p for p in verdicts if p.verdict in ("above", "same")]
    placed = sorted({r for p in accepted for r in p.roles}, key=key)
    uf = UnionFind(len(roles))
    for p in accepted:
        if p.verdict == "same":
            uf.union(index[p.roles[0]], index[p.roles[1]])
    cls = {r: uf.find(index[r]) for r in placed}  # class = smallest index (by label) in it
    nodes = sorted(set(cls.values()))
    succ: dict[int, set[int]] = {n: set() for n in nodes}
    for p in accepted:
        if p.verdict == "above":
            succ[cls[p.roles[0]]].add(cls[p.roles[1]])
    comp = _scc(nodes, succ)
    # condensation: component -> successors, with a flag for cyclic components
    members: dict[int, list[int]] = defaultdict(list)
    for n in nodes:
        members[comp[n]].append(n)
    cyclic = {c for c, ns in members.items() if len(ns) > 1 or any(n in succ[n] for n in ns)}
    csucc: dict[int, set[int]] = defaultdict(set)
    indeg: dict[int, int] = {c: 0 for c in members}
    for n in nodes:
        for m in succ[n]:
            a, b = comp[n], comp[m]
            if a != b and b not in csucc[a]:
                csucc[a].add(b)
                indeg[b] += 1
    depth = {c: 0 for c in members}
    ready = sorted(c for c, d in indeg.items() if d == 0)
    while ready:
        c = ready.pop()
        for d in csucc[c]:
            depth[d] = max(depth[d], depth[c] + 1)
            indeg[d] -= 1
            if indeg[d] == 0:
                ready.append(d)
    tiers: dict[int, list[str]] = defaultdict(list)
    for r in placed:
        tiers[depth[comp[cls[r]]]].append(r)
    ladder = tuple(tuple(sorted(tiers[t], key=key)) for t in sorted(tiers))
    unplaced = tuple(r for r in roles if r not in cls)
    cycles = sorted(
        (tuple(sorted((r for r in placed if comp[cls[r]] == c), key=key)) for c in cyclic),
        key=lambda rs: [key(r) for r in rs],
    )
    return ladder, unplaced, tuple(cycles)


def _scc(nodes: Sequence[int], succ: dict[int, set[int]]) -> dict[int, int]:
    """Strongly connected components (iterative Tarjan): node -> smallest node of its SCC."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    comp: dict[int, int] = {}
    counter = 0
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(succ[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, it = work[-1]
            advanced = False
            for nxt in it:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(succ[nxt]))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                scc = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    scc.append(w)
                    if w == node:
                        break
                root = min(scc)
                for w in scc:
                    comp[w] = root
    return comp


# ----------------------------------------------------------------------------- public API


def _labels(corpus: Corpus, iris: Iterable[str]) -> dict[str, str]:
    voc = corpus.vocabulary
    return {iri: (voc.label(iri) if voc is not None else iri) for iri in iris}


def consensus(
    corpus: Corpus,
    sizes: Iterable[str] | None = None,
    min_agreement: float | None = None,
    *,
    workers: int | None = None,
    include_proposed: bool = False,
) -> ConsensusResult:
    """The consensus ladder of ``corpus`` at each company size (all sizes by default).

    Claims marked ``proposed: true`` (written by ``rolegraph extract``, not yet reviewed) do not
    vote unless ``include_proposed``, so unreviewed proposals never outvote reviewed claims.

    ``min_agreement`` overrides ``settings.min_agreement`` (0.5 to 1). ``workers`` caps the
    processes used to search big role pairs for copied quotes (None: one per CPU; 1: none);
    the result does not depend on it. The corpus is not checked here; the CLI refuses a
    structurally broken corpus first.
    """
    from ..gc_pause import paused_gc

    with paused_gc():
        return _consensus(corpus, sizes, min_agreement, workers, include_proposed)


def counted_claims(corpus: Corpus, include_proposed: bool = False) -> list[Claim]:
    """The claims consensus counts: all reviewed ones, and proposed ones only when asked."""
    claims = corpus.claims()
    return claims if include_proposed else [c for c in claims if not c.proposed]


def _consensus(
    corpus: Corpus,
    sizes: Iterable[str] | None,
    min_agreement: float | None,
    workers: int | None,
    include_proposed: bool = False,
) -> ConsensusResult:
    settings = _settings(corpus)
    chosen = normalize_sizes(sizes)
    min_agr = _check_min_agreement(settings.min_agreement if min_agreement is None else min_agreement)
    weights = dict(settings.weights)
    claims = counted_claims(corpus, include_proposed)
    by_pair = collect_votes(claims, weights)
    iris = {r for p in by_pair for r in p}
    iris |= {c.subject for c in claims if c.relation == "top" and c.subject}
    labels = _labels(corpus, iris)

    copy_groups: list[CopyGroup] = []
    per_size_pairs: dict[str, list[PairVerdict]] = {s: [] for s in chosen}
    per_size_roles: dict[str, set[str]] = {s: set() for s in chosen}
    per_size_votes: dict[str, int] = dict.fromkeys(chosen, 0)
    size_index = {s: SIZES.index(s) for s in chosen}
    pairs = sorted(by_pair)
    with CopySearch([[v.quote for v in by_pair[p]] for p in pairs], settings.similarity, workers=workers) as search:
        for k in search.order:  # big pairs last: worker processes may be searching them meanwhile
            pair = pairs[k]
            votes = by_pair[pair]
            copies = pair_copies(pair, votes, settings.similarity, search.components(k))
            copy_groups.extend(copies.groups)
            voice = voice_ids(votes)
            for s in chosen:
                lo_hi = size_index[s]
                present = [i for i, v in enumerate(votes) if v.scope.lo <= lo_hi <= v.scope.hi]
                if not present:
                    continue
                t = tally_pair(pair, votes, present, copies.component, min_agr, labels, voice)
                per_size_pairs[s].append(t.verdict)
                per_size_roles[s].update(pair)
                per_size_votes[s] += len(present)

    key = _sort_key(labels)
    top_by_size: dict[str, dict[str, list[str]]] = {s: defaultdict(list) for s in chosen}
    for c in claims:
        if c.relation == "top" and c.subject and c.scope is not None and c.hedge in weights:
            for s in chosen:
                if c.scope.covers(s):
                    top_by_size[s][c.subject].append(f"{c.source_id}/{c.id}")
    results: dict[str, SizeResult] = {}
    for s in chosen:
        verdicts = per_size_pairs[s]
        ladder, unplaced, cycles = build_ladder(per_size_roles[s], verdicts, labels)
        pos = {r: i for i, tier in enumerate(ladder) for r in tier}
        far = len(ladder)
        verdicts.sort(
            key=lambda p: (
                min(pos.get(p.roles[0], far), pos.get(p.roles[1], far)),
                pos.get(p.roles[0], far),
                pos.get(p.roles[1], far),
                key(p.roles[0]),
                key(p.roles[1]),
            )
        )
        tops = top_by_size.get(s, {})
        top = tuple((r, tuple(sorted(tops[r]))) for r in sorted(tops, key=key))
        results[s] = SizeResult(s, ladder, tuple(verdicts), unplaced, cycles, top, per_size_votes[s])
    copy_groups.sort(key=lambda g: (key(g.roles[0]), key(g.roles[1]), g.id))
    return ConsensusResult(
        sizes=results,
        copy_groups=tuple(copy_groups),
        labels=dict(sorted(labels.items())),
        min_agreement=min_agr,
        similarity=float(settings.similarity),
        weights=weights,
    )


def resolve_role(corpus: Corpus, text: str) -> str:
    """A role IRI from a label, alias or IRI; UsageError naming the closest labels otherwise."""
    voc = corpus.vocabulary
    if text in getattr(voc, "roles", {}):
        return text
    iri = voc.resolve(text)
    if iri is None:
        hints = voc.suggest(text)
        hint = f"; did you mean {', '.join(repr(h) for h in hints)}?" if hints else ""
        raise UsageError(f"unknown role {text!r}{hint} (see: rolegraph roles)")
    return iri


def explain(
    corpus: Corpus,
    role_a: str,
    role_b: str,
    size: str | Iterable[str] | None = None,
    min_agreement: float | None = None,
    *,
    include_proposed: bool = False,
) -> Explanation:
    """Every vote on the pair (``role_a``, ``role_b``) with its source, quote, hedge, weight,
    copy group and voter, and the verdict it leads to, per size (all sizes by default).

    Roles are labels, aliases or IRIs. Verdicts are relative to ``role_a``: ``above`` means
    ``role_a`` is above ``role_b``.
    """
    a, b = resolve_role(corpus, role_a), resolve_role(corpus, role_b)
    if a == b:
        raise UsageError(f"{role_a!r} and {role_b!r} name the same role; name two roles")
    settings = _settings(corpus)
    chosen = normalize_sizes([size] if isinstance(size, str) else size)
    min_agr = _check_min_agreement(settings.min_agreement if min_agreement is None else min_agreement)
    weights = dict(settings.weights)
    pair = (a, b) if a < b else (b, a)
    relevant = [c for c in counted_claims(corpus, include_proposed) if {c.subject, c.object} == {a, b}]
    votes = collect_votes(relevant, weights).get(pair, [])
    labels = _labels(corpus, pair)
    copies = pair_copies(pair, votes, settings.similarity)
    swap = pair[0] != a
    out: list[SizeExplanation] = []
    for s in chosen:
        k = SIZES.index(s)
        present = [i for i, v in enumerate(votes) if v.scope.lo <= k <= v.scope.hi]
        if not present:
            out.append(
                SizeExplanation(s, "none", 0.0, 0, dict.fromkeys(DIRECTIONS, 0.0), dict.fromkeys(DIRECTIONS, 0), ())
            )
            continue
        t = tally_pair(pair, votes, present, copies.component, min_agr, labels)
        pv = t.verdict
        # re-express the verdict relative to role a
        relative_flip = pv.roles[0] != a
        tally = {d: pv.tally[FLIP[d] if relative_flip else d] for d in DIRECTIONS}
        voters = {d: pv.voters[FLIP[d] if relative_flip else d] for d in DIRECTIONS}
        verdict = FLIP[pv.verdict] if relative_flip and pv.verdict == "above" else pv.verdict
        rows = []
        for i in present:
            v = votes[i]
            rows.append(
                VoteRow(
                    ref=v.ref,
                    source=v.source,
                    quote=v.quote,
                    hedge=v.hedge,
                    weight=v.weight,
                    direction=FLIP[v.direction] if swap else v.direction,
                    scope=str(v.scope),
                    copy_group=copies.group_of.get(copies.component[i]),
                    voter=t.voter_of[i],
                    counted=i in t.counted,
                    file=v.file,
                    line=v.line,
                )
            )
        rows.sort(key=lambda r: (r.voter, r.ref))
        out.append(SizeExplanation(s, verdict, pv.agreement, pv.independent_sources, tally, voters, tuple(rows)))
    return Explanation(a, b, tuple(out), tuple(sorted(copies.groups, key=lambda g: g.id)), labels, min_agr)
