"""The consensus ladder of each company size as inline SVG, sanitised, or a note saying why not.

The picture is the one ``rolegraph consensus --format svg`` draws (Graphviz ``dot``), drawn
once per size. Its markup is parsed and written again keeping only drawing elements and
attributes on an allow-list (no ids, links, scripts, event handlers or styles), so nothing in a
role label can leave its text node. Imports the consensus renderer lazily; must not import the
report's view or HTML renderer.
"""

from __future__ import annotations

import dataclasses
import os
import re
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


NO_DOT = "Graphviz's dot program is not installed (Debian/Ubuntu: apt-get install graphviz)"
NO_BINDING = "the Python package graphviz is not installed (pip install 'rolegraph[graph]')"


class NoGraphviz(Exception):
    """Graphviz (the ``dot`` program or its Python binding) is missing; the message says which."""


#: a size with more roles than this is drawn as a table: a picture that big is unreadable (and slow to lay out)
MAX_PICTURE_ROLES = 60


def picture_roles(size) -> int:
    """How many boxes the picture of one size (a consensus SizeResult) would have."""
    return sum(len(t) for t in size.ladder) + len(size.unplaced)


def size_svgs(result) -> dict[str, str]:
    """One sanitised ``<svg>`` element per size of a consensus result, keyed by size, for the sizes
    with at most :data:`MAX_PICTURE_ROLES` roles.

    Raises :class:`NoGraphviz` when the pictures cannot be drawn here.
    """
    try:
        import graphviz
    except ImportError:
        raise NoGraphviz(NO_BINDING) from None
    from ..consensus.formats.dot import render_dot

    names = [name for name, size in result.sizes.items() if picture_roles(size) <= MAX_PICTURE_ROLES]
    sources = {name: render_dot(dataclasses.replace(result, sizes={name: result.sizes[name]})) for name in names}

    def draw(name: str) -> str:
        raw = graphviz.Source(sources[name]).pipe(format="svg", quiet=True)  # dot's layout warnings are not ours
        return sanitize_svg(raw, f"Consensus ladder for {name} companies")

    from concurrent.futures import ThreadPoolExecutor

    try:  # one dot process per size, side by side (threads only wait for them)
        with ThreadPoolExecutor(max_workers=max(1, min(len(names), os.cpu_count() or 1))) as pool:
            out = dict(zip(names, pool.map(draw, names), strict=True))
    except graphviz.ExecutableNotFound:
        raise NoGraphviz(NO_DOT) from None
    return out


def sanitize_svg(data: bytes, label: str) -> str:
    """The drawing in ``data`` (an SVG document) as one ``<svg>`` element for an HTML page:
    allowed elements and attributes only, every text and attribute escaped, an accessible
    name, no caption (the page's headings name the size)."""
    start = data.find(b"<svg")
    root = ElementTree.fromstring(data[start:] if start >= 0 else data)
    _crop(root)
    parts: list[str] = []
    _write(root, parts, top=True, label=label)
    return "".join(parts)


#: Graphviz sizes its pictures in points at 10 pt type; drawn this much larger they read like the page
SCALE = 1.25


def _scaled(length: str) -> str:
    """``"189pt"`` -> ``"378px"`` (points to CSS pixels, times :data:`SCALE`); other values unchanged."""
    try:
        return f"{round(float(length.removesuffix('pt')) * SCALE * 4 / 3)}px" if length.endswith("pt") else length
    except ValueError:
        return length


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_TRANSLATE = re.compile(r"translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)")


def _crop(root: ElementTree.Element, pad: float = 6.0) -> None:
    """Shrink the picture to its one size column: the caption Graphviz puts above it is wider
    than a single ladder. Leaves the picture as it is when the layout is not the expected one."""
    graph = next((g for g in root if _local(g.tag) == "g" and g.get("class") == "graph"), None)
    cluster = next((g for g in graph or () if _local(g.tag) == "g" and g.get("class") == "cluster"), None)
    if graph is None or cluster is None:
        return
    frame = next((e for e in cluster if _local(e.tag) in ("path", "polygon")), None)
    move = _TRANSLATE.search(graph.get("transform", ""))
    if frame is None or move is None:
        return
    nums = [float(x) for x in _NUMBER.findall(frame.get("d") or frame.get("points") or "")]
    if len(nums) < 4:
        return
    xs, ys = nums[0::2], nums[1::2]
    tx, ty = float(move.group(1)), float(move.group(2))
    x0, y0 = min(xs) + tx - pad, min(ys) + ty - pad
    w, h = max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
    root.set("viewBox", f"{x0:.2f} {y0:.2f} {w:.2f} {h:.2f}")
    root.set("width", f"{w:.0f}pt")
    root.set("height", f"{h:.0f}pt")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _write(el: ElementTree.Element, out: list[str], *, top: bool = False, label: str = "") -> None:
    name = _local(el.tag)
    if name not in _ELEMENTS:
        return
    attrs = [(k, v) for k, v in el.attrib.items() if k in _ATTRIBUTES]
    if top:
        attrs = [(k, _scaled(v) if k in ("width", "height") else v) for k, v in attrs]
        attrs += [("role", "img"), ("aria-label", label), ("focusable", "false")]
    if name == "g" and el.get("class") == "node":  # for the filter: which role this box shows
        text = " ".join("".join(t.itertext()).strip() for t in el.iter() if _local(t.tag) == "text").strip()
        attrs.append(("data-role", text.casefold()))
    out.append("<" + name + "".join(f' {k}="{escape(v, quote=True)}"' for k, v in attrs) + ">")
    if top:
        out.append(f"<title>{escape(label, quote=False)}</title>")
    if el.text and name == "text":
        out.append(escape(el.text, quote=False))
    boxed = name == "g" and el.get("class") in ("graph", "cluster")
    for child in el:
        if boxed and _local(child.tag) in ("text", "path"):
            continue  # caption, size name and frame of the picture: the page's size card says so
        _write(child, out)
        if child.tail and name == "text":
            out.append(escape(child.tail, quote=False))
    out.append(f"</{name}>")
