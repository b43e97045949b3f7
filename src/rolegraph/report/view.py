"""The report's view model: lint findings, consensus ladders and sources as plain data.

:func:`build_view` runs lint and consensus on a loaded corpus and flattens what the page
shows into frozen dataclasses of strings and numbers, sorted, so the same corpus always gives
the same view. Nothing here is escaped or formatted as HTML (the template does that) and no
URL is trusted: only ``http``/``https`` URLs are kept as links. Imports the model, linter,
consensus and the report's context and ladders modules; must not import the CLI or the HTML
renderer.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .. import __version__
from ..leftout import LeftOut
from ..model import SIZES, Claim, Corpus, format_sizes
from .context import QuoteContext, claim_context, snapshot_texts
from .sizes import SizeView, size_view

RELATION_TEXT = {
    "above": "is above",
    "below": "is below",
    "same": "is the same role as",
    "may_be": "may act as",
    "reports_to": "reports to",
    "oversees": "oversees",
    "not_above": "is not above",
    "top": "is the top role",
    "overlaps": "overlaps with",
}
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class CopyMark:
    id: str
    sources: int


@dataclass(frozen=True, slots=True)
class ClaimView:
    ref: str  # "source/claim"
    source: str
    source_title: str
    source_url: str | None  # http(s) only
    file: str
    line: int
    subject: str
    relation: str  # readable: "is above"
    object: str
    scope: str
    hedge: str
    condition: str
    note: str
    proposed: bool
    quote: str
    context: QuoteContext | None
    copy: CopyMark | None
    roles: str  # case-folded role labels joined by line breaks (SEPARATOR), for the filter


@dataclass(frozen=True, slots=True)
class FindingView:
    code: str
    name: str
    severity: str
    message: str
    file: str
    line: int
    scope: str
    accepted: str | None
    fingerprint: str
    sides: tuple[tuple[str, tuple[ClaimView, ...]], ...]  # (heading, claims) for sides a and b
    roles: str
    show_message: bool  # False when the side headings already say what the message says


@dataclass(frozen=True, slots=True)
class FindingGroup:
    heading: str  # the roles, "A · B", or "Structure" for findings without roles
    findings: tuple[FindingView, ...]
    roles: str


@dataclass(frozen=True, slots=True)
class SourceView:
    id: str
    title: str
    url: str | None  # http(s) only
    url_text: str | None  # the URL as written, when it is not a safe link
    retrieved: str
    file: str
    claims: tuple[ClaimView, ...]
    roles: str


@dataclass(frozen=True, slots=True)
class ReportView:
    title: str
    version: str
    corpus: str
    built: str | None  # from SOURCE_DATE_EPOCH, else not shown
    sources: int
    claims: int
    proposed: int
    findings: int
    by_severity: tuple[tuple[str, int], ...]
    accepted: int
    left_out: tuple[LeftOut, ...]
    min_agreement: str
    graphviz_note: str | None
    sizes: tuple[SizeView, ...]
    groups: tuple[FindingGroup, ...]
    source_views: tuple[SourceView, ...]
    copy_groups: int
    aliases: str = "[]"  # JSON [[alias, label], ...] for the role filter

    @property
    def left_out_counts(self) -> str:
        """``1 claim, 2 whole claims files``: what the left-out list holds."""
        claims = sum(1 for x in self.left_out if x.claim is not None)
        files = len(self.left_out) - claims
        parts = [f"{claims} claim{'' if claims == 1 else 's'}"] if claims else []
        parts += [f"{files} whole claims file{'' if files == 1 else 's'}"] if files else []
        return ", ".join(parts)


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http or https URL with a host, else None."""
    if not url or any(ch.isspace() or not ch.isprintable() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def corpus_name(corpus: Corpus) -> str:
    """How the page names a corpus: never an absolute path, which would differ per machine."""
    return "bundled corpus" if corpus.bundled else Path(corpus.root).name or "corpus"


def build_time() -> str | None:
    """The build time in UTC from ``SOURCE_DATE_EPOCH`` (None when unset or empty); a value that is not
    a whole number of seconds is refused, as the reproducible-builds specification asks."""
    from ..errors import UsageError

    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 12:
        shown = raw[:20].encode("unicode_escape").decode("ascii")
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '{shown}'; fix or unset it"
        )
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(int(raw)))


