"""The catalogue of named queries: the ``.rq`` files shipped in ``rolegraph/queries/``.

Each file starts with a comment header: the first line says what the query answers, further
lines explain it, ``# @param NAME TYPE [= DEFAULT] : what it is`` declares a parameter (TYPE is
``role``, ``size``, ``source`` or ``text``; a default of ``*`` leaves the variable unbound, so
it matches anything) and ``# @example`` lines show a command. A parameter ``NAME`` is the
query variable ``?NAME``. Pure text handling; must not import the CLI or a store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources

from ..errors import UsageError

PARAM_TYPES = ("role", "size", "source", "text")
_PARAM = re.compile(r"@param\s+([A-Za-z_]\w*)\s+(\w+)\s*(?:=\s*(.*?))?\s*:\s*(.*)$")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None  # None: required; "*": unbound unless given
    doc: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    summary: str
    header: str  # the whole comment header, without the "# " marks
    params: tuple[Param, ...] = field(default_factory=tuple)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse(name: str, text: str) -> NamedQuery:
    """A named query from its file text; ValueError when the header is malformed."""
    header: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line[1:].strip())
    if not header or not header[0]:
        raise ValueError(f"query {name}: the first line must be a comment saying what it answers")
    params = []
    for line in header:
        if line.startswith("@param"):
            m = _PARAM.match(line)
            if not m or m.group(2) not in PARAM_TYPES:
                raise ValueError(f"query {name}: bad parameter line {line!r}")
            params.append(Param(m.group(1), m.group(2), m.group(3) or None, m.group(4)))
    return NamedQuery(name, text, header[0], "\n".join(header) + "\n", tuple(params))


def catalogue() -> dict[str, NamedQuery]:
    """Every shipped named query, by name (file name without ``.rq``)."""
    folder = resources.files("rolegraph").joinpath("queries")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            out[name] = parse(name, entry.read_text("utf-8"))
    return out


def named_query(name: str) -> NamedQuery:
    """One named query; UsageError listing the names when there is none by that name."""
    queries = catalogue()
    if name not in queries:
        from ..corpus.claims import did_you_mean

        hint = did_you_mean(name, tuple(queries))
        raise UsageError(f"no named query {name!r}{hint}; list them with: rolegraph query --list")
    return queries[name]


def listing() -> str:
    """The ``query --list`` text: name, parameters and the first header line of each query."""
    rows = []
    for q in catalogue().values():
        params = " ".join(f"{p.name}:{p.type}" if p.default is None else f"[{p.name}:{p.type}]" for p in q.params)
        rows.append((q.name, params or "-", q.summary))
    w1 = max(len(r[0]) for r in rows)
    w2 = max(len(r[1]) for r in rows)
    return "".join(f"{a:<{w1}}  {b:<{w2}}  {c}\n" for a, b, c in rows)
