"""`push`, `query --endpoint` and `lint --endpoint` against real stores started on free 127.0.0.1 ports:
an Oxigraph server (both default-graph modes) and, when installed, Virtuoso. Answers must equal the local
ones; failure paths (server down, wrong path, no answer, bad body, Update, wrong password) are one line."""

from __future__ import annotations

import json
import shutil
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from click.testing import CliRunner
from sparql_support import free_port, generate, oxigraph_binary, start_oxigraph, start_virtuoso, virtuoso_binary

import rolegraph
from rolegraph.cli import main
from rolegraph.errors import RolegraphError
from rolegraph.graphs import CLAIMS_GRAPH
from rolegraph.sparql.named import catalogue
from rolegraph.sparql.push import push
from rolegraph.sparql.remote import Endpoint

pytestmark = pytest.mark.skipif(
    oxigraph_binary() is None, reason="the oxigraph server (PyPI package oxigraph) is not installed"
)


class Store:
    def __init__(self, kind, server):
        self.kind, self.server = kind, server
        if kind == "virtuoso":
            self.query = server.base + "/sparql"
            self.graph_store = server.base + "/sparql-graph-crud-auth"
            self.env = {
                "ROLEGRAPH_SPARQL_USER": "dba",
                "ROLEGRAPH_SPARQL_PASSWORD": "dba",
                "ROLEGRAPH_SPARQL_AUTH": "digest",
            }
        else:
            self.query, self.graph_store, self.env = server.base + "/query", server.base + "/store", {}

    def endpoint(self, monkeypatch) -> Endpoint:
        for k, v in self.env.items():
            monkeypatch.setenv(k, v)
        return Endpoint(self.query, graph_store=self.graph_store)

    def cli(self, *args, env=None):
        return CliRunner().invoke(main, list(args), env={**self.env, **(env or {})})


STORES = ["oxigraph", "oxigraph-union", "virtuoso"]


@pytest.fixture(scope="module", params=STORES)
def store(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "virtuoso":
        if virtuoso_binary() is None:
            pytest.skip(
                "Virtuoso (Debian package virtuoso-opensource) is not installed; "
                ".ci/install-virtuoso.sh installs it as root"
            )
        server = start_virtuoso(folder)
    else:
        server = start_oxigraph(folder / "db", union=request.param.endswith("union"))
    yield Store(request.param, server)
    server.stop()


@pytest.fixture
def cache(tmp_path):
    return {"ROLEGRAPH_CACHE_DIR": str(tmp_path / "cache")}


def dump(ep: Endpoint) -> list[tuple]:
    rows = ep.select(
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER (STRSTARTS(STR(?g), 'https://w3id.org/rolegraph/id/')) }",
        dataset=False,
    )
    return sorted((str(r["g"]), str(r["s"]), str(r["p"]), str(r["o"])) for r in rows)


def test_push_twice_changes_nothing_and_named_queries_equal_local(store, cache, monkeypatch):
    r = store.cli("push", "--endpoint", store.query, "--graph-store", store.graph_store, env=cache)
    assert r.exit_code == 0, r.output
    assert r.output.startswith("pushed 8 graphs")
    ep = store.endpoint(monkeypatch)
    first = dump(ep)
    assert len(first) > 1000
    assert ": 8 sent (" in r.output and "0 unchanged" in r.output
    r2 = store.cli("push", "--endpoint", store.query, "--graph-store", store.graph_store, env=cache)
    assert r2.exit_code == 0 and ": 0 sent (0 triples), 8 unchanged" in r2.output
    assert dump(ep) == first
    r3 = store.cli("push", "--endpoint", store.query, "--graph-store", store.graph_store, "--force", env=cache)
    assert r3.exit_code == 0 and ": 8 sent (" in r3.output, r3.output
    assert dump(ep) == first
    for name in catalogue():
        local = CliRunner().invoke(main, ["query", "--name", name, "--format", "csv"], env=cache)
        remote = store.cli("query", "--endpoint", store.query, "--name", name, "--format", "csv", env=cache)
        assert local.exit_code == 0 and remote.exit_code == 0, (name, remote.output)
        assert remote.output == local.output, name
    q = (
        "PREFIX rg: <https://w3id.org/rolegraph#> "
        "SELECT ?size ?tier WHERE { ?p a rg:Placement ; rg:tier ?tier ; rg:size ?size } ORDER BY ?size ?tier"
    )
    assert (
        store.cli("query", "--endpoint", store.query, q, "--format", "json", env=cache).output
        == CliRunner().invoke(main, ["query", q, "--format", "json"], env=cache).output
    )


