"""Real git repositories for the CI tests: a corpus committed on main, edits committed on a branch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.com",
    "GIT_COMMITTER_NAME": "Test Author",
    "GIT_COMMITTER_EMAIL": "author@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(repo.parent)}
    p = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return p.stdout


def init_repo(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "rolegraph", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def lint_json(*args: str, **kw) -> tuple[int, dict]:
    p = cli("lint", "--format", "json", *args, **kw)
    assert p.returncode in (0, 1), p.stderr
    return p.returncode, json.loads(p.stdout)


def read_claims(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def write_claims(path: Path, doc: dict, *, indent: int = 2) -> None:
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, indent=indent), "utf-8")
