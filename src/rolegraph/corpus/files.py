"""Safe file access inside a corpus: path containment, size limits, per-load budgets, decoding.

Holds :func:`locate` and :func:`inside` (a path stays inside the corpus after resolving symlinks),
:func:`read_input` (a regular file within a size limit, checked before reading), the per-load
:class:`Budget`, the one-``scandir``-per-folder fast path (:func:`plain_file`), :func:`decode`, the
listing and reading of claims files, and the stat signature the cache trusts. It is the bottom of
``rolegraph.corpus``: it imports only the standard library, ``errors`` and ``yamlsafe``, and must not
import any other module of ``rolegraph.corpus`` (nor anything above it).
"""

from __future__ import annotations

import functools
import os
import re
import stat
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .. import yamlsafe
from ..errors import InputError, Problem
from ..yamlsafe import short

MAX_CLAIMS_FILE_BYTES = yamlsafe.MAX_FILE_BYTES
MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024
MAX_SNAPSHOT_BYTES_PER_LOAD = 1024 * 1024 * 1024  # all snapshots read by one load together
MAX_QUOTE_SEARCH = 1_000_000_000  # characters of snapshot text scanned for quotes per load
RACY_NS = 2_000_000_000  # files changed this recently are always hashed (see stat_signature)


def bundled_corpus_path() -> Path:
    """The default corpus shipped inside the package."""
    return Path(str(resources.files("rolegraph").joinpath("data/corpus")))


def locate(root: Path, rel: str) -> tuple[Path | None, str]:
    """(``root/rel`` resolved, "") when it stays inside ``root`` after resolving symlinks,
    else (None, why not)."""
    if not rel or "\x00" in rel:
        return None, "is not a valid path"
    if os.path.isabs(rel) or rel.startswith(("\\", "/")):
        return None, "is an absolute path; write it relative to the corpus folder"
    joined = os.path.join(root, rel)
    try:
        real_root = _real_root(root)
        try:
            target = os.path.realpath(joined, strict=True)
        except FileNotFoundError:  # missing (a rule reports that): resolve what exists
            target = os.path.realpath(joined)
    except OSError as e:  # a symlink loop, a name too long, ...
        return None, f"cannot be resolved ({e.strerror or e})"
    if ".." in target.split(os.sep):  # left unresolved behind a loop: never trust it
        return None, "cannot be resolved (a symlink loop?)"
    if target != real_root and not target.startswith(real_root.rstrip(os.sep) + os.sep):
        return None, "leads outside the corpus"
    return Path(target), ""


def _real_root(root: Path) -> str:
    st = os.stat(root)
    return _realpath(str(root), st.st_dev, st.st_ino)


@functools.lru_cache(maxsize=256)
def _real_inside(root: str, folder: str, dev: int, ino: int) -> str | None:
    """realpath of ``folder`` when it is inside the real ``root`` (remembered while it is the
    same folder: same device and inode), else None."""
    real_root = _real_root(Path(root))
    real = os.path.realpath(folder, strict=True)
    if real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep):
        return real
    return None


@functools.lru_cache(maxsize=64)
def _realpath(path: str, dev: int, ino: int) -> str:
    """realpath of a folder, remembered while it is the same folder (same device and inode)."""
    return os.path.realpath(path)


def inside(root: Path, rel: str) -> Path | None:
    """``root/rel`` when it stays inside ``root`` after resolving links, else None."""
    return locate(root, rel)[0]


def read_input(path: str | Path, limit: int, where: str, *, root: Path | None = None, line: int = 0) -> bytes:
    """The bytes of one input file, or :class:`InputError` naming ``where``.

    Only a regular file of at most ``limit`` bytes is read (checked before reading, so a FIFO,
    a device or ``/dev/zero`` never blocks or fills memory); with ``root``, the file must stay
    inside it after resolving symlinks.
    """

    def refuse(msg: str) -> InputError:
        return InputError(Problem(where, line, msg))

    if root is not None:
        path = Path(path)
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            rel = str(path)
        why = locate(root, rel)[1]
        if why:
            raise refuse(f"{'is a symlink that ' if path.is_symlink() else ''}{why}; replace it with the file itself")
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise refuse("is not a regular file (a folder, FIFO or device); rolegraph reads only files")
        if st.st_size > limit:
            raise refuse(f"is {st.st_size} bytes, over the limit of {limit} bytes")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # replaced since the stat
                raise refuse("is not a regular file (a folder, FIFO or device); rolegraph reads only files")
            data = f.read(limit + 1)
    except OSError as e:
        raise refuse(f"cannot be read: {e.strerror or e}") from None
    if len(data) > limit:
        raise refuse(f"is over the limit of {limit} bytes")
    return data


