"""rolegraph add: files and URLs fetched from a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

import rolegraph
from rolegraph.cli import main

HTML = (
    b"<!doctype html><html><head><title>Ranking product roles</title></head><body><nav>menu</nav><article>"
    b"<h1>Ranking product roles</h1><p>At our company the Senior PM reports to the Group PM, and has done so for years "
    b"since the product team was founded.</p><p>Our ladder, from junior to senior:</p><ul><li>Associate PM</li>"
    b"<li>Product Manager</li><li>Senior PM</li></ul><p>The Director of Product is the most senior product role in "
    b"the company and leads every product manager.</p></article><footer>c</footer></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        p = self.path
        if p == "/page":
            self._send(200, "text/html; charset=utf-8", HTML)
        elif p == "/plain":
            self._send(200, "text/plain; charset=utf-8", b"The Product Owner reports to the PM.\r\n")
        elif p.startswith("/hop"):
            n = int(p[4:] or 0)
            self.send_response(302)
            self.send_header("Location", "/page" if n <= 0 else f"/hop{n - 1}")
            self.end_headers()
        elif p == "/ftp":
            self.send_response(301)
            self.send_header("Location", "ftp://127.0.0.1/x")
            self.end_headers()
        elif p == "/slow":
            time.sleep(3)
            self._send(200, "text/html", HTML)
        elif p == "/big":
            self._send(200, "text/html", b"<p>" + b"x" * 200_000 + b"</p>")
        elif p == "/pdf":
            self._send(200, "application/pdf", b"%PDF-1.4")
        else:
            self._send(404, "text/plain", b"no")

    def _send(self, code, ctype, body):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
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


def snapshot_of(corpus):
    return {p.relative_to(corpus).as_posix(): p.read_bytes() for p in corpus.rglob("*") if p.is_file()}


def test_html_url_through_redirects(server, corpus):
    r = add(corpus, f"{server}/hop3", "--retrieved", "2026-05-01")
    assert r.exit_code == 0, r.output
    sid = "ranking-product-roles"
    text = (corpus / "sources" / f"{sid}.txt").read_text()
    assert "menu" not in text and "\r" not in text
    assert "- Associate PM\n- Product Manager\n- Senior PM" in text  # list items kept as lines
    assert "Senior PM reports to the Group PM" in text
    head = (corpus / "claims" / f"{sid}.yaml").read_text()
    assert f'url: "{server}/page"' in head and "retrieved: 2026-05-01" in head
    c = rolegraph.load_corpus(str(corpus))
    assert rolegraph.lint(c).findings == []
    r = CliRunner().invoke(main, ["extract", sid, "--write", "--corpus", str(corpus)])
    assert r.exit_code == 0, r.output
    c = rolegraph.load_corpus(str(corpus))
    assert {(x.subject_text, x.relation, x.object_text) for x in c.claims()} >= {
        ("Senior Product Manager", "reports_to", "Group Product Manager"),
        ("Product Manager", "above", "Associate Product Manager"),
    }
    assert rolegraph.lint(c, select=["RG0"]).findings == []


def test_html_table_rows_stay_together(tmp_path, corpus):
    page = tmp_path / "levels.html"
    page.write_text(
        "<html><body><article><h1>Levels</h1><p>Our product career ladder has three levels, and every level has "
        "its own expectations for scope, impact and leadership.</p><table><tr><th>Level</th><th>Title</th></tr>"
        "<tr><td>P1</td><td>Associate PM</td></tr><tr><td>P2</td><td>Product Manager</td></tr></table>"
        "</article></body></html>"
    )
    assert add(corpus, str(page), "--id", "levels").exit_code == 0
    text = (corpus / "sources" / "levels.txt").read_text()
    assert "| P1 | Associate PM |\n| P2 | Product Manager |" in text


def test_plain_text_kept_with_lf(server, corpus):
    r = add(corpus, f"{server}/plain", "--id", "plain-one")
    assert r.exit_code == 0, r.output
    assert (corpus / "sources" / "plain-one.txt").read_bytes() == b"The Product Owner reports to the PM.\n"


@pytest.mark.parametrize(
    ("path", "args", "message"),
    [
        ("/hop6", [], "more than 5 redirects"),
        ("/ftp", [], "only http:// and https://"),
        ("/slow", ["--timeout", "0.5"], "timed out"),
        ("/big", ["--max-bytes", "1000"], "over the limit"),
        ("/pdf", [], "content type application/pdf"),
        ("/missing", [], "HTTP 404"),
    ],
)
def test_fetch_failures_are_one_line(server, corpus, path, args, message):
    before = snapshot_of(corpus)
    r = add(corpus, f"{server}{path}", *args)
    assert r.exit_code == 2
    assert message in r.output and "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert snapshot_of(corpus) == before


def test_file_input_id_and_replace(tmp_path, corpus):
    page = tmp_path / "Our Ladder.html"
    page.write_bytes(HTML)
    assert add(corpus, str(page), "--id", "ladder").exit_code == 0
    claims = corpus / "claims" / "ladder.yaml"
    claims.write_text(claims.read_text() + '  - id: mine\n    subject: PM\n    relation: top\n    quote: "Senior PM"\n')
    r = add(corpus, str(page), "--id", "ladder")
    assert r.exit_code == 2 and "exists already" in r.output
    r = add(corpus, str(page), "--id", "ladder", "--replace", "--title", "New title")
    assert r.exit_code == 0, r.output
    assert "id: mine" in claims.read_text() and '"New title"' in claims.read_text()
    txt = tmp_path / "notes.txt"
    txt.write_text("Product roles\nThe CPO oversees the VP of Product.\n")
    assert add(corpus, str(txt)).exit_code == 0
    assert (corpus / "claims" / "product-roles.yaml").exists()


def test_bad_arguments(tmp_path, corpus):
    for args in (["nope.html"], [str(tmp_path), "--retrieved", "yesterday"], ["file:///etc/passwd"]):
        r = add(corpus, *args)
        assert r.exit_code == 2 and "Traceback" not in r.output, r.output


def test_many_files_in_one_call_all_or_nothing(tmp_path, corpus):
    a, b, c = (tmp_path / f"{n}.txt" for n in "abc")
    a.write_text("Page A\nThe PM reports to the Group PM.\n")
    b.write_text("Page B\nThe Group PM reports to the Director of Product.\n")
    c.write_text("Page A\nAnother page with the same title.\n")
    before = snapshot_of(corpus)
    r = add(corpus, str(a), str(b), str(c))  # a and c get the same id: nothing is written
    assert r.exit_code == 2 and "both get the id 'page-a'" in r.output
    assert snapshot_of(corpus) == before
    r = add(corpus, str(a), str(b))
    assert r.exit_code == 0, r.output
    assert {p.name for p in (corpus / "claims").iterdir()} == {"page-a.yaml", "page-b.yaml"}
    r = add(corpus, str(a), str(b), "--id", "x")
    assert r.exit_code == 2 and "name one source" in r.output
