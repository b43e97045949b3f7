"""The claims-file parser: the YAML values of one claims file -> a ``Source`` with its ``Claim`` objects.

Every problem is named by file and line; a problem inside one claim item (a wrong type, an unknown or
duplicate key) is tagged with that claim (``Problem.claim``) and the claim is kept out of the ``Source``,
so a publishing load can leave out that claim alone; any other problem spoils the whole file. Role
names, relation, scope and hedge are kept as written (resolution against the vocabulary happens in
:mod:`rolegraph.corpus.load`). It reads no file: it takes text. It imports only ``yamlsafe``, ``errors``
and ``model`` (plus pyoxigraph lazily, to check IRIs) and must not import any other module of ``rolegraph.corpus``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from .. import yamlsafe
from ..errors import Problem
from ..model import Claim, Source
from ..yamlsafe import short

MAX_CLAIMS_PER_FILE = 5_000
MAX_OCCURRENCE = 1_000

SOURCE_KEYS = ("id", "title", "url", "retrieved", "snapshot", "sha256")
CLAIM_KEYS = (
    "id",
    "subject",
    "relation",
    "object",
    "quote",
    "occurrence",
    "scope",
    "hedge",
    "condition",
    "note",
    "accept",
    "proposed",
)
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")  # always used with fullmatch
_SHA = re.compile(r"[0-9a-f]{64}")
_CODE = re.compile(r"RG\d{3}")
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def did_you_mean(word: str, options: tuple[str, ...]) -> str:
    """`` (did you mean 'x'?)`` for the closest option, or ``""``."""
    import difflib

    if len(word) > 64:
        return ""
    hit = difflib.get_close_matches(word, options, n=1)
    return f" (did you mean '{hit[0]}'?)" if hit else ""


@dataclass
class _Ctx:
    file: str
    problems: list[Problem]

    def bad(self, line: int, msg: str) -> None:
        self.problems.append(Problem(self.file, line, msg))


def _text(ctx: _Ctx, obj: dict, key: str, *, required: bool = False) -> str | None:
    """A text field: None when absent or null; a problem when it has another type."""
    val = obj.get(key)
    if val is None or val.__class__ is str:
        return val
    line = obj.lines.get(key, obj.line)
    if isinstance(val, bool) or not isinstance(val, (str, int, float)):
        kind = "a list" if isinstance(val, list) else "a mapping" if isinstance(val, dict) else repr(val)
        ctx.bad(line, f"'{key}' must be text, not {kind}")
        return None
    if not isinstance(val, str):
        if key in ("subject", "object", "relation", "hedge", "scope", "id", "quote"):
            ctx.bad(line, f"'{key}' must be text, not the number {short(repr(val))}; quote it if you mean it")
            return None
        return str(val)
    return val


def parse_claims_file(rel: str, text: str) -> tuple[Source | None, list[Problem]]:
    """Parse one claims file's text into a Source with its claims (roles not yet resolved)."""
    ctx = _Ctx(rel, [])
    stem = Path(rel).stem
    duplicates: list[yamlsafe.Duplicate] = []
    try:
        doc = yamlsafe.load(text, duplicates)
    except yamlsafe.YAMLProblem as e:
        return None, [Problem(rel, e.line, e.message)]
    if doc is None:
        return None, [Problem(rel, 1, "empty claims file; add a 'source:' header and a 'claims:' list")]
    if not isinstance(doc, yamlsafe.YMap):
        return None, [
            Problem(
                rel,
                getattr(doc, "line", 1),
                "a claims file must be a mapping with 'source:' and 'claims:'",
            )
        ]
    in_claim = _duplicates_in_claims(doc.get("claims"), duplicates)
    for container, key, line, first in duplicates:
        if id(container) not in in_claim:
            ctx.bad(line, yamlsafe.duplicate_message(key, first))
    for key in doc:
        if key not in ("source", "claims", "extracted"):
            hint = did_you_mean(key, ("source", "claims", "extracted"))
            ctx.bad(doc.lines[key], f"unknown key '{short(key)}'{hint}; a claims file has 'source:' and 'claims:'")
    head = doc.get("source")
    if not isinstance(head, yamlsafe.YMap):
        ctx.bad(
            doc.lines.get("source", 1),
            "missing 'source:' header (id, title, url, retrieved, snapshot, sha256)",
        )
        return None, ctx.problems
    for key in head:
        if key not in SOURCE_KEYS:
            ctx.bad(head.lines[key], f"unknown source key '{short(key)}'{did_you_mean(key, SOURCE_KEYS)}")
    sid = _text(ctx, head, "id") or stem
    if sid != stem:
        ctx.bad(
            head.lines.get("id", head.line),
            f"source id '{short(sid)}' does not match the file name '{short(stem)}.yaml'; rename one",
        )
    if not _ID.fullmatch(sid):
        ctx.bad(
            head.lines.get("id", head.line),
            "source id must be letters, digits, '.', '_' or '-' (at most 128)",
        )
    retrieved = _text(ctx, head, "retrieved")
    source = Source(
        id=sid,
        file=rel,
        line=head.line,
        title=_text(ctx, head, "title"),
        url=_text(ctx, head, "url"),
        retrieved=retrieved,
        snapshot=_text(ctx, head, "snapshot"),
        sha256=_text(ctx, head, "sha256"),
        lines=dict(head.lines),
    )
    source.extracted = _extracted(ctx, doc)
    if source.sha256 is not None:
        source.sha256 = source.sha256.strip().lower()
        if not _SHA.fullmatch(source.sha256):
            ctx.bad(head.lines["sha256"], "sha256 must be 64 hex digits (run: sha256sum SNAPSHOT)")
    if source.url is not None and not _valid_url(source.url):
        ctx.bad(head.lines["url"], "url must be an http(s) URL without spaces (a valid IRI)")
    if source.snapshot is None:
        ctx.bad(
            head.lines.get("snapshot", head.line),
            "missing 'snapshot:' (path of the source text, e.g. sources/ID.txt)",
        )

    claims = doc.get("claims")
    if claims is None:
        claims = yamlsafe.YSeq()
        claims.lines = []
    if not isinstance(claims, yamlsafe.YSeq):
        ctx.bad(doc.lines.get("claims", 1), "'claims:' must be a list of claims")
        return source, ctx.problems
    if len(claims) > MAX_CLAIMS_PER_FILE:
        ctx.bad(
            claims.lines[MAX_CLAIMS_PER_FILE],
            f"{len(claims)} claims, over the limit of {MAX_CLAIMS_PER_FILE} per file; split the source",
        )
        return source, ctx.problems
    seen: dict[str, int] = {}
    for i, item in enumerate(claims):
        line = claims.lines[i]
        if not isinstance(item, yamlsafe.YMap):
            ctx.bad(line, "each claim must be a mapping (subject, relation, object, quote, ...)")
            continue
        before = len(ctx.problems)
        claim = _parse_claim(ctx, sid, rel, item)
        for container, key, dup_line, first in duplicates:
            if in_claim.get(id(container)) == i:
                ctx.bad(dup_line, yamlsafe.duplicate_message(key, first))
        if len(ctx.problems) > before:  # this claim alone is left out of a publishing load
            written = item.get("id")
            label = written if written.__class__ is str and _ID.fullmatch(written) else ""
            tag = (sid, label, item.line)
            ctx.problems[before:] = [replace(p, claim=tag) for p in ctx.problems[before:]]
            continue
        if claim.id in seen:
            ctx.bad(
                claim.line,
                f"duplicate claim id '{claim.id}' (first at line {seen[claim.id]}); ids must be unique in a file",
            )
            continue
        seen[claim.id] = claim.line
        source.claims.append(claim)
    return source, ctx.problems


