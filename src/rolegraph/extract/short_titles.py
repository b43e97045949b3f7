"""Mentions that stand for a role without naming it in full.

Short titles: a bare "Director", "VP" or "Vice President" (singular, plural or possessive; "the
directors") names the role of that rank in the one family the text around it is about, so in a page
about product roles "Group PM → Director → VP" means Director of Product and VP of Product. It
resolves only when the line (else the whole page) names roles of exactly one family besides the
executives, and that family has exactly one role with that head title. A title with its own
qualifier stays unresolved: "Art Director", "managing director", "Director of Marketing", "board of
directors", "Director salaries", "VP roles".

"The most senior designer" names no role: a mention that opens with an adjective of rank
("senior", "junior", "lead") after "most" or "more" is an ordinary phrase, dropped.

"You" in a job posting: a page that reads as a posting ("About the role", "Apply now", "What you
will do") and whose first line names exactly one role is about that role, so "You will report to
the Director of Engineering" states the posted role's reporting line.

Imports the standard library and :mod:`.mentions`, :mod:`.text`; it must not import the engine,
the CLI, the corpus loader, the writer or the API module.
"""

from __future__ import annotations

import bisect
import re

from .mentions import Mention
from .text import lines

_SHORT = re.compile(r"(?<![\w-])(?:(?P<d>[Dd]irectors?)|(?P<v>VPs?|Vice Presidents?))(?:['’]s)?(?![\w-])")
_AFTER_QUALIFIED = re.compile(
    r"^(?:\s*(?:of|for|at|in charge)\b|\s*,\s*[A-Z]|-)"
    r"|^\s+(?:roles?|titles?|salar\w*|levels?|positions?|jobs?|candidates?|offers?|tracks?|bands?|pay|compensation"
    r"|interviews?|loops?|searches|hires?|hiring)\b"
)
_PREV_WORD = re.compile(r"([\w’'-]+)\W*$")
_OPEN = frozenset(
    {
        "the",
        "a",
        "an",
        "our",
        "your",
        "their",
        "his",
        "her",
        "its",
        "my",
        "each",
        "every",
        "any",
        "all",
        "two",
        "three",
        "several",
        "many",
        "some",
        "other",
        "to",
        "than",
        "under",
        "below",
        "above",
        "beneath",
        "by",
        "with",
        "from",
        "as",
        "and",
        "or",
        "then",
        "nor",
        "one",
        "first",
        "new",
    }
)
_EXECUTIVE = re.compile(r"executive", re.I)
_POSTING = re.compile(
    r"\b(?:apply now|apply for this (?:job|role|position)|about the (?:role|job|position)|about this (?:role|job)"
    r"|what you(?:['’]ll| will) do|job description|we(?:['’]re| are) hiring|job summary|key responsibilities)\b",
    re.I,
)
_YOU = re.compile(r"(?<![\w-])[Yy]ou(?![\w-]|['’](?:d|ve|re)\b)")


def posting_you(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "You" as a mention of the posted role, when ``text`` is a job posting about one role."""
    nl = text.find("\n", text.find(next((c for c in text if not c.isspace()), "\n")))
    first = nl if nl >= 0 else len(text)
    roles = {m.role for m in mentions if m.start < first}
    if len(roles) != 1 or not _POSTING.search(text):
        return []
    role = roles.pop()
    return [Mention(m.start(), m.end(), role, m.group(0)) for m in _YOU.finditer(text, first)]


class ShortTitles:
    """Resolves bare rank titles with one vocabulary (build once, run on many texts)."""

    def __init__(self, vocabulary) -> None:
        self.heads: dict[tuple[str, str], str | None] = {}  # (family, "d"|"v") -> role, None when ambiguous
        self.family: dict[str, str] = {}
        for iri, role in vocabulary.roles.items():
            fam = role.family
            if not fam or _EXECUTIVE.search(fam):
                continue
            self.family[iri] = fam
            label = role.label.lower()
            kind = "d" if re.match(r"director\b", label) else "v" if re.match(r"(?:vp|vice president)\b", label) else ""
            if kind:
                self.heads[fam, kind] = None if (fam, kind) in self.heads else iri

    def _family(self, mentions: list[Mention]) -> str | None:
        fams = {self.family[m.role] for m in mentions if m.role in self.family}
        return fams.pop() if len(fams) == 1 else None

    def find(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Mentions of bare short titles in ``text`` that overlap none of ``mentions``."""
        if not self.heads or not _SHORT.search(text):
            return []
        page = self._family(mentions)
        mstarts = [m.start for m in mentions]
        out: list[Mention] = []
        for line in lines(text):
            here = mentions[bisect.bisect_left(mstarts, line.start) : bisect.bisect_left(mstarts, line.end)]
            starts = [x.start for x in here]
            fam = self._family(here) if here else page
            if fam is None:
                continue
            for m in _SHORT.finditer(text, line.start, line.end):
                kind = "d" if m.group("d") else "v"
                iri = self.heads.get((fam, kind))
                k = bisect.bisect_left(starts, m.end()) if here else 0  # mentions are sorted by start
                if iri is None or any(x.start < m.end() and m.start() < x.end for x in here[max(0, k - 3) : k]):
                    continue
                if _AFTER_QUALIFIED.match(text[m.end() : m.end() + 24]):
                    continue  # "Director of Marketing", "VP roles": another title, or no role at all
                prev = _PREV_WORD.search(text[max(line.start, m.start() - 30) : m.start()])
                if prev and prev.group(1).lower() not in _OPEN and not text[prev.end() - 1 : m.start()].strip():
                    continue  # "Art Director", "managing director": a qualified title
                out.append(Mention(m.start(), m.end(), iri, m.group(0)))
        return out


_DEGREE = re.compile(r"\b(?:most|more|less|least)\s+$", re.I)
_RANK_ADJ = re.compile(r"(?:senior|junior|lead|principal|staff)\b", re.I)


def drop_degree_phrases(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without "senior designer" in "the most senior designer" (a superlative, no title)."""
    return [m for m in mentions if not (_RANK_ADJ.match(m.text) and _DEGREE.search(text, max(0, m.start - 8), m.start))]