def _left_out(items: Sequence[object] | None) -> tuple[LeftOut, ...]:
    """:class:`~rolegraph.leftout.LeftOut` records from records or dicts (a whole source: ``claim`` None)."""
    out = []
    for it in items or ():
        if isinstance(it, LeftOut):
            out.append(it)
            continue
        get = it.get if isinstance(it, Mapping) else lambda k, it=it: getattr(it, k, None)
        source, code = (None if get(k) in (None, "") else str(get(k)) for k in ("source", "code"))
        claim = None if get("claim") is None else str(get("claim"))  # "" is a claim whose id was unreadable
        out.append(
            LeftOut(str(get("file") or ""), int(get("line") or 0), source, claim, code, str(get("reason") or ""))
        )
    return tuple(sorted(out, key=LeftOut.sort_key))


SEPARATOR = "\n"  # between the labels of a data-roles attribute: a role label never holds a line break


def _fold(labels) -> str:
    return SEPARATOR.join(sorted({x.casefold() for x in labels if x}))


def _aliases(corpus: Corpus) -> str:
    """JSON ``[[alias, label], ...]`` (casefolded) for the roles the claims name, so the filter finds
    a role by any of its titles ("cpo", "senior pm")."""
    import json

    voc = corpus.vocabulary
    used = {r for s in corpus.sources for c in s.claims for r in (c.subject, c.object) if r}
    pairs = set()
    for iri in used:
        role = voc.roles.get(iri)
        if role is not None:
            pairs.update((a.casefold(), role.label.casefold()) for a in role.alt_labels)
    return json.dumps(sorted(pairs), ensure_ascii=False, separators=(",", ":"))


