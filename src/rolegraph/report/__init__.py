"""The HTML report: one self-contained page with the ladders, every disagreement and every source.

::

    import rolegraph
    html = rolegraph.report(rolegraph.load_corpus(), title="Product ladder")   # a str
    from rolegraph.report import build_view, render_html                     # the two steps

:mod:`.view` gathers lint findings, the consensus result and the sources into a plain view
model (dataclasses of strings and numbers, nothing to escape yet); :mod:`.ladders` draws each
size's ladder as sanitised inline SVG (Graphviz ``dot``) or, without Graphviz, says so and lets
the template draw tables; :mod:`.context` cuts each quote's sentence out of its snapshot;
:mod:`.html` renders the view with Jinja2 (autoescaping on) and the Content-Security-Policy
hashes of the page's own style and script. Everything from a corpus is untrusted text.

This package reads the claim model, the linter and the consensus package; it must not import
the CLI, the compiler or any RDF library. The package module is callable, as
``rolegraph.consensus`` is, so ``rolegraph.report(corpus)`` works after any submodule import.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence

from .html import render_html
from .view import LeftOut, ReportView, build_view

__all__ = ["LeftOut", "ReportView", "build_view", "render_html", "report"]


def report(
    corpus,
    *,
    title: str | None = None,
    corpus_label: str | None = None,
    left_out: Sequence[object] | None = None,
    graphviz: bool = True,
    strict: bool | None = None,
) -> str:
    """The HTML page for a loaded corpus, as text (byte-identical for the same corpus).

    ``corpus`` is a :class:`~rolegraph.model.Corpus` or a :class:`~rolegraph.usable.UsableCorpus`
    (what ``load_usable_corpus`` gives); either way the page rests on the claims without structure
    errors and its summary lists the left-out ones (``strict``: refuse instead).

    ``title`` heads the page (default: "Role ladders and disagreements"); ``corpus_label`` names the corpus
    as the reader should see it (default: "bundled corpus" or the folder's name, never an
    absolute path); ``left_out`` lists claims the caller left out of the corpus (objects or
    dicts with file, line, claim, code, reason), shown in the summary; ``graphviz=False``
    draws the ladders as tables even when Graphviz is installed.
    """
    from ..usable import unwrap

    corpus, dropped = unwrap(corpus, strict)
    if left_out is None and dropped:
        left_out = dropped
    view = build_view(corpus, title=title, corpus_label=corpus_label, left_out=left_out, graphviz=graphviz)
    return render_html(view)


class _CallableModule(types.ModuleType):
    """Lets ``rolegraph.report(corpus)`` call :func:`report` even after the import system has
    bound the package (not the function) to ``rolegraph.report``."""

    def __call__(self, *args, **kwargs) -> str:
        return report(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
