"""Copy detection: quotes that are the same, or near-identical, text.

Two quotes are copies when they are equal after :func:`normalize` (case, whitespace,
punctuation) or when their rapidfuzz ``fuzz.ratio`` (on the normalised text) reaches the
threshold. The search is blocked: callers pass the quotes of one role pair only; identical
texts are merged by hashing first, and only the distinct texts are compared, each with the
texts whose length still allows the threshold.

It imports only ``workers`` and the standard library (rapidfuzz lazily); it must not import the
core, results or any output format.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from ..workers import cpu_count, process_pool

_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Case-folded text with punctuation dropped and whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", text).strip()


class UnionFind:
    """Disjoint sets over ``0..n-1``; :meth:`find` returns the smallest member's root."""

    __slots__ = ("parent",)

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # keep the smaller index as root so roots do not depend on the order of unions
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


#: Below this many distinct texts the quotes are compared directly, without the projection.
PROJECT_MIN = 64
#: Share of the characters (most frequent first) that the projection keeps.
PROJECT_MASS = 0.5


def _projection(texts: Sequence[str]) -> re.Pattern[str]:
    """A pattern deleting every character but the most frequent ones (half the text's mass).

    Deleting the same characters from two strings never increases their Indel distance, so
    the projected strings give a sound, cheap first test: short strings compare fast.
    """
    counts = Counter("".join(texts))
    counts.pop(" ", None)
    total = sum(counts.values())
    keep: list[str] = []
    acc = 0
    for ch, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if acc >= PROJECT_MASS * total:
            break
        keep.append(ch)
        acc += n
    return re.compile("[^" + "".join(re.escape(ch) for ch in keep) + "]+" if keep else ".+", re.S)


