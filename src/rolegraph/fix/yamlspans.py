"""Where the values of a claims file are, in characters: the spans a fix may replace.

A fix must leave every byte outside the value it edits as it was (comments, key order, quoting
style, blank lines), so it edits text spans rather than re-dumping YAML. This module reads the
libyaml event stream of a claims file (already accepted by the loader, which bounds it) and
returns, for the ``source`` header and each item of ``claims``, the span of each scalar value
and of the whole item. It also writes a replacement scalar in the style of the one it replaces.
Pure text functions: it must not import the loader, the rules or anything that reads files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import yaml


@dataclass
class Value:
    start: int
    end: int
    style: str | None  # None: plain, "'" or '"', "|" or ">"
    value: str


@dataclass
class Item:
    """One mapping of the file (the source header, or a claim), with its values' spans."""

    line: int  # 1-based line of its first key, as the loader reports it
    start: int
    end: int  # end of its last value
    values: dict[str, Value] = field(default_factory=dict)
    block: bool = True  # in a block sequence (removable line by line)


@dataclass
class FileSpans:
    source: Item | None
    claims: list[Item]

    def claim_at(self, line: int) -> Item | None:
        for it in self.claims:
            if it.line == line:
                return it
        return None


def _loader():
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _mapping(events: list, i: int, line_of) -> tuple[Item, int]:
    """Read the mapping that starts at events[i]; nested values are skipped, not recorded."""
    start = events[i]
    item = Item(line=line_of(start.start_mark), start=start.start_mark.index, end=start.start_mark.index)
    i += 1
    key = None
    while not isinstance(events[i], yaml.MappingEndEvent):
        ev = events[i]
        if key is None:
            key = ev.value if isinstance(ev, yaml.ScalarEvent) else ""
            i += 1
            continue
        if isinstance(ev, yaml.ScalarEvent):
            style = ev.style or None
            item.values[str(key)] = Value(ev.start_mark.index, ev.end_mark.index, style, ev.value)
            item.end = ev.end_mark.index
            i += 1
        else:  # a nested mapping or sequence: skip it whole
            i = _skip(events, i)
            item.end = events[i - 1].end_mark.index
        key = None
    return item, i + 1


def scan(text: str) -> FileSpans:
    """Spans of the header and the claims of a claims file. Raises yaml.YAMLError on bad YAML."""
    events = list(yaml.parse(text, Loader=_loader()))

    def line_of(mark) -> int:
        return mark.line + 1

    source: Item | None = None
    claims: list[Item] = []
    # the top-level mapping
    i = next(k for k, e in enumerate(events) if isinstance(e, (yaml.MappingStartEvent, yaml.StreamEndEvent)))
    if not isinstance(events[i], yaml.MappingStartEvent):
        return FileSpans(None, [])
    i += 1
    while i < len(events) and not isinstance(events[i], yaml.MappingEndEvent):
        key = events[i].value if isinstance(events[i], yaml.ScalarEvent) else None
        i += 1
        ev = events[i]
        if key == "source" and isinstance(ev, yaml.MappingStartEvent):
            source, i = _mapping(events, i, line_of)
        elif key == "claims" and isinstance(ev, yaml.SequenceStartEvent):
            block = not ev.flow_style
            i += 1
            while not isinstance(events[i], yaml.SequenceEndEvent):
                if isinstance(events[i], yaml.MappingStartEvent):
                    item, i = _mapping(events, i, line_of)
                    item.block = block
                    claims.append(item)
                else:
                    i = _skip(events, i)
            i += 1
        else:
            i = _skip(events, i)
    return FileSpans(source, claims)


def _skip(events: list, i: int) -> int:
    depth = 0
    while True:
        ev = events[i]
        if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        i += 1
        if depth == 0:
            return i


def _reads_as(snippet: str, value: str) -> bool:
    try:
        return yaml.load("k: " + snippet, Loader=_loader()) == {"k": value}
    except yaml.YAMLError:
        return False


def _double(value: str) -> str:
    text = json.dumps(value, ensure_ascii=False)
    # characters YAML reads as line breaks or refuses raw inside a double-quoted scalar
    for ch in ("\u0085", "\u2028", "\u2029", "\ufeff"):
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def scalar(value: str, style: str | None) -> str | None:
    """``value`` written as a YAML scalar, in ``style`` when that can hold it, else double-quoted;
    None when no form reads back as exactly ``value``."""
    tries = []
    if style is None:
        tries.append(value)
    if style == "'":
        tries.append("'" + value.replace("'", "''") + "'")
    tries.append(_double(value))
    for t in tries:
        if "\n" not in t and "\r" not in t and _reads_as(t, value):
            return t
    return None


def item_lines(text: str, item: Item) -> tuple[int, int] | None:
    """The span of whole lines that hold a block-sequence item, from its ``-`` to the end of its
    last value's line; None when the item shares a line with another (flow style)."""
    if not item.block:
        return None
    dash = item.start - 1
    while dash >= 0 and text[dash] in " \t\r\n":
        dash -= 1
    if dash < 0 or text[dash] != "-":
        return None
    start = max(text.rfind("\n", 0, dash), text.rfind("\r", 0, dash)) + 1
    if text[start:dash].strip():
        return None
    nl = text.find("\n", item.end)
    end = len(text) if nl < 0 else nl + 1
    rest = text[item.end : end].strip()
    if rest and not rest.startswith("#"):
        return None
    return start, end
