"""Adding sources to a corpus (``rolegraph add``): a file or an http(s) URL becomes a snapshot
``sources/ID.txt`` (UTF-8, LF line ends; HTML reduced to its main text) and a claims file
``claims/ID.yaml`` with the source header and its checksum.

Imports the errors, the corpus id rule, the atomic writer and its own modules (fetch, html); it
must not import the CLI, the linter or extract.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem, UsageError

MAX_FILE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Added:
    id: str
    snapshot: str  # path relative to the corpus
    claims: str
    url: str | None
    title: str | None
    retrieved: str
    sha256: str
    replaced: bool


def slug(text: str, limit: int = 60) -> str:
    """A readable id: ASCII letters and digits joined by '-', at most ``limit`` characters."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"^[a-z]+://(www\.)?", "", t)
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if len(t) > limit:
        t = t[:limit].rsplit("-", 1)[0] if "-" in t[:limit] else t[:limit]
    return t


def _useful(s: str) -> bool:
    """A slug worth using as an id: at least three characters and a letter."""
    return len(s) >= 3 and any(c.isalpha() for c in s)


def default_id(*bases: str | None) -> str:
    """The slug of the first basis (title, then URL or file name) that gives a useful one."""
    for b in bases:
        s = slug(b) if b else ""
        if _useful(s):
            return s
    return "source"


def to_text(data: bytes, *, html: bool, charset: str | None = None, where: str) -> tuple[str, str | None]:
    """(snapshot text, title) of a page's bytes."""
    from .html import html_to_text, paragraphs

    if html:
        text, title = html_to_text(data, charset=charset, where=where)
    else:
        try:
            text = data.decode(charset or "utf-8")
        except (LookupError, UnicodeDecodeError):
            raise UsageError(f"{where}: not {charset or 'UTF-8'} text; convert it to UTF-8 and add it again") from None
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        title = next((ln.strip().lstrip("#").strip() for ln in text.split("\n") if ln.strip()), None)
        text = text if text.endswith("\n") or not text else text + "\n"
        del paragraphs
    if not text.strip():
        raise UsageError(f"{where}: no text found in the page; nothing was added")
    return text, clean_title(title)


_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")  # terminal escape sequences
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ud800-\udfff\ufeff\ufff0-\uffff]")


def clean_title(title: str | None) -> str | None:
    """A title safe for the claims file: terminal escape sequences, control and bidi-override
    characters removed, white space collapsed, at most 200 characters; None when nothing is left."""
    if not title:
        return None
    t = " ".join(_CONTROL.sub(" ", _ESCAPE.sub("", title)).split())[:200]
    return t or None


def _yaml_str(s: str | None) -> str:
    import json

    return "null" if s is None else json.dumps(s, ensure_ascii=False)


def claims_header(sid: str, title: str | None, url: str | None, retrieved: str, sha: str) -> str:
    return (
        f"# Claims about role rank made by source {sid}. Added by rolegraph add; propose claims with:\n"
        f"#   rolegraph extract {sid} --write\n"
        "source:\n"
        f"  id: {sid}\n"
        f"  title: {_yaml_str(title)}\n"
        f"  url: {_yaml_str(url) if url else 'null'}\n"
        f"  retrieved: {retrieved}\n"
        f"  snapshot: sources/{sid}.txt\n"
        f"  sha256: {sha}\n"
    )


def _old_claims_section(path: Path, rel: str) -> str:
    """The text of an existing claims file from its ``claims:`` key on (kept by --replace)."""
    from .. import yamlsafe
    from ..corpus.files import MAX_CLAIMS_FILE_BYTES, decode, read_input

    text = decode(read_input(path, MAX_CLAIMS_FILE_BYTES, rel), rel)
    try:
        doc = yamlsafe.load(text)
    except yamlsafe.YAMLProblem as e:
        raise InputError(Problem(rel, e.line, f"{e.message}; fix it before --replace")) from None
    if not isinstance(doc, yamlsafe.YMap) or "claims" not in doc:
        return "claims:\n"
    line = doc.lines["claims"]
    if max(doc.lines.values()) != line:
        raise InputError(Problem(rel, line, "'claims:' is not the last key; move it to the end before --replace"))
    rest = text.split("\n")[line - 1 :]
    out = "\n".join(rest)
    return out if out.endswith("\n") else out + "\n"


def add_source(
    corpus: str | os.PathLike[str],
    target: str,
    *,
    source_id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    retrieved: str | None = None,
    replace: bool = False,
    timeout: float | None = None,
    max_bytes: int | None = None,
) -> Added:
    """Store ``target`` (a file path or an http(s) URL) as a source of the corpus folder."""
    return add_sources(
        corpus, [target], source_id=source_id, url=url, title=title, retrieved=retrieved, replace=replace,
        timeout=timeout, max_bytes=max_bytes,
    )[0]  # fmt: skip


