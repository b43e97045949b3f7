"""Output files: written atomically, only where asked, never when the command fails; and two
rolegraph processes writing the same place at once never leave a half-written or mixed result."""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

import pytest
from hostile_helpers import RG, assert_clean_failure, make_corpus, run_inprocess, run_subprocess, tree_digest

from rolegraph.atomic import write_atomic
from rolegraph.errors import UsageError

ROUNDS = 8


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


@pytest.fixture
def corpus(tmp_path):
    return make_corpus(tmp_path / "corpus")


@pytest.fixture
def broken(tmp_path):
    root = make_corpus(tmp_path / "broken")
    (root / "claims" / "a.yaml").write_text("source: [\n")
    return root


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and ".tmp" in p.name)


@pytest.mark.parametrize("command", ["export", "stats", "lint", "roles"])
def test_output_into_a_missing_folder(tmp_path, cache, corpus, command):
    out = tmp_path / "nowhere" / "x.out"
    run = run_inprocess([command, "--corpus", str(corpus), "-o", str(out)], cache=cache)
    assert_clean_failure(run, 2, None, contains="does not exist")
    assert str(out) in run.stderr and ".tmp" not in run.stderr  # names the target, not a temp file
    assert not (tmp_path / "nowhere").exists()


def test_output_at_a_folder(tmp_path, cache, corpus):
    (tmp_path / "out").mkdir()
    run = run_subprocess(["export", "--corpus", str(corpus), "-o", str(tmp_path / "out")], cache=cache)
    assert_clean_failure(run, 2, None, contains="directory")
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("command", ["export", "stats", "lint", "consensus"])
def test_failed_command_leaves_output_untouched(tmp_path, cache, broken, command):
    old = tmp_path / "old.out"
    old.write_text("keep me\n")
    new = tmp_path / "new.out"
    for out in (old, new):
        run = run_inprocess([command, "--corpus", str(broken), "-o", str(out)], cache=cache)
        assert_clean_failure(run, 2, f"{broken}/claims/a.yaml:2")
    assert old.read_text() == "keep me\n"
    assert not new.exists()
    assert _leftovers(tmp_path) == []


def test_lint_with_findings_writes_the_whole_report(tmp_path, cache, corpus):
    (corpus / "sources" / "a.txt").write_text("edited\n")
    out = tmp_path / "report.json"
    run = run_inprocess(["lint", "--corpus", str(corpus), "--format", "json", "-o", str(out)], cache=cache)
    assert run.code == 1 and run.stdout == ""
    import json

    assert {f["code"] for f in json.loads(out.read_text())["findings"]} >= {"RG004", "RG005"}


def test_output_symlink_is_replaced_not_followed(tmp_path, cache, corpus):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    link = tmp_path / "out.trig"
    link.symlink_to(victim)
    run = run_inprocess(["export", "--corpus", str(corpus), "-o", str(link)], cache=cache)
    assert run.code == 0, run.stderr
    assert victim.read_text() == "precious\n"
    assert not link.is_symlink() and link.read_bytes().startswith(b"@prefix")


