"""Pause Python's cyclic garbage collector while a phase builds many long-lived objects.

Loading 100,000 claims creates millions of objects and no reference cycles; the collector
would rescan the growing heap again and again (about a third of a cached lint at 100k
claims). Reference counting still frees everything as usual while it is paused.

It imports only the standard library; it must not import any other rolegraph module.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector for the block; restore its previous state afterwards.

    In a command-line run (see :func:`freeze_after_phases`) the objects built in the block
    are then moved out of the collector's sight, so it never rescans them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


_freeze = False


def freeze_after_phases() -> None:
    """For a short-lived process (the CLI): after each paused phase, ``gc.freeze()`` the heap.

    Frozen objects are still freed by reference counting; only garbage *cycles* among them
    would outlive the process's job, which is why a library caller does not get this.
    """
    global _freeze
    _freeze = True
