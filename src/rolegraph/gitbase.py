"""Reading a corpus as it was at a git revision, through git itself (never through a shell).

Holds: finding the repository around a corpus folder, resolving a user's REF and the merge-base
with HEAD (with one-line errors a CI user can act on: not a repository, unknown ref, shallow
clone), listing the corpus's tree at a commit, and writing that tree's files into a folder that
persists between runs (only blobs that changed are rewritten, so the parse cache of
:mod:`rolegraph.cache` keeps serving the unchanged files). Every git call is an argument list;
the user's REF is only ever given to ``git rev-parse --verify --end-of-options`` as data, and
later calls use the full commit id it returned.

It must not import the loader, the linter or the rules: it deals in paths, commits and bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

GIT_TIMEOUT = 300
_HEX = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")


class GitError(UsageError):
    """A git problem the user can fix (one line, exit 2)."""


@dataclass(frozen=True)
class Repo:
    """The repository holding a corpus: its top folder and the corpus's path inside it."""

    top: str
    prefix: str  # posix path of the corpus folder relative to ``top``, "" at the top, no trailing slash


@dataclass(frozen=True)
class Base:
    """The commit a change is compared with."""

    ref: str  # as the user wrote it
    commit: str  # full id of the merge-base of REF and HEAD
    tree: str | None  # id of the corpus folder's tree at that commit; None when not tracked there

    @property
    def short(self) -> str:
        return self.commit[:12]


def git(args: list[str], *, cwd: str, check: bool = True, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run ``git -C cwd ARGS`` (an argument list, no shell); GitError when git is missing."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(
            ["git", "-C", cwd, *args],
            input=stdin,
            capture_output=True,
            check=check,
            env=env,
            timeout=GIT_TIMEOUT,
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH; install git to compare with a revision") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than {GIT_TIMEOUT} s; check the repository") from None
    except subprocess.CalledProcessError as e:
        msg = e.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {msg[-1] if msg else 'exit ' + str(e.returncode)}") from None


def find_repo(corpus_root: str) -> Repo:
    """The repository around ``corpus_root``, or a GitError saying it is not in one."""
    p = git(["rev-parse", "--show-toplevel", "--show-prefix"], cwd=corpus_root, check=False)
    if p.returncode != 0 and b"dubious ownership" in p.stderr:
        raise GitError(
            f"git refuses the repository around {corpus_root}: it belongs to another user (run: git config "
            "--global --add safe.directory <the repository>, as CI containers need)"
        )
    if p.returncode != 0:
        raise GitError(
            f"{corpus_root} is not inside a git repository; --changed-since and --diff compare with a "
            "git revision (run in a clone, or lint the whole corpus without them)"
        )
    lines = p.stdout.decode("utf-8", "surrogateescape").splitlines()
    top = lines[0] if lines else corpus_root
    prefix = (lines[1] if len(lines) > 1 else "").strip("/")
    return Repo(top=top, prefix=prefix)


def resolve_base(repo: Repo, ref: str) -> Base:
    """The merge-base of REF and HEAD, and the corpus's tree there."""
    if not ref or "\x00" in ref:
        raise GitError("--changed-since/--diff needs a revision, like origin/main")
    p = git(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"], cwd=repo.top, check=False)
    commit = p.stdout.decode("ascii", "replace").strip()
    if p.returncode != 0 or not _HEX.fullmatch(commit):
        hint = " (in a GitHub checkout, fetch it first: actions/checkout with fetch-depth: 0)" if _shallow(repo) else ""
        raise GitError(f"unknown revision {ref!r}: no commit of that name in {repo.top}{hint}")
    head = git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], cwd=repo.top, check=False)
    if head.returncode != 0:
        raise GitError(f"{repo.top} has no commit yet (HEAD is unborn); commit the corpus first")
    mb = git(["merge-base", commit, head.stdout.decode("ascii").strip()], cwd=repo.top, check=False)
    base = mb.stdout.decode("ascii", "replace").strip()
    if mb.returncode != 0 or not _HEX.fullmatch(base):
        if _shallow(repo):
            raise GitError(
                f"{repo.top} is a shallow clone without the merge-base of {ref!r} and HEAD; fetch the "
                "history (actions/checkout with fetch-depth: 0, or: git fetch --unshallow)"
            )
        raise GitError(f"{ref!r} and HEAD have no common history; pick a revision HEAD was branched from")
    return Base(ref=ref, commit=base, tree=corpus_tree(repo, base))


def _shallow(repo: Repo) -> bool:
    p = git(["rev-parse", "--is-shallow-repository"], cwd=repo.top, check=False)
    return p.stdout.strip() == b"true"


