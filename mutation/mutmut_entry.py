"""Run mutmut 3 in this process with the fast-first test order (see ``fast_first.py``).

Usage (from the repository root): ``python mutation/mutmut_entry.py run --max-children 2 [NAMES...]``,
or ``python mutation/mutmut_entry.py generate`` to only write the mutants under ``mutants/``.
Any other arguments go to mutmut's own command line (``results``, ``show NAME``, ...).
Configuration is ``[tool.mutmut]`` in pyproject.toml.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _configure() -> None:
    sys.path.insert(0, str(HERE))  # so pytest can import the fast_first plugin by name
    from mutmut.configuration import config

    cfg = config()
    if "fast_first" not in cfg.pytest_add_cli_args:
        cfg.pytest_add_cli_args[:0] = ["-p", "fast_first"]


def generate(max_children: int) -> None:
    """Write every mutant (and its .meta file) without running any test."""
    import os

    from mutmut.__main__ import create_mutants
    from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir, setup_source_paths

    os.makedirs("mutants", exist_ok=True)
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    create_mutants(max_children)


def main(argv: list[str]) -> None:
    _configure()
    if argv[:1] == ["generate"]:
        generate(int(argv[1]) if len(argv) > 1 else 2)
        return
    import mutmut.__main__ as mm  # registers itself in sys.modules (needed by mutmut's fork start)

    mm.cli.main(args=argv, prog_name="mutmut")


if __name__ == "__main__":
    main(sys.argv[1:])
