"""rolegraph: claims about job-role rank as RDF with provenance, linted and reconciled.

The public API (imported lazily so the CLI starts fast)::

    import rolegraph
    corpus = rolegraph.load_corpus()            # the bundled corpus, or a folder
    report = rolegraph.lint(corpus)             # findings
    data = rolegraph.export(corpus, "trig")     # RDF bytes
    result = rolegraph.consensus(corpus)        # ladders per company size (callable package)
    from rolegraph.consensus import explain, render
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Corpus",
    "InputError",
    "Scope",
    "Source",
    "__version__",
    "consensus",
    "export",
    "init_corpus",
    "lint",
    "load_corpus",
    "stats",
]

_LAZY = {
    "load_corpus": ("rolegraph.corpus", "load_corpus"),
    "export": ("rolegraph.exporter", "export"),
    "lint": ("rolegraph.linter", "lint"),
    "stats": ("rolegraph.corpus_stats", "stats"),
    "init_corpus": ("rolegraph.init", "init_corpus"),
    "Claim": ("rolegraph.model", "Claim"),
    "Corpus": ("rolegraph.model", "Corpus"),
    "Scope": ("rolegraph.model", "Scope"),
    "Source": ("rolegraph.model", "Source"),
    "InputError": ("rolegraph.errors", "InputError"),
}


def __getattr__(name: str):
    if name == "consensus":  # the subpackage, callable as consensus(corpus)
        from importlib import import_module

        return import_module("rolegraph.consensus")
    if name in _LAZY:
        from importlib import import_module

        mod, attr = _LAZY[name]
        value = getattr(import_module(mod), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rolegraph' has no attribute {name!r}")
