"""One benchmark step through the Python API, run in its own process by bench/run.py.

    python bench/_step.py {load,compile,consensus,consensus_diff} CORPUS [--cache]

Prints one JSON line: in-process seconds of import, load and the step itself. ``--cache``
loads through the parse cache (``$ROLEGRAPH_CACHE_DIR``) as ``rolegraph lint`` and
``rolegraph consensus`` do; the consensus step also leaves out the claims with structure errors
(:func:`rolegraph.usable.usable_corpus`, counted in ``check_s``) and, like the CLI, freezes the heap
after each phase.
"""

from __future__ import annotations

import json
import sys
import time


def main() -> int:
    what, path = sys.argv[1], sys.argv[2]
    cache = "--cache" in sys.argv[3:]
    t0 = time.perf_counter()
    import rolegraph

    if what == "consensus":
        from rolegraph.gc_pause import freeze_after_phases

        freeze_after_phases()
    t1 = time.perf_counter()
    corpus = rolegraph.load_corpus(path, cache=cache)
    t2 = time.perf_counter()
    out = {"import_s": t1 - t0, "load_s": t2 - t1, "claims": len(corpus.claims())}
    if what == "load":
        out["step_s"] = t2 - t1
    elif what == "compile":
        from rolegraph.compiler import compile_lines

        lines = compile_lines(corpus)  # the N-Quads text that export and stores consume
        t3 = time.perf_counter()
        out.update(step_s=t3 - t2, quads=len(lines), nquads_bytes=sum(map(len, lines)))
    elif what == "consensus":
        try:
            from rolegraph.consensus import consensus, render
        except ImportError as e:
            out["error"] = f"not available: {e}"
            print(json.dumps(out))
            return 3
        from rolegraph.usable import usable_corpus

        # the bench corpus has planted structural errors: the CLI leaves those claims out (see README)
        usable = usable_corpus(corpus, strict=False, allow_empty=True)
        out["left_out"] = len(usable.left_out)
        t2b = time.perf_counter()
        result = consensus(usable)
        t3 = time.perf_counter()
        text = render(result, usable.corpus, "json")
        t4 = time.perf_counter()
        out.update(step_s=t4 - t2, check_s=t2b - t2, consensus_s=t3 - t2b, render_s=t4 - t3, output_bytes=len(text))
    elif what == "consensus_diff":  # rolegraph consensus --diff main, as a library call
        from rolegraph.consensus.diff import consensus_diff, render_diff

        d = consensus_diff(corpus, "main")
        t3 = time.perf_counter()
        text = render_diff(d, "json")
        t4 = time.perf_counter()
        out.update(step_s=t4 - t2, diff_s=t3 - t2, render_s=t4 - t3, changes=len(d.changes), output_bytes=len(text))
    else:
        raise SystemExit(f"unknown step {what}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
