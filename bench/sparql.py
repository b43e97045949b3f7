"""SPARQL benchmark rows (issue 13): export peak memory, query --name first/second run, push into a
local Oxigraph server, lint --endpoint (with findings compared to the local lint), and pyoxigraph vs
rdflib on the named queries.

    python bench/sparql.py --sizes 1000,10000,100000 --out bench/out/sparql.json

Every CLI row is one fresh process timed by bench/run.py's ``run_proc`` (wall seconds, peak RSS
from ``os.wait4``). The synthetic corpus plants structure errors (RG002, RG004) that ``query``,
``push`` and ``export`` refuse, so the rows run on a copy without those claims ("clean"); the
copy is made once and cached next to the corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run as harness  # noqa: E402  (bench/run.py: run_proc, corpus_for)

PY = sys.executable
RG = [PY, "-m", "rolegraph"]
KEEP = ("wall_s", "peak_mib", "cpu_s", "rc", "server_cpu_s")  # what each row records
TARGETS = {  # (seconds, MiB) at 100k claims, from the issue
    "export_trig": (None, 600),
    "query_first": (20.0, None),
    "query_second": (1.0, None),
    "push": (60.0, None),
    "lint_endpoint": (60.0, None),
}


def clean_copy(corpus: Path) -> Path:
    """The corpus without the claims that have structure errors (what issue 19's loader will skip)."""
    import yaml

    import rolegraph

    out = corpus.with_name(corpus.name + "-clean")
    stamp = (corpus / ".bench-stamp").read_text() if (corpus / ".bench-stamp").is_file() else ""
    if (out / ".bench-stamp").is_file() and (out / ".bench-stamp").read_text() == stamp:
        return out
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(corpus, out)
    c = rolegraph.load_corpus(out)
    report = rolegraph.lint(c, select=["RG00"], fail_on="error")
    drop: dict[str, set[str]] = {}
    for f in report.findings:
        if f.severity == "error":
            for claim, _ in f.claims:
                drop.setdefault(claim.file, set()).add(claim.id)
    for rel, ids in drop.items():
        path = out / rel
        doc = yaml.safe_load(path.read_text("utf-8"))
        doc["claims"] = [x for x in doc["claims"] if str(x.get("id")) not in ids]
        path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), "utf-8")
    (out / ".bench-stamp").write_text(stamp)
    return out


