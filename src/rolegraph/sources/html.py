"""HTML to snapshot text with trafilatura: the page's main text, one paragraph per block with a
blank line between, list items kept as consecutive "- item" lines and table rows as consecutive
"| cell | cell |" lines (career ladders stay lists).
Imports trafilatura lazily; it must not import any rolegraph module.
"""

from __future__ import annotations

import re

_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|p|div|article|meta|title)\b", re.I | re.S
)


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_SNIFF.match(data[:4096]))


def html_to_text(html: bytes | str) -> tuple[str, str | None]:
    """(main text, title or None) of an HTML page."""
    import trafilatura

    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True, include_links=False,
        favor_recall=True, deduplicate=False, with_metadata=False,
    )  # fmt: skip
    if not text:
        from trafilatura import html2txt

        text = html2txt(html) or ""
    title = None
    try:
        meta = trafilatura.extract_metadata(html)
        title = meta.title if meta is not None else None
    except Exception:  # metadata is a nicety; a page without it still has text
        title = None
    return paragraphs(text), (" ".join(title.split()) if title else None)


def paragraphs(text: str) -> str:
    """One block per line, a blank line between blocks, list items as consecutive lines."""
    out: list[str] = []
    prev_item = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        item = line.startswith(("- ", "* ", "• ", "|"))  # list items and table rows stay together
        if out and not (item and prev_item):
            out.append("")
        out.append(line)
        prev_item = item
    return "\n".join(out) + "\n" if out else ""
