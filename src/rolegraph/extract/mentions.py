"""Role mentions in text: every label and alias of the vocabulary, in any case, singular or
plural ("VPs of Product", "product managers"), possessive ("the CPO's"), with a parenthesised
abbreviation kept with its title ("Principal Product Manager (PPM)"). Short all-capital
abbreviations (CPO, PM, PO) match only in capitals, so "pm" in "3 pm" is no role. Title-like
phrases that name no known role ("Chief Marketing Officer") are collected for reporting.

Imports only the standard library (the vocabulary object is passed in); it must not import any
rolegraph module.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_PLURAL_HEAD = re.compile(r"^(.+?)( (?:of|for|,) .+)$", re.I)  # "VP of Product" -> "VPs of Product"


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    role: str  # role IRI
    text: str


def _variants(label: str) -> list[str]:
    """Regex alternatives for one label: its words with flexible spaces, plural and possessive."""
    words = label.split()
    body = r"\s+".join(re.escape(w) for w in words)
    alts = [body]
    m = _PLURAL_HEAD.match(label)
    if m and not label.isupper():
        head, rest = m.group(1), m.group(2)
        rest_re = r"\s+".join(re.escape(w) for w in rest.split())
        alts.append(re.escape(head) + r"(?:e?s)\s*" + rest_re.lstrip(r"\s+"))
    return alts


def _is_abbrev(label: str) -> bool:
    letters = [ch for ch in label if ch.isalpha()]
    return len(label) <= 5 and sum(ch.isupper() for ch in letters) >= 2


class MentionFinder:
    """Finds role mentions with one compiled pattern per vocabulary (built once, reused)."""

    def __init__(self, vocabulary) -> None:
        self.vocabulary = vocabulary
        words: list[tuple[str, str]] = []  # (label, iri)
        abbrevs: list[tuple[str, str]] = []
        for iri, role in vocabulary.roles.items():
            for label in [role.label, *role.alt_labels]:
                (abbrevs if _is_abbrev(label) else words).append((label, iri))
        self._abbrev = {a.casefold(): iri for a, iri in abbrevs}
        self._memo: dict[str, str | None] = {}
        words.sort(key=lambda x: (-len(x[0]), x[0]))
        abbrevs.sort(key=lambda x: (-len(x[0]), x[0]))
        alt = "|".join(v for label, _ in words for v in _variants(label))
        # plural and possessive endings; a following word character ends no mention
        tail = r"(?:s(?![\w’'])|(?:['’]s|s['’]))?"
        self._words = re.compile(rf"(?<![\w-])(?:{alt}){tail}(?![\w-])", re.I) if alt else None
        ab = "|".join(re.escape(a) for a, _ in abbrevs)
        self._abbrevs = re.compile(rf"(?<![\w-])(?:{ab})(?:s|['’]s)?(?![\w-])") if ab else None

    def _lookup(self, text: str) -> str | None:
        if text in self._memo:
            return self._memo[text]
        iri = self._resolve(text)
        if len(self._memo) < 100_000:
            self._memo[text] = iri
        return iri

    def _resolve(self, text: str) -> str | None:
        voc = self.vocabulary
        t = re.sub(r"\s+", " ", text)
        for cand in _stems(t):
            iri = voc.resolve(cand)
            if iri is not None:
                return iri
            iri = self._abbrev.get(cand.casefold())
            if iri is not None:
                return iri
        return None

    def find(self, text: str) -> list[Mention]:
        """Mentions in ``text``, left to right, longest first where they overlap."""
        found: list[Mention] = []
        for pat in (self._words, self._abbrevs):
            if pat is None:
                continue
            for m in pat.finditer(text):
                iri = self._lookup(m.group(0))
                if iri is not None:
                    found.append(Mention(m.start(), m.end(), iri, m.group(0)))
        found.sort(key=lambda m: (m.start, -m.end))
        out: list[Mention] = []
        for m in found:
            if out and m.start < out[-1].end:
                continue
            # "Principal Product Manager (PPM)": the abbreviation in brackets joins its title
            if out and out[-1].role == m.role and re.fullmatch(r"\s*\(\s*", text[out[-1].end : m.start]):
                close = text.find(")", m.end)
                if close >= 0 and not text[m.end : close].strip():
                    last = out.pop()
                    m = Mention(last.start, close + 1, last.role, text[last.start : close + 1])
            out.append(m)
        return out


def _stems(text: str) -> list[str]:
    """The text and its singular, non-possessive forms, most literal first."""
    out = [text]
    base = re.sub(r"(?:['’]s|s['’]|['’])$", "", text)
    if base != text:
        out.append(base)
    for t in (text, base):
        if t.lower().endswith("es"):
            out.append(t[:-2])
        if t.lower().endswith("s"):
            out.append(t[:-1])
        m = re.match(r"^(.+?)(?:e?s)(\s+(?:of|for)\s+.+)$", t, re.I)
        if m:
            out.append(m.group(1) + m.group(2))
    return out


_TITLE = re.compile(
    r"\b(?:Chief\s+[A-Z]\w+(?:\s+[A-Z]\w+)?\s+Officers?"
    r"|(?:VPs?|Vice\s+Presidents?|Heads?|Directors?)\s+of\s+[A-Z]\w+(?:\s+[A-Z]\w+)?"
    r"|(?:Senior\s+|Junior\s+|Lead\s+|Staff\s+)?[A-Z]\w+\s+(?:Managers?|Directors?|Officers?|Owners?))\b"
)


def unknown_titles(text: str, mentions: list[Mention]) -> list[str]:
    """Capitalised job-title phrases in ``text`` that overlap no known mention (for reporting)."""
    starts = [m.start for m in mentions]
    out = []
    for m in _TITLE.finditer(text):
        i = bisect.bisect_left(starts, m.end())  # mentions starting before the title ends
        if i and mentions[i - 1].end > m.start():
            continue
        first = m.group(0).split()[0]
        if first in ("The", "A", "An", "Our", "Your", "This", "That", "Every", "Each"):
            continue
        out.append(" ".join(m.group(0).split()))
    return out
