"""One benchmark step through the Python API, run in its own process by bench/run.py.

    python bench/_step.py {load,compile,consensus} CORPUS

Prints one JSON line: in-process seconds of import, load and the step itself.
"""

from __future__ import annotations

import json
import sys
import time


def main() -> int:
    what, path = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    import rolegraph

    t1 = time.perf_counter()
    corpus = rolegraph.load_corpus(path, cache=False)
    t2 = time.perf_counter()
    out = {"import_s": t1 - t0, "load_s": t2 - t1, "claims": len(corpus.claims())}
    if what == "load":
        out["step_s"] = t2 - t1
    elif what == "compile":
        from rolegraph.compiler import compile_corpus

        quads = compile_corpus(corpus)
        t3 = time.perf_counter()
        out.update(step_s=t3 - t2, quads=len(quads) if hasattr(quads, "__len__") else None)
    elif what == "consensus":
        try:
            from rolegraph.consensus import consensus, render
        except ImportError as e:
            out["error"] = f"not available: {e}"
            print(json.dumps(out))
            return 3
        result = consensus(corpus)
        t3 = time.perf_counter()
        text = render(result, corpus, "json")
        t4 = time.perf_counter()
        out.update(step_s=t4 - t2, consensus_s=t3 - t2, render_s=t4 - t3, output_bytes=len(text))
    else:
        raise SystemExit(f"unknown step {what}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
