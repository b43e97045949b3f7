"""The consensus as RDF: one named graph of verdicts, ladder tiers and copy groups, with PROV-O.

Per size and pair of roles a ``rg:Verdict`` node (direction or ``rg:contested``, agreement,
independent sources, the claims that voted as ``prov:wasDerivedFrom``, each dissenting claim
as ``rg:dissent``); per size and placed role a ``rg:Placement`` with its 1-based ladder tier;
per copy group a ``rg:CopyGroup`` with its claims and sources. Everything is
``prov:wasGeneratedBy`` one ``prov:Activity`` that records the rolegraph version and the
settings (minimum agreement, similarity, hedge weights). The terms are in
``data/ontology.ttl``. Reads a :class:`ConsensusResult`; must not import the CLI, the linter
or the SPARQL package.
"""

from __future__ import annotations

import hashlib

from ..compiler import BASE, PROV, RDF, RG, XSD, lit, num, source_iri
from .core import ConsensusResult

GRAPH = f"{BASE}corpus/consensus"
ACTIVITY = f"{BASE}consensus/activity"
_A = f"<{RDF}type>"


def _rg(name: str) -> str:
    return f"<{RG}{name}>"


def _dec(value: float) -> str:
    return f'"{value:.4f}"^^<{XSD}decimal>'


def _short(iri: str) -> str:
    return hashlib.sha1(iri.encode()).hexdigest()[:16]


def claim_ref_iri(ref: str) -> str:
    """The claim IRI of a consensus reference ``source/claim``."""
    return f"{BASE}claim/{ref}"


def verdict_iri(size: str, a: str, b: str) -> str:
    return f"{BASE}consensus/{size}/verdict/{_short(a)}-{_short(b)}"


def consensus_lines(result: ConsensusResult, version: str) -> list[str]:
    """The consensus graph as sorted, unique N-Triples lines."""
    out: set[str] = set()

    def add(s: str, p: str, o: str) -> None:
        out.add(f"{s} {p} {o} .\n")

    act = f"<{ACTIVITY}>"
    add(act, _A, f"<{PROV}Activity>")
    add(act, _A, _rg("ConsensusRun"))
    add(act, _rg("softwareVersion"), lit(version))
    add(act, _rg("minAgreement"), _dec(result.min_agreement))
    add(act, _rg("similarity"), _dec(result.similarity))
    for hedge, weight in sorted(result.weights.items()):
        w = f"<{ACTIVITY}/weight/{hedge}>"
        add(act, _rg("weightSetting"), w)
        add(w, _rg("hedge"), _rg(hedge))
        add(w, _rg("weight"), _dec(weight))
    gen = f"<{PROV}wasGeneratedBy>"
    for size, sr in result.sizes.items():
        for p in sr.pairs:
            v = f"<{verdict_iri(size, *p.roles)}>"
            add(v, _A, _rg("Verdict"))
            add(v, gen, act)
            add(v, _rg("size"), _rg(size))
            add(v, _rg("firstRole"), f"<{p.roles[0]}>")
            add(v, _rg("secondRole"), f"<{p.roles[1]}>")
            add(v, _rg("direction"), _rg(p.verdict))
            if p.verdict == "above":
                add(v, _rg("judgedHigher"), f"<{p.roles[0]}>")
                add(v, _rg("judgedLower"), f"<{p.roles[1]}>")
            if p.leaning:
                add(v, _rg("leaning"), _rg(p.leaning))
            add(v, _rg("agreement"), _dec(p.agreement))
            add(v, _rg("independentSources"), num(p.independent_sources))
            for ref in p.claims:
                add(v, f"<{PROV}wasDerivedFrom>", f"<{claim_ref_iri(ref)}>")
            for ref in p.dissent:
                add(v, _rg("dissent"), f"<{claim_ref_iri(ref)}>")
        for tier, roles in enumerate(sr.ladder, start=1):
            for role in roles:
                n = f"<{BASE}consensus/{size}/placement/{_short(role)}>"
                add(n, _A, _rg("Placement"))
                add(n, gen, act)
                add(n, _rg("size"), _rg(size))
                add(n, _rg("role"), f"<{role}>")
                add(n, _rg("tier"), num(tier))
        for role in sr.unplaced:
            n = f"<{BASE}consensus/{size}/placement/{_short(role)}>"
            add(n, _A, _rg("Placement"))
            add(n, gen, act)
            add(n, _rg("size"), _rg(size))
            add(n, _rg("role"), f"<{role}>")
            add(n, _rg("unplaced"), f'"true"^^<{XSD}boolean>')
    for g in result.copy_groups:
        n = f"<{BASE}consensus/copy/{g.id}>"
        add(n, _A, _rg("CopyGroup"))
        add(n, gen, act)
        add(n, _rg("firstRole"), f"<{g.roles[0]}>")
        add(n, _rg("secondRole"), f"<{g.roles[1]}>")
        add(n, _rg("quoteText"), lit(g.quote))
        for ref in g.claims:
            add(n, f"<{PROV}hadMember>", f"<{claim_ref_iri(ref)}>")
        for sid in g.sources:
            add(n, _rg("source"), f"<{source_iri(sid)}>")
    return sorted(out)


def consensus_graph(corpus) -> dict[str, list[str]]:
    """The consensus graph of a corpus (or :class:`~rolegraph.usable.UsableCorpus`), for
    ``export(..., extra_graphs=...)``: ``{GRAPH: sorted N-Triples lines}``."""
    from .. import __version__
    from . import consensus

    return {GRAPH: consensus_lines(consensus(corpus), __version__)}
