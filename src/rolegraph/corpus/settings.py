"""``rolegraph.toml``: per-corpus settings, validated with file:line errors.

The file is untrusted: it is read only as a regular file of the corpus of at most
:data:`MAX_SETTINGS_BYTES`; unknown keys, wrong types, out-of-range numbers and rule codes
that name no rule are each reported at their line. Part of ``rolegraph.corpus``: it imports only
``errors``, ``model``, ``yamlsafe``, :mod:`rolegraph.corpus.files` and :mod:`rolegraph.corpus.vocab`
(the ladder names) (and, lazily, the rule registry for the list of rule codes); it must not import
the parser, snapshots, pool, cache or ``load``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem
from ..model import DEFAULT_WEIGHTS, HEDGES
from ..yamlsafe import short
from .files import decode, read_input
from .vocab import LADDERS

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
MAX_SETTINGS_BYTES = 1024 * 1024
_CODE = re.compile(r"RG\d{3}")  # always used with fullmatch
_PREFIX = re.compile(r"RG\d{0,3}")
_KEY_PART = r"(?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_HEADER = re.compile(rf"\s*\[\[?\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(rf"\s*({_DOTTED})\s*=")


@dataclass
class Settings:
    fail_on: str = "error"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule code -> severity override
    builtin: bool = True  # [vocabulary] builtin: start from the built-in role vocabulary
    include: list[str] = field(default_factory=list)  # [vocabulary] include: optional built-in ladders
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    min_agreement: float = 0.6
    similarity: float = 90.0  # rapidfuzz ratio (0-100) at which two quotes count as copies
    strict: bool = False  # [publish] strict: refuse to publish when any claim has a structure error


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in re.findall(_KEY_PART, dotted))


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of every table header and key of a TOML text, by dotted path
    (``("consensus", "weights", "may")``). Good enough for messages; not a TOML parser."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    in_string = ""
    for n, line in enumerate(text.split("\n"), 1):
        if in_string:
            if line.count(in_string) % 2:
                in_string = ""
            continue
        m = _HEADER.match(line)
        if m:
            table = _parts(m.group(1))
            lines.setdefault(table, n)
            continue
        m = _ASSIGN.match(line)
        if m:
            lines.setdefault(table + _parts(m.group(1)), n)
            rest = line[m.end() :]
            for q in ('"""', "'''"):
                if rest.count(q) % 2:
                    in_string = q
    return lines


def _line(lines: dict[tuple[str, ...], int], path: tuple[str, ...]) -> int:
    """The line of ``path``, or of its closest enclosing key or table that has one."""
    for i in range(len(path), 0, -1):
        if path[:i] in lines:
            return lines[path[:i]]
    return 0


def _rule_codes() -> list[str]:
    from ..rules import all_rules

    return [r.code for r in all_rules()]


