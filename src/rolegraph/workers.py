"""Worker processes for the CPU-bound parts of big runs (YAML parsing, copy search).

It imports only the standard library; it must not import any other rolegraph module.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


def cpu_count() -> int:
    """The CPUs this process may run on; ``ROLEGRAPH_WORKERS`` caps it (1: no worker process)."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    cap = os.environ.get("ROLEGRAPH_WORKERS", "")
    if cap.isdigit() and int(cap) > 0:
        n = min(n, int(cap))
    return n


def process_pool(n_workers: int, *, fork_only: bool = False) -> ProcessPoolExecutor | None:
    """A pool of ``n_workers`` processes, or None where none can be started.

    Fork is cheap but only safe while this process runs no other thread; otherwise spawn, unless
    ``fork_only`` (for work too small to pay for interpreters starting afresh).
    """
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if not fork and fork_only:
        return None
    try:
        return ProcessPoolExecutor(n_workers, mp_context=multiprocessing.get_context("fork" if fork else "spawn"))
    except Exception:  # no worker processes here (sandbox, frozen app, ...): the caller works inline
        return None
