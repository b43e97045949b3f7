"""Corpus folder -> typed claim model, with every problem named by file and line.

Hard problems (a file that is not YAML, a wrong type, an unknown key, a path leading out of
the corpus) raise :class:`InputError` listing all of them. Soft problems (an unknown role, a
quote not in the snapshot, ...) stay in the model for the lint rules to report.

Every input is untrusted: files are read only when they are regular files inside the corpus
(after resolving symlinks) and within a size limit checked before reading, and the work of one
load (snapshot bytes read, snapshot text scanned for quotes) has a budget, so a hostile corpus
costs bounded time and memory or is refused with a message naming the limit.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import yamlsafe
from .errors import InputError, Problem
from .model import ANY, HEDGES, RELATIONS, Claim, Corpus, Scope, Source
from .yamlsafe import short

MAX_CLAIMS_FILE_BYTES = yamlsafe.MAX_FILE_BYTES
MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024
MAX_CLAIMS_PER_FILE = 5_000
MAX_OCCURRENCE = 1_000
MAX_SNAPSHOT_BYTES_PER_LOAD = 1024 * 1024 * 1024  # all snapshots read by one load together
MAX_QUOTE_SEARCH = 1_000_000_000  # characters of snapshot text scanned for quotes per load
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
    "proposed",
)
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")  # always used with fullmatch
_SHA = re.compile(r"[0-9a-f]{64}")
_CODE = re.compile(r"RG\d{3}")
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def bundled_corpus_path() -> Path:
    """The default corpus shipped inside the package."""
    return Path(str(resources.files("rolegraph").joinpath("data/corpus")))


def did_you_mean(word: str, options: tuple[str, ...]) -> str:
    """`` (did you mean 'x'?)`` for the closest option, or ``""``."""
    import difflib

    if len(word) > 64:
        return ""
    hit = difflib.get_close_matches(word, options, n=1)
    return f" (did you mean '{hit[0]}'?)" if hit else ""


def locate(root: Path, rel: str) -> tuple[Path | None, str]:
    """(``root/rel`` resolved, "") when it stays inside ``root`` after resolving symlinks,
    else (None, why not)."""
    if not rel or "\x00" in rel:
        return None, "is not a valid path"
    if os.path.isabs(rel) or rel.startswith(("\\", "/")):
        return None, "is an absolute path; write it relative to the corpus folder"
    joined = os.path.join(root, rel)
    try:
        real_root = _real_root(root)
        try:
            target = os.path.realpath(joined, strict=True)
        except FileNotFoundError:  # missing (a rule reports that): resolve what exists
            target = os.path.realpath(joined)
    except OSError as e:  # a symlink loop, a name too long, ...
        return None, f"cannot be resolved ({e.strerror or e})"
    if ".." in target.split(os.sep):  # left unresolved behind a loop: never trust it
        return None, "cannot be resolved (a symlink loop?)"
    if target != real_root and not target.startswith(real_root.rstrip(os.sep) + os.sep):
        return None, "leads outside the corpus"
    return Path(target), ""


def _real_root(root: Path) -> str:
    st = os.stat(root)
    return _realpath(str(root), st.st_dev, st.st_ino)


@functools.lru_cache(maxsize=256)
def _real_inside(root: str, folder: str, dev: int, ino: int) -> str | None:
    """realpath of ``folder`` when it is inside the real ``root`` (remembered while it is the
    same folder: same device and inode), else None."""
    real_root = _real_root(Path(root))
    real = os.path.realpath(folder, strict=True)
    if real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep):
        return real
    return None


@functools.lru_cache(maxsize=64)
def _realpath(path: str, dev: int, ino: int) -> str:
    """realpath of a folder, remembered while it is the same folder (same device and inode)."""
    return os.path.realpath(path)


def inside(root: Path, rel: str) -> Path | None:
    """``root/rel`` when it stays inside ``root`` after resolving links, else None."""
    return locate(root, rel)[0]


def read_input(path: str | Path, limit: int, where: str, *, root: Path | None = None, line: int = 0) -> bytes:
    """The bytes of one input file, or :class:`InputError` naming ``where``.

    Only a regular file of at most ``limit`` bytes is read (checked before reading, so a FIFO,
    a device or ``/dev/zero`` never blocks or fills memory); with ``root``, the file must stay
    inside it after resolving symlinks.
    """

    def refuse(msg: str) -> InputError:
        return InputError(Problem(where, line, msg))

    if root is not None:
        path = Path(path)
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            rel = str(path)
        why = locate(root, rel)[1]
        if why:
            raise refuse(f"{'is a symlink that ' if path.is_symlink() else ''}{why}; replace it with the file itself")
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise refuse("is not a regular file (a folder, FIFO or device); rolegraph reads only files")
        if st.st_size > limit:
            raise refuse(f"is {st.st_size} bytes, over the limit of {limit} bytes")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # replaced since the stat
                raise refuse("is not a regular file (a folder, FIFO or device); rolegraph reads only files")
            data = f.read(limit + 1)
    except OSError as e:
        raise refuse(f"cannot be read: {e.strerror or e}") from None
    if len(data) > limit:
        raise refuse(f"is over the limit of {limit} bytes")
    return data


@dataclass
class Budget:
    """What one load may still spend (snapshot bytes read, snapshot characters searched), and
    what it has learnt about the corpus folders (see :func:`plain_file`)."""

    snapshot_bytes: int = MAX_SNAPSHOT_BYTES_PER_LOAD
    quote_search: int = MAX_QUOTE_SEARCH
    listings: dict[str, dict[str, os.DirEntry]] = field(default_factory=dict)


def plain_file(root: Path, rel: str, budget: Budget) -> str | None:
    """``root/rel`` when it is a regular file (not a symlink) directly in a corpus folder that
    is itself inside the corpus, else None (then :func:`locate` decides, and explains).

    One ``scandir`` per folder and load proves containment for every plain file in it, where
    :func:`locate` would ``realpath`` each file (an ``lstat`` per path component from ``/``).
    """
    folder, _, name = rel.rpartition("/")
    if not folder or "/" in folder or folder in (".", "..") or name in ("", ".", ".."):
        return None
    entry = _plain_entry(root, folder, name, budget)
    return entry.path if entry is not None else None


def plain_stat(root: Path, rel: str, budget: Budget) -> os.stat_result | None:
    """The ``stat`` of ``root/rel`` when :func:`plain_file` finds it (one system call, made
    once per load), else None."""
    folder, _, name = rel.rpartition("/")
    if not folder or "/" in folder or folder in (".", "..") or name in ("", ".", ".."):
        return None
    entry = _plain_entry(root, folder, name, budget)
    try:
        return entry.stat(follow_symlinks=False) if entry is not None else None
    except OSError:
        return None


def _plain_entry(root: Path, folder: str, name: str, budget: Budget) -> os.DirEntry | None:
    names = budget.listings.get(folder)
    if names is None:
        names = budget.listings[folder] = _plain_files(root, folder)
    return names.get(name)


def _plain_files(root: Path, folder: str) -> dict[str, os.DirEntry]:
    try:
        path = os.path.join(root, folder)
        st = os.stat(path)
        real = _real_inside(str(root), path, st.st_dev, st.st_ino)
        if real is None:
            return {}
        with os.scandir(real) as entries:
            return {e.name: e for e in entries if e.is_file(follow_symlinks=False)}
    except OSError:
        return {}


def decode(data: bytes, where: str) -> str:
    """UTF-8 text (a BOM is dropped) or an error naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = len(re.findall(rb"\r\n|\r|\n", data[: e.start])) + 1
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
    try:
        doc = yamlsafe.load(text)
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
    for key in doc:
        if key not in ("source", "claims"):
            hint = did_you_mean(key, ("source", "claims"))
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
        claim = _parse_claim(ctx, sid, rel, item)
        if claim is None:
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


