"""Corpus folder -> typed claim model, with every problem named by file and line.

Hard problems (a file that is not YAML, a wrong type, an unknown key, a path leading out of
the corpus) raise :class:`InputError` listing all of them. Soft problems (an unknown role, a
quote not in the snapshot, ...) stay in the model for the lint rules to report.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from . import yamlsafe
from .errors import InputError, Problem
from .model import ANY, HEDGES, RELATIONS, Claim, Corpus, Scope, Source

MAX_CLAIMS_FILE_BYTES = yamlsafe.MAX_FILE_BYTES
MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024
QUOTE_CONTEXT = 32  # characters of prefix and suffix kept with each quote

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
)
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_SHA = re.compile(r"[0-9a-f]{64}$")
_CODE = re.compile(r"RG\d{3}$")


def bundled_corpus_path() -> Path:
    """The default corpus shipped inside the package."""
    return Path(str(resources.files("rolegraph").joinpath("data/corpus")))


def _did_you_mean(word: str, options: tuple[str, ...]) -> str:
    import difflib

    hit = difflib.get_close_matches(word, options, n=1)
    return f" (did you mean '{hit[0]}'?)" if hit else ""


def inside(root: Path, rel: str) -> Path | None:
    """``root/rel`` when it stays inside ``root`` after resolving links, else None."""
    if not rel or os.path.isabs(rel) or rel.startswith(("\\", "/")) or "\x00" in rel:
        return None
    target = (root / rel).resolve()
    try:
        target.relative_to(root.resolve())
    except ValueError:
        return None
    return target


def decode(data: bytes, where: str) -> str:
    """UTF-8 text (a BOM is dropped) or an error naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(Problem(where, line, f"not UTF-8 text (byte {e.start}); save the file as UTF-8")) from None


# ----------------------------------------------------------------------------- one claims file


@dataclass
class _Ctx:
    file: str
    problems: list[Problem]

    def bad(self, line: int, msg: str) -> None:
        self.problems.append(Problem(self.file, line, msg))


def _text(ctx: _Ctx, obj: dict, key: str, *, required: bool = False) -> str | None:
    """A text field: None when absent or null; a problem when it has another type."""
    if key not in obj or obj[key] is None:
        return None
    val = obj[key]
    line = obj.lines.get(key, obj.line)
    if isinstance(val, bool) or not isinstance(val, (str, int, float)):
        kind = "a list" if isinstance(val, list) else "a mapping" if isinstance(val, dict) else repr(val)
        ctx.bad(line, f"'{key}' must be text, not {kind}")
        return None
    if not isinstance(val, str):
        if key in ("subject", "object", "relation", "hedge", "scope", "id", "quote"):
            ctx.bad(line, f"'{key}' must be text, not the number {val!r}; quote it if you mean it")
            return None
        return str(val)
    return val


def parse_claims_file(rel: str, text: str) -> tuple[Source | None, list[Problem]]:
    """Parse one claims file's text into a Source with its claims (roles not yet resolved)."""
    ctx = _Ctx(rel, [])
    stem = Path(rel).stem
    try:
        doc = yamlsafe.load(text)
    except yamlsafe.YAMLProblem as e:
        return None, [Problem(rel, e.line, e.message)]
    if doc is None:
        return None, [Problem(rel, 1, "empty claims file; add a 'source:' header and a 'claims:' list")]
    if not isinstance(doc, yamlsafe.YMap):
        return None, [Problem(rel, getattr(doc, "line", 1), "a claims file must be a mapping with 'source:' and 'claims:'")]
    for key in doc:
        if key not in ("source", "claims"):
            ctx.bad(doc.lines[key], f"unknown key '{key}'{_did_you_mean(key, ('source', 'claims'))}; a claims file has 'source:' and 'claims:'")
    head = doc.get("source")
    if not isinstance(head, yamlsafe.YMap):
        ctx.bad(doc.lines.get("source", 1), "missing 'source:' header (id, title, url, retrieved, snapshot, sha256)")
        return None, ctx.problems
    for key in head:
        if key not in SOURCE_KEYS:
            ctx.bad(head.lines[key], f"unknown source key '{key}'{_did_you_mean(key, SOURCE_KEYS)}")
    sid = _text(ctx, head, "id") or stem
    if sid != stem:
        ctx.bad(head.lines.get("id", head.line), f"source id '{sid}' does not match the file name '{stem}.yaml'; rename one")
    if not _ID.match(sid):
        ctx.bad(head.lines.get("id", head.line), "source id must be letters, digits, '.', '_' or '-' (at most 128)")
    retrieved = head.get("retrieved")
    retrieved = None if retrieved is None else str(retrieved)
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
    if source.sha256 is not None:
        source.sha256 = source.sha256.strip().lower()
        if not _SHA.match(source.sha256):
            ctx.bad(head.lines["sha256"], "sha256 must be 64 hex digits (run: sha256sum SNAPSHOT)")
    if source.url is not None and not re.match(r"https?://[^\s<>\"{}|\\^`]+$", source.url):
        ctx.bad(head.lines["url"], "url must be an http(s) URL without spaces")
    if source.snapshot is None:
        ctx.bad(head.lines.get("snapshot", head.line), "missing 'snapshot:' (path of the source text, e.g. sources/ID.txt)")

    claims = doc.get("claims")
    if claims is None:
        claims = yamlsafe.YSeq()
        claims.lines = []
    if not isinstance(claims, yamlsafe.YSeq):
        ctx.bad(doc.lines.get("claims", 1), "'claims:' must be a list of claims")
        return source, ctx.problems
    seen: dict[str, int] = {}
    for i, item in enumerate(claims):
        line = claims.lines[i]
        if not isinstance(item, yamlsafe.YMap):
            ctx.bad(line, "each claim must be a mapping (subject, relation, object, quote, ...)")
            continue
        claim = _parse_claim(ctx, sid, rel, item)
        if claim is None:
            continue
        if claim.id in seen:
            ctx.bad(claim.line, f"duplicate claim id '{claim.id}' (first at line {seen[claim.id]}); ids must be unique in a file")
            continue
        seen[claim.id] = claim.line
        source.claims.append(claim)
    return source, ctx.problems


