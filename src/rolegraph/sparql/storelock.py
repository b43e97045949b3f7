"""Locks that let many processes share the local SPARQL stores of one cache folder.

A build takes an exclusive lock on the corpus's store folder (its ``.lock`` file), so processes
that find no store build it once: the others wait, then find it built. A process that uses a
store pins it, a shared lock on the store's ``ready`` file held for the rest of the process's
life (the store's files are opened as queries need them). A build removes an old store only
when nobody pins it (a non-blocking exclusive lock on its ``ready``); a pinned one is left for
a later build to remove. Where ``fcntl`` is missing (Windows) nothing is locked. It must not
import the CLI or pyoxigraph.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover  (Windows)
    fcntl = None  # type: ignore[assignment]

_PINS: dict[tuple[int, int], int] = {}  # (device, inode) of a pinned ready file -> its open fd


@contextlib.contextmanager
def building(home: Path) -> Iterator[None]:
    """Hold the build lock of a corpus's store folder (created if need be)."""
    home.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    fd = os.open(home / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def pin(store: Path) -> bool:
    """Pin the built store at ``store`` for this process's life; False when it is not there
    (or was removed while this process waited for the lock)."""
    ready = store / "ready"
    try:
        fd = os.open(ready, os.O_RDONLY)
    except OSError:
        return False
    st = os.fstat(fd)
    if (st.st_dev, st.st_ino) in _PINS:
        os.close(fd)
        return True
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_SH)
    try:
        there = os.stat(ready)
    except OSError:
        there = None
    if there is None or (there.st_dev, there.st_ino) != (st.st_dev, st.st_ino):
        os.close(fd)  # removed or replaced while we waited
        return False
    _PINS[(st.st_dev, st.st_ino)] = fd
    return True


def remove_unpinned(store: Path) -> bool:
    """Remove the store folder unless another process pins it; whether it was removed. This
    process's own pin is dropped: it has built a newer store of the same corpus, and a library
    caller keeping an older one open is told in :func:`rolegraph.sparql.store.open_store`."""
    try:
        fd = os.open(store / "ready", os.O_RDONLY)
    except OSError:  # no ready file: an unfinished folder nobody can be using
        shutil.rmtree(store, ignore_errors=True)
        return True
    st = os.fstat(fd)
    own = _PINS.pop((st.st_dev, st.st_ino), None)
    if own is not None:
        os.close(own)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # in use: a later build removes it
        os.unlink(store / "ready")  # first, so a process waiting to pin it sees it gone
        shutil.rmtree(store, ignore_errors=True)
        return True
    finally:
        os.close(fd)
