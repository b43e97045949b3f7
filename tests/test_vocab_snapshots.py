"""Snapshots of `rolegraph roles` with a roles.ttl that uses every override: the list, the Turtle,
and `--explain` as text and JSON. Regenerate with ROLEGRAPH_UPDATE_SNAPSHOTS=1 after a deliberate change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from vocab_helpers import corpus, run

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / "vocab"
UPDATE = os.environ.get("ROLEGRAPH_UPDATE_SNAPSHOTS") == "1"
ROLES = """
role:growth-pm a rg:Role ;
    skos:prefLabel "Growth Product Manager"@en ;
    skos:altLabel "Growth PM"@en ;
    rg:family rg:growthRoles .
rg:growthRoles a skos:Collection ; skos:prefLabel "Growth roles"@en .

role:vp-of-product skos:altLabel "VP Prod"@en .
role:head-of-product rg:removedAltLabel "Product Head" .
role:head-of-product skos:exactMatch role:vp-of-product .
role:product-owner owl:deprecated true .
role:product-marketing-manager rg:family rg:growthRoles .
"""
CASES = {
    "list.txt": ("roles", "--corpus", "c"),
    "list.ttl": ("roles", "--corpus", "c", "--format", "turtle"),
    "explain-merged.txt": ("roles", "--corpus", "c", "--explain", "HoP"),
    "explain-merged.json": ("roles", "--corpus", "c", "--explain", "HoP", "--format", "json"),
    "explain-removed.txt": ("roles", "--corpus", "c", "--explain", "product head"),
    "explain-retired.txt": ("roles", "--corpus", "c", "--explain", "PO"),
    "explain-moved.txt": ("roles", "--corpus", "c", "--explain", "PMM"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_roles_snapshot(tmp_path, monkeypatch, name):
    corpus(tmp_path / "c", [], ROLES)
    monkeypatch.chdir(tmp_path)
    data = run(*CASES[name]).stdout_bytes
    assert data == run(*CASES[name]).stdout_bytes  # the same input gives the same bytes
    path = SNAPSHOTS / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"no snapshot {path}; create it with ROLEGRAPH_UPDATE_SNAPSHOTS=1"
    assert data.decode() == path.read_text(encoding="utf-8")
