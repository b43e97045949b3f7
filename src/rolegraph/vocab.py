"""The SKOS role vocabulary: canonical labels, aliases, families, and label lookup."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import InputError, Problem

RG = "https://w3id.org/rolegraph#"
ROLE_NS = "https://w3id.org/rolegraph/role/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL_IMPORTS = "http://www.w3.org/2002/07/owl#imports"
MAX_ROLES_BYTES = 16 * 1024 * 1024

_SPACE = re.compile(r"\s+")


def normalize_label(text: str) -> str:
    """The lookup key of a label: case-folded, whitespace collapsed, no trailing period."""
    return _SPACE.sub(" ", text).strip().rstrip(".").casefold()


@dataclass
class Role:
    iri: str
    label: str
    alt_labels: list[str] = field(default_factory=list)
    family: str | None = None  # IRI of a skos:Collection
    builtin: bool = True

    @property
    def short(self) -> str:
        """The IRI's last segment, used in stable ids and file names."""
        return self.iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


@dataclass
class Vocabulary:
    roles: dict[str, Role]
    index: dict[str, str]  # normalized label -> role IRI

    def resolve(self, text: str) -> str | None:
        return self.index.get(normalize_label(text))

    def label(self, iri: str) -> str:
        role = self.roles.get(iri)
        return role.label if role else iri

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Canonical labels closest to ``text`` (by any of their labels)."""
        key = normalize_label(text)
        hits = difflib.get_close_matches(key, list(self.index), n=n * 3, cutoff=0.6)
        out: list[str] = []
        for hit in hits:
            label = self.roles[self.index[hit]].label
            if label not in out:
                out.append(label)
        return out[:n]

    def signature(self) -> str:
        """A digest of the vocabulary, for cache keys."""
        import hashlib

        h = hashlib.sha256()
        for k in sorted(self.index):
            h.update(f"{k}\x00{self.index[k]}\n".encode())
        return h.hexdigest()


def _triples(data: bytes, where: str) -> list[tuple[str, str, object]]:
    import pyoxigraph as ox

    try:
        quads = list(ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=None))
    except SyntaxError as e:
        msg = str(e)
        m = re.search(r"line (\d+)|(\d+):(\d+)", msg)
        line = int(m.group(1) or m.group(2)) if m else 0
        # pyoxigraph counts lines from 1 in its "at line L column C" messages
        raise InputError(Problem(where, line, f"malformed Turtle: {msg}; fix the syntax")) from None
    out = []
    for q in quads:
        if not isinstance(q.graph_name, ox.DefaultGraph):
            raise InputError(Problem(where, 0, "named graphs are not allowed in a role file"))
        s, p, o = q.subject, q.predicate, q.object
        val: object = o.value if isinstance(o, ox.NamedNode) else o
        out.append((getattr(s, "value", str(s)), p.value, val))
    return out


def _line_of(text: str, needle: str) -> int:
    i = text.find(needle)
    return text.count("\n", 0, i) + 1 if i >= 0 else 0


def _add_roles(
    triples: list[tuple[str, str, object]],
    roles: dict[str, Role],
    index: dict[str, str],
    *,
    builtin: bool,
    where: str,
    text: str,
) -> None:
    import pyoxigraph as ox

    problems: list[Problem] = []
    concepts: set[str] = set()
    prefs: dict[str, list[str]] = {}
    alts: dict[str, list[str]] = {}
    families: dict[str, str] = {}
    for s, p, o in triples:
        if p == OWL_IMPORTS:
            problems.append(
                Problem(where, _line_of(text, "imports"), "owl:imports is not followed (rolegraph never fetches); copy the roles into this file")
            )
        elif p == RDF_TYPE and o in (RG + "Role", SKOS + "Concept"):
            concepts.add(s)
        elif p == SKOS + "prefLabel" and isinstance(o, ox.Literal):
            prefs.setdefault(s, []).append(o.value)
        elif p == SKOS + "altLabel" and isinstance(o, ox.Literal):
            alts.setdefault(s, []).append(o.value)
        elif p == RG + "family" and isinstance(o, str):
            families[s] = o
    for iri in sorted(concepts | set(alts)):
        existing = roles.get(iri)
        if iri not in concepts and existing is None:
            continue
        labels = sorted(prefs.get(iri, []))
        if existing is not None:
            if labels and labels != [existing.label]:
                problems.append(
                    Problem(where, _line_of(text, labels[0]), f"cannot rename built-in role {existing.label!r}; add an skos:altLabel instead")
                )
                continue
            role = existing
        else:
            if len(labels) != 1:
                what = "no skos:prefLabel" if not labels else "more than one skos:prefLabel"
                problems.append(Problem(where, _line_of(text, iri.rsplit("/", 1)[-1]), f"role <{iri}> has {what}; give it exactly one"))
                continue
            role = Role(iri, labels[0], family=families.get(iri, RG + "productRoles"), builtin=builtin)
            roles[iri] = role
        new_labels = ([role.label] if existing is None else []) + sorted(alts.get(iri, []))
        for label in new_labels:
            key = normalize_label(label)
            if not key:
                continue
            other = index.get(key)
            if other is not None and other != iri:
                problems.append(
                    Problem(where, _line_of(text, label), f"label {label!r} already names {roles[other].label!r}; a label may name one role only")
                )
                continue
            index[key] = iri
            if label != role.label and label not in role.alt_labels:
                role.alt_labels.append(label)
    if problems:
        raise InputError(problems)


_BUILTIN: Vocabulary | None = None


def builtin_vocabulary() -> Vocabulary:
    """The roles shipped with rolegraph (``data/roles.ttl``)."""
    global _BUILTIN
    if _BUILTIN is None:
        data = resources.files("rolegraph").joinpath("data/roles.ttl").read_bytes()
        roles: dict[str, Role] = {}
        index: dict[str, str] = {}
        _add_roles(_triples(data, "roles.ttl"), roles, index, builtin=True, where="roles.ttl", text=data.decode())
        _BUILTIN = Vocabulary(roles, index)
    return _BUILTIN


def load_vocabulary(roles_file: Path | None, where: str = "roles.ttl") -> Vocabulary:
    """The built-in roles plus those of a corpus ``roles.ttl`` (which may only add)."""
    base = builtin_vocabulary()
    if roles_file is None:
        return base
    roles = {iri: Role(r.iri, r.label, list(r.alt_labels), r.family, r.builtin) for iri, r in base.roles.items()}
    index = dict(base.index)
    size = roles_file.stat().st_size
    if size > MAX_ROLES_BYTES:
        raise InputError(Problem(where, 0, f"file is {size} bytes, over the {MAX_ROLES_BYTES} byte limit"))
    data = roles_file.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(Problem(where, line, "not UTF-8 text; save the file as UTF-8")) from None
    _add_roles(_triples(data, where), roles, index, builtin=False, where=where, text=text)
    return Vocabulary(roles, index)