def test_output_to_a_fifo_streams_into_it(tmp_path, cache, corpus):
    """A FIFO (like /dev/null or /dev/stdout) is written to, not replaced by a file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    run = run_inprocess(["export", "--corpus", str(corpus), "-o", str(fifo)], cache=cache)
    reader.join(10)
    assert run.code == 0, run.stderr
    assert got and got[0].startswith(b"@prefix")
    assert fifo.is_fifo()


def test_write_atomic_refuses_the_protected_corpus(corpus):
    with pytest.raises(UsageError, match="inside the corpus"):
        write_atomic(corpus / "claims" / "evil.yaml", "x", protect=corpus)
    assert not (corpus / "claims" / "evil.yaml").exists()
    write_atomic(corpus.parent / "fine.txt", "x", protect=corpus)
    assert (corpus.parent / "fine.txt").read_text() == "x"


def test_write_atomic_failure_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old\n")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(UsageError, match="No space left"):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert _leftovers(tmp_path) == []


def test_write_atomic_keeps_mode_and_never_writes_partial(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(target, "new\n" * 1000)
    assert target.read_text() == "new\n" * 1000
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)


# ----------------------------------------------------------------------------- init


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: (p / "x").mkdir() or (p / "x" / "f").write_text("1"), "not empty"),
        (lambda p: (p / "x").write_text("1"), "not empty"),
        (lambda p: (p / "x").symlink_to(p), "symlink"),
        (lambda p: (p / "x").symlink_to(p / "missing"), "symlink"),
    ],
    ids=["non-empty", "a-file", "symlink-to-folder", "dangling-symlink"],
)
def test_init_refuses_what_exists(tmp_path, cache, setup, message):
    setup(tmp_path)
    before = tree_digest(tmp_path)
    run = run_inprocess(["init", str(tmp_path / "x")], cache=cache)
    assert_clean_failure(run, 2, None, contains=message)
    assert tree_digest(tmp_path) == before


def test_init_into_a_missing_parent(tmp_path, cache):
    run = run_inprocess(["init", str(tmp_path / "a" / "b")], cache=cache)
    assert_clean_failure(run, 2, None, contains="no such folder")
    assert not (tmp_path / "a").exists()


def test_init_into_an_empty_folder_and_lint(tmp_path, cache):
    (tmp_path / "x").mkdir()
    assert run_inprocess(["init", str(tmp_path / "x")], cache=cache).code == 0
    assert run_inprocess(["lint", "--corpus", str(tmp_path / "x")], cache=cache).code == 0


# ----------------------------------------------------------------------------- concurrency


def _both(a: list[str], b: list[str], *, cwd: Path, cache: Path) -> tuple[subprocess.CompletedProcess, ...]:
    env = {**os.environ, "ROLEGRAPH_CACHE_DIR": str(cache)}
    procs = [subprocess.Popen([RG, *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for args in (a, b)]  # fmt: skip
    outs = [p.communicate(timeout=60) for p in procs]
    return tuple(subprocess.CompletedProcess(p.args, p.returncode, o, e) for p, (o, e) in zip(procs, outs, strict=True))


def _reference_inits(tmp_path: Path, cache: Path) -> dict[str, dict[str, str]]:
    refs = {}
    for kind, extra in (("example", ["--example"]), ("empty", [])):
        assert run_subprocess(["init", *extra, f"ref-{kind}"], cwd=tmp_path, cache=cache).code == 0
        refs[kind] = tree_digest(tmp_path / f"ref-{kind}")
    return refs


def test_two_inits_into_one_folder(tmp_path, cache):
    refs = _reference_inits(tmp_path, cache)
    for i in range(ROUNDS):
        target = f"corpus{i}"
        a, b = _both(["init", "--example", target], ["init", target], cwd=tmp_path, cache=cache)
        assert sorted((a.returncode, b.returncode)) == [0, 2], (a.stderr, b.stderr)
        loser = a if a.returncode else b
        assert "already exists" in loser.stderr and "Traceback" not in loser.stderr
        assert tree_digest(tmp_path / target) in refs.values()  # one whole corpus, never a mix
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp folder left


def test_two_exports_to_one_file(tmp_path, cache):
    one = make_corpus(tmp_path / "one")
    two = tmp_path / "two"
    import shutil

    shutil.copytree(one, two)
    (two / "claims" / "a.yaml").write_text((one / "claims" / "a.yaml").read_text().replace("Page A", "Page B" * 500))
    expected = {run_subprocess(["export", "--corpus", str(c)], cache=cache).stdout.encode() for c in (one, two)}
    assert len(expected) == 2
    out = tmp_path / "out" / "same.trig"
    out.parent.mkdir()
    for _ in range(ROUNDS):
        a, b = _both(
            ["export", "--corpus", str(one), "-o", str(out)],
            ["export", "--corpus", str(two), "-o", str(out)],
            cwd=tmp_path,
            cache=cache,
        )
        assert a.returncode == b.returncode == 0, (a.stderr, b.stderr)
        assert out.read_bytes() in expected  # one complete output, never mixed
        assert sorted(p.name for p in out.parent.iterdir()) == ["same.trig"]  # no temp file left


@pytest.mark.parametrize("command", ["export", "stats", "lint", "roles", "consensus"])
def test_output_inside_the_corpus_is_refused(tmp_path, cache, corpus, command):
    before = tree_digest(corpus)
    for target in (corpus / "report.txt", corpus / "claims" / "a.yaml"):
        run = run_inprocess([command, "--corpus", str(corpus), "-o", str(target)], cache=cache)
        assert_clean_failure(run, 2, None, contains="never modifies")
    assert tree_digest(corpus) == before


@pytest.mark.parametrize("command", ["export", "lint", "consensus"])
def test_empty_output_name_is_a_usage_error(tmp_path, cache, corpus, command):
    run = run_inprocess([command, "--corpus", str(corpus), "-o", ""], cache=cache)
    assert_clean_failure(run, 2, None, contains="needs a file name")
    assert run.stdout == ""


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_terminal_escapes_in_a_snapshot_quote_are_escaped(tmp_path, cache, fmt):
    """A quote is verbatim snapshot text, so it may hold ESC; the report must not replay it."""
    import hashlib

    root = make_corpus(tmp_path / "esc")
    snap = "Red \x1b[31mHead of Product\x1b[0m is above VP of Product. VP of Product is above Head of Product.\n"
    (root / "sources" / "a.txt").write_text(snap)
    claims = (root / "claims" / "a.yaml").read_text()
    claims = claims.replace(
        claims.split("sha256: ")[1].split("\n")[0], hashlib.sha256(snap.encode()).hexdigest()
    ).replace(
        '    quote: "followed by Head of Product, then VP of Product"',
        '    quote: "Red \\e[31mHead of Product\\e[0m is above VP of Product"',
    )
    claims += (
        "  - id: c2\n    subject: VP of Product\n    relation: above\n    object: Head of Product\n"
        '    quote: "VP of Product is above Head of Product"\n'
    )
    (root / "claims" / "a.yaml").write_text(claims)
    run = run_inprocess(["lint", "--corpus", str(root), "--format", fmt], cache=cache)
    assert run.code == 1, run.stderr
    assert "RG101" in run.stdout
    assert "\x1b" not in run.stdout
    if fmt == "text":
        assert "\\x1b[31mHead of Product" in run.stdout
