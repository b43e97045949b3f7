"""The SKOS role vocabulary: canonical labels, aliases, families, and label lookup.

Holds the built-in roles and the reading of a corpus ``roles.ttl`` (untrusted: contained, size- and
triple-limited, parsed offline by pyoxigraph, imported lazily). Part of ``rolegraph.corpus``: it imports
only ``errors``, ``yamlsafe`` and :mod:`rolegraph.corpus.files`; it must not import the parser, snapshots,
settings, pool, cache or ``load``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import InputError, Problem
from ..yamlsafe import short
from .files import decode, read_input

RG = "https://w3id.org/rolegraph#"
ROLE_NS = "https://w3id.org/rolegraph/role/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL_IMPORTS = "http://www.w3.org/2002/07/owl#imports"
MAX_ROLES_BYTES = 16 * 1024 * 1024
MAX_TRIPLES = 200_000  # in a corpus roles.ttl
MAX_ROLES = 10_000  # roles a corpus roles.ttl may add
MAX_PROBLEMS = 100  # reported per role file; the rest are dropped
MAX_LABEL_CHARS = 200  # a role label is a job title
SUGGEST_WORK = 50_000_000  # label comparisons spent on "did you mean" hints per vocabulary

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
    # suggestions are hints: each vocabulary spends at most SUGGEST_WORK label comparisons on
    # them (and remembers answers), so many unknown names against a big roles.ttl stay fast
    _suggested: dict[tuple[str, int], list[str]] = field(default_factory=dict, repr=False, compare=False)
    _work: int = field(default=0, repr=False, compare=False)
    _choices: list[str] | None = field(default=None, repr=False, compare=False)

    def resolve(self, text: str) -> str | None:
        return self.index.get(normalize_label(text))

    def label(self, iri: str) -> str:
        role = self.roles.get(iri)
        return role.label if role else iri

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Canonical labels closest to ``text`` (by any of their labels); [] once the
        vocabulary's budget of :data:`SUGGEST_WORK` comparisons is spent."""
        key = normalize_label(text)
        if (key, n) in self._suggested:
            return list(self._suggested[key, n])
        if len(key) > MAX_LABEL_CHARS or self._work + len(self.index) > SUGGEST_WORK:
            return []
        self._work += len(self.index)
        from rapidfuzz import fuzz, process

        if self._choices is None:
            self._choices = sorted(self.index)
        # fuzz.ratio is difflib's 2*matches/total on the exact LCS, in C++; ties by label
        scored = process.extract(key, self._choices, scorer=fuzz.ratio, score_cutoff=60, limit=None)
        hits = [hit for hit, _, _ in sorted(scored, key=lambda h: (-h[1], h[0]))]
        out: list[str] = []
        for hit in hits:
            label = self.roles[self.index[hit]].label
            if label not in out:
                out.append(label)
        if len(self._suggested) < 10_000:
            self._suggested[key, n] = out[:n]
        return out[:n]

    def copy(self) -> Vocabulary:
        """The same roles and labels with a fresh suggestion budget (the dicts are shared)."""
        return Vocabulary(self.roles, self.index)

    def signature(self) -> str:
        """A digest of the vocabulary, for cache keys."""
        import hashlib

        h = hashlib.sha256()
        for k in sorted(self.index):
            h.update(f"{k}\x00{self.index[k]}\n".encode())
        return h.hexdigest()


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


def _line_of(text: str, needle: str) -> int:
    """The line where ``needle`` is first written (as a quoted literal if it is), else 0."""
    i = text.find(f'"{needle}"') if needle else -1
    if i < 0:
        i = text.find(needle) if needle else -1
    return text.count("\n", 0, i) + 1 if i >= 0 else 0


_LINE_START = re.compile(r"^[ \t]*(<[^>\s]*>|[A-Za-z0-9_.-]*:[^\s;,<>\"]*)", re.M)


def _subject_lines(text: str) -> dict[str, int]:
    """The first line of every IRI (``<...>``) or prefixed name written at the start of a line,
    by the IRI, and by the local part of a prefixed name (one pass over the text)."""
    out: dict[str, int] = {}
    line, last = 1, 0
    for m in _LINE_START.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        token = m.group(1).rstrip(".")
        key = token[1:-1] if token.startswith("<") else "local:" + token.split(":", 1)[1]
        out.setdefault(key, line)
    return out


def _line_of_subject(text: str, iri: str, labels: list[str], lines: dict[str, int]) -> int:
    """The line where a role is described: its IRI (``<...>`` or ``prefix:name``) at the start
    of a line, else the line of one of its labels (blank nodes have no name)."""
    if not iri.startswith("_:"):
        local = iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        for key in (iri, "local:" + local):
            if key in lines:
                return lines[key]
    for label in labels:
        line = _line_of(text, label)
        if line:
            return line
    return 0


