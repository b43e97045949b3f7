"""Career-ladder lists: consecutive list items that each start with one role ("1. Associate
Product Manager", "- Product Manager: owns a feature") give one claim per adjacent pair. The
direction comes from the line that introduces the list ("from junior to senior", "top down"),
else from the titles themselves (a list that starts with an associate or junior role climbs;
one that starts with a chief, VP or head descends). Items with level codes ("L3", "| P2 |") are
ordered by the code; three or more titles in a row in a sentence about a ladder ("the ladder goes
X, Y, Z") by the sentence or by their titles' rank words. Imports the standard library and
:mod:`.text`, :mod:`.mentions`, :mod:`.cues`, :mod:`.proposal` and the model; it must not
import :mod:`.engine` (which imports it).
"""

from __future__ import annotations

import re

from ..model import ANY
from .cues import hedge_of, scope_of
from .mentions import Mention
from .proposal import Proposal
from .text import Span

_ITEM = re.compile(
    r"^\s*(?:\||[-*•‣▪●◦]|\d{1,2}[.)]|[a-z][.)]|(?:level|step|stage|tier|grade|band)\s*\d+\s*[:.)-]"
    r"|(?-i:[A-Z]{1,3}-?\d{1,2})(?=[\s:.)|-]))\s*",
    re.I,
)
# a level code before the title, in a list item or a table row's first cell: "L4 Senior Engineer", "| P2 | ..."
_CODE = re.compile(r"^\s*\|?\s*(?:(?P<w>level|grade|band|tier)\s*|(?P<p>[A-Z]{1,3})-?)(?P<n>\d{1,2})\b", re.I)
_INTRO = re.compile(r"\b(?:ladder|career path|career progression|progression|levels|hierarchy|rank|ranks|ranking"
                    r"|seniority|org chart|promotion path|career track)\b", re.I)  # fmt: skip
_DOWN = re.compile(r"\b(?:from (?:the )?(?:top|highest|most senior|senior|executive)|top[- ]down|highest to lowest"
                   r"|most senior first|descending|top to bottom|senior to junior)\b", re.I)  # fmt: skip
_UP = re.compile(r"\b(?:from (?:the )?(?:bottom|entry|junior|lowest|first)|bottom[- ]up|lowest to highest"
                 r"|junior to senior|ascending|entry[- ]level (?:to|up)|climb|progression|career path)\b", re.I)  # fmt: skip  # noqa: E501
_LEAD = re.compile(r"\s*(?:(?:level|step|stage|tier|grade|band)?\s*\d*|(?-i:[A-Z]{1,3}-?\d{1,2}))\s*[:.)-]?\s*", re.I)
_CELLS = re.compile(r"\|(?:[^|\n]{0,24}\|)*\s*")  # "| P1 | " before the title in a table row
_SENIOR = re.compile(r"\b(?:chief|vp|vice president|head|cpo|cto|ceo|coo|founder)\b", re.I)
_JUNIOR = re.compile(r"\b(?:associate|junior|apm|intern|entry)\b", re.I)


def _seniority(text: str) -> int:
    if _SENIOR.search(text):
        return 2
    if _JUNIOR.search(text):
        return 0
    return 1


_GRADE = (
    (re.compile(r"\b(?:chief|cpo|cto|ceo|coo|founder)\b", re.I), 8),
    (re.compile(r"\b(?:vp|vice president)\b", re.I), 7),
    (re.compile(r"\bhead\b", re.I), 6),
    (re.compile(r"\bdirector\b", re.I), 5),
    (re.compile(r"\bprincipal\b", re.I), 4),
    (re.compile(r"\b(?:staff|lead|group)\b", re.I), 3),
    (re.compile(r"\b(?:senior|sr)\b", re.I), 2),
    (re.compile(r"\b(?:associate|junior|jr|apm|intern|entry)\b", re.I), 0),
)
_INLINE_SEP = re.compile(r"\s*(?:,|,?\s*(?:and|then|to)|→|->|>)\s*(?:(?:the|a|an)\s+)?")


def _grade(text: str) -> int:
    return next((g for pat, g in _GRADE if pat.search(text)), 1)


_FIRST_HIGH = re.compile(r"\b(?:highest|most senior|senior-most|top|first in rank|outranks everyone)\b", re.I)
_FIRST_LOW = re.compile(r"\b(?:lowest|bottom|most junior|entry point|starts? (?:at|with)|begins? (?:at|with))\b", re.I)


def sequence_down(body: str, first: str, last: str) -> bool | None:
    """Whether a sequence of titles in sentence ``body`` ("X, then Y, then Z"; "X ranks highest,
    followed by Y") is listed from senior to junior (True), junior to senior (False), or cannot be
    told (None). One answer per sentence, so a sentence never gives both orderings: an explicit
    order ("from junior to senior"), else where the first title stands ("ranks highest", "the
    bottom rung"), else the titles' own rank words (first ``first``, last ``last``)."""
    if _DOWN.search(body):
        return True
    if _UP.search(body):
        return False
    if _FIRST_LOW.search(body):
        return False
    if _FIRST_HIGH.search(body):
        return True
    a, b = _grade(first), _grade(last)
    return None if a == b else a > b


