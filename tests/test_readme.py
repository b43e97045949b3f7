"""The README's Python examples run as written (against a copy of the bundled corpus)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from rolegraph.corpus import bundled_corpus_path

README = Path(__file__).resolve().parent.parent / "README.md"


def python_block(marker: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    found = [b for b in blocks if marker in b]
    assert len(found) == 1, f"the README should hold one Python example using {marker}"
    return found[0]


def run(code: str) -> dict:
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)
    return scope


def test_python_api_example(tmp_path, monkeypatch, capsys):
    shutil.copytree(bundled_corpus_path(), tmp_path / "my-corpus")
    monkeypatch.chdir(tmp_path)
    scope = run(python_block("rolegraph.init_corpus("))
    out = capsys.readouterr().out
    assert re.search(r"^claims/\S+\.yaml \d+ RG104 error ", out, flags=re.M)
    assert "## large\n\n| Tier | Roles |" in out  # the markdown consensus of one size
    assert scope["data"].startswith(b"@prefix")
    assert scope["why"] is not None
    assert scope["html"].startswith("<!DOCTYPE html>") and "<h1>Ladder review</h1>" in scope["html"]
    assert (tmp_path / "new-corpus" / "claims").is_dir()


def test_sparql_example(capsys):
    run(python_block("pyoxigraph"))
    graphs = capsys.readouterr().out.split()
    assert graphs and all(g.startswith("<https://w3id.org/rolegraph/id/graph/") for g in graphs)


def test_add_and_extract_example(tmp_path, monkeypatch, capsys):
    shutil.copy(README.parent / "docs" / "examples" / "product-ladder.html", tmp_path)
    monkeypatch.chdir(tmp_path)
    scope = run(python_block("add_sources("))
    assert "relation: reports_to" in capsys.readouterr().out
    claims = (tmp_path / "my-corpus" / "claims" / "how-our-product-team-is-organised.yaml").read_text()
    assert claims.count("proposed: true") == scope["result"].count >= 5
    assert scope["ladders"].sizes["startup"].pairs
