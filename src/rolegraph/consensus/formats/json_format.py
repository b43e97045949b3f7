"""The json format of consensus: records one per line (:func:`dumps_records`), for results and ``--explain``.

It imports only ``results`` (the plain-data shape) and ``formats.common``; it must not import the core.
"""

from __future__ import annotations

import json

from ..results import (
    DIRECTIONS,
    ConsensusResult,
    Explanation,
    _num,
    result_dict,
)


def dumps_records(value: object, indent: str = "") -> str:
    """JSON laid out like ``indent=2`` down to records, with each record (a dict in a list:
    a pair, a copy group, a vote) on one line, so a diff shows one changed record per line.
    The records go through the C encoder, which ``indent=`` would turn off (at 100k claims
    this is 0.4 s instead of 4 s)."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{_compact(k)}: {dumps_records(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return "[\n" + ",\n".join(inner + _compact(v) for v in value) + "\n" + indent + "]"
    return _compact(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))  # built once: json.dumps
_compact = _ENCODER.encode  # with options builds a new encoder on every call


def explanation_dict(e: Explanation) -> dict:
    label = e.label
    return {
        "roles": [label(e.role_a), label(e.role_b)],
        "min_agreement": e.min_agreement,
        "sizes": {
            s.size: {
                "verdict": s.verdict,
                "agreement": _num(s.agreement),
                "independent_sources": s.independent_sources,
                "tally": {k: _num(s.tally[k]) for k in DIRECTIONS},
                "voters": {k: s.voters[k] for k in DIRECTIONS},
                "votes": [
                    {
                        "claim": v.ref,
                        "source": v.source,
                        "file": v.file,
                        "line": v.line,
                        "vote": v.direction,
                        "hedge": v.hedge,
                        "weight": v.weight,
                        "scope": v.scope,
                        "copy_group": v.copy_group,
                        "voter": v.voter,
                        "counted": v.counted,
                        "quote": v.quote,
                    }
                    for v in s.votes
                ],
            }
            for s in e.sizes
        },
        "copy_groups": [
            {"id": g.id, "quote": g.quote, "claims": list(g.claims), "sources": list(g.sources)} for g in e.copy_groups
        ],
        "left_out": [x.to_dict() for x in e.left_out],  # last: claims of the corpus the votes do not include
    }


def render_json(result: ConsensusResult) -> str:
    """The JSON document of a consensus result, one record per line."""
    from ...gc_pause import paused_gc

    with paused_gc():
        data = result_dict(result)
    return dumps_records(data) + "\n"


def render_explain_json(e: Explanation) -> str:
    """The JSON document of an explanation, one record per line."""
    return dumps_records(explanation_dict(e)) + "\n"
