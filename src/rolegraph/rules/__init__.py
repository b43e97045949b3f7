"""The lint rules: one module per rule, each with its code, name, doc and SHACL shape.

Rule modules are found and imported by name; this package must not import the loader, linter,
formatters, consensus or CLI.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from .base import Rule

MODULES = (
    "rg001_missing_field",
    "rg002_unknown_role",
    "rg003_unknown_term",
    "rg004_quote_not_found",
    "rg005_snapshot_changed",
    "rg006_snapshot_missing",
    "rg007_self_relation",
    "rg008_duplicate_claim",
    "rg009_top_with_object",
    "rg010_unused_accept",
    "rg101_opposite_rank",
    "rg102_rank_vs_same",
    "rg103_not_above_broken",
    "rg104_top_conflict",
    "rg105_rank_cycle",
)


def modules() -> dict[str, ModuleType]:
    """Rule code -> its module, in code order."""
    out = {}
    for name in MODULES:
        mod = import_module(f"{__name__}.{name}")
        out[mod.RULE.code] = mod
    return out


def all_rules() -> list[Rule]:
    return [m.RULE for m in modules().values()]


def find_rule(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    for rule in all_rules():
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    return None
