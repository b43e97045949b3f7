"""Sources and claims as plain values (tuples, lists, dicts, strings and ints), for the parse
cache and for claims files parsed in worker processes, and the sealed ``marshal`` framing they travel in.

``marshal`` carries them: fast, and loading them cannot run code; but bad bytes can crash the
interpreter, so every marshal payload is sealed with a blake2b checksum (:func:`seal`) and
:func:`unseal` loads it only when the checksum matches (a damaged or planted payload gives None).
It imports only ``model``; it must not import the loader, cache, pool or anything above them.
"""

from __future__ import annotations

import hashlib
import marshal

from .model import Claim, Source

_SEAL = b"\x00rolegraph-sealed-b2\x00"
_DIGEST = 32
_TRAILER = len(_SEAL) + _DIGEST


def seal(value: object) -> bytes:
    """``marshal`` bytes of ``value`` followed by a marker and their blake2b checksum."""
    payload = marshal.dumps(value)
    return payload + _SEAL + hashlib.blake2b(payload, digest_size=_DIGEST).digest()


def unseal(data: bytes) -> object | None:
    """The value :func:`seal` stored, or None when the bytes are not exactly what it wrote."""
    if not isinstance(data, bytes) or len(data) <= _TRAILER or data[-_TRAILER:-_DIGEST] != _SEAL:
        return None
    payload = memoryview(data)[:-_TRAILER]
    if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != data[-_DIGEST:]:
        return None
    try:
        # the checksum was verified above: only bytes that seal() wrote reach marshal
        return marshal.loads(payload)  # nosec B302
    except (EOFError, ValueError, TypeError):
        return None


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
    "extracted",
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
    cached load); the resolved fields are filled in later by :func:`rolegraph.corpus.load.resolve`."""
    return Claim(
        source_id, id, file, line, None, None, None, None, None, quote, occurrence, condition, note, accept,
        subject_text, object_text, relation_text, scope_text, hedge_text, start, end, prefix, suffix, lines, proposed,
    )  # fmt: skip
