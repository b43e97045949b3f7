"""Hostile and broken input through the CLI: every case gives one clear ``file:line`` message,
exit status 2 (1 for a lint finding), no traceback, and leaves the corpus byte-for-byte as it was.

The whole table runs in-process (click's CliRunner) for every command that reads a corpus; a
representative subset runs the installed ``rolegraph`` executable as a real subprocess.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hostile_helpers import (
    CLAIMS,
    ROLES_PREFIXES,
    SNAPSHOT,
    assert_clean_failure,
    make_corpus,
    run_inprocess,
    run_subprocess,
    tree_digest,
)

from rolegraph import yamlsafe
from rolegraph.corpus.claims import MAX_CLAIMS_PER_FILE

CORPUS_COMMANDS = ("lint", "stats", "export", "consensus")
PUBLISHING = ("stats", "export", "consensus")
HEAVY = ("lint", "export")  # for the slow cases: the loader is shared by all commands
A = "claims/a.yaml"


@dataclass
class Case:
    name: str
    setup: Callable[[Path], object]
    where: str | None  # "claims/a.yaml:10" (relative to the corpus), or None when any line will do
    code: int | dict[str, int] = 2
    contains: str = ""
    commands: tuple[str, ...] = CORPUS_COMMANDS
    subprocess: bool = False  # also run through the real executable
    extra: dict = field(default_factory=dict)
    # an extra claims entry next to the good a.yaml: lint refuses, the publishing commands leave it out
    # (exit 0, one "source left out" line at ``where``) and refuse with --strict
    left_out: bool = False

    def expected(self, command: str, *, strict: bool = False) -> int:
        if self.left_out and command in PUBLISHING and not strict:
            return 0
        return self.code if isinstance(self.code, int) else self.code[command]


# ----------------------------------------------------------------------------- mutations


def claims(text: str | bytes, name: str = "a.yaml") -> Callable[[Path], None]:
    data = text.encode() if isinstance(text, str) else text
    return lambda root: (root / "claims" / name).write_bytes(data)


def sub(old: str, new: str) -> Callable[[Path], None]:
    assert old in CLAIMS, old
    return claims(CLAIMS.replace(old, new, 1))


def append(text: str) -> Callable[[Path], None]:
    return claims(CLAIMS + text)


def roles(text: str | bytes) -> Callable[[Path], None]:
    data = text.encode() if isinstance(text, str) else text
    return lambda root: (root / "roles.ttl").write_bytes(data)


def settings(text: str) -> Callable[[Path], None]:
    return lambda root: (root / "rolegraph.toml").write_text(text, encoding="utf-8")


def symlink(rel: str, target: str, *, replace: bool = True) -> Callable[[Path], None]:
    def do(root: Path) -> None:
        p = root / rel
        if replace and p.exists():
            p.unlink()
        p.symlink_to(target)

    return do


def fifo(rel: str) -> Callable[[Path], None]:
    def do(root: Path) -> None:
        p = root / rel
        if p.exists():
            p.unlink()
        os.mkfifo(p)

    return do


def folder(rel: str) -> Callable[[Path], None]:
    def do(root: Path) -> None:
        p = root / rel
        if p.is_file():
            p.unlink()
        p.mkdir()

    return do


def claims_folder_outside(root: Path) -> None:
    outside = root.parent / "elsewhere"
    make_corpus(outside)
    (root / "claims" / "a.yaml").unlink()
    (root / "claims").rmdir()
    (root / "claims").symlink_to(outside / "claims")


def snapshot_link_outside(root: Path) -> None:
    outside = root.parent / "outside.txt"
    outside.write_text(SNAPSHOT)
    (root / "sources" / "a.txt").unlink()
    (root / "sources" / "a.txt").symlink_to(outside)


def big_file(size: int, rel: str = "claims/a.yaml") -> Callable[[Path], None]:
    def do(root: Path) -> None:
        with open(root / rel, "r+b" if (root / rel).exists() else "wb") as f:
            f.truncate(size)  # sparse: no need to write the megabytes

    return do


def many_claims(n: int) -> str:
    item = "  - id: k{i}\n    subject: CPO\n    relation: top\n    quote: Chief\n"
    return CLAIMS.split("claims:\n")[0] + "claims:\n" + "".join(item.format(i=i) for i in range(n))


LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{c}: &{c} [{','.join(['*' + p] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)]
)
DEEP = "[" * 10000 + "]" * 10000
P = ROLES_PREFIXES  # Turtle prefixes: 4 lines, so the first statement after them is line 5
CRLF = CLAIMS.replace("\n", "\r\n")

CASES = [
    # --- claims files: YAML and structure
    Case("yaml-syntax", claims("source:\n  id: [a\n"), f"{A}:3", subprocess=True),
    Case("tab-indent", claims("source:\n\tid: a\n"), f"{A}:2", contains="cannot start any token"),
    Case("duplicate-key", append("source: {}\n"), f"{A}:16", contains="duplicate key 'source' (first at line 1)"),
    Case("duplicate-nested-key", sub("  title: Page A\n", "  title: Page A\n  title: B\n"), f"{A}:4"),
    Case("list-as-role", sub("subject: Head of Product", "subject: [a, b]"), f"{A}:10", contains="must be text"),
    Case("number-as-role", sub("subject: Head of Product", "subject: 12"), f"{A}:10", subprocess=True),
    Case("mapping-as-quote", sub('quote: "followed', 'quote: {x: 1}\n    note: "followed'), f"{A}:13"),
    Case("empty-file", claims(""), f"{A}:1", contains="empty claims file", subprocess=True),
    Case("only-a-comment", claims("# nothing here\n"), f"{A}:1", contains="empty claims file"),
    Case("scalar-document", claims("just text\n"), f"{A}:1", contains="must be a mapping"),
    Case("list-document", claims("- 1\n- 2\n"), f"{A}:1", contains="must be a mapping"),
    Case("bom", claims(b"\xef\xbb\xbf" + CLAIMS.encode()), None, code=0),
    Case("crlf", claims(CRLF), None, code=0, subprocess=True),
    Case("crlf-error-line", claims(CRLF.replace("subject: Head of Product", "subject: 12")), f"{A}:10"),
    Case("cr-only-error-line", claims(CLAIMS.replace("\n", "\r").replace("subject: Head", "subject: [")), f"{A}:11"),
    Case("non-utf8", claims(CLAIMS.encode().replace(b"Page A", b"Page \xff")), f"{A}:3", contains="not UTF-8"),
    Case("latin1-file", claims(CLAIMS.replace("Page A", "Pagé").encode("latin-1")), f"{A}:3"),
    Case("nul-byte", sub("Page A", "Page\x00A"), f"{A}:3", contains="U+0000"),
    Case("control-char", sub("Page A", "Page\x07A"), f"{A}:3", contains="U+0007"),
    Case("u2028-not-a-line-break", claims(CLAIMS.replace("Page A", '"Page\u2028A"') + "x: [\n"), f"{A}:17"),
    Case("long-line-10MB", append("# " + "x" * 10_000_000 + "\n"), None, code=0, subprocess=True),
    Case("long-title-5MB", sub("Page A", "x" * 5_000_000), None, code=0, commands=HEAVY),
    Case("deep-flow-nesting", append("x: " + DEEP + "\n"), f"{A}:16", contains="nesting deeper than"),
    Case("deep-block-nesting", claims("".join("  " * i + "- \n" for i in range(100))), f"{A}:33"),
    Case("billion-laughs", claims(LAUGHS), f"{A}:1", contains="anchors", subprocess=True),
    Case("alias-only", append("x: *a\n"), f"{A}:16", contains="aliases"),
    Case("python-tag", claims("!!python/object/apply:os.system [echo hi]\n"), f"{A}:1", contains="tag"),
    Case("binary-tag", sub("title: Page A", "title: !!binary aGk="), f"{A}:3", contains="tag"),
    Case("two-documents", append("---\nx: 1\n"), f"{A}:16", contains="one YAML document"),
    Case("non-text-key", append("1: x\n"), f"{A}:16", contains="keys must be text"),
    Case("complex-key", append("? [a]\n: x\n"), f"{A}:16", contains="keys must be text"),
    Case(
        "too-many-values",
        append("x: [" + "1," * 300_000 + "]\n"),
        f"{A}:16",
        contains="250000 YAML values",
        commands=HEAVY,
    ),
    Case("too-many-claims", claims(many_claims(MAX_CLAIMS_PER_FILE + 1)), f"{A}:20009", contains="5001 claims"),
    Case("40MB-file", big_file(40 * 1024 * 1024), A, contains=f"over the limit of {yamlsafe.MAX_FILE_BYTES} bytes"),
    Case("unknown-key", sub("    hedge: definite", "    hegde: definite"), f"{A}:15", contains="did you mean 'hedge'"),
    Case("claims-not-a-list", sub("claims:\n", "claims: {}\nx:\n"), f"{A}:8", contains="must be a list"),
    Case("claim-not-a-mapping", sub("  - id: c1\n", "  - 5\n  - id: c1\n"), f"{A}:9", contains="must be a mapping"),
    Case("duplicate-claim-id", append("  - id: c1\n    subject: CPO\n    relation: top\n    quote: x\n"), f"{A}:16"),
    Case("occurrence-huge", sub("    hedge: definite", "    occurrence: 99999999999999999999"), f"{A}:15"),
    Case("occurrence-zero", sub("    hedge: definite", "    occurrence: 0"), f"{A}:15"),
    Case("claim-id-newline", sub("- id: c1", '- id: "c1\\n"'), f"{A}:9", contains="claim id"),
    Case("url-newline", sub("url: https://example.com/a", 'url: "https://example.com/a\\n"'), f"{A}:4"),
    Case("url-bad-host", sub("url: https://example.com/a", 'url: "http://[::1"'), f"{A}:4"),
    Case("url-bad-escape", sub("url: https://example.com/a", 'url: "http://x/%zz"'), f"{A}:4"),
    Case("url-javascript", sub("url: https://example.com/a", 'url: "javascript:alert(1)"'), f"{A}:4"),
    Case("retrieved-list", sub("retrieved: 2026-11-01", "retrieved: [1, 2]"), f"{A}:5"),
    Case("accept-code-newline", sub("    hedge: definite", '    accept: {"RG101\\n": why}'), f"{A}:15"),
    Case("accept-no-reason", sub("    hedge: definite", "    accept: {RG101: 5}"), f"{A}:15"),
    Case("sha256-not-hex", sub(f"sha256: {CLAIMS.split('sha256: ')[1].split()[0]}", "sha256: [1]"), f"{A}:7"),
    Case(
        "terminal-escape-in-key",
        claims('source:\n  id: a\n  "\\e[2Jx\\nY": 1\n'),
        f"{A}:3",
        contains="unknown source key '\\x1b[2Jx\\nY'",
    ),
    Case("terminal-escape-in-tag", sub("title: Page A", "title: !<%1B[2J> x"), f"{A}:3", contains="tag"),
    # --- claims/ entries that are not files
    Case(
        "control-chars-in-file-name",
        lambda root: (root / "claims" / "\x1b[31mred.yaml").write_text(CLAIMS),
        "claims/\\x1b[31mred.yaml",
        contains="file name has control characters",
        left_out=True,
    ),
    Case("claims-entry-folder", folder("claims/d.yaml"), "claims/d.yaml", contains="not a regular file", left_out=True),
    Case(
        "claims-entry-fifo",
        fifo("claims/f.yaml"),
        "claims/f.yaml",
        contains="not a regular file",
        subprocess=True,
        left_out=True,
    ),
    Case(
        "claims-link-dev-zero", symlink("claims/z.yaml", "/dev/zero"), "claims/z.yaml", subprocess=True, left_out=True
    ),
    Case(
        "claims-link-outside",
        symlink("claims/z.yaml", "/etc/hostname"),
        "claims/z.yaml",
        contains="outside",
        left_out=True,
    ),
    Case("claims-link-loop", symlink("claims/z.yaml", "z.yaml"), "claims/z.yaml", contains="symlink", left_out=True),
    Case("claims-folder-outside", claims_folder_outside, "claims", contains="outside the corpus"),
    # --- paths that lead out of the corpus
    Case("snapshot-absolute", sub("snapshot: sources/a.txt", "snapshot: /etc/passwd"), f"{A}:6", subprocess=True),
    Case("snapshot-dotdot", sub("snapshot: sources/a.txt", "snapshot: ../../etc/passwd"), f"{A}:6", contains="outside"),
    Case("snapshot-inner-dotdot", sub("snapshot: sources/a.txt", "snapshot: sources/../../x/a.txt"), f"{A}:6"),
    Case("snapshot-link-outside", snapshot_link_outside, f"{A}:6", contains="outside", subprocess=True),
    Case("snapshot-link-dev-zero", symlink("sources/a.txt", "/dev/zero"), f"{A}:6", contains="outside"),
    Case("snapshot-fifo", fifo("sources/a.txt"), f"{A}:6", contains="not a regular file", subprocess=True),
    Case("snapshot-folder", folder("sources/a.txt"), f"{A}:6", contains="not a regular file"),
    Case("snapshot-nul", sub("snapshot: sources/a.txt", 'snapshot: "sources/a\\0.txt"'), f"{A}:6"),
    Case("snapshot-70MB", big_file(70_000_000, "sources/a.txt"), f"{A}:6", contains="over the limit of 67108864 bytes"),
    Case("snapshot-not-utf8", lambda r: (r / "sources/a.txt").write_bytes(b"ok\nbad \xff\n"), "sources/a.txt:2"),
    Case("source-id-dotdot", sub("  id: a\n", "  id: ../../etc/passwd\n"), f"{A}:2", contains="letters, digits"),
    Case("source-id-slash", sub("  id: a\n", "  id: x/y\n"), f"{A}:2", contains="letters, digits"),
    # --- lint findings (exit 1 for lint), refused by the commands that publish
    Case(
        "snapshot-missing",
        lambda r: (r / "sources/a.txt").unlink(),
        f"{A}:6",
        code={"lint": 1, "stats": 2, "export": 2, "consensus": 2},
        contains="does not exist",
    ),
    Case(
        "quote-not-found",
        sub('quote: "followed', 'quote: "not in the page'),
        f"{A}:13",
        code={"lint": 1, "stats": 2, "export": 2, "consensus": 2},
    ),
    # --- roles.ttl
    # the missing dot after line 7 shows at the next statement, where Turtle parsers report it
    Case("ttl-malformed", roles(P + '\nrole:x a rg:Role ;\n  skos:prefLabel "X"\nrole:y a .\n'), "roles.ttl:8"),
    Case(
        "ttl-owl-imports", roles(P + "\n<http://x.org/r> owl:imports <http://example.com/roles.ttl> .\n"), "roles.ttl:6"
    ),
    Case("ttl-imports-relative", roles(P + "<> owl:imports <http://example.com/r.ttl> .\n"), "roles.ttl:5"),
    Case("ttl-relative-iri", roles(P + '<x> a rg:Role ; skos:prefLabel "Growth Lead" .\n'), "roles.ttl:5"),
    Case(
        "ttl-base-ok",
        roles("@base <https://example.org/> .\n" + P + '<x> a rg:Role ; skos:prefLabel "G L" .\n'),
        None,
        0,
    ),
    Case("ttl-rename-builtin", roles(P + '\n\nrole:head-of-product skos:prefLabel "Boss" .\n'), "roles.ttl:7"),
    Case("ttl-rename-typed", roles(P + 'role:head-of-product a rg:Role ; skos:prefLabel "Boss" .\n'), "roles.ttl:5"),
    Case(
        "ttl-alias-collides",
        roles(P + 'role:x a rg:Role ; skos:prefLabel "Lead" ;\n skos:altLabel "CPO" .\n'),
        "roles.ttl:6",
    ),
    Case(
        "ttl-alias-other-builtin", roles(P + '\nrole:head-of-product skos:altLabel "VP of Product" .\n'), "roles.ttl:6"
    ),
    Case("ttl-family-builtin", roles(P + "\nrole:head-of-product rg:family rg:engineering .\n"), "roles.ttl:6"),
    Case("ttl-blank-node-role", roles(P + '\n[] a rg:Role ; skos:prefLabel "Anon" .\n'), "roles.ttl:6"),
    Case("ttl-undeclared-role", roles(P + '\nrole:head-of-prodcut skos:altLabel "Boss" .\n'), "roles.ttl:6"),
    Case("ttl-empty-label", roles(P + 'role:x a rg:Role ; skos:prefLabel "  " .\n'), "roles.ttl:5"),
    Case("ttl-named-graph", roles(P + "GRAPH <http://g> { <http://a> <http://b> <http://c> }\n"), "roles.ttl:5"),
    Case("ttl-not-utf8", roles(P.encode() + b'role:x a rg:Role ; skos:prefLabel "\xff" .\n'), "roles.ttl:5"),
    Case("ttl-bom-ok", roles(b"\xef\xbb\xbf" + P.encode() + b'role:x a rg:Role ; skos:prefLabel "GL" .\n'), None, 0),
    Case("ttl-17MB", big_file(17 * 1024 * 1024, "roles.ttl"), "roles.ttl", contains="over the limit of 16777216"),
    Case("ttl-link-outside", symlink("roles.ttl", "/etc/passwd"), "roles.ttl", contains="outside"),
    Case("ttl-folder", folder("roles.ttl"), "roles.ttl", contains="not a regular file"),
    Case("ttl-fifo", fifo("roles.ttl"), "roles.ttl", contains="not a regular file"),
    # --- rolegraph.toml
    Case("toml-syntax", settings("[lint]\nfail-on = \n"), "rolegraph.toml:2", contains="TOML syntax error"),
    Case("toml-duplicate", settings('[lint]\nfail-on = "error"\nfail-on = "info"\n'), "rolegraph.toml:3"),
    Case("toml-unknown-key", settings('# x\n[lint]\nfail_on = "error"\n'), "rolegraph.toml:3", contains="fail_on"),
    Case("toml-unknown-table", settings("\n[linter]\nx = 1\n"), "rolegraph.toml:2"),
    Case(
        "toml-same-key-other-table", settings('[lint]\nselect = ["RG1"]\n[consensus]\nselect = 1\n'), "rolegraph.toml:4"
    ),
    Case("toml-dotted-unknown", settings("\n\nlint.bogus = 1\n"), "rolegraph.toml:3", contains="lint.bogus"),
    Case("toml-inline-unknown", settings("\nlint = { bogus = 1 }\n"), "rolegraph.toml:2", contains="lint.bogus"),
    Case("toml-wrong-type", settings('[lint]\nselect = "RG1"\n'), "rolegraph.toml:2", contains="must be a list"),
    Case("toml-table-not-table", settings("lint = 3\n"), "rolegraph.toml:1", contains="must be a table"),
    Case("toml-weight-range", settings("[consensus]\n\n[consensus.weights]\nmay = 2.5\n"), "rolegraph.toml:4"),
    Case("toml-weight-negative", settings("[consensus.weights]\nmay = -1\n"), "rolegraph.toml:2"),
    Case("toml-weight-nan", settings("[consensus.weights]\nmay = nan\n"), "rolegraph.toml:2"),
    Case("toml-weight-string", settings('[consensus.weights]\nmay = "0.5"\n'), "rolegraph.toml:2"),
    Case("toml-agreement-inf", settings("[consensus]\nmin-agreement = inf\n"), "rolegraph.toml:2"),
    Case("toml-unknown-hedge", settings("[consensus.weights]\nsure = 1\n"), "rolegraph.toml:2"),
    Case("toml-unknown-rule", settings('[lint.severity]\n\nRG999 = "info"\n'), "rolegraph.toml:3", contains="RG999"),
    Case("toml-select-no-rule", settings('[lint]\nselect = ["RG9"]\n'), "rolegraph.toml:2", contains="RG9"),
    Case("toml-deep", settings("[lint]\n\nx = " + DEEP + "\n"), "rolegraph.toml:3", contains="nested too deeply"),
    Case("toml-2MB", big_file(2 * 1024 * 1024, "rolegraph.toml"), "rolegraph.toml", contains="limit of 1048576"),
    Case("toml-link-outside", symlink("rolegraph.toml", "/etc/passwd"), "rolegraph.toml", contains="outside"),
    Case("toml-folder", folder("rolegraph.toml"), "rolegraph.toml", contains="not a regular file"),
]
ROLES_CASES = {c.name for c in CASES if c.name.startswith("ttl-") and c.name not in ("ttl-folder", "ttl-fifo")}


def _ids(cases):
    return [c.name for c in cases]


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


def _prepared(tmp_path: Path, case: Case) -> tuple[Path, dict[str, str]]:
    root = make_corpus(tmp_path / "corpus")
    case.setup(root)
    return root, tree_digest(root)


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_table_in_process(tmp_path, cache, case):
    root, before = _prepared(tmp_path, case)
    commands = case.commands + (("roles",) if case.name in ROLES_CASES else ())
    where = f"{root}/{case.where}" if case.where else None
    refused = None
    for command in commands:
        t0 = time.monotonic()
        run = run_inprocess([command, "--corpus", str(root)], cache=cache)
        code = (2 if case.expected("lint") else 0) if command == "roles" else case.expected(command)
        assert_clean_failure(run, code, where if code else None, contains=case.contains if code else "")
        assert time.monotonic() - t0 < 20, f"{command} took too long"
        assert tree_digest(root) == before, f"{command} changed the corpus"
        refused = run if code == 2 else refused
        if case.left_out and command in PUBLISHING:
            assert_left_out(run, where, case.contains)
            strict = run_inprocess([command, "--corpus", str(root), "--strict"], cache=cache)
            assert_clean_failure(strict, case.expected(command, strict=True), where, contains=case.contains)
            refused = strict
    if case.expected("lint") == 2:
        assert refused.stderr.rstrip().endswith("nothing was written"), refused.stderr


def assert_left_out(run, where: str, contains: str) -> None:
    """The entry is named in one "source left out" line, followed by the count line."""
    lines = run.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith(where) and ": source left out: " in lines[0], lines
    assert contains in lines[0] and lines[1].startswith("rolegraph: 1 source left out; "), lines


SUBSET = [c for c in CASES if c.subprocess]


@pytest.mark.parametrize("case", SUBSET, ids=_ids(SUBSET))
def test_subset_as_real_process(tmp_path, cache, case):
    """The same, through the installed executable, with a relative --corpus as users type it."""
    root, before = _prepared(tmp_path, case)
    for command in ("lint", "export"):
        run = run_subprocess([command, "--corpus", "corpus"], cwd=tmp_path, cache=cache, timeout=30)
        code = case.expected(command)
        assert_clean_failure(run, code, f"corpus/{case.where}" if code and case.where else None, contains=case.contains)
        assert tree_digest(root) == before
        if case.left_out and command in PUBLISHING:
            assert_left_out(run, f"corpus/{case.where}", case.contains)
            run = run_subprocess([command, "--corpus", "corpus", "--strict"], cwd=tmp_path, cache=cache, timeout=30)
            assert_clean_failure(run, 2, f"corpus/{case.where}", contains=case.contains)


def test_messages_are_prefixed_with_the_corpus_argument_exactly(tmp_path, cache):
    """Regression: with --corpus c the path 'claims/..' starts with 'c' and was shown unprefixed."""
    root = make_corpus(tmp_path / "c")
    (root / "claims" / "a.yaml").write_text("source: [\n")
    for arg in ("c", "c/", "./c"):
        run = run_subprocess(["lint", "--corpus", arg], cwd=tmp_path, cache=cache)
        assert_clean_failure(run, 2, "c/claims/a.yaml:2")


def test_debug_shows_the_traceback(tmp_path, cache):
    root = make_corpus(tmp_path / "c")
    (root / "claims" / "a.yaml").write_text("source: [\n")
    run = run_subprocess(["--debug", "lint", "--corpus", str(root)], cache=cache)
    assert run.code != 0 and "Traceback" in run.stderr and "InputError" in run.stderr


def test_valid_corpus_passes_every_command(tmp_path, cache):
    root = make_corpus(tmp_path / "c")
    before = tree_digest(root)
    for command in CORPUS_COMMANDS:
        run = run_inprocess([command, "--corpus", str(root)], cache=cache)
        assert run.code == 0, (command, run.stderr)
    assert tree_digest(root) == before


def test_corpus_argument_that_is_not_a_corpus(tmp_path, cache):
    (tmp_path / "file").write_text("x")
    (tmp_path / "empty").mkdir()
    for arg, msg in (("missing", "not a folder"), ("file", "not a folder"), ("empty", "no claims/ folder")):
        for command in CORPUS_COMMANDS:
            run = run_inprocess([command, "--corpus", str(tmp_path / arg)], cache=cache)
            assert_clean_failure(run, 2, str(tmp_path / arg), contains=msg)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_claims_file(tmp_path, cache):
    root = make_corpus(tmp_path / "c")
    (root / "claims" / "a.yaml").chmod(0)
    run = run_inprocess(["lint", "--corpus", str(root)], cache=cache)
    assert_clean_failure(run, 2, f"{root}/{A}", contains="cannot be read")


def test_rules_command_with_unknown_code(cache):
    run = run_inprocess(["rules", "RG999"], cache=cache)
    assert_clean_failure(run, 2, None, contains="no rule 'RG999'")
    run = run_inprocess(["rules", "x" * 100_000], cache=cache)
    assert_clean_failure(run, 2, None)


def test_lint_usage_errors_are_clean(tmp_path, cache):
    root = make_corpus(tmp_path / "c")
    for args in (["--select", "XX1"], ["--severity", "RG101"], ["--severity", "RG101=fatal"], ["--select", "RG9"]):
        run = run_inprocess(["lint", "--corpus", str(root), *args], cache=cache)
        assert_clean_failure(run, 2, None)
