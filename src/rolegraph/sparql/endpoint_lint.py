"""``lint --endpoint``: the contradiction rules (RG1xx) as whole-graph SPARQL queries on a store.

Each rule's SHACL-SPARQL constraint (``rolegraph/shapes/RG1xx-*.ttl``) becomes one query: ``$this``
becomes a variable bound by the shape's target class, so the store finds every (focus, value)
pair in one pass. The claims those pairs name (and, for RG105, the rank claims between the roles
on a cycle) are then read back from the store with their file, line, scope, hedge and quote, and
the rules' own ``from_shacl`` groups them into findings, so codes, roles, scopes, severities and
claims equal the local lint's. Structure rules (RG0xx) need the files and are reported as not
run. It must not import the CLI.
"""

from __future__ import annotations

from importlib import resources

from ..compiler import OA, RG
from ..findings import Finding
from ..graphs import CLAIMS_GRAPH, VOCABULARY_GRAPH
from ..model import SIZES, Claim, Corpus, Scope, Source
from .remote import Endpoint

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PREFIX = f"PREFIX rg: <{RG}>\nPREFIX oa: <{OA}>\n"
BATCH = 400
CLAIMS = [CLAIMS_GRAPH]  # the default graph of every lint query but those that need role families
WITH_ROLES = [CLAIMS_GRAPH, VOCABULARY_GRAPH]


# Store-friendly forms of constraints whose literal whole-graph form joins every top claim with
# every other one before the family test (RG104-rival: 114 s at 10k claims on pyoxigraph; this
# form: 0.04 s). Each must select exactly the (this, value) pairs of the shape's own query; a test
# checks it on generated corpora.
FAST_FORMS = {
    "RG104-rival": """SELECT DISTINCT $this ?value WHERE {
        { SELECT DISTINCT ?x ?family WHERE { ?a rg:relation rg:top ; rg:subject ?x . ?x rg:family ?family } }
        { SELECT DISTINCT ?y ?family WHERE { ?b rg:relation rg:top ; rg:subject ?y . ?y rg:family ?family } }
        FILTER (?y != ?x)
        $this rg:subject ?x ; rg:relation rg:top ; rg:coversSize ?size .
        ?value rg:subject ?y ; rg:relation rg:top ; rg:coversSize ?size .
    }""",
}


def rule_queries(code: str, *, fast: bool = True) -> list[tuple[str, str]]:
    """(shape name, whole-graph ``SELECT ?this ?value`` query) for each constraint of a rule's
    shape: ``$this`` becomes a variable bound by the shape's target class. ``fast`` swaps in
    :data:`FAST_FORMS` where one exists."""
    import pyoxigraph as ox

    from ..rules import modules

    shape = modules()[code].RULE.shape
    data = resources.files("rolegraph").joinpath(f"shapes/{shape}").read_bytes()
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TURTLE)
    rows = store.query(
        f"SELECT ?s ?cls ?q WHERE {{ ?s <{SH}targetClass> ?cls ; <{SH}sparql>/<{SH}select> ?q }} ORDER BY ?s"
    )
    out = []
    for row in rows:
        name = row["s"].value.rsplit("#", 1)[-1]
        q = FAST_FORMS.get(name, row["q"].value) if fast else row["q"].value
        q = q.replace("$this", "?this")
        at = q.index("{") + 1
        out.append((name, PREFIX + q[:at] + f" ?this <{RDF_TYPE}> <{row['cls'].value}> ." + q[at:]))
    return out


def _values(var: str, iris: list[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in iris)} }}"


CLAIM_FIELDS = f"""SELECT ?c ?id ?sid ?file ?line ?s ?o ?rel ?hedge ?min ?max ?cond ?quote ?acc WHERE {{
  __VALUES__
  ?c <{RG}claimId> ?id ; <{RG}source>/<http://purl.org/dc/terms/identifier> ?sid ; <{RG}claimsFile> ?file ;
     <{RG}line> ?line .
  OPTIONAL {{ ?c <{RG}subject> ?s }} OPTIONAL {{ ?c <{RG}object> ?o }} OPTIONAL {{ ?c <{RG}relation> ?rel }}
  OPTIONAL {{ ?c <{RG}hedge> ?hedge }} OPTIONAL {{ ?c <{RG}minSize> ?min ; <{RG}maxSize> ?max }}
  OPTIONAL {{ ?c <{RG}condition> ?cond }} OPTIONAL {{ ?c <{RG}accepts> ?acc }}
  OPTIONAL {{ ?a <{OA}hasBody> ?c ; <{OA}hasTarget>/<{OA}hasSelector>/<{OA}exact> ?quote }}
}}"""


def _local(term) -> str | None:
    return term.value.rsplit("#", 1)[1] if term is not None else None


def fetch_claims(ep: Endpoint, iris: set[str]) -> dict[str, Claim]:
    """Claims as the claim model, read back from the store (enough for the RG1xx rules)."""
    out: dict[str, Claim] = {}
    todo = sorted(iris)
    for i in range(0, len(todo), BATCH):
        q = CLAIM_FIELDS.replace("__VALUES__", _values("c", todo[i : i + BATCH]))
        for r in ep.select(q, graphs=CLAIMS):
            iri = r["c"].value
            c = out.get(iri)
            if c is None:
                lo, hi = _local(r.get("min")), _local(r.get("max"))
                scope = Scope(SIZES.index(lo), SIZES.index(hi)) if lo in SIZES and hi in SIZES else None
                c = out[iri] = Claim(
                    source_id=r["sid"].value,
                    id=r["id"].value,
                    file=r["file"].value,
                    line=int(r["line"].value),
                    subject=r["s"].value if "s" in r else None,
                    object=r["o"].value if "o" in r else None,
                    relation=_local(r.get("rel")),
                    hedge=_local(r.get("hedge")),
                    scope=scope,
                    condition=r["cond"].value if "cond" in r else None,
                    quote=r["quote"].value if "quote" in r else None,
                )
            if "acc" in r:
                c.accept[r["acc"].value] = "accepted in the claims file"
    return out