def test_prune_removes_a_deleted_source_and_nothing_else(store, cache, tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    shutil.copytree(rolegraph.load_corpus().root, corpus)
    ep = store.endpoint(monkeypatch)
    other = "http://example.org/not-rolegraph"
    ep.put_graph(other, b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    assert (
        store.cli(
            "push", "--corpus", str(corpus), "--endpoint", store.query, "--graph-store", store.graph_store, env=cache
        ).exit_code
        == 0
    )
    gone = sorted((corpus / "claims").glob("*.yaml"))[-1]
    sid = gone.stem
    gone.unlink()
    r = store.cli(
        "push",
        "--corpus",
        str(corpus),
        "--endpoint",
        store.query,
        "--graph-store",
        store.graph_store,
        "--prune",
        env=cache,
    )
    assert r.exit_code == 0, r.output
    assert "pruned 1 graph" in r.output
    graphs = ep.corpus_graphs()
    assert len(graphs) == 4 and not any(g.endswith("/" + sid) for g in graphs)
    assert not bool(
        ep.query(f"ASK {{ GRAPH <https://w3id.org/rolegraph/id/graph/{sid}> {{ ?s ?p ?o }} }}", "ask", dataset=False)
    )
    assert bool(ep.query(f"ASK {{ GRAPH <{other}> {{ ?s ?p ?o }} }}", "ask", dataset=False))
    assert bool(ep.query(f"ASK {{ GRAPH <{CLAIMS_GRAPH}> {{ ?s ?p ?o }} }}", "ask", dataset=False))
    ep.delete_graph(other)


def test_push_replaces_what_the_store_holds_even_without_its_manifest(store, cache, monkeypatch):
    """PUT semantics: stray triples in rolegraph's graphs are gone after a push that sends them,
    even when the manifest that says what was pushed is lost (so every graph is sent)."""
    from rolegraph.graphs import CONSENSUS_GRAPH, MANIFEST_GRAPH

    args = ("push", "--endpoint", store.query, "--graph-store", store.graph_store)
    assert store.cli(*args, env=cache).exit_code == 0
    ep = store.endpoint(monkeypatch)
    first = dump(ep)
    source = next(g for g, *_ in first if "/graph/" in g).strip("<>")
    stray = b"<http://example.org/stray> <http://example.org/p> <http://example.org/o> .\n"
    for graph in (source, CLAIMS_GRAPH, CONSENSUS_GRAPH):
        ep.put_graph(graph, stray, append=True)
    ep.delete_graph(MANIFEST_GRAPH)
    assert len(dump(ep)) == len(first) + 3 - sum(g == f"<{MANIFEST_GRAPH}>" for g, *_ in first)
    r = store.cli(*args, env=cache)
    assert r.exit_code == 0 and ": 8 sent (" in r.output, r.output
    assert dump(ep) == first


def test_oxigraph_bulk_path_stores_what_the_protocol_path_stores(cache, tmp_path, monkeypatch):
    """On Oxigraph, push streams big graphs into its bulk loader and sends the source graphs as one
    N-Quads request; the graphs stored must be exactly those a plain PUT per graph stores."""
    corpus = tmp_path / "gen"
    generate(300, corpus)
    dumps = []
    for bulk in (True, False):
        server = start_oxigraph(tmp_path / f"db-{bulk}")
        try:
            monkeypatch.setattr(Endpoint, "oxigraph", lambda self, bulk=bulk: bulk)
            with Endpoint(server.base + "/query", graph_store=server.base + "/store") as ep:
                report = push(rolegraph.load_corpus(corpus), ep)
                assert report.sent == report.graphs > 3
                dumps.append(dump(ep))
        finally:
            server.stop()
    assert dumps[0] == dumps[1] and len(dumps[0]) > 5000


def _comparable(findings: list[dict]) -> list[dict]:
    out = []
    for f in findings:
        f = {k: v for k, v in f.items() if k not in ("file", "accepted")}
        f["claims"] = [{k: v for k, v in c.items() if k != "file"} for c in f["claims"]]
        out.append(f)
    return out


def test_lint_endpoint_equals_local_lint(store, cache, tmp_path, monkeypatch):
    corpus_dir = generate(400, tmp_path / "gen", seed=5)
    corpus = rolegraph.load_corpus(corpus_dir)
    ep = store.endpoint(monkeypatch)
    push(corpus, ep)  # the planted structure errors are left out, as the push command does
    local = CliRunner().invoke(
        main, ["lint", "--corpus", str(corpus_dir), "--select", "RG1", "--format", "json"], env=cache
    )
    remote = store.cli("lint", "--endpoint", store.query, "--select", "RG1", "--format", "json", env=cache)
    assert local.exit_code == remote.exit_code == 1
    lf = json.loads(local.stdout)["findings"]
    rf = json.loads(remote.stdout)["findings"]
    assert len(lf) >= 10 and {f["code"] for f in lf} == {"RG101", "RG102", "RG103", "RG104", "RG105"}
    assert _comparable(rf) == _comparable(lf)
    r = store.cli("lint", "--endpoint", store.query, "--format", "json", env=cache)
    assert "not run on the endpoint" in r.stderr and "RG001" in r.stderr


def test_update_and_malformed_queries_are_refused_remotely(store, cache):
    r = store.cli("query", "--endpoint", store.query, "DROP ALL", env=cache)
    assert r.exit_code == 2 and "refused" in r.output and r.output.count("\n") == 1
    r = store.cli("query", "--endpoint", store.query, "SELECT * WHERE { ?s ", env=cache)
    assert r.exit_code == 2 and "malformed query" in r.output and r.output.count("\n") == 1


def test_wrong_path_is_one_line(store, cache):
    r = store.cli("query", "--endpoint", store.server.base + "/no/such/path", "ASK {}", env=cache)
    assert r.exit_code == 2 and "HTTP 404" in r.output and r.output.count("\n") == 1


@pytest.mark.parametrize("store", ["virtuoso"], indirect=True)  # the Oxigraph server has no authentication
def test_wrong_password_is_one_line_without_the_password(store, cache):
    secret = "not-the-password-x9"
    r = store.cli(
        "push", "--endpoint", store.query, "--graph-store", store.graph_store,
        env={**cache, "ROLEGRAPH_SPARQL_PASSWORD": secret},
    )  # fmt: skip
    assert r.exit_code == 2 and "HTTP 401" in r.output and "ROLEGRAPH_SPARQL_PASSWORD" in r.output
    assert secret not in r.output and r.output.count("\n") == 1


def test_server_down_is_one_line(cache):
    port = free_port()
    r = CliRunner().invoke(main, ["query", "--endpoint", f"http://127.0.0.1:{port}/query", "ASK {}"], env=cache)
    assert r.exit_code == 2 and "cannot connect" in r.output and r.output.count("\n") == 1
    r = CliRunner().invoke(main, ["push", "--endpoint", f"http://127.0.0.1:{port}/query"], env=cache)
    assert r.exit_code == 2 and "cannot connect" in r.output and r.output.count("\n") == 1


def test_credentials_in_the_url_are_refused(cache):
    r = CliRunner().invoke(main, ["query", "--endpoint", "http://dba:secret@127.0.0.1:1/sparql", "ASK {}"], env=cache)
    assert r.exit_code == 2 and "secret" not in r.output and "ROLEGRAPH_SPARQL_USER" in r.output


def test_a_server_that_never_answers_times_out(cache):
    with socket.socket() as s:  # accepts connections (backlog) but never answers
        s.bind(("127.0.0.1", 0))
        s.listen(5)
        port = s.getsockname()[1]
        r = CliRunner().invoke(
            main, ["query", "--endpoint", f"http://127.0.0.1:{port}/sparql", "--timeout", "0.5", "ASK {}"], env=cache
        )
    assert r.exit_code == 2 and "within 0.5 s" in r.output and r.output.count("\n") == 1


def test_an_answer_that_is_not_results_is_one_line(cache):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b"<html>this is not JSON</html>")

        def log_message(self, *a):
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/sparql"
        r = CliRunner().invoke(main, ["query", "--endpoint", url, "ASK {}"], env=cache)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert r.exit_code == 2 and "not valid results" in r.output and r.output.count("\n") == 1


def _deadlocking_store(deadlocks: int):
    """A Graph Store that answers its first ``deadlocks`` PUTs as Virtuoso does under concurrent
    writes (HTTP 500, "40001 SR172: Transaction deadlocked"), and then accepts them."""
    seen: list[bytes] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802  (the ASK that learns which store this is)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head": {}, "boolean": true}')

        def do_PUT(self):  # noqa: N802
            seen.append(self.rfile.read(int(self.headers["Content-Length"])))
            failing = len(seen) <= deadlocks
            self.send_response(500 if failing else 201)
            self.end_headers()
            if failing:
                self.wfile.write(b"Error 40001 SR172: Transaction deadlocked")

        def log_message(self, *a):
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}", seen