def add_sources(
    corpus: str | os.PathLike[str],
    targets: list[str],
    *,
    source_id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    retrieved: str | None = None,
    replace: bool = False,
    timeout: float | None = None,
    max_bytes: int | None = None,
) -> list[Added]:
    """Store each target as a source. Every target is read, fetched and checked first; only
    then is anything written, so a bad target leaves the corpus as it was. ``source_id``,
    ``url`` and ``title`` name one source and need exactly one target."""
    from ..atomic import write_many_atomic
    from ..corpus.claims import _valid_url
    from .fetch import redact

    root = Path(corpus)
    if not (root / "claims").is_dir() or not (root / "sources").is_dir():
        raise UsageError(f"{root}: not a corpus folder with claims/ and sources/ (start one with: rolegraph init DIR)")
    if len(targets) > 1 and (source_id or url or title):
        raise UsageError("--id, --url and --title name one source; give one FILE|URL with them")
    if retrieved is not None:
        try:
            retrieved = _dt.date.fromisoformat(retrieved).isoformat()
        except ValueError:
            raise UsageError(f"--retrieved {retrieved!r}: give a date as YYYY-MM-DD") from None
    if url is not None and not _valid_url(url):
        raise UsageError(f"--url {redact(url)!r}: give an http(s) URL without spaces")
    if url is not None:
        url = redact(url)
    if title is not None:
        title = clean_title(title)
        if title is None:
            raise UsageError("--title: give a title with visible characters")
    planned = []
    ids: dict[str, str] = {}
    for target in targets:
        item = _prepare(root, target, source_id, url, title, retrieved, replace, timeout, max_bytes)
        if item[0].id in ids:
            raise UsageError(
                f"{target} and {ids[item[0].id]} both get the id '{item[0].id}'; add them one by one with --id"
            )
        ids[item[0].id] = target
        planned.append(item)
    # snapshots first: a claims file never names a snapshot that is not there yet
    write_many_atomic([(root / added.snapshot, data) for added, data, _ in planned])
    write_many_atomic([(root / added.claims, claims_text) for added, _, claims_text in planned])
    return [a for a, _, _ in planned]


def _prepare(root, target, source_id, url, title, retrieved, replace, timeout, max_bytes):
    from ..corpus.claims import _ID
    from .fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, fetch, redact
    from .html import looks_like_html

    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", target):
        got = fetch(target, timeout=timeout or DEFAULT_TIMEOUT, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
        shown = redact(target)
        text, found_title = to_text(got.body, html=got.content_type != "text/plain", charset=got.charset, where=shown)
        url = url or redact(got.url)
        retrieved = retrieved or _dt.datetime.now(_dt.timezone.utc).date().isoformat()
        fallback = redact(got.url)
    else:
        path = Path(target)
        if path.is_dir():
            raise UsageError(f"{target}: is a directory; give a file or an http(s) URL")
        if not path.is_file():
            raise UsageError(f"{target}: no such file; give a file or an http(s) URL")
        size = path.stat().st_size
        if size > (max_bytes or MAX_FILE_BYTES):
            limit = max_bytes or MAX_FILE_BYTES
            raise UsageError(f"{target}: {size} bytes, over the limit of {limit}; pass a larger --max-bytes")
        data = path.read_bytes()
        is_html = path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(data)
        text, found_title = to_text(data, html=is_html, where=target)
        retrieved = retrieved or _dt.datetime.fromtimestamp(path.stat().st_mtime, _dt.timezone.utc).date().isoformat()
        fallback = path.stem
    title = title or found_title
    sid = source_id or default_id(title, fallback)
    if not _ID.fullmatch(sid):
        raise UsageError(f"--id {sid!r}: use letters, digits, '.', '_' or '-' (at most 128)")
    snap_rel, claims_rel = f"sources/{sid}.txt", f"claims/{sid}.yaml"
    exists = (root / claims_rel).exists() or (root / snap_rel).exists()
    if exists and not replace:
        raise UsageError(f"source '{sid}' exists already ({claims_rel}); pass --replace, or choose another --id")
    data = text.encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    claims_text = claims_header(sid, title, url, retrieved, sha)
    if exists and (root / claims_rel).exists():
        claims_text += _old_claims_section(root / claims_rel, claims_rel)
    else:
        claims_text += "claims:\n"
    return Added(sid, snap_rel, claims_rel, url, title, retrieved, sha, exists), data, claims_text
