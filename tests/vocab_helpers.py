"""Small corpora with a roles.ttl and rolegraph.toml for the vocabulary-override tests."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from click.testing import CliRunner
from corpus_builder import build, claim

from rolegraph.cli import main

PREFIXES = (
    "@prefix rg: <https://w3id.org/rolegraph#> .\n"
    "@prefix role: <https://w3id.org/rolegraph/role/> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
)
FIRST = PREFIXES.count("\n") + 1  # the first line after the prefixes
ROLE = "https://w3id.org/rolegraph/role/"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def corpus(tmp: Path, claims: list[tuple[str, str, str | None]], roles: str | None = None, toml: str | None = None):
    """A one-source corpus whose snapshot holds every quote; claims are (subject, relation, object)."""
    quotes = [f"Sentence number {i} about titles." for i in range(len(claims))]
    items = [claim(f"c{i}", s, r, o, quote=quotes[i]) for i, (s, r, o) in enumerate(claims)]
    text = " ".join(quotes) or "Nothing."
    return build(tmp, {"s1": (text, items)}, roles_ttl=None if roles is None else PREFIXES + roles, settings=toml)


def codes(root: Path) -> list[str]:
    r = run("lint", "--corpus", str(root), "--format", "json", "--no-cache")
    assert r.exit_code in (0, 1), r.output
    return sorted(f["code"] for f in json.loads(r.output)["findings"])


def findings(root: Path) -> list[dict]:
    r = run("lint", "--corpus", str(root), "--format", "json", "--no-cache")
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.output)["findings"]


def builtin_line(needle: str, name: str = "roles.ttl") -> int:
    """The line of the package data file where ``needle`` is first written."""
    text = resources.files("rolegraph").joinpath(f"data/{name}").read_text()
    for n, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} is not in {name}")
