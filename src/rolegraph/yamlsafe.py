"""Untrusted YAML to plain Python values that remember their line numbers.

We build values from libyaml's event stream ourselves instead of calling ``yaml.compose``:
it is about six times faster, it never recurses (libyaml's own composer segfaults on deeply
nested flow collections), and it lets us refuse aliases (no "billion laughs"), duplicate keys
and non-text keys with the line they are on.

Work is bounded: at most :data:`MAX_DEPTH` levels of nesting and :data:`MAX_VALUES` values
(keys, scalars and collections) per document, so a file's cost in time and memory is linear in
its size and capped well below what its byte limit would allow. Line numbers count ``\n``,
``\r\n`` and ``\r`` only, as editors do (libyaml also breaks lines at NEL, U+2028 and U+2029).

It imports only PyYAML and the standard library; it must not import any other rolegraph module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader  # type: ignore[misc]

MAX_DEPTH = 32
_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels; claim files are shallow"
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_VALUES = 250_000  # keys, scalars and collections in one document

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0o?[0-7_]+)$")
_FLOAT = re.compile(
    r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|[-+]?\.(inf|Inf|INF)$|\.(nan|NaN|NAN)$"
)


def short(text: object, width: int = 60) -> str:
    """User text for a message: control characters and line breaks escaped (so a file cannot
    write terminal escapes or extra lines into a CI log), at most ``width`` characters."""
    s = str(text)[: width + 1]
    s = "".join(ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace").decode("ascii") for ch in s)
    return s if len(s) <= width and len(str(text)) <= width else s[: width - 3] + "..."


class YAMLProblem(Exception):
    """A problem in a YAML text, at a 1-based line."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


class YMap(dict):
    """A mapping whose ``lines`` give the 1-based line of each key; ``line`` is where it starts."""

    __slots__ = ("line", "lines")


class YSeq(list):
    """A sequence whose ``lines`` give the 1-based line of each item."""

    __slots__ = ("line", "lines")


def _scalar(ev: yaml.ScalarEvent, line_of: Callable[[yaml.Mark], int]) -> object:
    value = ev.value
    if ev.tag not in (None, "!"):
        if ev.tag in ("tag:yaml.org,2002:str", "!!str"):
            return value
        raise YAMLProblem(line_of(ev.start_mark), f"YAML tag {short(ev.tag)} is not allowed; write plain text")
    if ev.style or not ev.implicit[0]:
        return value  # quoted or block scalar: always text
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value[:1] in "0123456789+-." and (_INT.match(value) or _FLOAT.match(value)):
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            try:
                return float(value.replace("_", ""))
            except ValueError:
                return value
    return value


_BREAKS = re.compile(r"\r\n|\r|\n")


def _has_odd_breaks(text: str) -> bool:
    """Whether libyaml would count line breaks that editors do not (NEL, U+2028, U+2029)."""
    return "\x85" in text or "\u2028" in text or "\u2029" in text


def _line_function(text: str, remap: bool) -> Callable[[yaml.Mark], int]:
    """Mark -> 1-based line, counting only the line breaks editors count."""
    if not remap:
        return lambda mark: mark.line + 1
    starts = [0] + [m.end() for m in _BREAKS.finditer(text)]
    return lambda mark: bisect_right(starts, mark.index)


def _reader_problem(text: str, e: yaml.reader.ReaderError) -> YAMLProblem:
    """A character libyaml refuses (a control character, U+FFFE, ...), at its line."""
    ch = chr(e.character) if isinstance(e.character, int) else str(e.character)
    i = text.find(ch) if ch else -1
    line = len(_BREAKS.findall(text, 0, i)) + 1 if i >= 0 else 0
    return YAMLProblem(line, f"character U+{ord(ch[:1] or chr(0)):04X} is not allowed in YAML ({e.reason}); remove it")


Duplicate = tuple[object, str, int, int]  # (the mapping, the key, its line, the line of the first)


