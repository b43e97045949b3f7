"""Benchmark rows for CI use on a git repository (issue 12), called by bench/run.py.

The generated corpus is copied into a fresh git repository and committed on `main` (not timed);
`lint --changed-since main` runs once there (fills the parse cache and the base-result cache, as
the CI run on main would); then a branch edits one claims file and commits it, and the timed rows are:

* `changed_since`: `rolegraph lint --changed-since main --format json`, warm cache (target <= 3 s at 100k);
* `changed_since_base_parse`: the same with the cached base findings deleted, so the base is
  checked out (unchanged files kept) and linted again through the parse cache;
* `consensus_diff`: `bench/_step.py consensus_diff`, i.e. `rolegraph consensus --diff main` as a
  library call (load through the cache, `consensus_diff`, render json; target <= 12 s at 100k). The
  CLI is not timed because it refuses the synthetic corpus's planted structural errors.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def git_rows(n: int, corpus: Path, tmp: Path, run_proc, rolegraph: str, py: str, step_script: Path, add) -> None:
    repo = tmp / f"git-{n}"
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(corpus, repo / "corpus", ignore=shutil.ignore_patterns("expected.json"))
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    cache = tmp / f"git-cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "ROLEGRAPH_CACHE_DIR": str(cache)}
    out = tmp / f"git-{n}.json"
    cmd = [rolegraph, "lint", "--corpus", str(repo / "corpus"), "--format", "json", "-o", str(out)]
    r = run_proc([*cmd, "--changed-since", "main"], env=env)
    add("changed_since_first", r, "on main itself, empty caches (the CI run on main)")
    _git(repo, "checkout", "-q", "-b", "pr")
    edit = json.loads((corpus / "expected.json").read_text())["edit"]
    f = repo / "corpus" / edit["file"]
    f.write_text(f.read_text("utf-8").replace(edit["old"], edit["new"], 1), "utf-8")
    _git(repo, "commit", "-q", "-am", "edit one claim")

    def note_of(path: Path, what: str) -> str:
        try:
            s = json.loads(path.read_text())["summary"]
            return f"{what}; reported {s['findings']}, not shown {s['not_shown']}"
        except (OSError, ValueError, KeyError):
            return what

    r = run_proc([*cmd, "--changed-since", "main"], env=env)
    add("changed_since", r, note_of(out, f"warm cache, {edit['file']} edited and committed"))
    shutil.rmtree(cache / "git-results", ignore_errors=True)
    r = run_proc([*cmd, "--changed-since", "main"], env=env)
    add("changed_since_base_parse", r, note_of(out, "base findings not cached: base relinted via the parse cache"))
    r = run_proc([py, str(step_script), "consensus_diff", str(repo / "corpus"), "--cache"], env=env)
    try:
        ip = json.loads(r["stdout"].strip().splitlines()[-1])
        note = (
            f"in-process load {ip['load_s']:.3f} s + diff {ip['diff_s']:.3f} s (base checkout, load, both "
            f"consensus runs) + render {ip['render_s']:.3f} s; {ip['changes']} changes"
        )
    except (ValueError, IndexError, KeyError):
        note = "failed"
    add("consensus_diff", r, note)
