"""Claims files parsed, and their snapshots read, in worker processes when a load has many.

Turning YAML into the claim model is most of a cold load (about 5 of 7.5 s at 100k claims), and
files are independent, so big loads spread them over the CPUs. The answer is the one an inline
load gives: results come back in file order as plain values (:mod:`rolegraph.codec`), and the
per-load budgets stay with the caller. A worker reports what each file spent; a file whose
spending no longer fits what is left, or that has any problem, is loaded again inline, so limits
and messages are exactly those of a load in one process. Results travel sealed with a checksum
(:func:`rolegraph.codec.seal`), checked before loading. It imports ``files``, ``claims`` and
``snapshots`` of this package (and ``codec``, ``model``, ``errors``, ``workers``); it must not import
``cache``, ``settings``, ``vocab`` or ``load``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

from ..codec import dump_source, load_source, seal, unseal
from ..errors import InputError, Problem
from ..model import Source
from ..workers import cpu_count, process_pool
from .claims import parse_claims_file
from .files import Budget, decode, plain_stat, stat_signature
from .snapshots import finish_source

#: Load inline unless there are at least this many files to load (a pool costs ~30 ms).
PARALLEL_MIN_FILES = 200
#: Files per task sent to a worker.
CHUNK_FILES = 100
#: Tasks queued per worker; bounds the claims-file bytes held in memory at once.
QUEUED_PER_WORKER = 3

Item = tuple[str, bytes] | None  # (path relative to the corpus, bytes); None: could not be read
Loaded = tuple[Source | None, list[Problem], tuple | None]  # source, problems, snapshot signature


def parse_one(item: Item) -> tuple[Source | None, list[Problem]]:
    """Decode and parse one claims file: the source, or None with its problems.

    When every problem lies inside one claim (``Problem.claim``), the source comes back too, without
    those claims: a publishing load leaves out only them (a plain load still refuses on any problem)."""
    if item is None:
        return None, []
    rel, data = item
    try:
        text = decode(data, rel)
    except InputError as e:
        return None, list(e.problems)
    source, errs = parse_claims_file(rel, text)
    whole = any(p.claim is None for p in errs)
    return (None if whole else source), errs


def load_one(root: Path, item: Item, budget: Budget, now_ns: int | None = None) -> Loaded:
    """Parse one claims file and attach its snapshot; with ``now_ns``, also the snapshot's stat
    signature for the cache (taken before the snapshot is read)."""
    source, errs = parse_one(item)
    if source is None:
        return None, errs, None
    sig = None
    if now_ns is not None and source.snapshot:
        sig = stat_signature(plain_stat(root, source.snapshot, budget), now_ns)
    return finish_source(root, source, errs, budget), errs, sig


_LISTINGS: dict = {}  # a worker's folder listings (see files.plain_file), for its one load


def _load_chunk(root: str, now_ns: int | None, chunk: list[Item]) -> bytes:
    out = []
    full = Budget()
    for item in chunk:
        budget = Budget(listings=_LISTINGS)
        source, errs, sig = load_one(Path(root), item, budget, now_ns)
        spent = (full.snapshot_bytes - budget.snapshot_bytes, full.quote_search - budget.quote_search)
        dumped = None if source is None else dump_source(source)
        out.append((dumped, [(p.file, p.line, p.message) for p in errs], sig, spent))
    return seal(out)  # checked by unseal before it is loaded


def load_files(
    root: Path,
    items: Iterable[Item],
    budget: Budget,
    *,
    now_ns: int | None = None,
    workers: int | None = None,
) -> Iterator[Loaded]:
    """:func:`load_one` of every item, in order; in worker processes when there are many.

    ``items`` is read lazily, a bounded number ahead of the results.
    """
    it = iter(items)
    head = list(islice(it, PARALLEL_MIN_FILES))
    n = cpu_count() if workers is None else max(1, workers)
    pool = process_pool(n, fork_only=True) if n > 1 and len(head) >= PARALLEL_MIN_FILES else None
    if pool is None:
        for item in chain(head, it):
            yield load_one(root, item, budget, now_ns)
        return
    it = chain(head, it)
    pending: deque = deque()

    def submit() -> bool:
        chunk = list(islice(it, CHUNK_FILES))
        if chunk:
            try:
                pending.append((chunk, pool.submit(_load_chunk, str(root), now_ns, chunk)))
            except Exception:  # a pool that cannot take work: load this chunk inline
                pending.append((chunk, None))
        return bool(chunk)

    try:
        for _ in range(n * QUEUED_PER_WORKER):
            if not submit():
                break
        while pending:
            chunk, future = pending.popleft()
            submit()
            results = None
            if future is not None:
                try:
                    results = unseal(future.result())  # None: damaged, load inline
                except Exception:  # a worker died or hit a bug: load inline, which reports it
                    results = None
            if results is None:
                for item in chunk:
                    yield load_one(root, item, budget, now_ns)
                continue
            for item, (dumped, errs, sig, (spent_bytes, spent_search)) in zip(chunk, results, strict=True):
                source = None if dumped is None else load_source(dumped)
                fits = spent_bytes <= budget.snapshot_bytes and spent_search <= budget.quote_search
                if errs or not fits or (dumped is not None and source is None):
                    yield load_one(root, item, budget, now_ns)  # exactly as inline
                    continue
                budget.snapshot_bytes -= spent_bytes
                budget.quote_search -= spent_search
                yield source, [], sig
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # joined: a lingering thread would stop the next fork
