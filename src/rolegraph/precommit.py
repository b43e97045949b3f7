"""The ``rolegraph-pre-commit`` entry point of the pre-commit hook ``rolegraph-lint``.

pre-commit passes the changed files (claims files, snapshots, ``roles.ttl``, ``rolegraph.toml``);
this finds the corpus folder of each (the folder holding ``claims/``), lints every such corpus
once, and reports what the staged change introduced (``--changed-since HEAD``; the whole corpus
before the first commit, or with ``--all``). Exit 0 clean, 1 a finding at or above
``--fail-on``, 2 usage or input error. A thin layer: the work is :func:`rolegraph.changes.lint_for_ci`.
It must not import the Click CLI.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def corpus_root(path: Path) -> Path | None:
    """The corpus folder a changed file belongs to, or None."""
    parent = path.parent
    if path.name in ("roles.ttl", "rolegraph.toml") and (parent / "claims").is_dir():
        return parent
    if parent.name in ("claims", "sources") and (parent.parent / "claims").is_dir():
        return parent.parent
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="rolegraph-pre-commit", description="Lint the corpora of the changed files.")
    ap.add_argument("files", nargs="*")
    ap.add_argument("--all", action="store_true", help="report every finding, not only the staged change's")
    ap.add_argument("--fail-on", choices=("error", "warning", "info"), default=None)
    ap.add_argument("--baseline", default=None, metavar="FILE")
    args = ap.parse_args(argv)

    from .changes import lint_for_ci
    from .corpus import load_corpus
    from .errors import InputError, RolegraphError
    from .formatters import render
    from .gitbase import GitError, git

    roots = sorted({r for f in args.files if (r := corpus_root(Path(f))) is not None})
    status = 0
    for root in roots:
        shown = root.as_posix()
        try:
            corpus = load_corpus(root, cache=True)
            ref = None
            if not args.all:
                head = git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], cwd=str(root), check=False)
                ref = "HEAD" if head.returncode == 0 else None
            report = lint_for_ci(corpus, changed_since=ref, baseline=args.baseline, fail_on=args.fail_on)
        except InputError as e:
            for p in e.problems:
                print(f"{shown}/{p.file}:{p.line}: {p.message}" if p.line else f"{shown}/{p.file}: {p.message}")
            status = 2
            continue
        except (GitError, RolegraphError) as e:
            print(f"rolegraph: {e}", file=sys.stderr)
            status = 2
            continue
        for note in report.notes:
            print(note, file=sys.stderr)
        sys.stdout.write(render(report, corpus, "text", display_root=shown))
        if report.failed:
            status = max(status, 1)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
