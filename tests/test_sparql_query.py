"""`rolegraph query` on the local store: named queries checked against answers computed from the claim
model and the consensus, parameters bound as terms, Update refused, malformed queries, the on-disk store."""

from __future__ import annotations

import json
from collections import Counter

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from sparql_support import generate, rows

import rolegraph
from rolegraph.cli import main
from rolegraph.errors import UsageError
from rolegraph.model import SIZES
from rolegraph.sparql import local_query
from rolegraph.sparql.named import catalogue, named_query
from rolegraph.sparql.params import with_values
from rolegraph.sparql.store import build_memory_store


@pytest.fixture(scope="module", params=["bundled", "generated"])
def loaded(request, tmp_path_factory):
    if request.param == "bundled":
        corpus = rolegraph.load_corpus()
    else:
        from rolegraph.usable import load_usable_corpus

        # the generated corpus plants structure errors: the store, like export, leaves those claims out
        usable = load_usable_corpus(generate(300, tmp_path_factory.mktemp("gen") / "c"))
        assert usable.left_out
        corpus = usable.corpus
    return corpus, build_memory_store(corpus), rolegraph.consensus(corpus)


def run(store, name, **params):
    return rows(local_query(store, named_query(name).text, named_query(name), params))


def label(corpus, iri):
    return corpus.vocabulary.label(iri)


def test_counts_equal_the_claim_model(loaded):
    corpus, store, _ = loaded
    expected = Counter()
    for c in corpus.claims():
        if c.relation:
            expected["relation", c.relation] += 1
        if c.hedge:
            expected["hedge", c.hedge] += 1
        if c.scope is not None:
            for size in c.scope.sizes():
                expected["size", size] += 1
    got = {(r["dimension"], r["value"]): int(r["claims"]) for r in run(store, "counts")}
    assert got == dict(expected)


def _busiest_pair(corpus):
    pairs = Counter(tuple(sorted((c.subject, c.object))) for c in corpus.claims() if c.subject and c.object)
    return pairs.most_common(1)[0][0]


def test_pair_claims_lists_every_claim_on_the_pair_either_way(loaded):
    corpus, store, _ = loaded
    a, b = _busiest_pair(corpus)
    got = run(store, "pair-claims", a=label(corpus, a), b=label(corpus, b))
    want = sorted(
        (c.source_id, c.id, c.relation, c.hedge, str(c.scope), c.quote)
        for c in corpus.claims()
        if {c.subject, c.object} == {a, b} and c.subject != c.object and c.relation
    )
    assert sorted((r["source"], r["claim"], r["relation"], r["hedge"], r["scope"], r["quote"]) for r in got) == want


@pytest.mark.parametrize("direction", ["above", "below"])
def test_roles_above_and_below_count_claims_and_sources(loaded, direction):
    corpus, store, _ = loaded
    ranks = [(c, c.rank()) for c in corpus.claims() if c.rank() and c.rank()[0] != c.rank()[1]]
    role = Counter(r[1] if direction == "above" else r[0] for _, r in ranks).most_common(1)[0][0]
    for size in ("startup", "large"):
        claims, sources = Counter(), {}
        for c, (hi, lo) in ranks:
            mine, other = (lo, hi) if direction == "above" else (hi, lo)
            if mine == role and c.scope.covers(size):
                claims[label(corpus, other)] += 1
                sources.setdefault(label(corpus, other), set()).add(c.source_id)
        got = run(store, f"roles-{direction}", role=label(corpus, role), size=size)
        assert {r[direction]: (int(r["claims"]), int(r["sources"])) for r in got} == {
            k: (n, len(sources[k])) for k, n in claims.items()
        }
        counts = [int(r["claims"]) for r in got]
        assert counts == sorted(counts, reverse=True)


def test_source_claims_in_file_order(loaded):
    corpus, store, _ = loaded
    for s in corpus.sources[:3]:
        got = run(store, "source-claims", source=s.id)
        assert [(int(r["line"]), r["claim"]) for r in got] == sorted((c.line, c.id) for c in s.claims)


