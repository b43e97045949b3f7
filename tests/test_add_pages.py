"""rolegraph add on awkward pages and URLs: comment threads, nested lists, declared charsets, hostile
titles, passwords in URLs, one-line errors, id fallbacks and very deep HTML. A local HTTP server on
127.0.0.1 serves pages written for these tests."""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rolegraph
from rolegraph.cli import main

THREAD = """<!doctype html><html><head><meta charset="utf-8"><title>Who does the team lead answer to?</title></head>
<body><div class="cookie-banner"><p>This site stores cookies on your device; accept them to continue.</p></div>
<nav><ul><li><a href="/">Front page</a></li><li><a href="/new">Newest</a></li></ul></nav><main>
<div class="post"><h1>Who does the team lead answer to?</h1><p>Our studio is growing and I am trying to
understand where the team lead sits once we hire more designers and engineers.</p></div>
<div class="comment"><p>In my shop the Team Lead answers to the Engineering Manager, who hires.</p></div>
<div class="comment"><p>Same here, and the Engineering Manager answers to the Director of Engineering in turn.</p></div>
<div class="comment"><p>We are tiny, so our Team Lead simply reports to the CTO and nobody else in between.</p></div>
</main><footer><p>Terms of use and privacy notice for this forum.</p></footer></body></html>"""

NESTED = """<html><head><title>Design levels</title></head><body><article><h1>Design levels</h1>
<p>These are the steps of our design ladder, listed from the first one to the last one.</p>
<ul><li>Junior Designer<ul><li>learns the design system</li><li>works on one flow</li></ul></li>
<li>Product Designer<ul><li>owns a product area<ul><li>runs research rounds</li></ul></li></ul></li>
<li>Senior Product Designer</li></ul></article></body></html>"""

LATIN = "<html><body><article><h1>Über titles</h1><p>A naïve café owner thinks the Þorn role outranks all others, "
LATIN += "which is “wrong” – according to everyone we asked about it this year.</p></article></body></html>"


def deep_page(n: int) -> bytes:
    return (
        "<html><body>" + "<div>" * n + "<p>Deeply buried words about the product ladder.</p>" + "</div>" * n
    ).encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        p = self.path
        if p == "/thread":
            self._send("text/html; charset=utf-8", THREAD.encode())
        elif p == "/nested":
            self._send("text/html", NESTED.encode())
        elif p == "/latin1":
            self._send(
                "text/html; charset=iso-8859-1",
                LATIN.replace("“", '"').replace("”", '"').replace("–", "-").encode("latin-1"),
            )
        elif p == "/cp1252":
            self._send("text/html; charset=windows-1252", LATIN.encode("cp1252"))
        elif p == "/plain1252":
            self._send('text/plain; charset="windows-1252"', "Þorn notes\nA naïve “line”.\n".encode("cp1252"))
        elif p.startswith("/titled/"):
            title = {"rtl": "שלום עולם", "punct": "!!! ??? ... ---", "none": ""}[p.split("/")[2]]
            body = f"<html><head><title>{title}</title></head><body><article><p>Some text about roles.</p></article>"
            self._send("text/html; charset=utf-8", body.encode())
        elif p == "/plain":
            self._send("text/plain", b"Plain page\nThe PM reports to the Group PM.\n")
        elif p == "/tofile":
            self.send_response(302)
            self.send_header("Location", "file:///etc/hostname")
            self.end_headers()
        elif p == "/slow":
            time.sleep(2)
            self._send("text/plain", b"late\n")
        elif p == "/big":
            self._send("text/plain", b"x" * 5000)
        else:
            self._send("text/plain", b"no", 404)

    def _send(self, ctype, body, code=200):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "c"
    assert CliRunner().invoke(main, ["init", str(root)]).exit_code == 0
    return root


def add(corpus, *args):
    return CliRunner().invoke(main, ["add", *args, "--corpus", str(corpus)])


def files(corpus: Path) -> dict[str, bytes]:
    return {p.relative_to(corpus).as_posix(): p.read_bytes() for p in corpus.rglob("*") if p.is_file()}


def snapshot(corpus: Path, sid: str) -> str:
    return (corpus / "sources" / f"{sid}.txt").read_text(encoding="utf-8")


def test_thread_replies_are_kept_and_boilerplate_dropped(server, corpus):
    r = add(corpus, f"{server}/thread", "--id", "thread")
    assert r.exit_code == 0, r.output
    text = snapshot(corpus, "thread")
    for reply in ("answers to the Engineering Manager", "Director of Engineering in turn", "reports to the CTO"):
        assert reply in text
    for junk in ("cookies", "Front page", "Terms of use"):
        assert junk not in text


def test_nested_lists_keep_their_levels(server, corpus):
    assert add(corpus, f"{server}/nested", "--id", "nested").exit_code == 0
    text = snapshot(corpus, "nested")
    assert (
        "- Junior Designer\n  - learns the design system\n  - works on one flow\n- Product Designer\n"
        "  - owns a product area\n    - runs research rounds\n- Senior Product Designer\n"
    ) in text


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/latin1", "A naïve café owner thinks the Þorn role"), ("/cp1252", "which is “wrong” – according")],
)
def test_the_header_charset_is_used(server, corpus, path, expected):
    assert add(corpus, f"{server}{path}", "--id", "cs").exit_code == 0
    assert expected in snapshot(corpus, "cs")


def test_plain_text_header_charset_and_meta_charset_file(server, corpus, tmp_path):
    assert add(corpus, f"{server}/plain1252", "--id", "p").exit_code == 0
    assert snapshot(corpus, "p") == "Þorn notes\nA naïve “line”.\n"
    page = tmp_path / "meta.html"
    page.write_bytes(LATIN.replace("<html>", '<html><head><meta charset="windows-1252"></head>').encode("cp1252"))
    assert add(corpus, str(page), "--id", "m").exit_code == 0
    assert "“wrong” –" in snapshot(corpus, "m")


