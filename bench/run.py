"""Benchmark rolegraph on synthetic corpora: wall time and peak memory of each step.

    python bench/run.py [--sizes 1000,10000,100000] [--out bench/out/results.json]
                        [--shacl-max 1000] [--shacl-timeout 600] [--seed 0] [--only STEPS]

Every step runs in a fresh process; wall time is measured around the process (interpreter
start-up and imports included), peak memory is that process's ru_maxrss (os.wait4). See
bench/README.md for what each row means and the targets it is compared against.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
ROLEGRAPH = str(BIN / "rolegraph") if (BIN / "rolegraph").exists() else shutil.which("rolegraph") or "rolegraph"
PY = sys.executable

TARGETS = {  # step -> (size or None for any, max wall s, max peak MiB)
    ("lint", 100000): (20.0, 2048.0),
    ("lint_cold_cache", 100000): (20.0, 2048.0),
    ("lint_after_edit", 100000): (3.0, None),
    ("changed_since", 100000): (3.0, None),
    ("consensus_diff", 100000): (12.0, None),
    ("consensus", 100000): (10.0, None),
    ("consensus_cold", 100000): (10.0, None),
    ("version", None): (0.15, None),
    ("help", None): (0.15, None),
    ("lint_bundled", None): (1.0, None),
    ("report", 10000): (10.0, None),
    ("report_bundled", None): (1.0, None),
}
REPORT_MB_TARGET = 10.0  # page size of the 10k-claim report
SHACL_RATIO_TARGET = 50.0


def run_proc(cmd: list[str], *, env=None, timeout: float | None = None, stdout=subprocess.PIPE) -> dict:
    """Run cmd; return wall seconds, peak RSS (MiB) of that process, exit code, stdout."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env, start_new_session=True)
    killed = []

    def kill():
        killed.append(True)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill) if timeout else None
    if timer:
        timer.start()
    out_chunks, err_chunks = [], []
    readers = []
    for stream, sink in ((p.stdout, out_chunks), (p.stderr, err_chunks)):
        if stream is not None:
            t = threading.Thread(target=lambda s=stream, k=sink: k.append(s.read()), daemon=True)
            t.start()
            readers.append(t)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if timer:
        timer.cancel()
    for t in readers:
        t.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall_s": round(wall, 4),
        "peak_mib": round(ru.ru_maxrss / 1024, 1),
        "cpu_s": round(ru.ru_utime + ru.ru_stime, 2),  # of that process and its threads: 2 cores bound it
        "rc": p.returncode,
        "timed_out": bool(killed),
        "stdout": b"".join(out_chunks).decode("utf-8", "replace"),
        "stderr": b"".join(err_chunks).decode("utf-8", "replace")[-2000:],
    }


def check_findings(report_path: Path, corpus: Path) -> dict:
    """Compare lint's findings (code + role labels) with the planted set in expected.json."""
    try:
        report = json.loads(report_path.read_text("utf-8"))
    except (OSError, ValueError) as e:
        return {"ok": False, "error": f"no JSON report: {e}"}
    exp = json.loads((corpus / "expected.json").read_text("utf-8"))
    got = collections.Counter((f["code"], tuple(sorted(f["roles"]))) for f in report["findings"])
    want = collections.Counter((e["code"], tuple(e["roles"])) for e in exp["expected"])
    missing, extra = want - got, got - want
    return {
        "ok": not missing and not extra,
        "expected": sum(want.values()),
        "found": sum(got.values()),
        "missing": [list(k) for k in missing.elements()][:20],
        "extra": [list(k) for k in extra.elements()][:20],
        "n_missing": sum(missing.values()),
        "n_extra": sum(extra.values()),
    }


def corpus_for(n: int, seed: int, outdir: Path) -> tuple[Path, float | None]:
    """Generate (or reuse) the corpus of n claims; regenerated when generate.py changes."""
    gen = HERE / "generate.py"
    stamp = hashlib.sha256(gen.read_bytes()).hexdigest()[:16] + f"/{n}/{seed}"
    path = outdir / f"corpus-{n}-s{seed}"
    mark = path / ".bench-stamp"
    if mark.is_file() and mark.read_text() == stamp:
        return path, None
    t0 = time.perf_counter()
    subprocess.run([PY, str(gen), str(n), str(path), "--seed", str(seed)], check=True)
    mark.write_text(stamp)
    return path, time.perf_counter() - t0


