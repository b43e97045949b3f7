"""Sources and claims as plain values (tuples, lists, dicts, strings and ints), for the parse
cache and for claims files parsed in worker processes. ``marshal`` carries them: fast, and
loading them cannot run code."""

from __future__ import annotations

from .model import Claim, Source

CLAIM_FIELDS = (
    "source_id", "id", "file", "line", "quote", "occurrence", "condition", "note", "accept",
    "subject_text", "object_text", "relation_text", "scope_text", "hedge_text",
    "start", "end", "prefix", "suffix", "lines", "proposed",
)  # fmt: skip
SOURCE_FIELDS = (
    "id",
    "file",
    "line",
    "title",
    "url",
    "retrieved",
    "snapshot",
    "sha256",
    "actual_sha256",
    "lines",
)


def dump_source(s: Source) -> tuple:
    """A parsed source as plain values; the resolved fields are left out (see :func:`load_source`)."""
    return (
        tuple(getattr(s, f) for f in SOURCE_FIELDS),
        [tuple(getattr(c, f) for f in CLAIM_FIELDS) for c in s.claims],
    )


def load_source(t: tuple) -> Source | None:
    """The source of :func:`dump_source`'s values; None when they are damaged."""
    try:
        head, claims = t
        s = Source(**dict(zip(SOURCE_FIELDS, head, strict=True)))
        s.claims = [_claim(*c) for c in claims]
    except (TypeError, ValueError):
        return None
    return s


def _claim(
    source_id, id, file, line, quote, occurrence, condition, note, accept,
    subject_text, object_text, relation_text, scope_text, hedge_text, start, end, prefix, suffix, lines, proposed,
) -> Claim:  # fmt: skip
    """A claim from the values of :data:`CLAIM_FIELDS`, positionally (the hot path of a
    cached load); the resolved fields are filled in later by :func:`rolegraph.loader.resolve`."""
    return Claim(
        source_id, id, file, line, None, None, None, None, None, quote, occurrence, condition, note, accept,
        subject_text, object_text, relation_text, scope_text, hedge_text, start, end, prefix, suffix, lines, proposed,
    )  # fmt: skip