@dataclass
class Budget:
    """What one load may still spend (snapshot bytes read, snapshot characters searched), and
    what it has learnt about the corpus folders (see :func:`plain_file`)."""

    snapshot_bytes: int = MAX_SNAPSHOT_BYTES_PER_LOAD
    quote_search: int = MAX_QUOTE_SEARCH
    listings: dict[str, dict[str, os.DirEntry]] = field(default_factory=dict)


def plain_file(root: Path, rel: str, budget: Budget) -> str | None:
    """``root/rel`` when it is a regular file (not a symlink) directly in a corpus folder that
    is itself inside the corpus, else None (then :func:`locate` decides, and explains).

    One ``scandir`` per folder and load proves containment for every plain file in it, where
    :func:`locate` would ``realpath`` each file (an ``lstat`` per path component from ``/``).
    """
    folder, _, name = rel.rpartition("/")
    if not folder or "/" in folder or folder in (".", "..") or name in ("", ".", ".."):
        return None
    entry = _plain_entry(root, folder, name, budget)
    return entry.path if entry is not None else None


def plain_stat(root: Path, rel: str, budget: Budget) -> os.stat_result | None:
    """The ``stat`` of ``root/rel`` when :func:`plain_file` finds it (one system call, made
    once per load), else None."""
    folder, _, name = rel.rpartition("/")
    if not folder or "/" in folder or folder in (".", "..") or name in ("", ".", ".."):
        return None
    entry = _plain_entry(root, folder, name, budget)
    try:
        return entry.stat(follow_symlinks=False) if entry is not None else None
    except OSError:
        return None


def _plain_entry(root: Path, folder: str, name: str, budget: Budget) -> os.DirEntry | None:
    names = budget.listings.get(folder)
    if names is None:
        names = budget.listings[folder] = _plain_files(root, folder)
    return names.get(name)


def _plain_files(root: Path, folder: str) -> dict[str, os.DirEntry]:
    try:
        path = os.path.join(root, folder)
        st = os.stat(path)
        real = _real_inside(str(root), path, st.st_dev, st.st_ino)
        if real is None:
            return {}
        with os.scandir(real) as entries:
            return {e.name: e for e in entries if e.is_file(follow_symlinks=False)}
    except OSError:
        return {}


def decode(data: bytes, where: str) -> str:
    """UTF-8 text (a BOM is dropped) or an error naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = len(re.findall(rb"\r\n|\r|\n", data[: e.start])) + 1
        raise InputError(Problem(where, line, f"not UTF-8 text (byte {e.start}); save the file as UTF-8")) from None


def claim_files(root: Path) -> list[Path]:
    """The claims files of a corpus (``claims/*.yaml`` and ``*.yml``), sorted."""
    folder = root / "claims"
    return [folder / n for n in claim_names(root)]


def claim_names(root: Path) -> list[str]:
    """The file names in ``claims/`` that are claims files, sorted."""
    with os.scandir(root / "claims") as entries:
        return sorted(e.name for e in entries if e.name.endswith((".yaml", ".yml")) and not e.name.startswith("."))


def read_claims_file(
    root: Path, path: Path | str, problems: list[Problem], budget: Budget | None = None
) -> tuple[str, bytes] | None:
    """(path relative to the corpus, bytes) of one claims file (a path, or a name in
    ``claims/``), or None with a problem added."""
    rel = "claims/" + path if isinstance(path, str) else path.relative_to(root).as_posix()
    if not rel.isprintable():  # control characters or undecodable bytes in the name
        problems.append(Problem(short(rel, 200), 0, "file name has control characters or is not UTF-8; rename it"))
        return None
    plain = plain_file(root, rel, budget) if budget is not None else None
    try:
        if plain is not None:  # known to be inside the corpus
            data = read_input(plain, MAX_CLAIMS_FILE_BYTES, rel)
        else:
            full = root / "claims" / path if isinstance(path, str) else path
            data = read_input(full, MAX_CLAIMS_FILE_BYTES, rel, root=root)
    except InputError as e:
        if "over the limit" in e.problems[0].message:
            e = InputError(Problem(rel, 0, e.problems[0].message + "; split the source's claims"))
        problems.extend(e.problems)
        return None
    return rel, data


def stat_signature(st: os.stat_result | None, now_ns: int) -> tuple | None:
    """What identifies a file's content without reading it, as git's index does: type, size,
    modification and inode-change times, inode and device. An edit always moves the change
    time (which no program can set back), so a new signature means "read and hash again".

    None (always read and hash) for a file changed less than :data:`RACY_NS` before this
    load began: it could change again within the same clock tick without its times moving.
    """
    if st is None or max(st.st_mtime_ns, st.st_ctime_ns) >= now_ns - RACY_NS:
        return None
    return (st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
