"""Query results as text: a table for people, the W3C SPARQL 1.1 result formats, Turtle/N-Quads.

SELECT and ASK results are pyoxigraph ``QuerySolutions``/``QueryBoolean`` (remote answers are
parsed into the same objects, so both print alike); CONSTRUCT and DESCRIBE results are
triples. It must not import the CLI or run queries.
"""

from __future__ import annotations

from ..compiler import PREFIXES
from ..errors import UsageError

SOLUTION_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("turtle", "nquads")
FORMATS = SOLUTION_FORMATS + GRAPH_FORMATS
CELL = 80  # widest table cell; csv, tsv, json and xml keep every character


def kind(result) -> str:
    """``select``, ``ask`` or ``graph`` for a pyoxigraph query result."""
    import pyoxigraph as ox

    if isinstance(result, ox.QuerySolutions):
        return "select"
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "graph"


def render(result, fmt: str | None) -> bytes:
    """The result in ``fmt`` (None: table for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE)."""
    import pyoxigraph as ox

    k = kind(result)
    fmt = fmt or ("turtle" if k == "graph" else "table")
    if k == "graph":
        if fmt not in GRAPH_FORMATS:
            raise UsageError(f"a CONSTRUCT or DESCRIBE query writes {' or '.join(GRAPH_FORMATS)}, not {fmt}")
        triples = sorted(result, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        if fmt == "nquads":
            return "".join(f"{t} .\n" for t in triples).encode("utf-8")
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    if fmt not in SOLUTION_FORMATS:
        raise UsageError(f"a SELECT or ASK query writes {', '.join(SOLUTION_FORMATS)}, not {fmt}")
    if fmt == "table":
        if k == "ask":
            return b"true\n" if bool(result) else b"false\n"
        return _table(result).encode("utf-8")
    f = {
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
    }[fmt]
    return result.serialize(format=f)


def show(term) -> str:
    """A term as a table cell: prefixed IRIs, literal values, blank nodes as ``_:id``."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, ns in PREFIXES.items():
            if iri.startswith(ns) and all(ch.isalnum() or ch in "-_." for ch in iri[len(ns) :]):
                return f"{prefix}:{iri[len(ns) :]}"
        return f"<{iri}>"
    if isinstance(term, ox.Literal):
        text = " ".join(term.value.split())
        return text if len(text) <= CELL else text[: CELL - 1] + "…"
    return str(term)


def _table(solutions) -> str:
    names = [v.value for v in solutions.variables]
    rows = [[show(row[n]) for n in names] for row in solutions]
    if not names:
        return f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
