"""The role vocabulary as data: roles, their labels, label lookup, and where each label came from.

Holds :class:`Role`, :class:`Vocabulary` (lookup, suggestions, the overrides a corpus applied)
and :class:`Doc`/:class:`Src`, which remember the file and statement behind every label and
override so messages can name ``file:line``. Building a vocabulary from Turtle lives in
``vocab_build``; reading files in ``vocab``. Part of ``rolegraph.corpus``: imports only
:mod:`rolegraph.corpus.turtle_lines` (when a line is first asked for) and the standard library; it
must not import any other module of ``rolegraph``.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .turtle_lines import statement_lines

RG = "https://w3id.org/rolegraph#"
ROLE_NS = "https://w3id.org/rolegraph/role/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
MAX_LABEL_CHARS = 200  # a role label is a job title
SUGGEST_WORK = 50_000_000  # label comparisons spent on "did you mean" hints per vocabulary

_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 16)
def normalize_label(text: str) -> str:
    """The lookup key of a label: case-folded, whitespace collapsed, no trailing period."""
    return _SPACE.sub(" ", text).strip().rstrip(".").casefold()


_MORE_PREFIXES = (
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
)


def curie(iri: str) -> str:
    """An IRI as the prefixed name a roles.ttl would write (``role:x``, ``rg:x``), else ``<iri>``."""
    for prefix, ns in (("role", ROLE_NS), ("rg", RG), ("skos", SKOS), *_MORE_PREFIXES):
        if iri.startswith(ns) and re.fullmatch(r"[\w-]+", iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


@dataclass(eq=False)
class Doc:
    """One Turtle file of the vocabulary: the package's (``builtin``) or a corpus's roles.ttl."""

    where: str  # "roles.ttl", "vocab/engineering.ttl"; a corpus file relative to its corpus
    builtin: bool
    text: str
    _lines: dict[tuple[str, str, str], int] | None = field(default=None, repr=False)

    def line(self, s: str, p: str, o: str) -> int:
        """The line of a statement (found on first use: only messages and --explain need it)."""
        if self._lines is None:
            self._lines = statement_lines(self.text)
        n = self._lines.get((s, p, o))
        if n:
            return n
        for needle in (f'"{o}"', o, s.rsplit("/", 1)[-1].rsplit("#", 1)[-1]):  # a statement the reader skipped
            i = self.text.find(needle) if needle else -1
            if i >= 0:
                return self.text.count("\n", 0, i) + 1
        return 0

    def label(self) -> str:
        return f"built-in {self.where}" if self.builtin else self.where


class Src(NamedTuple):
    """The statement behind a role, label or override (a tuple: tens of thousands are made per file)."""

    doc: Doc
    s: str
    p: str
    o: str

    @property
    def line(self) -> int:
        return self.doc.line(self.s, self.p, self.o)

    def at(self) -> str:
        """``built-in roles.ttl:12`` or ``roles.ttl:5``."""
        return f"{self.doc.label()}:{self.line}"


def _at(src: Src, root: str) -> str:
    """``built-in roles.ttl:12``, or a corpus file's ``root/roles.ttl:5``."""
    if src.doc.builtin or not root or root == ".":
        return src.at()
    return f"{posixpath.normpath(posixpath.join(root.replace(chr(92), '/'), src.doc.where))}:{src.line}"


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
class Provenance:
    """Where the vocabulary's roles, labels and overrides were written."""

    role: dict[str, Src] = field(default_factory=dict)  # role IRI -> its declaration
    label: dict[tuple[str, str], tuple[Src, str]] = field(default_factory=dict)  # (role, key) -> (src, first owner)
    family: dict[str, Src] = field(default_factory=dict)  # role IRI -> its rg:family / skos:member statement
    removed: dict[str, list[tuple[str, Src, Src]]] = field(default_factory=dict)  # key -> (role, alias src, removal)
    merged: dict[str, tuple[str, Src]] = field(default_factory=dict)  # role IRI -> (direct target, statement)
    retired: dict[str, tuple[Role, Src]] = field(default_factory=dict)  # role IRI -> (the role, statement)
    retired_keys: dict[str, str] = field(default_factory=dict)  # label key -> retired role IRI


@dataclass
class Vocabulary:
    roles: dict[str, Role]
    index: dict[str, str]  # normalized label -> role IRI
    merged: dict[str, str] = field(default_factory=dict)  # merged-away role IRI -> the role it is now
    collections: dict[str, str] = field(default_factory=dict)  # a family a corpus declared -> its label
    prov: Provenance = field(default_factory=Provenance, repr=False, compare=False)
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

    def why_unknown(self, text: str, root: str = "") -> str | None:
        """Why a title the default vocabulary knows names no role here (an override took it), or None.

        A corpus file is named under ``root`` (the corpus folder as the user named it), as the
        commands name every other file of a corpus; a built-in file stays ``built-in roles.ttl:N``."""
        key = normalize_label(text)
        gone = self.prov.retired_keys.get(key)
        if gone is not None:
            role, src = self.prov.retired[gone]
            return f"it names {role.label!r}, retired by {_at(src, root)} (owl:deprecated)"
        if key in self.prov.removed:
            iri, _, src = self.prov.removed[key][-1]
            return f"{_at(src, root)} removes it from {self.label(iri)!r} (rg:removedAltLabel)"
        return None

    def copy(self) -> Vocabulary:
        """The same roles and labels with a fresh suggestion budget (the dicts are shared)."""
        return Vocabulary(self.roles, self.index, self.merged, self.collections, self.prov)

    def signature(self) -> str:
        """A digest of the vocabulary (labels, families, merges), for cache keys."""
        import hashlib

        h = hashlib.sha256()
        for k in sorted(self.index):
            h.update(f"{k}\x00{self.index[k]}\n".encode())
        for iri in sorted(self.roles):
            h.update(f"{iri}\x00{self.roles[iri].label}\x00{self.roles[iri].family}\n".encode())
        for iri in sorted(self.merged):
            h.update(f"{iri}\x00={self.merged[iri]}\n".encode())
        return h.hexdigest()
