"""Build small corpora on disk for tests: {source id: (snapshot text, [claim dicts])}."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml


def build(
    root: Path,
    sources: dict[str, tuple[str, list[dict]]],
    *,
    header: dict[str, dict] | None = None,
    roles_ttl: str | None = None,
    settings: str | None = None,
) -> Path:
    """Write a corpus under ``root`` and return it. ``header`` overrides header fields per source."""
    (root / "claims").mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    for sid, (text, claims) in sources.items():
        snap = root / "sources" / f"{sid}.txt"
        snap.write_bytes(text.encode("utf-8"))
        head = {
            "id": sid,
            "title": f"Source {sid}",
            "url": f"https://example.com/{sid}",
            "retrieved": "2026-11-01",
            "snapshot": f"sources/{sid}.txt",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        }
        head.update((header or {}).get(sid, {}))
        head = {k: v for k, v in head.items() if v is not None or k == "url"}
        doc = {"source": head, "claims": claims}
        (root / "claims" / f"{sid}.yaml").write_text(
            yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    if roles_ttl is not None:
        (root / "roles.ttl").write_text(roles_ttl, encoding="utf-8")
    if settings is not None:
        (root / "rolegraph.toml").write_text(settings, encoding="utf-8")
    return root


def claim(cid: str, subject: str, relation: str, obj: str | None = None, quote: str = "Q", **kw) -> dict:
    d = {"id": cid, "subject": subject, "relation": relation}
    if obj is not None:
        d["object"] = obj
    d["quote"] = quote
    d.update(kw)
    return d


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file under root, to prove a command changed nothing."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