def consensus_available() -> str | None:
    r = subprocess.run(
        [PY, "-c", "import rolegraph.consensus as c; c.consensus; c.render"], capture_output=True, text=True
    )
    if r.returncode == 0:
        return "rolegraph.consensus"
    r = subprocess.run([PY, "-c", "import rolegraph.ladder"], capture_output=True, text=True)
    return "rolegraph.ladder" if r.returncode == 0 else None


def api_step(what: str, corpus: Path, *, cache: bool = False, env=None) -> dict:
    r = run_proc([PY, str(HERE / "_step.py"), what, str(corpus), *(["--cache"] if cache else [])], env=env)
    try:
        r["inproc"] = json.loads(r["stdout"].strip().splitlines()[-1])
    except (ValueError, IndexError):
        r["inproc"] = {}
    return r


def lint_step(corpus: Path, tmp: Path, name: str, *, extra: list[str], env=None, timeout=None) -> dict:
    report = tmp / f"{name}.json"
    report.unlink(missing_ok=True)
    cmd = [ROLEGRAPH, "lint", "--corpus", str(corpus), "--format", "json", "-o", str(report), *extra]
    r = run_proc(cmd, env=env, timeout=timeout)
    r["check"] = check_findings(report, corpus) if not r["timed_out"] else {"ok": False, "error": "timed out"}
    return r


def bench_size(n: int, args, tmp: Path) -> list[dict]:
    corpus, gen_s = corpus_for(n, args.seed, args.outdir)
    rows = []

    def add(step, r, note=""):
        r.pop("stdout", None)
        if r.get("rc") not in (0, 1) or r.get("timed_out"):
            note = (note + " " + (r.get("stderr") or "")[-300:]).strip()
        r.pop("stderr", None)
        rows.append({"size": n, "step": step, "note": note, **r})
        status = "" if "check" not in r else ("ok" if r["check"].get("ok") else "CHECK FAILED")
        wall, peak = r.get("wall_s", float("nan")), r.get("peak_mib", 0)
        print(f"  {n:>7} {step:<18} {wall:>9.3f} s {peak:>8.1f} MiB {status} {note}", flush=True)

    want = set(args.only.split(",")) if args.only else None
    on = lambda s: want is None or s in want  # noqa: E731
    if gen_s is not None:
        rows.append({"size": n, "step": "generate", "wall_s": round(gen_s, 3), "note": "bench/generate.py"})
    if on("load"):
        r = api_step("load", corpus)
        add("load", r, f"in-process load {r['inproc'].get('step_s', float('nan')):.3f} s")
    if on("compile"):
        r = api_step("compile", corpus)
        ip = r["inproc"]
        nan = float("nan")
        quads = ip.get("quads") or 0
        note = f"in-process compile {ip.get('step_s', nan):.3f} s (+ load {ip.get('load_s', nan):.3f} s), {quads} quads"
        add("compile", r, note)
    if on("lint"):
        add("lint", lint_step(corpus, tmp, f"lint-{n}", extra=["--no-cache"]), "--no-cache")
    cache = tmp / f"cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "ROLEGRAPH_CACHE_DIR": str(cache)}
    if on("lint_cache"):
        add("lint_cold_cache", lint_step(corpus, tmp, f"cold-{n}", extra=[], env=env), "empty cache, writes it")
        add("lint_warm_cache", lint_step(corpus, tmp, f"warm-{n}", extra=[], env=env), "nothing changed")
        exp = json.loads((corpus / "expected.json").read_text())
        edit = exp["edit"]
        f = corpus / edit["file"]
        orig = f.read_text("utf-8")
        assert edit["old"] in orig, "edit target missing"
        try:
            f.write_text(orig.replace(edit["old"], edit["new"], 1), "utf-8")
            add("lint_after_edit", lint_step(corpus, tmp, f"edit-{n}", extra=[], env=env),
                f"warm cache, {edit['file']}: hedge definite->generally")  # fmt: skip
        finally:
            f.write_text(orig, "utf-8")
    if on("consensus"):
        if args.consensus:
            nan = float("nan")
            if not on("lint_cache"):  # warm the cache as a lint run would have
                api_step("load", corpus, cache=True, env=env)
            for step, cache in (("consensus_cold", False), ("consensus", True)):
                r = api_step("consensus", corpus, cache=cache, env=env)
                ip = r["inproc"]
                note = (
                    f"{'cache warmed by lint' if cache else 'no cache: YAML parsed'}; in-process load "
                    f"{ip.get('load_s', nan):.3f} s + structure check {ip.get('check_s', nan):.3f} s + consensus "
                    f"{ip.get('consensus_s', nan):.3f} s + render json {ip.get('render_s', nan):.3f} s"
                )
                add(step, r, note)
        else:
            rows.append(
                {"size": n, "step": "consensus", "note": "not available (no rolegraph.consensus / rolegraph.ladder)"}
            )
    if on("report"):
        page = tmp / f"report-{n}.html"
        r = run_proc([ROLEGRAPH, "report", "--corpus", str(corpus), "-o", str(page)], env=env)
        r["page_mb"] = round(page.stat().st_size / 1e6, 2) if page.exists() else None
        add("report", r, f"page {r['page_mb']} MB, {'warm' if on('lint_cache') else 'cold'} cache, Graphviz ladders")
    if on("git"):
        from _git import git_rows

        git_rows(n, corpus, tmp, run_proc, ROLEGRAPH, PY, HERE / "_step.py", add)
    reused = [r for r in args.reuse_rows if r.get("size") == n and r.get("step") == "lint_shacl"]
    if on("shacl") and reused:
        rows.append({**reused[0], "note": reused[0].get("note", "") + f" [reused from {args.reuse_shacl}]"})
    elif on("shacl") and n <= args.shacl_max:
        r = lint_step(corpus, tmp, f"shacl-{n}", extra=["--no-cache", "--engine", "shacl"], timeout=args.shacl_timeout)
        add("lint_shacl", r, f"--engine shacl (pyshacl on an rdflib graph), timeout {args.shacl_timeout:g} s")
    if on("shacl") and n <= args.shacl_max:
        r = lint_step(
            corpus, tmp, f"shacl-ox-{n}", extra=["--no-cache", "--engine", "shacl-oxigraph"], timeout=args.shacl_timeout
        )
        add(
            "lint_shacl_oxigraph",
            r,
            f"--engine shacl-oxigraph (pyshacl on a pyoxigraph store), timeout {args.shacl_timeout:g} s",
        )
    return rows


