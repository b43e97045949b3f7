"""The report page as a file: snapshot, determinism, CSP hashes, escaping, the CLI and the no-Graphviz path.

Regenerate the snapshots after an intended change with::

    ROLEGRAPH_UPDATE_SNAPSHOTS=1 pytest tests/test_report_html.py

The snapshot with pictures depends on the Graphviz version that laid it out: it is compared byte for
byte only when the installed ``dot`` is the version recorded with it; the one with tables never.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile_helpers import RG, assert_clean_failure, make_corpus, run_inprocess, run_subprocess, tree_digest
from report_helpers import EVIL_LINK, EVIL_ROLE, EVIL_TITLE, JS_URL, MARKERS, hostile_corpus, poison

import rolegraph

HERE = Path(__file__).parent
SNAPSHOTS = HERE / "snapshots" / "report"
UPDATE = os.environ.get("ROLEGRAPH_UPDATE_SNAPSHOTS") == "1"


class Page(HTMLParser):
    """Every start tag with its attributes, the text of script and style elements, and all text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self.text: list[str] = []
        self._in: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.raw[self._in][-1] += data
        else:
            self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def dot_version() -> str | None:
    if shutil.which("dot") is None:
        return None
    proc = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=True)
    return (proc.stderr or proc.stdout).strip()


def compare(name: str, data: bytes) -> None:
    path = SNAPSHOTS / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"no snapshot {path}; create it with ROLEGRAPH_UPDATE_SNAPSHOTS=1"
    if data != path.read_bytes():
        assert data.decode() == path.read_text(encoding="utf-8")
        pytest.fail(f"{name} differs from its snapshot")


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_bundled_snapshot_with_tables(tmp_path):
    html = rolegraph.report(rolegraph.load_corpus(), graphviz=False)
    compare("bundled-tables.html", html.encode())


def test_bundled_snapshot_with_pictures(tmp_path):
    version = dot_version()
    if version is None:
        pytest.skip("Graphviz 'dot' is not installed (CI installs it with apt-get install graphviz)")
    out = tmp_path / "report.html"
    run = run_inprocess(["report", "-o", str(out)], cache=tmp_path / "cache")
    assert run.code == 0, run.stderr
    data = out.read_bytes()
    assert data.count(b"<svg ") == 5
    stamp = SNAPSHOTS / "bundled.html.graphviz-version"
    if UPDATE:
        stamp.write_text(version + "\n", encoding="utf-8")
    if UPDATE or stamp.read_text(encoding="utf-8").strip() == version:
        compare("bundled.html", data)


def test_same_corpus_same_bytes_in_fresh_processes(tmp_path):
    outs = []
    for k in range(2):
        out = tmp_path / f"r{k}.html"
        run = run_subprocess(["report", "-o", str(out)], cache=tmp_path / f"cache{k}")
        assert run.code == 0, run.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_build_time_comes_from_source_date_epoch(monkeypatch):
    corpus = rolegraph.load_corpus()
    plain = rolegraph.report(corpus, graphviz=False)
    assert "UTC" not in plain
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    dated = rolegraph.report(corpus, graphviz=False)
    assert "2025-12-02 00:00 UTC" in dated
    assert dated == rolegraph.report(corpus, graphviz=False)


