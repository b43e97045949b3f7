"""Proposing claims from snapshots (``rolegraph extract``): role mentions through the
vocabulary, relation cues, negation and contrast, scope, hedge and condition cues, ordered
sequences and career-ladder lists, and a writer that appends proposals to a claims file marked
``proposed: true`` without touching what a person wrote.

The package imports the model, the corpus package (files, claims parser) and the atomic writer; it
must not import the CLI, the linter, the compiler or consensus.
"""

from __future__ import annotations

from .api import ExtractResult, SourceProposals, extract, write_proposals
from .engine import Extractor
from .proposal import Proposal

__all__ = ["ExtractResult", "Extractor", "Proposal", "SourceProposals", "extract", "write_proposals"]
