"""Property-based tests: generated and mutated claims files, role files, settings and whole
corpora never make the loader, lint, export, stats or consensus raise anything but a clean
:class:`InputError` whose problems name a corpus file and a line."""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
from pathlib import Path

import yaml
from hostile_helpers import CLAIMS, ROLES_PREFIXES, SNAPSHOT, make_corpus, tree_digest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rolegraph
from rolegraph.consensus import consensus
from rolegraph.errors import InputError, Problem, UsageError
from rolegraph.init import SETTINGS_TEMPLATE
from rolegraph.linter import check_structure

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SNIPPETS = [
    "&a ", "*a", "!!python/object:os.system ", "!!binary ", "!custom ", "{", "}", "[", "]", ": ", "- ", "\t",
    "\n", "? ", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "#", "'", '"', "|\n", ">-\n", "<<: ",
    "\x00", "\ufeff", "\u2028", "\r", "\r\n", "\x85", "~", "null", "1e999", "0x1F", "-.inf", ".nan", "0o17",
    "2026-11-01", "12:30:00", "yes", "on", "true", "99999999999999999999999", "../../etc/passwd", "/etc/passwd",
    "  - id: c1\n", "source:\n", "claims:\n", "  id: a\n", "    occurrence: 1000000\n", "    accept: {RG1: x}\n",
    "\\u0000", "\\ud800", "é", "😀", "\u0301", "\x7f",
]  # fmt: skip
VALID_ROLES = ROLES_PREFIXES + (
    'role:growth a rg:Role ; skos:prefLabel "Growth Lead" ; skos:altLabel "GL", "Head of Growth" .\n'
    'role:head-of-product skos:altLabel "Boss of Product" .\n'
)


