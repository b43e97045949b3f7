"""Build a :class:`Vocabulary` from layers of Turtle statements: the built-in files, then a corpus's
roles.ttl with its overrides.

A built-in layer declares roles, labels and families. A corpus layer may also add roles and
aliases, remove aliases (``rg:removedAltLabel``), move roles between families (``rg:family`` or
``skos:member``), merge roles (``skos:exactMatch``: the subject is merged into the object, which
stays) and retire roles (``owl:deprecated true``). The result is checked as a whole: a label
that names two roles after the overrides, an override naming no role, a cycle of merges, or
contradictory overrides raise :class:`InputError`, each at the line of its statement. Imports ``errors``,
``yamlsafe``, :mod:`rolegraph.corpus.vocab_model` and :mod:`rolegraph.corpus.vocab_terms` only; it must
not import ``vocab``, settings, the parser, ``load`` or anything outside ``rolegraph.corpus`` but those.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import InputError, Problem
from ..yamlsafe import short
from .vocab_model import (
    MAX_LABEL_CHARS,
    RG,
    ROLE_NS,
    SKOS,
    Doc,
    Provenance,
    Role,
    Src,
    Vocabulary,
    curie,
    normalize_label,
)
from .vocab_terms import OWL, RDF_TYPE, REMOVED, refusal

FAMILIES = tuple(RG + f for f in ("productRoles", "executiveRoles", "engineeringRoles", "designRoles"))
DEFAULT_FAMILY = RG + "productRoles"
MAX_PROBLEMS = 100  # reported per role file; the rest are dropped
ROLE_AS_FAMILY = "to make two roles one use skos:exactMatch, else name a family (a skos:Collection)"

Item = tuple[str, Src]  # (object: an IRI or a literal's text, its statement)


def _text(item: Item) -> str:
    return item[0]


@dataclass
class Layer:
    """One file's statements about roles, grouped by what they do."""

    doc: Doc
    typed: dict[str, Src] = field(default_factory=dict)
    prefs: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))
    alts: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))
    removed: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))
    families: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))
    exact: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))
    deprecated: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))
    collections: set[str] = field(default_factory=set)
    refused: set[str] = field(default_factory=set)  # subjects with a label that is not text
    problems: list[tuple[Src, str]] = field(default_factory=list)


def group(doc: Doc, triples: list[tuple[str, str, object]]) -> Layer:
    """Sort a file's (subject, predicate, object) triples by what they say about roles."""
    import pyoxigraph as ox

    layer = Layer(doc)
    by_predicate = {
        SKOS + "prefLabel": layer.prefs,
        SKOS + "altLabel": layer.alts,
        REMOVED: layer.removed,
        RG + "family": layer.families,
        SKOS + "exactMatch": layer.exact,
        OWL + "deprecated": layer.deprecated,
    }
    wanted = {RDF_TYPE, OWL + "imports", OWL + "sameAs", SKOS + "member", *by_predicate}
    for s, p, o in triples:
        is_iri = isinstance(o, str)
        text = o if is_iri else getattr(o, "value", str(o))
        why = refusal(p, o, builtin=doc.builtin)
        if why is not None:
            layer.problems.append((Src(doc, s, p, text), why))
            layer.refused.add(s)  # its own problem: a role whose one label is refused is not also "unlabelled"
            continue
        if p not in wanted:
            continue
        src = Src(doc, s, p, text)
        if p == RDF_TYPE and o in (RG + "Role", SKOS + "Concept"):
            layer.typed.setdefault(s, src)
        elif p == RDF_TYPE and o == SKOS + "Collection":
            layer.collections.add(s)
        elif p == OWL + "imports":
            layer.problems.append(
                (src, "owl:imports is not followed (rolegraph never fetches); copy the roles into this file")
            )
        elif p == OWL + "sameAs" and not doc.builtin:
            msg = (
                f"owl:sameAs would make {curie(s)} and {curie(text)} one resource with two skos:prefLabels; "
                f"merge roles with skos:exactMatch instead ({curie(s)} skos:exactMatch {curie(text)} keeps the object)"
            )
            layer.problems.append((src, msg))
        elif p == SKOS + "member" and is_iri:
            layer.families[o].append((s, src))
        elif p in by_predicate:
            literal = p in (SKOS + "prefLabel", SKOS + "altLabel", REMOVED, OWL + "deprecated")
            if literal and isinstance(o, ox.Literal) or not literal and is_iri:
                by_predicate[p][s].append((text, src))
            elif p in (RG + "family", SKOS + "exactMatch", REMOVED, OWL + "deprecated"):
                layer.problems.append((src, f"{curie(p)} takes {'a text' if literal else 'an IRI'} here"))
    return layer


