"""The local SPARQL store: the compiled corpus and its consensus in a pyoxigraph store on disk.

The store holds the graphs :func:`rolegraph.graphs.store_graphs` names (claims, vocabulary,
consensus, one per source), as a remote store does after ``push``. It lives in the cache
directory (``ROLEGRAPH_CACHE_DIR``, else ``~/.cache/rolegraph``) under ``stores/``, keyed by
a digest of the corpus files (:func:`corpus_state`; files changed just before a build are
checked by content), and is rebuilt only when the corpus changes. A build is one streamed bulk
load into a temporary folder renamed into place, so a crash never leaves a half store in use.
:func:`load_published` is the one function that turns a corpus folder into the claims every
publishing SPARQL command (query, push) uses. It must not import the CLI.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .. import __version__
from ..errors import RolegraphError
from ..model import Corpus  # noqa: F401  (documented type of build_memory_store)
from .storelock import building, pin, remove_unpinned

STORE_FORMAT = f"rolegraph-store-1/{__version__}"
RACY_NS = 2_000_000_000


def load_published(path: str | os.PathLike[str] | None, *, strict: bool | None = None):
    """The corpus a publishing command (query, push) works on: a
    :class:`~rolegraph.usable.UsableCorpus`, whose claims with structure errors are left out
    (``strict``: refuse instead), as ``export`` and ``consensus`` do."""
    from ..usable import load_usable_corpus

    return load_usable_corpus(path, strict=strict, cache=path is not None)


def corpus_root(path: str | os.PathLike[str] | None) -> Path:
    if path is None:
        from ..corpus import bundled_corpus_path

        return bundled_corpus_path()
    return Path(path)


def corpus_state(root: Path) -> tuple[str, list[tuple[str, str]]]:
    """A digest of every file of the corpus folder (hidden folders skipped), and the files changed
    in the last two seconds (relative and full path).

    As git does, a file is known by its stat signature (size, modification time, inode). A file
    changed within two seconds of a build could change again within one clock tick and keep its
    signature, so the build records its content hash and a later lookup compares it
    (:func:`_still_current`); the digest itself does not depend on the clock, so a store built
    just after an edit is found again. Also covers the rolegraph version and the code that
    compiles the store.
    """
    h = hashlib.sha256(STORE_FORMAT.encode())
    h.update(_code_digest())
    now = time.time_ns()
    files = sorted(_files(root))
    h.update(
        "".join(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\n" for rel, st, _ in files).encode(
            "utf-8", "surrogateescape"
        )
    )
    racy = [(rel, full) for rel, st, full in files if now - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS]
    return h.hexdigest()[:32], racy


def _contents(files: list[tuple[str, str]]) -> dict[str, str]:
    out = {}
    for rel, full in files:
        try:
            out[rel] = hashlib.sha256(Path(full).read_bytes()).hexdigest()
        except OSError:
            out[rel] = "unreadable"
    return out


def _still_current(target: Path, root: Path) -> bool:
    """Whether the files that were racy when the store was built still hold what it read."""
    if not (target / "ready").is_file():
        return False
    try:
        racy = json.loads((target / "about.json").read_text(encoding="utf-8")).get("racy", {})
    except (OSError, ValueError, AttributeError):
        return False
    if not isinstance(racy, dict):
        return False
    return _contents([(rel, str(root / rel)) for rel in racy]) == racy


def _code_digest() -> bytes:
    """What the store is compiled by: a change to the compiler, the consensus graph or the
    ontology (even within one version, as in development) builds a new store."""
    from importlib import resources

    h = hashlib.sha256()
    pkg = resources.files("rolegraph")
    for rel in ("compiler.py", "graphs.py", "consensus/rdf.py", "data/ontology.ttl", "data/roles.ttl"):
        h.update(pkg.joinpath(rel).read_bytes())
    return h.digest()


def _files(root: Path) -> Iterator[tuple[str, os.stat_result, str]]:
    stack = [(str(root), "")]
    while stack:
        folder, rel = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            r = f"{rel}{e.name}"
            if e.is_dir(follow_symlinks=False):
                stack.append((e.path, r + "/"))
            else:
                try:
                    yield r, e.stat(follow_symlinks=True), e.path
                except OSError:
                    continue


def store_nquads(corpus) -> Iterator[bytes]:
    """Every graph of the store as N-Quads chunks (claims, vocabulary, consensus, sources), for a
    corpus or a :class:`~rolegraph.usable.UsableCorpus` (its left-out claims stay out)."""
    from ..consensus import consensus
    from ..consensus.rdf import consensus_lines
    from ..graphs import store_graphs
    from ..usable import unwrap

    usable = corpus
    corpus, _ = unwrap(corpus)
    worker = ThreadPoolExecutor(1)
    try:  # the consensus is computed while the claim graph is being loaded
        cons = worker.submit(lambda: consensus_lines(consensus(usable), __version__))
        buf: list[str] = []
        for graph, chunks in store_graphs(corpus, cons.result):
            end = f" <{graph}> .\n"
            for lines in chunks:
                buf.extend(line[:-3] + end for line in lines)
                if len(buf) >= 200_000:
                    yield "".join(buf).encode("utf-8")
                    buf = []
        if buf:
            yield "".join(buf).encode("utf-8")
    finally:
        worker.shutdown(cancel_futures=True)


class _Feed(io.RawIOBase):
    """A readable stream over N-Quads chunks, compiled only as the loader reads them."""

    def __init__(self, chunks: Iterator[bytes], progress: Callable[[int], None] | None = None):
        self.chunks, self.progress = chunks, progress
        self.buf, self.pos, self.quads = memoryview(b""), 0, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while self.pos >= len(self.buf):
            chunk = next(self.chunks, None)  # an error here reaches the caller as itself (tested)
            if chunk is None:
                return 0
            self.buf, self.pos = memoryview(chunk), 0
            if self.progress is not None:
                self.quads += chunk.count(b"\n")
                self.progress(self.quads)
        n = min(len(b), len(self.buf) - self.pos)
        b[:n] = self.buf[self.pos : self.pos + n]
        self.pos += n
        return n


def build_memory_store(corpus: Corpus):
    """The store of a loaded corpus, in memory (for the library API and tests)."""
    import pyoxigraph as ox

    store = ox.Store()
    for chunk in store_nquads(corpus):
        store.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)
    return store


def _build(target: Path, racy, path, strict, progress) -> None:
    """Build the store into a temporary folder and rename it into place (under the build lock);
    then remove the corpus's other stores that no process is using."""
    import pyoxigraph as ox

    home = target.parent
    seen = _contents(racy)  # hashed before the corpus is read: a later edit shows as a change
    corpus = load_published(path, strict=strict)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=home))
    try:
        store = ox.Store(str(tmp / "db"))
        # one bulk load reading a stream: the loader batches and sorts a million quads at a
        # time while the next ones are compiled; our own N-Quads need no validation (lenient)
        feed = io.BufferedReader(_Feed(store_nquads(corpus), progress), 1 << 20)
        store.bulk_load(feed, format=ox.RdfFormat.N_QUADS, lenient=True)
        store.flush()
        del store
        info = {
            "left_out": [x.to_dict() for x in corpus.left_out],
            "claims": corpus.claims,
            "sources": corpus.sources,
            "racy": seen,
        }
        (tmp / "about.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        (tmp / "ready").write_text(target.name)
        if target.exists():  # stale: moved aside, as a process may still be reading it
            os.replace(target, tempfile.mkdtemp(prefix=".old-", dir=home))
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for old in home.iterdir():  # other stores of this corpus (earlier states), unless in use
        if old.name in (target.name, ".lock"):
            continue
        if old.name.startswith(".build-"):  # builds run under the lock: this one crashed
            shutil.rmtree(old, ignore_errors=True)
        else:
            remove_unpinned(old)


def open_store(
    path: str | os.PathLike[str] | None,
    *,
    rebuild: bool = False,
    strict: bool | None = None,
    about: dict | None = None,
    progress: Callable[[int], None] | None = None,
):
    """The on-disk store of the corpus at ``path`` (the bundled corpus when None), opened
    read-only and pinned for this process's life (:mod:`.storelock`: concurrent processes build
    it once and never remove a store in use); built first when the corpus changed since the last
    build. ``about``, a dict, receives ``left_out`` (the :class:`~rolegraph.leftout.LeftOut`
    records of the claims the store leaves out), ``claims`` and ``sources`` (what it rests on),
    kept beside the store so a cached store still says so. ``progress`` is called with the
    number of quads compiled so far while a build runs. A store this process opened earlier is
    removed when it builds a newer one for the same corpus: query the store it returns now."""
    import pyoxigraph as ox

    from ..corpus.cache import cache_dir

    root = corpus_root(path)
    key, racy = corpus_state(root)
    digest = key + {None: "", True: "-strict", False: "-lenient"}[strict]
    home = (
        cache_dir() / "stores" / hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    )
    target = home / digest
    if rebuild or not (_still_current(target, root) and pin(target)):
        with building(home):  # one build at a time; a process that waited finds the store built
            if rebuild or not _still_current(target, root):
                _build(target, racy, path, strict, progress)
            if not pin(target):
                raise RolegraphError(f"{target}: the store vanished while it was opened; run the command again")
    if about is not None:
        from ..leftout import LeftOut

        try:
            info = json.loads((target / "about.json").read_text(encoding="utf-8"))
            info.pop("racy", None)
            about.update(info, left_out=[LeftOut(**r) for r in info["left_out"]])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a store built by an older version: it says nothing about what it rests on
    return ox.Store.read_only(str(target / "db"))