def _parse_claim(ctx: _Ctx, sid: str, rel: str, item: yamlsafe.YMap) -> Claim | None:
    before = len(ctx.problems)
    for key in item:
        if key not in CLAIM_KEYS:
            ctx.bad(item.lines[key], f"unknown claim key '{key}'{_did_you_mean(key, CLAIM_KEYS)}")
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
    if isinstance(occ, bool) or not isinstance(occ, int) or occ < 1:
        ctx.bad(item.lines.get("occurrence", item.line), "'occurrence' must be a whole number from 1 (which occurrence of the quote)")
        occ = 1
    c.occurrence = occ
    acc = item.get("accept")
    if acc is not None:
        if not isinstance(acc, yamlsafe.YMap):
            ctx.bad(item.lines["accept"], "'accept' must map rule codes to reasons, e.g. accept: {RG101: \"why\"}")
        else:
            for code, reason in acc.items():
                if not _CODE.match(code):
                    ctx.bad(acc.lines[code], f"accept: '{code}' is not a rule code like RG101")
                elif not isinstance(reason, str) or not reason.strip():
                    ctx.bad(acc.lines[code], f"accept: {code} needs a reason in words")
                else:
                    c.accept[code] = reason
    cid = _text(ctx, item, "id")
    if cid is None:
        basis = "\x00".join(str(x) for x in (c.subject_text, c.relation_text, c.object_text, c.quote, c.occurrence, c.scope_text))
        cid = "c-" + hashlib.sha1(basis.encode()).hexdigest()[:10]
    elif not _ID.match(cid):
        ctx.bad(item.lines["id"], "claim id must be letters, digits, '.', '_' or '-' (at most 128)")
    c.id = cid
    return c if len(ctx.problems) == before else None


# ----------------------------------------------------------------------------- snapshots and quotes


def attach_snapshot(root: Path, source: Source, text: str | None) -> None:
    """Record the snapshot's checksum and each claim's quote offsets (None when not found)."""
    for c in source.claims:
        c.start = c.end = None
        c.prefix = c.suffix = ""
        if text is None or not c.quote:
            continue
        pos = -1
        for _ in range(c.occurrence):
            pos = text.find(c.quote, pos + 1)
            if pos < 0:
                break
        if pos >= 0:
            c.start, c.end = pos, pos + len(c.quote)
            c.prefix = text[max(0, pos - QUOTE_CONTEXT) : pos]
            c.suffix = text[c.end : c.end + QUOTE_CONTEXT]