class Builder:
    """The roles of the layers applied so far, and the problems found."""

    def __init__(self, *, builtin_on: bool, max_roles: int) -> None:
        self.roles: dict[str, Role] = {}
        self.prov = Provenance()
        self.merged: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.builtin_on = builtin_on
        self.max_roles = max_roles
        self.known_families = set(FAMILIES)
        self.added: set[str] = set()  # roles the layer being applied adds
        self.unmerged = False  # merges were left undone because of other problems
        self.collections: dict[str, str] = {}  # families a corpus file declares -> their skos:prefLabel

    def bad(self, src: Src, msg: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(src.doc.where, src.line, msg))

    def role(self, iri: str, src: Src) -> Role | None:
        """The role an override names; a problem when there is none."""
        role = self.roles.get(iri)
        if role is None:
            if iri in self.merged or iri in self.prov.retired:
                self.bad(src, f"{curie(iri)} is merged or retired by this file; an override names a role that stays")
            else:
                off = " (the default vocabulary is off: builtin = false)" if not self.builtin_on else ""
                self.bad(src, f"{curie(iri)} names no role{off}; declare it with 'a rg:Role' and one skos:prefLabel")
        return role

    # ------------------------------------------------------------------ one layer
    def apply(self, layer: Layer) -> None:
        for src, msg in layer.problems:
            self.bad(src, msg)
        self._declare(layer)
        self._remove(layer)
        self._alias(layer)
        self._family(layer)
        self._merge(layer)
        self._retire(layer)

    def _declare(self, layer: Layer) -> None:
        builtin = layer.doc.builtin
        self.added = set()
        added = 0
        for iri in sorted(set(layer.typed) | set(layer.prefs) | set(layer.alts)):
            existing = self.roles.get(iri)
            first = (layer.prefs.get(iri) or layer.alts.get(iri) or [("", layer.typed.get(iri))])[0][1]
            if existing is None and iri not in layer.typed:
                if iri.startswith(ROLE_NS):
                    self.role(iri, first)
                continue  # labels of other things (a concept scheme, a collection) are not roles
            if iri.startswith("_:"):
                self.bad(first, "a role needs an IRI, not a blank node; write <https://...> or role:name")
                continue
            labels = sorted(layer.prefs.get(iri, []), key=_text)
            if existing is not None:
                if labels and [t for t, _ in labels] != [existing.label]:
                    msg = f"cannot rename role {existing.label!r}; add an skos:altLabel instead"
                    self.bad(labels[0][1], msg)
                continue
            where = layer.typed[iri]
            if len(labels) != 1:
                if labels or iri not in layer.refused:
                    what = "no skos:prefLabel" if not labels else "more than one skos:prefLabel"
                    self.bad(where, f"role {curie(iri)} has {what}; give it exactly one")
                continue
            text, src = labels[0]
            if not normalize_label(text) or len(text) > MAX_LABEL_CHARS:
                what = (
                    "an empty skos:prefLabel" if not normalize_label(text) else f"a label over {MAX_LABEL_CHARS} chars"
                )
                self.bad(src, f"role {curie(iri)} has {what}")
                continue
            added += 1
            if not builtin and added > self.max_roles:
                self.bad(where, f"more than {self.max_roles} roles (the limit of a role file)")
                return
            self.roles[iri] = Role(iri, text, family=None, builtin=builtin)
            self.added.add(iri)
            self.prov.role[iri] = where
            self.prov.label[iri, normalize_label(text)] = (src, iri)

    def _remove(self, layer: Layer) -> None:
        for iri, items in sorted(layer.removed.items()):
            role = self.role(iri, items[0][1])
            for text, src in sorted(items, key=_text) if role else []:
                key = normalize_label(text)
                if key == normalize_label(role.label):
                    msg = f"'{short(text)}' is the preferred label of {role.label!r}, not an alias; merge the role "
                    self.bad(src, msg + "into another with skos:exactMatch, or retire it with owl:deprecated true")
                    continue
                alias = next((a for a in role.alt_labels if normalize_label(a) == key), None)
                if alias is None:
                    have = ", ".join(sorted(role.alt_labels, key=str.casefold)) or "none"
                    self.bad(
                        src, f"'{short(text)}' is not an alias of {role.label!r} (its aliases: {short(have, 200)})"
                    )
                    continue
                role.alt_labels.remove(alias)
                alias_src, _ = self.prov.label.pop((iri, key), (src, iri))
                self.prov.removed.setdefault(key, []).append((iri, alias_src, src))

    def _alias(self, layer: Layer) -> None:
        for iri, items in sorted(layer.alts.items()):
            role = self.roles.get(iri)
            if role is None:
                continue  # reported by _declare
            keys = {normalize_label(x) for x in [role.label, *role.alt_labels]}
            for text, src in sorted(items, key=_text):
                key = normalize_label(text)
                if not key or len(text) > MAX_LABEL_CHARS:
                    what = "an empty skos:altLabel" if not key else f"a skos:altLabel over {MAX_LABEL_CHARS} characters"
                    self.bad(src, f"role {role.label!r} has {what}")
                elif key not in keys:
                    keys.add(key)
                    role.alt_labels.append(text)
                    self.prov.label[iri, key] = (src, iri)

    def _family(self, layer: Layer) -> None:
        # a family is built in, declared (a skos:Collection), or the family of a role this file adds;
        # so moving a built-in role into a family nothing else is in (a typo) is refused
        added = {fam for iri in self.added for fam, _ in layer.families.get(iri, []) if not self._is_role(fam)}
        known = self.known_families | layer.collections | added
        for iri, items in sorted(layer.families.items()):
            role = self.role(iri, items[0][1])
            if role is None:
                continue
            fams = {}
            for fam, src in items:
                fams.setdefault(fam, src)
            # lines are looked up only for a message (finding them reads the whole file once)
            (fam, src), *rest = sorted(fams.items(), key=lambda kv: kv[1].line) if len(fams) > 1 else fams.items()
            bad = next(((f, s) for f, s in fams.items() if self._is_role(f)), None)
            if bad is not None:  # a role IRI as a family: merging was meant, or a typo
                self.bad(bad[1], f"{curie(bad[0])} is a role, not a family; {ROLE_AS_FAMILY}")
            elif rest:
                self.bad(
                    rest[0][1],
                    f"{role.label!r} is put in two families ({curie(fam)} at line {src.line}); a role has one",
                )
            elif fam not in known:
                names = ", ".join(curie(f) for f in sorted(known))
                self.bad(
                    src,
                    f"{curie(fam)} is not a family; use one of {names}, or declare it: {curie(fam)} a skos:Collection",
                )
            elif layer.doc.builtin and role.family not in (None, fam):
                self.bad(src, f"{role.label!r} is in another family in an earlier built-in file")
            else:
                role.family = fam
                self.prov.family[iri] = src
        for iri in layer.typed:
            if iri in self.roles and self.roles[iri].family is None:
                self.roles[iri].family = DEFAULT_FAMILY
        if layer.doc.builtin:
            self.known_families |= layer.collections
        else:
            for fam in layer.collections:
                labels = sorted(text for text, _ in layer.prefs.get(fam, []))
                self.collections[fam] = labels[0] if labels else ""

    def _is_role(self, iri: str) -> bool:
        return iri in self.roles or iri in self.merged or iri in self.prov.retired

    def _merge(self, layer: Layer) -> None:
        edges: dict[str, tuple[str, Src]] = {}
        for iri, items in sorted(layer.exact.items()):
            if self.role(iri, items[0][1]) is None:
                continue
            targets = {}
            for target, src in items:
                targets.setdefault(target, src)
            ok = True
            for target, src in targets.items():
                if target == iri:
                    self.bad(src, f"{curie(iri)} is merged into itself; name the role it becomes one with")
                    ok = False
                elif self.role(target, src) is None:
                    ok = False
            if ok and len(targets) > 1:
                src = sorted(targets.values(), key=lambda s: s.line)[1]
                self.bad(
                    src, f"{self.roles[iri].label!r} is merged into two roles; merge it into one (the one that stays)"
                )
                ok = False
            if ok:
                edges[iri] = next(iter(targets.items()))
        roots: dict[str, str] = {}
        reported: set[frozenset[str]] = set()
        for start in sorted(edges):
            path, node = [start], start
            while node in edges and edges[node][0] not in path:
                node = edges[node][0]
                path.append(node)
            if node in edges:  # the next step closes a cycle
                cycle = path[path.index(edges[node][0]) :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    links = sorted((edges[n][1] for n in cycle), key=lambda s: s.line)
                    said = ", ".join(f"{curie(s.s)} -> {curie(s.o)} ({s.at()})" for s in links)
                    msg = (
                        f"skos:exactMatch links form a cycle: {said}; the object is the role that stays, drop one link"
                    )
                    self.bad(links[0], msg)
                continue
            roots[start] = node
        if self.problems:
            self.unmerged = bool(roots)  # labels that would have moved: no conflict is judged without them
            return
        for iri in sorted(roots):
            self._move(iri, roots[iri])
            self.prov.merged[iri] = edges[iri]
            self.merged[iri] = roots[iri]
        for iri in roots:
            del self.roles[iri]
        for old, new in list(self.merged.items()):  # earlier merges into a role merged now
            self.merged[old] = roots.get(new, new)

    def _move(self, iri: str, root: str) -> None:
        """The labels of a merged role become aliases of the role it is merged into."""
        role, target = self.roles[iri], self.roles[root]
        keys = {normalize_label(x) for x in [target.label, *target.alt_labels]}
        for text in [role.label, *role.alt_labels]:
            key = normalize_label(text)
            src = self.prov.label.pop((iri, key), None)
            if key not in keys:
                keys.add(key)
                target.alt_labels.append(text)
                if src is not None:
                    self.prov.label[root, key] = src

    def _retire(self, layer: Layer) -> None:
        targets = {t for items in layer.exact.values() for t, _ in items}
        for iri, items in sorted(layer.deprecated.items()):
            values = {text for text, _ in items}
            src = items[0][1]
            if not values <= {"true", "false", "1", "0"}:
                self.bad(src, "owl:deprecated takes true (retire the role) or false")
                continue
            if not values & {"true", "1"}:
                continue
            if iri in layer.exact or iri in targets:
                self.bad(src, f"{curie(iri)} is both merged (skos:exactMatch) and retired; do one")
                continue
            role = self.role(iri, src)
            if role is None:
                continue
            del self.roles[iri]
            self.prov.retired[iri] = (role, src)
            for text in [role.label, *role.alt_labels]:
                self.prov.retired_keys[normalize_label(text)] = iri

    # ------------------------------------------------------------------ the whole
    def finish(self) -> Vocabulary:
        """The vocabulary, once every label names one role."""
        index: dict[str, str] = {}
        for iri in sorted(self.roles):
            role = self.roles[iri]
            for text in [role.label, *role.alt_labels]:
                key = normalize_label(text)
                other = index.get(key)
                if other is not None and other != iri and not self.unmerged:
                    self._conflict(key, text, other, iri)
                index.setdefault(key, iri)
        for key in index:
            self.prov.retired_keys.pop(key, None)  # a retired role's title another role now has
        if self.problems:
            raise InputError(self.problems)
        for role in self.roles.values():
            role.alt_labels.sort()
        return Vocabulary(self.roles, index, dict(self.merged), self.collections, self.prov)

    def _conflict(self, key: str, text: str, a: str, b: str) -> None:
        src_a, src_b = (self.prov.label.get((x, key), (self.prov.role[x], x))[0] for x in (a, b))
        # report the statement a curator can change: a corpus file's, then the later one
        here, there = sorted([(a, src_a), (b, src_b)], key=lambda x: (not x[1].doc.builtin, x[1].line))[::-1]
        other = self.roles[there[0]]
        pref = normalize_label(other.label) == key
        said = f"{other.label!r} ({'its preferred label' if pref else 'an alias'}, {there[1].at()})"
        if pref:
            way = f"merge the roles with skos:exactMatch, or retire {other.label!r} with owl:deprecated true"
        else:
            way = f'first take it away: {curie(other.iri)} rg:removedAltLabel "{short(there[1].o)}" .'
        self.bad(here[1], f"label '{short(text)}' already names {said}; a label names one role: {way}")