def test_role_ladder_equals_the_consensus(loaded):
    corpus, store, result = loaded
    role = _busiest_pair(corpus)[0]
    got = run(store, "role-ladder", role=role)
    want = set()
    for size, sr in result.sizes.items():
        tier = sr.tier_of(role)
        for p in sr.pairs:
            if role in p.roles:
                other = p.roles[1] if p.roles[0] == role else p.roles[0]
                verdict = "below" if p.verdict == "above" and p.roles[1] == role else p.verdict
                want.add((size, "unplaced" if tier is None else str(tier + 1), label(corpus, other), verdict))
    size_of = {f"https://w3id.org/rolegraph#{s}": s for s in SIZES}
    assert {(size_of[r["size"]], r["tier"], r["other"], r["verdict"]) for r in got} == want
    assert [size_of[r["size"]] for r in got] == sorted((size_of[r["size"]] for r in got), key=SIZES.index)
    large = run(store, "role-ladder", role=role, size="large")
    assert {(r["tier"], r["other"], r["verdict"]) for r in large} == {w[1:] for w in want if w[0] == "large"}


def test_dissent_and_copy_groups_equal_the_consensus(loaded):
    corpus, store, result = loaded
    want = {
        (size, ref.split("/", 1)[0], ref.split("/", 1)[1])
        for size, sr in result.sizes.items()
        for p in sr.pairs
        for ref in p.dissent
    }
    assert {(r["size"], r["source"], r["claim"]) for r in run(store, "dissent")} == want
    groups = {(g.id, *ref.split("/", 1)) for g in result.copy_groups for ref in g.claims}
    assert {(r["group"], r["source"], r["claim"]) for r in run(store, "copy-groups")} == groups


def test_every_named_query_has_a_header_and_runs(loaded):
    corpus, store, _ = loaded
    for q in catalogue().values():
        assert q.summary and "@example" in q.header
        given = {"source": corpus.sources[0].id} if q.param("source") else {}
        assert local_query(store, q.text, q, given) is not None
        for p in q.params:
            assert p.doc and p.default


def test_values_block_and_engine_substitutions_agree(loaded):
    corpus, store, _ = loaded
    from rolegraph.sparql.params import bind

    def select(q):
        return [
            {k: v for k, v in r.items() if v is not None}
            for r in _terms(store.query(q, use_default_graph_as_union=True))
        ]

    for q in catalogue().values():
        given = {"source": corpus.sources[0].id} if q.param("source") else {}
        terms = bind(q, given, select)
        if not terms or q.name == "role-ladder":  # role-ladder takes 17 s with substitutions at 1k claims
            continue
        subs = {ox.Variable(k): v for k, v in terms.items()}
        a = rows(store.query(q.text, use_default_graph_as_union=True, substitutions=subs))
        b = rows(local_query(store, q.text, q, given))
        assert a == b, q.name


def _terms(result):
    names = [v.value for v in result.variables]
    return [{n: row[n] for n in names} for row in result]


HOSTILE = ['"', "'", "}", "{", "} ; DROP ALL ; {", "a\nb", '" } ; DROP ALL ; { "', ">", "\\", "?x", "#"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE) | st.text(max_size=8), max_size=6).map("".join))
def test_values_block_carries_only_the_term(value):
    query = "SELECT ?v WHERE { } "
    bound = with_values(query, {"v": ox.Literal(value)})
    result = list(ox.Store().query(bound))
    assert len(result) == 1 and result[0]["v"] == ox.Literal(value)


