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
from pathlib import Path

from . import __version__
from .errors import Problem
from .loader import (
    attach_snapshot,
    claim_files,
    decode,
    inside,
    parse_claims_file,
    read_claims_file,
    read_snapshot,
)
from .model import Claim, Source

FORMAT = f"rolegraph-cache-2/{__version__}"
CLAIM_FIELDS = (
    "source_id", "id", "file", "line", "quote", "occurrence", "condition", "note", "accept",
    "subject_text", "object_text", "relation_text", "scope_text", "hedge_text",
    "start", "end", "prefix", "suffix", "lines",
)  # fmt: skip
SOURCE_FIELDS = ("id", "file", "line", "title", "url", "retrieved", "snapshot", "sha256", "actual_sha256", "lines")


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
    return (tuple(getattr(s, f) for f in SOURCE_FIELDS), [tuple(getattr(c, f) for f in CLAIM_FIELDS) for c in s.claims])


def _load(t: tuple) -> Source:
    head, claims = t
    s = Source(**dict(zip(SOURCE_FIELDS, head)))
    s.claims = [Claim(**dict(zip(CLAIM_FIELDS, c))) for c in claims]
    return s


def _read(path: Path) -> dict:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def load_sources_cached(root: Path, problems: list[Problem]) -> list[Source]:
    """Like :func:`rolegraph.loader.load_sources`, reusing unchanged files' parses."""
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
        if entry is not None and entry[0] == digest:
            snap_rel, snap_digest, dumped = entry[1], entry[2], entry[3]
            if _snapshot_digest(root, snap_rel) == snap_digest:
                sources.append(_load(dumped))
                new[rel] = entry
                continue
        changed = True
        try:
            text = decode(data, rel)
        except Exception as e:  # InputError
            problems.extend(getattr(e, "problems", []))
            continue
        source, errs = parse_claims_file(rel, text)
        problems.extend(errs)
        if source is None or errs:
            continue
        before = len(problems)
        snap, snap_text = read_snapshot(root, source, problems)
        source.actual_sha256 = hashlib.sha256(snap).hexdigest() if snap is not None else None
        attach_snapshot(root, source, snap_text)
        sources.append(source)
        if len(problems) == before:
            new[rel] = (digest, source.snapshot, source.actual_sha256, _dump(source))
    if changed or set(old) != set(new):
        try:
            from .atomic import write_atomic

            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, marshal.dumps({"format": FORMAT, "entries": new}))
        except OSError:
            pass  # a read-only cache folder only costs speed
    return sorted(sources, key=lambda s: s.id)


def _snapshot_digest(root: Path, rel: str | None) -> str | None:
    if rel is None:
        return None
    p = inside(root, rel)
    if p is None or not p.is_file():
        return None
    h = hashlib.sha256()
    with open(p, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