def read_snapshot(root: Path, source: Source, problems: list[Problem]) -> tuple[bytes | None, str | None]:
    if source.snapshot is None:
        return None, None
    where = f"{source.file}:{source.line_of('snapshot')}"
    path = inside(root, source.snapshot)
    if path is None:
        problems.append(
            Problem(source.file, source.line_of("snapshot"), f"snapshot path '{source.snapshot}' leads outside the corpus; keep snapshots under sources/")
        )
        return None, None
    if not path.is_file():
        return None, None  # reported by rule RG006 (snapshot-missing)
    size = path.stat().st_size
    if size > MAX_SNAPSHOT_BYTES:
        problems.append(Problem(source.file, source.line_of("snapshot"), f"snapshot is {size} bytes, over the {MAX_SNAPSHOT_BYTES} byte limit"))
        return None, None
    data = path.read_bytes()
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        problems.append(Problem(source.snapshot, line, f"snapshot is not UTF-8 (byte {e.start}, named at {where}); save it as UTF-8"))
        return None, None


# ----------------------------------------------------------------------------- resolution


def resolve(source: Source, vocabulary) -> None:
    """Resolve written role names, relation, scope and hedge against the vocabulary."""
    for c in source.claims:
        c.subject = vocabulary.resolve(c.subject_text) if c.subject_text else None
        c.object = vocabulary.resolve(c.object_text) if c.object_text else None
        rel = c.relation_text.strip().lower().replace("-", "_").replace(" ", "_") if c.relation_text else None
        c.relation = rel if rel in RELATIONS else None
        c.scope = ANY if c.scope_text is None else Scope.parse(c.scope_text)
        h = c.hedge_text.strip().lower() if c.hedge_text is not None else "definite"
        c.hedge = h if h in HEDGES else None


# ----------------------------------------------------------------------------- the corpus


def claim_files(root: Path) -> list[Path]:
    folder = root / "claims"
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def read_claims_file(root: Path, path: Path, problems: list[Problem]) -> tuple[str, bytes] | None:
    rel = path.relative_to(root).as_posix()
    if path.is_symlink() and inside(root, rel) is None:
        problems.append(Problem(rel, 0, "symlink leads outside the corpus; replace it with the file"))
        return None
    if not path.is_file():
        problems.append(Problem(rel, 0, "not a regular file"))
        return None
    size = path.stat().st_size
    if size > MAX_CLAIMS_FILE_BYTES:
        problems.append(Problem(rel, 0, f"file is {size} bytes, over the {MAX_CLAIMS_FILE_BYTES} byte limit; split the source's claims"))
        return None
    return rel, path.read_bytes()


def load_corpus(path: str | os.PathLike[str] | None = None, *, cache: bool = False) -> Corpus:
    """Load a corpus folder (the bundled corpus when ``path`` is None).

    Raises :class:`InputError` with every hard problem found.
    """
    from .settings import load_settings
    from .vocab import load_vocabulary

    bundled = path is None
    root = bundled_corpus_path() if bundled else Path(path)
    if not root.is_dir():
        raise InputError(Problem(str(root), 0, "not a folder; pass a corpus folder (see: rolegraph init)"))
    if not (root / "claims").is_dir():
        raise InputError(Problem(str(root), 0, "not a rolegraph corpus: no claims/ folder (start one with: rolegraph init DIR)"))
    problems: list[Problem] = []
    settings = vocabulary = None
    try:
        settings = load_settings(root / "rolegraph.toml" if (root / "rolegraph.toml").is_file() else None)
    except InputError as e:
        problems.extend(e.problems)
    try:
        vocabulary = load_vocabulary(root / "roles.ttl" if (root / "roles.ttl").is_file() else None)
    except InputError as e:
        problems.extend(e.problems)

    if cache and not bundled:
        from .cache import load_sources_cached

        sources = load_sources_cached(root, problems)
    else:
        sources = load_sources(root, problems)
    if problems:
        raise InputError(problems)
    for s in sources:
        resolve(s, vocabulary)
    return Corpus(root=str(root), sources=sources, vocabulary=vocabulary, settings=settings, bundled=bundled)


def load_one(root: Path, path: Path, problems: list[Problem]) -> Source | None:
    """Read, parse and attach the snapshot of one claims file."""
    got = read_claims_file(root, path, problems)
    if got is None:
        return None
    rel, data = got
    try:
        text = decode(data, rel)
    except InputError as e:
        problems.extend(e.problems)
        return None
    source, errs = parse_claims_file(rel, text)
    problems.extend(errs)
    if source is None or errs:
        return None
    snap, snap_text = read_snapshot(root, source, problems)
    source.actual_sha256 = hashlib.sha256(snap).hexdigest() if snap is not None else None
    attach_snapshot(root, source, snap_text)
    return source


def load_sources(root: Path, problems: list[Problem]) -> list[Source]:
    sources: list[Source] = []
    for path in claim_files(root):
        s = load_one(root, path, problems)
        if s is not None:
            sources.append(s)
    return sorted(sources, key=lambda s: s.id)