@pytest.mark.parametrize("value", HOSTILE + ["Head of Product\n} ; DROP ALL ; {"])
def test_hostile_parameters_never_reach_the_query(value):
    store = build_memory_store(rolegraph.load_corpus())
    before = len(store)
    q = named_query("source-claims")
    with pytest.raises(UsageError) as e:
        local_query(store, q.text, q, {"source": value})
    assert "no source" in str(e.value) and "\n" not in str(e.value).replace(value, "")
    q = named_query("role-ladder")
    with pytest.raises(UsageError, match="unknown role"):
        local_query(store, q.text, q, {"role": value})
    assert len(store) == before


def cli(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.mark.parametrize(
    "text",
    [
        "DROP ALL",
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX rg: <https://w3id.org/rolegraph#>\n# a comment\nDELETE WHERE { ?s rg:line ?o }",
        "  clear default",
    ],
)
def test_update_is_refused(text, tmp_path):
    r = cli("query", text, env={"ROLEGRAPH_CACHE_DIR": str(tmp_path)})
    assert r.exit_code == 2
    assert r.output.count("\n") == 1 and "Update" in r.output and "refused" in r.output


def test_malformed_query_is_one_line_with_the_position(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("PREFIX rg: <https://w3id.org/rolegraph#>\nSELECT * WHERE { ?s rg:line }\n")
    r = cli("query", "-f", str(bad), env={"ROLEGRAPH_CACHE_DIR": str(tmp_path)})
    assert r.exit_code == 2 and r.output.count("\n") == 1
    assert str(bad) in r.output and "error at 2:" in r.output and "Traceback" not in r.output


def test_list_and_help_query():
    r = cli("query", "--list")
    assert r.exit_code == 0
    for name, q in catalogue().items():
        line = next(x for x in r.output.splitlines() if x.startswith(name + " "))
        assert q.summary in line and all(p.name in line for p in q.params)
    r = cli("query", "--name", "roles-above", "--help-query")
    assert r.exit_code == 0 and "@param size size" in r.output and "@example" in r.output
    r = cli("query", "--name", "no-such-query")
    assert r.exit_code == 2 and "--list" in r.output


def test_cli_formats_and_store_reuse(tmp_path):
    import shutil

    corpus = tmp_path / "c"
    shutil.copytree(rolegraph.load_corpus().root, corpus)
    env = {"ROLEGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    r = cli("query", "--corpus", str(corpus), "--name", "counts", "--format", "json", env=env)
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["head"]["vars"] == ["dimension", "value", "claims"] and doc["results"]["bindings"]
    stores = list((tmp_path / "cache" / "stores").glob("*/*/ready"))
    assert len(stores) == 1
    first = stores[0].stat().st_mtime_ns
    r2 = cli("query", "--corpus", str(corpus), "--name", "counts", "--format", "json", env=env)
    assert r2.output == r.output and stores[0].stat().st_mtime_ns == first  # reused, not rebuilt
    # an edit to the corpus rebuilds the store, and the answer follows it
    claims = sorted((corpus / "claims").glob("*.yaml"))[0]
    text = claims.read_text()
    claims.write_text(text.replace("hedge: definite", "hedge: some", 1))
    r3 = cli("query", "--corpus", str(corpus), "--name", "counts", "--format", "csv", env=env)
    assert r3.exit_code == 0 and r3.output.startswith("dimension,value,claims")
    assert len(list((tmp_path / "cache" / "stores").glob("*/*/ready"))) == 1
    assert r3.output != r.output
    r4 = cli("query", "--corpus", str(corpus), "CONSTRUCT WHERE { ?s a <https://w3id.org/rolegraph#Verdict> }", env=env)
    assert r4.exit_code == 0 and "rg:Verdict" in r4.output
    r5 = cli("query", "--corpus", str(corpus), "ASK { ?s ?p ?o }", "--format", "turtle", env=env)
    assert r5.exit_code == 2 and "not turtle" in r5.output


def test_default_graph_is_the_union_and_graphs_stay_addressable():
    store = build_memory_store(rolegraph.load_corpus())
    plain = "ASK { <https://w3id.org/rolegraph/role/vp-of-product> <https://w3id.org/rolegraph#below> ?x }"
    assert bool(local_query(store, plain))
    named = rows(local_query(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"))
    graphs = [r["g"] for r in named]
    assert "https://w3id.org/rolegraph/id/corpus/consensus" in graphs
    assert sum(g.startswith("https://w3id.org/rolegraph/id/graph/") for g in graphs) == 5


def test_endpoint_lint_queries_select_what_the_shapes_select(loaded):
    from rolegraph.sparql.endpoint_lint import rule_queries

    _, store, _ = loaded
    for code in ("RG101", "RG102", "RG103", "RG104", "RG105"):
        for (name, fast), (_, spec) in zip(rule_queries(code), rule_queries(code, fast=False), strict=True):
            a = {(r["this"], r["value"]) for r in rows(store.query(fast, use_default_graph_as_union=True))}
            b = {(r["this"], r["value"]) for r in rows(store.query(spec, use_default_graph_as_union=True))}
            assert a == b, name


def test_export_consensus_graph_holds_every_verdict_with_its_votes(loaded):
    from rolegraph import __version__
    from rolegraph.consensus.rdf import GRAPH, claim_ref_iri, consensus_graph, verdict_iri

    corpus, _, result = loaded
    ds = ox.Store()
    ds.load(rolegraph.export(corpus, "trig", extra_graphs=consensus_graph(corpus)), format=ox.RdfFormat.TRIG)
    g = ox.NamedNode(GRAPH)
    rg = "https://w3id.org/rolegraph#"
    verdicts = {q.subject.value for q in ds.quads_for_pattern(None, ox.NamedNode(f"{rg}direction"), None, g)}
    want = {verdict_iri(size, *p.roles) for size, sr in result.sizes.items() for p in sr.pairs}
    assert verdicts == want
    derived = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
    dissent = ox.NamedNode(f"{rg}dissent")
    for size, sr in result.sizes.items():
        for p in sr.pairs[:20]:
            v = ox.NamedNode(verdict_iri(size, *p.roles))
            assert {q.object.value for q in ds.quads_for_pattern(v, derived, None, g)} == {
                claim_ref_iri(r) for r in p.claims
            }
            assert {q.object.value for q in ds.quads_for_pattern(v, dissent, None, g)} == {
                claim_ref_iri(r) for r in p.dissent
            }
    act = ox.NamedNode("https://w3id.org/rolegraph/id/consensus/activity")
    version = next(ds.quads_for_pattern(act, ox.NamedNode(f"{rg}softwareVersion"), None, g)).object.value
    agreement = next(ds.quads_for_pattern(act, ox.NamedNode(f"{rg}minAgreement"), None, g)).object.value
    assert version == __version__ and float(agreement) == corpus.settings.min_agreement
    # the export without the consensus is the same graphs minus that one
    plain = ox.Store()
    plain.load(rolegraph.export(corpus, "trig"), format=ox.RdfFormat.TRIG)
    assert len(ds) - len(list(ds.quads_for_pattern(None, None, None, g))) == len(plain)


def test_streamed_export_equals_the_whole_compile(loaded):
    from rolegraph.compiler import compile_lines
    from rolegraph.graphs import export_lines

    corpus, _, _ = loaded
    assert "".join(export_lines(corpus)) == "".join(compile_lines(corpus))


def test_query_store_leaves_out_a_broken_claim_and_strict_refuses(tmp_path):
    import shutil

    corpus = tmp_path / "c"
    shutil.copytree(rolegraph.load_corpus().root, corpus)
    claims = sorted((corpus / "claims").glob("*.yaml"))[0]
    claims.write_text(claims.read_text().replace("subject: Head of Product", "subject: Head of Nowhere", 1))
    env = {"ROLEGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    q = "SELECT (COUNT(?c) AS ?n) WHERE { ?c a <https://w3id.org/rolegraph#Claim> }"
    r = cli("query", "--corpus", str(corpus), q, "--format", "csv", env=env)
    assert r.exit_code == 0, r.output
    total = len(rolegraph.load_corpus(corpus).claims())
    assert r.stdout.splitlines()[1] == str(total - 1)
    r = cli("query", "--corpus", str(corpus), q, "--strict", env=env)  # not served from the lenient store
    assert r.exit_code == 2 and "RG002" in r.output


def test_grouped_lint_forms_select_the_pairs_the_shapes_select(loaded):
    # RG101-RG103 run on a store as key sets + claims per key; the pairs must be the shape query's
    from rolegraph.compiler import RG
    from rolegraph.sparql.endpoint_lint import PREFIX, rule_queries
    from rolegraph.sparql.lint_forms import GROUPED, grouped_pairs

    _, store, _ = loaded

    def select(q):
        return [
            {v.value: r[v.value] for v in res.variables if r[v.value] is not None}
            for res in [store.query(q, use_default_graph_as_union=True)]
            for r in res
        ]

    seen = 0
    for code in ("RG101", "RG102", "RG103"):
        for name, spec in rule_queries(code, fast=False):
            want = {(r["this"], r["value"]) for r in rows(store.query(spec, use_default_graph_as_union=True))}
            got = grouped_pairs(select, GROUPED[name], f"{RG}Claim", PREFIX)
            assert got == want, name
            seen += len(want)
    assert seen > 0  # the corpora do plant these contradictions


def test_cycle_pairs_select_what_the_rank_cycle_shape_selects(loaded):
    from rolegraph.sparql.endpoint_lint import PREFIX, rule_queries
    from rolegraph.sparql.lint_forms import cycle_pairs

    _, store, _ = loaded
    [(_name, spec)] = rule_queries("RG105", fast=False)
    want = {(r["this"], r["value"]) for r in rows(store.query(spec, use_default_graph_as_union=True))}

    def select(q):
        res = store.query(q, use_default_graph_as_union=True)
        names = [v.value for v in res.variables]
        return [{n: r[n] for n in names} for r in res]

    assert cycle_pairs(select, PREFIX) == want


@given(st.sets(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=30))
def test_cycle_pairs_agree_with_path_search_on_any_graph(edge_list):
    # the rule: edge a -> b, no edge b -> a, and b reaches a through one or more edges
    from rolegraph.sparql.lint_forms import cycle_edges

    edges: dict[str, set[str]] = {}
    for a, b in edge_list:
        edges.setdefault(str(a), set()).add(str(b))

    def reaches(src, dst):
        seen, todo = set(), [src]
        while todo:
            n = todo.pop()
            for m in edges.get(n, ()):
                if m == dst:
                    return True
                if m not in seen:
                    seen.add(m)
                    todo.append(m)
        return False

    fast = cycle_edges(edges)
    slow = {(a, b) for a, outs in edges.items() for b in outs if a not in edges.get(b, ()) and reaches(b, a)}
    assert fast == slow


def test_query_names_the_claims_its_store_leaves_out_every_run(tmp_path):
    """Built or cached, the local store says on stderr what it left out, as consensus and export do."""
    from click.testing import CliRunner
    from leftout_corpora import broken

    from rolegraph.cli import main

    root = broken(tmp_path / "c", "RG007")
    env = {"ROLEGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    for _ in ("build", "cached"):
        r = CliRunner().invoke(main, ["query", "--corpus", str(root), "--name", "counts", "--format", "csv"], env=env)
        assert r.exit_code == 0, r.output
        lines = r.stderr.splitlines()
        assert len(lines) == 2
        assert (
            lines[0].startswith(f"{root}/claims/")
            and "claim 'bad' left out" in lines[0]
            and lines[0].endswith("[RG007]")
        )
        assert lines[1].startswith("rolegraph: 1 claim left out; the result rests on")
    assert (
        CliRunner().invoke(main, ["query", "--corpus", str(root), "--name", "counts", "--strict"], env=env).exit_code
        == 2
    )
