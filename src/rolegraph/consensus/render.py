"""Rendering consensus results and explanations by format name: the dispatch over ``consensus/formats``.

Holds :data:`FORMATS`, :data:`EXPLAIN_FORMATS`, :func:`render` and :func:`render_explain`; each format
lives in its own module (text, markdown, json, csv, dot/svg). Every renderer is deterministic: the
same result gives byte-identical output. It imports the format modules and ``results``; it must not
import the core (which must not import it either). Text, Markdown and CSV pass through :func:`visible`, so a
quote or label cannot write terminal escapes into a terminal or CI log.
"""

from __future__ import annotations

from ..errors import UsageError
from ..formatters.common import printable
from .formats.csv_format import render_csv, render_explain_csv
from .formats.dot import render_dot, render_svg
from .formats.json_format import dumps_records, render_explain_json, render_json
from .formats.markdown import render_explain_markdown, render_markdown
from .formats.text import render_explain_text, render_text
from .results import ConsensusResult, Explanation

FORMATS: tuple[str, ...] = ("text", "markdown", "json", "csv", "dot", "svg")
EXPLAIN_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "csv")

__all__ = ["EXPLAIN_FORMATS", "FORMATS", "dumps_records", "render", "render_explain"]


def visible(text: str) -> str:
    """``text`` with control and other non-printable characters escaped (``\x1b``), line breaks kept."""
    if text.isprintable():
        return text
    return "\r\n".join("\n".join(printable(x) for x in part.split("\n")) for part in text.split("\r\n"))


def render(result: ConsensusResult, corpus: object | None = None, fmt: str = "text") -> str | bytes:
    """Render a consensus result as ``text``, ``markdown``, ``json``, ``csv``, ``dot`` or ``svg``
    (bytes for svg). ``corpus`` is accepted for symmetry with the other renderers; the result
    carries the role labels it needs."""
    if fmt == "text":
        return visible(render_text(result))
    if fmt == "markdown":
        return visible(render_markdown(result))
    if fmt == "json":
        return render_json(result)
    if fmt == "csv":
        return visible(render_csv(result))
    if fmt == "dot":
        return render_dot(result)
    if fmt == "svg":
        return render_svg(result)
    raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def render_explain(e: Explanation, fmt: str = "text") -> str:
    """Render an explanation as ``text``, ``markdown``, ``json`` or ``csv``."""
    if fmt == "text":
        return visible(render_explain_text(e))
    if fmt == "markdown":
        return visible(render_explain_markdown(e))
    if fmt == "json":
        return render_explain_json(e)
    if fmt == "csv":
        return visible(render_explain_csv(e))
    raise UsageError(f"--explain writes {', '.join(EXPLAIN_FORMATS)}; not {fmt}")