def _vocabulary(ep: Endpoint, iris: set[str]):
    from ..corpus.vocab import Role, Vocabulary

    roles: dict[str, Role] = {}
    todo = sorted(iris)
    skos = "http://www.w3.org/2004/02/skos/core#"
    for i in range(0, len(todo), BATCH):
        q = f"""SELECT ?r ?label ?family WHERE {{ {_values("r", todo[i : i + BATCH])}
          ?r <{skos}prefLabel> ?label . OPTIONAL {{ ?r <{RG}family> ?family }} }}"""
        for r in ep.select(q, graphs=WITH_ROLES):
            roles[r["r"].value] = Role(
                r["r"].value, r["label"].value, family=r["family"].value if "family" in r else None
            )
    return Vocabulary(roles, {})


def endpoint_lint(
    ep: Endpoint,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    severity: dict[str, str] | None = None,
    fail_on: str | None = None,
):
    """Lint the corpus in the store behind ``ep``; a LintReport and the corpus it rebuilt
    (the claims the findings name, for the formatters)."""
    from ..linter import LintReport, selected_codes
    from ..rules import modules
    from ..rules.base import Context

    mods = modules()
    codes = selected_codes(select or [], ignore or [])
    run = [c for c in codes if c.startswith("RG1") and mods[c].RULE.shape]
    hits: dict[str, list[tuple[str, str]]] = {}
    for code in run:
        pairs: set[tuple[str, str]] = set()
        for _name, q in rule_queries(code):
            graphs = WITH_ROLES if "rg:family" in q else CLAIMS
            pairs.update((r["this"].value, r["value"].value) for r in ep.select(q, graphs=graphs))
        hits[code] = sorted(pairs)
    claim_iris = {x for code in run if code != "RG105" for pair in hits[code] for x in pair}
    positions: dict[str, tuple[str, str]] = {}
    cycle_hits = hits.get("RG105", [])
    if cycle_hits:
        nodes = sorted({x for pair in cycle_hits for x in pair})
        for i in range(0, len(nodes), BATCH):
            values = _values("p", nodes[i : i + BATCH])
            q = f"SELECT ?p ?role ?size WHERE {{ {values} ?p <{RG}role> ?role ; <{RG}size> ?size }}"
            for r in ep.select(q, graphs=CLAIMS):
                positions[r["p"].value] = (_local(r["size"]), r["role"].value)
        roles = sorted({role for _s, role in positions.values()})
        for i in range(0, len(roles), BATCH):
            part = roles[i : i + BATCH]
            q = f"""SELECT ?c WHERE {{ {_values("h", part)} ?c <{RG}higherRole> ?h ; <{RG}lowerRole> ?l .
                FILTER (?l IN ({", ".join(f"<{r}>" for r in roles)})) }}"""
            claim_iris.update(r["c"].value for r in ep.select(q, graphs=CLAIMS))
    claims = fetch_claims(ep, claim_iris)
    role_iris = {x for c in claims.values() for x in (c.subject, c.object) if x}
    sources: dict[str, Source] = {}
    for c in sorted(claims.values(), key=lambda c: (c.source_id, c.line, c.id)):
        s = sources.setdefault(c.source_id, Source(id=c.source_id, file=c.file, line=1))
        s.claims.append(c)
    from ..corpus.settings import Settings

    corpus = Corpus(
        root=ep.url,
        sources=sorted(sources.values(), key=lambda s: s.id),
        vocabulary=_vocabulary(ep, role_iris),
        settings=Settings(),
    )
    ctx = Context(corpus)
    findings: list[Finding] = []
    for code in run:
        if code == "RG105":
            resolved = [(positions[a], positions[b], "") for a, b in hits[code] if a in positions and b in positions]
        else:
            resolved = [(claims[a], claims[b], "") for a, b in hits[code] if a in claims and b in claims]
        findings.extend(mods[code].from_shacl(ctx, resolved))
    overrides = severity or {}
    for f in findings:
        if f.code in overrides:
            f.severity = overrides[f.code]
        reasons = sorted({c.accept[f.code] for c, _ in f.claims if f.code in c.accept})
        f.accepted = "; ".join(reasons) if reasons else None
    findings.sort(key=Finding.sort_key)
    totals = ep.select(
        f"SELECT (COUNT(DISTINCT ?c) AS ?claims) (COUNT(DISTINCT ?s) AS ?sources) WHERE {{ "
        f"{{ ?c a <{RG}Claim> }} UNION {{ ?s a <{RG}Source> }} }}",
        graphs=CLAIMS,
    )
    n_claims = int(totals[0]["claims"].value) if totals else len(ctx.claims)
    n_sources = int(totals[0]["sources"].value) if totals else len(corpus.sources)
    report = LintReport(
        findings=findings,
        rules=run,
        claims=n_claims,
        sources=n_sources,
        engine="endpoint",
        fail_on=fail_on or "error",
    )
    report.not_run = [c for c in codes if c not in run]
    return report, corpus
