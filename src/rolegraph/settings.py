"""``rolegraph.toml``: per-corpus settings, validated with file:line errors."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, Problem
from .model import DEFAULT_WEIGHTS, HEDGES

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
MAX_SETTINGS_BYTES = 1024 * 1024
_CODE = re.compile(r"RG\d{3}$")


@dataclass
class Settings:
    fail_on: str = "error"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule code -> severity override
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    min_agreement: float = 0.6
    similarity: float = 90.0  # rapidfuzz ratio (0-100) at which two quotes count as copies


def _line_of_key(text: str, key: str) -> int:
    m = re.search(rf"^\s*\"?{re.escape(key)}\"?\s*=", text, re.M)
    if m is None:
        m = re.search(rf"^\s*\[+\s*[\w.\-\"]*{re.escape(key)}", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 0


def load_settings(path: Path | None, where: str = "rolegraph.toml") -> Settings:
    """Read settings; a missing file gives the defaults."""
    s = Settings()
    if path is None:
        return s
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    raw = path.read_bytes()
    if len(raw) > MAX_SETTINGS_BYTES:
        raise InputError(Problem(where, 0, f"file is over the {MAX_SETTINGS_BYTES} byte limit"))
    try:
        text = raw.decode("utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise InputError(Problem(where, line, "not UTF-8 text; save the file as UTF-8")) from None
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise InputError(Problem(where, int(m.group(1)) if m else 0, f"TOML syntax error: {e}")) from None

    problems: list[Problem] = []

    def bad(key: str, msg: str) -> None:
        problems.append(Problem(where, _line_of_key(text, key), msg))

    def table(obj: object, name: str) -> dict:
        if not isinstance(obj, dict):
            bad(name, f"'{name}' must be a table")
            return {}
        return obj

    for key in sorted(set(data) - {"lint", "consensus"}):
        bad(key, f"unknown setting '{key}'; known tables are [lint] and [consensus]")
    lint = table(data.get("lint", {}), "lint")
    for key in sorted(set(lint) - {"fail-on", "select", "ignore", "severity"}):
        bad(key, f"unknown setting 'lint.{key}'; known: fail-on, select, ignore, severity")
    if "fail-on" in lint:
        if lint["fail-on"] in SEVERITIES:
            s.fail_on = lint["fail-on"]
        else:
            bad("fail-on", f"lint.fail-on must be one of {', '.join(SEVERITIES)}")
    for key in ("select", "ignore"):
        if key in lint:
            val = lint[key]
            if isinstance(val, list) and all(isinstance(v, str) and re.match(r"RG\d{0,3}$", v) for v in val):
                setattr(s, key, list(val))
            else:
                bad(key, f"lint.{key} must be a list of rule codes or prefixes like \"RG1\"")
    for code, sev in sorted(table(lint.get("severity", {}), "severity").items()):
        if not _CODE.match(code):
            bad(code, f"lint.severity: '{code}' is not a rule code like RG101")
        elif sev not in SEVERITIES:
            bad(code, f"lint.severity.{code} must be one of {', '.join(SEVERITIES)}")
        else:
            s.severity[code] = sev

    cons = table(data.get("consensus", {}), "consensus")
    for key in sorted(set(cons) - {"min-agreement", "similarity", "weights"}):
        bad(key, f"unknown setting 'consensus.{key}'; known: min-agreement, similarity, weights")
    if "min-agreement" in cons:
        v = cons["min-agreement"]
        if isinstance(v, (int, float)) and not isinstance(v, bool) and 0.5 <= v <= 1:
            s.min_agreement = float(v)
        else:
            bad("min-agreement", "consensus.min-agreement must be a number from 0.5 to 1")
    if "similarity" in cons:
        v = cons["similarity"]
        if isinstance(v, (int, float)) and not isinstance(v, bool) and 50 <= v <= 100:
            s.similarity = float(v)
        else:
            bad("similarity", "consensus.similarity must be a number from 50 to 100")
    for hedge, w in sorted(table(cons.get("weights", {}), "weights").items()):
        if hedge not in HEDGES:
            bad(hedge, f"consensus.weights: unknown hedge '{hedge}'; known: {', '.join(HEDGES)}")
        elif isinstance(w, (int, float)) and not isinstance(w, bool) and 0 < w <= 1:
            s.weights[hedge] = float(w)
        else:
            bad(hedge, f"consensus.weights.{hedge} must be a number above 0 and at most 1")
    if problems:
        raise InputError(problems)
    return s
