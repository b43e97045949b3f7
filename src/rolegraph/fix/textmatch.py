"""Near-verbatim quote matching: typographic normalisation, passages a quote stands for, hints.

A curator's quote often differs from the snapshot only in typography: a straight apostrophe
where the page has a curly one, a double or non-breaking space, an en dash, a line break inside
the pasted text. This module finds the snapshot passages that equal a quote once both are
normalised, and, when there is none, the closest passage and the first character that differs.
Pure text functions: it must not import the loader, the rules or anything that reads files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters that stand for the same thing in a quote and on a page.
_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
    "\u00ad": "",  # a soft hyphen is invisible on the page
    "\u200b": "",
}
_SPACE = re.compile(r"\s+")

#: The most snapshot text the closest-passage search reads (its cost grows with text x quote).
MAX_SEARCH_CHARS = 400_000
MAX_QUOTE_CHARS = 2_000


def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` folded (quotes, dashes, spaces, line breaks) and, per folded character, the
    index in ``text`` it came from (one extra entry: the end)."""
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                out.append(" ")
                where.append(i)
            in_space = True
            continue
        in_space = False
        folded = _FOLD.get(ch, ch)
        if folded == "-" and out and out[-1] == "-":
            continue  # "--" typed for a dash: a run of dashes is one
        for f in folded:
            out.append(f)
            where.append(i)
    where.append(len(text))
    return "".join(out), where


_DASHES = re.compile(r"-{2,}")


def _fold(quote: str) -> str:
    return _DASHES.sub("-", _SPACE.sub(" ", "".join(_FOLD.get(ch, ch) for ch in quote))).strip()


def normalised_matches(text: str, quote: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of ``text`` that equal ``quote`` once both are normalised."""
    needle = _fold(quote)
    if not needle:
        return []
    hay, where = normalise(text)
    spans = []
    pos = hay.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        # the span ends after the last character of the passage, not at the next one's start
        spans.append((where[pos], where[end - 1] + 1))
        pos = hay.find(needle, pos + 1)
    return spans


def fixed_passage(text: str, quote: str, occurrence: int = 1) -> str | None:
    """The verbatim passage a near-miss quote stands for, when that is certain: every passage
    that normalises to the quote has the same text and there are at least ``occurrence`` of them.
    None when there is no such passage or two different ones (then a person must choose)."""
    spans = normalised_matches(text, quote)
    passages = {text[a:b] for a, b in spans}
    if len(passages) != 1 or len(spans) < occurrence:
        return None
    passage = passages.pop()
    return passage if passage != quote else None


@dataclass(frozen=True)
class Closest:
    """The passage of a snapshot nearest to a quote, where it is, and the first difference."""

    start: int
    end: int
    line: int  # 1-based
    col: int  # 1-based, in characters
    passage: str
    difference: str  # "’ U+2019 where the quote has ' U+0027", or "" when they are equal
    matches: int = 0  # passages that equal the quote once typography is normalised

    def describe(self, width: int = 60) -> str:
        shown = self.passage if len(self.passage) <= width else self.passage[: width - 3] + "..."
        shown = shown.replace("\n", "\\n").replace("\r", "\\r")
        diff = f" ({self.difference})" if self.difference else ""
        many = (
            f"; {self.matches} passages match once quotes, dashes and spaces are normalised: copy the one you mean"
            if self.matches > 1
            else ""
        )
        return f'closest: line {self.line} col {self.col} "{shown}"{diff}{many}'


_NAMES = {"\n": "line break", "\r": "carriage return", "\t": "tab", " ": "space"}


def _char(ch: str) -> str:
    """A character as a reader can see it: itself, or its name when it is blank or invisible."""
    if not ch:
        return "nothing"
    if unicodedata.category(ch).startswith(("Z", "C")):
        shown = _NAMES.get(ch) or unicodedata.name(ch, "").lower() or "invisible character"
    else:
        shown = ch
    return f"{shown} U+{ord(ch):04X}"


def first_difference(passage: str, quote: str) -> str:
    """Where the passage and the quote first differ, in words: "X U+.... where the quote has Y"."""
    n = min(len(passage), len(quote))
    for i in range(n):
        if passage[i] != quote[i]:
            return f"{_char(passage[i])} where the quote has {_char(quote[i])}"
    if len(passage) == len(quote):
        return ""
    if len(passage) > len(quote):
        return f"the page goes on with {_char(passage[n])} where the quote ends"
    return f"the page ends where the quote has {_char(quote[n])}"


def _line_col(text: str, index: int) -> tuple[int, int]:
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    line = text.count("\n", 0, index) + 1
    if "\r" in text:  # old Mac line ends count as breaks too, CRLF once
        line = len(re.findall(r"\r\n|\r|\n", text[:index])) + 1
    return line, index - line_start + 1


def closest_passage(text: str, quote: str) -> Closest | None:
    """The passage of ``text`` most like ``quote`` (rapidfuzz alignment, bounded in cost)."""
    if not quote or not text:
        return None
    spans = normalised_matches(text, quote)
    if spans:
        a, b = spans[0]
    else:
        from rapidfuzz.fuzz import partial_ratio_alignment

        q = quote[:MAX_QUOTE_CHARS]
        hay = text[:MAX_SEARCH_CHARS]
        al = partial_ratio_alignment(q, hay, score_cutoff=50)
        if al is None or al.dest_end <= al.dest_start:
            return None
        a, b = _trim(q, text, al.dest_start, al.dest_end)
    line, col = _line_col(text, a)
    passage = text[a:b]
    distinct = len({text[x:y] for x, y in spans})
    return Closest(a, b, line, col, passage, first_difference(passage, quote), distinct if distinct > 1 else 0)


def _trim(quote: str, text: str, a: int, b: int) -> tuple[int, int]:
    """The aligned window without page text the quote does not have at its ends (a window of the
    quote's length starts early when the quote's first words differ), then widened to whole words."""
    from rapidfuzz.distance import Levenshtein

    ops = [op for op in Levenshtein.opcodes(quote, text[a:b]) if op.tag != "equal" or op.dest_end > op.dest_start]
    while ops and ops[0].tag == "insert":
        a += ops[0].dest_end - ops[0].dest_start
        ops.pop(0)
    while ops and ops[-1].tag == "insert":
        b -= ops[-1].dest_end - ops[-1].dest_start
        ops.pop()
    while a > 0 and text[a - 1].isalnum() and text[a].isalnum():
        a -= 1
    while b < len(text) and text[b - 1].isalnum() and text[b].isalnum():
        b += 1
    while a < b and text[a].isspace():
        a += 1
    return a, b
