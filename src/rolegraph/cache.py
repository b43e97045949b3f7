"""A parse cache for large corpora, kept outside the corpus and keyed by file checksums.

Each claims file's parsed source is stored with the sha256 of the claims file and of its
snapshot; an entry is reused only when both still match, so the cache never serves stale
claims. The cache file is written atomically (temp file + rename) and a damaged or foreign
cache file is ignored, so a crash mid-write costs one slow run, never a wrong answer.
Stored with ``marshal`` (plain values only): loading it cannot run code.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
from pathlib import Path

from . import __version__
from .errors import InputError, Problem, RolegraphError
from .loader import (
    Budget,
    claim_files,
    decode,
    finish_source,
    inside,
    parse_claims_file,
    read_claims_file,
)
from .model import Claim, Source

# Bump the number whenever what the loader accepts changes, so no entry made by an older,
# laxer loader is ever served.
FORMAT = f"rolegraph-cache-3/{__version__}"
CLAIM_FIELDS = (
    "source_id", "id", "file", "line", "quote", "occurrence", "condition", "note", "accept",
    "subject_text", "object_text", "relation_text", "scope_text", "hedge_text",
    "start", "end", "prefix", "suffix", "lines",
)  # fmt: skip
SOURCE_FIELDS = (
    "id",
    "file",
    "line",
    "title",
    "url",
    "retrieved",
    "snapshot",
    "sha256",
    "actual_sha256",
    "lines",
)


def cache_dir() -> Path:
    env = os.environ.get("ROLEGRAPH_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rolegraph"


def cache_file(root: Path) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:20]
    return cache_dir() / f"{key}.marshal"


def _dump(s: Source) -> tuple:
    return (
        tuple(getattr(s, f) for f in SOURCE_FIELDS),
        [tuple(getattr(c, f) for f in CLAIM_FIELDS) for c in s.claims],
    )


def _load(t: tuple) -> Source | None:
    """The source of a cache entry; None when the entry is damaged (then the file is parsed)."""
    try:
        head, claims = t
        s = Source(**dict(zip(SOURCE_FIELDS, head, strict=True)))
        s.claims = [Claim(**dict(zip(CLAIM_FIELDS, c, strict=True))) for c in claims]
    except (TypeError, ValueError):
        return None
    return s


def _read(path: Path) -> dict:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def load_sources_cached(root: Path, problems: list[Problem], budget: Budget | None = None) -> list[Source]:
    """Like :func:`rolegraph.loader.load_sources`, reusing unchanged files' parses."""
    budget = budget or Budget()
    path = cache_file(root)
    old = _read(path)
    new: dict[str, tuple] = {}
    sources: list[Source] = []
    changed = False
    for f in claim_files(root):
        got = read_claims_file(root, f, problems)
        if got is None:
            continue
        rel, data = got
        digest = hashlib.sha256(data).hexdigest()
        entry = old.get(rel)
        if isinstance(entry, tuple) and len(entry) == 4 and entry[0] == digest:
            snap_rel, snap_digest, dumped = entry[1], entry[2], entry[3]
            cached = _load(dumped) if _snapshot_digest(root, snap_rel, budget) == snap_digest else None
            if cached is not None:
                sources.append(cached)
                new[rel] = entry
                continue
        changed = True
        try:
            text = decode(data, rel)
        except InputError as e:
            problems.extend(e.problems)
            continue
        source, errs = parse_claims_file(rel, text)
        problems.extend(errs)
        if source is None or errs:
            continue
        if finish_source(root, source, problems, budget) is not None:
            sources.append(source)
            new[rel] = (digest, source.snapshot, source.actual_sha256, _dump(source))
    if changed or set(old) != set(new):
        try:
            from .atomic import write_atomic

            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, marshal.dumps({"format": FORMAT, "entries": new}))
        except (OSError, RolegraphError):
            pass  # a read-only cache folder only costs speed
    return sorted(sources, key=lambda s: s.id)


def _snapshot_digest(root: Path, rel: str | None, budget: Budget) -> str | None:
    """sha256 of a snapshot that is a regular file inside the corpus, else None."""
    if rel is None:
        return None
    p = inside(root, rel)
    if p is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    h = hashlib.sha256()
    try:
        fd = os.open(p, flags)
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size > budget.snapshot_bytes:
                return None  # parsed afresh, which reports the problem
            budget.snapshot_bytes -= st.st_size
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()
