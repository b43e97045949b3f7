"""Fuzz the loader and lint with mutated claims files (and some mutated roles.ttl / rolegraph.toml).

Not part of the test suite. Run::

    python fuzz/fuzz_loader.py -n 10000 --seed 1

Every input is a valid claims file (the bundled corpus's, and a small one) after a few random
mutations: byte flips, truncation, splicing in pieces of other files, inserted YAML constructs
(anchors, aliases, tags, flow brackets, tabs, BOMs, odd line breaks, ...), random unicode,
duplicated, deleted or swapped lines, and values replaced by other types. Each input is loaded
and linted in-process; when the corpus loads and passes the structure check, export, stats and
consensus run as well, as the CLI would. A *crash* is any exception other than ``InputError``
and ``UsageError``, or an ``InputError`` whose problems do not name a corpus file; a *slow* input
takes over ``--slow`` seconds. Crashing and slow inputs are saved under ``--out`` with their
tracebacks. Exit status 1 when there was a crash.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

import rolegraph
from rolegraph.corpus import bundled_corpus_path
from rolegraph.errors import InputError, UsageError
from rolegraph.init import SETTINGS_TEMPLATE
from rolegraph.linter import check_structure

YAML_BITS = [
    "&a ", "*a", "&x [1, 2]", "*x", "!!python/object/apply:os.system ['id'] ", "!!binary aGk= ", "!x ", "!!str ",
    "!!map ", "!!seq ", "{", "}", "[", "]", "{a: 1, b: [2]}", ": ", "- ", "-\n", "\t", "  ", "\n", "? ", "? [a]\n: b\n",
    "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "#", "'", '"', "|\n", ">-\n", "|2+\n", "<<: {a: 1}\n",
    "\ufeff", "\u2028", "\u2029", "\x85", "\r", "\r\n", "\x00", "\x07", "\x1b", "\x7f", "\ud7ff", "\ue000", "\uffff",
    "~", "null", "Null", "true", "no", "yes", "on", "1e999", "-.inf", ".nan", "0x1F", "0o17", "0b101", "1_000",
    "99999999999999999999999999", "-0", "2026-11-01", "2026-11-01T10:00:00Z", "12:30:00", "=", "<<", "@", "`",
    "../../etc/passwd", "/etc/passwd", "sources/../../x", "C:\\x", "\\\\server\\x", "%2e%2e/", "file:///etc/passwd",
    "  - id: c1\n", "source:\n", "claims:\n", "  id: a\n", "    occurrence: 1000000\n", "    occurrence: -1\n",
    "    accept: {RG101: ok}\n", "    accept: [RG101]\n", "    subject: [a, b]\n", "    object: {a: 1}\n",
    "    scope: large..startup\n", "    hedge: 0.5\n", "    relation: 12\n", '    quote: ""\n', "    quote: \n",
    "  url: 'http://[::1'\n", "  url: 'https://e.com/%zz'\n", "  sha256: 00\n", "  snapshot: .\n", "x" * 300,
    "\\u0000", "\\ud800", "\\x85", "é", "😀", "\u0301", "\u202e", "\u200b", "ﬁ", "İ",
]  # fmt: skip
TTL_BITS = ["<", ">", ".", ";", ",", '"', '"""', "[", "]", "(", ")", "@base <x> .\n", "@prefix : <http://x/> .\n",
            "_:b", "owl:imports <http://example.com/r.ttl> ", "a rg:Role ", "skos:prefLabel ", "skos:altLabel ",
            "rg:family ", "\\u0000", "@en", "^^xsd:string", "GRAPH", "{", "}", "<<", ">>", "\n", "\ufeff", "role:cpo ",
            "role:head-of-product ", '"CPO"', '"Head of Product"', "[] ", "a skos:Concept "]  # fmt: skip
TOML_BITS = ["[", "]", "[[", "=", '"', "'''", '"""', "{", "}", ",", ".", "nan", "inf", "-1", "2.5", "true",
             "1979-05-27", "\n", "x = 1\n", "[lint]\n", "[consensus.weights]\n", "[lint.severity]\nRG999 = 'info'\n",
             "select = ['RG9']\n", "a.b.c = 1\n", "[" * 60, "\\u0000"]  # fmt: skip