def _add_roles(
    triples: list[tuple[str, str, object]],
    roles: dict[str, Role],
    index: dict[str, str],
    *,
    builtin: bool,
    where: str,
    text: str,
) -> None:
    """Add the roles and labels of ``triples``. A corpus file (``builtin=False``) may add roles
    and aliases only: renaming a built-in role, moving it to another family, giving a label to
    two roles, or labelling an undeclared role raises :class:`InputError`."""
    import pyoxigraph as ox

    problems: list[Problem] = []
    concepts: set[str] = set()
    prefs: dict[str, list[str]] = {}
    alts: dict[str, list[str]] = {}
    families: dict[str, str] = {}

    def bad(line: Callable[[], int], msg: str) -> None:
        """Record a problem; its line (a search of the text) is found only for those reported."""
        if len(problems) < MAX_PROBLEMS:
            problems.append(Problem(where, line(), msg))

    subject_lines: dict[str, int] = {}

    def at(iri: str) -> Callable[[], int]:
        def find() -> int:
            if not subject_lines:
                subject_lines.update(_subject_lines(text) or {"": 0})
            return _line_of_subject(text, iri, prefs.get(iri, []) + alts.get(iri, []), subject_lines)

        return find

    def written(needle: str) -> Callable[[], int]:
        return lambda: _line_of(text, needle)

    for s, p, o in triples:
        if p == OWL_IMPORTS:
            msg = "owl:imports is not followed (rolegraph never fetches); copy the roles into this file"
            bad(written("imports"), msg)
        elif p == RDF_TYPE and o in (RG + "Role", SKOS + "Concept"):
            concepts.add(s)
        elif p == SKOS + "prefLabel" and isinstance(o, ox.Literal):
            prefs.setdefault(s, []).append(o.value)
        elif p == SKOS + "altLabel" and isinstance(o, ox.Literal):
            alts.setdefault(s, []).append(o.value)
        elif p == RG + "family" and isinstance(o, str):
            families[s] = o
    added = 0
    for iri in sorted(concepts | set(alts) | set(prefs) | set(families)):
        existing = roles.get(iri)
        if existing is None and iri not in concepts:
            if not builtin and iri.startswith(ROLE_NS) and (iri in alts or iri in prefs):
                msg = f"<{short(iri)}> is not a built-in role; declare it with 'a rg:Role' and one skos:prefLabel"
                bad(at(iri), msg)
            continue  # labels of other things (a concept scheme, ...) are not roles
        if iri.startswith("_:"):
            bad(at(iri), "a role needs an IRI, not a blank node; write <https://...> or role:name")
            continue
        labels = sorted(prefs.get(iri, []))
        if existing is not None:
            if labels and labels != [existing.label]:
                msg = f"cannot rename built-in role {existing.label!r}; add an skos:altLabel instead"
                bad(written(labels[0]), msg)
                continue
            if iri in families and families[iri] != existing.family:
                bad(at(iri), f"cannot move built-in role {existing.label!r} to another rg:family")
                continue
            role = existing
        else:
            if len(labels) != 1:
                what = "no skos:prefLabel" if not labels else "more than one skos:prefLabel"
                bad(at(iri), f"role <{short(iri)}> has {what}; give it exactly one")
                continue
            if not normalize_label(labels[0]):
                bad(at(iri), f"role <{short(iri)}> has an empty skos:prefLabel")
                continue
            if len(labels[0]) > MAX_LABEL_CHARS:
                bad(at(iri), f"role <{short(iri)}> has a skos:prefLabel over {MAX_LABEL_CHARS} characters")
                continue
            added += 1
            if not builtin and added > MAX_ROLES:
                bad(at(iri), f"more than {MAX_ROLES} roles (the limit of a role file)")
                break
            role = Role(iri, labels[0], family=families.get(iri, RG + "productRoles"), builtin=builtin)
            roles[iri] = role
        new_labels = ([role.label] if existing is None else []) + sorted(alts.get(iri, []))
        for label in new_labels:
            key = normalize_label(label)
            if not key:
                bad(at(iri), f"role {role.label!r} has an empty skos:altLabel")
                continue
            if len(label) > MAX_LABEL_CHARS:
                bad(at(iri), f"role {role.label!r} has a skos:altLabel over {MAX_LABEL_CHARS} characters")
                continue
            other = index.get(key)
            if other is not None and other != iri:
                msg = f"label '{short(label)}' already names {roles[other].label!r}; a label may name one role only"
                bad(written(label), msg)
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
        _add_roles(
            _triples(data, "roles.ttl"),
            roles,
            index,
            builtin=True,
            where="roles.ttl",
            text=data.decode(),
        )
        _BUILTIN = Vocabulary(roles, index)
    return _BUILTIN


def load_vocabulary(roles_file: Path | None, where: str = "roles.ttl") -> Vocabulary:
    """The built-in roles plus those of a corpus ``roles.ttl`` (which may only add).

    The file is untrusted: it must be a regular file in its corpus folder, at most
    :data:`MAX_ROLES_BYTES`; it is parsed offline and may not redefine built-in roles.
    """
    base = builtin_vocabulary()
    if roles_file is None:
        return base.copy()
    roles = {iri: Role(r.iri, r.label, list(r.alt_labels), r.family, r.builtin) for iri, r in base.roles.items()}
    index = dict(base.index)
    data = read_input(roles_file, MAX_ROLES_BYTES, where, root=roles_file.parent)
    text = decode(data, where)  # UTF-8, a BOM dropped
    _add_roles(_triples(text.encode("utf-8"), where), roles, index, builtin=False, where=where, text=text)
    return Vocabulary(roles, index)