@st.composite
def mutated(draw, base: bytes, snippets: list[str] = SNIPPETS) -> bytes:
    """``base`` after a few byte flips, truncations, splices and inserted constructs."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "unicode", "delete", "dupline", "splice"]))
        pos = draw(st.integers(0, len(data)))
        if kind == "flip" and data:
            i = min(pos, len(data) - 1)
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[pos:]
        elif kind == "insert":
            data[pos:pos] = draw(st.sampled_from(snippets)).encode()
        elif kind == "unicode":
            data[pos:pos] = draw(st.text(max_size=8)).encode("utf-8", "surrogatepass")
        elif kind == "delete":
            del data[pos : pos + draw(st.integers(1, 40))]
        elif kind == "dupline":
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            data = bytearray(b"\n".join(lines))
        elif kind == "splice":
            start = draw(st.integers(0, len(base)))
            data[pos:pos] = base[start : start + draw(st.integers(1, 60))]
    return bytes(data)


def check_corpus(root: Path) -> None:
    """Run what every command runs; only a clean InputError may come out, and it must name
    files of the corpus with lines."""
    before = tree_digest(root)
    try:
        corpus = rolegraph.load_corpus(root)
    except InputError as e:
        _check_problems(root, e)
        return
    rolegraph.lint(corpus)
    rolegraph.lint(corpus, select=["RG1"], fail_on="info")
    try:
        check_structure(corpus)
    except InputError as e:
        _check_problems(root, e)
    else:
        rolegraph.export(corpus, "trig")
        rolegraph.export(corpus, "jsonld")
        rolegraph.stats(corpus)
        with contextlib.suppress(UsageError):
            consensus(corpus)
    check_usable(root)
    assert tree_digest(root) == before


def check_usable(root: Path) -> None:
    """What the publishing commands run: the corpus with broken claims and unreadable files left out.
    Each record meets the standard of a problem; the usable part has no structure error left; strict
    refuses exactly when something was left out (or when the tolerant load refuses too)."""
    try:
        usable = rolegraph.load_usable_corpus(root, allow_empty=True)
    except InputError as e:  # a problem of the whole corpus: strict refuses it as well
        _check_problems(root, e)
        usable = None
    if usable is None:
        assert _refuses(lambda: rolegraph.load_usable_corpus(root, strict=True), root)
        return
    for x in usable.left_out:
        _check_problems(root, InputError(Problem(x.file, x.line, x.reason)))
        assert "\n" not in str(x) and (x.claim is None or x.code is not None), x
    assert rolegraph.usable_corpus(usable.corpus, allow_empty=True).left_out == ()
    rolegraph.export(usable, "trig")
    rolegraph.stats(usable)
    with contextlib.suppress(UsageError):
        consensus(usable)
    refused = _refuses(lambda: rolegraph.load_usable_corpus(root, strict=True, allow_empty=True), root)
    assert refused == bool(usable.left_out), usable.left_out


def _refuses(load, root: Path) -> bool:
    try:
        load()
    except InputError as e:
        _check_problems(root, e)
        return True
    return False


def _check_problems(root: Path, e: InputError) -> None:
    assert e.problems
    for p in e.problems:
        assert isinstance(p.line, int) and p.line >= 0, p
        assert p.message and "\n" not in p.message, p
        assert not Path(p.file).is_absolute() and (root / p.file).exists() or p.file == str(root), p
        text_problem = p.file.endswith((".yaml", ".ttl", ".toml")) and "regular file" not in p.message
        assert p.line >= 1 or not text_problem, p  # a problem inside a text names its line


def _with_corpus(write) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "c")
        write(root)
        check_corpus(root)


@FAST
@given(mutated(CLAIMS.encode()))
def test_mutated_claims_file(data):
    _with_corpus(lambda root: (root / "claims" / "a.yaml").write_bytes(data))


@FAST
@given(mutated(VALID_ROLES.encode(), ["<", ">", ".", ";", ",", '"', "[", "]", "(", ")", "@base <x> .", "_:b",
                                      "owl:imports <http://x/> ", "a rg:Role ", "skos:prefLabel ", "\\u0000", "@en",
                                      "GRAPH", "{", "}", "<<", ">>", "\n", "\ufeff", "role:cpo "]))  # fmt: skip
def test_mutated_roles_file(data):
    _with_corpus(lambda root: (root / "roles.ttl").write_bytes(data))


SETTINGS = SETTINGS_TEMPLATE.replace("# ", "") + "\n"


TOML_SNIPPETS = ["[", "]", "[[", "=", '"', "'''", "{", "}", ",", ".", "nan", "inf", "-1", "2.5", "true",
                 "1979-05-27", "\n", "x = 1\n", "[lint]\n", "[consensus.weights]\n"]  # fmt: skip


@FAST
@given(mutated(SETTINGS.encode(), TOML_SNIPPETS))
def test_mutated_settings_file(data):
    _with_corpus(lambda root: (root / "rolegraph.toml").write_bytes(data))


# --- whole corpora from typed values: wrong types, odd strings, several files and claims

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["CPO", "Head of Product", "VP of Product", "above", "below", "same", "top", "not_above",
                     "large..enterprise", "startup", "any", "may", "often", "definite", "followed by", "Chief"]),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)  # fmt: skip
claim_dicts = st.dictionaries(
    st.sampled_from(["id", "subject", "relation", "object", "quote", "occurrence", "scope", "hedge",
                     "condition", "note", "accept", "extra"]),
    values,
    max_size=10,
)  # fmt: skip


@st.composite
def corpora(draw):
    files = {}
    for i in range(draw(st.integers(1, 3))):
        sid = draw(st.sampled_from([f"s{i}", "a", "x/y", "..", "s.1", "-bad", "é"]))
        snapshot = draw(st.sampled_from([f"sources/{sid}.txt", "sources/a.txt", "../x", "/etc/hostname", None]))
        sha = draw(st.sampled_from([hashlib.sha256(SNAPSHOT.encode()).hexdigest(), "00", None]))
        url = draw(st.sampled_from([None, "https://e.com/x", "ftp://x"]))
        head = {"id": sid, "title": draw(values), "url": url, "retrieved": draw(values), "snapshot": snapshot,
                "sha256": sha}  # fmt: skip
        head = {k: v for k, v in head.items() if v is not None or draw(st.booleans())}
        files[f"{sid}.yaml" if "/" not in sid else "odd.yaml"] = {
            "source": head,
            "claims": draw(st.lists(claim_dicts, max_size=5)),
        }
    return files


@FAST
@given(corpora())
def test_generated_corpora(files):
    def write(root: Path) -> None:
        for name, doc in files.items():
            text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
            (root / "claims" / name).write_text(text, encoding="utf-8")

    _with_corpus(write)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated(CLAIMS.encode()))
def test_mutated_claims_through_the_cache(tmp_path, monkeypatch, data):
    """The parse cache gives the same answers as a fresh parse, for good and bad files."""
    monkeypatch.setenv("ROLEGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "c")
        (root / "claims" / "a.yaml").write_bytes(data)
        outcomes = []
        for cache in (False, True, True):  # fresh, cache written, cache read
            try:
                c = rolegraph.load_corpus(root, cache=cache)
                outcomes.append([(s.id, [(x.id, x.start, x.subject) for x in s.claims]) for s in c.sources])
            except InputError as e:
                outcomes.append([str(p) for p in e.problems])
        assert outcomes[0] == outcomes[1] == outcomes[2]
