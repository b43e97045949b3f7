"""Query parameters bound as RDF terms, never pasted into query text.

A ``role`` parameter takes any label, alias or IRI of the store's vocabulary (an unknown role is
a one-line error naming the closest labels); a ``size`` must be one of the five size terms; a
``source`` must be the id of a source in the store; ``text`` is a plain literal. Locally and for a
remote endpoint :func:`with_values` adds a ``VALUES`` block of terms serialised by pyoxigraph at the
start of the query's top-level ``WHERE`` group (pyoxigraph's ``substitutions`` give the same
answers but evaluate far slower; see :func:`rolegraph.sparql.local_query`). It must not import the CLI.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..compiler import RG
from ..errors import UsageError
from ..model import SIZES
from .named import NamedQuery

SKOS = "http://www.w3.org/2004/02/skos/core#"
ROLE_LABELS = f"""SELECT ?role ?label ?kind WHERE {{
  ?role a <{RG}Role> .
  {{ ?role <{SKOS}prefLabel> ?label BIND ("pref" AS ?kind) }}
  UNION {{ ?role <{SKOS}altLabel> ?label BIND ("alt" AS ?kind) }}
}}"""
SOURCE_IDS = f"SELECT ?id WHERE {{ ?s a <{RG}Source> ; <http://purl.org/dc/terms/identifier> ?id }}"
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)

Select = Callable[[str], list[dict]]  # runs a SELECT on the store, rows of variable -> term


def parse_params(items: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["role=Head of Product", "size=large"]`` -> a dict; UsageError on a malformed item."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", key):
            shown = item if len(item) <= 60 else item[:57] + "..."
            raise UsageError(f"--param {shown!r}: write KEY=VALUE, KEY a parameter name")
        if key in out:
            raise UsageError(f"--param {key} is given twice")
        out[key] = value
    return out


def vocabulary_from_store(select: Select):
    """A :class:`rolegraph.vocab.Vocabulary` of the roles the store describes."""
    from ..corpus.vocab import Role, Vocabulary, normalize_label

    roles: dict[str, Role] = {}
    rows = sorted(
        ((str(r["kind"].value), r["role"].value, r["label"].value) for r in select(ROLE_LABELS)), reverse=True
    )
    for kind, iri, label in rows:  # "pref" rows first
        role = roles.setdefault(iri, Role(iri=iri, label=label))
        if kind == "alt":
            role.alt_labels.append(label)
    index: dict[str, str] = {}
    for role in roles.values():
        for label in role.alt_labels:
            index.setdefault(normalize_label(label), role.iri)
    for role in roles.values():  # a canonical label wins over another role's alias
        index[normalize_label(role.label)] = role.iri
    return Vocabulary(roles, index)


def bind(query: NamedQuery, given: dict[str, str], select: Select) -> dict:
    """The pyoxigraph terms of a named query's parameters: given values, else defaults.

    Raises UsageError for an unknown parameter, a missing required one, an unknown role, size
    or source."""
    import pyoxigraph as ox

    for key in given:
        if query.param(key) is None:
            names = ", ".join(p.name for p in query.params) or "none"
            raise UsageError(f"query {query.name} has no parameter {key!r} (its parameters: {names})")
    out: dict = {}
    vocabulary = sources = None
    for p in query.params:
        raw = given.get(p.name, p.default)
        if raw is None:
            raise UsageError(f"query {query.name} needs --param {p.name}=VALUE ({p.doc})")
        if raw == "*" and p.default == "*":  # an optional parameter left open
            continue
        if p.type == "role":
            if vocabulary is None:
                vocabulary = vocabulary_from_store(select)
            out[p.name] = ox.NamedNode(_role(vocabulary, p.name, raw))
        elif p.type == "size":
            size = raw.strip().lower()
            if size not in SIZES:
                raise UsageError(
                    f"--param {p.name}: {_short(raw)!r} is not a company size; use one of {', '.join(SIZES)}"
                )
            out[p.name] = ox.NamedNode(f"{RG}{size}")
        elif p.type == "source":
            if sources is None:
                sources = {r["id"].value for r in select(SOURCE_IDS)}
            if raw not in sources:
                from ..corpus.claims import did_you_mean

                hint = did_you_mean(raw, tuple(sorted(sources)))
                raise UsageError(f"--param {p.name}: no source {_short(raw)!r} in the store{hint}")
            out[p.name] = ox.Literal(raw)
        else:
            out[p.name] = ox.Literal(raw)
    return out


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _role(vocabulary, name: str, text: str) -> str:
    if text in vocabulary.roles:
        return text
    iri = vocabulary.resolve(text)
    if iri is None:
        hints = vocabulary.suggest(text)
        hint = f"; did you mean {', '.join(repr(h) for h in hints)}?" if hints else ""
        raise UsageError(f"--param {name}: unknown role {_short(text)!r}{hint} (see: rolegraph roles)")
    return iri


def with_values(text: str, bindings: dict) -> str:
    """The query with a ``VALUES`` block binding the terms, at the start of its ``WHERE`` group.

    Terms are serialised by pyoxigraph (IRIs are validated, literals escaped), so a value can
    never end the block or add a clause."""
    if not bindings:
        return text
    m = next((m for m in _WHERE.finditer(text) if not _in_comment(text, m.start())), None)
    if m is None:
        raise UsageError("a query with parameters needs a WHERE { ... } group to bind them in")
    names = sorted(bindings)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(str(bindings[n]) for n in names)}) }}"
    return text[: m.end()] + block + text[m.end() :]


def _in_comment(text: str, pos: int) -> bool:
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return "#" in line
