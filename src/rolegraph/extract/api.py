"""The library calls behind ``rolegraph extract``: run the rules on sources' snapshots, drop
proposals a claims file already holds, give each a readable id, render claims YAML, and merge
into claims files (marked ``proposed: true``).

Imports the model, the corpus package, the atomic writer and the extract modules; it must not
import the CLI, the linter, the compiler or consensus.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem
from ..model import RANK_DIRECTION, Claim, Corpus, Source
from .engine import Extractor, Proposal
from .writer import merge, render_item

SYMMETRIC = frozenset({"same", "overlaps", "may_be"})


@dataclass
class SourceProposals:
    source: Source
    items: list[dict] = field(default_factory=list)  # claim fields in writing order
    proposals: list[Proposal] = field(default_factory=list)
    already: int = 0  # distinct proposals the claims file holds already (or that were reviewed)
    ids: list[str] = field(default_factory=list)  # proposal ids of ``items``, for the ``extracted:`` list
    unknown: list[str] = field(default_factory=list)  # title-like mentions of no known role

    @property
    def stale(self) -> bool:
        """The snapshot no longer has the sha256 its header declares (it changed since ``add``)."""
        s = self.source
        return bool(s.sha256 and s.actual_sha256 and s.sha256 != s.actual_sha256)


@dataclass
class ExtractResult:
    sources: list[SourceProposals]

    @property
    def count(self) -> int:
        return sum(len(s.items) for s in self.sources)

    def yaml(self) -> str:
        """The proposals as claims YAML, one document section per source."""
        out = []
        for sp in self.sources:
            out.append(f"# {sp.source.id}: {len(sp.items)} proposed claims\n")
            out.append(f"# from {sp.source.file}\nclaims:\n" if sp.items else "")
            out.extend(render_item(it, "  ") for it in sp.items)
        return "".join(out)


def claim_key(subject: str | None, relation: str | None, obj: str | None, scope) -> tuple:
    """What two claims must share to say the same thing: ordering (above = below reversed,
    oversees = reports_to reversed), unordered pairs for symmetric relations, and scope."""
    d = RANK_DIRECTION.get(relation or "")
    if d:
        hi, lo = (subject, obj) if d > 0 else (obj, subject)
        return ("rank", hi, lo, str(scope))
    if relation in SYMMETRIC:
        return (relation, *sorted([subject or "", obj or ""]), str(scope))
    return (relation, subject, obj, str(scope))


def _norm(quote: str) -> str:
    return " ".join(quote.split()).lower()


def proposal_id(subject: str, obj: str | None, quote: str) -> str:
    """A proposal's stable id: its two roles (either order) and its quote (spacing and case aside).
    ``extract --write`` records it in the claims file's ``extracted:`` list, so a proposal a person
    accepted, edited (hedge, scope, even the relation) or deleted is never proposed again."""
    pair = "\x00".join(sorted([subject, obj or ""]))
    return hashlib.sha256(f"{pair}\x00{_norm(quote)}".encode()).hexdigest()[:12]


def _occurrence(text: str, quote: str, start: int) -> int:
    n, pos = 0, text.find(quote)
    while 0 <= pos <= start:
        n += 1
        pos = text.find(quote, pos + 1)
    return max(n, 1)


def _overlap(a: tuple[int, int], b: tuple[int | None, int | None]) -> bool:
    return b[0] is not None and b[1] is not None and a[0] < b[1] and b[0] < a[1]


def proposals_for(source: Source, text: str, extractor: Extractor, vocabulary) -> SourceProposals:
    props, unknown = extractor.run(text)
    out = SourceProposals(source, unknown=sorted(set(unknown)))
    existing: list[Claim] = source.claims
    full_keys = {(c.subject, c.relation, c.object, str(c.scope), c.hedge, c.condition or "") for c in existing}
    ids = {c.id for c in existing}
    # a claim with the same two roles and the same (or an overlapping) quote is there already,
    # whatever its relation, hedge or scope: the reviewer may have edited them
    reviewed = set(source.extracted) | {proposal_id(c.subject, c.object, c.quote or "") for c in existing if c.subject}
    spans = [(frozenset((c.subject, c.object)), (c.start, c.end)) for c in existing]
    already: set[tuple] = set()
    for p in props:
        full = (p.subject, p.relation, p.object, str(p.scope), p.hedge, p.condition or "")
        quote = text[p.start : p.end]
        pid = proposal_id(p.subject, p.object, quote)
        pair = frozenset((p.subject, p.object))
        if (
            full in full_keys
            or pid in reviewed
            or any(roles == pair and _overlap((p.start, p.end), span) for roles, span in spans)
        ):
            already.add(full)
            continue
        full_keys.add(full)
        out.ids.append(pid)
        voc = vocabulary
        base = voc.roles[p.subject].short + "-" + p.relation.replace("_", "-")
        if p.object:
            base += "-" + voc.roles[p.object].short
        cid, n = base, 1
        while cid in ids:
            n += 1
            cid = f"{base}-{n}"
        ids.add(cid)
        occ = _occurrence(text, quote, p.start)
        out.proposals.append(p)
        out.items.append(
            {
                "id": cid,
                "subject": voc.label(p.subject),
                "relation": p.relation,
                "object": voc.label(p.object) if p.object else None,
                "quote": quote,
                "occurrence": occ if occ > 1 else None,
                "scope": str(p.scope),  # written even when default, so the reviewer sees it was judged
                "hedge": p.hedge,
                "condition": p.condition,
                "note": f"extract: {p.cue}",
                "proposed": True,
            }
        )
    out.already = len(already)
    return out


def _snapshot_text(corpus: Corpus, source: Source) -> str:
    from ..corpus.files import MAX_SNAPSHOT_BYTES, decode, locate, read_input

    root = Path(corpus.root)
    rel = source.snapshot or ""
    _, why = locate(root, rel)
    if why:
        raise InputError(Problem(source.file, source.line_of("snapshot"), f"snapshot {rel} {why}"))
    data = read_input(root / rel, MAX_SNAPSHOT_BYTES, rel, root=root)
    return decode(data, rel)


def extract(
    corpus: Corpus,
    source_ids: Iterable[str] | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> ExtractResult:
    """Proposed claims for the named sources (all sources when ``source_ids`` is None)."""
    wanted = list(dict.fromkeys(source_ids)) if source_ids is not None else None
    by_id = {s.id: s for s in corpus.sources}
    if wanted is not None:
        missing = [w for w in wanted if w not in by_id]
        if missing:
            raise InputError(
                [
                    Problem(f"claims/{m}.yaml", 0, f"no source '{m}' in the corpus; add it with: rolegraph add")
                    for m in missing
                ]
            )
        chosen = [by_id[w] for w in wanted]
    else:
        chosen = list(corpus.sources)
    ex = Extractor(corpus.vocabulary)
    out = []
    for s in chosen:
        out.append(proposals_for(s, _snapshot_text(corpus, s), ex, corpus.vocabulary))
        if progress:
            progress(1)
    return ExtractResult(out)


def write_proposals(corpus: Corpus, result: ExtractResult) -> list[tuple[str, int]]:
    """Append each source's proposals to its claims file; (file, count) per file written.

    Every file is merged and checked first; only then are files written (atomically), so a
    problem in one leaves every file as it was.
    """
    from ..atomic import write_many_atomic
    from ..corpus.files import MAX_CLAIMS_FILE_BYTES, decode, read_input

    root = Path(corpus.root)
    planned = []
    problems: list[Problem] = []
    for sp in result.sources:
        if not sp.items:
            continue
        rel = sp.source.file
        try:
            original = decode(read_input(root / rel, MAX_CLAIMS_FILE_BYTES, rel, root=root), rel)
            digest = hashlib.sha256(original.encode()).hexdigest()
            planned.append((rel, merge(rel, original, sp.items, sp.ids), digest, len(sp.items)))
        except InputError as e:
            problems.extend(e.problems)
    if problems:
        raise InputError(problems)
    write_many_atomic([(root / rel, text) for rel, text, _digest, _n in planned])
    return [(rel, n) for rel, _text, _digest, n in planned]