_PROPOSAL_ID = re.compile(r"[0-9a-f]{12}")


def _extracted(ctx: _Ctx, doc) -> list[str]:
    """The ``extracted:`` list: ids of the proposals extract has written to this file before."""
    val = doc.get("extracted")
    if val is None:
        return []
    line = doc.lines.get("extracted", 1)
    if not isinstance(val, list) or not all(isinstance(v, str) and _PROPOSAL_ID.fullmatch(v) for v in val):
        ctx.bad(line, "'extracted' must be a list of proposal ids (12 hex digits) written by extract --write")
        return []
    return list(val)


def _duplicates_in_claims(claims: object, duplicates: list[yamlsafe.Duplicate]) -> dict[int, int]:
    """id() of every mapping inside a claim item that holds a duplicate key -> the item's index."""
    if not duplicates or not isinstance(claims, yamlsafe.YSeq):
        return {}
    owner: dict[int, int] = {}
    for i, item in enumerate(claims):
        stack = [item] if isinstance(item, yamlsafe.YMap) else []
        while stack:  # claims are shallow (the YAML reader caps the depth)
            node = stack.pop()
            owner[id(node)] = i
            values = node.values() if isinstance(node, dict) else node
            stack.extend(v for v in values if isinstance(v, (yamlsafe.YMap, yamlsafe.YSeq)))
    return owner


