"""Render a report view as one self-contained HTML page with Jinja2 (autoescaping on).

The page's style sheet and script are package files inlined into the page; their SHA-256
hashes go into the Content-Security-Policy meta tag, which allows nothing else: no other
script or style, no network request of any kind. Imports Jinja2 and the report's view; must
not import the linter, the consensus package or the CLI.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import resources

from .view import ReportView

_PKG = "rolegraph.report"


def _asset(name: str) -> str:
    text = resources.files(_PKG).joinpath("templates", name).read_text(encoding="utf-8")
    closing = "</style" if name.endswith(".css") else "</script"
    if closing in text.lower():  # would end the inline element early
        raise ValueError(f"{name} must not contain {closing}")
    return text


def csp_hash(text: str) -> str:
    """The CSP source expression that allows an inline element with exactly ``text``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader(_PKG, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def content_security_policy(style: str, script: str) -> str:
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(style)}; "
        f"script-src {csp_hash(script)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def render_html(view: ReportView) -> str:
    """The page for ``view``; the same view gives the same text."""
    from markupsafe import Markup

    style, script = _asset("report.css"), _asset("report.js")
    template = _environment().get_template("report.html.j2")
    page = template.render(
        v=view,
        csp=content_security_policy(style, script),
        style=Markup(style),
        script=Markup(script),
        svg=Markup,  # only for the ladders' sanitised SVG (see ladders.sanitize_svg)
    )
    # control characters from a page or a claims file are not allowed in HTML: show them as \x1b
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), page)