def _parse_claim(ctx: _Ctx, sid: str, rel: str, item: yamlsafe.YMap) -> Claim | None:
    before = len(ctx.problems)
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
        cid = "c-" + hashlib.sha1(basis.encode()).hexdigest()[:10]
    elif not _ID.fullmatch(cid):
        ctx.bad(item.lines["id"], "claim id must be letters, digits, '.', '_' or '-' (at most 128)")
    c.id = cid
    return c if len(ctx.problems) == before else None


# ----------------------------------------------------------------------------- snapshots and quotes


def find_quote(text: str, quote: str, occurrence: int, found: dict[str, list[int]], budget: Budget) -> int | None:
    """Offset of the ``occurrence``-th ``quote`` in ``text``, or None.

    ``found`` remembers the offsets seen per quote (-1 at the end: no more), so repeated quotes
    cost nothing; every character scanned is charged to ``budget``.
    """
    seen = found.setdefault(quote, [])
    while len(seen) < occurrence and (not seen or seen[-1] >= 0):
        start = seen[-1] + 1 if seen else 0
        pos = text.find(quote, start)
        budget.quote_search -= (pos + len(quote) if pos >= 0 else len(text)) - start
        if budget.quote_search < 0:
            raise _OverBudget
        seen.append(pos)
    return seen[occurrence - 1] if len(seen) >= occurrence and seen[occurrence - 1] >= 0 else None


class _OverBudget(Exception):
    pass


