"""A parse cache for large corpora, kept outside the corpus and keyed by file checksums.

Each claims file's parsed source is stored with the sha256 of the claims file and of its
snapshot; an entry is reused only when both still match, so the cache never serves stale
claims. As git does, a file whose stat signature (size, times, inode; see :func:`stat_signature`) is
unchanged since it was hashed is not read again; any edit changes the signature, and files
changed just before a run are always hashed. Entries are spread over :data:`SHARDS` files,
each written atomically (temp file + rename); a damaged or foreign cache file is ignored, so
a crash mid-write costs one slow run, never a wrong answer. Stored with ``marshal`` (plain
values only) sealed with a checksum (:func:`rolegraph.codec.seal`), checked before loading, so a
damaged or planted shard is a cache miss. It imports ``files`` and ``pool`` of this package (and
``codec``, ``model``, ``errors``, ``atomic``); it must not import ``load``, ``vocab`` or ``settings``.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from .. import __version__
from ..atomic import write_atomic
from ..codec import dump_source, load_source, seal, unseal
from ..errors import Problem, RolegraphError
from ..model import Source
from .files import (
    Budget,
    claim_names,
    inside,
    plain_file,
    plain_stat,
    read_claims_file,
    stat_signature,
)
from .pool import load_files

# Bump the number whenever what the loader accepts changes, so no entry made by an older,
# laxer loader is ever served.
FORMAT = f"rolegraph-cache-7/{__version__}"
# Entries are spread over this many files, so editing one claims file rewrites about 1/64 of
# the cache (at 100k claims: 0.6 MB instead of 39 MB).
SHARDS = 64


def cache_dir() -> Path:
    env = os.environ.get("ROLEGRAPH_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "rolegraph"


def cache_folder(root: Path) -> Path:
    """The cache of one corpus: a folder named by a digest of the corpus's real path."""
    key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return cache_dir() / key


def shard(rel: str) -> int:
    """Which of the :data:`SHARDS` cache files holds the entry of claims file ``rel``."""
    return hashlib.sha256(rel.encode("utf-8", "surrogateescape")).digest()[0] % SHARDS


def cache_file(root: Path, rel: str) -> Path:
    """The cache file holding the entry of claims file ``rel`` of the corpus at ``root``."""
    return cache_folder(root) / f"{shard(rel):02x}.marshal"


def _read(path: Path) -> dict:
    try:
        data = unseal(path.read_bytes())  # None when damaged or not written by us: a cache miss
    except OSError:
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def load_sources_cached(root: Path, problems: list[Problem], budget: Budget | None = None) -> list[Source]:
    """Like :func:`rolegraph.corpus.load.load_sources`, reusing unchanged files' parses."""
    budget = budget or Budget()
    now = time.time_ns()
    folder = cache_folder(root)
    old: dict[int, dict] = {}  # shard -> its entries as read
    new: dict[int, dict] = {}  # shard -> its entries now
    sources: list[Source] = []
    misses: deque = deque()  # (shard, rel, digest, sig) of each file sent to be parsed

    def scan() -> Iterator[tuple[str, bytes] | None]:
        """Reuse what the cache holds; yield the other files to be parsed."""
        for name in claim_names(root):
            rel = "claims/" + name
            k = shard(rel)
            if k not in old:
                old[k] = _read(folder / f"{k:02x}.marshal")
                new[k] = {}
            entry = old[k].get(rel)
            if not (isinstance(entry, tuple) and len(entry) == 6):
                entry = None
            # stat before reading: a change after the stat then shows in the next run's stat
            sig = stat_signature(plain_stat(root, rel, budget), now)
            if entry is not None and sig is not None and entry[1] == sig and rel.isprintable():
                snap_st = plain_stat(root, entry[2], budget) if isinstance(entry[2], str) else None
                snap_sig = stat_signature(snap_st, now)
                if snap_sig is not None and entry[4] == snap_sig and snap_st.st_size <= budget.snapshot_bytes:
                    cached = load_source(entry[5])
                    if cached is not None:
                        budget.snapshot_bytes -= snap_st.st_size
                        sources.append(cached)
                        new[k][rel] = entry
                        continue
            got = read_claims_file(root, name, problems, budget)
            if got is None:
                continue
            data = got[1]
            digest = hashlib.sha256(data).hexdigest()
            if entry is not None and entry[0] == digest:
                snap_rel = entry[2]
                snap_sig = (
                    stat_signature(plain_stat(root, snap_rel, budget), now) if isinstance(snap_rel, str) else None
                )
                cached = load_source(entry[5]) if _snapshot_digest(root, snap_rel, budget) == entry[3] else None
                if cached is not None:
                    sources.append(cached)
                    new[k][rel] = (entry[0], sig, snap_rel, entry[3], snap_sig, entry[5])
                    continue
            misses.append((k, rel, digest, sig))
            yield got

    for source, errs, snap_sig in load_files(root, scan(), budget, now_ns=now):
        k, rel, digest, sig = misses.popleft()
        problems.extend(errs)
        if source is not None:
            sources.append(source)
            if errs:  # claims left out of it: never served from the cache, which holds no problems
                continue
            new[k][rel] = (digest, sig, source.snapshot, source.actual_sha256, snap_sig, dump_source(source))
    _write(folder, {k: v for k, v in new.items() if v != old[k]})
    return sorted(sources, key=lambda s: s.id)


def _write(folder: Path, shards: dict[int, dict]) -> None:
    """Rewrite the changed shards (atomically, each on its own); shards of claims files that no
    longer exist are left as they are: their entries are never matched, only overwritten."""
    if not shards:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for k, entries in sorted(shards.items()):
            write_atomic(folder / f"{k:02x}.marshal", seal({"format": FORMAT, "entries": entries}), durable=False)
    except (OSError, RolegraphError):
        pass  # a read-only cache folder only costs speed


def _snapshot_digest(root: Path, rel: str | None, budget: Budget) -> str | None:
    """sha256 of a snapshot that is a regular file inside the corpus, else None."""
    if rel is None:
        return None
    p = plain_file(root, rel, budget) or inside(root, rel)
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
