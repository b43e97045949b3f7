"""The shape of src/rolegraph holds: no import cycle between its modules, no file over 400 lines,
and every module opens with a docstring saying what it holds and what it must not import.

Imports are read with ``ast`` (no module is executed); imports inside functions count the same as
those at the top of a module, and relative imports are resolved against the importing module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "rolegraph"
MAX_LINES = 400


def module_files() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__.py``)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of the package that ``name`` imports, anywhere in its code."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()

    def add(target: str) -> None:
        # the longest prefix that is a module of ours (``rolegraph.x.y`` where y is a function -> rolegraph.x)
        while target and target not in modules:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "rolegraph" or alias.name.startswith("rolegraph."):
                    add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                if node.level > 1:
                    base = base[: len(base) - (node.level - 1)]
                base_name = ".".join(base)
                mod = f"{base_name}.{node.module}" if node.module else base_name
            else:
                mod = node.module or ""
                if not (mod == "rolegraph" or mod.startswith("rolegraph.")):
                    continue
            for alias in node.names:
                sub = f"{mod}.{alias.name}"
                add(sub if sub in modules else mod)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_import_graph_is_read():
    graph = import_graph()
    # known arrows, so a broken reader cannot pass the cycle test by seeing nothing
    assert "rolegraph.corpus.files" in graph["rolegraph.corpus.load"]
    assert "rolegraph.corpus.claims" in graph["rolegraph.rules.rg003_unknown_term"]  # relative, two dots
    assert "rolegraph.corpus" in graph["rolegraph.cli.common"]  # function-level
    assert "rolegraph.cli.lint" in graph["rolegraph.cli"]  # a submodule named in `from .lint import ...`


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_modules():
    found = cycles(import_graph())
    assert not found, "import cycles (each list imports itself round): " + "; ".join(" <-> ".join(c) for c in found)


@pytest.mark.parametrize("name", sorted(module_files()))
def test_no_source_file_over_the_limit(name):
    path = module_files()[name]
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.relative_to(SRC.parent)} has {n} lines; split it (limit {MAX_LINES})"


@pytest.mark.parametrize("name", sorted(module_files()))
def test_every_module_docstring_says_what_it_holds_and_must_not_import(name):
    path = module_files()[name]
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    where = path.relative_to(SRC.parent)
    assert doc and len(doc.split()) >= 5, f"{where} needs a docstring saying what it holds"
    assert "must not import" in " ".join(doc.split()), f"{where}: say in the docstring what it must not import"
