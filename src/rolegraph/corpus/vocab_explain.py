"""A corpus's role vocabulary, and where a label comes from (``rolegraph roles --explain LABEL``).

:func:`corpus_vocabulary` reads a corpus's ``rolegraph.toml`` (``[vocabulary]``) and
``roles.ttl`` the way :func:`rolegraph.load_corpus` does, without the claims.
:func:`explain_label` says which role a label names and the statements behind it, each with
its file and line (a built-in file, or the corpus's roles.ttl): the label, any removal, merge
or retirement that touched it, the role's declaration and its family. Part of
``rolegraph.corpus``: it imports ``files``, ``settings``, ``vocab`` and ``vocab_model``; it must not
import the parser, snapshots, pool, cache or ``load``, nor anything outside ``rolegraph.corpus``.
"""

from __future__ import annotations

import os
from pathlib import Path

from .files import bundled_corpus_path
from .settings import load_settings
from .vocab import load_vocabulary
from .vocab_model import Src, Vocabulary, curie, normalize_label


def corpus_vocabulary(path: str | os.PathLike[str] | None = None) -> Vocabulary:
    """The vocabulary of a corpus folder (the bundled corpus when ``path`` is None): the
    built-in roles and ladders its ``rolegraph.toml`` asks for, with its ``roles.ttl`` applied.
    Raises :class:`InputError` with file:line problems."""
    root = Path(path) if path is not None else bundled_corpus_path()

    def optional(name: str) -> Path | None:
        # lexists: a dangling or escaping symlink must reach the reader's refusal, not be skipped
        return root / name if os.path.lexists(root / name) else None

    settings = load_settings(optional("rolegraph.toml"))
    return load_vocabulary(optional("roles.ttl"), builtin=settings.builtin, include=settings.include)


def _entry(kind: str, src: Src, text: str) -> dict:
    return {"kind": kind, "file": src.doc.where, "line": src.line, "builtin": src.doc.builtin, "text": text}


def _merges(voc: Vocabulary, start: str, end: str) -> list[dict]:
    """The merge statements that lead from role ``start`` to role ``end``."""
    out = []
    node = start
    while node != end and node in voc.prov.merged:
        target, src = voc.prov.merged[node]
        out.append(_entry("merged", src, f"{curie(node)} into {curie(target)}"))
        node = target
    return out


def explain_label(voc: Vocabulary, label: str) -> dict:
    """Which role ``label`` names (``role`` is None when none) and the ``trail`` of statements
    behind it: dicts with ``kind`` (prefLabel, altLabel, removed, merged, retired, role,
    family), ``file``, ``line``, ``builtin`` and ``text``; ``suggestions`` when it names none."""
    key = normalize_label(label)
    prov = voc.prov
    trail: list[dict] = []
    iri = voc.index.get(key)
    owner = iri if iri is not None else prov.retired_keys.get(key)
    for role_iri, alias_src, removal in prov.removed.get(key, []):
        trail.append(_entry("altLabel", alias_src, alias_src.o))
        trail.append(_entry("removed", removal, f"from {curie(role_iri)}"))
    if owner is not None and (owner, key) in prov.label:
        src, first = prov.label[owner, key]
        trail.append(_entry("prefLabel" if src.p.endswith("#prefLabel") else "altLabel", src, src.o))
        trail.extend(_merges(voc, first, owner))
    if iri is not None:
        role = voc.roles[iri]
        trail.append(_entry("role", prov.role[iri], role.label))
        if iri in prov.family:
            trail.append(_entry("family", prov.family[iri], curie(role.family or "")))
        elif role.family and iri in prov.role:  # a role added without rg:family: the default family
            trail.append(_entry("family", prov.role[iri], f"{curie(role.family)} (the default)"))
        data = {"iri": iri, "label": role.label, "family": role.family, "builtin": role.builtin}
        return {"label": label, "role": data, "trail": trail, "suggestions": []}
    if owner is not None:
        role, src = prov.retired[owner]
        trail.append(_entry("role", prov.role[owner], role.label))
        trail.append(_entry("retired", src, role.label))
    return {"label": label, "role": None, "trail": trail, "suggestions": voc.suggest(label)}


_SAYS = {
    "prefLabel": "preferred label {text!r}",
    "altLabel": "alias {text!r}",
    "removed": "alias removed {text}",
    "merged": "merged {text}",
    "retired": "retired {text!r}",
    "role": "role {text!r}",
    "family": "family {text}",
}


def render_text(data: dict, display_root: str = "") -> str:
    """The explanation as lines: what the label names, then one line per statement with its place."""
    role = data["role"]
    label = data["label"]
    head = f"{label!r} names {role['label']} <{role['iri']}>" if role else f"{label!r} names no role"
    rows = []
    for t in data["trail"]:
        where = f"{t['file']}:{t['line']}"
        if t["builtin"]:
            where = f"built-in {where}"
        elif display_root:
            where = os.path.join(display_root, where)
        rows.append((_SAYS[t["kind"]].format(text=t["text"]), where))
    width = max((len(a) for a, _ in rows), default=0)
    lines = [head, *(f"  {a:<{width}}  {b}" for a, b in rows)]
    if not role:
        hints = data["suggestions"]
        lines.append(f"  did you mean {', '.join(repr(h) for h in hints)}?" if hints else "  see: rolegraph roles")
    return "\n".join(lines) + "\n"