def build_view(
    corpus: Corpus,
    *,
    title: str | None = None,
    corpus_label: str | None = None,
    left_out: Sequence[object] | None = None,
    graphviz: bool = True,
) -> ReportView:
    """Lint and reconcile ``corpus`` and gather what the report shows; see :func:`rolegraph.report`."""
    from ..consensus import consensus
    from ..linter import lint
    from .ladders import MAX_PICTURE_ROLES, NoGraphviz, picture_roles, size_svgs

    lint_report = lint(corpus)
    result = consensus(corpus)
    voc = corpus.vocabulary

    def label(iri: str | None, text: str | None = None) -> str:
        return voc.label(iri) if iri else (text or "")

    copies: dict[str, CopyMark] = {}
    for g in result.copy_groups:
        for ref in g.claims:
            copies[ref] = CopyMark(g.id, len(g.sources))
    texts = snapshot_texts(corpus.root, corpus.sources)
    titles = {s.id: s.title or s.id for s in corpus.sources}
    links = {s.id: safe_url(s.url) for s in corpus.sources}
    memo: dict[tuple[str, str], ClaimView] = {}

    def claim_view(c: Claim) -> ClaimView:
        got = memo.get(c.key)
        if got is None:
            subject, obj = label(c.subject, c.subject_text), label(c.object, c.object_text)
            ref = f"{c.source_id}/{c.id}"
            got = memo[c.key] = ClaimView(
                ref=ref,
                source=c.source_id,
                source_title=titles.get(c.source_id, c.source_id),
                source_url=links.get(c.source_id),
                file=c.file,
                line=c.line,
                subject=subject,
                relation=RELATION_TEXT.get(c.relation or "", c.relation_text or ""),
                object=obj if c.relation != "top" else "",
                scope=str(c.scope) if c.scope is not None else (c.scope_text or ""),
                hedge=c.hedge or c.hedge_text or "",
                condition=c.condition or "",
                note=c.note or "",
                proposed=bool(getattr(c, "proposed", False)),
                quote=c.quote or "",
                context=claim_context(c, texts),
                copy=copies.get(ref),
                roles=_fold((subject, obj)),
            )
        return got

    groups: dict[tuple[str, ...], list[FindingView]] = {}
    for f in lint_report.findings:
        names = [voc.label(r) for r in f.roles]
        message, headings, split = f.message, ("One side", "Other side"), False
        body = message.rsplit(" [", 1)[0] if message.endswith("]") else message
        labelled = _lettered(body)  # a message naming each side "X [a] (...)" (RG104): a heading each
        if labelled:
            pairs = [(x, labelled.get(x, f"Side {x}")) for x in dict.fromkeys(s for _, s in f.claims if s)]
        else:
            if " against " in body:
                a, b = body.split(" against ", 1)
                headings, split = (a[:1].upper() + a[1:], b[:1].upper() + b[1:]), True
            pairs = list(zip(("a", "b"), headings, strict=True))
        sides = tuple(
            (heading, tuple(claim_view(c) for c, s in f.claims if s == side))
            for side, heading in pairs
            if any(s == side for _, s in f.claims)
        )
        if not sides and f.claims:
            sides, split = (("Claims", tuple(claim_view(c) for c, _ in f.claims)),), False
        view = FindingView(
            code=f.code,
            name=f.name,
            severity=f.severity,
            message=message,
            file=f.file,
            line=f.line,
            scope=format_sizes(f.sizes) if f.sizes else "",
            accepted=f.accepted,
            fingerprint=f.fingerprint,
            sides=sides,
            roles=_fold(names + [x for _, cs in sides for c in cs for x in (c.subject, c.object)]),
            show_message=not (split and len(sides) == 2),
        )
        groups.setdefault(tuple(sorted(set(names), key=str.casefold)), []).append(view)
    group_views = tuple(
        FindingGroup(" · ".join(k) if k else "Structure", tuple(v), _fold(k) if k else "")
        for k, v in sorted(groups.items(), key=lambda kv: (not kv[0], [x.casefold() for x in kv[0]]))
    )

    svgs: dict[str, str] = {}
    note = None
    if graphviz:
        try:
            svgs = size_svgs(result)
        except NoGraphviz as e:
            note = f"The ladders are drawn as tables: {e}"
    else:
        note = "The ladders are drawn as tables (pictures turned off)."
    sizes = tuple(
        size_view(result.sizes[s], result.label, svgs.get(s), picture_roles(result.sizes[s]) > MAX_PICTURE_ROLES)
        for s in SIZES
        if s in result.sizes
    )

    sources = []
    for s in corpus.sources:
        claims = tuple(claim_view(c) for c in s.claims)
        link = safe_url(s.url)
        sources.append(
            SourceView(
                id=s.id,
                title=s.title or s.id,
                url=link,
                url_text=s.url if s.url and not link else None,
                retrieved=s.retrieved or "",
                file=s.file,
                claims=claims,
                roles=_fold(x for c in claims for x in c.roles.split(SEPARATOR)),
            )
        )
    summary = lint_report.summary()
    claims_all = corpus.claims()
    return ReportView(
        title=title or "Role ladders and disagreements",
        version=__version__,
        corpus=corpus_label or corpus_name(corpus),
        built=build_time(),
        sources=len(corpus.sources),
        claims=len(claims_all),
        proposed=sum(1 for c in claims_all if getattr(c, "proposed", False)),
        findings=len(lint_report.findings),
        by_severity=tuple((s, summary[s]) for s in SEVERITIES),
        accepted=summary["accepted"],
        left_out=_left_out(left_out),
        aliases=_aliases(corpus),
        min_agreement=f"{result.min_agreement:.2f}",
        graphviz_note=note,
        sizes=sizes,
        groups=group_views,
        source_views=tuple(sources),
        copy_groups=len(result.copy_groups),
    )


def _lettered(message: str) -> dict[str, str]:
    """Side letter -> its heading, from a message that names each side ``X [a] (2 claims, 1 source)``."""
    import re

    out = {}
    for m in re.finditer(r"([^:;\[\]()]+?) \[([a-z][a-z0-9]*)\] \(([^()]*)\)", message):
        name = m.group(1).strip().removeprefix("vs ").removeprefix("against ").removeprefix(", ").strip(" ,")
        out[m.group(2)] = f"{name[:1].upper()}{name[1:]} ({m.group(3)})"
    return out