def oxigraph(location: Path) -> tuple[subprocess.Popen, str]:
    import socket

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    binary = Path(PY).parent / "oxigraph"
    p = subprocess.Popen(
        [
            str(binary if binary.exists() else "oxigraph"),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/", timeout=1)
            return p, base
        except httpx.HTTPError:
            time.sleep(0.1)
    p.kill()
    raise RuntimeError("oxigraph did not start")


def comparable(path: Path) -> list | None:
    if not path.is_file():
        return None
    findings = json.loads(path.read_text("utf-8"))["findings"]
    return sorted(
        json.dumps(
            [
                f["code"],
                f["severity"],
                f["message"],
                f["roles"],
                f["scope"],
                [(c["source"], c["id"], c["side"]) for c in f["claims"]],
            ]
        )
        for f in findings
    )


def engines(corpus: Path, repeat: int) -> dict:
    """Median seconds of every named query (default parameters) on pyoxigraph and on rdflib."""
    import statistics

    import pyoxigraph as ox
    import rdflib

    import rolegraph
    from rolegraph.sparql import local_query
    from rolegraph.sparql.named import catalogue
    from rolegraph.sparql.params import bind
    from rolegraph.sparql.store import store_nquads

    c = rolegraph.load_corpus(corpus)
    data = b"".join(store_nquads(c))
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    t0 = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=data.decode("utf-8"), format="nquads")
    rdflib_load = time.perf_counter() - t0
    rows = {}
    for name, q in catalogue().items():
        given = {"source": c.sources[0].id} if q.param("source") else {}

        def select(text: str) -> list[dict]:
            res = store.query(text, use_default_graph_as_union=True)
            names = [v.value for v in res.variables]
            return [{n: r[n] for n in names if r[n] is not None} for r in res]

        terms = bind(q, given, select)
        ox_t, rl_t = [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            n_ox = len(list(local_query(store, q.text, q, given)))
            ox_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            init = {
                rdflib.Variable(k): rdflib.URIRef(v.value) if isinstance(v, ox.NamedNode) else rdflib.Literal(v.value)
                for k, v in terms.items()
            }
            n_rl = len(list(ds.query(q.text, initBindings=init)))
            rl_t.append(time.perf_counter() - t0)
        rows[name] = {
            "pyoxigraph_s": round(statistics.median(ox_t), 4),
            "rdflib_s": round(statistics.median(rl_t), 4),
            "rows": [n_ox, n_rl],
        }
    return {"rdflib_load_s": round(rdflib_load, 2), "queries": rows}


def write_nquads(corpus: Path, out: Path) -> int:
    """The local store's quads as one N-Quads file (for the engine-alone row); how many."""
    from rolegraph.sparql.store import load_published, store_nquads

    n = 0
    with out.open("wb") as f:
        for chunk in store_nquads(load_published(corpus)):
            n += chunk.count(b"\n")
            f.write(chunk)
    return n


def server_cpu(pid: int) -> float:
    """User + system CPU seconds a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)


def in_child(what: str, path: Path, *extra: str):
    """Run clean_copy or engines in a child process, so this (timing) process stays small: a forked
    child's ru_maxrss starts from its parent's resident size."""
    r = subprocess.run([PY, __file__, f"--{what}", str(path), *extra], capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    if argv is None and len(sys.argv) >= 3 and sys.argv[1] in ("--clean", "--engines", "--nquads"):
        if sys.argv[1] == "--clean":
            print(json.dumps(str(clean_copy(Path(sys.argv[2])))))
        elif sys.argv[1] == "--nquads":
            print(json.dumps(write_nquads(Path(sys.argv[2]), Path(sys.argv[3]))))
        else:
            print(json.dumps(engines(Path(sys.argv[2]), int(sys.argv[3]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "sparql.json")
    ap.add_argument("--outdir", type=Path, default=HERE / "out")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rdflib-max", type=int, default=10000, help="largest size the rdflib comparison runs at")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    a.outdir.mkdir(parents=True, exist_ok=True)
    results = []
    for n in [int(x) for x in a.sizes.split(",")]:
        corpus, _ = harness.corpus_for(n, a.seed, a.outdir)
        clean = Path(in_child("clean", corpus))
        work = Path(tempfile.mkdtemp(prefix="rg-sparql-bench-"))
        env = {**os.environ, "ROLEGRAPH_CACHE_DIR": str(work / "cache")}
        rows = {}
        for fmt in ("trig", "nquads"):
            rows[f"export_{fmt}"] = harness.run_proc(
                [*RG, "export", "--corpus", str(clean), "--format", fmt, "-o", "/dev/null"], env=env
            )
        q = [
            *RG,
            "query",
            "--corpus",
            str(clean),
            "--name",
            "roles-above",
            "--format",
            "csv",
            "-o",
            str(work / "q.csv"),
        ]
        rows["query_first"] = harness.run_proc(q, env=env)
        rows["query_second"] = harness.run_proc(q, env=env)
        # the engine alone: Oxigraph's own loader on the same quads, a floor for query_first
        quads = in_child("nquads", clean, str(work / "store.nq"))
        binary = Path(PY).parent / "oxigraph"
        rows["store_engine_alone"] = harness.run_proc(
            [str(binary), "load", "--location", str(work / "floor"), "--file", str(work / "store.nq"), "--lenient"]
        )
        (work / "store.nq").unlink()
        shutil.rmtree(work / "floor", ignore_errors=True)
        server, base = oxigraph(work / "oxigraph")
        try:
            push = [*RG, "push", "--corpus", str(clean), "--endpoint", base + "/query", "--timeout", "600"]
            rows["push"] = harness.run_proc(push, env=env)
            rows["push"]["server_cpu_s"] = server_cpu(server.pid)
            rows["push_again"] = harness.run_proc(push, env=env)
            rows["lint_endpoint"] = harness.run_proc(
                [
                    *RG,
                    "lint",
                    "--endpoint",
                    base + "/query",
                    "--timeout",
                    "600",
                    "--select",
                    "RG1",
                    "--format",
                    "json",
                    "-o",
                    str(work / "remote.json"),
                ],
                env=env,
            )
        finally:
            server.terminate()
            server.wait()
        rows["lint_local"] = harness.run_proc(
            [
                *RG,
                "lint",
                "--corpus",
                str(clean),
                "--select",
                "RG1",
                "--format",
                "json",
                "--no-cache",
                "-o",
                str(work / "local.json"),
            ],
            env=env,
        )
        remote = comparable(work / "remote.json")
        same = remote is not None and remote == comparable(work / "local.json")
        entry = {
            "claims": n,
            "load_average": os.getloadavg(),
            "quads": quads,
            "rows": {k: {x: v[x] for x in KEEP if x in v} for k, v in rows.items()},
            "errors": {k: v["stderr"][-400:] for k, v in rows.items() if v["rc"] not in (0, 1)},
            "lint_endpoint_equals_local": same,
        }
        if n <= a.rdflib_max:
            entry["engines"] = in_child("engines", clean, str(a.repeat))
        results.append(entry)
        print(f"\n## {n} claims (lint --endpoint findings equal local: {same})")
        print(f"{quads} quads in the store")
        print("| step | wall s | CPU s | peak MiB | rc | target |")
        print("|---|---|---|---|---|---|")
        for k, v in rows.items():
            t = TARGETS.get(k) if n == 100000 else None
            target = "" if not t else (f"<= {t[0]} s" if t[0] else f"<= {t[1]} MiB")
            cpu = f"{v['cpu_s']}" + (f" (+ server {v['server_cpu_s']})" if "server_cpu_s" in v else "")
            print(f"| {k} | {v['wall_s']} | {cpu} | {v['peak_mib']} | {v['rc']} | {target} |")
        if "engines" in entry:
            print(f"\nrdflib load {entry['engines']['rdflib_load_s']} s; per query (median of {a.repeat}):")
            print("| query | pyoxigraph s | rdflib s | rows |")
            print("|---|---|---|---|")
            for name, r in entry["engines"]["queries"].items():
                print(f"| {name} | {r['pyoxigraph_s']} | {r['rdflib_s']} | {r['rows'][0]} |")
        shutil.rmtree(work, ignore_errors=True)
        a.out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