def corpus_tree(repo: Repo, commit: str) -> str | None:
    """The tree id of the corpus folder at ``commit`` (a full id), None when it is not tracked there."""
    spec = f"{commit}:{repo.prefix}" if repo.prefix else f"{commit}^{{tree}}"
    p = git(["rev-parse", "--verify", "--quiet", spec], cwd=repo.top, check=False)
    out = p.stdout.decode("ascii", "replace").strip()
    if p.returncode != 0 or not _HEX.fullmatch(out):
        return None
    kind = git(["cat-file", "-t", out], cwd=repo.top, check=False).stdout.strip()
    return out if kind == b"tree" else None


def worktree_clean(repo: Repo) -> bool:
    """True when the corpus folder on disk equals HEAD's (no edit, no untracked or ignored file)."""
    p = git(
        ["status", "--porcelain", "-z", "--untracked-files=all", "--ignored", "--", repo.prefix or "."],
        cwd=repo.top,
        check=False,
    )
    return p.returncode == 0 and not p.stdout


def list_tree(repo: Repo, tree: str) -> dict[str, tuple[str, str]]:
    """Path inside the corpus -> (mode, blob id) of every regular file of a corpus tree."""
    p = git(["ls-tree", "-r", "-z", tree], cwd=repo.top)
    out: dict[str, tuple[str, str]] = {}
    for entry in p.stdout.split(b"\x00"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        mode, kind, oid = meta.decode("ascii").split()
        if kind != "blob" or mode not in ("100644", "100755"):
            continue  # symlinks and submodules are never followed
        rel = path.decode("utf-8", "surrogateescape")
        if _safe(rel):
            out[rel] = (mode, oid)
    return out


def _safe(rel: str) -> bool:
    parts = rel.split("/")
    return all(p not in ("", ".", "..", ".git") for p in parts)


def read_blobs(repo: Repo, oids: list[str]) -> dict[str, bytes]:
    """Blob id -> content, read through one ``git cat-file --batch``."""
    if not oids:
        return {}
    p = git(["cat-file", "--batch"], cwd=repo.top, stdin=("\n".join(oids) + "\n").encode("ascii"))
    data, pos, out = p.stdout, 0, {}
    for oid in oids:
        nl = data.index(b"\n", pos)
        header = data[pos:nl].decode("ascii").split()
        if len(header) != 3 or header[1] != "blob":
            raise GitError(f"git cat-file could not read blob {oid}")
        size = int(header[2])
        out[oid] = data[nl + 1 : nl + 1 + size]
        pos = nl + 1 + size + 1
    return out


def checkout_tree(repo: Repo, tree: str | None, dest: Path) -> Path:
    """Make ``dest/corpus`` hold exactly the corpus tree ``tree`` (empty when None).

    A manifest of (mode, blob) per path is kept next to it, so a later call rewrites only the
    files whose blob changed; unchanged files keep their stat signature for the parse cache.
    """
    corpus = dest / "corpus"
    manifest_file = dest / "manifest.json"
    try:
        manifest = json.loads(manifest_file.read_text("utf-8"))
        if not isinstance(manifest, dict) or not corpus.is_dir():
            raise ValueError
    except (OSError, ValueError):
        manifest = {}
        shutil.rmtree(corpus, ignore_errors=True)
    wanted = {rel: list(v) for rel, v in list_tree(repo, tree).items()} if tree else {}
    with contextlib.suppress(OSError):
        manifest_file.unlink()  # while files change, a crash leaves no manifest: the next run rebuilds
    for rel in sorted(set(manifest) - set(wanted)):
        with contextlib.suppress(OSError):
            (corpus / rel).unlink()
    todo = sorted(rel for rel, v in wanted.items() if manifest.get(rel) != v)
    blobs = read_blobs(repo, sorted({wanted[rel][1] for rel in todo}))
    for rel in todo:
        target = corpus / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink() or target.is_dir():
            shutil.rmtree(target) if target.is_dir() and not target.is_symlink() else target.unlink()
        target.write_bytes(blobs[wanted[rel][1]])
    corpus.mkdir(parents=True, exist_ok=True)
    manifest_file.write_text(json.dumps(wanted, sort_keys=True), "utf-8")
    return corpus


def base_folder(cache_root: Path, repo: Repo) -> Path:
    """Where the base corpus of one repository's corpus folder is kept between runs."""
    key = hashlib.sha256(f"{os.path.realpath(repo.top)}\x00{repo.prefix}".encode("utf-8", "surrogateescape"))
    return cache_root / "git-base" / key.hexdigest()[:20]


@contextlib.contextmanager
def locked(folder: Path):
    """Hold an exclusive lock on ``folder`` (two runs on one repository take turns)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - not on POSIX
            pass
        yield folder
    finally:
        os.close(fd)