def inline_ladders(text: str, sentence: Span, mentions: list[Mention]) -> list[Proposal]:
    """ "The ladder goes X, Y, Z and W": three or more titles in a row, in a sentence about a ladder,
    ordered by the sentence ("from junior to senior") or else by their titles' rank words."""
    body = text[sentence.start : sentence.end]
    if len(mentions) < 3 or not _INTRO.search(body):
        return []
    run = [mentions[0]]
    best: list[Mention] = []
    for m in mentions[1:]:
        if _INLINE_SEP.fullmatch(text[run[-1].end : m.start]):
            run.append(m)
        else:
            run = [m]
        if len(run) > len(best):
            best = list(run)
    if len(best) < 3 or len({m.role for m in best}) != len(best):
        return []
    down = sequence_down(body, best[0].text, best[-1].text)
    if down is None:
        return []
    scope = scope_of(body)[0] or ANY
    hedge = hedge_of(body)[0]
    out = []
    for x, y in zip(best, best[1:], strict=False):
        hi, lo = (x, y) if down else (y, x)
        out.append(
            Proposal(hi.role, "above", lo.role, x.start, y.end, scope, hedge, None, "ordered titles in a sentence")
        )
    return out


def list_ladders(text: str, spans: list[Span], mentions: list[Mention]):
    """Proposals for each run of list items that starts with a role, under a ladder intro."""
    out = []
    by_line: list[tuple[Span, Mention | None, bool]] = []
    codes: list[tuple[str, int] | None] = []
    mi = 0
    for sp in spans:
        raw_start = text.rfind("\n", 0, sp.start) + 1
        is_item = bool(_ITEM.match(text[raw_start : sp.end]))
        while mi < len(mentions) and mentions[mi].start < sp.start:
            mi += 1
        first = mentions[mi] if mi < len(mentions) and mentions[mi].end <= sp.end else None
        head = None
        if first is not None and is_item:
            lead = text[sp.start : first.start]
            rest = text[first.end : sp.end]
            head_ok = (
                not lead.strip()
                or _LEAD.fullmatch(lead)
                or (text[raw_start] == "|" and _CELLS.fullmatch(text[raw_start : first.start]))
            )
            second = mentions[mi + 1] if mi + 1 < len(mentions) and mentions[mi + 1].end <= sp.end else None
            sep = re.match(r"^\s*(?:$|[:(–—|-]|\s+is\b|,)", rest)
            if head_ok and sep and (second is None or re.search(r"[:(–—-]", text[first.end : second.start])):
                head = first
        by_line.append((sp, head, is_item))
        codes.append(_code(text[raw_start : sp.end]) if head is not None else None)
    i = 0
    while i < len(by_line):
        if by_line[i][1] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(by_line) and by_line[j + 1][1] is not None:
            j += 1
        run = [m for _, m, _ in by_line[i : j + 1]]
        intro = next((text[sp.start : sp.end] for sp, _, item in reversed(by_line[:i]) if not item), "")
        coded = _coded_direction(codes[i : j + 1])
        if len(run) >= 2 and len({m.role for m in run}) == len(run) and (coded is not None or _INTRO.search(intro)):
            if coded is not None:  # level codes climb: L3 < L4 < L5 whatever the intro says
                down = coded
            elif _DOWN.search(intro):
                down = True
            elif _UP.search(intro):
                down = False
            else:
                a, b = _seniority(run[0].text), _seniority(run[-1].text)
                down = a > b if a != b else None
            if down is not None:
                for x, y in zip(run, run[1:], strict=False):
                    hi, lo = (x, y) if down else (y, x)
                    out.append(Proposal(hi.role, "above", lo.role, x.start, y.end, cue="ordered career-ladder list"))
        i = j + 1
    return out


def _code(line: str) -> tuple[str, int] | None:
    m = _CODE.match(line)
    if not m:
        return None
    return (m.group("w") or m.group("p")).lower(), int(m.group("n"))


def _coded_direction(codes: list[tuple[str, int] | None]) -> bool | None:
    """True (descending) or False (ascending) when every item has a level code of one series whose
    numbers strictly fall or rise ("L3, L4, L5"; "| P1 |, | P2 |"); None otherwise."""
    if len(codes) < 2 or any(c is None for c in codes) or len({c[0] for c in codes}) != 1:  # type: ignore[index]
        return None
    nums = [c[1] for c in codes]  # type: ignore[index]
    if all(a < b for a, b in zip(nums, nums[1:], strict=False)):
        return False
    if all(a > b for a, b in zip(nums, nums[1:], strict=False)):
        return True
    return None
