"""``rolegraph init``: start a corpus folder, empty or as a copy of the bundled one.

It imports ``errors`` and ``corpus.files`` (for the bundled corpus); it must not import the loader
orchestration, rules, compiler or CLI.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import UsageError

SETTINGS_TEMPLATE = """# rolegraph settings for this corpus. Every key is optional.

[lint]
# fail-on = "error"          # error | warning | info
# select = ["RG"]            # rule codes or prefixes
# ignore = []
# [lint.severity]
# RG104 = "warning"

[consensus]
# min-agreement = 0.6        # below this share of the vote a pair is contested
# similarity = 90            # quotes this similar (0-100) across sources count as copies
# [consensus.weights]
# definite = 1.0
# generally = 0.8
# often = 0.6
# may = 0.4
# some = 0.3

[vocabulary]
# builtin = true             # false: start from an empty role vocabulary (only roles.ttl's roles)
# include = []               # optional built-in ladders: "engineering", "design"
"""


def init_corpus(path: str | os.PathLike[str], *, example: bool = False) -> Path:
    """Create a corpus at ``path`` (which must not exist or be empty). Atomic: a folder is
    built beside the target and renamed into place, so a crash or a concurrent init never
    leaves a half-made corpus; of two concurrent inits into one folder exactly one succeeds."""
    from .corpus.files import bundled_corpus_path

    target = Path(path)
    taken = UsageError(f"{target}: already exists and is not empty; choose a new folder")
    if target.is_symlink():
        raise UsageError(f"{target}: is a symlink; choose a new folder")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise taken
    parent = Path(os.path.abspath(target)).parent
    if not parent.is_dir():
        raise UsageError(f"{target.parent}: no such folder; create it first")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name or 'corpus'}.", suffix=".tmp", dir=parent))
    except OSError as e:
        raise UsageError(f"{target}: cannot create: {e.strerror or e}") from None
    try:
        if example:
            src = bundled_corpus_path()
            for sub in ("claims", "sources"):
                shutil.copytree(src / sub, tmp / sub)
            for extra in ("roles.ttl", "rolegraph.toml"):
                if (src / extra).is_file():
                    shutil.copy2(src / extra, tmp / extra)
        else:
            (tmp / "claims").mkdir()
            (tmp / "sources").mkdir()
        if not (tmp / "rolegraph.toml").exists():
            (tmp / "rolegraph.toml").write_text(SETTINGS_TEMPLATE, encoding="utf-8")
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o777 & ~mask)
        try:
            os.rename(tmp, target)
        except OSError:
            raise taken from None
    except OSError as e:
        raise UsageError(f"{target}: cannot create: {e.strerror or e}") from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target