def test_csp_allows_exactly_the_page_style_and_script():
    html = rolegraph.report(rolegraph.load_corpus(), title="Ladder review")
    page = Page(html)
    metas = [m for m in page.all("meta") if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    policy = dict((part.strip().split(" ", 1) + [""])[:2] for part in metas[0]["content"].split(";") if part.strip())
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == sha(page.raw["script"][0])
    assert policy["style-src"] == sha(page.raw["style"][0])
    assert len(page.raw["script"]) == 1 and len(page.raw["style"]) == 1
    assert page.all("title") and "Ladder review" in "".join(page.text)
    # nothing that would load: no src, no stylesheet link, no external href
    assert not [a for _, a in page.tags if "src" in a]
    assert not page.all("link")


def _hostile_page(tmp_path) -> tuple[str, Page]:
    corpus = rolegraph.load_corpus(hostile_corpus(tmp_path / "evil"))
    poison(corpus)
    html = rolegraph.report(corpus)
    return html, Page(html)


def test_hostile_corpus_is_shown_as_text(tmp_path):
    html, page = _hostile_page(tmp_path)
    text = "".join(page.text)
    for marker in MARKERS:
        assert marker in text, marker  # shown to the reader
    assert EVIL_TITLE in text and EVIL_ROLE in text
    assert len(page.raw["script"]) == 1  # the page's own only
    assert "alert" not in page.raw["script"][0] and "alert" not in page.raw["style"][0]
    for tag, attrs in page.tags:
        assert tag not in ("img", "iframe", "object", "embed", "foreignobject", "image", "base", "form"), tag
        for name in attrs:
            assert not name.startswith("on"), (tag, name)
    hrefs = [a["href"] for a in page.all("a")]
    assert JS_URL not in hrefs and not [h for h in hrefs if not re.match(r"(https?://|#)", h or "")]
    assert EVIL_LINK in hrefs  # an http URL stays a link, its quote marks kept inside the attribute
    assert JS_URL in text  # the refused URL is shown as text


def test_report_command_writes_report_html_by_default(tmp_path):
    run = run_subprocess(["report"], cwd=tmp_path, cache=tmp_path / "cache")
    assert run.code == 0, run.stderr
    assert run.stdout == ""
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_command_to_stdout_with_title(tmp_path):
    run = run_inprocess(["report", "-o", "-", "--title", "Q3 <review>"], cache=tmp_path / "cache")
    assert run.code == 0, run.stderr
    assert "<h1>Q3 &lt;review&gt;</h1>" in run.stdout


def test_report_refuses_to_write_into_the_corpus(tmp_path):
    root = make_corpus(tmp_path / "c")
    before = tree_digest(root)
    run = run_inprocess(["report", "--corpus", str(root), "-o", str(root / "report.html")], cache=tmp_path / "x")
    assert_clean_failure(run, 2, None)
    assert tree_digest(root) == before


def test_report_of_a_broken_claims_file_fails_cleanly(tmp_path):
    root = make_corpus(tmp_path / "c")
    (root / "claims" / "a.yaml").write_text("source: [\n")
    out = tmp_path / "r.html"
    run = run_subprocess(["report", "--corpus", str(root), "-o", str(out)], cache=tmp_path / "x")
    assert_clean_failure(run, 2, f"{root}/claims/a.yaml")
    assert not out.exists()


def test_without_graphviz_the_ladders_are_tables(tmp_path):
    """The real command with no ``dot`` on PATH: tables, a line saying so, exit 0."""
    bare = tmp_path / "bin"
    bare.mkdir()
    env = {**os.environ, "PATH": str(bare), "ROLEGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    out = tmp_path / "r.html"
    p = subprocess.run([RG, "report", "-o", str(out)], env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    html = out.read_text(encoding="utf-8")
    assert "<svg" not in html
    assert html.count('<table class="tiers">') == 5
    assert "The ladders are drawn as tables" in html and "Graphviz" in html
    assert rolegraph.report(rolegraph.load_corpus(), graphviz=False).count('<table class="tiers">') == 5


def test_library_call_and_command_agree(tmp_path):
    out = tmp_path / "r.html"
    assert run_inprocess(["report", "-o", str(out)], cache=tmp_path / "c").code == 0
    assert out.read_text(encoding="utf-8") == rolegraph.report(rolegraph.load_corpus())


def test_python_m_rolegraph_report(tmp_path):
    p = subprocess.run(
        [sys.executable, "-m", "rolegraph", "report", "-o", "-"], capture_output=True, text=True, timeout=120
    )
    assert p.returncode == 0, p.stderr
    assert p.stdout.count('class="finding ') == len(rolegraph.lint(rolegraph.load_corpus()).findings)


def test_report_rests_on_the_usable_claims_and_lists_what_it_left_out(tmp_path):
    from leftout_corpora import broken

    root = broken(tmp_path / "c", "RG004")
    (root / "claims" / "zz.yaml").write_text("source:\n  id: zz\nclaims: [\n", encoding="utf-8")
    out = tmp_path / "r.html"
    run = run_inprocess(["report", "--corpus", str(root), "-o", str(out)], cache=tmp_path / "x")
    assert run.code == 0, run.stderr
    assert "claim 'bad' left out" in run.stderr and "zz.yaml:4: source left out" in run.stderr
    page = out.read_text(encoding="utf-8")
    assert "<h3>Left out of this report (1 claim, 1 whole claims file)</h3>" in page
    assert "claim <code>bad</code>" in page and "the whole claims file" in page
    assert '<span class="num">2</span><span class="lbl"><a href="#left-out">left out' in page
    strict = run_inprocess(
        ["report", "--corpus", str(root), "-o", str(tmp_path / "s.html"), "--strict"], cache=tmp_path / "x"
    )
    assert strict.code == 2 and not (tmp_path / "s.html").exists()


def test_control_characters_from_a_page_never_reach_the_html(tmp_path):
    from corpus_builder import build, claim

    evil = "the Head of Product\x1b]0;owned\x07 sits above the VP of Product"
    root = build(
        tmp_path / "c",
        {"s1": (f"Intro. {evil}. End.\n", [claim("c1", "Head of Product", "above", "VP of Product", quote=evil)])},
    )
    page = rolegraph.report(rolegraph.load_corpus(root), graphviz=False)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", page)
    assert "Head of Product\\x1b]0;owned\\x07 sits above" in page


@pytest.mark.parametrize("value", ["garbage", "12.5", "-3", "1e9"])
def test_a_malformed_source_date_epoch_is_refused_in_one_line(tmp_path, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    out = tmp_path / "r.html"
    run = run_subprocess(["report", "-o", str(out)], cache=tmp_path / "x")
    assert_clean_failure(run, 2, None, contains="rolegraph: SOURCE_DATE_EPOCH must be a whole number")
    assert len(run.stderr.splitlines()) == 1
    assert not out.exists()