ROLES_SEED = (
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix rg: <https://w3id.org/rolegraph#> .\n"
    "@prefix role: <https://w3id.org/rolegraph/role/> .\n"
    'role:growth a rg:Role ; skos:prefLabel "Growth Lead" ; skos:altLabel "GL", "Head of Growth" .\n'
    'role:head-of-product skos:altLabel "Boss of Product" .\n'
)
SETTINGS_SEED = SETTINGS_TEMPLATE.replace("# ", "").encode()
SMALL = """source:
  id: {sid}
  title: Page A
  url: https://example.com/a
  retrieved: 2026-11-01
  snapshot: sources/{sid}.txt
  sha256: {sha}
claims:
  - id: c1
    subject: Head of Product
    relation: above
    object: VP of Product
    quote: "followed by Head of Product, then VP of Product"
    scope: large..enterprise
    hedge: often
    condition: in teams with both
    accept: {{RG101: reviewed}}
  - subject: CPO
    relation: top
    quote: Chief
    occurrence: 1
"""
SMALL_TEXT = "The Chief Product Officer ranks the highest, followed by Head of Product, then VP of Product.\n"
VALUES = ["", "x", "1", "[1, 2]", "{a: b}", "~", "true", "1.5", "-7", '"q"', "'q'", "|\n  block\n", "&a v", "*a",
          "!!int 3", "[[[[]]]]", "{a: {b: {c: d}}}", "\t", "é" * 50, "x" * 5000,
          # values that are valid YAML text but hostile to what is built from them (IRIs, paths, ids)
          '"c1\\n"', '"a b"', '"https://example.com/a\\n"', "'http://[::1'", '"http://x/%zz"', "'https://e.com/\\x'",
          "https://e.com/a#b#c", "'javascript:alert(1)'", '"sources/a.txt\\0"', "../sources/x.txt", "/etc/passwd",
          "sources/../sources/x.txt", "'" + "sources/" + "y" * 300 + "'", "CPO", "Head of Product", "top", "above",
          "large..startup", "any", "may", "1000", "1001", "0", "{RG101: ok}", "{RG101: ''}", "{'RG101\\n': x}",
          "2026-13-45", "'\u202e'", '"\\u0085"', '"\\u2028"', '"\\ud7ff"']  # fmt: skip


class Seed:
    """One single-source corpus folder whose claims file (or roles/settings file) is mutated."""

    def __init__(self, root: Path, sid: str, claims: bytes):
        self.root, self.sid, self.claims = root, sid, claims
        self.path = root / "claims" / f"{sid}.yaml"


def make_seeds(base: Path) -> list[Seed]:
    seeds = []
    bundled = bundled_corpus_path()
    for f in sorted((bundled / "claims").glob("*.yaml")):
        root = base / f.stem
        (root / "claims").mkdir(parents=True)
        shutil.copytree(bundled / "sources", root / "sources")
        shutil.copy(f, root / "claims" / f.name)
        seeds.append(Seed(root, f.stem, f.read_bytes()))
    root = base / "small"
    (root / "claims").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "sources" / "small.txt").write_text(SMALL_TEXT)
    sha = hashlib.sha256(SMALL_TEXT.encode()).hexdigest()
    text = SMALL.format(sid="small", sha=sha).encode()
    (root / "claims" / "small.yaml").write_bytes(text)
    seeds.append(Seed(root, "small", text))
    return seeds


