"""Atomic file writes: a temporary file in the same folder, then rename over the target.

It imports only ``errors`` and the standard library; it must not import the loader, model or
anything above them.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import UsageError


def _refuse(target: Path, why: str) -> UsageError:
    return UsageError(f"cannot write {target}: {why}; nothing was written")


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes | str | Callable[[BinaryIO], None],
    *,
    protect: str | os.PathLike[str] | None = None,
    durable: bool = True,
) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never a mix.

    Concurrent writers each rename their own complete temporary file; the last rename wins, and
    a failed write removes its temporary file. A symlink at ``path`` is replaced, never followed.
    A character device or FIFO at ``path`` (``/dev/null``, a pipe) is written to directly, as
    renaming over it would replace the device. ``protect`` names a folder (the corpus) that
    nothing may be written into. ``durable=False`` skips the ``fsync`` calls (for caches, where
    a file lost in a power cut only costs time: rename still keeps readers from a mix).
    ``data`` may be a function that writes to the open file (for output streamed in parts).
    Raises :class:`UsageError` naming ``path``.
    """
    target = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    if not str(path) or target.name in ("", ".", ".."):
        raise _refuse(target, "not a file name")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise _refuse(target, f"folder {folder} does not exist" if not folder.exists() else f"{folder} is not a folder")
    if protect is not None and _within(folder, Path(protect)):
        raise _refuse(target, f"it is inside the corpus folder {protect}, which rolegraph never modifies")
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise _refuse(target, e.strerror or str(e)) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise _refuse(target, "it is a folder")
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            _write_stream(target, data)
            return
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
            raise _refuse(target, "it is not a regular file")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise _refuse(target, e.strerror or str(e)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            data(f) if callable(data) else f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        if st is not None and stat.S_ISREG(st.st_mode):
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        else:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, target)
    except BaseException as e:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise _refuse(target, e.strerror or str(e)) from None
        raise
    if durable:
        _sync_folder(folder)


def _within(folder: Path, root: Path) -> bool:
    try:
        folder.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _write_stream(target: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write to a device or FIFO as it is: no temporary file, no truncation."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "wb") as f:
            data(f) if callable(data) else f.write(data)
    except OSError as e:
        raise _refuse(target, e.strerror or str(e)) from None


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: not every system can fsync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(fd)
    os.close(fd)


def write_many_atomic(files: list[tuple[str | os.PathLike[str], bytes | str]]) -> None:
    """Write several files, each atomically (:func:`write_atomic`); one ``os.sync`` at the end
    makes them durable together instead of two ``fsync`` calls per file (a batch of a thousand
    files takes a second instead of half a minute). A single file is written as usual."""
    if len(files) <= 1:
        for path, data in files:
            write_atomic(path, data)
        return
    for path, data in files:
        write_atomic(path, data, durable=False)
    if hasattr(os, "sync"):
        os.sync()