@pytest.mark.parametrize("deadlocks, ok", [(0, True), (3, True), (10, False)])
def test_a_deadlocked_write_is_sent_again_then_reported(deadlocks, ok):
    httpd, base, seen = _deadlocking_store(deadlocks)
    body = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"
    try:
        with Endpoint(base + "/sparql", graph_store=base + "/crud") as ep:
            if ok:
                ep.put_graph("https://w3id.org/rolegraph/id/graph/x", body)
            else:
                with pytest.raises(RolegraphError, match="HTTP 500 .*deadlocked") as e:
                    ep.put_graph("https://w3id.org/rolegraph/id/graph/x", body)
                assert "\n" not in str(e.value)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert seen == [body] * (deadlocks + 1 if ok else 5)


@pytest.mark.parametrize("store", ["oxigraph"], indirect=True)  # one store is enough for the loader's behaviour
def test_push_leaves_out_a_broken_claim_and_names_it(store, cache, tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    shutil.copytree(rolegraph.load_corpus().root, corpus)
    claims = sorted((corpus / "claims").glob("*.yaml"))[0]
    text = claims.read_text()
    claims.write_text(text.replace("subject: Head of Product", "subject: Head of Nowhere", 1))
    assert "Head of Nowhere" in claims.read_text()
    r = store.cli("push", "--corpus", str(corpus), "--endpoint", store.query, env=cache)
    assert r.exit_code == 0, r.output
    assert "left out" in r.stderr and "RG002" in r.stderr
    r = store.cli("push", "--corpus", str(corpus), "--endpoint", store.query, "--strict", env=cache)
    assert r.exit_code == 2 and "RG002" in r.output
