"""The consensus ladder per company size: what the sources say, how strongly, who dissents.

::

    from rolegraph.consensus import consensus, explain, render
    result = consensus(corpus)                      # ConsensusResult, all five sizes
    print(render(result, corpus, "text"))
    why = explain(corpus, "Head of Product", "VP of Product", size="large")

How the numbers are made (details in :mod:`rolegraph.consensus.core`):

- a rank claim (above, below, oversees, reports_to) votes "higher above lower" on its role
  pair, a ``same`` claim votes "same", at every size its scope covers, with its hedge weight
  (``[consensus.weights]``); ``not_above``, ``may_be``, ``overlaps`` and ``top`` do not vote
  on pairs (``top`` claims are listed per size);
- claims on one pair whose quotes are the same text, or at least ``similarity`` similar
  (rapidfuzz ``fuzz.ratio``), form a copy group; a copy group, and the claims of one source
  voting one way, are one voter, casting each direction once with its highest weight;
- the winning direction's share of the weight is the agreement; below ``min_agreement`` or
  on a tie the pair is contested;
- ladders are layered by accepted ``above`` verdicts, ``same`` verdicts share a tier, cycles
  are reported and not ordered, roles without an accepted verdict are ``unplaced``.

The package module is callable, so ``rolegraph.consensus(corpus)`` works whether or not a
submodule was imported first. Layout: ``results`` (types and JSON shape) <- ``copies``, ``ladder`` <-
``core`` (votes, copy groups, verdicts, ladders) <- ``explain``; output: ``formats/`` (one module per
format) <- ``render`` (dispatch). The core imports no renderer; this package reads the claim model and
must not import the loader internals, the compiler, rules or the CLI.
"""

from __future__ import annotations

import sys
import types

from .core import consensus
from .explain import explain
from .render import EXPLAIN_FORMATS, FORMATS, render, render_explain
from .results import (
    ConsensusResult,
    CopyGroup,
    Explanation,
    PairVerdict,
    SizeExplanation,
    SizeResult,
    VoteRow,
)

__all__ = [
    "EXPLAIN_FORMATS",
    "FORMATS",
    "ConsensusResult",
    "CopyGroup",
    "Explanation",
    "PairVerdict",
    "SizeExplanation",
    "SizeResult",
    "VoteRow",
    "consensus",
    "explain",
    "render",
    "render_explain",
]


class _CallableModule(types.ModuleType):
    """Lets ``rolegraph.consensus(corpus)`` call :func:`consensus` even after the import
    system has bound the package (not the function) to ``rolegraph.consensus``."""

    def __call__(self, *args, **kwargs) -> ConsensusResult:
        return consensus(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
