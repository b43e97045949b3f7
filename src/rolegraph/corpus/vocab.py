"""The role vocabulary: the built-in files, the optional ladders and a corpus's roles.ttl, read and combined.

What a vocabulary is (roles, labels, lookup) lives in ``vocab_model`` and is re-exported here;
how layers of Turtle combine and which overrides a corpus may make lives in ``vocab_build``.
This module reads the files: package data for the built-in vocabulary (``data/roles.ttl``) and
the ladders a corpus switches on (``data/vocab/<name>.ttl``), and a corpus's untrusted
roles.ttl, parsed offline. Part of ``rolegraph.corpus``: it imports only ``errors``,
:mod:`rolegraph.corpus.files`, ``vocab_model`` and ``vocab_build``; it must not import the parser,
snapshots, settings, pool, cache or ``load``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from ..errors import InputError, Problem
from .files import decode, read_input
from .vocab_build import Builder, Layer, group
from .vocab_model import MAX_LABEL_CHARS, RG, ROLE_NS, SKOS, SUGGEST_WORK, Doc, Role, Vocabulary, normalize_label

__all__ = [
    "LADDERS",
    "MAX_LABEL_CHARS",
    "RG",
    "ROLE_NS",
    "SKOS",
    "SUGGEST_WORK",
    "Role",
    "Vocabulary",
    "builtin_vocabulary",
    "load_vocabulary",
    "normalize_label",
]

MAX_ROLES_BYTES = 16 * 1024 * 1024
MAX_TRIPLES = 200_000  # in a corpus roles.ttl
MAX_ROLES = 10_000  # roles a corpus roles.ttl may add
LADDERS: tuple[str, ...] = ("design", "engineering")  # optional built-in ladders: data/vocab/<name>.ttl


def _triples(data: bytes, where: str) -> list[tuple[str, str, object]]:
    """(subject, predicate IRI, object) of a Turtle file, parsed offline (no IRI is ever fetched).

    Subjects are IRIs, or ``_:id`` for blank nodes; objects are IRIs (str) or pyoxigraph terms.
    """
    import pyoxigraph as ox

    out = []
    try:
        for q in ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=None):
            if len(out) >= MAX_TRIPLES:
                raise InputError(Problem(where, 0, f"more than {MAX_TRIPLES} triples (the limit of a role file)"))
            if not isinstance(q.graph_name, ox.DefaultGraph):
                raise InputError(Problem(where, 0, "named graphs are not allowed in a role file"))
            s, p, o = q.subject, q.predicate, q.object
            subject = s.value if isinstance(s, ox.NamedNode) else f"_:{getattr(s, 'value', s)}"
            out.append((subject, p.value, o.value if isinstance(o, ox.NamedNode) else o))
    except SyntaxError as e:
        msg = " ".join(str(e).split())
        line = e.lineno if isinstance(e.lineno, int) else 0
        if not line:
            m = re.search(r"line (\d+)", msg)
            line = int(m.group(1)) if m else 0
        hint = " (relative IRIs need an @base; or write absolute IRIs)" if "absolute IRI" in msg else ""
        raise InputError(Problem(where, line, f"malformed Turtle: {msg}{hint}; fix the syntax")) from None
    return out


_LAYERS: dict[str, Layer] = {}
_BUILTIN: Vocabulary | None = None


def _builtin_layer(path: str) -> Layer:
    """A package data file's statements (parsed once per process)."""
    if path not in _LAYERS:
        data = resources.files("rolegraph").joinpath(f"data/{path}").read_bytes()
        _LAYERS[path] = group(Doc(path, True, data.decode()), _triples(data, path))
    return _LAYERS[path]


def builtin_vocabulary() -> Vocabulary:
    """The roles shipped with rolegraph (``data/roles.ttl``)."""
    global _BUILTIN
    if _BUILTIN is None:
        _BUILTIN = load_vocabulary(None, _cached=False)
    return _BUILTIN


def load_vocabulary(
    roles_file: Path | None,
    where: str = "roles.ttl",
    *,
    builtin: bool = True,
    include: Sequence[str] = (),
    _cached: bool = True,
) -> Vocabulary:
    """The built-in roles (unless ``builtin`` is false), the ladders named in ``include``
    (see :data:`LADDERS`), then a corpus ``roles.ttl`` with its overrides applied.

    The file is untrusted: it must be a regular file in its corpus folder, at most
    :data:`MAX_ROLES_BYTES`, and is parsed offline. Raises :class:`InputError` with the
    file:line of every override that cannot apply.
    """
    unknown = [name for name in include if name not in LADDERS]
    if unknown:
        raise ValueError(f"unknown ladder {unknown[0]!r}; known: {', '.join(LADDERS)}")
    if roles_file is None and builtin and not include and _cached:
        return builtin_vocabulary().copy()
    b = Builder(builtin_on=builtin, max_roles=MAX_ROLES)
    if builtin:
        b.apply(_builtin_layer("roles.ttl"))
    for name in dict.fromkeys(include):
        b.apply(_builtin_layer(f"vocab/{name}.ttl"))
    if roles_file is not None:
        data = read_input(roles_file, MAX_ROLES_BYTES, where, root=roles_file.parent)
        text = decode(data, where)  # UTF-8, a BOM dropped
        b.apply(group(Doc(where, False, text), _triples(text.encode("utf-8"), where)))
    return b.finish()