def _valid_url(url: str) -> bool:
    """An http(s) URL that RDF tools accept as an IRI."""
    if not _URL.fullmatch(url):
        return False
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(url)
    except ValueError:
        return False
    return True


def _parse_claim(ctx: _Ctx, sid: str, rel: str, item: yamlsafe.YMap) -> Claim:
    for key in item:
        if key not in CLAIM_KEYS:
            ctx.bad(item.lines[key], f"unknown claim key '{short(key)}'{did_you_mean(key, CLAIM_KEYS)}")
    c = Claim(source_id=sid, id="", file=rel, line=item.line, lines=dict(item.lines))
    c.subject_text = _text(ctx, item, "subject")
    c.relation_text = _text(ctx, item, "relation")
    c.object_text = _text(ctx, item, "object")
    c.quote = _text(ctx, item, "quote")
    c.scope_text = _text(ctx, item, "scope")
    c.hedge_text = _text(ctx, item, "hedge")
    c.condition = _text(ctx, item, "condition")
    c.note = _text(ctx, item, "note")
    occ = item.get("occurrence", 1)
    if occ is None:
        occ = 1
    if isinstance(occ, bool) or not isinstance(occ, int) or not 1 <= occ <= MAX_OCCURRENCE:
        ctx.bad(
            item.lines.get("occurrence", item.line),
            f"'occurrence' must be a whole number from 1 to {MAX_OCCURRENCE} (which occurrence of the quote)",
        )
        occ = 1
    c.occurrence = occ
    proposed = item.get("proposed", False)
    if not isinstance(proposed, bool):
        ctx.bad(item.lines["proposed"], "'proposed' must be true or false (delete the line to accept the claim)")
    else:
        c.proposed = proposed
    acc = item.get("accept")
    if acc is not None:
        if not isinstance(acc, yamlsafe.YMap):
            ctx.bad(
                item.lines["accept"],
                "'accept' must map rule codes to reasons, e.g. accept: {RG101: \"why\"}",
            )
        else:
            for code, reason in acc.items():
                if not _CODE.fullmatch(code):
                    ctx.bad(acc.lines[code], f"accept: '{short(code)}' is not a rule code like RG101")
                elif not isinstance(reason, str) or not reason.strip():
                    ctx.bad(acc.lines[code], f"accept: {code} needs a reason in words")
                else:
                    c.accept[code] = reason
    cid = _text(ctx, item, "id")
    if cid is None:
        basis = "\x00".join(
            str(x)
            for x in (
                c.subject_text,
                c.relation_text,
                c.object_text,
                c.quote,
                c.occurrence,
                c.scope_text,
            )
        )
        cid = "c-" + hashlib.sha1(basis.encode(), usedforsecurity=False).hexdigest()[:10]
    elif not _ID.fullmatch(cid):
        ctx.bad(item.lines["id"], "claim id must be letters, digits, '.', '_' or '-' (at most 128)")
    c.id = cid
    return c
