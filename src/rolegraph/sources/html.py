"""HTML to snapshot text with trafilatura: the page's main text and its comments/replies (threads,
Q&A pages and blog comments are content), one paragraph per block with a blank line between, list
items kept as consecutive "- item" lines indented two spaces per nesting level (a ladder stays a
list and its sub-bullets stay below their step) and table rows as consecutive "| cell | cell |" lines.
The page is decoded with the charset its HTTP header declares, else the one its ``<meta>`` declares;
only when neither is declared does trafilatura guess.
Imports trafilatura and lxml lazily; it must not import any rolegraph module but the errors.
"""

from __future__ import annotations

import codecs
import re

from ..errors import UsageError

_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|p|div|article|meta|title)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
_VOID = {b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"source", b"wbr"}
MAX_DEPTH = 250  # lxml/libxml2 stops building the tree at about 255 nested elements


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_SNIFF.match(data[:4096]))


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset the HTTP header declares, else the page's ``<meta charset>``; None if neither
    names a codec Python knows."""
    for name in (header, *(m.decode("ascii", "ignore") for m in _META_CHARSET.findall(data[:8192])[:1])):
        if name:
            try:
                return codecs.lookup(name.strip().strip("\"'")).name
            except LookupError:
                continue
    return None


def nesting_depth(data: bytes) -> int:
    """The deepest element nesting of the page (a cheap count of open and close tags)."""
    depth = deepest = 0
    for close, name, selfclose in _TAG.findall(data):
        if close:
            depth = max(0, depth - 1)
        elif not selfclose and name.lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def html_to_text(html: bytes | str, *, charset: str | None = None, where: str = "page") -> tuple[str, str | None]:
    """(main text, title or None) of an HTML page. ``charset`` is the one the HTTP header declares."""
    import trafilatura

    if isinstance(html, bytes):
        enc = declared_charset(html, charset)
        if enc is not None:
            html = html.decode(enc, errors="replace")
    xml = trafilatura.extract(
        html, output_format="xml", include_comments=True, include_tables=True, include_links=False,
        include_formatting=False, favor_recall=True, deduplicate=False, with_metadata=False,
    )  # fmt: skip
    text = render_xml(xml) if xml else ""
    if not text.strip():
        from trafilatura import html2txt

        text = paragraphs(html2txt(html) or "")
    if not text.strip():
        raw = html.encode("utf-8", "replace") if isinstance(html, str) else html
        if nesting_depth(raw) > MAX_DEPTH:
            raise UsageError(
                f"{where}: no text could be read: the HTML nests elements more than {MAX_DEPTH} deep, deeper than "
                "the parser reads; save the page's text as a .txt file and add that"
            )
    title = None
    try:
        meta = trafilatura.extract_metadata(html)
        title = meta.title if meta is not None else None
    except Exception:  # metadata is a nicety; a page without it still has text
        title = None
    return text, (" ".join(title.split()) if title else None)


def _inline(el) -> str:
    """The text of an element without its nested lists and tables; <lb/> becomes a line break."""
    parts = [el.text or ""]
    for child in el:
        if child.tag in ("list", "table"):
            parts.append(child.tail or "")
            continue
        parts.append("\n" if child.tag == "lb" else _inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _owner(lst):
    """The nearest <item> holding a nested list."""
    p = lst.getparent()
    while p is not None and p.tag != "item":
        p = p.getparent()
    return p


def _lines(text: str) -> list[str]:
    return [" ".join(ln.split()) for ln in text.split("\n") if ln.strip()]


def render_xml(xml: str) -> str:
    """trafilatura's XML output as snapshot text (see the module docstring)."""
    from lxml import etree

    try:
        root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:  # not expected from trafilatura; the caller falls back to plain text
        return ""
    blocks: list[list[str]] = []

    def item_lines(lst, level: int) -> list[str]:
        out: list[str] = []
        for item in lst:
            if item.tag != "item":
                continue
            text = " ".join(_lines(_inline(item)))
            if text:
                out.append("  " * level + "- " + text)
            for sub in item.iter("list"):
                if sub is not item and _owner(sub) is item:
                    out.extend(item_lines(sub, level + 1))
        return out

    def table_lines(table) -> list[str]:
        rows = []
        for row in table.iter("row"):
            cells = [" ".join(_lines(_inline(c))) for c in row if c.tag == "cell"]
            if any(cells):
                rows.append("| " + " | ".join(cells) + " |")
        return rows

    def walk(el) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "list":
                blocks.append(item_lines(child, 0))
            elif child.tag == "table":
                blocks.append(table_lines(child))
            elif child.tag in ("main", "comments", "div"):
                walk(child)
            else:
                blocks.extend([line] for line in _lines(_inline(child)))  # a <br> starts a new block
                walk_nested(child)

    def walk_nested(el) -> None:
        for sub in el:
            if sub.tag == "list":
                blocks.append(item_lines(sub, 0))
            elif sub.tag == "table":
                blocks.append(table_lines(sub))

    walk(root)
    out = "\n\n".join("\n".join(b) for b in blocks if b)
    return out + "\n" if out else ""


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