def global_steps(args, tmp: Path) -> list[dict]:
    rows = []
    for step, cmd in (
        ("version", [ROLEGRAPH, "--version"]),
        ("help", [ROLEGRAPH, "--help"]),
        ("lint_bundled", [ROLEGRAPH, "lint", "--format", "json", "-o", str(tmp / "bundled.json")]),
        ("report_bundled", [ROLEGRAPH, "report", "-o", str(tmp / "bundled.html")]),
    ):
        runs = [run_proc(cmd) for _ in range(args.repeat)]
        walls = [r["wall_s"] for r in runs]
        row = {
            "size": None,
            "step": step,
            "wall_s": round(statistics.median(walls), 4),
            "wall_min_s": min(walls),
            "wall_max_s": max(walls),
            "peak_mib": max(r["peak_mib"] for r in runs),
            "rc": runs[-1]["rc"],
            "note": f"median of {args.repeat}",
        }
        rows.append(row)
        print(
            f"  {'-':>7} {step:<18} {row['wall_s']:>9.3f} s {row['peak_mib']:>8.1f} MiB"
            f"  (min {row['wall_min_s']:.3f}, max {row['wall_max_s']:.3f})",
            flush=True,
        )
    return rows


def evaluate(rows: list[dict]) -> list[dict]:
    """Targets of the issue, met or not, from the measured rows."""
    by = {(r["step"], r["size"]): r for r in rows}
    out = []
    for (step, size), (wall, mib) in TARGETS.items():
        r = by.get((step, size))
        if r is None or "wall_s" not in r:
            out.append({"target": f"{step} @ {size or 'any'}", "status": "not measured"})
            continue
        ok = r["wall_s"] <= wall and (mib is None or r["peak_mib"] <= mib) and r.get("check", {}).get("ok", True)
        want = f"<= {wall:g} s" + (f", <= {mib:g} MiB" if mib else "")
        got = f"{r['wall_s']:.3f} s" + (f", {r['peak_mib']:.0f} MiB" if mib else "")
        out.append(
            {"target": f"{step} @ {size or 'any'}: {want}", "measured": got, "status": "met" if ok else "MISSED"}
        )
    for (step, size), r in by.items():
        if step == "lint_shacl" and ("lint", size) in by:
            fast = by[("lint", size)]["wall_s"]
            if r.get("timed_out"):
                ratio, txt = None, f"shacl timed out after {r['wall_s']:.0f} s (ratio > {r['wall_s'] / fast:.0f}x)"
            else:
                ratio = r["wall_s"] / fast
                txt = f"{r['wall_s']:.2f} s / {fast:.3f} s = {ratio:.1f}x"
            met = r.get("timed_out") and r["wall_s"] / fast >= SHACL_RATIO_TARGET or (ratio or 0) >= SHACL_RATIO_TARGET
            out.append(
                {
                    "target": f"lint vs pyshacl @ {size}: >= {SHACL_RATIO_TARGET:g}x",
                    "measured": txt,
                    "status": "met" if met else "MISSED",
                }
            )
    for (step, size), r in by.items():  # the report's page size
        if step == "report" and size == 10000 and r.get("page_mb") is not None:
            ok, want = r["page_mb"] <= REPORT_MB_TARGET, f"report page @ {size}: <= {REPORT_MB_TARGET:g} MB"
            out.append({"target": want, "measured": f"{r['page_mb']} MB", "status": "met" if ok else "MISSED"})
    steps = sorted({s for s, n in by if n})
    for step in steps:
        sizes = sorted(n for s, n in by if s == step and n and "wall_s" in by[(s, n)])
        for a, b in zip(sizes, sizes[1:], strict=False):
            ta, tb = by[(step, a)]["wall_s"], by[(step, b)]["wall_s"]
            if ta > 0 and step != "generate":
                k = math.log(tb / ta) / math.log(b / a)
                measured = f"x{tb / ta:.1f} time for x{b / a:g} claims (exponent {k:.2f})"
                status = "met" if k <= 1.15 else "MISSED"
                out.append({"target": f"linear growth {step} {a}->{b}", "measured": measured, "status": status})
    return out


