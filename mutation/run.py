"""Mutation testing of the rule engine, findings and consensus core with mutmut 3.

Run from the repository root (it takes long: about an hour for every mutant on two cores)::

    python mutation/run.py                       # every mutant
    python mutation/run.py --sample 1000 --seed 17 --workers 2
    python mutation/run.py --report              # the table of the last run, nothing re-run

What is mutated is ``[tool.mutmut] only_mutate`` in pyproject.toml. The sample is a seeded
random choice among the sorted names of all mutants, so the same code, seed and size give the
same sample. The chosen names are kept in ``mutants/sample.txt`` for ``--report``. Mutants listed
in ``mutation/equivalents.md`` (true equivalents: no observable change) are left out of the
score when they survive. Not part of ``pytest -q``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
SAMPLE_FILE = MUTANTS / "sample.txt"
EQUIVALENTS = ROOT / "mutation" / "equivalents.md"
ENTRY = ROOT / "mutation" / "mutmut_entry.py"

# mutmut's exit codes -> the columns of the table (see mutmut.stats.status_by_exit_code)
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", None: "not run", 34: "skipped"}
STATUS.update(dict.fromkeys((24, -24, 152, 255, 36), "timeout"))
COLUMNS = ("killed", "timeout", "survived", "no tests", "other")


def mutmut(*args: str, log: Path | None = None) -> int:
    cmd = [sys.executable, str(ENTRY), *args]
    if log is None:
        return subprocess.call(cmd, cwd=ROOT)
    with open(log, "ab") as out:
        return subprocess.call(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)


def load_meta() -> dict[str, tuple[str, int | None]]:
    """Mutant name -> (source file, exit code or None when not run yet)."""
    out: dict[str, tuple[str, int | None]] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        source = meta.relative_to(MUTANTS).as_posix()[: -len(".meta")]
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            out[name] = (source, code)
    return out


def equivalents() -> set[str]:
    if not EQUIVALENTS.exists():
        return set()
    return set(re.findall(r"`([\w.]+__mutmut_\d+)`", EQUIVALENTS.read_text(encoding="utf-8")))


def status(code: int | None) -> str:
    return STATUS.get(code, "other")


def table(names: list[str], meta: dict[str, tuple[str, int | None]], equiv: set[str]) -> str:
    per_file: dict[str, Counter] = {}
    skipped_equiv = 0
    for name in names:
        source, code = meta[name]
        st = status(code)
        if st == "survived" and name in equiv:
            skipped_equiv += 1
            per_file.setdefault(source, Counter())["equivalent"] += 1
            continue
        per_file.setdefault(source, Counter())[st if st in COLUMNS else "other"] += 1
    width = max([len(s) for s in per_file] + [5])
    head = f"{'file':<{width}}  {'mutants':>7}  " + "  ".join(f"{c:>8}" for c in COLUMNS) + f"  {'equiv':>5}  score"
    lines = [head, "-" * len(head)]
    total: Counter = Counter()
    for source in sorted(per_file):
        c = per_file[source]
        total.update(c)
        lines.append(_row(source, c, width))
    lines.append("-" * len(head))
    lines.append(_row("total", total, width))
    lines.append(
        "score = (killed + timeout) / (mutants - surviving listed equivalents); "
        f"{skipped_equiv} surviving mutants are listed in mutation/equivalents.md"
    )
    return "\n".join(lines)


def _row(label: str, c: Counter, width: int) -> str:
    n = sum(c.values())
    scored = n - c["equivalent"]
    score = 100.0 * (c["killed"] + c["timeout"]) / scored if scored else 100.0
    cols = "  ".join(f"{c[k]:>8}" for k in COLUMNS)
    return f"{label:<{width}}  {n:>7}  {cols}  {c['equivalent']:>5}  {score:5.1f}%"


def survivors(names: list[str], meta: dict[str, tuple[str, int | None]], equiv: set[str]) -> list[str]:
    return [n for n in names if status(meta[n][1]) == "survived" and n not in equiv]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=0, help="run a seeded random sample of this many mutants (0: all)")
    ap.add_argument("--seed", type=int, default=17, help="seed of the sample (default 17)")
    ap.add_argument("--workers", type=int, default=2, help="mutants tested at once (default 2)")
    ap.add_argument("--keep", action="store_true", help="keep mutants/ and mutmut's test stats from the last run")
    ap.add_argument("--report", action="store_true", help="only print the table of the last run")
    ap.add_argument(
        "--resume",
        action="store_true",
        help="keep mutants/ and the last sample; re-run only its mutants not killed yet (after adding tests)",
    )
    ap.add_argument("--survivors", action="store_true", help="also list the surviving mutants (see: mutmut show NAME)")
    ap.add_argument("--json", type=Path, help="also write the counts and survivors to this file")
    args = ap.parse_args(argv)

    if args.report or args.resume:
        if not SAMPLE_FILE.exists():
            print("no run to report or resume: run python mutation/run.py first", file=sys.stderr)
            return 2
        names = SAMPLE_FILE.read_text(encoding="utf-8").split()
    if args.resume:
        log = MUTANTS / "run.log"
        if mutmut("generate", str(args.workers), log=log) != 0:  # regenerates the functions that changed
            print(f"generating the mutants failed; see {log}", file=sys.stderr)
            return 1
        meta = load_meta()
        equiv = equivalents()  # listed equivalents keep their verdict: re-running them cannot kill them
        # timeouts are re-run too: mutmut forgets them when the timeout settings change
        todo = [n for n in names if n in meta and status(meta[n][1]) != "killed" and n not in equiv]
        print(f"resuming: {len(todo)} of {len(names)} sampled mutants not killed yet; log: {log}", flush=True)
        if todo:
            t0 = time.monotonic()
            rc = mutmut("run", "--max-children", str(args.workers), *todo, log=log)
            print(f"mutmut finished (exit {rc}) in {time.monotonic() - t0:.0f} s", flush=True)
    elif not args.report:
        if not args.keep and MUTANTS.exists():
            shutil.rmtree(MUTANTS)  # fresh stats: which tests cover what is measured again
        MUTANTS.mkdir(exist_ok=True)
        log = MUTANTS / "run.log"
        if mutmut("generate", str(args.workers), log=log) != 0:
            print(f"generating the mutants failed; see {log}", file=sys.stderr)
            return 1
        every = sorted(load_meta())
        if args.sample and args.sample < len(every):
            names = sorted(random.Random(args.seed).sample(every, args.sample))
            which = f"seeded sample of {len(names)} of {len(every)} mutants (seed {args.seed})"
        else:
            names = every
            which = f"all {len(every)} mutants"
        SAMPLE_FILE.write_text("\n".join(names) + "\n", encoding="utf-8")
        (MUTANTS / "sample-info.txt").write_text(which + "\n", encoding="utf-8")
        print(f"mutation run: {which}, {args.workers} workers; log: {log}", flush=True)
        t0 = time.monotonic()
        rc = mutmut("run", "--max-children", str(args.workers), *names, log=log)
        print(f"mutmut finished (exit {rc}) in {time.monotonic() - t0:.0f} s", flush=True)
    meta = load_meta()
    missing = [n for n in names if n not in meta]
    if missing:
        print(f"{len(missing)} sampled mutants no longer exist (the code changed); run again", file=sys.stderr)
        names = [n for n in names if n in meta]
    info = MUTANTS / "sample-info.txt"
    if info.exists():
        print(info.read_text(encoding="utf-8").strip())
    equiv = equivalents()
    print(table(names, meta, equiv))
    left = survivors(names, meta, equiv)
    if args.survivors:
        print("\nsurviving mutants (python mutation/mutmut_entry.py show NAME):")
        print("\n".join(f"  {n}" for n in left))
    if args.json:
        counts = Counter(status(meta[n][1]) for n in names)
        args.json.write_text(json.dumps({"counts": counts, "survivors": left}, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