def mutate(rng: random.Random, data: bytes, others: list[bytes], bits: list[str]) -> bytes:
    """A few random mutations of ``data``."""
    b = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 4, 6))):
        pos = rng.randint(0, len(b))
        kind = rng.choice(("flip", "flip", "truncate", "splice", "insert", "insert", "insert", "unicode", "delete",
                           "dupline", "swaplines", "indent", "value", "value", "value", "repeat"))  # fmt: skip
        if kind == "flip" and b:
            i = min(pos, len(b) - 1)
            b[i] = rng.randrange(256) if rng.random() < 0.3 else b[i] ^ (1 << rng.randrange(8))
        elif kind == "truncate":
            del b[pos:]
        elif kind == "splice":
            other = rng.choice(others)
            start = rng.randint(0, len(other))
            b[pos : pos + rng.randint(0, 50)] = other[start : start + rng.randint(1, 400)]
        elif kind == "insert":
            b[pos:pos] = rng.choice(bits).encode("utf-8", "surrogatepass")
        elif kind == "unicode":
            s = "".join(chr(rng.choice((rng.randint(0, 0x7F), rng.randint(0, 0xFFFF), rng.randint(0, 0x10FFFF))))
                        for _ in range(rng.randint(1, 8)))  # fmt: skip
            b[pos:pos] = s.encode("utf-8", "surrogatepass")
        elif kind == "delete":
            del b[pos : pos + rng.randint(1, 80)]
        else:
            lines = bytes(b).split(b"\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            if kind == "dupline":
                lines.insert(i, lines[i])
            elif kind == "swaplines":
                lines[i], lines[j] = lines[j], lines[i]
            elif kind == "indent":
                lines[i] = rng.choice((b" ", b"  ", b"\t", b"")) + lines[i].lstrip(b" ")
            elif kind == "value" and b":" in lines[i] and not lines[i].lstrip().startswith(b"#"):
                key = lines[i].split(b":", 1)[0]
                lines[i] = key + b": " + rng.choice(VALUES).encode()
            elif kind == "repeat":
                lines[i:i] = [lines[i]] * rng.choice((10, 100, 1000))
            b = bytearray(b"\n".join(lines))
    return bytes(b)


def exercise(root: Path) -> str:
    """Run what the commands run; return how far it got. Raises on a crash."""
    try:
        corpus = rolegraph.load_corpus(root)
    except InputError as e:
        for p in e.problems:
            if not p.file or "\n" in p.message or p.line < 0:
                raise AssertionError(f"unclean problem: {p!r}") from None
        return "refused"
    rolegraph.lint(corpus)
    try:
        check_structure(corpus)
    except InputError:
        return "linted"
    rolegraph.export(corpus, "trig")
    rolegraph.stats(corpus)
    try:
        from rolegraph.consensus import consensus

        consensus(corpus)
    except ImportError:
        pass
    except UsageError:
        pass
    return "exported"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=10_000, help="number of inputs (default 10000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None, help="where to save crashing inputs (default: a temp folder)")
    ap.add_argument("--slow", type=float, default=5.0, help="seconds after which an input counts as slow")
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    out = a.out or Path(tempfile.mkdtemp(prefix="rolegraph-fuzz-"))
    out.mkdir(parents=True, exist_ok=True)
    os.environ["ROLEGRAPH_CACHE_DIR"] = str(out / "cache")
    outcomes: Counter[str] = Counter()
    crashes: dict[str, int] = {}
    slow = 0
    t_start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="rolegraph-fuzz-") as tmp:
        seeds = make_seeds(Path(tmp))
        seed_texts = [s.claims for s in seeds]
        for i in range(a.n):
            seed = rng.choice(seeds)
            target, base, bits = seed.path, seed.claims, YAML_BITS
            r = rng.random()
            if r < 0.06:
                target, base, bits = seed.root / "roles.ttl", ROLES_SEED.encode(), TTL_BITS
            elif r < 0.10:
                target, base, bits = seed.root / "rolegraph.toml", SETTINGS_SEED, TOML_BITS
            data = mutate(rng, base, seed_texts if target == seed.path else [base], bits)
            target.write_bytes(data)
            t0 = time.monotonic()
            try:
                outcomes[exercise(seed.root)] += 1
            except Exception as e:  # noqa: BLE001 - counting every crash is the point
                tb = traceback.extract_tb(e.__traceback__)
                where = type(e).__name__ + (f" at {Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else "")
                crashes[where] = crashes.get(where, 0) + 1
                outcomes["crash"] += 1
                if crashes[where] <= 3:
                    name = f"crash-{len(crashes)}-{crashes[where]}"
                    (out / f"{name}{target.suffix}").write_bytes(data)
                    (out / f"{name}.txt").write_text(f"{target.name}\n" + "".join(traceback.format_exception(e)))
            took = time.monotonic() - t0
            if took > a.slow:
                slow += 1
                (out / f"slow-{slow}{target.suffix}").write_bytes(data)
            # restore the seed corpus for the next input
            seed.path.write_bytes(seed.claims)
            for extra in ("roles.ttl", "rolegraph.toml"):
                (seed.root / extra).unlink(missing_ok=True)
            if (i + 1) % 1000 == 0:
                print(f"{i + 1} inputs, {outcomes['crash']} crashes, {time.monotonic() - t_start:.0f}s", flush=True)
    took = time.monotonic() - t_start
    print(f"inputs: {a.n}  outcomes: {dict(outcomes)}  slow (> {a.slow}s): {slow}  time: {took:.0f}s")
    for where, n in sorted(crashes.items(), key=lambda kv: -kv[1]):
        print(f"  crash x{n}: {where}")
    if crashes or slow:
        print(f"inputs saved in {out}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
