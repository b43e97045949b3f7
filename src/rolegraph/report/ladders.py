"""The consensus ladder of each company size as inline SVG, sanitised, or a note saying why not.

The picture is the one ``rolegraph consensus --format svg`` draws (Graphviz ``dot``), drawn
once per size. Its markup is parsed and written again keeping only drawing elements and
attributes on an allow-list (no ids, links, scripts, event handlers or styles), so nothing in a
role label can leave its text node. Imports the consensus renderer lazily; must not import the
report's view or HTML renderer.
"""

from __future__ import annotations

import dataclasses
from html import escape
from xml.etree import ElementTree

_ELEMENTS = frozenset({"svg", "g", "polygon", "polyline", "path", "ellipse", "text"})
_ATTRIBUTES = frozenset(
    {
        "class",
        "cx",
        "cy",
        "d",
        "fill",
        "font-family",
        "font-size",
        "font-style",
        "font-weight",
        "height",
        "points",
        "rx",
        "ry",
        "stroke",
        "stroke-dasharray",
        "stroke-width",
        "text-anchor",
        "transform",
        "viewBox",
        "width",
        "x",
        "y",
    }
)


class NoGraphviz(Exception):
    """Graphviz (the ``dot`` program or its Python binding) is missing; the message says which."""


def size_svgs(result) -> dict[str, str]:
    """One sanitised ``<svg>`` element per size of a consensus result, keyed by size.

    Raises :class:`NoGraphviz` when the picture cannot be drawn here.
    """
    from ..consensus.render import render_svg
    from ..errors import UsageError

    out: dict[str, str] = {}
    for name, size in result.sizes.items():
        one = dataclasses.replace(result, sizes={name: size})
        try:
            raw = render_svg(one)
        except UsageError as e:
            raise NoGraphviz(str(e)) from None
        out[name] = sanitize_svg(raw, f"Consensus ladder for {name} companies")
    return out


def sanitize_svg(data: bytes, label: str) -> str:
    """The drawing in ``data`` (an SVG document) as one ``<svg>`` element for an HTML page:
    allowed elements and attributes only, every text and attribute escaped, an accessible
    name, width and height left to the page's CSS."""
    start = data.find(b"<svg")
    root = ElementTree.fromstring(data[start:] if start >= 0 else data)
    parts: list[str] = []
    _write(root, parts, top=True, label=label)
    return "".join(parts)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _write(el: ElementTree.Element, out: list[str], *, top: bool = False, label: str = "") -> None:
    name = _local(el.tag)
    if name not in _ELEMENTS:
        return
    attrs = [(k, v) for k, v in el.attrib.items() if k in _ATTRIBUTES and not (top and k in ("width", "height"))]
    if top:
        attrs += [("role", "img"), ("aria-label", label), ("focusable", "false")]
    if name == "g" and el.get("class") == "node":  # for the filter: which role this box shows
        text = " ".join("".join(t.itertext()).strip() for t in el.iter() if _local(t.tag) == "text").strip()
        attrs.append(("data-role", text.casefold()))
    out.append("<" + name + "".join(f' {k}="{escape(v, quote=True)}"' for k, v in attrs) + ">")
    if top:
        out.append(f"<title>{escape(label, quote=False)}</title>")
    if el.text and name == "text":
        out.append(escape(el.text, quote=False))
    for child in el:
        _write(child, out)
        if child.tail and name == "text":
            out.append(escape(child.tail, quote=False))
    out.append(f"</{name}>")
