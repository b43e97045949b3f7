"""A client for remote SPARQL 1.1 endpoints: queries (protocol), updates, Graph Store Protocol.

Credentials come only from the environment: ``ROLEGRAPH_SPARQL_TOKEN`` (bearer), or
``ROLEGRAPH_SPARQL_USER`` and ``ROLEGRAPH_SPARQL_PASSWORD`` (basic; ``ROLEGRAPH_SPARQL_AUTH=digest``
for stores such as Virtuoso that ask for digest). A URL with credentials in it is refused, and
no message ever shows them. Every failure (connection refused, timeout, HTTP 4xx/5xx, an answer
that is not valid results) is a :class:`RemoteError`: one line naming the endpoint and what to
do. Stores differ in what the default graph is: :meth:`Endpoint.dataset` asks once whether the
store unions its graphs; when it does not, queries name the corpus's graphs as the dataset.
It must not import the CLI.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..compiler import PROV, RG
from ..errors import RolegraphError, UsageError
from ..graphs import CLAIMS_GRAPH, CONSENSUS_GRAPH, SOURCE_GRAPHS, VOCABULARY_GRAPH

ENV_USER, ENV_PASSWORD, ENV_TOKEN, ENV_AUTH = (
    "ROLEGRAPH_SPARQL_USER",
    "ROLEGRAPH_SPARQL_PASSWORD",
    "ROLEGRAPH_SPARQL_TOKEN",
    "ROLEGRAPH_SPARQL_AUTH",
)
RESULTS_JSON = "application/sparql-results+json"
RETRIES = 5  # attempts at a request the store rolled back as a deadlock
DEADLOCK = re.compile(r"\b40001\b|deadlock", re.IGNORECASE)
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5"


class RemoteError(RolegraphError):
    """A remote endpoint failed or gave an answer that cannot be used."""


def check_url(url: str, option: str = "--endpoint") -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{option} {url[:80]!r} is not an http(s) URL")
    if parts.username or parts.password:
        raise UsageError(f"{option}: do not put credentials in the URL; set {ENV_USER} and {ENV_PASSWORD}")
    return url


def _auth():
    import httpx

    token = os.environ.get(ENV_TOKEN)
    if token:
        return None, {"Authorization": f"Bearer {token}"}
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if user is None:
        return None, {}
    if (os.environ.get(ENV_AUTH) or "basic").lower() == "digest":
        return httpx.DigestAuth(user, password or ""), {}
    return httpx.BasicAuth(user, password or ""), {}


def _one_line(text: str, limit: int = 160) -> str:
    text = re.sub(r"<[^>]{0,200}>", " ", text)  # HTML error pages
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


class Endpoint:
    """One SPARQL service: query URL, optional update and Graph Store URLs, a timeout."""

    def __init__(
        self, url: str, *, timeout: float = 60.0, update_url: str | None = None, graph_store: str | None = None
    ):
        import httpx

        self.url = check_url(url)
        self.update_url = check_url(update_url, "--update-endpoint") if update_url else None
        self.graph_store = check_url(graph_store, "--graph-store") if graph_store else None
        self.timeout = timeout
        auth, headers = _auth()
        self.client = httpx.Client(auth=auth, headers=headers, timeout=timeout, follow_redirects=False)
        self._dataset: dict | None = None
        self.server = ""  # the Server header of the last answer

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ HTTP
    def request(self, method: str, url: str, **kw):
        retry = isinstance(kw.get("content", b""), bytes)  # a streamed body cannot be sent twice
        for attempt in range(RETRIES):
            r = self._send(method, url, **kw)
            # Virtuoso answers concurrent writes with "40001 SR172: Transaction deadlocked": the
            # transaction was rolled back, so sending the same request again is safe
            if not (retry and r.status_code >= 500 and attempt + 1 < RETRIES and DEADLOCK.search(r.text[:4000])):
                break
            time.sleep(0.05 * 2**attempt)
        self.server = r.headers.get("server", "")
        if r.status_code in (401, 403):
            raise RemoteError(
                f"HTTP {r.status_code} from {url}: not allowed; set {ENV_USER} and {ENV_PASSWORD} "
                f"(or {ENV_TOKEN}) to credentials the store accepts"
            )
        if r.status_code == 404 and method != "DELETE":
            raise RemoteError(f"HTTP 404 from {url}: nothing there; check the endpoint path")
        if r.status_code >= 400 and not (method == "DELETE" and r.status_code == 404):
            raise RemoteError(f"HTTP {r.status_code} from {url}: {_one_line(r.text) or r.reason_phrase}")
        return r

    def _send(self, method: str, url: str, **kw):
        import httpx

        try:
            return self.client.request(method, url, **kw)
        except httpx.ConnectError:
            raise RemoteError(
                f"cannot connect to {url}: connection refused or no such host; is the server running?"
            ) from None
        except httpx.TimeoutException:
            raise RemoteError(
                f"no answer from {url} within {self.timeout:g} s; raise --timeout or check the server"
            ) from None
        except httpx.HTTPError as e:
            raise RemoteError(f"request to {url} failed: {_one_line(str(e))}") from None

    # ------------------------------------------------------------------ queries
    def query(self, text: str, kind: str, *, dataset: bool = True, graphs: list[str] | None = None):
        """Run a query; a pyoxigraph QuerySolutions/QueryBoolean, or a list of triples.

        ``graphs`` names the default graph exactly (``default-graph-uri``, no named graphs): the
        lint queries read only the claim (and vocabulary) graph, which stores answer fastest."""
        import pyoxigraph as ox

        data: dict = {"query": text}
        if graphs is not None:
            data["default-graph-uri"] = graphs
        elif dataset:
            data.update(self.dataset())
        accept = GRAPH_ACCEPT if kind == "graph" else RESULTS_JSON
        r = self.request("POST", self.url, data=data, headers={"Accept": accept})
        ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if kind == "graph":
                fmt = ox.RdfFormat.TURTLE if "turtle" in ctype else ox.RdfFormat.N_TRIPLES
                return [q.triple for q in ox.parse(r.content, format=fmt)]
            if "xml" in ctype:
                return ox.parse_query_results(r.content, format=ox.QueryResultsFormat.XML)
            return ox.parse_query_results(r.content, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as e:
            raise RemoteError(
                f"{self.url} answered with something that is not valid results "
                f"({ctype or 'no type'}): {_one_line(str(e))}"
            ) from None

    def select(self, text: str, *, dataset: bool = True, graphs: list[str] | None = None) -> list[dict]:
        """Rows of a SELECT, each a dict of variable name -> term (unbound variables left out)."""
        res = self.query(text, "select", dataset=dataset, graphs=graphs)
        names = [v.value for v in res.variables]
        return [{n: row[n] for n in names if row[n] is not None} for row in res]

    def unions_graphs(self) -> bool:
        """Whether the store's default graph is the union of its named graphs (Virtuoso,
        GraphDB; Oxigraph with --union-default-graph) rather than a graph of its own."""
        res = self.query(f"ASK {{ <{CLAIMS_GRAPH}> a <{RG}ClaimGraph> }}", "ask", dataset=False)
        return bool(res)

    def corpus_graphs(self) -> list[str]:
        """The graphs a push wrote: the claim graph lists the source graphs (prov:Bundle)."""
        rows = self.select(f"SELECT ?g WHERE {{ GRAPH <{CLAIMS_GRAPH}> {{ ?g a <{PROV}Bundle> }} }}", dataset=False)
        return sorted(r["g"].value for r in rows if r["g"].value.startswith(SOURCE_GRAPHS))

    def dataset(self) -> dict:
        """Protocol parameters that make the default graph the corpus's (none when the store
        already unions its graphs): claims, vocabulary and consensus as the default graph, every
        corpus graph as a named graph."""
        if self._dataset is None:
            if self.unions_graphs():
                self._dataset = {}
            else:
                meta = [CLAIMS_GRAPH, VOCABULARY_GRAPH, CONSENSUS_GRAPH]
                self._dataset = {"default-graph-uri": meta, "named-graph-uri": meta + self.corpus_graphs()}
        return self._dataset

    # ------------------------------------------------------------------ writes
    def update(self, text: str) -> None:
        url = self.update_url or self.url
        self.request("POST", url, data={"update": text})

    def put_graph(self, graph: str, body, *, append: bool = False) -> None:
        """Replace (PUT) or extend (POST) one named graph with N-Triples ``body``."""
        if not self.graph_store:
            raise UsageError("give --graph-store URL (the store's Graph Store Protocol endpoint)")
        oxigraph = self.oxigraph()  # learn which store this is (and that it answers) first
        self.request(
            "POST" if append else "PUT",
            self.graph_store,
            params={"graph": graph},
            content=body,  # N-Triples; Oxigraph parses it faster as such, Turtle is understood everywhere
            headers={"Content-Type": "application/n-triples" if oxigraph else "text/turtle"},
        )

    def oxigraph(self) -> bool:
        """Whether the store is an Oxigraph server (told by its ``Server`` header)."""
        if not self.server:
            self.request("GET", self.url, params={"query": "ASK {}"}, headers={"Accept": RESULTS_JSON})
        return self.server.startswith("Oxigraph/")

    def bulk_load(self, body: Iterable[bytes], graph: str | None = None) -> None:
        """Oxigraph only: stream ``body`` into its bulk loader (``no_transaction``): N-Triples
        replacing the named ``graph``, or N-Quads added to the dataset when ``graph`` is None.
        The body is sent chunked as it is made, so a graph of millions of triples is one request."""
        if not self.graph_store:
            raise UsageError("give --graph-store URL (the store's Graph Store Protocol endpoint)")
        params = {"no_transaction": "", "lenient": ""}  # rolegraph's own output: already valid
        if graph is not None:
            self.request("DELETE", self.graph_store, params={"graph": graph})
            params["graph"] = graph
        kind = "application/n-triples" if graph is not None else "application/n-quads"
        self.request("POST", self.graph_store, params=params, content=body, headers={"Content-Type": kind})

    def source_graphs(self) -> set[str]:
        """The named graphs in the store whose IRI is a source graph's, whoever wrote them."""
        rows = self.select(
            f'SELECT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "{SOURCE_GRAPHS}")) }}', dataset=False
        )
        return {r["g"].value for r in rows}

    def delete_graph(self, graph: str) -> None:
        if not self.graph_store:
            raise UsageError("give --graph-store URL (the store's Graph Store Protocol endpoint)")
        self.request("DELETE", self.graph_store, params={"graph": graph})