def similar_pairs(texts: Sequence[str], threshold: float, *, project: bool | None = None) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of distinct texts whose ``fuzz.ratio`` >= threshold.

    Exact (the same pairs as comparing all pairs), but blocked: texts are compared in length
    order, each only with the longer texts that can still reach the threshold (Indel
    similarity bounds the length ratio). With many texts (``project`` None: at least
    :data:`PROJECT_MIN`), a first pass compares projections of the texts onto their most
    frequent characters against the largest Indel distance the threshold allows, and only the
    survivors are scored in full.
    """
    if len(texts) < 2 or threshold > 100:
        return []
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Indel

    order = sorted(range(len(texts)), key=lambda k: (len(texts[k]), texts[k]))
    ordered = [texts[k] for k in order]
    lengths = [len(t) for t in ordered]
    r = max(threshold, 1e-9) / 100.0
    stretch = (2.0 - r) / r  # ratio >= r needs len(longer) <= len(shorter) * (2 - r) / r
    if project is None:
        project = len(texts) >= PROJECT_MIN
    projected = None
    if project:
        strip = _projection(ordered)
        projected = [strip.sub("", t) for t in ordered]
    out: list[tuple[int, int]] = []
    for i, text in enumerate(ordered):
        hi = bisect.bisect_right(lengths, int(lengths[i] * stretch) + 1)  # +1: float safety
        if hi <= i + 1:
            continue
        if projected is None:
            found = process.extract(text, ordered[i + 1 : hi], scorer=fuzz.ratio, score_cutoff=threshold, limit=None)
            hits = [j for _choice, _score, j in found]
        else:
            # ratio >= r  <=>  Indel distance <= (1 - r) * (len_a + len_b); lengths grow with j
            limit = int((1.0 - r) * (lengths[i] + lengths[hi - 1])) + 1
            found = process.extract(
                projected[i], projected[i + 1 : hi], scorer=Indel.distance, score_cutoff=limit, limit=None
            )
            near = [j for _choice, _score, j in found]
            if near:
                scored = process.extract(
                    text, [ordered[i + 1 + j] for j in near], scorer=fuzz.ratio, score_cutoff=threshold, limit=None
                )
                hits = [near[k] for _choice, _score, k in scored]
            else:
                hits = []
        for j in hits:
            a, b = order[i], order[i + 1 + j]
            out.append((a, b) if a < b else (b, a))
    return out


def _distinct(quotes: Sequence[str]) -> tuple[list[str], list[int]]:
    """The distinct normalised texts, and for each quote the index of its text."""
    first: dict[str, int] = {}
    distinct: list[str] = []
    slot = []
    for q in quotes:
        text = normalize(q)
        k = first.get(text)
        if k is None:
            k = first[text] = len(distinct)
            distinct.append(text)
        slot.append(k)
    return distinct, slot


def _components(slot: list[int], n_distinct: int, pairs: list[tuple[int, int]]) -> list[int]:
    uf = UnionFind(n_distinct)
    for a, b in pairs:
        uf.union(a, b)
    # a component is named by its first quote (in the order given)
    first_quote: dict[int, int] = {}
    return [first_quote.setdefault(uf.find(k), i) for i, k in enumerate(slot)]


def copy_components(quotes: Sequence[str], threshold: float, *, project: bool | None = None) -> list[int]:
    """For each quote, the index of its copy component (the smallest index of the component).

    Components are the transitive closure of "same normalised text or ratio >= threshold".
    """
    distinct, slot = _distinct(quotes)
    return _components(slot, len(distinct), similar_pairs(distinct, threshold, project=project))


#: Groups with at least this many distinct texts may go to worker processes ...
PARALLEL_MIN = 64
#: ... when the comparisons they need (sum of n squared) reach this.
PARALLEL_WORK = 4_000_000


def _similar_task(args: tuple[list[str], float]) -> list[tuple[int, int]]:
    return similar_pairs(*args)


class CopySearch:
    """:func:`copy_components` of many independent groups of quotes (one group per role pair).

    With enough work and more than one CPU, the largest groups are searched in worker
    processes (``workers``: at most this many; None: one per CPU; 1: none) while the caller
    handles the others: ask for the groups in :attr:`order` (the small ones first). The answer
    never depends on how the work was split. Use as a context manager.
    """

    def __init__(self, groups: Sequence[Sequence[str]], threshold: float, *, workers: int | None = None) -> None:
        self.threshold = threshold
        self.prepared = [_distinct(g) for g in groups]
        self._futures: dict = {}
        self._pool = None
        big = sorted(
            (k for k, (distinct, _) in enumerate(self.prepared) if len(distinct) >= PARALLEL_MIN),
            key=lambda k: (-len(self.prepared[k][0]), k),
        )
        n_workers = min(cpu_count() if workers is None else max(1, workers), len(big))
        if n_workers > 1 and sum(len(self.prepared[k][0]) ** 2 for k in big) >= PARALLEL_WORK:
            self._start(big, n_workers)
        self.order = [k for k in range(len(groups)) if k not in self._futures] + [k for k in big if k in self._futures]

    def _start(self, big: list[int], n_workers: int) -> None:
        self._pool = process_pool(n_workers)
        if self._pool is None:
            return
        try:
            for k in big:
                self._futures[k] = self._pool.submit(_similar_task, (self.prepared[k][0], self.threshold))
        except Exception:  # a pool that cannot take work: do it inline
            self.close()
            self._futures = {}

    def components(self, k: int) -> list[int]:
        """For each quote of group ``k``, the index of the first quote of its copy component."""
        distinct, slot = self.prepared[k]
        pairs = None
        future = self._futures.get(k)
        if future is not None:
            try:
                pairs = future.result()
            except Exception:  # a broken pool: compute it here
                pairs = None
        if pairs is None:
            pairs = similar_pairs(distinct, self.threshold)
        return _components(slot, len(distinct), pairs)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> CopySearch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def group_id(roles: tuple[str, str], normalized_quote: str) -> str:
    """A stable copy-group id from the role pair and the group's first normalised quote."""
    digest = hashlib.sha1(f"{roles[0]}\x00{roles[1]}\x00{normalized_quote}".encode(), usedforsecurity=False).hexdigest()
    return "copy-" + digest[:10]
