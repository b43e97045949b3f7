"""Sentences and clauses of a snapshot, as character spans of the original text (so every quote
is verbatim). A line is a paragraph or a list item; sentences end at ., ! or ? followed by a
capital, a digit or an opening quote, except after common abbreviations ("e.g.", "Sr.", "vs.").
Clauses split a sentence where a new statement starts (";", ", though", ", but", ", while",
", whereas", ", although", " but ", " whereas "), so a hedge or negation stays in its clause.

Imports only the standard library; it must not import any rolegraph module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_END = re.compile(r"[.!?]+[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|Sr|Jr|Mr|Mrs|Ms|Dr|Inc|Ltd|Co|St|approx|No)|\b[A-Z])\.$")
_CLAUSE = re.compile(
    r";\s+|,\s+(?=(?:though|although|but|while|whereas|yet|unlike)\b)|\s(?=(?:but|whereas)\s)|\s+[–—]\s+"
)  # no re.I: inside a sentence these words are in lower case, and the pattern stays fast
_BULLET = re.compile(r"^\s*(?:[-*•‣▪●◦]|\d{1,2}[.)]|[a-z][.)])\s+")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def lines(text: str) -> list[Span]:
    """Non-blank lines (paragraphs and list items), without leading bullets or spaces."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        m = _BULLET.match(raw)
        s = start + (m.end() if m else len(raw) - len(raw.lstrip()))
        e = start + len(raw.rstrip())
        if e > s:
            out.append(Span(s, e))
    return out


def sentences(text: str, line: Span) -> list[Span]:
    """The sentences of one line."""
    out = []
    s = line.start
    seg = text[line.start : line.end]
    for m in _END.finditer(seg):
        end = line.start + m.start()
        piece = text[s : end + 1]
        if _ABBREV.search(piece):
            continue
        # keep the end punctuation out of the sentence span, a closing quote in
        e = line.start + m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append(Span(s, e))
        s = line.start + m.end()
    if s < line.end:
        out.append(Span(s, line.end))
    return out


def clauses(text: str, sent: Span) -> list[Span]:
    """The clauses of one sentence."""
    out = []
    s = sent.start
    for m in _CLAUSE.finditer(text, sent.start, sent.end):
        if m.start() > s:
            out.append(Span(s, m.start()))
        s = m.end()
    if s < sent.end:
        out.append(Span(s, sent.end))
    return out


def trim(text: str, span: Span) -> Span:
    """The span without surrounding spaces and final punctuation (the quote of a claim)."""
    s, e = span.start, span.end
    while s < e and (text[s].isspace() or text[s] in ",;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".!?,;:"):
        e -= 1
    return Span(s, e)
