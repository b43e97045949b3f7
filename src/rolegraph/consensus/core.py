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

It imports ``results``, ``copies``, ``ladder``, ``model`` and the settings type; it must not import
``render``, ``formats`` or ``explain`` (nothing of output).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import UsageError
from ..model import SIZES, Claim, Corpus
from ..usable import UsableCorpus, unwrap
from .copies import CopySearch, copy_components, group_id, normalize
from .ladder import _sort_key, build_ladder
from .results import (
    DIRECTIONS,
    FLIP,
    ConsensusResult,
    CopyGroup,
    PairVerdict,
    SizeResult,
    Vote,
)

_EPS = 1e-9


def _settings(corpus: Corpus):
    s = corpus.settings
    if s is None:
        from ..corpus.settings import Settings

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


def _labels(corpus: Corpus, iris: Iterable[str]) -> dict[str, str]:
    voc = corpus.vocabulary
    return {iri: (voc.label(iri) if voc is not None else iri) for iri in iris}


def consensus(
    corpus: Corpus | UsableCorpus,
    sizes: Iterable[str] | None = None,
    min_agreement: float | None = None,
    *,
    workers: int | None = None,
    strict: bool | None = None,
    include_proposed: bool = False,
) -> ConsensusResult:
    """The consensus ladder of ``corpus`` at each company size (all sizes by default).

    Claims marked ``proposed: true`` (written by ``rolegraph extract``, not yet reviewed) do not
    vote unless ``include_proposed``, so unreviewed proposals never outvote reviewed claims.

    ``min_agreement`` overrides ``settings.min_agreement`` (0.5 to 1). ``workers`` caps the
    processes used to search big role pairs for copied quotes (None: one per CPU; 1: none);
    the result does not depend on it. Claims with structure errors are left out (``strict``: refuse
    instead, default the corpus setting) and the result carries the ``left_out`` list; a
    :class:`rolegraph.usable.UsableCorpus` (``load_usable_corpus``) is used as it is.
    """
    from dataclasses import replace

    from ..gc_pause import paused_gc

    corpus, left_out = unwrap(corpus, strict)
    with paused_gc():
        return replace(_consensus(corpus, sizes, min_agreement, workers, include_proposed), left_out=left_out)


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
        claims=len(claims),
        # a source whose claims are all unreviewed proposals adds nothing to the vote
        sources=sum(
            1 for s in corpus.sources if include_proposed or not s.claims or not all(c.proposed for c in s.claims)
        ),
    )
