"""The line of every statement of a Turtle text, for messages that name ``file:line``.

RDF parsers drop positions, so this walks the tokens of a Turtle file that a real parser has
already accepted and records, for each (subject IRI, predicate IRI, object) triple, the line
where its object is written (objects are IRIs, or literals by their lexical value). It is a
reader of positions only, never of meaning: on anything unexpected it stops and returns what it
has, and callers fall back to searching the text. Part of ``rolegraph.corpus``; it must not import
any module of rolegraph (it uses the standard library only).
"""

from __future__ import annotations

import re

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+|\#[^\n]*)
  | (?P<iri><[^>\s]*>)
  | (?P<long>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<str>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<dt>\^\^)
  | (?P<bnode>_:[\w-]+(?:\.+[\w-]+)*)
  | (?P<pname>(?:[^\W\d](?:[\w.-]*[\w-])?)?:(?:(?:[\w:%-]|\\.)(?:(?:[\w.:%-]|\\.)*(?:[\w:%-]|\\.))?)?)
  | (?P<num>[+-]?(?:\d*\.\d+|\d+)(?:[eE][+-]?\d+)?)
  | (?P<word>[A-Za-z]+)
  | (?P<punct>[;,.\[\]()])
    """,
    re.X,
)
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f"}


def _unescape(body: str) -> str:
    def one(m: re.Match) -> str:
        e = m.group(1)
        if e[0] in "uU" and len(e) > 1:
            return chr(int(e[1:], 16))
        return _SIMPLE.get(e, e)

    return _ESCAPE.sub(one, body)


class _Stop(Exception):
    """The text holds something this reader does not follow; keep what was found."""


class _Reader:
    def __init__(self, text: str) -> None:
        self.tokens = self._tokens(text)  # one at a time: a 16 MiB file never becomes a list of tokens
        self.next: tuple[str, str, int] | None = next(self.tokens, None)
        self.prefixes: dict[str, str] = {}
        self.base = ""
        self.out: dict[tuple[str, str, str], int] = {}
        self.blank = 0

    @staticmethod
    def _tokens(text: str):
        """(kind, text, line) of every token but blanks and comments."""
        line, last = 1, 0
        for m in _TOKEN.finditer(text):
            if m.lastgroup != "ws":
                line += text.count("\n", last, m.start())
                last = m.start()
                yield m.lastgroup or "", m.group(), line

    def peek(self) -> tuple[str, str, int]:
        if self.next is None:
            raise _Stop
        return self.next

    def take(self) -> tuple[str, str, int]:
        tok = self.peek()
        self.next = next(self.tokens, None)
        return tok

    def at(self, kind: str = "", value: str = "") -> bool:
        """Whether the next token has this kind (or this text)."""
        return self.next is not None and (self.next[0] == kind if kind else self.next[1] == value)

    def expect(self, value: str) -> None:
        if self.take()[1] != value:
            raise _Stop

    def iri(self, kind: str, value: str) -> str:
        if kind == "iri":
            body = _unescape(value[1:-1])
            if self.base and not re.match(r"[A-Za-z][\w+.-]*:", body):
                from urllib.parse import urljoin

                return urljoin(self.base, body)
            return body
        if kind == "pname":
            prefix, _, local = value.partition(":")
            if prefix not in self.prefixes:
                raise _Stop
            return self.prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
        if kind == "word" and value == "a":
            return RDF_TYPE
        raise _Stop

    def term(self) -> str:
        """A subject or object; blank nodes and collections get a name of their own."""
        kind, value, _ = self.take()
        if kind in ("iri", "pname"):
            return self.iri(kind, value)
        if kind == "bnode":
            return value
        if kind in ("str", "long"):
            q = 3 if kind == "long" else 1
            if self.at("lang"):
                self.take()
            elif self.at("dt"):
                self.take()
                k, v, _ = self.take()
                self.iri(k, v)
            return _unescape(value[q:-q])
        if kind in ("num",) or (kind == "word" and value in ("true", "false")):
            return value
        if value == "[":
            self.blank += 1
            node = f"[]{self.blank}"
            if self.peek()[1] != "]":
                self.predicates(node)
            self.expect("]")
            return node
        if value == "(":
            while self.peek()[1] != ")":
                self.term()
            self.take()
            self.blank += 1
            return f"(){self.blank}"
        raise _Stop

    def predicates(self, subject: str) -> None:
        while True:
            kind, value, _ = self.take()
            predicate = self.iri(kind, value)
            while True:
                line = self.peek()[2]
                obj = self.term()
                self.out.setdefault((subject, predicate, obj), line)
                if self.peek()[1] != ",":
                    break
                self.take()
            while self.at(value=";"):
                self.take()
            if self.peek()[1] in (".", "]"):
                return

    def statement(self) -> None:
        kind, value, _ = self.peek()
        low = value.lower()
        if low in ("@prefix", "prefix"):
            self.take()
            name = self.take()[1]
            if not name.endswith(":"):
                raise _Stop
            k, v, _ = self.take()
            self.prefixes[name[:-1]] = self.iri(k, v)
            if low == "@prefix":
                self.expect(".")
            return
        if low in ("@base", "base"):
            self.take()
            k, v, _ = self.take()
            self.base = self.iri(k, v)
            if low == "@base":
                self.expect(".")
            return
        subject = self.term()
        if self.peek()[1] != ".":
            self.predicates(subject)
        self.expect(".")


def statement_lines(text: str) -> dict[tuple[str, str, str], int]:
    """(subject, predicate, object) -> the 1-based line of the object, for every statement read."""
    reader = _Reader(text)
    try:
        while reader.next is not None:
            reader.statement()
    except (_Stop, ValueError, RecursionError):  # odd syntax, an IRI urljoin refuses, deep nesting
        pass
    return reader.out
