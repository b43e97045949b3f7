"""The orchestrator of a corpus load: :func:`load_corpus` (folder -> typed claim model).

Hard problems (a file that is not YAML, a wrong type, an unknown key, a path leading out of
the corpus) raise :class:`InputError` listing all of them. Soft problems (an unknown role, a
quote not in the snapshot, ...) stay in the model for the lint rules to report.

Every input is untrusted: files are read only when they are regular files inside the corpus
(after resolving symlinks) and within a size limit checked before reading, and the work of one
load (snapshot bytes read, snapshot text scanned for quotes) has a budget, so a hostile corpus
costs bounded time and memory or is refused with a message naming the limit. This module is the
top of ``rolegraph.corpus``: it imports the modules below it (files, settings, vocab, pool, cache)
and ``model``/``errors``/``gc_pause``; it must not import the compiler, rules, linter, consensus or CLI,
and nothing in ``rolegraph.corpus`` may import it.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError, Problem
from ..gc_pause import paused_gc
from ..model import ANY, HEDGES, RELATIONS, Corpus, Scope, Source
from .cache import load_sources_cached
from .files import Budget, bundled_corpus_path, claim_names, inside, read_claims_file
from .pool import load_files
from .settings import load_settings
from .vocab import load_vocabulary


def resolve(source: Source, vocabulary, memo: dict | None = None) -> None:
    """Resolve written role names, relation, scope and hedge against the vocabulary.

    ``memo`` (shared across the sources of one load) remembers each distinct text's answer:
    a large corpus repeats a few hundred role names and scopes many thousand times.
    """
    memo = {} if memo is None else memo
    roles = memo.setdefault("role", {None: None, "": None})
    relations = memo.setdefault("relation", {})
    scopes = memo.setdefault("scope", {None: ANY})
    hedges = memo.setdefault("hedge", {None: "definite"})
    for c in source.claims:
        st, ot, rt, sc = c.subject_text, c.object_text, c.relation_text, c.scope_text
        if st not in roles:
            roles[st] = vocabulary.resolve(st)
        if ot not in roles:
            roles[ot] = vocabulary.resolve(ot)
        if rt not in relations:
            rel = rt.strip().lower().replace("-", "_").replace(" ", "_") if rt else None
            relations[rt] = rel if rel in RELATIONS else None
        if sc not in scopes:
            scopes[sc] = Scope.parse(sc)
        ht = c.hedge_text
        if ht not in hedges:
            h = ht.strip().lower()
            hedges[ht] = h if h in HEDGES else None
        c.subject, c.object, c.relation, c.scope, c.hedge = roles[st], roles[ot], relations[rt], scopes[sc], hedges[ht]


def _optional_file(root: Path, name: str) -> Path | None:
    """``root/name`` when it exists (it is read and checked later), else None."""
    p = root / name
    return p if os.path.lexists(p) else None


def load_corpus(
    path: str | os.PathLike[str] | None = None, *, cache: bool = False, left_out: list[Problem] | None = None
) -> Corpus:
    """Load a corpus folder (the bundled corpus when ``path`` is None).

    Raises :class:`InputError` with every hard problem found. With ``left_out`` (a list), a claims file
    that cannot be read or parsed is skipped and its problems are added there instead (see
    :mod:`rolegraph.usable`); problems with the settings, the vocabulary or the folder still raise.
    """
    with paused_gc():
        return _load_corpus(path, cache=cache, left_out=left_out)


def _load_corpus(path: str | os.PathLike[str] | None, *, cache: bool, left_out: list[Problem] | None) -> Corpus:
    bundled = path is None
    root = bundled_corpus_path() if bundled else Path(path)
    if not root.is_dir():
        raise InputError(Problem(str(root), 0, "not a folder; pass a corpus folder (see: rolegraph init)"))
    if not (root / "claims").is_dir():
        raise InputError(
            Problem(
                str(root),
                0,
                "not a rolegraph corpus: no claims/ folder (start one with: rolegraph init DIR)",
            )
        )
    if inside(root, "claims") is None:
        raise InputError(Problem("claims", 0, "the claims folder is a symlink leading outside the corpus"))
    problems: list[Problem] = []
    settings = vocabulary = None
    try:
        settings = load_settings(_optional_file(root, "rolegraph.toml"))
    except InputError as e:
        problems.extend(e.problems)
    if settings is not None:  # the vocabulary depends on [vocabulary] of rolegraph.toml
        try:
            vocabulary = load_vocabulary(
                _optional_file(root, "roles.ttl"), builtin=settings.builtin, include=settings.include
            )
        except InputError as e:
            problems.extend(e.problems)

    budget = Budget()
    try:
        if cache and not bundled:
            sources = load_sources_cached(root, problems, budget)
        else:
            sources = load_sources(root, problems, budget)
    except OSError as e:  # the claims folder itself cannot be listed
        raise InputError(Problem("claims", 0, f"cannot be read: {e.strerror or e}")) from None
    if problems and (left_out is None or settings is None or vocabulary is None):
        raise InputError(problems)
    if left_out is not None:
        left_out.extend(problems)
    memo: dict = {}
    for s in sources:
        resolve(s, vocabulary, memo)
    return Corpus(root=str(root), sources=sources, vocabulary=vocabulary, settings=settings, bundled=bundled)


def load_sources(root: Path, problems: list[Problem], budget: Budget | None = None) -> list[Source]:
    """Every claims file of the corpus, parsed; problems are added to ``problems``."""
    budget = budget or Budget()
    sources: list[Source] = []
    # reading runs a bounded distance ahead of the parse; snapshots are charged in file order
    reads = (read_claims_file(root, name, problems, budget) for name in claim_names(root))
    for source, errs, _sig in load_files(root, reads, budget):
        problems.extend(errs)
        if source is not None:
            sources.append(source)
    return sorted(sources, key=lambda s: s.id)
