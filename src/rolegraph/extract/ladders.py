"""Career-ladder lists: consecutive list items that each start with one role ("1. Associate
Product Manager", "- Product Manager: owns a feature") give one claim per adjacent pair. The
direction comes from the line that introduces the list ("from junior to senior", "top down"),
else from the titles themselves (a list that starts with an associate or junior role climbs;
one that starts with a chief, VP or head descends). Imports the standard library and
:mod:`.text`, :mod:`.mentions` and :mod:`.proposal`; it must not import :mod:`.engine` (which imports it).
"""

from __future__ import annotations

import re

from .mentions import Mention
from .proposal import Proposal
from .text import Span

_ITEM = re.compile(r"^\s*(?:\||[-*•‣▪●◦]|\d{1,2}[.)]|[a-z][.)]|(?:level|step|stage|tier)\s*\d+\s*[:.)-])\s*", re.I)
_INTRO = re.compile(r"\b(?:ladder|career path|career progression|progression|levels|hierarchy|rank|ranks|ranking"
                    r"|seniority|org chart|promotion path|career track)\b", re.I)  # fmt: skip
_DOWN = re.compile(r"\b(?:from (?:the )?(?:top|highest|most senior|senior|executive)|top[- ]down|highest to lowest"
                   r"|most senior first|descending|top to bottom|senior to junior)\b", re.I)  # fmt: skip
_UP = re.compile(r"\b(?:from (?:the )?(?:bottom|entry|junior|lowest|first)|bottom[- ]up|lowest to highest"
                 r"|junior to senior|ascending|entry[- ]level (?:to|up)|climb|progression|career path)\b", re.I)  # fmt: skip  # noqa: E501
_LEAD = re.compile(r"\s*(?:level|step|stage|tier)?\s*\d*\s*[:.)-]?\s*", re.I)
_CELLS = re.compile(r"\|(?:[^|\n]{0,24}\|)*\s*")  # "| P1 | " before the title in a table row
_SENIOR = re.compile(r"\b(?:chief|vp|vice president|head|cpo|cto|ceo|coo|founder)\b", re.I)
_JUNIOR = re.compile(r"\b(?:associate|junior|apm|intern|entry)\b", re.I)


def _seniority(text: str) -> int:
    if _SENIOR.search(text):
        return 2
    if _JUNIOR.search(text):
        return 0
    return 1


def list_ladders(text: str, spans: list[Span], mentions: list[Mention]):
    """Proposals for each run of list items that starts with a role, under a ladder intro."""
    out = []
    by_line: list[tuple[Span, Mention | None, bool]] = []
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
        if len(run) >= 2 and len({m.role for m in run}) == len(run) and _INTRO.search(intro):
            if _DOWN.search(intro):
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
