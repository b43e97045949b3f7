"""Each quote inside its surrounding sentence, cut from the source's snapshot.

Holds the sentence-cutting rule and the snapshot reading for the report. It reads snapshots
through the corpus package's safe file access (inside the corpus, size limits) and imports nothing
else of rolegraph but the model; it must not import the report's view or renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Claim, Source

#: at most this many characters of context on each side of a quote
MAX_CONTEXT = 240
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"'\u201d\u2019)\]]|$)|\n")


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """A quote and the text around it: ``before + quote + after`` is a slice of the snapshot,
    ``cut_before``/``cut_after`` say whether the sentence went on past the shown text."""

    before: str
    quote: str
    after: str
    cut_before: bool
    cut_after: bool


def sentence_context(text: str, start: int, end: int, limit: int = MAX_CONTEXT) -> QuoteContext:
    """The sentence (or sentences) around ``text[start:end]``, at most ``limit`` characters of
    context on each side; a sentence ends at ``.``, ``!`` or ``?`` before a space or quote
    mark, or at a line break."""
    lo = max(0, start - limit)
    head = text[lo:start]
    s = 0
    for m in _SENTENCE_END.finditer(head):
        s = m.end()
    cut_before = s == 0 and lo > 0
    before = head[s:].lstrip()
    tail = text[end : end + limit]
    m = _SENTENCE_END.search(tail)
    if _SENTENCE_END.match(text, end - 1) and end > start:  # the quote ends its sentence
        after, cut_after = "", False
    elif m:
        after, cut_after = tail[: m.end()].rstrip("\n"), False
    else:
        after, cut_after = tail, end + limit < len(text)
    return QuoteContext(before, text[start:end], after.rstrip(), cut_before, cut_after)


def snapshot_texts(root: str, sources: list[Source]) -> dict[str, str]:
    """The snapshot text of every source that has located quotes, keyed by source id; a
    snapshot that is missing, refused or not UTF-8 is left out (lint reports it)."""
    from ..corpus.files import Budget
    from ..corpus.snapshots import read_snapshot

    budget = Budget()
    out: dict[str, str] = {}
    for s in sources:
        if not any(c.start is not None for c in s.claims):
            continue
        _, text = read_snapshot(Path(root), s, [], budget)
        if text is not None:
            out[s.id] = text
    return out


def claim_context(claim: Claim, texts: dict[str, str]) -> QuoteContext | None:
    """The quote of ``claim`` in its sentence, None when the quote was not located."""
    text = texts.get(claim.source_id)
    if text is None or claim.start is None or claim.end is None or text[claim.start : claim.end] != claim.quote:
        return None
    return sentence_context(text, claim.start, claim.end)