def test_control_characters_in_a_first_line_title(tmp_path, corpus):
    page = tmp_path / "odd.txt"
    page.write_bytes(b"Odd \x1b[31mtitle\x1b[0m with\x07 bell\x7f and \xe2\x80\xae flip\nThe PM reports to the CPO.\n")
    r = add(corpus, str(page))
    assert r.exit_code == 0, r.output
    (claims,) = (corpus / "claims").iterdir()
    assert claims.name == "odd-title-with-bell-and-flip.yaml"
    assert 'title: "Odd title with bell and flip"' in claims.read_text()
    assert rolegraph.lint(rolegraph.load_corpus(str(corpus))).findings == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=40))
def test_any_title_gives_a_loadable_claims_file_or_one_line(tmp_path, title):
    root = tmp_path / f"c{abs(hash(title))}"
    CliRunner().invoke(main, ["init", str(root)])
    page = tmp_path / "page.txt"
    page.write_text("First line\nThe Product Manager reports to the Group Product Manager.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["add", str(page), "--id", "t", "--title", title, "--corpus", str(root)])
    if r.exit_code == 0:
        c = rolegraph.load_corpus(str(root))
        assert [f for f in rolegraph.lint(c).findings if f.rule.startswith("RG0")] == []
    else:
        assert r.exit_code == 2 and len(r.output.strip().splitlines()) == 1
        assert not (root / "claims" / "t.yaml").exists()


def test_password_in_a_url_is_never_recorded_or_printed(server, corpus):
    url = server.replace("http://", "http://someone:hunter22@") + "/plain"
    r = add(corpus, url, "--id", "pw")
    assert r.exit_code == 0, r.output
    assert "hunter22" not in r.output and "someone" not in r.output
    assert f'url: "{server}/plain"' in (corpus / "claims" / "pw.yaml").read_text()
    r = add(corpus, url.replace("/plain", "/missing"), "--id", "pw2")
    assert r.exit_code == 2 and "hunter22" not in r.output
    r = add(corpus, f"{server}/plain", "--id", "pw3", "--url", "https://a:b@example.org/x")
    assert r.exit_code == 0 and 'url: "https://example.org/x"' in (corpus / "claims" / "pw3.yaml").read_text()


@pytest.mark.parametrize(
    ("target", "args", "pattern"),
    [
        ("http://[::1", [], r"^rolegraph: http://\[::1: not a valid URL"),
        ("{s}/tofile", [], r"^rolegraph: {s}/tofile redirected to file:///etc/hostname: only http"),
        ("{s}/big", ["--max-bytes", "100"], r"over the limit of 100.*--max-bytes"),
        ("{s}/slow", ["--timeout", "0.3"], r"timed out after 0.3 s; pass a larger --timeout"),
        ("{d}", [], r"^rolegraph: {d}: is a directory"),
        ("{d}/empty.txt", [], r"^rolegraph: {d}/empty.txt: no text found"),
    ],
)
def test_errors_are_one_clear_line(server, corpus, tmp_path, target, args, pattern):
    d = tmp_path / "adir"
    d.mkdir()
    (d / "empty.txt").write_text("  \n\n")
    before = files(corpus)
    subst = {"{s}": server, "{d}": str(d)}
    for k, v in subst.items():
        target = target.replace(k, v)
        pattern = pattern.replace(k, re.escape(v))
    r = add(corpus, target, *args)
    assert r.exit_code == 2
    assert len(r.output.strip().splitlines()) == 1, r.output
    assert re.search(pattern, r.output), r.output
    assert files(corpus) == before


def test_unsluggable_titles_fall_back_to_the_url(server, corpus, tmp_path):
    r = add(corpus, f"{server}/titled/rtl", f"{server}/titled/punct", f"{server}/titled/none")
    assert r.exit_code == 0, r.output
    port = server.rsplit(":", 1)[1]
    assert {p.stem for p in (corpus / "claims").iterdir()} == {
        f"127-0-0-1-{port}-titled-rtl",
        f"127-0-0-1-{port}-titled-punct",
        f"127-0-0-1-{port}-titled-none",
    }
    page = tmp_path / "career-notes.txt"
    page.write_text("!!!\nThe PM reports to the CPO.\n")
    assert add(corpus, str(page)).exit_code == 0
    assert (corpus / "claims" / "career-notes.yaml").exists()


def test_very_deep_html_names_the_parser_limit(tmp_path, corpus):
    page = tmp_path / "deep.html"
    page.write_bytes(deep_page(400))
    r = add(corpus, str(page))
    assert r.exit_code == 2 and len(r.output.strip().splitlines()) == 1
    assert "deeper than the parser reads" in r.output and "no text found" not in r.output
    page.write_bytes(deep_page(40))
    assert add(corpus, str(page), "--id", "shallow").exit_code == 0


def test_retrieved_default_matches_help_and_readme(tmp_path, corpus):
    page = tmp_path / "dated.txt"
    page.write_text("Dated page\nThe PM reports to the CPO.\n")
    stamp = 1_700_000_000  # 2023-11-14
    os.utime(page, (stamp, stamp))
    assert add(corpus, str(page)).exit_code == 0
    assert "retrieved: 2023-11-14" in (corpus / "claims" / "dated-page.yaml").read_text()
    help_text = " ".join(CliRunner().invoke(main, ["add", "--help"]).output.split())
    assert "today for a URL, the file's modification date for a file" in help_text
    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text().split())
    assert "today for a URL, the file's modification date for a file" in readme
