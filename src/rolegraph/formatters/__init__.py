"""Lint report formatters: text, json, sarif, github. Each returns the whole report as text.

Each format module is imported by name on use; this package must not import the loader, linter,
compiler, consensus or CLI.
"""

from __future__ import annotations

FORMATS = ("text", "json", "sarif", "github")


def render(report, corpus, fmt: str, *, display_root: str = "") -> str:
    from importlib import import_module

    mod = import_module(f"{__name__}.{fmt}_format")
    return mod.render(report, corpus, display_root=display_root)