def attach_snapshot(root: Path, source: Source, text: str | None, budget: Budget | None = None) -> None:
    """Record each claim's quote offsets and context (None when not found).

    Raises :class:`InputError` when the search would exceed the budget of the load.
    """
    budget = budget or Budget()
    found: dict[str, list[int]] = {}
    for c in source.claims:
        c.start = c.end = None
        c.prefix = c.suffix = ""
        if text is None or not c.quote:
            continue
        try:
            pos = find_quote(text, c.quote, c.occurrence, found, budget)
        except _OverBudget:
            raise InputError(
                Problem(
                    c.file,
                    c.line_of("quote"),
                    f"searching the snapshots for quotes went over the limit of {MAX_QUOTE_SEARCH} "
                    "characters per run; use shorter snapshots or fewer claims per snapshot",
                )
            ) from None
        if pos is not None:
            c.start, c.end = pos, pos + len(c.quote)
            c.prefix = text[max(0, pos - QUOTE_CONTEXT) : pos]
            c.suffix = text[c.end : c.end + QUOTE_CONTEXT]


def read_snapshot(
    root: Path, source: Source, problems: list[Problem], budget: Budget | None = None
) -> tuple[bytes | None, str | None]:
    """The snapshot's bytes and text; (None, None) when it is missing (rule RG006 reports
    that) or refused (a problem is added)."""
    if source.snapshot is None:
        return None, None
    budget = budget or Budget()
    line = source.line_of("snapshot")
    shown = short(source.snapshot)
    plain = plain_file(root, source.snapshot, budget)
    path, why = (plain, "") if plain is not None else locate(root, source.snapshot)
    if path is None:
        problems.append(Problem(source.file, line, f"snapshot path '{shown}' {why}; keep snapshots under sources/"))
        return None, None
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return None, None  # reported by rule RG006 (snapshot-missing)
    except OSError as e:
        problems.append(Problem(source.file, line, f"snapshot '{shown}' cannot be read: {e.strerror or e}"))
        return None, None
    if size > budget.snapshot_bytes:
        problems.append(
            Problem(
                source.file,
                line,
                f"snapshot '{shown}': the snapshots read in one run went over the limit of "
                f"{MAX_SNAPSHOT_BYTES_PER_LOAD} bytes; split the corpus",
            )
        )
        return None, None
    try:
        data = read_input(path, MAX_SNAPSHOT_BYTES, source.file, line=line)
    except InputError as e:
        problems.extend(Problem(p.file, p.line, f"snapshot '{shown}' {p.message}") for p in e.problems)
        return None, None
    budget.snapshot_bytes -= len(data)
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad_line = len(re.findall(rb"\r\n|\r|\n", data[: e.start])) + 1
        rel = Path(path).relative_to(root.resolve()).as_posix()
        problems.append(
            Problem(rel, bad_line, f"not UTF-8 text (byte {e.start}; the snapshot of {source.file}); save it as UTF-8")
        )
        return None, None


# ----------------------------------------------------------------------------- resolution


def resolve(source: Source, vocabulary, memo: dict | None = None) -> None:
    """Resolve written role names, relation, scope and hedge against the vocabulary.

    ``memo`` (shared across the sources of one load) remembers each distinct text's answer:
    a large corpus repeats a few hundred role names and scopes many thousand times.
    """
    memo = {} if memo is None else memo
    roles = memo.setdefault("role", {None: None, "": None})
    relations = memo.setdefault("relation", {})
    scopes = memo.setdefault("scope", {None: ANY})
    hedges = memo.setdefault("hedge", {None: "definite"})
    for c in source.claims:
        st, ot, rt, sc = c.subject_text, c.object_text, c.relation_text, c.scope_text
        if st not in roles:
            roles[st] = vocabulary.resolve(st)
        if ot not in roles:
            roles[ot] = vocabulary.resolve(ot)
        if rt not in relations:
            rel = rt.strip().lower().replace("-", "_").replace(" ", "_") if rt else None
            relations[rt] = rel if rel in RELATIONS else None
        if sc not in scopes:
            scopes[sc] = Scope.parse(sc)
        ht = c.hedge_text
        if ht not in hedges:
            h = ht.strip().lower()
            hedges[ht] = h if h in HEDGES else None
        c.subject, c.object, c.relation, c.scope, c.hedge = roles[st], roles[ot], relations[rt], scopes[sc], hedges[ht]


# ----------------------------------------------------------------------------- the corpus


def claim_files(root: Path) -> list[Path]:
    """The claims files of a corpus (``claims/*.yaml`` and ``*.yml``), sorted."""
    folder = root / "claims"
    return [folder / n for n in claim_names(root)]


