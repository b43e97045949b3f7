"""Which statements a roles.ttl may make: the terms rolegraph reads, and the refusal of any other one.

A role file is read for a few terms only (roles, labels, families, merges, retirements: README "Your own
roles"); a corpus's roles.ttl that says anything else would be silently ignored, so such a statement
is refused with its line instead, as is a label that is not text (``skos:prefLabel 42``). Statements
that change nothing (scheme membership, notes and comments) are let through. Part of
``rolegraph.corpus``: it imports ``yamlsafe`` (for ``short``) and :mod:`rolegraph.corpus.vocab_model`
only; it must not import ``vocab_build``, ``vocab``, settings, the parser or ``load``.
"""

from __future__ import annotations

from ..yamlsafe import short
from .vocab_model import RG, SKOS, curie

OWL = "http://www.w3.org/2002/07/owl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
REMOVED = RG + "removedAltLabel"

#: Predicates whose object is a label: a plain or language-tagged string.
TEXTS = frozenset({SKOS + "prefLabel", SKOS + "altLabel", REMOVED})
STRINGS = frozenset({XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"})
#: The predicates rolegraph reads in a role file (owl:imports and owl:sameAs only to refuse them with advice).
READ = frozenset(
    {RDF_TYPE, OWL + "imports", OWL + "sameAs", OWL + "deprecated", SKOS + "member", SKOS + "exactMatch"}
    | {RG + "family"}
    | TEXTS
)
#: The classes a role file may type things with.
TYPES = frozenset({RG + "Role", SKOS + "Concept", SKOS + "Collection", SKOS + "ConceptScheme"})
#: Statements a corpus roles.ttl may make that change nothing: scheme membership and documentation.
NOTES = frozenset(
    [SKOS + n for n in ("inScheme", "topConceptOf", "hasTopConcept", "definition", "scopeNote", "note")]
    + [SKOS + n for n in ("editorialNote", "changeNote", "historyNote", "example")]
    + [RDFS + "comment", RDFS + "seeAlso"]
)


def refusal(p: str, o: object, *, builtin: bool) -> str | None:
    """Why the statement ``? p o`` may not stand in a role file, or None.

    ``o`` is an IRI (str) or a pyoxigraph term; built-in files are trusted to say only what they mean,
    so of them only labels are checked.
    """
    if p in TEXTS:
        dt = getattr(getattr(o, "datatype", None), "value", None)
        if dt not in STRINGS:
            return f'{curie(p)} takes a text such as "Growth PM"@en, not {_kind(o, dt)}'
        return None
    if builtin or p in NOTES or p in READ and (p != RDF_TYPE or o in TYPES):
        return None
    if p == RDF_TYPE:
        said = f"'a {curie(o) if isinstance(o, str) else 'blank node'}'"
        use = "type a role rg:Role (or skos:Concept) and a family skos:Collection"
    else:
        said = curie(p)
        use = "write it as one of those statements, or leave it out"
        if p == RDFS + "label":
            use = "name a role with skos:prefLabel and skos:altLabel"
    return f'{said} is not understood in a roles.ttl: it is none of the overrides README "Your own roles" lists; {use}'


def _kind(o: object, datatype: str | None) -> str:
    """How an object that is not text is named in a message (``the number 42``)."""
    if isinstance(o, str):
        return "an IRI"
    if datatype is None:
        return "a blank node"
    value = short(getattr(o, "value", ""))
    if datatype in (XSD + "integer", XSD + "decimal", XSD + "double"):
        return f"the number {value}"
    return f"a literal of type {curie(datatype)} ('{value}')"