def markdown(rows: list[dict], verdicts: list[dict]) -> str:
    lines = [
        "| claims | step | wall s | peak MiB | exit | findings check | note |",
        "|---:|---|---:|---:|---:|---|---|",
    ]
    for r in rows:
        chk = r.get("check")
        if chk is None:
            c = ""
        elif chk.get("ok"):
            c = f"ok ({chk['found']}/{chk['expected']})"
        else:
            missing = "missing {}, extra {}".format(chk.get("n_missing"), chk.get("n_extra"))
            c = "FAIL: " + (chk.get("error") or missing)
        wall = "" if r.get("wall_s") is None else format(r["wall_s"], ".3f")
        peak = "" if r.get("peak_mib") is None else format(r["peak_mib"], ".0f")
        lines.append(
            f"| {r['size'] or '-'} | {r['step']} | {wall} | {peak} | {r.get('rc', '')} | {c} | {r.get('note', '')} |"
        )
    lines += ["", "| target | measured | status |", "|---|---|---|"]
    lines += [f"| {v['target']} | {v.get('measured', '')} | {v['status']} |" for v in verdicts]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "results.json")
    ap.add_argument("--outdir", type=Path, default=HERE / "out", help="where generated corpora are cached")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shacl-max", type=int, default=1000, help="largest size the pyshacl baseline runs at")
    ap.add_argument("--shacl-timeout", type=float, default=600.0)
    ap.add_argument("--repeat", type=int, default=5, help="runs of --version, --help and the bundled lint")
    ap.add_argument(
        "--only",
        default=None,
        help="comma-separated: load,compile,lint,lint_cache,consensus,report,git,shacl,global",
    )
    ap.add_argument(
        "--reuse-shacl",
        type=Path,
        default=None,
        help="take the lint_shacl rows from an earlier results.json (same corpora) instead of rerunning pyshacl",
    )
    args = ap.parse_args(argv)
    args.reuse_rows = json.loads(args.reuse_shacl.read_text())["rows"] if args.reuse_shacl else []
    args.outdir.mkdir(parents=True, exist_ok=True)
    args.consensus = consensus_available()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="rolegraph-bench-") as t:
        tmp = Path(t)
        if not args.only or "global" in args.only.split(","):
            rows += global_steps(args, tmp)
        for n in sizes:
            rows += bench_size(n, args, tmp)
    verdicts = evaluate(rows)
    md = markdown(rows, verdicts)
    print()
    print(md)
    ver = subprocess.run([ROLEGRAPH, "--version"], capture_output=True, text=True).stdout.strip()
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "rolegraph": ver,
        "consensus": args.consensus,
        "sizes": sizes,
        "rows": rows,
        "targets": verdicts,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    args.out.with_suffix(".md").write_text(md + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} and {args.out.with_suffix('.md')}")
    return 0 if all(r.get("check", {}).get("ok", True) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