def load(text: str, duplicates: list[Duplicate] | None = None) -> object:
    """Parse one YAML document of untrusted text. Raises :class:`YAMLProblem`.

    A duplicate key raises too, unless ``duplicates`` (a list) is given: then each is added there
    (the later value wins) so the caller can say which part of the document it spoils.
    """
    remap = _has_odd_breaks(text)  # else a mark's line is libyaml's (the fast path)
    line_of = _line_function(text, remap)
    loader = _Loader(text)
    get_event = loader.get_event
    stack: list[list] = []  # frames: [container, pending_key, pending_key_line]
    root: object = None
    documents = 0
    values = 0
    try:
        while True:
            try:
                ev = get_event()
            except yaml.MarkedYAMLError as e:
                mark = e.problem_mark or e.context_mark
                line = line_of(mark) if mark else 0
                if "maximum nesting depth" in (e.problem or ""):
                    # libyaml >= 0.2.5 stops deep nesting in its scanner, before our own limit
                    raise YAMLProblem(line, _TOO_DEEP) from None
                msg = e.problem or "YAML syntax error"
                if e.context:
                    msg = f"{msg} ({e.context})"
                raise YAMLProblem(line, f"YAML syntax error: {msg}") from None
            except yaml.reader.ReaderError as e:
                raise _reader_problem(text, e) from None
            except yaml.YAMLError as e:
                raise YAMLProblem(0, f"YAML error: {' '.join(str(e).split())}") from None
            cls = ev.__class__
            if cls is _Scalar:
                values += 1
                if values > MAX_VALUES:
                    raise _too_many(line_of(ev.start_mark))
                if ev.anchor is not None:
                    raise YAMLProblem(line_of(ev.start_mark), "YAML anchors (&name) are not allowed")
                if ev.tag is None and ev.implicit[0] and not ev.style:
                    value = ev.value
                    if value in _NULLS or value in _BOOLS or value[:1] in _NUMERIC_START:
                        value = _scalar(ev, line_of)
                else:
                    value = _scalar(ev, line_of)
                if stack:
                    # _add inlined for the two common cases (a value, a new text key): this
                    # branch runs once per scalar, 1.5 million times for 100k claims
                    frame = stack[-1]
                    container = frame[0]
                    line = line_of(ev.start_mark) if remap else ev.start_mark.line + 1
                    if container.__class__ is YMap:
                        key = frame[1]
                        if key is not None:
                            container[key] = value
                            container.lines[key] = frame[2]
                            frame[1] = None
                            continue
                        if value.__class__ is str and value not in container:
                            frame[1], frame[2] = value, line
                            continue
                    _add(frame, value, line, duplicates)
                else:
                    root = value
            elif cls is _MapEnd or cls is _SeqEnd:
                value = stack.pop()[0]
                if stack:
                    _add(stack[-1], value, value.line, duplicates)
                else:
                    root = value
            elif cls is _MapStart or cls is _SeqStart:
                line = line_of(ev.start_mark)
                values += 1
                if values > MAX_VALUES:
                    raise _too_many(line)
                if ev.anchor is not None:
                    raise YAMLProblem(line, "YAML anchors (&name) are not allowed")
                if ev.tag not in _COLLECTION_TAGS:
                    raise YAMLProblem(line, f"YAML tag {short(ev.tag)} is not allowed")
                if len(stack) >= MAX_DEPTH:
                    raise YAMLProblem(line, _TOO_DEEP)
                if cls is _MapStart:
                    node: YMap | YSeq = YMap()
                    node.lines = {}
                else:
                    node = YSeq()
                    node.lines = []
                node.line = line
                stack.append([node, None, 0])
            elif cls is _Alias:
                raise YAMLProblem(line_of(ev.start_mark), "YAML aliases (*name) are not allowed; write the value out")
            elif cls is _DocStart:
                documents += 1
                if documents > 1:
                    raise YAMLProblem(line_of(ev.start_mark), "only one YAML document is allowed per file")
            elif cls is _StreamEnd:
                break
    finally:
        loader.dispose()
    return root


def _too_many(line: int) -> YAMLProblem:
    return YAMLProblem(line, f"more than {MAX_VALUES} YAML values (the limit per file); split the file")


_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_MapStart, _MapEnd = yaml.MappingStartEvent, yaml.MappingEndEvent
_SeqStart, _SeqEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_DocStart, _StreamEnd = yaml.DocumentStartEvent, yaml.StreamEndEvent
_COLLECTION_TAGS = frozenset({None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_NUMERIC_START = frozenset("0123456789+-.")


_NO_KEY = object()


def duplicate_message(key: str, first: int) -> str:
    """What a duplicate key is told."""
    return f"duplicate key '{short(key)}' (first at line {first}); keep one"


def _add(frame: list, value: object, line: int, duplicates: list[Duplicate] | None = None) -> None:
    container = frame[0]
    if isinstance(container, YSeq):
        container.append(value)
        container.lines.append(line)
        return
    key = frame[1]
    if key is None:
        if not isinstance(value, str):
            kind = "a mapping or list" if isinstance(value, (YMap, YSeq)) else repr(value)
            raise YAMLProblem(line, f"keys must be text, not {kind}")
        if value in container:
            first = container.lines[value]
            if duplicates is None:
                raise YAMLProblem(line, duplicate_message(value, first))
            duplicates.append((container, value, line, first))
        frame[1], frame[2] = value, line
        return
    container[key] = value
    container.lines[key] = frame[2]
    frame[1] = None
