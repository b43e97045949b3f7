"""Helpers of the hostile-input tests: a tiny valid corpus, a tree digest that never reads
special files, and ways to run the CLI (in-process and as a real subprocess)."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SNAPSHOT = "The Chief Product Officer ranks the highest, followed by Head of Product, then VP of Product.\n"
SHA = hashlib.sha256(SNAPSHOT.encode()).hexdigest()
# The tests name lines of CLAIMS: 2 id, 4 url, 6 snapshot, 9 the claim, 10 subject, 13 quote, 15 hedge.
CLAIMS = f"""source:
  id: a
  title: Page A
  url: https://example.com/a
  retrieved: 2026-11-01
  snapshot: sources/a.txt
  sha256: {SHA}
claims:
  - id: c1
    subject: Head of Product
    relation: above
    object: VP of Product
    quote: "followed by Head of Product, then VP of Product"
    scope: any
    hedge: definite
"""
ROLES_PREFIXES = (
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix rg: <https://w3id.org/rolegraph#> .\n"
    "@prefix role: <https://w3id.org/rolegraph/role/> .\n"
    "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
)
RG = shutil.which("rolegraph", path=os.path.dirname(sys.executable)) or "rolegraph"


def make_corpus(root: Path) -> Path:
    """A valid corpus of one source ``a`` with one claim, which lints clean."""
    (root / "claims").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "sources" / "a.txt").write_bytes(SNAPSHOT.encode())
    (root / "claims" / "a.yaml").write_bytes(CLAIMS.encode())
    return root


def tree_digest(root: Path) -> dict[str, str]:
    """What every entry under ``root`` is: a file's sha256, a symlink's target, or its kind.
    Never follows symlinks and never opens anything but regular files (FIFOs stay unread)."""
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st = os.lstat(p)
            key = p.relative_to(root).as_posix()
            if stat.S_ISLNK(st.st_mode):
                out[key] = "link:" + os.readlink(p)
            elif stat.S_ISREG(st.st_mode):
                h = hashlib.sha256()
                with open(p, "rb") as f:
                    for chunk in iter(lambda: f.read(1 << 20), b""):
                        h.update(chunk)
                out[key] = f"file:{h.hexdigest()}:{stat.S_IMODE(st.st_mode):o}"
            else:
                out[key] = f"kind:{stat.S_IFMT(st.st_mode):o}"
    return out


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_subprocess(args: list[str], *, cwd: Path | None = None, cache: Path, timeout: float = 60) -> Run:
    """Run the installed ``rolegraph`` executable (a real process, real exit status)."""
    env = {**os.environ, "ROLEGRAPH_CACHE_DIR": str(cache), "PYTHONDONTWRITEBYTECODE": "1"}
    p = subprocess.run([RG, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    return Run(p.returncode, p.stdout, p.stderr)


def run_inprocess(args: list[str], *, cache: Path) -> Run:
    """Run the CLI in this process with click's CliRunner (an escaped exception is re-raised)."""
    from click.testing import CliRunner

    from rolegraph.cli import main

    r = CliRunner().invoke(main, args, env={"ROLEGRAPH_CACHE_DIR": str(cache)}, catch_exceptions=True)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return Run(r.exit_code, r.stdout, r.stderr)


def assert_clean_failure(run: Run, code: int, where: str | None, *, contains: str = "") -> None:
    """Exit ``code``, a message at ``where`` (``DIR/claims/a.yaml:9``), no traceback, no bug."""
    err = run.stderr
    assert run.code == code, (run.code, err, run.stdout[-2000:])
    assert "Traceback" not in err and "Traceback" not in run.stdout, err
    assert "internal error" not in err, err
    assert "\x1b" not in err + run.stdout, "a terminal escape from the input reached the output"
    if where is not None:  # input problems go to stderr, lint findings (exit 1) to stdout
        lines = err.splitlines() + (run.stdout.splitlines() if code == 1 else [])
        assert any(line.startswith(where + ":") for line in lines), (where, err, run.stdout[-2000:])
    if contains:
        assert contains in err + (run.stdout if code == 1 else ""), (contains, err)