def claim_names(root: Path) -> list[str]:
    """The file names in ``claims/`` that are claims files, sorted."""
    with os.scandir(root / "claims") as entries:
        return sorted(e.name for e in entries if e.name.endswith((".yaml", ".yml")) and not e.name.startswith("."))


def read_claims_file(
    root: Path, path: Path | str, problems: list[Problem], budget: Budget | None = None
) -> tuple[str, bytes] | None:
    """(path relative to the corpus, bytes) of one claims file (a path, or a name in
    ``claims/``), or None with a problem added."""
    rel = "claims/" + path if isinstance(path, str) else path.relative_to(root).as_posix()
    if not rel.isprintable():  # control characters or undecodable bytes in the name
        problems.append(Problem(short(rel, 200), 0, "file name has control characters or is not UTF-8; rename it"))
        return None
    plain = plain_file(root, rel, budget) if budget is not None else None
    try:
        if plain is not None:  # known to be inside the corpus
            data = read_input(plain, MAX_CLAIMS_FILE_BYTES, rel)
        else:
            full = root / "claims" / path if isinstance(path, str) else path
            data = read_input(full, MAX_CLAIMS_FILE_BYTES, rel, root=root)
    except InputError as e:
        if "over the limit" in e.problems[0].message:
            e = InputError(Problem(rel, 0, e.problems[0].message + "; split the source's claims"))
        problems.extend(e.problems)
        return None
    return rel, data


def _optional_file(root: Path, name: str) -> Path | None:
    """``root/name`` when it exists (it is read and checked later), else None."""
    p = root / name
    return p if os.path.lexists(p) else None


def load_corpus(path: str | os.PathLike[str] | None = None, *, cache: bool = False) -> Corpus:
    """Load a corpus folder (the bundled corpus when ``path`` is None).

    Raises :class:`InputError` with every hard problem found.
    """
    from .gc_pause import paused_gc

    with paused_gc():
        return _load_corpus(path, cache=cache)


def _load_corpus(path: str | os.PathLike[str] | None, *, cache: bool) -> Corpus:
    from .settings import load_settings
    from .vocab import load_vocabulary

    bundled = path is None
    root = bundled_corpus_path() if bundled else Path(path)
    if not root.is_dir():
        raise InputError(Problem(str(root), 0, "not a folder; pass a corpus folder (see: rolegraph init)"))
    if not (root / "claims").is_dir():
        raise InputError(
            Problem(
                str(root),
                0,
                "not a rolegraph corpus: no claims/ folder (start one with: rolegraph init DIR)",
            )
        )
    if inside(root, "claims") is None:
        raise InputError(Problem("claims", 0, "the claims folder is a symlink leading outside the corpus"))
    problems: list[Problem] = []
    settings = vocabulary = None
    try:
        settings = load_settings(_optional_file(root, "rolegraph.toml"))
    except InputError as e:
        problems.extend(e.problems)
    try:
        vocabulary = load_vocabulary(_optional_file(root, "roles.ttl"))
    except InputError as e:
        problems.extend(e.problems)

    budget = Budget()
    try:
        if cache and not bundled:
            from .cache import load_sources_cached

            sources = load_sources_cached(root, problems, budget)
        else:
            sources = load_sources(root, problems, budget)
    except OSError as e:  # the claims folder itself cannot be listed
        raise InputError(Problem("claims", 0, f"cannot be read: {e.strerror or e}")) from None
    if problems:
        raise InputError(problems)
    memo: dict = {}
    for s in sources:
        resolve(s, vocabulary, memo)
    return Corpus(root=str(root), sources=sources, vocabulary=vocabulary, settings=settings, bundled=bundled)


def finish_source(root: Path, source: Source, problems: list[Problem], budget: Budget) -> Source | None:
    """Read a parsed source's snapshot, record its checksum and locate the quotes."""
    before = len(problems)
    snap, snap_text = read_snapshot(root, source, problems, budget)
    source.actual_sha256 = hashlib.sha256(snap).hexdigest() if snap is not None else None
    try:
        attach_snapshot(root, source, snap_text, budget)
    except InputError as e:
        problems.extend(e.problems)
    return source if len(problems) == before else None


def load_sources(root: Path, problems: list[Problem], budget: Budget | None = None) -> list[Source]:
    """Every claims file of the corpus, parsed; problems are added to ``problems``."""
    from .parse_pool import load_files

    budget = budget or Budget()
    sources: list[Source] = []
    # reading runs a bounded distance ahead of the parse; snapshots are charged in file order
    reads = (read_claims_file(root, name, problems, budget) for name in claim_names(root))
    for source, errs, _sig in load_files(root, reads, budget):
        problems.extend(errs)
        if source is not None:
            sources.append(source)
    return sorted(sources, key=lambda s: s.id)
