"""One proposed claim (:class:`Proposal`): roles as IRIs, relation, the quote's span in the
snapshot, scope, hedge, condition and the cue that produced it. It must not import anything of
rolegraph but the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import ANY, Scope


@dataclass(frozen=True, slots=True)
class Proposal:
    subject: str
    relation: str
    object: str | None
    start: int  # quote span in the snapshot
    end: int
    scope: Scope = ANY
    hedge: str = "definite"
    condition: str | None = None
    cue: str = ""
