"""Differential lint: which findings a change since a git revision is responsible for.

Holds :func:`lint_changed_since` (the library call behind ``rolegraph lint --changed-since REF``),
:func:`claim_identity` (what makes two claims "the same claim" across revisions: their content
after role resolution, never file, line, id or source) and :func:`load_base` (the corpus at the
merge-base, read through :mod:`rolegraph.gitbase` into a folder kept between runs, so the parse
cache serves every unchanged file). The base's findings are cached by the corpus tree's git id,
so a base that was linted before costs nothing.

A finding is reported when its fingerprint (or, for findings about claims, its rule and the
identities of its claims) did not occur at the base, or when one of its claims is new or
changed. A base finding that no longer occurs (and was not merely widened or narrowed into a
current finding of the same rule and roles) is listed as resolved; resolved findings never fail
the run. It must not import the CLI or the formatters.
"""

from __future__ import annotations

import hashlib
import marshal
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .baseline import entry
from .findings import Finding
from .linter import LintReport, lint
from .model import Claim, Corpus, format_sizes

RESULT_FORMAT = f"rolegraph-base-result-2/{__version__}"


def claim_identity(c: Claim) -> tuple:
    """A claim's content after role resolution: subject, relation, object, quote, scope, hedge, condition."""
    return (
        c.subject or f"?{c.subject_text}",
        c.relation or f"?{c.relation_text}",
        c.object or (f"?{c.object_text}" if c.object_text is not None else None),
        c.quote,
        str(c.scope) if c.scope is not None else f"?{c.scope_text}",
        c.hedge or f"?{c.hedge_text}",
        c.condition,
    )


def content_id(f: Finding) -> str | None:
    """The rule and the identities of a finding's claims, hashed; None for findings about no claim."""
    if not f.claims:
        return None
    ids = sorted(repr(claim_identity(c)) for c, _ in f.claims)
    return hashlib.sha256("\x1f".join([f.code, *ids]).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def group_id(f: Finding) -> str:
    """What stays when a contradiction's sizes change: the rule and its key without the sizes."""
    key = f.key[:-1] if f.code.startswith("RG1") and f.sizes and f.key and f.key[-1] == format_sizes(f.sizes) else f.key
    return hashlib.sha256("\x1f".join([f.code, *map(str, key)]).encode()).hexdigest()[:16]


@dataclass
class BaseResult:
    """What the comparison needs from the base: its findings and the identities of its claims."""

    label: str  # "origin/main (merge-base 1a2b3c4d5e6f)"
    entries: list[dict] = field(default_factory=list)  # entry() + "content", "group", "sizes"
    claims: set = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    def to_plain(self) -> dict:
        return {"format": RESULT_FORMAT, "entries": self.entries, "claims": sorted(self.claims, key=repr)}


def _result_of(report: LintReport, corpus: Corpus, label: str) -> BaseResult:
    entries = []
    for f in report.findings:
        e = entry(f, corpus)
        e.update(content=content_id(f), group=group_id(f), sizes=sorted(f.sizes))
        entries.append(e)
    return BaseResult(label=label, entries=entries, claims={claim_identity(c) for c in corpus.claims()})


def _options_key(opts: dict) -> str:
    basis = repr(sorted((k, repr(v)) for k, v in opts.items()))
    return hashlib.sha256(f"{RESULT_FORMAT}\x00{basis}".encode()).hexdigest()[:16]


def _results_folder() -> Path:
    from .corpus.cache import cache_dir

    return cache_dir() / "git-results"


def _read_result(tree: str, opts: dict, label: str) -> BaseResult | None:
    path = _results_folder() / f"{tree}-{_options_key(opts)}.marshal"
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("format") != RESULT_FORMAT:
        return None
    return BaseResult(label=label, entries=data["entries"], claims=set(data["claims"]))


def _write_result(tree: str, opts: dict, result: BaseResult) -> None:
    from .atomic import write_atomic

    folder = _results_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{tree}-{_options_key(opts)}.marshal", marshal.dumps(result.to_plain()), durable=False)
    except (OSError, ValueError):
        pass  # a cache that cannot be written costs time, never correctness


def locate(corpus: Corpus, ref: str):
    """(repo, base): the repository around the corpus and the merge-base of REF and HEAD."""
    from . import gitbase

    repo = gitbase.find_repo(corpus.root)
    return repo, gitbase.resolve_base(repo, ref)


def load_base(repo, base) -> tuple[Corpus | None, list[str]]:
    """The corpus at the base commit (None when it is not tracked there or cannot be loaded), and notes."""
    from . import gitbase
    from .corpus import load_corpus
    from .corpus.cache import cache_dir
    from .errors import InputError

    if base.tree is None:
        where = repo.prefix or "."
        return None, [
            f"note: the corpus folder {where} is not tracked at {base.ref} ({base.short}); every finding counts as new"
        ]
    with gitbase.locked(gitbase.base_folder(cache_dir(), repo)) as folder:
        root = gitbase.checkout_tree(repo, base.tree, folder)
        try:
            return load_corpus(root, cache=True), []
        except InputError as e:
            p = e.problems[0]
            return None, [
                f"note: the corpus at {base.ref} ({base.short}) cannot be loaded ({p.file}:{p.line}: {p.message}); "
                "every finding counts as new"
            ]


def base_result(repo, base, opts: dict, *, same_as: tuple[LintReport, Corpus] | None = None) -> BaseResult:
    """The base's findings (cached by the corpus tree's id) and claim identities.

    ``same_as``: the current report and corpus, when they are known to be the base's (the corpus
    on disk is HEAD's and HEAD's corpus tree is the base's), so the base is neither read nor linted.
    """
    label = f"{base.ref} (merge-base {base.short})"
    if same_as is not None:
        return _result_of(same_as[0], same_as[1], label)
    if base.tree is not None:
        cached = _read_result(base.tree, opts, label)
        if cached is not None:
            return cached
    base_corpus, notes = load_base(repo, base)
    if base_corpus is None:
        return BaseResult(label=label, notes=notes)
    result = _result_of(lint(base_corpus, **opts), base_corpus, label)
    _write_result(base.tree, opts, result)
    return result


def clean_head_tree(repo) -> str | None:
    """The tree id of HEAD's corpus folder when the corpus on disk is exactly that, else None."""
    from . import gitbase

    head = gitbase.git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], cwd=repo.top, check=False)
    commit = head.stdout.decode("ascii", "replace").strip()
    tree = gitbase.corpus_tree(repo, commit) if head.returncode == 0 else None
    return tree if tree is not None and gitbase.worktree_clean(repo) else None


