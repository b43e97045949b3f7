"""rolegraph: claims about job-role rank as RDF with provenance, linted and reconciled.

The public API (imported lazily so the CLI starts fast)::

    import rolegraph
    corpus = rolegraph.load_corpus()            # the bundled corpus, or a folder
    report = rolegraph.lint(corpus)             # findings
    data = rolegraph.export(corpus, "trig")     # RDF bytes
    result = rolegraph.consensus(corpus)        # ladders per company size (callable package)
    voc = rolegraph.corpus_vocabulary(folder)   # the role vocabulary a corpus uses
    rolegraph.explain_label(voc, "HoP")         # which role a label names, and why (file:line)
    html = rolegraph.report(corpus)             # the HTML report page (callable package)
    from rolegraph.consensus import explain, render

    # publishing: leave out claims with structure errors (and unreadable claims files), say which
    usable = rolegraph.load_usable_corpus("my-corpus", strict=False)
    usable.left_out                             # LeftOut records: file, line, source, claim, code, reason
    result = rolegraph.consensus(usable)        # result.left_out; also export(usable), stats(usable)

It imports nothing of the package at import time (the table above is resolved on first use); it must
not import the CLI.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Corpus",
    "InputError",
    "LeftOut",
    "Scope",
    "Source",
    "UsableCorpus",
    "__version__",
    "consensus",
    "corpus_vocabulary",
    "explain_label",
    "export",
    "init_corpus",
    "lint",
    "load_corpus",
    "load_usable_corpus",
    "report",
    "stats",
    "usable_corpus",
]

_LAZY = {
    "load_corpus": ("rolegraph.corpus", "load_corpus"),
    "export": ("rolegraph.exporter", "export"),
    "lint": ("rolegraph.linter", "lint"),
    "stats": ("rolegraph.corpus_stats", "stats"),
    "init_corpus": ("rolegraph.init", "init_corpus"),
    "corpus_vocabulary": ("rolegraph.corpus.vocab_explain", "corpus_vocabulary"),
    "explain_label": ("rolegraph.corpus.vocab_explain", "explain_label"),
    "Claim": ("rolegraph.model", "Claim"),
    "Corpus": ("rolegraph.model", "Corpus"),
    "Scope": ("rolegraph.model", "Scope"),
    "Source": ("rolegraph.model", "Source"),
    "InputError": ("rolegraph.errors", "InputError"),
    "LeftOut": ("rolegraph.leftout", "LeftOut"),
    "UsableCorpus": ("rolegraph.usable", "UsableCorpus"),
    "load_usable_corpus": ("rolegraph.usable", "load_usable_corpus"),
    "usable_corpus": ("rolegraph.usable", "usable_corpus"),
}


def __getattr__(name: str):
    if name in ("consensus", "report"):  # subpackages, callable as consensus(corpus) and report(corpus)
        from importlib import import_module

        return import_module(f"rolegraph.{name}")
    if name in _LAZY:
        from importlib import import_module

        mod, attr = _LAZY[name]
        value = getattr(import_module(mod), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'rolegraph' has no attribute {name!r}")
