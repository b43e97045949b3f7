"""Explaining one pair: every vote behind the verdicts on two roles, per size (:func:`explain`).

Computation only (its output formats live in ``consensus/formats``): it imports the core, the
results types and ``copies``; it must not import ``render`` or any format module.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import UsageError
from ..model import SIZES, Corpus
from ..usable import UsableCorpus, unwrap
from .core import (
    _check_min_agreement,
    _labels,
    _settings,
    collect_votes,
    counted_claims,
    normalize_sizes,
    pair_copies,
    tally_pair,
)
from .results import DIRECTIONS, FLIP, Explanation, SizeExplanation, VoteRow


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
    corpus: Corpus | UsableCorpus,
    role_a: str,
    role_b: str,
    size: str | Iterable[str] | None = None,
    min_agreement: float | None = None,
    *,
    strict: bool | None = None,
    include_proposed: bool = False,
) -> Explanation:
    """Every vote on the pair (``role_a``, ``role_b``) with its source, quote, hedge, weight,
    copy group and voter, and the verdict it leads to, per size (all sizes by default).

    Roles are labels, aliases or IRIs. Verdicts are relative to ``role_a``: ``above`` means
    ``role_a`` is above ``role_b``.
    """
    corpus, left_out = unwrap(corpus, strict)
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
    groups = tuple(sorted(copies.groups, key=lambda g: g.id))
    return Explanation(a, b, tuple(out), groups, labels, min_agr, left_out)
