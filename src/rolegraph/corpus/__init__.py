"""Loading a corpus folder into the typed claim model (:func:`load_corpus`), in one-way layers.

Modules, bottom to top (each imports only modules above it in this list, never below):
``files`` (containment, limits, budgets, decoding, reading claims files), ``claims`` (the claims-file
parser), ``snapshots`` (snapshot read, sha256, quote search), ``turtle_lines`` (statement lines of a
Turtle text), ``vocab_model`` (roles, labels, provenance), ``vocab_build`` (built-in layers and a
corpus's overrides combined), ``vocab`` (the SKOS role vocabulary: reading the files),
``settings`` (``rolegraph.toml``), ``vocab_explain`` (a corpus's vocabulary; where a label comes from),
``pool`` (parsing in worker processes), ``cache`` (the parse cache),
``load`` (the orchestrator holding :func:`load_corpus`). This package must not import the compiler,
rules, linter, formatters, consensus or CLI.
"""

from __future__ import annotations

from .files import bundled_corpus_path
from .load import load_corpus

__all__ = ["bundled_corpus_path", "load_corpus"]
