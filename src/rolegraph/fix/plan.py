"""Which findings have a safe fix, and what it is: RG004, RG005 and RG008.

A fix is offered only when it cannot change what a claim means:

- RG004 quote-not-found: the quote equals exactly one snapshot passage once typographic quotes,
  dashes, spaces and line breaks are normalised; the quote becomes that verbatim passage.
- RG005 snapshot-changed: every quote of the source is still found verbatim in the snapshot
  as it is now; the recorded sha256 becomes the snapshot's.
- RG008 duplicate-claim: a later claim of a source is identical to an earlier one in every
  field but its id; the later one is removed.

Everything else is reported and never guessed. This module reads the corpus's claims files and
snapshots (through the corpus loader's safe reads) and attaches a :class:`~.edits.Fix` to each
fixable finding; it must not import the CLI, formatters or consensus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from ..model import Claim, Corpus, Source
from .edits import Edit, Fix, position
from .textmatch import fixed_passage, normalise
from .yamlspans import FileSpans, item_lines, scalar, scan

#: Rules that can fix some of their findings (``rolegraph rules`` marks them).
FIXABLE = ("RG004", "RG005", "RG008")


@dataclass
class _Files:
    """Claims-file texts and their spans, read once per run."""

    corpus: Corpus
    texts: dict[str, tuple[str, int] | None] = field(default_factory=dict)
    spans: dict[str, FileSpans | None] = field(default_factory=dict)

    def text(self, rel: str) -> tuple[str, int] | None:
        """(text, offset of the text in the file's characters: 1 after a BOM)."""
        if rel not in self.texts:
            self.texts[rel] = read_claims_text(self.corpus, rel)
        return self.texts[rel]

    def scan(self, rel: str) -> FileSpans | None:
        if rel not in self.spans:
            got = self.text(rel)
            try:
                self.spans[rel] = scan(got[0]) if got else None
            except Exception:  # noqa: BLE001 - a file the loader accepted but libyaml events refuse: no fix
                self.spans[rel] = None
        return self.spans[rel]


def read_claims_text(corpus: Corpus, rel: str) -> tuple[str, int] | None:
    """A claims file's text without its BOM, and 1 when there was one; None when unreadable."""
    from ..corpus.files import MAX_CLAIMS_FILE_BYTES, read_input

    try:
        data = read_input(Path(corpus.root) / rel, MAX_CLAIMS_FILE_BYTES, rel, root=Path(corpus.root))
        text = data.decode("utf-8")
    except Exception:  # noqa: BLE001 - unreadable now: the finding stays, without a fix
        return None
    if text.startswith("\ufeff"):
        return text[1:], 1
    return text, 0


def snapshot_text(corpus: Corpus, source: Source) -> str | None:
    """The snapshot's text as the loader reads it, or None."""
    from ..corpus.snapshots import read_snapshot

    _, text = read_snapshot(Path(corpus.root), source, [])
    return text


def _edit(files: _Files, rel: str, start: int, end: int, insert: str) -> Edit:
    text, off = files.text(rel)
    region = (*position(text, start), *position(text, end))
    return Edit(rel, start + off, end + off, insert, region)


def _fix_quote(corpus: Corpus, files: _Files, f: Finding, snaps: dict) -> Fix | None:
    c: Claim = f.claims[0][0]
    source = corpus.source(c.source_id)
    if source.id not in snaps:
        snaps[source.id] = snapshot_text(corpus, source)
    snap = snaps[source.id]
    if snap is None or c.quote is None:
        return None
    passage = fixed_passage(snap, c.quote, c.occurrence)
    spans = files.scan(c.file)
    item = spans.claim_at(c.line) if spans else None
    value = item.values.get("quote") if item else None
    if passage is None or value is None or value.value != c.quote:
        return None
    tail = ""
    if value.style in ("|", ">"):  # a block scalar becomes a double-quoted one; its trailing breaks stay
        block = files.text(c.file)[0][value.start : value.end]
        header, _, body = block.partition("\n")
        if "#" in header or not body.strip():
            return None  # a comment on the indicator line would be lost
        tail = block[block.find("\n", len(block.rstrip())) :] if block.rstrip() != block else ""
    new = scalar(passage, value.style if value.style in (None, "'") else '"')
    if new is None:
        return None
    return Fix(
        "replace the quote by the snapshot's verbatim text",
        (_edit(files, c.file, value.start, value.end, new + tail),),
    )


def _fix_checksum(corpus: Corpus, files: _Files, f: Finding) -> Fix | None:
    source = next((s for s in corpus.sources if s.file == f.file and s.line_of("sha256") == f.line), None)
    if source is None or not source.actual_sha256:
        return None
    if any(c.quote is not None and c.start is None for c in source.claims):
        return None  # a quote is lost: the claims need a person, not a new checksum
    spans = files.scan(source.file)
    head = spans.source if spans else None
    if head is None:
        return None
    value = head.values.get("sha256")
    if value is not None:
        if value.style not in (None, "'", '"') or value.value != (source.sha256 or ""):
            return None
        new = scalar(source.actual_sha256, value.style)
        return Fix(
            "record the snapshot's new sha256 (every quote is still found verbatim)",
            (_edit(files, source.file, value.start, value.end, new),),
        )
    snap = head.values.get("snapshot")
    if snap is None or "sha256" in head.values:
        return None
    text = files.text(source.file)[0]
    line_start = text.rfind("\n", 0, snap.start) + 1
    key_col = len(text[line_start:]) - len(text[line_start:].lstrip(" "))
    nl = text.find("\n", snap.end)
    if nl < 0:
        return None
    eol = "\r\n" if text[nl - 1 : nl] == "\r" else "\n"
    insert = " " * key_col + f"sha256: {source.actual_sha256}{eol}"
    return Fix(
        "record the snapshot's sha256 (every quote is found verbatim)",
        (_edit(files, source.file, nl + 1, nl + 1, insert),),
    )


def _content(c: Claim) -> tuple:
    """Every field a person writes, but the id."""
    return (
        c.subject,
        c.relation,
        c.object,
        c.scope,
        c.hedge,
        c.condition,
        c.quote,
        c.occurrence,
        c.note,
        tuple(sorted(c.accept.items())),
        getattr(c, "proposed", False),
    )


def _fix_duplicates(files: _Files, f: Finding) -> Fix | None:
    claims = sorted((c for c, _ in f.claims), key=lambda c: (c.line, c.id))
    seen: set[tuple] = set()
    edits = []
    for c in claims:
        k = _content(c)
        if k not in seen:
            seen.add(k)
            continue
        spans = files.scan(c.file)
        item = spans.claim_at(c.line) if spans else None
        span = item_lines(files.text(c.file)[0], item) if item else None
        if span is None:
            return None
        edits.append(_edit(files, c.file, span[0], span[1], ""))
    if not edits:
        return None
    n = len(edits)
    return Fix(f"remove {n} later identical claim{'s' if n != 1 else ''}", tuple(edits))


def attach(corpus: Corpus, findings: list[Finding]) -> int:
    """Set ``finding.fix`` on every finding that has a safe fix; the number of fixes."""
    files = _Files(corpus)
    snaps: dict[str, str | None] = {}
    n = 0
    for f in findings:
        if f.code not in FIXABLE or f.accepted is not None:
            continue
        if f.code == "RG004":
            f.fix = _fix_quote(corpus, files, f, snaps)
        elif f.code == "RG005":
            f.fix = _fix_checksum(corpus, files, f)
        else:
            f.fix = _fix_duplicates(files, f)
        n += f.fix is not None
    return n


__all__ = ["FIXABLE", "attach", "normalise", "read_claims_text", "snapshot_text"]