def lint_changed_since(
    corpus: Corpus,
    ref: str,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    severity: dict[str, str] | None = None,
    fail_on: str | None = None,
    engine: str = "fast",
) -> LintReport:
    """Lint the whole corpus; keep only the findings the change since REF's merge-base is responsible for.

    The returned report's ``findings`` are the reported ones (exit status and ``fail_on`` apply
    to them); ``resolved`` lists base findings that no longer occur; ``changed`` holds the
    fingerprints of findings on a new or changed claim; ``notes`` are lines for stderr.
    """
    opts = {"select": select, "ignore": ignore, "severity": severity, "fail_on": fail_on, "engine": engine}
    report = lint(corpus, **opts)
    repo, base = locate(corpus, ref)
    head_tree = clean_head_tree(repo)
    if head_tree is not None and not (_results_folder() / f"{head_tree}-{_options_key(opts)}.marshal").exists():
        _write_result(head_tree, opts, _result_of(report, corpus, ""))  # the next change's base
    same = (report, corpus) if head_tree is not None and head_tree == base.tree else None
    return compare(report, corpus, base_result(repo, base, opts, same_as=same))


def compare(report: LintReport, corpus: Corpus, base: BaseResult) -> LintReport:
    """Filter ``report`` to what differs from ``base`` (see the module doc)."""
    fps = {e["fingerprint"] for e in base.entries}
    contents = {e["content"] for e in base.entries if e["content"]}
    kept, changed = [], set()
    now_fps, now_contents, now_groups = set(), set(), {}
    for f in report.findings:
        cid = content_id(f)
        now_fps.add(f.fingerprint)
        if cid:
            now_contents.add(cid)
        now_groups.setdefault(group_id(f), set()).update(f.sizes)
        touched = any(claim_identity(c) not in base.claims for c, _ in f.claims)
        if touched:
            changed.add(f.fingerprint)
        if touched or (f.fingerprint not in fps and (cid is None or cid not in contents)):
            kept.append(f)
    resolved = []
    for e in base.entries:
        if e["fingerprint"] in now_fps or (e["content"] and e["content"] in now_contents):
            continue
        if now_groups.get(e["group"], set()) & set(e["sizes"]):
            continue  # the same disagreement, widened or narrowed: reported above if the change touched it
        resolved.append(
            {k: e[k] for k in ("fingerprint", "code", "severity", "roles", "scope", "message", "file", "line")}
        )
    resolved.sort(key=lambda e: (e["file"], e["line"], e["code"], e["fingerprint"]))
    report.hidden = len(report.findings) - len(kept)
    report.findings = kept
    report.changed = frozenset(changed)
    report.resolved = resolved
    report.compared_with = base.label
    report.notes = list(base.notes)
    return report


def lint_for_ci(
    corpus: Corpus,
    *,
    changed_since: str | None = None,
    baseline: str | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    severity: dict[str, str] | None = None,
    fail_on: str | None = None,
    engine: str = "fast",
) -> LintReport:
    """``rolegraph lint`` with its CI filters: only what changed since a revision, only what a baseline lacks."""
    from .baseline import apply_baseline, read_baseline

    entries = read_baseline(baseline) if baseline else None  # a bad file stops the run before any work
    opts = {"select": select, "ignore": ignore, "severity": severity, "fail_on": fail_on, "engine": engine}
    report = lint_changed_since(corpus, changed_since, **opts) if changed_since is not None else lint(corpus, **opts)
    if entries is not None:
        apply_baseline(report, entries, label=f"the baseline {baseline}")
    return report