def _number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def load_settings(path: Path | None, where: str = "rolegraph.toml") -> Settings:
    """Read settings; a missing file gives the defaults. Raises :class:`InputError`."""
    s = Settings()
    if path is None:
        return s
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    text = decode(read_input(path, MAX_SETTINGS_BYTES, where, root=path.parent), where)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = " ".join(str(e).split())
        m = re.search(r"line (\d+)", msg)
        line = int(m.group(1)) if m else text.count("\n", 0, len(text.rstrip())) + 1  # "at end of document"
        raise InputError(Problem(where, line, f"TOML syntax error: {msg}")) from None
    except RecursionError:
        m = re.search(r"(?:[\[{]\s*){50}", text)
        line = text.count("\n", 0, m.start()) + 1 if m else 0
        raise InputError(Problem(where, line, "TOML nested too deeply; settings are shallow tables")) from None

    lines = key_lines(text)
    problems: list[Problem] = []

    def bad(key_path: tuple[str, ...], msg: str) -> None:
        problems.append(Problem(where, _line(lines, key_path), msg))

    def table(obj: object, key_path: tuple[str, ...]) -> dict:
        if not isinstance(obj, dict):
            bad(key_path, f"'{'.'.join(key_path)}' must be a table")
            return {}
        return obj

    codes = _rule_codes()
    for key in sorted(set(data) - {"lint", "consensus", "publish", "vocabulary"}):
        known = "[lint], [consensus], [publish] and [vocabulary]"
        bad((key,), f"unknown setting '{short(key)}'; known tables are {known}")
    publish = table(data.get("publish", {}), ("publish",))
    for key in sorted(set(publish) - {"strict"}):
        bad(("publish", key), f"unknown setting 'publish.{short(key)}'; known: strict")
    if "strict" in publish:
        if isinstance(publish["strict"], bool):
            s.strict = publish["strict"]
        else:
            bad(("publish", "strict"), "publish.strict must be true or false")
    lint = table(data.get("lint", {}), ("lint",))
    for key in sorted(set(lint) - {"fail-on", "select", "ignore", "severity"}):
        bad(("lint", key), f"unknown setting 'lint.{short(key)}'; known: fail-on, select, ignore, severity")
    if "fail-on" in lint:
        if isinstance(lint["fail-on"], str) and lint["fail-on"] in SEVERITIES:
            s.fail_on = lint["fail-on"]
        else:
            bad(("lint", "fail-on"), f"lint.fail-on must be one of {', '.join(SEVERITIES)}")
    for key in ("select", "ignore"):
        if key not in lint:
            continue
        val = lint[key]
        if not isinstance(val, list) or not all(isinstance(v, str) and _PREFIX.fullmatch(v) for v in val):
            bad(("lint", key), f'lint.{key} must be a list of rule codes or prefixes like "RG1"')
            continue
        unknown = [v for v in val if not any(c.startswith(v) for c in codes)]
        if unknown:
            bad(("lint", key), f"lint.{key}: {', '.join(unknown)} matches no rule; see: rolegraph rules")
            continue
        setattr(s, key, list(val))
    for code, sev in sorted(table(lint.get("severity", {}), ("lint", "severity")).items()):
        here = ("lint", "severity", code)
        if not _CODE.fullmatch(code):
            bad(here, f"lint.severity: '{short(code)}' is not a rule code like RG101")
        elif code not in codes:
            bad(here, f"lint.severity: there is no rule {code}; see: rolegraph rules")
        elif not isinstance(sev, str) or sev not in SEVERITIES:
            bad(here, f"lint.severity.{code} must be one of {', '.join(SEVERITIES)}")
        else:
            s.severity[code] = sev

    cons = table(data.get("consensus", {}), ("consensus",))
    for key in sorted(set(cons) - {"min-agreement", "similarity", "weights"}):
        bad(("consensus", key), f"unknown setting 'consensus.{short(key)}'; known: min-agreement, similarity, weights")
    if "min-agreement" in cons:
        v = cons["min-agreement"]
        if _number(v) and 0.5 <= v <= 1:
            s.min_agreement = float(v)
        else:
            bad(("consensus", "min-agreement"), "consensus.min-agreement must be a number from 0.5 to 1")
    if "similarity" in cons:
        v = cons["similarity"]
        if _number(v) and 50 <= v <= 100:
            s.similarity = float(v)
        else:
            bad(("consensus", "similarity"), "consensus.similarity must be a number from 50 to 100")
    for hedge, w in sorted(table(cons.get("weights", {}), ("consensus", "weights")).items()):
        here = ("consensus", "weights", hedge)
        if hedge not in HEDGES:
            bad(here, f"consensus.weights: unknown hedge '{short(hedge)}'; known: {', '.join(HEDGES)}")
        elif _number(w) and 0 < w <= 1:
            s.weights[hedge] = float(w)
        else:
            bad(here, f"consensus.weights.{hedge} must be a number above 0 and at most 1")
    _vocabulary(s, table(data.get("vocabulary", {}), ("vocabulary",)), bad)
    if problems:
        raise InputError(problems)
    return s


def _vocabulary(s: Settings, voc: dict, bad) -> None:
    """``[vocabulary]``: ``builtin = true|false`` and ``include = [ladder names]``."""
    for key in sorted(set(voc) - {"builtin", "include"}):
        bad(("vocabulary", key), f"unknown setting 'vocabulary.{short(key)}'; known: builtin, include")
    if "builtin" in voc:
        if isinstance(voc["builtin"], bool):
            s.builtin = voc["builtin"]
        else:
            bad(("vocabulary", "builtin"), "vocabulary.builtin must be true or false")
    if "include" in voc:
        val = voc["include"]
        if not isinstance(val, list) or not all(isinstance(v, str) for v in val):
            bad(("vocabulary", "include"), f'vocabulary.include must be a list of ladder names like ["{LADDERS[0]}"]')
        elif any(v not in LADDERS for v in val):
            unknown = next(v for v in val if v not in LADDERS)
            bad(
                ("vocabulary", "include"),
                f"vocabulary.include: no ladder '{short(unknown)}'; known: {', '.join(LADDERS)}",
            )
        else:
            s.include = list(dict.fromkeys(val))
