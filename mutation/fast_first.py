"""A pytest plugin for mutation runs only: run the cheapest tests first.

mutmut runs the tests that cover a mutant with ``-x``, so a killed mutant costs only the tests
up to the first failure. Ordering the covering tests by their measured duration (recorded by
mutmut's own stats run in ``mutmut-stats.json``) makes most kills cost a fraction of a second.
The order of a run does not change its verdicts: a surviving mutant still runs every test.
Loaded by ``mutation/mutmut_entry.py``; never part of ``pytest -q``.
"""

from __future__ import annotations

import json
from pathlib import Path


def _durations() -> dict[str, float]:
    try:
        data = json.loads(Path("mutmut-stats.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): float(v) for k, v in data.get("duration_by_test", {}).items()}


def pytest_collection_modifyitems(session, config, items) -> None:  # noqa: ARG001 (pytest hook signature)
    durations = _durations()
    if not durations:
        return
    items.sort(key=lambda item: durations.get(item.nodeid, durations.get(f"mutants/{item.nodeid}", 0.0)))
