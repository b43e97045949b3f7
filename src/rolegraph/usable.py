"""The usable part of a corpus: what consensus, export, stats (and every other publishing command) rest on.

:func:`usable_corpus` runs the structure rules (RG001-RG009, fast engine; errors that no claim accepts, after
the corpus's severity overrides, exactly what ``check_structure`` refuses) and returns the corpus without the
claims they find, plus a :class:`~rolegraph.leftout.LeftOut` record for each; a snapshot problem (RG005,
RG006) leaves out its whole source. :func:`load_usable_corpus` loads a folder so that a claims file that
cannot be read or parsed is left out too instead of stopping the load. With ``strict`` (or ``[publish]
strict = true`` in rolegraph.toml) both refuse instead, with the :class:`InputError` the commands always gave.
When every claim is left out there is no result: they refuse then as well (unless ``allow_empty``).
This module sits above the loader and the linter and below every publishing module; it must not import
consensus, the exporter, stats or the CLI.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .errors import InputError, Problem
from .findings import Finding
from .leftout import LeftOut, summary
from .linter import lint
from .model import Corpus

__all__ = ["LeftOut", "UsableCorpus", "load_usable_corpus", "structure_problems", "unwrap", "usable_corpus"]


@dataclass(frozen=True)
class UsableCorpus:
    """A corpus without its left-out claims (``corpus``), and what was left out (``left_out``, sorted by file
    and line). Pass it to ``rolegraph.consensus``, ``rolegraph.export`` or ``rolegraph.stats``: their results
    then record the left-out list (consensus JSON ``left_out``, the export's provenance count)."""

    corpus: Corpus
    left_out: tuple[LeftOut, ...] = ()

    @property
    def claims(self) -> int:
        """How many claims the result rests on."""
        return sum(len(s.claims) for s in self.corpus.sources)

    @property
    def sources(self) -> int:
        return len(self.corpus.sources)

    def summary(self) -> str:
        """The count line printed after the left-out lines."""
        return summary(self.left_out, self.claims, self.sources)


def unwrap(corpus: Corpus | UsableCorpus, strict: bool | None = None) -> tuple[Corpus, tuple[LeftOut, ...]]:
    """(the corpus, what was left out of it): how a publishing function takes either a
    :class:`UsableCorpus` (as it is) or a plain corpus, whose claims with structure errors it leaves out
    the same way (``strict``, default the corpus setting: refuse instead), so the library answers as the
    commands do."""
    if isinstance(corpus, UsableCorpus):
        return corpus.corpus, corpus.left_out
    usable = usable_corpus(corpus, strict=strict, allow_empty=True)
    return usable.corpus, usable.left_out


def is_strict(corpus: Corpus, strict: bool | None) -> bool:
    """``strict`` when given, else the corpus setting (``[publish] strict``, default false)."""
    return bool(getattr(corpus.settings, "strict", False)) if strict is None else bool(strict)


def structure_findings(corpus: Corpus) -> list[Finding]:
    """The structure errors that stop a strict publish: RG001-RG009 at severity error, not accepted."""
    report = lint(corpus, select=["RG00"], ignore=["RG010"], fail_on="error")
    return [f for f in report.findings if f.severity == "error" and f.accepted is None]


def structure_problems(findings: Iterable[Finding]) -> list[Problem]:
    """The findings as the one-line problems a strict publish refuses with."""
    return [Problem(f.file, f.line, f"{f.message} [{f.code}]") for f in findings]


def usable_corpus(
    corpus: Corpus,
    *,
    strict: bool | None = None,
    unreadable: Iterable[Problem] = (),
    allow_empty: bool = False,
) -> UsableCorpus:
    """``corpus`` without the claims that have structure errors, and the list of what was left out.

    ``unreadable``: problems of claims files the load could not read or parse (see :func:`load_usable_corpus`);
    each file becomes one left-out record, or, when its problems all lie inside claims, each such claim.
    ``strict`` (default: the corpus setting) raises :class:`InputError` on any of them instead.
    The input corpus is not changed.
    """
    unreadable = sorted(unreadable)
    strict = is_strict(corpus, strict)
    if strict and unreadable:
        raise InputError(unreadable)
    findings = structure_findings(corpus)
    if strict and findings:
        raise InputError(structure_problems(findings))
    if not findings and not unreadable:
        return UsableCorpus(corpus)
    left = _files_left_out(unreadable)
    drop_sources, drop_claims, records = _claims_left_out(corpus, findings)
    sources = []
    for s in corpus.sources:
        if s.id in drop_sources:
            continue
        kept = [c for c in s.claims if c.key not in drop_claims]
        sources.append(s if len(kept) == len(s.claims) else replace(s, claims=kept))
    usable = UsableCorpus(replace(corpus, sources=sources), tuple(sorted(left + records, key=LeftOut.sort_key)))
    if not allow_empty and usable.claims == 0:  # nothing left to publish: refuse as --strict does
        raise InputError(unreadable or structure_problems(findings))
    return usable


def load_usable_corpus(
    path: str | os.PathLike[str] | None = None,
    *,
    strict: bool | None = None,
    cache: bool = False,
    allow_empty: bool = False,
) -> UsableCorpus:
    """Load a corpus folder (the bundled corpus when ``path`` is None) for publishing: claims files that cannot
    be read or parsed, and claims with structure errors, are left out (see :func:`usable_corpus`).

    Problems that concern the whole corpus (rolegraph.toml, roles.ttl, the claims folder) still raise
    :class:`InputError`, as do all problems when ``strict``.
    """
    from .corpus import load_corpus  # the loader (YAML, RDF, worker pool) only when loading: filtering needs none

    unreadable: list[Problem] = []
    corpus = load_corpus(path, cache=cache, left_out=unreadable)
    return usable_corpus(corpus, strict=strict, unreadable=unreadable, allow_empty=allow_empty)


def _more(reason: str, more: int) -> str:
    if not more:
        return reason
    return f"{reason} (and {more} more problem{'s' if more != 1 else ''}; see: rolegraph lint)"


def _files_left_out(problems: list[Problem]) -> list[LeftOut]:
    """One record per file that could not be read or parsed (its first problem, and how many more); in a file
    whose problems all lie inside claims (``Problem.claim``), one record per such claim instead."""
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        by_file[p.file].append(p)
    out = []
    for f, ps in by_file.items():
        if any(p.claim is None for p in ps):
            reason = _more(ps[0].message, len(ps) - 1)
            out.append(LeftOut(file=f, line=ps[0].line, source=None, claim=None, code=None, reason=reason))
            continue
        by_claim: dict[tuple[str, str, int], list[Problem]] = defaultdict(list)
        for p in ps:
            by_claim[p.claim].append(p)
        for (sid, cid, _), cps in by_claim.items():
            reason = _more(cps[0].message, len(cps) - 1)
            out.append(LeftOut(file=f, line=cps[0].line, source=sid, claim=cid, code=None, reason=reason))
    return out


def _claims_left_out(corpus: Corpus, findings: list[Finding]) -> tuple[set[str], set[tuple[str, str]], list[LeftOut]]:
    """(source ids left out whole, claim keys left out, one record per left-out claim or claimless source).

    A claim with several problems gets one record: the first problem (by line, then code), and how many more.
    Of claims stated twice (RG008 made an error), the first statement stays.
    """
    by_file = {s.file: s for s in corpus.sources}
    whole: dict[str, list[Finding]] = defaultdict(list)
    per_claim: dict[tuple[str, str], list[tuple[int, Finding]]] = defaultdict(list)
    claims = {}
    for f in findings:
        if not f.claims:  # a source finding (its snapshot): the whole source goes
            whole[by_file[f.file].id].append(f)
            continue
        members = [c for c, _ in f.claims]
        if len(members) > 1:  # one claim said again: keep the first statement
            members = sorted(members, key=lambda c: (c.line, c.id))[1:]
        for c in members:
            claims[c.key] = c
            per_claim[c.key].append((f.line if len(f.claims) == 1 else c.line, f))
    records: list[LeftOut] = []
    for sid, fs in whole.items():
        fs.sort(key=lambda f: (f.line, f.code))
        first, source = fs[0], corpus.source(sid)
        reason = _more(first.message, len(fs) - 1)
        for c in source.claims or [None]:
            cid = c.id if c is not None else None
            records.append(LeftOut(first.file, first.line, sid, cid, first.code, reason))
    drop = set()
    for key, hits in per_claim.items():
        c = claims[key]
        if c.source_id in whole:
            continue
        hits.sort(key=lambda h: (h[0], h[1].code))
        line, f = hits[0]
        drop.add(key)
        records.append(LeftOut(c.file, line, c.source_id, c.id, f.code, _more(f.message, len(hits) - 1)))
    return set(whole), drop, records
